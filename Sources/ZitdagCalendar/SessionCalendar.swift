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

    /// The sessions of all `files` that overlap `window`, by start, with closed days removed.
    public func sessions(in files: [(name: String, bytes: [UInt8])], window: Span) throws(CalendarError) -> [Session] {
        var sessions: [Session] = []
        var closures: [(day: LocalDate, location: String?)] = []
        for file in files {
            do {
                let document = try ICalDocument(try CalendarText(file.bytes))
                var expansion = EventExpansion(
                    document: document, zone: zone, window: window, occurrenceLimit: occurrenceLimit,
                    includes: { icalcomponent_get_status($0) != ICAL_STATUS_CANCELLED })
                // What a zitdag event says is the same for all its occurrences: read it once.
                var templates: [OpaquePointer: Template] = [:]
                for occurrence in try expansion.occurrences() {
                    let template: Template
                    if let known = templates[occurrence.event] {
                        template = known
                    } else {
                        template = try Template(Fields(document: document, event: occurrence.event, line: occurrence.line))
                        templates[occurrence.event] = template
                    }
                    switch template {
                    case .closure(let location): closures += days(of: occurrence.span).map { ($0, location) }
                    case .zitdag(let coach, let location, let seats, let languages):
                        let start = zone.local(at: occurrence.span.start)
                        sessions.append(Session(
                            id: "\(coach)-\(start.date)-\(start.hourMinute.filter { $0 != ":" })", coach: coach,
                            location: location, span: occurrence.span, day: start.date, seats: seats, languages: languages))
                    }
                }
            } catch {
                var error = error
                error.file = file.name
                throw error
            }
        }
        return sessions.filter { session in
            !closures.contains { $0.day == session.day && ($0.location == nil || $0.location == session.location) }
        }.sorted { ($0.span.start, $0.coach) < ($1.span.start, $1.coach) }
    }

    /// The local dates a span touches (an all-day event's end is exclusive).
    private func days(of span: Span) -> [LocalDate] {
        let first = zone.local(at: span.start).date
        let last = zone.local(at: span.end.adding(seconds: -1)).date
        return (0...max(0, first.days(to: last))).map { first.adding(days: $0) }
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
