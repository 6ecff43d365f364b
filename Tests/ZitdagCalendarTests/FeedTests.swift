import Testing
import ZitdagCalendar
import ZitdagCore

@Suite struct FeedTests {
    static let zone = Zone.brussels
    /// A job team's weeks across the autumn DST change, planned.
    static let problem = ProblemGenerator(size: .jobteam, seed: 5, start: LocalDate(year: 2026, month: 10, day: 12)!).generate()
    static let plan = Allocator(problem: problem).solve(options: .init(maxSteps: 100), clock: ContinuousClock()).plan
    static let stamp = Instant(seconds: 1_795_000_000)
    static let everything = Span(start: Instant(seconds: 0), end: Instant(seconds: 4_000_000_000))

    func roundTrip(_ entries: [CalendarEntry], name: String = "feed") throws -> (text: String, read: [CalendarEntry]) {
        let text = try FeedWriter().write(name: Text(verbatim: name), entries: entries, stamp: Self.stamp)
        let read = try CalendarEntries.read(Array(text.utf8), file: "feed.ics", window: Self.everything)
        return (text, read)
    }

    @Test func aCoachFeedReadsBackEventByEvent() throws {
        let entries = FeedAudience.coach("C1").entries(in: Self.problem, plan: Self.plan)
        #expect(entries.count > 20)
        let (_, read) = try roundTrip(entries)
        #expect(read.sorted { $0.uid < $1.uid } == entries.sorted { $0.uid < $1.uid })
    }

    @Test func theFeedHasWhatCalendarAppsNeed() throws {
        let (text, _) = try roundTrip(FeedAudience.location("L1").entries(in: Self.problem, plan: Self.plan), name: "Zitdagen L1")
        for line in ["METHOD:PUBLISH", "X-WR-CALNAME:Zitdagen L1", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT60M",
                     "BEGIN:VTIMEZONE", "TZID:Europe/Brussels", "DTSTAMP:20261118T110640Z", "STATUS:CONFIRMED", "SEQUENCE:0"] {
            #expect(text.contains(line + "\r\n"), "missing \(line)")
        }
        #expect(!text.contains("Z\r\nDTEND;TZID"), "zoned times must not be marked UTC")
    }

    @Test func aConsultantSeesTheAppointmentsOfTheirRequestsOnly() throws {
        let mine = Set(Self.problem.requests.filter { $0.consultant == "K1" }.map(\.id))
        let entries = FeedAudience.consultant("K1").entries(in: Self.problem, plan: Self.plan)
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { entry in mine.contains { entry.uid.hasPrefix("appointment-\($0)-") } })
    }

    /// One rule for what a coach sees (``Viewer``): a coach's feed from a plan file, which has no
    /// initials, names the request and never the job seeker's id; the consultant's names the job
    /// seeker (issue 12, item 11: the coach's feed showed the id).
    @Test func aCoachSeesNoJobSeekerIdAConsultantDoes() {
        let seekers = Set(Self.problem.requests.map(\.jobSeeker))
        func ids(in entry: CalendarEntry) -> [String] {
            let words = entry.summary.description + " " + (entry.description?.description ?? "")
            return words.split(whereSeparator: { " ,()".contains($0) }).map(String.init).filter(seekers.contains)
        }
        let coach = FeedAudience.coach("C2").entries(in: Self.problem, plan: Self.plan).filter { $0.uid.hasPrefix("appointment-") }
        #expect(!coach.isEmpty)
        for entry in coach {
            #expect(ids(in: entry).isEmpty, "\(entry.summary) / \(entry.description ?? Text(""))")
            #expect(entry.summary.description.hasPrefix("Coaching request R"))
        }
        let consultant = FeedAudience.consultant("K1").entries(in: Self.problem, plan: Self.plan)
        #expect(!consultant.isEmpty && consultant.allSatisfy { !ids(in: $0).isEmpty })
    }

    @Test func aCancelledEntryKeepsItsStatusAndSequence() throws {
        let span = Span(start: Self.zone.instant(for: LocalDateTime(iso: "2026-11-24T09:00:00")!)!,
                        end: Self.zone.instant(for: LocalDateTime(iso: "2026-11-24T10:00:00")!)!)
        let entry = CalendarEntry(uid: "appointment-R9-0@zitdag", span: span, summary: Text("Coaching J9 (1/1)"), cancelled: true, sequence: 3)
        let (text, read) = try roundTrip([entry])
        #expect(read == [entry])
        #expect(text.contains("STATUS:CANCELLED\r\n") && text.contains("SEQUENCE:3\r\n"))
    }

    @Test func aMovedAppointmentKeepsItsUID() throws {
        var moved = Self.plan
        let withConsultant = Set(Self.problem.requests.filter { $0.consultant != nil }.map(\.id))
        let index = try #require(moved.assignments.firstIndex { $0.index == 0 && withConsultant.contains($0.request) })
        moved.assignments[index].span = Span(start: moved.assignments[index].span.start.adding(seconds: 7 * 86_400),
                                             end: moved.assignments[index].span.end.adding(seconds: 7 * 86_400))
        let request = moved.assignments[index].request
        let before = FeedAudience.consultant(Self.problem.requests.first { $0.id == request }!.consultant ?? "")
        let uid = "appointment-\(request)-0@zitdag"
        let old = before.entries(in: Self.problem, plan: Self.plan).first { $0.uid == uid }
        let new = before.entries(in: Self.problem, plan: moved).first { $0.uid == uid }
        #expect(old != nil && new != nil && old?.span != new?.span)
    }
}
