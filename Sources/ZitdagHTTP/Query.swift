import Hummingbird
import ZitdagCore
import ZitdagStore

/// Query parameters (or a page's form fields), read strictly: a value of the wrong form is a 422
/// naming the parameter.
struct Query {
    private let value: (String) -> String?

    init(request: Request) {
        let parameters = request.uri.queryParameters
        value = { parameters[$0[...]].map(String.init) }
    }

    /// A page's form, where an empty field means "not given".
    init(form: Form) {
        value = { form[$0] }
    }

    func string(_ name: String) -> String? {
        value(name)
    }

    func integer(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else { throw APIProblem(.unprocessableContent, Text("\(name): \"\(text)\" is not an integer"), field: name) }
        return value
    }

    func bool(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw APIProblem(.unprocessableContent, Text("\(name): \"\(text)\" is not true or false"), field: name)
        }
    }

    func date(_ name: String) throws -> LocalDate? {
        guard let text = string(name) else { return nil }
        guard let date = LocalDate(iso: text) else {
            throw APIProblem(.unprocessableContent, Text("\(name): \"\(text)\" is not a date YYYY-MM-DD"), field: name)
        }
        return date
    }

    /// The days from `from` (default: `today`) through `to` (default: 6 days later); none when `to` is
    /// before `from`, as for any range (a filter that matches nothing, not an error).
    func window(today: LocalDate) throws -> ClosedRange<LocalDate>? {
        let from = try date("from") ?? today
        let to = try date("to") ?? from.adding(days: 6)
        return from <= to ? from...to : nil
    }

    /// A draft from the CLI's `slots` options, as query parameters.
    func draft() throws -> RequestDraft {
        guard let jobSeeker = string("job_seeker") else { throw APIProblem(.unprocessableContent, Text("job_seeker: missing"), field: "job_seeker") }
        let attendance = try Fields.attendance(string("attendance"), field: "attendance")
        let gap = try Fields.gap(min: integer("min_gap_days"), max: integer("max_gap_days"))
        var draft = RequestDraft(
            jobSeeker: jobSeeker, consultant: string("consultant"), attendance: attendance,
            durationMinutes: try integer("duration_minutes") ?? RequestSpecification.durationMinutes.defaultValue,
            appointments: try integer("appointments") ?? RequestSpecification.appointments.defaultValue, gapDays: gap,
            from: try date("from"), due: try date("due"), priority: try integer("priority") ?? RequestSpecification.priority.defaultValue,
            language: string("language"), urgent: try bool("urgent") ?? false)
        draft.seriesByLevel = ["duration_minutes", "appointments", "min_gap_days", "max_gap_days"].allSatisfy { string($0) == nil }
        return draft
    }
}

/// Values shared by bodies and query parameters.
enum Fields {
    static func attendance(_ text: String?, field: String) throws -> Attendance {
        guard let text else { return .none }
        guard let attendance = Attendance(rawValue: text) else {
            throw APIProblem(.unprocessableContent, Text("\(field): \"\(text)\" is not required, preferred or none"), field: field)
        }
        return attendance
    }

    /// The gaps given, or their defaults (``RequestSpecification``), checked as the desk checks them.
    static func gap(min: Int?, max: Int?) throws -> ClosedRange<Int> {
        let low = min ?? RequestSpecification.minGapDays.defaultValue
        let high = max ?? RequestSpecification.maxGapDays.defaultValue
        if let (key, problem) = RequestSpecification.gapProblem(min: low, max: high) {
            throw APIProblem(.unprocessableContent, Text("\(key): \(problem)"), field: key)
        }
        return low...high
    }

    static func instant(_ text: String, field: String, zone: Zone) throws -> Instant {
        guard let local = LocalDateTime(iso: text.count == 16 ? text + ":00" : text) else {
            throw APIProblem(.unprocessableContent, Text("\(field): \"\(text)\" is not a local time YYYY-MM-DDTHH:MM[:SS]"), field: field)
        }
        guard let instant = zone.instant(for: local) else {
            throw APIProblem(.unprocessableContent, Text("\(field): \(text) does not exist in \(zone.identifier) (the clocks skip it)"), field: field)
        }
        return instant
    }

    static func date(_ text: String, field: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            throw APIProblem(.unprocessableContent, Text("\(field): \"\(text)\" is not a date YYYY-MM-DD"), field: field)
        }
        return date
    }
}
