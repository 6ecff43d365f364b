/// The language a request asks for, read the way the sessions name them: their codes (`nl`, `fr`),
/// whatever the case. Anything else is refused with a suggestion, instead of being taken as given and
/// then matching only the sessions that serve every language.
public enum LanguageCode {
    /// Names people type for the languages of Flemish coaching, in Dutch, English and French.
    static let names: [String: String] = [
        "nederlands": "nl", "dutch": "nl", "vlaams": "nl", "néerlandais": "nl", "neerlandais": "nl",
        "frans": "fr", "french": "fr", "français": "fr", "francais": "fr",
        "engels": "en", "english": "en", "anglais": "en",
        "duits": "de", "german": "de", "deutsch": "de", "allemand": "de",
        "arabisch": "ar", "arabic": "ar", "arabe": "ar",
        "turks": "tr", "turkish": "tr", "türkçe": "tr", "turc": "tr",
        "spaans": "es", "spanish": "es", "español": "es", "espagnol": "es",
        "pools": "pl", "polish": "pl", "polski": "pl",
        "roemeens": "ro", "romanian": "ro", "russisch": "ru", "russian": "ru",
        "oekraïens": "uk", "oekraiens": "uk", "ukrainian": "uk",
        "portugees": "pt", "portuguese": "pt", "italiaans": "it", "italian": "it",
        "somalisch": "so", "somali": "so", "tigrinya": "ti", "dari": "prs", "pasjtoe": "ps", "pashto": "ps",
    ]

    /// The code among `known` (the codes the sessions use) that `text` names, or why there is none.
    /// With no codes known (no session names its languages), every code is served and `text` stands.
    public static func resolve(_ text: String, among known: Set<String>) -> Result<String, Refusal> {
        guard !known.isEmpty else { return .success(text) }
        let lowered = text.lowercased()
        if let code = known.first(where: { $0.lowercased() == lowered }) { return .success(code) }
        let suggestion = names[lowered].flatMap { code in known.first { $0.lowercased() == code } }
            ?? known.sorted().min { distance(lowered, $0.lowercased()) < distance(lowered, $1.lowercased()) }
                .flatMap { distance(lowered, $0.lowercased()) <= 1 ? $0 : nil }
        return .failure(Refusal(given: text, known: known.sorted(), suggestion: suggestion))
    }

    /// A language the sessions do not name.
    public struct Refusal: Error, Sendable, CustomStringConvertible, TextConvertible {
        /// What was given.
        public var given: String
        public var known: [String]
        public var suggestion: String?

        public var text: Text {
            let known = known.joined(separator: ", ")
            if let suggestion { return Text("\"\(given)\" is not a language code the sessions use (\(known)); did you mean \(suggestion)?") }
            return Text("\"\(given)\" is not a language code the sessions use (\(known))")
        }
        public var description: String { text.description }
    }

    /// Levenshtein distance, for suggestions between short words.
    static func distance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        var previous = Array(0...b.count)
        for i in a.indices.map({ $0 + 1 }) {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
