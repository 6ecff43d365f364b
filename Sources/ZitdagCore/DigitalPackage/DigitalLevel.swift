import Foundation

/// How far someone is with computers, as an intake's answers judge it; it sets the coaching's default series.
public enum DigitalLevel: String, Sendable, CaseIterable, Comparable {
    case starter, basic, advanced

    /// The level a profile's old free text named, when it named one (English or Dutch), else `nil`.
    public init?(loosely text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "starter", "beginner", "beginnend": self = .starter
        case "basic", "basis", "basiskennis": self = .basic
        case "advanced", "gevorderd", "gevorderde": self = .advanced
        default: return nil
        }
    }

    /// "starter", for messages.
    public var words: Text {
        switch self {
        case .starter: Text("starter")
        case .basic: Text("basic")
        case .advanced: Text("advanced")
        }
    }

    public static func < (lhs: DigitalLevel, rhs: DigitalLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
