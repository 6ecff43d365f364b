import ZitdagCore

/// An iCalendar file zitdag cannot use, with the line where the trouble is.
public struct CalendarError: Error, Sendable, CustomStringConvertible, TextConvertible {
    /// The file's name, filled in by whoever read it.
    public var file: String?
    /// 1-based line in the file, 0 when the trouble is not on one line.
    public var line: Int
    public var message: Text

    public init(file: String? = nil, line: Int, _ message: Text) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `agenda.ics:12: DTSTART has an unknown time zone "Mars Standard Time"`.
    public var text: Text {
        let place = file.map { Text(verbatim: $0) } ?? Text("calendar")
        return line > 0 ? Text("\(place):\(line): \(message)") : Text("\(place): \(message)")
    }
    public var description: String { text.description }
}
