import CLibical
import ZitdagCore

/// Turns a consultant's exported agenda into the times they are busy.
///
/// It reads VEVENTs (skipping cancelled and transparent ones) with their
/// recurrences (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides), all-day and
/// floating events (read in ``zone``), time zones from the file's VTIMEZONEs,
/// from the system's zone data or by their Windows names, and the busy
/// periods of VFREEBUSY components. A file it cannot read with confidence is
/// refused whole, with the line where the trouble is: nothing is half-imported.
public struct BusyImport: Sendable {
    /// The zone of floating and all-day times.
    public var zone: Zone
    /// Only busy times that overlap this window are kept (recurrences are expanded up to its end).
    public var window: Span
    /// A recurrence that yields more instances than this before the window ends is refused.
    public var occurrenceLimit: Int

    public init(zone: Zone = .brussels, window: Span, occurrenceLimit: Int = 100_000) {
        self.zone = zone
        self.window = window
        self.occurrenceLimit = occurrenceLimit
    }

    /// The busy times in the file, merged; throws with the file and line of the first problem.
    public func busy(in bytes: [UInt8], file: String) throws(CalendarError) -> BusyCalendar {
        do {
            let document = try ICalDocument(try CalendarText(bytes))
            var expansion = EventExpansion(
                document: document, zone: zone, window: window, occurrenceLimit: occurrenceLimit, includes: Self.isBusy)
            let events = try expansion.occurrences().map(\.span)
            return BusyCalendar(events + (try expansion.freeBusyPeriods()))
        } catch {
            var error = error
            error.file = file
            throw error
        }
    }
}

extension BusyImport {
    /// Cancelled and transparent ("free") events do not make anyone busy.
    static func isBusy(_ event: OpaquePointer) -> Bool {
        if icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED { return false }
        var transp = icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY)
        while let property = transp {
            if icalproperty_get_transp(property) == ICAL_TRANSP_TRANSPARENT { return false }
            transp = icalcomponent_get_next_property(event, ICAL_TRANSP_PROPERTY)
        }
        return true
    }
}
