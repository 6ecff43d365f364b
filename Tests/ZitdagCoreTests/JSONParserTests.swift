import Testing
import ZitdagCore

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSON { try JSONParser.parse(Array(text.utf8)) }

    func error(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func valuesRememberTheirLine() throws {
        let json = try parse("{\n  \"a\": 1,\n  \"b\": [true]\n}")
        guard case .object(let members) = json.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members.map(\.value.line) == [2, 3])
    }

    @Test func integersAndFractionsStayApart() throws {
        guard case .array(let items) = try parse("[2, 2.0, -0, 1e2]").value else { return }
        let kinds = items.map(\.kindName)
        #expect(kinds == ["an integer", "a number", "an integer", "a number"])
    }

    @Test("broken JSON is refused with its position", arguments: [
        ("{\"a\": 1,}", 1), ("[1, 2", 1), ("{\"a\": 1, \"a\": 2}", 1), ("\n\n  tru", 3), ("[1e400]", 1),
        ("\"\\ud800\"", 1), ("{\"a\" 1}", 1), ("01", 1), ("[1] x", 1), ("", 1),
    ])
    func brokenJSON(text: String, line: Int) {
        let failure = error(text)
        #expect(failure?.line == line, "\(text)")
    }

    @Test("a repeated key is found in an object of any size", arguments: [2, 15, 16, 17, 40])
    func repeatedKey(keys: Int) throws {
        let members = (0..<keys).map { "\"k\($0)\": \($0)" }
        #expect(try parse("{" + members.joined(separator: ", ") + "}").kindName == "an object")
        // The first key again, and the last: past the sixteenth key they are kept in a set.
        for repeated in ["k0", "k\(keys - 1)"] {
            let failure = error("{" + (members + ["\"\(repeated)\": 0"]).joined(separator: ", ") + "}")
            #expect(failure?.message.description.contains("duplicate key \"\(repeated)\"") == true, "\(keys) \(repeated)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        #expect(error(String(repeating: "[", count: 100_000))?.message.description.contains("nested") == true)
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
        // A lone continuation byte among ASCII letters, and a sequence cut short before the quote.
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0x61, 0x80, 0x62, 0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0x61, 0xC3, 0x22]) }
    }

    @Test func escapesDecode() throws {
        guard case .string(let text) = try parse("\"a\\n\\u00e9\\ud83d\\ude00\"").value else { return }
        #expect(text == "a\né😀")
    }

    @Test("strings are written escaped only where JSON needs it", arguments: [
        ("plain é😀", "\"plain é😀\""), ("a\"b", "\"a\\\"b\""), ("a\\b", "\"a\\\\b\""),
        ("tab\tnew\nline\r", "\"tab\\tnew\\nline\\r\""), ("\u{01}é", "\"\\u0001é\""), ("", "\"\""),
    ])
    func writtenString(value: String, written: String) throws {
        #expect(JSONWriter.write(JSON(.string(value))) == written + "\n")
        guard case .string(let back) = try parse(written).value else { Issue.record("not a string"); return }
        #expect(back == value)
    }

    @Test func writerOutputParsesBackToTheSameText() throws {
        let text = "{\n  \"a\": [\n    {\"b\": \"x\\\"y\", \"c\": null}\n  ],\n  \"d\": -3\n}\n"
        #expect(JSONWriter.write(try parse(text)) == text)
    }
}
