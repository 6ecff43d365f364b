import CLibical
import ZitdagCore

/// Zitdagen defined as iCalendar events, as kept in `Calendars/`.
///
/// Each VEVENT is one coach's half-day, usually recurring (RRULE, with EXDATE
/// for closures and RDATE for extra days), and says who and where:
/// `X-ZITDAG-COACH` and `X-ZITDAG-LOCATION` (required), `X-ZITDAG-SEATS`
/// (default 1) and `X-ZITDAG-LANGUAGES` (comma-separated; absent: every
/// language). An event with `X-ZITDAG-CLOSED:TRUE`, such as a public holiday,
/// removes the sessions on the days it covers: everywhere, or at its
/// `X-ZITDAG-LOCATION` only.
///
/// What a half-day keeps from ordinary booking (see ``Reservation``):
/// `X-ZITDAG-WALK-IN:15:30-16:30` (walk-in time, local times of day; absent
/// with `X-ZITDAG-WALK-IN-SEATS`: the whole half-day), `X-ZITDAG-WALK-IN-SEATS`
/// (default: all seats), `X-ZITDAG-HELD-SEATS` (seats held back for urgent
/// bookings, the whole half-day) and `X-ZITDAG-HELD-RELEASE-DAYS` (days before
/// the half-day they open to every booking; default 2).
public struct SessionCalendar: Sendable {
    public var zone: Zone
    public var occurrenceLimit: Int
    /// The grid reservations must keep to.
    public var gridMinutes: Int

    public init(zone: Zone = .brussels, occurrenceLimit: Int = 100_000, gridMinutes: Int = 15) {
        self.zone = zone
        self.occurrenceLimit = occurrenceLimit
        self.gridMinutes = gridMinutes
    }

    /// What the calendars say of a window: the sessions held, and the half-days they take back.
    public struct Schedule: Sendable {
        /// The sessions held, by start.
        public var open: [Session]
        /// Half-days a recurring zitdag would have had but does not: removed by EXDATE, by a
        /// RECURRENCE-ID override (cancelled, or moved to another time), or by a closed day; by
        /// start. None shares an id with an open session.
        public var closed: [Session]
    }

    /// The sessions of all `files` that overlap `window`, by start, with closed days removed.
    public func sessions(in files: [(name: String, bytes: [UInt8])], window: Span) throws(CalendarError) -> [Session] {
        try schedule(in: files, window: window).open
    }

    /// The sessions of all `files` that overlap `window`, and the half-days taken back.
    public func schedule(in files: [(name: String, bytes: [UInt8])], window: Span) throws(CalendarError) -> Schedule {
        var sessions: [Session] = []
        var removed: [Session] = []
        var closedEverywhere = Set<LocalDate>()
        var closedAt = Set<String>()
        var ids = SessionIds()
        for file in files {
            do throws(CalendarError) {
                let document = try ICalDocument(try CalendarText(file.bytes))
                var expansion = EventExpansion(
                    document: document, zone: zone, window: window, occurrenceLimit: occurrenceLimit,
                    includes: { icalcomponent_get_status($0) != ICAL_STATUS_CANCELLED })
                // What a zitdag event says is the same for all its occurrences: read it once.
                var templates: [OpaquePointer: Template] = [:]
                let held = try expansion.occurrences()
                for (occurrence, isHeld) in held.map({ ($0, true) }) + expansion.removed.map({ ($0, false) }) {
                    let template: Template
                    if let known = templates[occurrence.event] {
                        template = known
                    } else {
                        template = try Template(Fields(document: document, event: occurrence.event, line: occurrence.line))
                        templates[occurrence.event] = template
                    }
                    switch template {
                    case .closure(let location):
                        guard isHeld else { continue }
                        for day in days(of: occurrence.span) {
                            if let location { closedAt.insert("\(day)|\(location)") } else { closedEverywhere.insert(day) }
                        }
                    case .zitdag(let coach, let location, let seats, let languages, let channels):
                        let start = zone.local(at: occurrence.span.start)
                        var session = Session(
                            id: ids.id(coach: coach, start: start), coach: coach, location: location, span: occurrence.span,
                            day: start.date, seats: seats, languages: languages)
                        if !channels.isEmpty {
                            session.reserved = try channels.reservations(for: session, zone: zone, line: occurrence.line)
                            if let problem = session.reservationProblem(gridMinutes: gridMinutes) {
                                throw CalendarError(line: occurrence.line, Text("\(session.id): \(problem)"))
                            }
                        }
                        if isHeld { sessions.append(session) } else { removed.append(session) }
                    }
                }
            } catch {
                var error = error
                error.file = file.name
                throw error
            }
        }
        let isClosed = { (session: Session) in
            closedEverywhere.contains(session.day) || (!closedAt.isEmpty && closedAt.contains("\(session.day)|\(session.location)"))
        }
        let open = closedEverywhere.isEmpty && closedAt.isEmpty ? sessions : sessions.filter { !isClosed($0) }
        // An override that keeps its instance's time (a change of room, say) takes nothing back.
        let openIds = Set(open.map(\.id))
        var closed: [Session] = []
        var closedIds = Set<String>()
        for session in removed + sessions.filter(isClosed) where !openIds.contains(session.id) && closedIds.insert(session.id).inserted {
            closed.append(session)
        }
        return Schedule(open: Self.byStart(open), closed: Self.byStart(closed))
    }

    /// Sorts positions rather than the sessions themselves: moving whole sessions costs more than comparing.
    private static func byStart(_ sessions: [Session]) -> [Session] {
        let order = sessions.indices.sorted { (sessions[$0].span.start, sessions[$0].coach) < (sessions[$1].span.start, sessions[$1].coach) }
        return order.map { sessions[$0] }
    }

    /// The local dates a span touches (an all-day event's end is exclusive).
    private func days(of span: Span) -> [LocalDate] {
        let first = zone.local(at: span.start).date
        let last = zone.local(at: span.end.adding(seconds: -1)).date
        return (0...max(0, first.days(to: last))).map { first.adding(days: $0) }
    }
}

/// Session ids, `COACH-YYYY-MM-DD-HHMM`, with the date and time texts made once each.
private struct SessionIds {
    private var dates: [Int: String] = [:]
    private var times: [Int: String] = [:]

    mutating func id(coach: String, start: LocalDateTime) -> String {
        let day = start.date.daysSinceEpoch
        let date = dates[day] ?? { let text = start.date.description; dates[day] = text; return text }()
        let time = times[start.secondOfDay] ?? {
            let text = String(start.hourMinute.filter { $0 != ":" })
            times[start.secondOfDay] = text
            return text
        }()
        return coach + "-" + date + "-" + time
    }
}

/// What one calendar event defines: a zitdag half-day or a closure.
private enum Template {
    case zitdag(coach: String, location: String, seats: Int, languages: Set<String>?, channels: Channels)
    case closure(location: String?)

    /// The `X-ZITDAG-WALK-IN*` and `X-ZITDAG-HELD-*` properties, for every occurrence.
    struct Channels {
        var walkIn: (from: String, to: String)?
        var walkInSeats: Int?
        var heldSeats: Int?
        var releaseDays = 2

        var isEmpty: Bool { walkIn == nil && walkInSeats == nil && heldSeats == nil }

        init(_ fields: Fields) throws(CalendarError) {
            if let text = fields.text("X-ZITDAG-WALK-IN") {
                let ends = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
                guard ends.count == 2, ends.allSatisfy({ Self.secondOfDay($0) != nil }) else {
                    throw CalendarError(line: fields.line, Text("X-ZITDAG-WALK-IN must be HH:MM-HH:MM, got \"\(text)\""))
                }
                walkIn = (ends[0], ends[1])
            }
            walkInSeats = try fields.count("X-ZITDAG-WALK-IN-SEATS", least: 1)
            heldSeats = try fields.count("X-ZITDAG-HELD-SEATS", least: 1)
            if let days = try fields.count("X-ZITDAG-HELD-RELEASE-DAYS", least: 0) { releaseDays = days }
        }

        /// Seconds since midnight of `HH:MM`.
        static func secondOfDay(_ text: String) -> Int? {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
                return nil
            }
            return (hour * 60 + minute) * 60
        }

        func reservations(for session: Session, zone: Zone, line: Int) throws(CalendarError) -> [Reservation] {
            var span: Span?
            if let walkIn {
                guard let from = zone.instant(for: LocalDateTime(date: session.day, secondOfDay: Self.secondOfDay(walkIn.from)!)),
                    let to = zone.instant(for: LocalDateTime(date: session.day, secondOfDay: Self.secondOfDay(walkIn.to)!))
                else { throw CalendarError(line: line, Text("X-ZITDAG-WALK-IN falls in the hour the clocks skip on \(session.day)")) }
                span = Span(start: from, end: to)
            }
            return session.reservations(walkIn: span, walkInSeats: walkInSeats, heldSeats: heldSeats, releaseDays: releaseDays)
        }
    }

    init(_ fields: Fields) throws(CalendarError) {
        if fields.text("X-ZITDAG-CLOSED")?.uppercased() == "TRUE" {
            self = .closure(location: fields.text("X-ZITDAG-LOCATION"))
            return
        }
        let coach = try fields.required("X-ZITDAG-COACH")
        let location = try fields.required("X-ZITDAG-LOCATION")
        var seats = 1
        if let text = fields.text("X-ZITDAG-SEATS") {
            guard let number = Int(text), number >= 1 else {
                throw CalendarError(line: fields.line, Text("X-ZITDAG-SEATS must be a whole number of at least 1, got \"\(text)\""))
            }
            seats = number
        }
        let languages = fields.text("X-ZITDAG-LANGUAGES").map {
            Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        self = .zitdag(coach: coach, location: location, seats: seats, languages: languages, channels: try Channels(fields))
    }
}

/// The `X-ZITDAG-*` properties of one event.
private struct Fields {
    let document: ICalDocument
    let event: OpaquePointer
    let line: Int

    func text(_ name: String) -> String? {
        for property in document.properties(of: event, kind: ICAL_X_PROPERTY)
        where string(icalproperty_get_x_name(property))?.uppercased() == name {
            return string(icalproperty_get_x(property))?.trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// A whole number of at least `least`, or `nil` when absent.
    func count(_ name: String, least: Int) throws(CalendarError) -> Int? {
        guard let text = text(name) else { return nil }
        guard let number = Int(text), number >= least else {
            throw CalendarError(line: line, Text("\(name) must be a whole number of at least \(least), got \"\(text)\""))
        }
        return number
    }

    func required(_ name: String) throws(CalendarError) -> String {
        guard let value = text(name), !value.isEmpty else {
            throw CalendarError(line: line, Text("VEVENT has no \(name): every zitdag event names its coach and location"))
        }
        return value
    }
}

import Foundation
