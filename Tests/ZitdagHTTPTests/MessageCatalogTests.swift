import Foundation
import Testing
import ZitdagCore
import ZitdagHTTP

/// Every message zitdag gives (the core's reasons, the store's refusals, the API's problem details,
/// the command line's output and help) comes from the catalog of its reader's language.
@Suite struct MessageCatalogTests {
    let catalog = Catalog.shipped

    /// Every `Text` template written in the sources, with the counted nouns among them.
    static let templates: [String: String] = {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
        var found: [String: String] = [:]
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files {
            guard let text = try? String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8) else { continue }
            for key in TemplateScanner.templates(in: text) where found[key] == nil { found[key] = file }
        }
        return found
    }()

    @Test func theScannerReadsTemplatesAsTextBuildsThem() {
        let source = #"""
            let a = Text("no job seeker \(id): \(count: n, "day") \(weekday: date)")
            let b = Text(
                "line \(line): \(detail)")
            let c = Text("""
                two
                  lines \(x)
                """)
            let d = Text("say \"\(quoted)\" \\ \(f(g(1), "x"))")
            """#
        let id = "J1", n = 3, date = LocalDate(year: 2026, month: 12, day: 1)!, line = 4, detail = "d", x = 1, quoted = "q"
        func f(_ a: Int, _ b: String) -> String { b }
        func g(_ a: Int) -> Int { a }
        let built = [
            Text("no job seeker \(id): \(count: n, "day") \(weekday: date)").template, Text("line \(line): \(detail)").template,
            Text("""
                two
                  lines \(x)
                """).template,
            Text("say \"\(quoted)\" \\ \(f(g(1), "x"))").template,
        ]
        #expect(TemplateScanner.templates(in: source) == [built[0], Text.nounKey("day")] + built.dropFirst())
    }

    @Test func theSourcesHaveTemplates() {
        // A scanner that finds nothing would let every other test here pass.
        #expect(Self.templates.count > 600)
        #expect(Self.templates["no free slot: {0}"] != nil)
        #expect(Self.templates[Text.nounKey("appointment")] != nil)
    }

    @Test func everyTemplateIsInBothCatalogs() {
        for language in Language.allCases {
            let table = catalog.messages[language] ?? [:]
            let missing = Self.templates.keys.filter { table[$0] == nil }.sorted().map { "\($0)  (\(Self.templates[$0]!))" }
            #expect(missing == [], "messages.\(language.rawValue).json lacks \(missing.count)")
        }
    }

    @Test func theCatalogsHoldTheSameMessagesAndNothingStale() {
        let dutch = Set(catalog.messages[.nl]?.keys ?? [:].keys)
        let english = Set(catalog.messages[.en]?.keys ?? [:].keys)
        #expect(dutch.subtracting(english).sorted() == [])
        #expect(english.subtracting(dutch).sorted() == [])
        #expect(english.subtracting(Self.templates.keys).sorted() == [], "catalog entries no source uses")
    }

    @Test func aTranslationKeepsEveryValueAndCountedNounsHaveTwoForms() {
        for language in Language.allCases {
            for (key, text) in catalog.messages[language] ?? [:] {
                if key.hasPrefix(Text.nounKey("")) {
                    #expect(text.split(separator: "|", omittingEmptySubsequences: false).count == 2, "\(language) \(key): \(text)")
                } else {
                    #expect(Self.placeholders(text) == Self.placeholders(key), "\(language) \(key): \(text)")
                }
            }
        }
    }

    @Test func aReasonIsRenderedInTheReadersLanguageWithBelgianDates() {
        let start = LocalDateTime(date: LocalDate(year: 2026, month: 12, day: 1)!, secondOfDay: 10 * 3600)
        let taken = Text("\(Text("the slot at \(weekday: start)")) is taken")
        #expect(taken.description == "the slot at Tue 2026-12-01 10:00 is taken")
        #expect(taken.rendered(by: catalog.renderer(.nl)) == "de plaats op di 01/12/2026 10:00 is bezet")
        #expect(taken.rendered(by: catalog.renderer(.en)) == "the slot at Tue 01/12/2026 10:00 is taken")
        let days = Text("appointment #\(1) of the series is on \(start.date): \(count: 1, "day") apart is outside \(7)..\(21)")
        #expect(days.rendered(by: catalog.renderer(.nl)) == "afspraak #1 van de reeks is op 01/12/2026: 1 dag ertussen valt buiten 7..21")
        #expect(Text("\(count: 2, "day")").rendered(by: catalog.renderer(.nl)) == "2 dagen")
        #expect(Text("\(count: 2, "day")").description == "2 days")
    }

    static func placeholders(_ text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { break }
            if Int(rest[after..<close]) != nil { found.append(String(rest[open...close])) }
            rest = rest[after...]
        }
        return found.sorted()
    }
}

/// Finds `Text(` followed by a string literal in Swift source and writes its template as
/// ``Text/Template`` builds it: literal text as it is (escapes resolved, a multi-line literal's
/// indentation removed), each interpolation `{0}`, `{1}` ...; a counted noun (`count: n, "day"`)
/// adds its catalog key.
enum TemplateScanner {
    static func templates(in source: String) -> [String] {
        let characters = Array(source)
        var found: [String] = []
        var index = 0
        let marker = Array("Text(")
        while index + marker.count < characters.count {
            guard Array(characters[index..<index + marker.count]) == marker, index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
            else {
                index += 1
                continue
            }
            var quote = index + marker.count
            while quote < characters.count, characters[quote].isWhitespace { quote += 1 }
            index += marker.count
            guard quote < characters.count, characters[quote] == "\"" else { continue }
            let end = literalEnd(characters, quote)
            let (template, nouns) = template(of: Array(characters[quote..<end]))
            found.append(template)
            found += nouns.map(Text.nounKey)
        }
        return found
    }

    /// The index after the literal that opens at `start`.
    static func literalEnd(_ c: [Character], _ start: Int) -> Int {
        if start + 2 < c.count, c[start + 1] == "\"", c[start + 2] == "\"" {
            var i = start + 3
            while i + 2 < c.count, !(c[i] == "\"" && c[i + 1] == "\"" && c[i + 2] == "\"") { i += 1 }
            return i + 3
        }
        var i = start + 1
        while i < c.count {
            if c[i] == "\\" {
                if c[i + 1] == "(" {
                    i = interpolationEnd(c, i + 2)
                    continue
                }
                i += 2
                continue
            }
            if c[i] == "\"" { return i + 1 }
            i += 1
        }
        return i
    }

    /// The index after the `)` closing an interpolation whose content starts at `start`.
    static func interpolationEnd(_ c: [Character], _ start: Int) -> Int {
        var depth = 1
        var i = start
        while depth > 0, i < c.count {
            if c[i] == "\"" {
                i = literalEnd(c, i)
                continue
            }
            if c[i] == "(" { depth += 1 } else if c[i] == ")" { depth -= 1 }
            i += 1
        }
        return i
    }

    static func template(of literal: [Character]) -> (String, [String]) {
        let multiLine = literal.count >= 6 && literal.prefix(3).allSatisfy { $0 == "\"" }
        var body = Array(literal.dropFirst(multiLine ? 3 : 1).dropLast(multiLine ? 3 : 1))
        if multiLine {
            let lines = String(body).split(separator: "\n", omittingEmptySubsequences: false)
            let indent = lines.last?.count ?? 0
            body = Array(lines.dropFirst().dropLast().map { String($0.dropFirst(indent)) }.joined(separator: "\n"))
        }
        var out = ""
        var nouns: [String] = []
        var values = 0
        var i = 0
        while i < body.count {
            guard body[i] == "\\", i + 1 < body.count else {
                out.append(body[i])
                i += 1
                continue
            }
            switch body[i + 1] {
            case "(":
                let end = interpolationEnd(body, i + 2)
                let inner = String(body[(i + 2)..<(end - 1)]).trimmingCharacters(in: .whitespaces)
                if inner.hasPrefix("count:"), inner.hasSuffix("\""), let open = inner.dropLast().lastIndex(of: "\"") {
                    nouns.append(String(inner[inner.index(after: open)..<inner.index(before: inner.endIndex)]))
                }
                out += "{\(values)}"
                values += 1
                i = end
            case "u":
                let close = body[i...].firstIndex(of: "}") ?? i + 2
                if let scalar = UInt32(String(body[(i + 3)..<close]), radix: 16).flatMap(Unicode.Scalar.init) { out.unicodeScalars.append(scalar) }
                i = close + 1
            case "n": out += "\n"; i += 2
            case "t": out += "\t"; i += 2
            case "\n": i += 2
            default: out.append(body[i + 1]); i += 2
            }
        }
        return (out, nouns)
    }
}
