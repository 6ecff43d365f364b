/// What an id (of a job seeker, a consultant, a coach) may be: printable text, not empty. A control
/// character would be cut off or mangled by the store, the feeds and the terminal (a NUL ended an id
/// silently), so it is refused where ids come in.
public enum Identifier {
    /// Why `id` cannot be an id, or `nil` when it can.
    public static func problem(with id: String) -> Text? {
        if id.isEmpty { return Text("must not be empty") }
        if let bad = id.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            return Text("contains the control character U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4))")
        }
        return nil
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
