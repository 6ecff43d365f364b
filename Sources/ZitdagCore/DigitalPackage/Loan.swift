/// A device lent to a job seeker: from, until (moved on by each extension, which is kept), and
/// when and in what state it came back.
public struct Loan: Sendable, Hashable {
    /// The state a device comes back in, which decides what it is next.
    public enum Condition: String, Sendable, CaseIterable {
        /// Fit to lend again: available.
        case good
        /// To be repaired first: in repair.
        case damaged
        /// Not coming back, or beyond repair: retired.
        case lost

        public var words: Text {
            switch self {
            case .good: Text("good")
            case .damaged: Text("damaged")
            case .lost: Text("lost")
            }
        }

        /// What the device is once it came back in this state.
        public var deviceState: Device.State {
            switch self {
            case .good: .available
            case .damaged: .inRepair
            case .lost: .retired
            }
        }
    }

    /// One extension: on which day, from which end to which.
    public struct Extension: Sendable, Hashable {
        public var on: LocalDate
        public var from: LocalDate
        public var to: LocalDate

        public init(on: LocalDate, from: LocalDate, to: LocalDate) {
            self.on = on
            self.from = from
            self.to = to
        }
    }

    /// The store's number.
    public var id: Int
    /// `nil` for a loan recorded before devices were (its dates came from the job seeker's profile).
    public var device: String?
    /// `nil` once the job seeker is erased.
    public var jobSeeker: String?
    public var from: LocalDate
    /// The last day of the loan, as extended.
    public var until: LocalDate
    public var extensions: [Extension]
    public var returned: LocalDate?
    public var condition: Condition?

    /// A loan runs six months unless said otherwise.
    public static let standardMonths = 6

    public init(
        id: Int, device: String?, jobSeeker: String?, from: LocalDate, until: LocalDate, extensions: [Extension] = [],
        returned: LocalDate? = nil, condition: Condition? = nil
    ) {
        self.id = id
        self.device = device
        self.jobSeeker = jobSeeker
        self.from = from
        self.until = until
        self.extensions = extensions
        self.returned = returned
        self.condition = condition
    }

    public var isOpen: Bool { returned == nil }

    /// Whether the device is out on `day`: lent by then and not yet back.
    public func isOut(on day: LocalDate) -> Bool {
        from <= day && (returned.map { day < $0 } ?? true)
    }

    /// Open and past its last day on `day`.
    public func isOverdue(on day: LocalDate) -> Bool { isOpen && until < day }
}
