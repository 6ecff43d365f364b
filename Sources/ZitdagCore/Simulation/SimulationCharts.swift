import Foundation

/// SVG charts of a simulation: the distribution of waiting days, and the backlog and utilisation over
/// the weeks with their 95% bands, one colour per scenario.
public struct SimulationCharts: Sendable {
    public let results: [SimulationResult]

    public init(results: [SimulationResult]) {
        self.results = results
    }
    static let colours = ["#1b6ca8", "#d1495b", "#2e8b57", "#edae49", "#6a4c93"]

    /// The charts as SVG files: (file name, text).
    public var files: [(String, String)] {
        [
            ("waits.svg", histogram()),
            ("backlog.svg", lines(title: "Backlog at the end of each week", yLabel: "requests waiting for a first appointment", percent: false, value: \.weeklyBacklog)),
            ("utilisation.svg", lines(title: "Seat utilisation per week", yLabel: "seat time used", percent: true, value: \.weeklyUtilisation)),
        ]
    }

    private let width = 760.0
    private let height = 420.0
    private let margin = (left: 60.0, right: 20.0, top: 40.0, bottom: 50.0)

    private func frame(_ title: String, _ body: String, xLabel: String, yLabel: String) -> String {
        let legend = results.enumerated().map { i, result in
            "<rect x=\"\(margin.left + Double(i) * 180)\" y=\"\(height - 18)\" width=\"12\" height=\"12\" fill=\"\(colour(i))\"/>"
                + "<text x=\"\(margin.left + Double(i) * 180 + 16)\" y=\"\(height - 8)\">\(escape(result.label))</text>"
        }.joined()
        let middle = margin.top + plotHeight / 2
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12" role="img" aria-label="\(escape(title))">
            <title>\(escape(title))</title>
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(margin.left)" y="24" font-size="16">\(escape(title))</text>
            <text x="\(margin.left + plotWidth / 2)" y="\(height - 30)" text-anchor="middle">\(escape(xLabel))</text>
            <text transform="translate(16,\(middle)) rotate(-90)" text-anchor="middle">\(escape(yLabel))</text>
            \(body)\(legend)
            </svg>

            """
    }

    private func colour(_ i: Int) -> String { Self.colours[i % Self.colours.count] }

    private var plotWidth: Double { width - margin.left - margin.right }
    private var plotHeight: Double { height - margin.top - margin.bottom - 20 }

    /// A round step for an axis from 0 to `maximum`: 1, 2 or 5 times a power of ten, at most `ticks` steps.
    static func roundStep(_ maximum: Double, ticks: Int = 5) -> Double {
        guard maximum > 0 && maximum.isFinite else { return 1 }
        var power = pow(10, (log10(maximum / Double(ticks))).rounded(.down))
        while true {
            for factor in [1.0, 2.0, 5.0] where maximum / (factor * power) <= Double(ticks) { return factor * power }
            power *= 10
        }
    }

    /// Axes with gridlines at round values of y up to `top` (a multiple of `step`), and the x ticks given.
    private func axes(top: Double, step: Double, formatY: (Double) -> String, xTicks: [(x: Double, label: String)]) -> String {
        var out = "<line x1=\"\(margin.left)\" y1=\"\(margin.top + plotHeight)\" x2=\"\(width - margin.right)\" y2=\"\(margin.top + plotHeight)\" stroke=\"#444\"/>"
        out += "<line x1=\"\(margin.left)\" y1=\"\(margin.top)\" x2=\"\(margin.left)\" y2=\"\(margin.top + plotHeight)\" stroke=\"#444\"/>"
        out += SVG.gridlines(top: top, step: step, left: margin.left, right: width - margin.right, plotTop: margin.top, plotHeight: plotHeight, label: formatY)
        for tick in xTicks {
            out += "<line x1=\"\(tick.x)\" y1=\"\(margin.top + plotHeight)\" x2=\"\(tick.x)\" y2=\"\(margin.top + plotHeight + 4)\" stroke=\"#444\"/>"
            out += "<text x=\"\(tick.x)\" y=\"\(margin.top + plotHeight + 16)\" text-anchor=\"middle\">\(escape(tick.label))</text>"
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
        let step = Self.roundStep(max(shares.flatMap { $0 }.max() ?? 0.01, 0.01))
        let top = step * (max(shares.flatMap { $0 }.max() ?? 0.01, 0.01) / step).rounded(.up)
        let slot = plotWidth / Double(maxDay + 1)
        let dayStep = Int(Self.roundStep(Double(maxDay), ticks: 8))
        let ticks = stride(from: 0, through: maxDay, by: max(1, dayStep)).map { (margin.left + (Double($0) + 0.5) * slot, "\($0)") }
        var body = axes(top: top, step: step, formatY: { Self.percent($0, step: step) }, xTicks: ticks)
        for (i, values) in shares.enumerated() {
            let barWidth = max(slot / Double(results.count), 0.5)
            for (day, share) in values.enumerated() where share > 0 {
                let barHeight = plotHeight * share / top
                body += "<rect x=\(quote(margin.left + Double(day) * slot + Double(i) * barWidth)) y=\(quote(margin.top + plotHeight - barHeight)) width=\(quote(barWidth)) height=\(quote(barHeight)) fill=\"\(colour(i))\" fill-opacity=\"0.8\"/>"
            }
        }
        return frame("Days from request to first appointment", body, xLabel: "days waited", yLabel: "share of requests")
    }

    /// A percentage with as many decimals as the step needs (5 %, 2.5 %).
    static func percent(_ value: Double, step: Double) -> String {
        String(format: step * 100 >= 1 ? "%.0f%%" : "%.1f%%", value * 100)
    }

    /// One line per scenario with its 95% band, over the weeks after the warm-up; the time axis shows
    /// the Mondays' dates.
    private func lines(title: String, yLabel: String, percent: Bool, value: KeyPath<SimulationReport, [Estimate]>) -> String {
        let series = results.map { $0.report[keyPath: value] }
        let weeks = series.map(\.count).max() ?? 0
        let warmup = results.first?.report.warmupWeeks ?? 0
        let start = results.first?.scenario.start
        let highest = max(series.flatMap { $0.map { $0.high.isFinite ? $0.high : $0.mean } }.max() ?? 1, 1e-9)
        let step = Self.roundStep(percent ? min(highest, 1) : highest)
        let top = step * ((percent ? min(highest, 1) : highest) / step).rounded(.up)
        func x(_ i: Int) -> Double { margin.left + plotWidth * Double(i) / Double(max(weeks - 1, 1)) }
        func y(_ v: Double) -> Double { margin.top + plotHeight * (1 - min(max(v, 0), top) / top) }
        // Ticks every 1, 2, 4, 13, 26 or 52 weeks (a month, a quarter, a year), at most eight.
        let weekStep = [1, 2, 4, 13, 26, 52, 104, 260, 520].first { weeks / $0 < 8 } ?? 1040
        let ticks = stride(from: 0, to: max(weeks, 1), by: weekStep).map { i in
            (x(i), start.map { "\($0.adding(days: 7 * (warmup + i)))" } ?? "\(warmup + i)")
        }
        var body = axes(top: top, step: step, formatY: { percent ? Self.percent($0, step: step) : Self.number($0, step: step) }, xTicks: ticks)
        for (i, estimates) in series.enumerated() where !estimates.isEmpty {
            let upper = estimates.enumerated().map { "\(x($0)),\(y($1.high.isFinite ? $1.high : $1.mean))" }
            let lower = estimates.enumerated().reversed().map { "\(x($0)),\(y($1.low.isFinite ? $1.low : $1.mean))" }
            body += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour(i))\" fill-opacity=\"0.15\"/>"
            body += "<polyline points=\"\(estimates.enumerated().map { "\(x($0)),\(y($1.mean))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour(i))\" stroke-width=\"2\"/>"
        }
        return frame(title, body, xLabel: "week starting", yLabel: yLabel)
    }

    /// A count with as many decimals as the step needs.
    static func number(_ value: Double, step: Double) -> String {
        String(format: step >= 1 ? "%.0f" : "%.1f", value)
    }

    private func quote(_ value: Double) -> String { "\"\(String(format: "%.2f", value))\"" }

    private func escape(_ text: String) -> String { SVG.escape(text) }
}
