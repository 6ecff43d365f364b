/// Reads one request of a problem file.
enum RequestDecoder {
    static let allowed: Set = [
        "id", "job_seeker", "consultant", "attendance", "duration_minutes", "appointments", "min_gap_days",
        "max_gap_days", "release", "due", "priority", "language", "unavailable",
    ]

    /// The request read by `reader` (whose `id` is already read), or `nil` after logging its issues.
    static func decode(
        _ reader: FieldReader, zone: Zone?, grid: Int?, consultants: Set<String>?, log: inout IssueLog
    ) -> Request? {
        let id = reader.id
        let node = reader.node
        let jobSeeker = reader.name("job_seeker", required: true, log: &log)
        let consultant = reader.name("consultant", log: &log)
        if let consultant, let consultants, !consultants.contains(consultant) {
            log.add(reader.value("consultant", required: false, log: &log)!, reader.path("consultant"), id: id,
                    Text("unknown consultant \"\(consultant)\""))
        }
        let attendance = decodeAttendance(reader, hasConsultant: reader.has("consultant"), log: &log)
        let minutes = reader.integer("duration_minutes", in: RequestSpecification.durationMinutes.range, log: &log)
        if let minutes, let grid, minutes % grid != 0 {
            log.add(reader.value("duration_minutes", required: true, log: &log)!, reader.path("duration_minutes"), id: id,
                    Text("\(minutes) is not a multiple of grid_minutes (\(grid))"))
        }
        let appointments = reader.integer(
            "appointments", default: RequestSpecification.appointments.defaultValue, in: RequestSpecification.appointments.range, log: &log)
        let minGap = reader.integer(
            "min_gap_days", default: RequestSpecification.minGapDays.defaultValue, in: RequestSpecification.minGapDays.range, log: &log)
        let maxGap = reader.integer(
            "max_gap_days", default: RequestSpecification.maxGapDays.defaultValue, in: RequestSpecification.maxGapDays.range, log: &log)
        if let minGap, let maxGap, minGap > maxGap {
            log.add(reader.value("min_gap_days", required: false, log: &log) ?? node, reader.path("min_gap_days"), id: id,
                    Text("min_gap_days \(minGap) is more than max_gap_days \(maxGap)"))
        }
        let release = reader.date("release", required: true, log: &log)
        let due = reader.date("due", log: &log)
        if let release, let due, due < release {
            log.add(reader.value("due", required: false, log: &log)!, reader.path("due"), id: id,
                    Text("due \(due) is before release \(release)"))
        }
        let priority = reader.integer(
            "priority", default: RequestSpecification.priority.defaultValue, in: RequestSpecification.priority.range, log: &log)
        let language = reader.name("language", log: &log)
        let unavailable = ProblemDecoder.decodeSpans(reader, "unavailable", zone: zone, log: &log)
        guard let id, let jobSeeker, let attendance, let minutes, let appointments, let minGap, let maxGap,
            minGap <= maxGap, let release, let priority, let unavailable,
            reader.has("due") == (due != nil), reader.has("consultant") == (consultant != nil),
            reader.has("language") == (language != nil)
        else { return nil }
        return Request(
            id: id, jobSeeker: jobSeeker, consultant: consultant, attendance: attendance, duration: minutes * 60,
            appointments: appointments, gapDays: minGap...maxGap, release: release, due: due, priority: priority,
            language: language, unavailable: BusyCalendar(unavailable))
    }

    private static func decodeAttendance(_ reader: FieldReader, hasConsultant: Bool, log: inout IssueLog) -> Attendance? {
        guard let text = reader.string("attendance", log: &log) else {
            return reader.has("attendance") ? nil : Attendance.none
        }
        let node = reader.value("attendance", required: true, log: &log)!
        guard let attendance = Attendance(rawValue: text) else {
            log.add(node, reader.path("attendance"), id: reader.id,
                    Text("must be \"required\", \"preferred\" or \"none\", got \"\(text)\""))
            return nil
        }
        if attendance != .none && !hasConsultant {
            log.add(node, reader.path("attendance"), id: reader.id,
                    Text("is \"\(text)\" but the request names no consultant"))
            return nil
        }
        return attendance
    }
}
