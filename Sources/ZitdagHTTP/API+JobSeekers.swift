import Hummingbird
import ZitdagCore
import ZitdagStore

extension API {
    /// A job seeker's intakes and path: `GET|POST /v1/job-seekers/{id}/intakes`, `GET /v1/job-seekers/{id}/path`;
    /// and the funders' report, `GET /v1/reports/funders` (JSON, or with `format=csv` the Belgian CSV file).
    func addJobSeekerRoutes(to group: RouterGroup<APIContext>) {
        group.get("job-seekers/:id/intakes") { _, context in
            let (caller, id, store) = (try context.caller(), context.parameters.get("id") ?? "", self.store)
            let intakes = try await work { () throws -> [IntakeSummary] in
                try Permission.mayFollow(caller, jobSeeker: id, store: store)
                guard try store.jobSeeker(id) != nil else { throw APIProblem(.notFound, Text("no job seeker \(id)")) }
                return try store.intakes(of: id).map(IntakeSummary.init)
            }
            return Response.json(intakes)
        }
        group.post("job-seekers/:id/intakes") { request, context in
            let (caller, id) = (try context.caller(), context.parameters.get("id") ?? "")
            var request = request
            let body = try await request.decode(IntakeBody.self, context: context)
            let on = try body.on.map { try Fields.date($0, field: "on") }
            let (store, now) = (self.store, desk.now())
            let intake = try await work { () throws -> Intake in
                try Permission.mayFollow(caller, jobSeeker: id, store: store)
                return try store.recordIntake(
                    jobSeeker: id, answers: body.answers, on: on, location: body.location, at: now, actor: "\(caller.role.rawValue) \(caller.subject)")
            }
            return Response.json(IntakeSummary(intake), status: .created)
        }
        group.get("job-seekers/:id/path") { request, context in
            let (caller, id, store) = (try context.caller(), context.parameters.get("id") ?? "", self.store)
            let (today, renderer) = (zone.local(at: desk.now()).date, request.renderer)
            let path = try await work { () throws -> PathSummary in
                try Permission.mayFollow(caller, jobSeeker: id, store: store)
                return PathSummary(try store.path(of: id), on: today, renderer: renderer)
            }
            return Response.json(path)
        }
        group.get("reports/funders") { request, context in
            try Permission.mayReport(try context.caller())
            let query = Query(request: request)
            let today = zone.local(at: desk.now()).date
            let from = try query.date("from") ?? today
            let to = try query.date("to") ?? from
            // A last month before the first is a range of no months (no rows), as for every range of the API.
            let (store, location, renderer) = (self.store, query.string("location"), request.renderer)
            let report = try await work { try store.fundersReport(from: from, to: to, location: location) }
            switch query.string("format") {
            case nil, "json": return Response.json(report.rows.map(ReportRowSummary.init))
            case "csv":
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"zitdag-report-\(from.month)-\(to.month).csv\""],
                    body: .init(byteBuffer: ByteBuffer(string: BelgianCSV.text(report.cells(by: renderer, decimalComma: true)))))
            case let other?: throw APIProblem(.unprocessableContent, Text("format: \"\(other)\" is not json or csv"), field: "format")
            }
        }
    }
}

struct IntakeBody: ClientBody {
    var answers: [String: Int]
    var on: String?
    var location: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case answers, on, location
    }
}
