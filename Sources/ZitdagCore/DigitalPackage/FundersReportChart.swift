/// The funders' report as two SVG charts of the whole city's months: appointments by how they
/// ended, and new intakes by level. Stacked bars, labelled in the reader's language.
public struct FundersReportChart: Sendable {
    public let report: FundersReport
    public let renderer: Text.Renderer

    public init(report: FundersReport, renderer: Text.Renderer) {
        self.report = report
        self.renderer = renderer
    }

    static let colours = ["#2e7d32", "#c62828", "#757575", "#1565c0"]

    /// The charts as files: (name, SVG text).
    public var files: [(String, String)] {
        let city = report.rows.filter { $0.location == nil }
        return [
            (
                "appointments.svg",
                bars(
                    title: Text("Appointments per month, by how they ended"), rows: city,
                    parts: [
                        (Text("attended"), \.attended), (Text("no-shows"), \.noShows), (Text("cancelled"), \.cancelled),
                        (Text("still booked"), { $0.booked - $0.attended - $0.noShows - $0.cancelled }),
                    ])
            ),
            (
                "intakes.svg",
                bars(
                    title: Text("New intakes per month, by digital level"), rows: city,
                    parts: DigitalLevel.allCases.map { level in (level.words, { $0.intakes[level] ?? 0 }) })
            ),
        ]
    }

    private let width = 760.0
    private let height = 400.0
    private let margin = (left: 60.0, right: 20.0, top: 44.0, bottom: 70.0)

    /// One stacked bar per row, a part per colour, with a legend and round gridlines.
    func bars(title: Text, rows: [FundersReport.Row], parts: [(Text, (FundersReport.Row) -> Int)]) -> String {
        let title = escape(title.rendered(by: renderer))
        let plotWidth = width - margin.left - margin.right
        let plotHeight = height - margin.top - margin.bottom
        let totals = rows.map { row in parts.reduce(0) { $0 + $1.1(row) } }
        let step = SimulationCharts.roundStep(Double(max(totals.max() ?? 0, 1)))
        let top = (Double(max(totals.max() ?? 0, 1)) / step).rounded(.up) * step
        var body = SVG.gridlines(
            top: top, step: step, left: margin.left, right: width - margin.right, plotTop: margin.top, plotHeight: plotHeight, label: { String(Int($0)) })
        let slot = plotWidth / Double(max(rows.count, 1))
        for (i, row) in rows.enumerated() {
            let x = margin.left + slot * Double(i) + slot * 0.15
            var base = margin.top + plotHeight
            for (p, part) in parts.enumerated() {
                let count = part.1(row)
                guard count > 0 else { continue }
                let h = plotHeight * Double(count) / top
                base -= h
                body += "<rect x=\"\(x)\" y=\"\(base)\" width=\"\(slot * 0.7)\" height=\"\(h)\" fill=\"\(Self.colours[p % Self.colours.count])\">"
                body += "<title>\(escape(row.month)): \(escape(part.0.rendered(by: renderer))) \(count)</title></rect>"
            }
            body += "<text x=\"\(x + slot * 0.35)\" y=\"\(margin.top + plotHeight + 16)\" text-anchor=\"middle\">\(escape(row.month))</text>"
        }
        body += "<line x1=\"\(margin.left)\" y1=\"\(margin.top + plotHeight)\" x2=\"\(width - margin.right)\" y2=\"\(margin.top + plotHeight)\" stroke=\"#444\"/>"
        let legend = parts.enumerated().map { p, part in
            "<rect x=\"\(margin.left + Double(p) * 170)\" y=\"\(height - 30)\" width=\"12\" height=\"12\" fill=\"\(Self.colours[p % Self.colours.count])\"/>"
                + "<text x=\"\(margin.left + Double(p) * 170 + 16)\" y=\"\(height - 20)\">\(escape(part.0.rendered(by: renderer)))</text>"
        }.joined()
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12" role="img" aria-label="\(title)">
            <title>\(title)</title>
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(margin.left)" y="26" font-size="16">\(title)</text>
            \(body)\(legend)
            </svg>

            """
    }

    private func escape(_ text: String) -> String { SVG.escape(text) }
}
