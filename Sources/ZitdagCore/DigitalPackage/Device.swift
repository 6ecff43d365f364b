/// A device of the lending pool: a laptop, a tablet, a dongle or a SIM card. Its history (loans,
/// repairs) stays when a borrower is erased; only the link to them goes.
public struct Device: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case laptop, tablet, dongle, sim

        public var words: Text {
            switch self {
            case .laptop: Text("laptop")
            case .tablet: Text("tablet")
            case .dongle: Text("dongle")
            case .sim: Text("SIM card")
            }
        }
    }

    public enum State: String, Sendable, CaseIterable {
        case available
        case onLoan = "on_loan"
        case inRepair = "in_repair"
        case retired

        public var words: Text {
            switch self {
            case .available: Text("available")
            case .onLoan: Text("on loan")
            case .inRepair: Text("in repair")
            case .retired: Text("retired")
            }
        }
    }

    /// The inventory number on its sticker.
    public var id: String
    public var kind: Kind
    public var state: State
    public var bought: LocalDate
    /// Where it is kept and lent from, for the report per location.
    public var location: String?

    /// Devices are replaced five years after they were bought.
    public static let lifetimeYears = 5

    public init(id: String, kind: Kind, state: State = .available, bought: LocalDate, location: String? = nil) {
        self.id = id
        self.kind = kind
        self.state = state
        self.bought = bought
        self.location = location
    }

    /// The day it is due for replacement.
    public var replaceOn: LocalDate { bought.adding(months: 12 * Self.lifetimeYears) }
}
