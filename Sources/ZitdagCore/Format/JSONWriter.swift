/// Writes JSON for people as well as programs: the top level and arrays one
/// member per line, objects inside arrays compact on one line, keys in the
/// order given. The same value always gives the same bytes.
public enum JSONWriter {
    public static func write(_ json: JSON) -> String {
        var out = ""
        write(json, indent: 0, compact: false, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ json: JSON, indent: Int, compact: Bool, into out: inout String) {
        switch json.value {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .number(let value): out += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
        case .string(let value): writeString(value, into: &out)
        case .array(let elements):
            if elements.isEmpty || compact {
                out += "["
                for (i, element) in elements.enumerated() {
                    if i > 0 { out += ", " }
                    write(element, indent: indent, compact: true, into: &out)
                }
                out += "]"
                return
            }
            let inner = String(repeating: "  ", count: indent + 1)
            out += "[\n"
            for (i, element) in elements.enumerated() {
                out += inner
                write(element, indent: indent + 1, compact: true, into: &out)
                out += i + 1 < elements.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty || compact {
                out += "{"
                for (i, member) in members.enumerated() {
                    if i > 0 { out += ", " }
                    writeString(member.key, into: &out)
                    out += ": "
                    write(member.value, indent: indent, compact: true, into: &out)
                }
                out += "}"
                return
            }
            let inner = String(repeating: "  ", count: indent + 1)
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += inner
                writeString(member.key, into: &out)
                out += ": "
                write(member.value, indent: indent + 1, compact: false, into: &out)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    private static func writeString(_ value: String, into out: inout String) {
        out += "\""
        // Most strings need no escape: written whole, not scalar by scalar.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + pad(Int(scalar.value), 4, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

private func pad(_ value: Int, _ width: Int, radix: Int) -> String {
    let text = String(value, radix: radix)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}
