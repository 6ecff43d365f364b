import CLibical
import Foundation
import ZitdagCore

/// One instance of an event in the window: the VEVENT it comes from (valid while its document
/// lives), when it happens, and the line where the VEVENT starts.
struct EventOccurrence {
    var event: OpaquePointer
    var span: Span
    var line: Int
}

/// Expands the VEVENTs of a document into their instances in a window: DTSTART with DTEND,
/// DURATION or a day for dates; RRULE, RDATE and EXDATE; RECURRENCE-ID overrides, which
/// replace their instance (and remove it, when `includes` refuses the override).
struct EventExpansion {
    let document: ICalDocument
    let zone: Zone
    let window: Span
    let occurrenceLimit: Int
    /// Which events count (busy ones, for an agenda).
    let includes: (OpaquePointer) -> Bool
    private var found: [EventOccurrence] = []
    /// Instances a series loses to EXDATE or to a RECURRENCE-ID override (cancelled, or moved
    /// elsewhere: the override's own instance is in `found`), as of the last `occurrences()`.
    private(set) var removed: [EventOccurrence] = []
    /// Instances of each distinct (DTSTART, RRULE) already expanded: coaches' half-days share a few
    /// patterns (Tuesday mornings...), and libical's iterator, on ICU calendars, is the costly part.
    private var expanded: [String: [Instant]] = [:]

    init(document: ICalDocument, zone: Zone, window: Span, occurrenceLimit: Int, includes: @escaping (OpaquePointer) -> Bool) {
        self.document = document
        self.zone = zone
        self.window = window
        self.occurrenceLimit = occurrenceLimit
        self.includes = includes
    }

    /// Every instance overlapping the window, in file order of their events.
    mutating func occurrences() throws(CalendarError) -> [EventOccurrence] {
        found = []
        removed = []
        let eventLines = document.source.componentLines["VEVENT"] ?? []
        var eventIndex = 0
        for calendar in document.calendars {
            let events = document.children(of: calendar, kind: ICAL_VEVENT_COMPONENT)
            var overridden = Set<Occurrence>()
            var masters: [(event: OpaquePointer, line: Int)] = []
            for event in events {
                let line = eventIndex < eventLines.count ? eventLines[eventIndex] : 0
                eventIndex += 1
                let recurrenceID = document.properties(of: event, kind: ICAL_RECURRENCEID_PROPERTY).first
                if let recurrenceID {
                    // An override replaces one instance of its series, cancelled or not.
                    let uid = string(icalcomponent_get_uid(event)) ?? ""
                    let instant = try instant(of: icalproperty_get_recurrenceid(recurrenceID), property: recurrenceID, line: line)
                    overridden.insert(Occurrence(uid: uid, start: instant.seconds))
                    if includes(event) { try addSingle(event, line: line) }
                } else {
                    masters.append((event, line))
                }
            }
            for (event, line) in masters where includes(event) {
                try addSeries(event, line: line, overridden: overridden)
            }
        }
        return found
    }

    /// The busy periods of the document's VFREEBUSY components (all but `FBTYPE=FREE`).
    func freeBusyPeriods() throws(CalendarError) -> [Span] {
        let lines = document.source.componentLines["VFREEBUSY"] ?? []
        var index = 0
        var spans: [Span] = []
        for calendar in document.calendars {
            for freeBusy in document.children(of: calendar, kind: ICAL_VFREEBUSY_COMPONENT) {
                let line = index < lines.count ? lines[index] : 0
                index += 1
                spans += try periods(of: freeBusy, line: line)
            }
        }
        return spans.filter { $0.start < $0.end && $0.overlaps(window) }
    }

    private mutating func keep(_ event: OpaquePointer, _ span: Span, line: Int) {
        if span.start < span.end && span.overlaps(window) { found.append(EventOccurrence(event: event, span: span, line: line)) }
    }

    private mutating func addSingle(_ event: OpaquePointer, line: Int) throws(CalendarError) {
        let (start, length) = try startAndLength(event, line: line)
        keep(event, Span(start: start, end: start.adding(seconds: length)), line: line)
    }

    /// DTSTART as an instant and the event's length in seconds (DTEND, DURATION, or one day for a date).
    private func startAndLength(_ event: OpaquePointer, line: Int) throws(CalendarError) -> (Instant, Int) {
        guard let dtstart = document.properties(of: event, kind: ICAL_DTSTART_PROPERTY).first else {
            throw CalendarError(
                line: line, libicalErrors(event).map { Text("VEVENT has no usable DTSTART (libical: \($0))") } ?? Text("VEVENT has no usable DTSTART"))
        }
        let startTime = icalcomponent_get_dtstart(event)
        let start = try instant(of: startTime, property: dtstart, line: line)
        if let dtend = document.properties(of: event, kind: ICAL_DTEND_PROPERTY).first {
            let end = try instant(of: icalcomponent_get_dtend(event), property: dtend, line: line)
            guard end >= start else { throw CalendarError(line: line, Text("VEVENT ends (DTEND) before it starts (DTSTART)")) }
            return (start, end - start)
        }
        if document.properties(of: event, kind: ICAL_DURATION_PROPERTY).first != nil {
            let seconds = Int(icaldurationtype_as_int(icalcomponent_get_duration(event)))
            guard seconds >= 0 else { throw CalendarError(line: line, Text("VEVENT has a negative DURATION")) }
            return (start, seconds)
        }
        return (start, startTime.is_date != 0 ? 86_400 : 0)
    }

    private mutating func addSeries(_ event: OpaquePointer, line: Int, overridden: Set<Occurrence>) throws(CalendarError) {
        let (start, length) = try startAndLength(event, line: line)
        let uid = string(icalcomponent_get_uid(event)) ?? ""
        var starts: [Instant] = [start]
        let dtstart = document.properties(of: event, kind: ICAL_DTSTART_PROPERTY)[0]
        let startTime = icalcomponent_get_dtstart(event)
        for rule in document.properties(of: event, kind: ICAL_RRULE_PROPERTY) {
            // The instances depend only on DTSTART (with its TZID), the rule and the length.
            let key = "\(text(of: dtstart))|\(text(of: rule))|\(length)"
            if let known = expanded[key] {
                starts += known
                continue
            }
            let instants = try expand(icalproperty_get_rrule(rule), from: startTime, property: dtstart, length: length, line: line)
            expanded[key] = instants
            starts += instants
        }
        for rdate in document.properties(of: event, kind: ICAL_RDATE_PROPERTY) {
            let value = icalproperty_get_rdate(rdate)
            let time = icaltime_is_null_time(value.period.start) == 0 ? value.period.start : value.time
            starts.append(try instant(of: time, property: rdate, line: line))
        }
        var excluded = Set<Int>()
        for exdate in document.properties(of: event, kind: ICAL_EXDATE_PROPERTY) {
            excluded.insert(try instant(of: icalproperty_get_exdate(exdate), property: exdate, line: line).seconds)
        }
        for start in Set(starts) {
            let span = Span(start: start, end: start.adding(seconds: length))
            if excluded.contains(start.seconds) || overridden.contains(Occurrence(uid: uid, start: start.seconds)) {
                if span.start < span.end && span.overlaps(window) { removed.append(EventOccurrence(event: event, span: span, line: line)) }
            } else {
                keep(event, span, line: line)
            }
        }
    }

    /// A property as libical writes it (name, parameters and value).
    private func text(of property: OpaquePointer) -> String {
        guard let pointer = icalproperty_as_ical_string_r(property) else { return "" }
        defer { icalmemory_free_buffer(pointer) }
        return String(cString: pointer)
    }

    /// The instances of one RRULE after DTSTART, up to the end of the window.
    private func expand(
        _ rule: icalrecurrencetype, from start: icaltimetype, property: OpaquePointer, length: Int, line: Int
    ) throws(CalendarError) -> [Instant] {
        guard rule.freq != ICAL_NO_RECURRENCE else { throw CalendarError(line: line, Text("VEVENT has an RRULE libical cannot read")) }
        guard let iterator = icalrecur_iterator_new(rule, start) else {
            throw CalendarError(line: line, Text("VEVENT has an RRULE libical cannot expand"))
        }
        defer { icalrecur_iterator_free(iterator) }
        var instants: [Instant] = []
        var count = 0
        while true {
            let next = icalrecur_iterator_next(iterator)
            if icaltime_is_null_time(next) != 0 { break }
            let instant = try instant(of: next, property: property, line: line)
            if instant >= window.end { break }
            count += 1
            guard count <= occurrenceLimit else {
                throw CalendarError(line: line, Text("VEVENT repeats more than \(occurrenceLimit) times before the import window ends"))
            }
            if instant.adding(seconds: length) > window.start { instants.append(instant) }
        }
        return instants
    }

    private func periods(of component: OpaquePointer, line: Int) throws(CalendarError) -> [Span] {
        var spans: [Span] = []
        for property in document.properties(of: component, kind: ICAL_FREEBUSY_PROPERTY) {
            if let type = icalproperty_get_first_parameter(property, ICAL_FBTYPE_PARAMETER),
                icalparameter_get_fbtype(type) == ICAL_FBTYPE_FREE
            {
                continue
            }
            let period = icalproperty_get_freebusy(property)
            let start = try instant(of: period.start, property: property, line: line)
            let end: Instant
            if icaltime_is_null_time(period.end) == 0 {
                end = try instant(of: period.end, property: property, line: line)
            } else {
                end = start.adding(seconds: Int(icaldurationtype_as_int(period.duration)))
            }
            spans.append(Span(start: start, end: end))
        }
        return spans
    }

    /// A libical time as an instant: UTC, in its TZID's zone, or (floating, dates) in the import's zone.
    private func instant(of time: icaltimetype, property: OpaquePointer, line: Int) throws(CalendarError) -> Instant {
        guard icaltime_is_null_time(time) == 0, time.year > 0 else {
            throw CalendarError(line: line, Text("\(propertyName(property)) has no valid date or time"))
        }
        if time.is_date == 0, icaltime_is_utc(time) == 0,
            let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER)
        {
            let tzid = string(icalparameter_get_tzid(parameter)) ?? ""
            guard let zone = time.zone ?? builtinZone(named: tzid) else {
                throw CalendarError(line: line, Text("\(propertyName(property)) has an unknown time zone \"\(tzid)\""))
            }
            return Instant(seconds: Int(icaltime_as_timet_with_zone(time, zone)))
        }
        if icaltime_is_utc(time) != 0 {
            return Instant(seconds: Int(icaltime_as_timet_with_zone(time, icaltimezone_get_utc_timezone())))
        }
        // Floating times and dates are wall-clock times where the consultant works.
        guard let local = LocalDateTime(
            year: Int(time.year), month: Int(time.month), day: Int(time.day),
            hour: time.is_date != 0 ? 0 : Int(time.hour), minute: time.is_date != 0 ? 0 : Int(time.minute),
            second: time.is_date != 0 ? 0 : Int(time.second))
        else {
            throw CalendarError(line: line, Text("\(propertyName(property)) has no valid date or time"))
        }
        // A wall time in the spring-forward gap means the same time an hour later.
        guard let instant = zone.instant(for: local)
            ?? zone.instant(for: LocalDateTime(date: local.date, secondOfDay: min(86_399, local.secondOfDay + 3600)))
        else {
            throw CalendarError(line: line, Text("\(propertyName(property)) \(local) does not exist in \(zone.identifier)"))
        }
        return instant
    }

    /// A TZID libical does not know from the file: an IANA name (perhaps behind a path prefix) or a Windows name.
    private func builtinZone(named tzid: String) -> OpaquePointer? {
        let trimmed = tzid.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        var candidates = [trimmed]
        if let slash = trimmed.range(of: "/", options: .backwards),
            let previous = trimmed[..<slash.lowerBound].range(of: "/", options: .backwards)
        {
            candidates.append(String(trimmed[previous.upperBound...]))
        }
        candidates += [trimmed, trimmed.replacingOccurrences(of: "_", with: "/")].compactMap {
            WindowsTimeZones.lowercased[$0.lowercased()]
        }
        if let iana = WindowsTimeZones.iana(for: trimmed) { candidates.append(iana) }
        for candidate in candidates where Zone(identifier: candidate) != nil {
            if let zone = icaltimezone_get_builtin_timezone(candidate) { return zone }
        }
        return nil
    }

    private func propertyName(_ property: OpaquePointer) -> String {
        string(icalproperty_kind_to_string(icalproperty_isa(property))) ?? "a property"
    }

    /// libical's own complaints about a component, to explain a missing value.
    private func libicalErrors(_ component: OpaquePointer) -> String? {
        guard let error = document.properties(of: component, kind: ICAL_XLICERROR_PROPERTY).first,
            let text = string(icalproperty_get_xlicerror(error))
        else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One instance of a recurring event: its UID and original start.
private struct Occurrence: Hashable {
    var uid: String
    var start: Int
}
