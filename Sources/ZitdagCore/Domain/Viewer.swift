/// Who looks at appointments, and so how a job seeker appears to them: the one rule that feeds, the
/// API, the command line and pages apply alike.
///
/// Coaches and locations see initials only: they greet a person at the desk, they do not look up a
/// case. Consultants, who book for their own job seekers, and coordinators also see the pseudonymous
/// id the case system knows them by. Nobody sees a name: zitdag holds none.
public enum Viewer: Sendable, Hashable {
    case coach
    case location
    case consultant
    case coordinator

    /// Whether this viewer sees a job seeker's pseudonymous id (everyone sees the initials).
    public var seesJobSeekerId: Bool {
        switch self {
        case .coach, .location: false
        case .consultant, .coordinator: true
        }
    }

    /// How a job seeker appears to this viewer: "J12 (AB)", "J12" or "AB"; `nil` when nothing of them
    /// may be shown (an erased job seeker, or a coach looking at a plan file, which has no initials).
    public func jobSeeker(id: String?, initials: String?) -> String? {
        switch (seesJobSeekerId ? id : nil, initials) {
        case let (id?, initials?): "\(id) (\(initials))"
        case let (id?, nil): id
        case let (nil, initials?): initials
        case (nil, nil): nil
        }
    }
}
