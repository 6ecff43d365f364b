import Foundation
import ZitdagCore

/// The languages the pages speak: Dutch by default, English by choice.
public enum Language: String, Sendable, CaseIterable {
    case nl, en

    /// The stored preference (the `zitdag_lang` cookie) when there is one, else the first of
    /// Accept-Language's languages that the pages speak (by weight), else Dutch.
    public static func chosen(cookie: String?, acceptLanguage: String?) -> Language {
        if let cookie, let language = Language(rawValue: cookie) { return language }
        guard let acceptLanguage else { return .nl }
        let ranked = acceptLanguage.split(separator: ",").enumerated().compactMap { index, part -> (Language, Double, Int)? in
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased() else { return nil }
            let weight = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            guard weight > 0, let language = Language(rawValue: String(tag.prefix(2))) else { return nil }
            return (language, weight, index)
        }
        // The heaviest; among equals, the first named.
        return ranked.max { ($0.1, -$0.2) < ($1.1, -$1.2) }?.0 ?? .nl
    }
}

/// Every text zitdag shows, one catalog per language, in two files: the pages' texts by key
/// (`Pages/texts.<language>.json`) and the messages of the core, the store, the API and the command
/// line by their English template (`Pages/messages.<language>.json`, see ``Text``). The tests hold
/// the catalogs to each other, to the templates of the pages and to every `Text` in the sources: a
/// text missing from either language fails them.
public struct Catalog: Sendable {
    public let texts: [Language: [String: String]]
    public let messages: [Language: [String: String]]

    /// The catalogs shipped with the pages.
    public static let shipped: Catalog = {
        func table(_ name: String, _ language: Language) -> [String: String] {
            guard let url = Bundle.module.url(forResource: "\(name).\(language.rawValue)", withExtension: "json", subdirectory: "Pages"),
                let data = try? Data(contentsOf: url), let table = try? JSONDecoder().decode([String: String].self, from: data)
            else { preconditionFailure("\(name).\(language.rawValue).json is missing from the bundle") }
            return table
        }
        var texts: [Language: [String: String]] = [:]
        var messages: [Language: [String: String]] = [:]
        for language in Language.allCases {
            texts[language] = table("texts", language)
            messages[language] = table("messages", language)
        }
        return Catalog(texts: texts, messages: messages)
    }()

    /// The text for `key` in `language`; the key itself where a text is missing (which the tests forbid).
    public func text(_ key: String, _ language: Language) -> String {
        texts[language]?[key] ?? key
    }

    /// The text for `key` with `{name}` placeholders filled in.
    public func text(_ key: String, _ language: Language, _ values: [String: String]) -> String {
        values.reduce(text(key, language)) { text, value in text.replacingOccurrences(of: "{\(value.key)}", with: value.value) }
    }

    /// How texts are written for a reader of `language`: from this catalog, with days the Belgian way
    /// (English: unless `belgianDates` is false, ISO dates as the command line takes them).
    public func renderer(_ language: Language, belgianDates: Bool = true) -> Text.Renderer {
        let table = messages[language] ?? [:]
        guard belgianDates else {
            return Text.Renderer(translate: { table[$0] }, day: Text.Renderer.english.day, moment: Text.Renderer.english.moment)
        }
        return Text.Renderer(
            translate: { table[$0] },
            day: { date, weekday in weekday ? self.day(date, language) : Self.date(date) },
            moment: { self.moment($0, language) })
    }

    /// A day the Belgian way: `di 24/11/2026` (`Tue 24/11/2026` in English).
    public func day(_ date: LocalDate, _ language: Language) -> String {
        let names = text("weekdays_short", language).split(separator: " ")
        let name = names.count == 7 ? String(names[date.weekday - 1]) : ""
        return "\(name) \(Self.date(date))"
    }

    /// A date the Belgian way, without its weekday: `24/11/2026`.
    public static func date(_ date: LocalDate) -> String {
        let (year, month, day) = date.components
        return "\(two(day))/\(two(month))/\(year)"
    }

    /// A time of day: `09:00`.
    public func time(_ local: LocalDateTime) -> String { "\(Self.two(local.hour)):\(Self.two(local.minute))" }

    /// A moment the Belgian way: `di 24/11/2026 09:00`.
    public func moment(_ local: LocalDateTime, _ language: Language) -> String { "\(day(local.date, language)) \(time(local))" }

    static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// A day written the Belgian way, `24/11/2026` or with its weekday in either language
    /// (`di 24/11/2026`, `Tue 24/11/2026`); `nil` for anything else, a weekday that is not the
    /// date's among it.
    public func day(belgian written: String) -> LocalDate? {
        let words = written.split(separator: " ", omittingEmptySubsequences: true)
        guard (1...2).contains(words.count) else { return nil }
        let numbers = words.last!.split(separator: "/", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers[0].count <= 2, numbers[1].count <= 2, numbers[2].count == 4,
            let day = Int(numbers[0]), let month = Int(numbers[1]), let year = Int(numbers[2]),
            let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        guard words.count == 2 else { return date }
        let named = Language.allCases.contains { language in
            let names = text("weekdays_short", language).lowercased().split(separator: " ")
            return names.count == 7 && names[date.weekday - 1] == words[0].lowercased()
        }
        return named ? date : nil
    }

    /// A moment written the Belgian way: `di 24/11/2026 09:00` or `24/11/2026 09:00`.
    public func moment(belgian text: String) -> LocalDateTime? {
        guard let space = text.lastIndex(of: " ") else { return nil }
        let clock = text[text.index(after: space)...].split(separator: ":")
        guard let date = day(belgian: String(text[..<space])), clock.count == 2, clock[0].count <= 2, clock[1].count == 2,
            let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return LocalDateTime(date: date, secondOfDay: hour * 3600 + minute * 60)
    }
}
