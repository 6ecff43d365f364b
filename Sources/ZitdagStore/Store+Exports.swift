import GRDB
import ZitdagCore

/// CSV for coordinators' spreadsheets (RFC 4180: commas, CRLF, quotes where needed). Job seekers
/// appear by pseudonymous id only.
extension Store {
    /// One row per appointment on days `from...to`.
    public func appointmentsCSV(from: LocalDate, to: LocalDate) throws(StoreError) -> String {
        let appointments = try read { db in
            try AppointmentTable.fetch(db, where: "s.day BETWEEN ? AND ? ORDER BY a.start, a.id", [from.daysSinceEpoch, to.daysSinceEpoch])
        }
        var rows = [[
            "appointment", "request", "series_index", "series_length", "date", "start", "end", "session", "coach", "location",
            "job_seeker", "consultant", "consultant_attends", "status",
        ]]
        for a in appointments {
            let start = zone.local(at: a.span.start)
            rows.append([
                String(a.id), String(a.request), String(a.index + 1), String(a.seriesLength), start.date.description, start.hourMinute,
                zone.local(at: a.span.end).hourMinute, a.session, a.coach, a.location, a.jobSeeker ?? "(erased)", a.consultant ?? "",
                a.consultantAttends ? "yes" : "no", a.status.rawValue,
            ])
        }
        return CSV.text(rows)
    }

    /// One row per open session on days `from...to`: seats, booked appointment time and how full it is.
    public func occupancyCSV(from: LocalDate, to: LocalDate) throws(StoreError) -> String {
        let sessions = try read { db in try SessionTable.sessions(db, days: from.daysSinceEpoch...to.daysSinceEpoch) }
        var rows = [["session", "date", "start", "end", "coach", "location", "seats", "appointments", "booked_minutes", "capacity_minutes", "occupancy_percent"]]
        for session in sessions {
            let capacity = session.seats * session.span.seconds / 60
            let booked = session.booked.reduce(0) { $0 + $1.seconds } / 60
            rows.append([
                session.id, session.day.description, zone.local(at: session.span.start).hourMinute, zone.local(at: session.span.end).hourMinute,
                session.coach, session.location, String(session.seats), String(session.booked.count), String(booked), String(capacity),
                capacity == 0 ? "0" : String(Double(booked * 1000 / capacity) / 10),
            ])
        }
        return CSV.text(rows)
    }
}

/// RFC 4180 text.
enum CSV {
    static func text(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
