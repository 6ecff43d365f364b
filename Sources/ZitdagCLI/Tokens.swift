import ArgumentParser
import ZitdagCore
import ZitdagHTTP
import ZitdagStore

/// `zitdag token`: API tokens and feed tokens.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: Text("Create, rotate, list and revoke API and feed tokens.").cli,
        discussion: Text("Secrets are printed once, when made; the database keeps only their SHA-256.").cli,
        subcommands: [Create.self, Feed.self, List.self, Revoke.self])

    /// Writes a secret (and a newline) to stdout, where alone it exists: when it cannot be written,
    /// nobody has the token, so it is revoked at once rather than left valid and unseen.
    static func reveal(_ secret: String, of id: String, what: String, in db: Store, actor: String) throws {
        guard Terminal.put(secret + "\n", to: .output) else {
            try db.revokeToken(id: id, at: StoreOptions.clock(), actor: actor)
            throw CommandError.output(Text("could not write \(what) to standard output; token \(id) was revoked"))
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: Text("Create an API token for a consultant, coach or coordinator.").cli)
        @Option(help: ArgumentHelp(Text("For this consultant."))) var consultant: String?
        @Option(help: ArgumentHelp(Text("For this coach."))) var coach: String?
        @Option(help: ArgumentHelp(Text("For a coordinator, by name."))) var coordinator: String?
        @Option(help: ArgumentHelp(Text("Also print a link that signs in to the web desk served at this address, e.g. http://127.0.0.1:8080.")))
        var link: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                let (option, subject) = try CommandError.one(of: [("--consultant", consultant), ("--coach", coach), ("--coordinator", coordinator)])
                let role: Role = option == "--consultant" ? .consultant : option == "--coach" ? .coach : .coordinator
                var random = SystemRandomNumberGenerator()
                do {
                    let db = try store.open()
                    let token = try db.createToken(
                        role: role, subject: subject, at: StoreOptions.clock(), actor: store.who, using: &random)
                    let shown = link.map { "\(token.secret)\n\(SignInLink.url(base: $0, secret: token.secret))" } ?? token.secret
                    try Token.reveal(shown, of: token.id, what: "the token", in: db, actor: store.who)
                    printError(Text("token \(token.id) for \(role.rawValue) \(subject): use it as 'Authorization: Bearer <token>'"))
                } catch { throw CommandError.store(error) }
            }
        }
    }

    struct Feed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feed",
            abstract: Text("Create (or, with --rotate, replace) the feed URL of a coach, consultant or location.").cli)
        @Argument(help: ArgumentHelp(Text("coach, consultant or location"))) var kind: String
        @Argument(help: ArgumentHelp(Text("Their id."))) var id: String
        @Flag(help: ArgumentHelp(Text("Revoke their earlier feed URLs."))) var rotate = false
        @Option(help: ArgumentHelp(Text("The server's public address, for the printed links."))) var base = "http://127.0.0.1:8080"
        @OptionGroup var store: StoreOptions

        func run() throws {
            try reporting {
                let audience: FeedAudience
                switch kind {
                case "coach": audience = .coach(id)
                case "consultant": audience = .consultant(id)
                case "location": audience = .location(id)
                default: throw CommandError.input(Text("\"\(kind)\" is not coach, consultant or location"))
                }
                var random = SystemRandomNumberGenerator()
                do {
                    let db = try store.open()
                    let token = try db.createFeedToken(for: audience, rotate: rotate, at: StoreOptions.clock(), actor: store.who, using: &random)
                    try Token.reveal(
                        FeedLinks(base: base, secret: token.secret).lines.joined(separator: "\n"), of: token.id, what: "the feed link", in: db,
                        actor: store.who)
                } catch { throw CommandError.store(error) }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Text("List tokens (ids only, never secrets).").cli)
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                let db = try store.open()
                do {
                    for token in try db.tokens() {
                        let line = Text("\(token.id)  \(token.kind) \(token.subject)  created \(db.zone.local(at: token.created))")
                        say(token.revoked.map { Text("\(line)  revoked \(db.zone.local(at: $0))") } ?? line)
                    }
                } catch { throw CommandError.store(error) }
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: Text("Revoke an API or feed token by its id.").cli)
        @Argument(help: ArgumentHelp(Text("The token's id (8 hex digits)."))) var id: String
        @OptionGroup var store: StoreOptions
        func run() throws {
            try reporting {
                do { try store.open().revokeToken(id: id, at: StoreOptions.clock(), actor: store.who) } catch { throw CommandError.store(error) }
                say(Text("token \(id) revoked"))
            }
        }
    }
}
