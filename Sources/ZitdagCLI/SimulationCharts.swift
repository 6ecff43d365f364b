import Foundation
import ZitdagCore

/// SVG charts of a simulation: the distribution of waiting days, and the backlog and utilisation over
/// the weeks with their 95% bands, one colour per scenario.
struct SimulationCharts {
    let results: [SimulationResult]
    static let colours = ["#1b6ca8", "#d1495b", "#2e8b57", "#edae49", "#6a4c93"]

    var files: [(String, String)] {
        [
            ("waits.svg", histogram()),
            ("backlog.svg", lines(title: "Backlog at the end of each week", value: \.weeklyBacklog, format: { String(format: "%.0f", $0) })),
            ("utilisation.svg", lines(title: "Seat utilisation per week", value: \.weeklyUtilisation, format: { String(format: "%.0f%%", $0 * 100) })),
        ]
    }

    private let width = 760.0
    private let height = 420.0
    private let margin = (left: 60.0, right: 20.0, top: 40.0, bottom: 50.0)

    private func frame(_ title: String, _ body: String, xLabel: String) -> String {
        let legend = results.enumerated().map { i, result in
            "<rect x=\"\(margin.left + Double(i) * 180)\" y=\"\(height - 18)\" width=\"12\" height=\"12\" fill=\"\(colour(i))\"/>"
                + "<text x=\"\(margin.left + Double(i) * 180 + 16)\" y=\"\(height - 8)\">\(escape(result.label))</text>"
        }.joined()
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(margin.left)" y="24" font-size="16">\(escape(title))</text>
            <text x="\(width / 2)" y="\(height - 30)" text-anchor="middle">\(escape(xLabel))</text>
            \(body)\(legend)
            </svg>

            """
    }

    private func colour(_ i: Int) -> String { Self.colours[i % Self.colours.count] }

    private func axes(maxX: Double, maxY: Double, formatY: (Double) -> String, minX: Double = 0) -> String {
        let plotHeight = height - margin.top - margin.bottom - 20
        var out = "<line x1=\"\(margin.left)\" y1=\"\(margin.top + plotHeight)\" x2=\"\(width - margin.right)\" y2=\"\(margin.top + plotHeight)\" stroke=\"#444\"/>"
        out += "<line x1=\"\(margin.left)\" y1=\"\(margin.top)\" x2=\"\(margin.left)\" y2=\"\(margin.top + plotHeight)\" stroke=\"#444\"/>"
        for step in 0...4 {
            let value = maxY * Double(step) / 4
            let y = margin.top + plotHeight * (1 - Double(step) / 4)
            out += "<text x=\"\(margin.left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">\(formatY(value))</text>"
            out += "<line x1=\"\(margin.left)\" y1=\"\(y)\" x2=\"\(width - margin.right)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
        }
        for step in 0...4 {
            let value = minX + (maxX - minX) * Double(step) / 4
            let x = margin.left + (width - margin.left - margin.right) * Double(step) / 4
            out += "<text x=\"\(x)\" y=\"\(margin.top + plotHeight + 16)\" text-anchor=\"middle\">\(Int(value.rounded()))</text>"
        }
        return out
    }

    /// Share of requests by days waited, one bar group per day.
    private func histogram() -> String {
        let maxDay = min(results.compactMap { $0.report.waitHistogram.keys.max() }.max() ?? 1, 120)
        let shares = results.map { result -> [Double] in
            let total = Double(result.report.waitHistogram.values.reduce(0, +))
            return (0...maxDay).map { total > 0 ? Double(result.report.waitHistogram[$0] ?? 0) / total : 0 }
        }
        let maxY = max(shares.flatMap { $0 }.max() ?? 0.01, 0.01)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom - 20
        let slot = plotWidth / Double(maxDay + 1)
        var body = axes(maxX: Double(maxDay), maxY: maxY, formatY: { String(format: "%.0f%%", $0 * 100) })
        for (i, values) in shares.enumerated() {
            let barWidth = max(slot / Double(results.count), 0.5)
            for (day, share) in values.enumerated() where share > 0 {
                let barHeight = plotHeight * share / maxY
                body += "<rect x=\(quote(margin.left + Double(day) * slot + Double(i) * barWidth)) y=\(quote(margin.top + plotHeight - barHeight)) width=\(quote(barWidth)) height=\(quote(barHeight)) fill=\"\(colour(i))\" fill-opacity=\"0.8\"/>"
            }
        }
        return frame("Days from request to first appointment (share of requests)", body, xLabel: "days waited")
    }

    /// One line per scenario with its 95% band, over the weeks after the warm-up.
    private func lines(title: String, value: KeyPath<SimulationReport, [Estimate]>, format: @escaping (Double) -> String) -> String {
        let series = results.map { $0.report[keyPath: value] }
        let weeks = series.map(\.count).max() ?? 0
        let warmup = results.first?.report.warmupWeeks ?? 0
        let maxY = max(series.flatMap { $0.map { $0.high.isFinite ? $0.high : $0.mean } }.max() ?? 1, 1e-9)
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom - 20
        func x(_ i: Int) -> Double { margin.left + plotWidth * Double(i) / Double(max(weeks - 1, 1)) }
        func y(_ v: Double) -> Double { margin.top + plotHeight * (1 - min(max(v, 0), maxY) / maxY) }
        var body = axes(maxX: Double(warmup + weeks - 1), maxY: maxY, formatY: format, minX: Double(warmup))
        for (i, estimates) in series.enumerated() where !estimates.isEmpty {
            let upper = estimates.enumerated().map { "\(x($0)),\(y($1.high.isFinite ? $1.high : $1.mean))" }
            let lower = estimates.enumerated().reversed().map { "\(x($0)),\(y($1.low.isFinite ? $1.low : $1.mean))" }
            body += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour(i))\" fill-opacity=\"0.15\"/>"
            body += "<polyline points=\"\(estimates.enumerated().map { "\(x($0)),\(y($1.mean))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour(i))\" stroke-width=\"2\"/>"
        }
        return frame(title, body, xLabel: "week")
    }

    private func quote(_ value: Double) -> String { "\"\(String(format: "%.2f", value))\"" }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
