import ArgumentParser
import Foundation
import ZitdagCore
import ZitdagHTTP

/// The language the command line speaks: `ZITDAG_LANG` (`nl` or `en`), else the locale's
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`) when it is Dutch or English, else Dutch.
enum Reader {
    static let language: Language = {
        let environment = ProcessInfo.processInfo.environment
        for name in ["ZITDAG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            if let language = Language(rawValue: String(value.lowercased().prefix(2))) { return language }
            // A set LC_ALL that is neither (C, POSIX) decides nothing: the next setting may.
        }
        return .nl
    }()

    /// Days the Belgian way in Dutch (`di 01/12/2026`); in English as the command line takes them (`Tue 2026-12-01`).
    static let renderer = Catalog.shipped.renderer(language, belgianDates: language == .nl)
}

extension Text {
    /// The text in the command line's language.
    var cli: String { rendered(by: Reader.renderer) }
}

extension ArgumentHelp {
    /// Help in the command line's language.
    init(_ abstract: Text, discussion: Text? = nil, valueName: String? = nil, visibility: ArgumentVisibility = .default) {
        self.init(abstract.cli, discussion: discussion?.cli ?? "", valueName: valueName, visibility: visibility)
    }
}

extension ValidationError {
    /// A refusal of the arguments in the command line's language.
    init(_ text: Text) { self.init(text.cli) }
}

/// Writes a line to stdout in the command line's language.
func say(_ text: Text) {
    print(text.cli)
}
