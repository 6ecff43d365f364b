/// Words for a person, in the language they read. The core says what to say as an English template
/// with its values (a string literal `no job seeker \(id)` given to `Text` is the template
/// `no job seeker {0}` and the value `id`); each edge (pages, API, command line) renders it from the
/// catalog of its reader's language, where the template is the key. `Text` takes no bare string
/// literal, so every template is written as `Text(` and a literal, which the tests find in the
/// sources: one missing from a catalog fails them.
public struct Text: Sendable, Hashable, CustomStringConvertible {
    /// The English template, `{0}`, `{1}` ... standing for the values: the catalogs' key.
    public let template: String
    public let values: [Value]

    /// A value put into a template.
    public indirect enum Value: Sendable, Hashable {
        /// Shown as it is: ids, numbers, codes.
        case verbatim(String)
        /// Words of its own, rendered in the same language.
        case text(Text)
        /// A count and the English noun counted (`3 days`); the catalogs hold each noun's forms.
        case count(Int, String)
        /// A calendar day, written as the reader writes days, with its weekday or without.
        case day(LocalDate, weekday: Bool)
        /// A moment on the local clock with its weekday, written as the reader writes them.
        case moment(LocalDateTime)
    }

    public init(_ template: Template) {
        self.template = template.template
        self.values = template.values
    }

    /// A text that is already the reader's (a name, a message from a library): shown as it is.
    public init(verbatim: String) {
        self.template = "{0}"
        self.values = [.verbatim(verbatim)]
    }

    init(template: String, values: [Value]) {
        self.template = template
        self.values = values
    }

    /// The text in English with days and moments as the command line writes them
    /// (`2026-12-01`, `Tue 2026-12-01 10:00`): for logs and tests.
    public var description: String { rendered(by: .english) }

    /// The text rendered by `renderer`.
    public func rendered(by renderer: Renderer) -> String {
        let template = renderer.translate(self.template) ?? self.template
        guard !values.isEmpty else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]), values.indices.contains(index) {
                out += renderer.render(values[index])
                rest = rest[rest.index(after: close)...]
            } else {
                out.append("{")
                rest = rest[afterOpen...]
            }
        }
        return out + rest
    }

    /// Two texts are the same when they say the same (in English), however they were put together.
    public static func == (lhs: Text, rhs: Text) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// What an error says: its text when it has one, else its description as it is.
    public static func of(_ error: any Error) -> Text {
        (error as? any TextConvertible)?.text ?? Text(verbatim: String(describing: error))
    }

    /// Texts as one, each after the other with `separator` between them.
    public static func joined(_ texts: [Text], separator: String) -> Text {
        guard texts.count != 1 else { return texts[0] }
        // The separator is punctuation, the same in every language the catalogs hold.
        let template = texts.indices.map { "{\($0)}" }.joined(separator: separator)
        return Text(template: template, values: texts.map { .text($0) })
    }

    /// How a reader's edge writes texts: the catalog of their language and how they write days.
    public struct Renderer: Sendable {
        /// The reader's words for an English template or counted noun; `nil` leaves the English.
        public var translate: @Sendable (String) -> String?
        public var day: @Sendable (LocalDate, _ weekday: Bool) -> String
        public var moment: @Sendable (LocalDateTime) -> String

        public init(
            translate: @escaping @Sendable (String) -> String?, day: @escaping @Sendable (LocalDate, _ weekday: Bool) -> String,
            moment: @escaping @Sendable (LocalDateTime) -> String
        ) {
            self.translate = translate
            self.day = day
            self.moment = moment
        }

        /// The templates as written, days as ISO dates (`2026-12-01`, `Tue 2026-12-01 10:00`).
        public static let english = Renderer(
            translate: { _ in nil }, day: { date, weekday in weekday ? date.withWeekday : date.description }, moment: { $0.withWeekday })

        func render(_ value: Value) -> String {
            switch value {
            case .verbatim(let string): string
            case .text(let text): text.rendered(by: self)
            case .day(let date, let weekday): day(date, weekday)
            case .moment(let local): moment(local)
            case .count(let count, let noun): "\(count) \(Self.form(translate(Text.nounKey(noun)), noun: noun, count: count))"
            }
        }

        /// The catalog's `singular|plural` for a noun; without one, English (an s added).
        static func form(_ forms: String?, noun: String, count: Int) -> String {
            let parts = (forms ?? "\(noun)|\(noun)s").split(separator: "|", omittingEmptySubsequences: false)
            return String(count == 1 || parts.count < 2 ? parts[0] : parts[1])
        }
    }

    /// The catalog key of a counted noun's forms: `plural:day` holds `day|days`, `dag|dagen`.
    public static func nounKey(_ noun: String) -> String { "plural:" + noun }

    /// The template as a string literal with interpolations writes it.
    public struct Template: ExpressibleByStringInterpolation, Sendable {
        var template = ""
        var values: [Value] = []

        public init(stringLiteral value: String) { template = value }
        public init(stringInterpolation: Interpolation) {
            template = stringInterpolation.template
            values = stringInterpolation.values
        }

        public struct Interpolation: StringInterpolationProtocol, Sendable {
            var template = ""
            var values: [Value] = []
            public init(literalCapacity: Int, interpolationCount: Int) {}
            public mutating func appendLiteral(_ literal: String) { template += literal }
            mutating func append(_ value: Value) {
                template += "{\(values.count)}"
                values.append(value)
            }
            public mutating func appendInterpolation(_ text: Text) { append(.text(text)) }
            public mutating func appendInterpolation(_ date: LocalDate) { append(.day(date, weekday: false)) }
            /// `Tue 2026-12-01`, `di 01/12/2026`.
            public mutating func appendInterpolation(weekday date: LocalDate) { append(.day(date, weekday: true)) }
            /// `Tue 2026-12-01 10:00`, `di 01/12/2026 10:00`.
            public mutating func appendInterpolation(weekday local: LocalDateTime) { append(.moment(local)) }
            /// `3 days`: the noun in English singular; its forms come from the catalogs.
            public mutating func appendInterpolation(count: Int, _ noun: String) { append(.count(count, noun)) }
            public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) { append(.verbatim(value.description)) }
            public mutating func appendInterpolation(_ value: String) { append(.verbatim(value)) }
            public mutating func appendInterpolation(_ value: Substring) { append(.verbatim(String(value))) }
        }
    }
}

/// Something that tells a person what happened (most often an error), in words each edge renders in
/// its reader's language; its `description` is the English.
public protocol TextConvertible {
    var text: Text { get }
}
