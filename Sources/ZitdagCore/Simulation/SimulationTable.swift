import Foundation

/// The table a coordinator reads: one row per figure, one column per scenario, with 95% confidence
/// intervals, and against the first scenario the difference and whether it is significant.
public struct SimulationTable: Sendable {
    public let results: [SimulationResult]

    public init(results: [SimulationResult]) {
        self.results = results
    }

    /// The figures in order: label, how to read the estimate, how to print it.
    static let rows: [(Text, @Sendable (SimulationReport) -> Estimate, @Sendable (Double) -> String)] = [
        (Text("days to first appointment, mean"), { $0.waitMean }, { String(format: "%.1f", $0) }),
        (Text("days to first appointment, median"), { $0.waitMedian }, { String(format: "%.1f", $0) }),
        (Text("days to first appointment, 90th percentile"), { $0.waitP90 }, { String(format: "%.1f", $0) }),
        (Text("days to finish the series, mean"), { $0.seriesDays }, { String(format: "%.1f", $0) }),
        (Text("seat utilisation"), { $0.utilisation }, { String(format: "%.1f%%", $0 * 100) }),
        (Text("backlog at the end of a week"), { $0.backlog }, { String(format: "%.1f", $0) }),
        (Text("share missing its due date"), { $0.missedDue }, { String(format: "%.1f%%", $0 * 100) }),
        (Text("share never booked"), { $0.notBooked }, { String(format: "%.1f%%", $0 * 100) }),
        (Text("consultant along, preferred requests"), { $0.along }, { String(format: "%.1f%%", $0 * 100) }),
    ]

    /// The walk-in figures, shown when a scenario has walk-in hours.
    static let walkInRows: [(Text, @Sendable (SimulationReport) -> Estimate, @Sendable (Double) -> String)] = [
        (Text("walk-in wait in minutes, mean"), { $0.walkInWaitMean }, { String(format: "%.1f", $0) }),
        (Text("walk-in wait in minutes, 90th percentile"), { $0.walkInWaitP90 }, { String(format: "%.1f", $0) }),
        (Text("walk-ins sent home at closing"), { $0.walkInTurnedAway }, { String(format: "%.1f%%", $0 * 100) }),
        (Text("walk-ins helped per week"), { $0.walkInHelpedPerWeek }, { String(format: "%.1f", $0) }),
    ]
    static let walkInKeys = ["walk_in_wait_mean", "walk_in_wait_p90", "walk_in_sent_home", "walk_in_helped_per_week"]

    /// The urgent figures, shown when a scenario has urgent cases.
    static let urgentRows: [(Text, @Sendable (SimulationReport) -> Estimate, @Sendable (Double) -> String)] = [
        (Text("urgent: days to a held-back seat, mean"), { $0.urgentWait }, { String(format: "%.1f", $0) }),
        (Text("urgent: share finding none held"), { $0.urgentUnserved }, { String(format: "%.1f%%", $0 * 100) }),
    ]
    static let urgentKeys = ["urgent_wait_mean", "urgent_unserved"]

    /// The rows for `results`: the walk-in ones only when one of them has walk-in hours, the urgent
    /// ones only when one has urgent cases.
    static func rows(for results: [SimulationResult]) -> [(Text, @Sendable (SimulationReport) -> Estimate, @Sendable (Double) -> String)] {
        rows + (results.contains { $0.scenario.walkIn != nil } ? walkInRows : [])
            + (results.contains { ($0.scenario.heldBack?.urgentPerWeek ?? 0) > 0 } ? urgentRows : [])
    }

    /// The JSON keys of ``rows(for:)``, in the same order.
    /// Every figure's key, whichever rows a table shows.
    public static var allKeys: [String] { keys + walkInKeys + urgentKeys }

    public static func keys(for results: [SimulationResult]) -> [String] {
        keys + (results.contains { $0.scenario.walkIn != nil } ? walkInKeys : [])
            + (results.contains { ($0.scenario.heldBack?.urgentPerWeek ?? 0) > 0 } ? urgentKeys : [])
    }
    static let keys = ["wait_mean", "wait_median", "wait_p90", "series_days", "utilisation", "backlog", "missed_due", "never_booked", "consultant_along_preferred"]

    /// One figure of one scenario: its numbers as printed (with a decimal point), for a table in
    /// any language. `nil` numbers: nothing was counted; `low`/`high` `nil`: one replication.
    public struct Entry: Sendable, Hashable {
        public var mean: String?
        public var low: String?
        public var high: String?
        /// Against the first scenario: the difference (signed) and whether it is significant.
        public var difference: String?
        public var significant: Bool?
    }

    /// The figures by key (see ``keys(for:)``), each with an entry per scenario.
    public var entries: [(key: String, label: Text, values: [Entry])] {
        zip(Self.keys(for: results), Self.rows(for: results)).map { key, row in
            let (label, estimate, format) = row
            let first = estimate(results[0].report)
            return (key, label, results.enumerated().map { index, result in
                let value = estimate(result.report)
                // A figure nothing was counted for (no preferred requests, say) says so, and one
                // counted in a single replication has no interval.
                guard value.count > 0 else { return Entry() }
                var entry = Entry(mean: format(value.mean))
                if value.halfWidth.isFinite { (entry.low, entry.high) = (format(value.low), format(value.high)) }
                if index > 0 && first.count > 0 {
                    let difference = value.mean - first.mean
                    entry.difference = (difference >= 0 ? "+" : "") + format(difference)
                    entry.significant = value.differs(from: first)
                }
                return entry
            })
        }
    }

    /// The table as cells: a header row (the scenarios' labels), then a row a figure (numbers with a
    /// decimal point, as the command line writes them).
    public func cells(_ renderer: Text.Renderer = .english) -> [[String]] {
        [[Text("figure").rendered(by: renderer)] + results.map(\.label)]
            + entries.map { figure in
                [figure.label.rendered(by: renderer)] + figure.values.map { entry in
                    guard let mean = entry.mean else { return Text("no data").rendered(by: renderer) }
                    var cell = entry.low.map { Text("\(mean) [\($0), \(entry.high ?? "")]") } ?? Text("\(mean) [one replication]")
                    if let difference = entry.difference {
                        cell = entry.significant == true ? Text("\(cell) (\(difference), significant)") : Text("\(cell) (\(difference), not significant)")
                    }
                    return cell.rendered(by: renderer)
                }
            }
    }

    /// How each scenario ran: replications, weeks, policy, what a variant changed.
    public var notes: [Text] {
        results.map { result in
            let note = Text(
                "\(result.label): \(result.report.replications) replications of \(result.scenario.horizonWeeks) weeks (\(result.scenario.warmupWeeks) warm-up, \(result.scenario.cooldownWeeks) cool-down), \(result.scenario.policy.rawValue) policy")
            return result.change.map { Text("\(note), \($0)") } ?? note
        }
    }

    /// The table as text, columns padded, with each scenario's run and its time.
    public func text(_ renderer: Text.Renderer = .english) -> String {
        let lines = cells(renderer)
        let widths = (0..<lines[0].count).map { column in lines.map { $0[column].count }.max() ?? 0 }
        var out = lines.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
        for (note, result) in zip(notes, results) {
            let seconds = Double(result.elapsed.components.seconds) + Double(result.elapsed.components.attoseconds) / 1e18
            out += Text("\(note), \(String(format: "%.2f", seconds)) s").rendered(by: renderer) + "\n"
        }
        return out + Text("Brackets: 95% confidence interval over replications.").rendered(by: renderer) + "\n"
    }
}

/// The figures as JSON and CSV, for coordinators' own tools.
public enum SimulationExport {
    public static func json(_ results: [SimulationResult]) -> String {
        func estimate(_ e: Estimate) -> JSON {
            guard e.count > 0 else { return JSON(.null) }
            return .object(["mean": JSON(.number(e.mean)), "low": JSON(.number(e.low.isFinite ? e.low : e.mean)), "high": JSON(.number(e.high.isFinite ? e.high : e.mean))])
        }
        return JSONWriter.write(.array(results.map { result in
            var figures: [(key: String, value: JSON)] = []
            for (key, row) in zip(SimulationTable.keys(for: results), SimulationTable.rows(for: results)) { figures.append((key, estimate(row.1(result.report)))) }
            let weeks = result.report.weeklyBacklog.indices.map { i in
                JSON.object([
                    "week": JSON(.integer(result.report.warmupWeeks + i)),
                    "backlog": estimate(result.report.weeklyBacklog[i]),
                    "utilisation": estimate(result.report.weeklyUtilisation[i]),
                ])
            }
            let histogram = result.report.waitHistogram.sorted { $0.key < $1.key }.map { JSON.object(["days": JSON(.integer($0.key)), "requests": JSON(.integer($0.value))]) }
            return JSON(.object([
                ("scenario", JSON(.string(result.label))), ("replications", JSON(.integer(result.report.replications))),
                ("figures", JSON(.object(figures))), ("weeks", .array(weeks)), ("wait_histogram", .array(histogram)),
            ]))
        }))
    }

    public static func csv(_ results: [SimulationResult]) -> String {
        var rows = ["scenario,figure,week,mean,low,high"]
        for result in results {
            for (label, estimate, _) in SimulationTable.rows(for: results) {
                let e = estimate(result.report)
                rows.append("\(quoted(result.label)),\(quoted(label.description)),,\(Self.figures(e))")
            }
            for (i, e) in result.report.weeklyBacklog.enumerated() {
                rows.append("\(quoted(result.label)),backlog at the end of the week,\(result.report.warmupWeeks + i),\(Self.figures(e))")
            }
            for (i, e) in result.report.weeklyUtilisation.enumerated() {
                rows.append("\(quoted(result.label)),seat utilisation,\(result.report.warmupWeeks + i),\(Self.figures(e))")
            }
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// Mean, low and high; empty where there is no figure (nothing counted, or one replication's interval).
    private static func figures(_ e: Estimate) -> String {
        guard e.count > 0 else { return ",," }
        return e.halfWidth.isFinite ? "\(e.mean),\(e.low),\(e.high)" : "\(e.mean),,"
    }

    private static func quoted(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
