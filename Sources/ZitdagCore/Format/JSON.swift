/// A JSON value that remembers the line it starts on, so that errors in
/// problem and plan files can say where they are.
///
/// Objects keep their keys in file order; integers and fractions stay apart,
/// so `2.0` is not mistaken for an integer.
public struct JSON: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case integer(Int)
        case number(Double)
        case string(String)
        case array([JSON])
        case object([(key: String, value: JSON)])
    }

    public var value: Value
    /// 1-based line of the value's first character (0 for values built in code).
    public var line: Int

    public init(_ value: Value, line: Int = 0) {
        self.value = value
        self.line = line
    }

    /// What kind of value this is, in words for error messages.
    public var kindName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSON {
    /// An object from key-value pairs, in order.
    public static func object(_ members: KeyValuePairs<String, JSON>) -> JSON {
        JSON(.object(members.map { (key: $0.key, value: $0.value) }))
    }

    public static func array(_ elements: [JSON]) -> JSON {
        JSON(.array(elements))
    }
}
