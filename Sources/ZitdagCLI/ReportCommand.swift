import ArgumentParser
import Foundation
import ZitdagCore
import ZitdagStore

/// `zitdag report`: the funders' report, as a table, a Belgian CSV file and SVG charts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Text("The funders' report per month: people reached, intakes, appointments and how they ended, loans, waiting times.").cli,
        discussion: Text("Counts only: no row names anyone. The CSV file opens in Belgian spreadsheets as it is (semicolons, decimal comma, UTF-8).").cli)
    @Option(help: ArgumentHelp(Text("The first month, as a day in it (default: this month)."))) var from: String?
    @Option(help: ArgumentHelp(Text("The last month, as a day in it (default: the first month)."))) var to: String?
    @Option(help: ArgumentHelp(Text("Only this location (default: the whole city and each location)."))) var location: String?
    @Option(help: ArgumentHelp(Text("Also write every column to this CSV file."))) var csv: String?
    @Option(help: ArgumentHelp(Text("Also write the charts (SVG) into this folder."))) var charts: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try store.run(self) { db in
            let today = db.zone.local(at: StoreOptions.clock()).date
            let first = try from.map { text throws(CommandError) in try WallClock.date(text, option: "--from") } ?? today
            let last = try to.map { text throws(CommandError) in try WallClock.date(text, option: "--to") } ?? first
            guard first.month <= last.month else { throw CommandError.input(Text("--to: \(last) is before \(first)")) }
            let report = try db.fundersReport(from: first, to: last, location: location)
            if let csv {
                try Files.write(BelgianCSV.text(report.cells(by: Reader.renderer, decimalComma: true)), to: csv)
            }
            if let charts {
                try Files.makeFolder(charts)
                for (name, svg) in FundersReportChart(report: report, renderer: Reader.renderer).files {
                    try Files.write(svg, to: URL(fileURLWithPath: charts).appendingPathComponent(name).path)
                }
            }
            if store.json { return Render.printJSON(report.rows.map(ReportRowSummary.init)) }
            let cells = report.cells(by: Reader.renderer, short: true, decimalComma: Reader.language == .nl)
            let widths = cells[0].indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
            // Month and place to the left, counts to the right; an empty cell (no waits) leaves the line's end bare.
            for row in cells {
                let line = row.indices.map { i in
                    i < 2 ? row[i].padding(toLength: widths[i], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[i] - row[i].count) + row[i]
                }.joined(separator: "  ")
                print(line.replacingOccurrences(of: " +$", with: "", options: .regularExpression))
            }
        }
    }
}
