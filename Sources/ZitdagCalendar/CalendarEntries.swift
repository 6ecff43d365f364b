import CLibical
import ZitdagCore

/// Reads the events of a calendar back as ``CalendarEntry`` values, recurrences expanded over
/// `window`: how a feed is checked after a round trip through libical.
public enum CalendarEntries {
    public static func read(_ bytes: [UInt8], file: String, zone: Zone = .brussels, window: Span) throws(CalendarError)
        -> [CalendarEntry]
    {
        do {
            let document = try ICalDocument(try CalendarText(bytes))
            var expansion = EventExpansion(document: document, zone: zone, window: window, occurrenceLimit: 100_000) { _ in true }
            return try expansion.occurrences().map { occurrence in
                let event = occurrence.event
                let sequence = document.properties(of: event, kind: ICAL_SEQUENCE_PROPERTY).first.map { icalproperty_get_sequence($0) }
                return CalendarEntry(
                    uid: string(icalcomponent_get_uid(event)) ?? "", span: occurrence.span,
                    summary: Text(verbatim: string(icalcomponent_get_summary(event)) ?? ""),
                    location: string(icalcomponent_get_location(event)),
                    description: string(icalcomponent_get_description(event)).map { Text(verbatim: $0) },
                    cancelled: icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED, sequence: Int(sequence ?? 0))
            }
        } catch {
            var error = error
            error.file = file
            throw error
        }
    }
}
