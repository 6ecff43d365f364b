import Hummingbird
import ZitdagCore
import ZitdagStore

extension API {
    /// The coordinator's funders' report: months and a place to choose, the table, the charts, and
    /// the CSV file (every column) to download.
    func addReportPages(to desk: RouterGroup<APIContext>) {
        desk.get("report") { request, context in try await page(context) { visit in try await reportPage(request, visit) } }
        desk.get("report.csv") { request, context in
            try await page(context) { visit in
                let (report, _, _, _) = try await report(request, visit)
                let csv = BelgianCSV.text(report.cells(by: pages.catalog.renderer(visit.language), decimalComma: true))
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"zitdag-report.csv\"", .cacheControl: "no-store"],
                    body: .init(byteBuffer: ByteBuffer(string: csv)))
            }
        }
    }

    /// The report the query asks for (`from`, `to`: days in the first and last month; `location`),
    /// with the months and place as asked.
    private func report(_ request: Request, _ visit: PageVisit) async throws -> (FundersReport, LocalDate, LocalDate, String?) {
        try requireRole(visit, .coordinator)
        let query = Query(request: request)
        let today = zone.local(at: desk.now()).date
        let from = try query.date("from") ?? LocalDate(year: today.components.year, month: today.components.month, day: 1)!.adding(months: -2)
        let to = try query.date("to") ?? today
        guard from.month <= to.month else { throw PageProblem(.unprocessableContent, message: Text("to: \(to) is before \(from)")) }
        let (store, location) = (self.store, query.string("location"))
        let report = try await work { try store.fundersReport(from: from, to: to, location: location) }
        return (report, from, to, location)
    }

    private func reportPage(_ request: Request, _ visit: PageVisit) async throws -> Response {
        let (report, from, to, location) = try await report(request, visit)
        let store = self.store
        let locations = try await work { try store.locations() }
        let renderer = pages.catalog.renderer(visit.language)
        let cells = report.cells(by: renderer, short: true, decimalComma: visit.language == .nl)
        var query = "from=\(from)&to=\(to)"
        if let location, let encoded = location.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { query += "&location=\(encoded)" }
        let data: [String: Any] = [
            "from": from.description, "to": to.description, "query": query,
            "locations": locations.map { ["id": $0, "selected": $0 == location] },
            "headings": cells[0], "rows": cells.dropFirst().map { ["cells": $0] },
            "charts": location == nil ? FundersReportChart(report: report, renderer: renderer).files.map { ["svg": $0.1] } : [],
        ]
        return pages.render("report", data, visit: visit, language: visit.language, title: pages.catalog.text("report_title", visit.language))
    }
}
