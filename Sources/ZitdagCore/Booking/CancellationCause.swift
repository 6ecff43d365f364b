/// Who cancelled an appointment and why, as a cancellation records it (for the funders' report,
/// which counts them; no free text, so nothing personal slips in).
public struct CancellationCause: Sendable, Hashable {
    /// The party that called it off.
    public enum Party: String, Sendable, CaseIterable {
        case jobSeeker = "job_seeker"
        case consultant, coach, coordinator
        /// zitdag itself: a no-show ending the series, an earlier place replacing a booking, an erasure.
        case system

        public var words: Text {
            switch self {
            case .jobSeeker: Text("job seeker")
            case .consultant: Text("consultant")
            case .coach: Text("coach")
            case .coordinator: Text("coordinator")
            case .system: Text("zitdag")
            }
        }
    }

    public enum Reason: String, Sendable, CaseIterable {
        case ill
        /// Found work or started a training.
        case work
        case transport
        case childcare
        /// The coaching is no longer needed.
        case notNeeded = "not_needed"
        /// The half-day itself was closed.
        case sessionClosed = "session_closed"
        /// A no-show ended the rest of the series.
        case noShow = "no_show"
        /// An earlier place replaced it.
        case replaced
        /// A freed place offered to the consultant was declined or expired.
        case offerDeclined = "offer_declined"
        /// The job seeker's data was erased.
        case erased
        case other
        /// Not said.
        case notGiven = "not_given"

        public var words: Text {
            switch self {
            case .ill: Text("ill")
            case .work: Text("found work or training")
            case .transport: Text("transport")
            case .childcare: Text("childcare")
            case .notNeeded: Text("no longer needed")
            case .sessionClosed: Text("half-day closed")
            case .noShow: Text("series ended by a no-show")
            case .replaced: Text("replaced by an earlier place")
            case .offerDeclined: Text("offered place not taken")
            case .erased: Text("data erased")
            case .other: Text("other")
            case .notGiven: Text("not given")
            }
        }

        /// The reasons a person gives (the rest zitdag records itself).
        public static let given: [Reason] = [.ill, .work, .transport, .childcare, .notNeeded, .other, .notGiven]
    }

    public var by: Party
    public var reason: Reason

    public init(by: Party, reason: Reason = .notGiven) {
        self.by = by
        self.reason = reason
    }
}
