import ArgumentParser
import Dispatch
import Foundation
import ZitdagCore

/// `zitdag simulate`: how long will people wait? A Monte Carlo simulation driven by the allocator.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: Text("Simulate a capacity scenario (zitdag-scenario/1) and report waiting, backlog and utilisation with 95% CIs.").cli,
        discussion: Text("""
            Replications run on every core; the results depend only on the seed, never on the number of
            threads. Give a second scenario file, or --vary seats=1,2 | halfdays=2,3,4 | halfdays=+1 | walkin=0,1h,1seat |
            add=thu-09:00 | rate=4,6,8, to compare side by side: differences are marked significant at the 5%
            level (Welch). halfdays=N keeps the first N half-days listed; +N and add= add half-days like the
            first (the table says which half-days each variant adds or drops).
            Exit status: 0, 2 a broken scenario (nothing runs).
            """).cli)

    @Argument(help: ArgumentHelp(Text("One or two scenario files."))) var scenarios: [String]
    @Option(help: ArgumentHelp(Text("Compare values of one knob: seats=1,2, halfdays=2,3 or +1, add=thu-09:00 or rate=4,6,8."))) var vary: String?
    @Option(help: ArgumentHelp(Text("Replications (default: the scenario's)."))) var replications: Int?
    @Option(help: ArgumentHelp(Text("Seed (default: the scenario's)."))) var seed: UInt64?
    @Option(help: ArgumentHelp(Text("Threads (default: every core)."))) var threads: Int?
    @Option(help: ArgumentHelp(Text("Write the figures as JSON to this file."))) var json: String?
    @Option(help: ArgumentHelp(Text("Write the figures as CSV to this file."))) var csv: String?
    @Option(help: ArgumentHelp(Text("Write SVG charts (waits, backlog, utilisation) to this folder."))) var svg: String?

    func validate() throws {
        guard (1...2).contains(scenarios.count) else { throw ValidationError(Text("give one scenario file, or two to compare")) }
        guard vary == nil || scenarios.count == 1 else { throw ValidationError(Text("--vary compares values within one scenario: give one file")) }
        if let replications, !(1...100_000).contains(replications) { throw ValidationError(Text("--replications must be 1 to 100000")) }
        if let threads, !(1...256).contains(threads) { throw ValidationError(Text("--threads must be 1 to 256")) }
    }

    func run() throws {
        try reporting {
            let variants = try self.variants()
            var results: [SimulationResult] = []
            for (index, variant) in variants.enumerated() {
                let bar = ProgressBar(label: "\(variant.label) (\(index + 1)/\(variants.count))")
                results.append(SimulationResult.run(
                    label: variant.label, change: variant.change, scenario: variant.scenario,
                    threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, clock: ContinuousClock(), progress: bar.show))
            }
            print(SimulationTable(results: results).text(Reader.renderer), terminator: "")
            if let json { try Files.write(SimulationExport.json(results), to: json) }
            if let csv { try Files.write(SimulationExport.csv(results), to: csv) }
            if let svg {
                try Files.makeFolder(svg)
                for (name, text) in SimulationCharts(results: results).files {
                    try Files.write(text, to: (svg as NSString).appendingPathComponent(name))
                }
            }
        }
    }

    /// The scenarios to run, with their labels.
    private func variants() throws(CommandError) -> [(label: String, change: String?, scenario: Scenario)] {
        var loaded: [(label: String, change: String?, scenario: Scenario)] = []
        for path in scenarios {
            var scenario: Scenario
            do { scenario = try ScenarioFile.decode(try Files.read(path)) } catch let error as FormatError {
                throw CommandError.format(path, error)
            } catch { throw CommandError.input(Text("\(path): \(Text.of(error))")) }
            if let folder = scenario.calendarFolder {
                let base = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(folder)
                let zone = scenario.zone
                let window = Span(
                    start: zone.instant(for: LocalDateTime(date: scenario.start, secondOfDay: 0))!,
                    end: zone.instant(for: LocalDateTime(date: scenario.start.adding(days: 7 * scenario.simulatedWeeks), secondOfDay: 0))!)
                scenario.calendarSessions = try SessionCalendarFiles.sessions(in: folder.hasPrefix("/") ? folder : base, window: window, zone: zone)
            }
            if let replications { scenario.replications = replications }
            if let seed { scenario.seed = seed }
            loaded.append(((path as NSString).lastPathComponent, nil, scenario))
        }
        guard let vary else { return loaded }
        switch Variation.variants(of: loaded[0].scenario, label: loaded[0].label, vary: vary) {
        case .success(let variants): return variants
        case .failure(let error): throw CommandError.input(Text("--vary \(error.text)"))
        }
    }
}

/// A progress bar on standard error, only on a terminal.
struct ProgressBar {
    let label: String
    let terminal = isatty(2) == 1

    func show(_ finished: Int, _ count: Int) {
        guard terminal else { return }
        let width = 30
        let filled = finished * width / max(count, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        Terminal.put("\r\(label) [\(bar)] \(finished)/\(count)\(finished == count ? "\n" : "")", to: .error)
    }
}
