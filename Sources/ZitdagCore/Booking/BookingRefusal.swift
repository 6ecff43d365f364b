/// Why the desk cannot do as asked (book, move, take a walk-in): a code to act on, the field at
/// fault, and words a consultant or a host understands. Every refusal is true of the state it was decided on.
public struct BookingRefusal: Error, Sendable, Equatable, CustomStringConvertible, TextConvertible {
    public enum Code: String, Sendable {
        /// The request itself is wrong: off the grid, outside every session or the booking rules,
        /// a series gap out of range.
        case invalid
        /// The place asked for fits the request but its seats are taken.
        case taken
        /// Nothing fits at the time asked; ``BookingRefusal/message`` says what stands in the way.
        case noRoom = "no_room"
        /// The change does not apply to the appointment as it stands (moving a cancelled one).
        case conflict
    }

    public var code: Code
    /// The field at fault, as the problem format and the API name it (`start`), when there is one.
    public var field: String?
    public var message: Text

    public init(_ code: Code, field: String? = nil, _ message: Text) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var text: Text { field.map { Text("\($0): \(message)") } ?? message }
    public var description: String { text.description }
}
