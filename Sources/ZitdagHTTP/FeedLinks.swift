import Foundation

/// A feed's links: https (or http) for browsers and scripts, webcal:// for calendar apps.
public struct FeedLinks: Sendable {
    public let base: String
    public let secret: String

    public init(base: String, secret: String) {
        self.base = base
        self.secret = secret
    }

    public var url: String { "\(base)/feeds/\(secret).ics" }

    public var webcal: String {
        let rest = base.hasPrefix("https://") ? base.dropFirst(8) : base.hasPrefix("http://") ? base.dropFirst(7) : base[...]
        return "webcal://\(rest)/feeds/\(secret).ics"
    }

    public var lines: [String] { [url, webcal] }
}

/// A link that signs its holder in to the web desk: the token travels in the fragment, which
/// browsers never send, so it stays out of server logs (the sign-in page's script reads it).
public enum SignInLink {
    public static func url(base: String, secret: String) -> String { "\(base)/sign-in#token=\(secret)" }
}
