import ZitdagCore
import CLibical

/// A parsed iCalendar file: owns libical's component tree and frees it.
///
/// Pointers into the tree never leave this module; callers get Swift values.
final class ICalDocument {
    let root: OpaquePointer
    let source: CalendarText

    init(_ source: CalendarText) throws(CalendarError) {
        zitdag_clear_icalerrno()
        guard let root = icalparser_parse_string(source.text) else {
            throw CalendarError(line: 0, Text("libical could not parse it as iCalendar"))
        }
        self.root = root
        self.source = source
    }

    deinit {
        icalcomponent_free(root)
    }

    /// The VCALENDAR components: the root, or its children when the file holds several.
    var calendars: [OpaquePointer] {
        if icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT { return [root] }
        return children(of: root, kind: ICAL_VCALENDAR_COMPONENT)
    }

    func children(of component: OpaquePointer, kind: icalcomponent_kind) -> [OpaquePointer] {
        collect { $0 ? icalcomponent_get_first_component(component, kind) : icalcomponent_get_next_component(component, kind) }
    }

    func properties(of component: OpaquePointer, kind: icalproperty_kind) -> [OpaquePointer] {
        collect { $0 ? icalcomponent_get_first_property(component, kind) : icalcomponent_get_next_property(component, kind) }
    }

    /// Walks one of libical's first/next iterations (`step(true)` is the first) to its end.
    private func collect(_ step: (_ first: Bool) -> OpaquePointer?) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        var current = step(true)
        while let item = current {
            found.append(item)
            current = step(false)
        }
        return found
    }
}

/// A C string from libical as a Swift string; libical returns NULL for some values.
func string(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
}
