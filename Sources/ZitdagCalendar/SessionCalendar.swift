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
public struct SessionCalendar: Sendable {
    public var zone: Zone
    public var occurrenceLimit: Int

    public init(zone: Zone = .brussels, occurrenceLimit: Int = 100_000) {
        self.zone = zone
        self.occurrenceLimit = occurrenceLimit
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
            do {
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
                    case .zitdag(let coach, let location, let seats, let languages):
                        let start = zone.local(at: occurrence.span.start)
                        let session = Session(
                            id: ids.id(coach: coach, start: start), coach: coach, location: location, span: occurrence.span,
                            day: start.date, seats: seats, languages: languages)
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
    case zitdag(coach: String, location: String, seats: Int, languages: Set<String>?)
    case closure(location: String?)

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
                throw CalendarError(line: fields.line, "X-ZITDAG-SEATS must be a whole number of at least 1, got \"\(text)\"")
            }
            seats = number
        }
        let languages = fields.text("X-ZITDAG-LANGUAGES").map {
            Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        self = .zitdag(coach: coach, location: location, seats: seats, languages: languages)
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

    func required(_ name: String) throws(CalendarError) -> String {
        guard let value = text(name), !value.isEmpty else {
            throw CalendarError(line: line, "VEVENT has no \(name): every zitdag event names its coach and location")
        }
        return value
    }
}

import Foundation
