import Testing
import ZitdagCore
import ZitdagStore

/// An idempotency key's fingerprint is a digest of a canonical encoding: the same booking gives the
/// same fingerprint in every version of zitdag, any other booking another one.
@Suite struct IdempotencyTests {
    static let draft = RequestDraft(
        jobSeeker: "J1", consultant: "K1", attendance: .preferred, durationMinutes: 60, appointments: 3, gapDays: 7...14,
        from: LocalDate(year: 2026, month: 12, day: 1), priority: 2, language: "nl", topic: "CV")
    static let choices = [SlotChoice(start: Instant(seconds: 1_796_112_000), session: "C1-2026-12-01-0900")]

    @Test func theFingerprintOfABookingNeverChanges() {
        // The canonical encoding's SHA-256, worked out apart with Python's hashlib: a change here would
        // refuse the retries of bookings made before an upgrade.
        #expect(Idempotency.fingerprint(of: Self.draft, at: Self.choices) == "f0d12637a17f53df27a69fee1dfe0f24")
    }

    @Test func everyFieldOfTheBookingCounts() {
        let base = Idempotency.fingerprint(of: Self.draft, at: Self.choices)
        var changes: [RequestDraft] = []
        for change in 0..<11 {
            var draft = Self.draft
            switch change {
            case 0: draft.jobSeeker = "J2"
            case 1: draft.consultant = nil
            case 2: draft.attendance = .required
            case 3: draft.durationMinutes = 45
            case 4: draft.appointments = 2
            case 5: draft.gapDays = 7...15
            case 6: draft.from = nil
            case 7: draft.due = LocalDate(year: 2026, month: 12, day: 24)
            case 8: draft.priority = 3
            case 9: draft.language = "fr"
            default: draft.topic = "CV "
            }
            changes.append(draft)
        }
        let fingerprints = changes.map { Idempotency.fingerprint(of: $0, at: Self.choices) }
        #expect(Set(fingerprints + [base]).count == changes.count + 1)
        #expect(Idempotency.fingerprint(of: Self.draft, at: [SlotChoice(start: Self.choices[0].start)]) != base)
        #expect(Idempotency.fingerprint(of: Self.draft, at: [SlotChoice(start: Self.choices[0].start.adding(seconds: 900), session: "C1-2026-12-01-0900")]) != base)
        // A value cannot pass for two: "a" then "b=" is not "a=b".
        var left = Self.draft
        left.language = "nl\ntopic=2:CV"
        left.topic = nil
        #expect(Idempotency.fingerprint(of: left, at: Self.choices) != base)
    }
}
