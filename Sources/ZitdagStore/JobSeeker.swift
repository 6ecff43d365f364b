import ZitdagCore

/// A job seeker as the store keeps them: a pseudonymous id and only what the coaching needs.
/// No name, no phone number: the consultant's own case system holds those. Loans are ``Loan``s.
public struct JobSeeker: Sendable, Hashable {
    /// The pseudonymous id the consultant's case system knows them by.
    public var id: String
    /// Initials, the only hint of identity that appears in the coach's agenda and feed.
    public var initials: String
    /// The language sessions must serve, unless a request says otherwise.
    public var language: String?
    /// Their level as the latest intake judged it (or as set by hand before any intake).
    public var digitalLevel: DigitalLevel?
    /// Their employment consultant: the only consultant who may book for them over HTTP.
    public var consultant: String?

    public init(
        id: String, initials: String, language: String? = nil, digitalLevel: DigitalLevel? = nil, consultant: String? = nil
    ) {
        self.id = id
        self.initials = initials
        self.language = language
        self.digitalLevel = digitalLevel
        self.consultant = consultant
    }
}
