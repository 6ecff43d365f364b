/// Reads and writes `zitdag-problem/1` files (see README, "Problem file").
public enum ProblemFile {
    public static let format = "zitdag-problem/1"

    /// Decodes a problem from the bytes of a file, reporting every issue found.
    public static func decode(_ bytes: [UInt8]) throws(FormatError) -> Problem {
        let json = try JSONParser.parseFile(bytes)
        return try decode(json)
    }

    public static func decode(_ json: JSON) throws(FormatError) -> Problem {
        var log = IssueLog()
        let problem = ProblemDecoder.decode(json, log: &log)
        guard let problem, log.isEmpty else { throw FormatError(issues: log.issues) }
        return problem
    }

    /// The problem as a file, with every default written out except absent options.
    public static func encode(_ problem: Problem) -> JSON {
        let zone = problem.zone
        let sessions = problem.sessions.map { encode($0, zone: zone) }
        let consultants = problem.consultants.map { encode($0, zone: zone) }
        let requests = problem.requests.map { request -> JSON in
            var members: [(key: String, value: JSON)] = [
                ("id", JSON(.string(request.id))), ("job_seeker", JSON(.string(request.jobSeeker))),
            ]
            if let consultant = request.consultant { members.append(("consultant", JSON(.string(consultant)))) }
            members += [
                ("attendance", JSON(.string(request.attendance.rawValue))),
                ("duration_minutes", JSON(.integer(request.duration / 60))),
                ("appointments", JSON(.integer(request.appointments))),
                ("min_gap_days", JSON(.integer(request.gapDays.lowerBound))),
                ("max_gap_days", JSON(.integer(request.gapDays.upperBound))),
                ("release", JSON(.string(request.release.description))),
            ]
            if let due = request.due { members.append(("due", JSON(.string(due.description)))) }
            members.append(("priority", JSON(.integer(request.priority))))
            if let language = request.language { members.append(("language", JSON(.string(language)))) }
            if !request.unavailable.isEmpty { members.append(("unavailable", spans(request.unavailable, zone: zone))) }
            return JSON(.object(members))
        }
        let weights = problem.weights
        var members: [(key: String, value: JSON)] = [
            ("format", JSON(.string(format))), ("timezone", JSON(.string(zone.identifier))),
            ("grid_minutes", JSON(.integer(problem.gridMinutes))),
        ]
        if let today = problem.today { members.append(("today", JSON(.string(today.description)))) }
        members += [
            ("weights", .object([
                "scheduled": JSON(.integer(weights.scheduled)), "wait_day": JSON(.integer(weights.waitDay)),
                "co_attendance": JSON(.integer(weights.coAttendance)), "same_coach": JSON(.integer(weights.sameCoach)),
            ])),
            ("sessions", .array(sessions)), ("consultants", .array(consultants)), ("requests", .array(requests)),
        ]
        return JSON(.object(members))
    }

    /// One session as in `sessions[]`.
    public static func encode(_ session: Session, zone: Zone) -> JSON {
        var members: [(key: String, value: JSON)] = [
            ("id", JSON(.string(session.id))), ("coach", JSON(.string(session.coach))),
            ("location", JSON(.string(session.location))), ("start", time(session.span.start, zone: zone)),
            ("end", time(session.span.end, zone: zone)), ("seats", JSON(.integer(session.seats))),
        ]
        if let languages = session.languages {
            members.append(("languages", .array(languages.sorted().map { JSON(.string($0)) })))
        }
        if !session.reserved.isEmpty {
            members.append(("reserved", .array(session.reserved.map { reservation in
                var fields: [(key: String, value: JSON)] = [
                    ("channel", JSON(.string(reservation.channel.rawValue))), ("start", time(reservation.span.start, zone: zone)),
                    ("end", time(reservation.span.end, zone: zone)), ("seats", JSON(.integer(reservation.seats))),
                ]
                if reservation.channel == .urgent { fields.append(("release_days", JSON(.integer(reservation.releaseDays)))) }
                return JSON(.object(fields))
            })))
        }
        return JSON(.object(members))
    }

    /// One consultant as in `consultants[]`.
    public static func encode(_ consultant: Consultant, zone: Zone) -> JSON {
        var members: [(key: String, value: JSON)] = [("id", JSON(.string(consultant.id)))]
        if !consultant.busy.isEmpty { members.append(("busy", spans(consultant.busy, zone: zone))) }
        return JSON(.object(members))
    }

    private static func time(_ instant: Instant, zone: Zone) -> JSON {
        JSON(.string(zone.local(at: instant).description))
    }

    private static func spans(_ calendar: BusyCalendar, zone: Zone) -> JSON {
        .array(calendar.spans.map { .object(["start": time($0.start, zone: zone), "end": time($0.end, zone: zone)]) })
    }
}
