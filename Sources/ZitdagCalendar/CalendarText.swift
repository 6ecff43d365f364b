import ZitdagCore

/// A first pass over an iCalendar file's text, before libical sees it: it
/// refuses what libical would silently accept or mangle (bytes that are not
/// UTF-8, NUL bytes, components that are never closed or closed by the wrong
/// END) and remembers where each component starts, because libical keeps no
/// line numbers.
struct CalendarText {
    /// The text, without a byte order mark.
    let text: String
    /// Line numbers of the `BEGIN:` lines of components directly inside a VCALENDAR, by kind, in file order.
    let componentLines: [String: [Int]]

    init(_ bytes: [UInt8]) throws(CalendarError) {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            throw CalendarError(line: Self.line(of: nul, in: bytes), Text("contains a NUL byte: not a text file"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CalendarError(line: Self.firstInvalidLine(bytes), Text("is not valid UTF-8 (iCalendar files must be UTF-8)"))
        }
        self.text = text
        var stack: [(name: String, line: Int)] = []
        var lines: [String: [Int]] = [:]
        var sawCalendar = false
        var number = 0
        // "\r\n" is one Character in Swift: split on any newline character.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            guard let first = line.first, first != " ", first != "\t" else { continue }  // a folded continuation
            let upper = line.uppercased()
            if upper.hasPrefix("BEGIN:") {
                let name = String(upper.dropFirst(6)).trimmingTrailingSpaces
                if stack.last?.name == "VCALENDAR" { lines[name, default: []].append(number) }
                if name == "VCALENDAR" { sawCalendar = true }
                stack.append((name, number))
            } else if upper.hasPrefix("END:") {
                let name = String(upper.dropFirst(4)).trimmingTrailingSpaces
                guard let open = stack.popLast() else {
                    throw CalendarError(line: number, Text("END:\(name) without a matching BEGIN"))
                }
                guard open.name == name else {
                    throw CalendarError(line: number, Text("END:\(name) closes BEGIN:\(open.name) of line \(open.line)"))
                }
            }
        }
        if let open = stack.last { throw CalendarError(line: open.line, Text("BEGIN:\(open.name) is never closed")) }
        guard sawCalendar else { throw CalendarError(line: 0, Text("has no BEGIN:VCALENDAR: not an iCalendar file")) }
        self.componentLines = lines
    }

    private static func line(of index: Int, in bytes: ArraySlice<UInt8>) -> Int {
        bytes[..<index].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private static func firstInvalidLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var start = bytes.startIndex
        for i in bytes.indices where bytes[i] == 0x0A {
            if String(validating: bytes[start..<i], as: UTF8.self) == nil { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
