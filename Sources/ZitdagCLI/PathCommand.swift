import ArgumentParser
import ZitdagCore
import ZitdagStore

/// `zitdag path`: where a job seeker stands, and everything on their way so far.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path", abstract: Text("Show a job seeker's path: intakes, requests, appointments and how they went, loans.").cli)
    @Argument(help: ArgumentHelp(Text("The job seeker's pseudonymous id."))) var jobSeeker: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try store.run(self) { db in
            let path = try db.path(of: jobSeeker)
            let today = db.zone.local(at: StoreOptions.clock()).date
            if store.json { return Render.printJSON(PathSummary(path, on: today, renderer: Reader.renderer)) }
            for line in path.standing(on: today) { say(line) }
            say(Text(verbatim: ""))
            for step in path.steps { say(Text("\(step.day)  \(step.text)")) }
        }
    }
}
