import ZitdagCore
import ZitdagStore

/// The world the store and HTTP tests book in: two coaches' weekly half-days for eight weeks (C1 on
/// Tuesdays 09:00-12:00 at L1, C2 on Thursdays 13:00-16:00 at L2), consultants K1 and K2 and job
/// seekers J1, J2, ..., seen from Monday 23 November 2026 at 10:00 in Brussels.
public enum DeskWorld {
    public static let zone = Zone.brussels
    public static let monday = LocalDate(year: 2026, month: 11, day: 23)!
    public static let now = at(monday, 10)
    public static let tuesday = monday.adding(days: 1)
    public static let nextTuesday = monday.adding(days: 8)

    public static func at(_ date: LocalDate, _ hour: Int, _ minute: Int = 0) -> Instant {
        zone.instant(for: LocalDateTime(date: date, secondOfDay: (hour * 60 + minute) * 60))!
    }

    /// The half-days, `C1-2026-11-24-0900` and `C2-2026-11-26-1300` onwards; with `languages`, C1
    /// serves nl and en, C2 nl, fr and ar (without, both serve every language).
    public static func sessions(seats: Int = 1, languages: Bool = true) -> [Session] {
        (0..<8).flatMap { week -> [Session] in
            let tuesday = monday.adding(days: 1 + 7 * week)
            let thursday = monday.adding(days: 3 + 7 * week)
            return [
                Session(
                    id: "C1-\(tuesday)-0900", coach: "C1", location: "L1", span: Span(start: at(tuesday, 9), end: at(tuesday, 12)),
                    day: tuesday, seats: seats, languages: languages ? ["nl", "en"] : nil),
                Session(
                    id: "C2-\(thursday)-1300", coach: "C2", location: "L2", span: Span(start: at(thursday, 13), end: at(thursday, 16)),
                    day: thursday, seats: seats, languages: languages ? ["nl", "fr", "ar"] : nil),
            ]
        }
    }

    /// Fills a fresh store: the sessions, consultants K1 and K2, and job seekers J1...J`jobSeekers`
    /// (initials AB, Dutch), each with the consultant `consultant` names for their number.
    public static func seed(
        _ store: Store, seats: Int = 1, languages: Bool = true, jobSeekers: Int, consultant: (Int) -> String? = { _ in nil }
    ) throws {
        _ = try store.syncSessions(sessions(seats: seats, languages: languages), from: monday, to: monday.adding(days: 60), at: now, actor: "test")
        try store.addConsultant("K1", at: now, actor: "test")
        try store.addConsultant("K2", at: now, actor: "test")
        for j in 1...jobSeekers {
            try store.saveJobSeeker(JobSeeker(id: "J\(j)", initials: "AB", language: "nl", consultant: consultant(j)), at: now, actor: "test")
        }
    }
}
