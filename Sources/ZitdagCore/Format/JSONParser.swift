/// A syntax error in a JSON text, with its position.
public struct JSONSyntaxError: Error, Sendable, CustomStringConvertible, TextConvertible {
    public var line: Int
    public var column: Int
    public var message: Text

    public var text: Text { Text("line \(line), column \(column): \(message)") }
    public var description: String { text.description }
}

/// A strict RFC 8259 parser over UTF-8 bytes that records line numbers.
///
/// It refuses duplicate keys, numbers that do not fit a `Double`, invalid
/// UTF-8 and nesting deeper than ``maximumDepth``, so hostile files end in an
/// error rather than a crash.
public struct JSONParser {
    public static let maximumDepth = 128

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    /// Parses one JSON text (a single value with optional surrounding white space).
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSON {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }  // a UTF-8 byte order mark
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error(Text("unexpected text after the JSON value")) }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func error(_ message: Text) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: index - lineStart + 1, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current {
            switch byte {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func expect(_ literal: String, _ value: JSON.Value) throws(JSONSyntaxError) -> JSON {
        let startLine = line
        for byte in literal.utf8 {
            guard current == byte else { throw error(Text("invalid literal, expected '\(literal)'")) }
            index += 1
        }
        return JSON(value, line: startLine)
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSON {
        guard let byte = current else { throw error(Text("unexpected end of file, expected a value")) }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return JSON(.string(try parseString()), line: line)
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error(Text("unexpected character '\(printable(byte))', expected a value"))
        }
    }

    /// Keys of an object that are looked through for a duplicate before a set of them is made.
    private static let keysLookedThrough = 16

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSON {
        guard depth <= Self.maximumDepth else { throw error(Text("nested deeper than \(Self.maximumDepth) levels")) }
        let startLine = line
        index += 1
        var members: [(key: String, value: JSON)] = []
        // The keys so far, once there are many: a handful are looked through instead (a set for each
        // of the hundreds of thousands of small objects of a large problem file cost more).
        var seen: Set<String>?
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return JSON(.object(members), line: startLine)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error(Text("expected a key in double quotes")) }
            let key = try parseString()
            if seen == nil && members.count >= Self.keysLookedThrough { seen = Set(members.map(\.key)) }
            let duplicate = if seen != nil { !seen!.insert(key).inserted } else { members.contains { $0.key == key } }
            guard !duplicate else { throw error(Text("duplicate key \"\(key)\"")) }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error(Text("expected ':' after key \"\(key)\"")) }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue(depth: depth)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return JSON(.object(members), line: startLine)
            default: throw error(Text("expected ',' or '}' in object"))
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSON {
        guard depth <= Self.maximumDepth else { throw error(Text("nested deeper than \(Self.maximumDepth) levels")) }
        let startLine = line
        index += 1
        var elements: [JSON] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return JSON(.array(elements), line: startLine)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return JSON(.array(elements), line: startLine)
            default: throw error(Text("expected ',' or ']' in array"))
            }
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // opening quote
        // Most strings have no escapes: take them whole.
        var end = index
        var ascii = true
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            ascii = ascii && bytes[end] < 0x80
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            // ASCII needs no validating; `String(validating:as:)` is not specialised here and looked
            // up its generic types at run time, for every string of a file.
            let text = ascii ? String(decoding: bytes[index..<end], as: UTF8.self) : String(validating: bytes[index..<end], as: UTF8.self)
            guard let text else { throw error(Text("invalid UTF-8 in string")) }
            index = end + 1
            return text
        }
        var scalars = String.UnicodeScalarView()
        var plainStart = index
        func flushPlain(_ parser: inout JSONParser) throws(JSONSyntaxError) {
            guard plainStart < parser.index else { return }
            guard let text = String(validating: parser.bytes[plainStart..<parser.index], as: UTF8.self) else {
                throw parser.error(Text("invalid UTF-8 in string"))
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard let byte = current else { throw error(Text("unterminated string")) }
            switch byte {
            case UInt8(ascii: "\""):
                try flushPlain(&self)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flushPlain(&self)
                index += 1
                scalars.append(try parseEscape())
                plainStart = index
            case 0..<0x20:
                throw error(Text("control character in string (escape it)"))
            default:
                index += 1
            }
        }
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let byte = current else { throw error(Text("unterminated escape")) }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800..<0xDC00).contains(high) {
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                else { throw error(Text("unpaired surrogate in \\u escape")) }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error(Text("unpaired surrogate in \\u escape")) }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw error(Text("unpaired surrogate in \\u escape")) }
            return scalar
        default: throw error(Text("invalid escape '\\\(printable(byte))'"))
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexValue(byte) else { throw error(Text("invalid \\u escape")) }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSON {
        let start = index
        var isInteger = true
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, isDigit(first) else { throw error(Text("invalid number")) }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = current, isDigit(next) { throw error(Text("leading zeros are not allowed in numbers")) }
        } else {
            while let byte = current, isDigit(byte) { index += 1 }
        }
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let byte = current, isDigit(byte) else { throw error(Text("invalid number: digits expected after '.'")) }
            while let byte = current, isDigit(byte) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let byte = current, isDigit(byte) else { throw error(Text("invalid number: digits expected in exponent")) }
            while let byte = current, isDigit(byte) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int(text) { return JSON(.integer(integer), line: line) }
        guard let number = Double(text), number.isFinite else {
            throw error(Text("number \(text) is out of range"))
        }
        return JSON(.number(number), line: line)
    }
}

private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}

private func printable(_ byte: UInt8) -> String {
    (0x21..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
}

extension JSONParser {
    /// A file's JSON, or its syntax error as a ``FormatError`` with line and column.
    static func parseFile(_ bytes: [UInt8]) throws(FormatError) -> JSON {
        do {
            return try parse(bytes)
        } catch {
            throw FormatError(issues: [FormatIssue(line: error.line, path: "", message: Text("\(error.message) (column \(error.column))"))])
        }
    }
}
