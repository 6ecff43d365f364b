import Foundation

/// A person's initials, the most a record of them may say beside a pseudonymous id: never a name.
public enum Initials {
    /// `text` trimmed when it is 1 to 4 letters (dots allowed), else `nil`.
    public static func checked(_ text: String) -> String? {
        let initials = text.trimmingCharacters(in: .whitespaces)
        guard (1...4).contains(initials.count), initials.allSatisfy({ $0.isLetter || $0 == "." }) else { return nil }
        return initials
    }

    /// Why `text` is refused, for the field `initials`.
    public static func refusal(_ text: String) -> Text { Text("\"\(text)\": 1 to 4 letters (initials only, never a name)") }
}
