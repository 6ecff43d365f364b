import CLibical
import ZitdagCore

/// Writes a feed coaches and consultants subscribe to, as RFC 5545 text that
/// Outlook, Google Calendar, Apple Calendar, Thunderbird and khal read:
/// METHOD:PUBLISH, a name, a refresh interval, the VTIMEZONE of the zone, and
/// one VEVENT per entry with a stable UID, DTSTAMP, SEQUENCE and STATUS.
public struct FeedWriter: Sendable {
    public var zone: Zone
    /// How often calendar apps should fetch the feed again.
    public var refreshMinutes: Int
    /// The words of the feed's readers (the edges serve feeds in Dutch).
    public var renderer: Text.Renderer

    public init(zone: Zone = .brussels, refreshMinutes: Int = 60, renderer: Text.Renderer = .english) {
        self.zone = zone
        self.refreshMinutes = refreshMinutes
        self.renderer = renderer
    }

    /// The feed's text; `stamp` (now, passed in) becomes every DTSTAMP.
    public func write(name: Text, entries: [CalendarEntry], stamp: Instant) throws(CalendarError) -> String {
        guard let builtin = icaltimezone_get_builtin_timezone(zone.identifier) else {
            throw CalendarError(line: 0, Text("libical has no time zone data for \(zone.identifier): install tzdata"))
        }
        let calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT)!
        defer { icalcomponent_free(calendar) }
        icalcomponent_add_property(calendar, icalproperty_new_version("2.0"))
        icalcomponent_add_property(calendar, icalproperty_new_prodid("-//zitdag//feed//NL"))
        icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"))
        icalcomponent_add_property(calendar, icalproperty_new_method(ICAL_METHOD_PUBLISH))
        add(x: "X-WR-CALNAME", name.rendered(by: renderer), to: calendar)
        add(x: "X-WR-TIMEZONE", zone.identifier, to: calendar)
        var refresh = icaldurationtype_null_duration()
        refresh.minutes = UInt32(refreshMinutes % 60)
        refresh.hours = UInt32(refreshMinutes / 60)
        let interval = icalproperty_new_refreshinterval(refresh)!
        icalproperty_add_parameter(interval, icalparameter_new_value(ICAL_VALUE_DURATION))
        icalcomponent_add_property(calendar, interval)
        add(x: "X-PUBLISHED-TTL", "PT\(refreshMinutes)M", to: calendar)
        icalcomponent_add_component(calendar, timeZoneComponent(builtin, from: entries.map(\.span.start).min()))

        let utc = icaltimezone_get_utc_timezone()
        for entry in entries {
            let event = icalcomponent_new(ICAL_VEVENT_COMPONENT)!
            icalcomponent_add_property(event, icalproperty_new_uid(entry.uid))
            icalcomponent_add_property(event, icalproperty_new_dtstamp(icaltime_from_timet_with_zone(time_t(stamp.seconds), 0, utc)))
            if entry.allDay {
                icalcomponent_add_property(event, icalproperty_new_dtstart(day(entry.span.start, builtin)))
                icalcomponent_add_property(event, icalproperty_new_dtend(day(entry.span.end, builtin)))
            } else {
                icalcomponent_add_property(event, zoned(icalproperty_new_dtstart(local(entry.span.start, builtin))))
                icalcomponent_add_property(event, zoned(icalproperty_new_dtend(local(entry.span.end, builtin))))
            }
            icalcomponent_add_property(event, icalproperty_new_summary(entry.summary.rendered(by: renderer)))
            if let location = entry.location { icalcomponent_add_property(event, icalproperty_new_location(location)) }
            if let description = entry.description { icalcomponent_add_property(event, icalproperty_new_description(description.rendered(by: renderer))) }
            icalcomponent_add_property(event, icalproperty_new_status(entry.cancelled ? ICAL_STATUS_CANCELLED : entry.tentative ? ICAL_STATUS_TENTATIVE : ICAL_STATUS_CONFIRMED))
            icalcomponent_add_property(event, icalproperty_new_sequence(Int32(entry.sequence)))
            icalcomponent_add_property(event, icalproperty_new_transp(entry.cancelled || entry.allDay ? ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE))
            icalcomponent_add_component(calendar, event)
        }
        guard let text = icalcomponent_as_ical_string_r(calendar) else {
            throw CalendarError(line: 0, Text("libical could not write the feed"))
        }
        defer { icalmemory_free_buffer(text) }
        return String(cString: text)
    }

    private func add(x name: String, _ value: String, to component: OpaquePointer) {
        let property = icalproperty_new_x(value)!
        icalproperty_set_x_name(property, name)
        icalcomponent_add_property(component, property)
    }

    /// The instant as a wall-clock time of the zone (libical leaves the result marked as UTC, which would
    /// print a "Z" after a TZID: the zone is set again here).
    private func local(_ instant: Instant, _ builtin: OpaquePointer) -> icaltimetype {
        var time = icaltime_from_timet_with_zone(time_t(instant.seconds), 0, builtin)
        time.zone = builtin
        return time
    }

    /// The instant's day in the zone, as a DATE value (`DTSTART;VALUE=DATE:20270501`).
    private func day(_ instant: Instant, _ builtin: OpaquePointer) -> icaltimetype {
        var time = icaltime_from_timet_with_zone(time_t(instant.seconds), 1, builtin)
        time.is_date = 1
        time.zone = nil
        return time
    }

    /// libical does not add the TZID parameter to zoned times by itself.
    private func zoned(_ property: OpaquePointer) -> OpaquePointer {
        icalproperty_add_parameter(property, icalparameter_new_tzid(zone.identifier))
        return property
    }

    /// The zone's VTIMEZONE, named by its plain IANA id and trimmed to the years the feed needs.
    private func timeZoneComponent(_ builtin: OpaquePointer, from start: Instant?) -> OpaquePointer {
        let component = icalcomponent_new_clone(icaltimezone_get_component(builtin))!
        if let tzid = icalcomponent_get_first_property(component, ICAL_TZID_PROPERTY) {
            icalproperty_set_tzid(tzid, zone.identifier)
        }
        if let start {
            let from = icaltime_from_timet_with_zone(time_t(start.seconds - 366 * 86_400), 0, icaltimezone_get_utc_timezone())
            icaltimezone_truncate_vtimezone(component, from, icaltime_null_time(), 0)
        }
        return component
    }
}
