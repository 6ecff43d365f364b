import Foundation
import Testing
import ZitdagCore

/// A broken scenario is refused with every problem named, before anything runs.
@Suite struct ScenarioFileTests {
    static let example = """
        {
          "format": "zitdag-scenario/1",
          "start": "2027-01-04",
          "horizon_weeks": 10,
          "sessions": [{"coach": "C1", "location": "L1", "weekday": "tue", "start": "09:00", "end": "12:30"}],
          "demand": {"per_week": 3},
          "levels": [{"name": "one", "share": 1}],
          "attendance": {"required": 0, "preferred": 0, "none": 1}
        }
        """

    func errors(_ text: String) -> String? {
        do {
            _ = try ScenarioFile.decode(Array(text.utf8))
            return nil
        } catch {
            return error.description
        }
    }

    func replacing(_ old: String, _ new: String) -> String {
        precondition(Self.example.contains(old))
        return Self.example.replacingOccurrences(of: old, with: new)
    }

    @Test func theExampleIsValidWithItsDefaults() throws {
        let scenario = try ScenarioFile.decode(Array(Self.example.utf8))
        #expect(scenario.replications == 100 && scenario.policy == .online && scenario.minimumNoticeDays == 1 && scenario.rebookFreed)
        // Ten weeks of one half-day, and thirteen more in the cool-down.
        #expect(scenario.cooldownWeeks == 13 && scenario.weights == .standard)
        #expect(scenario.concreteSessions().count == 23)
    }

    @Test func walkInHeldBackAndBackfillAreRead() throws {
        let text = replacing("\"demand\"", #""walk_in": {"per_hour": 2, "service_minutes": 20, "minutes": 60}, "held_back": {"seats": 1, "urgent_per_week": 0.5}, "backfill": false, "demand""#)
        let scenario = try ScenarioFile.decode(Array(text.utf8))
        #expect(scenario.walkIn == Scenario.WalkIn(minutes: 60, queue: WalkInQueue(perHour: 2, serviceMinutes: 20)))
        #expect(scenario.heldBack == Scenario.HeldBack(seats: 1, releaseDays: 2, urgentPerWeek: 0.5) && !scenario.rebookFreed)
        // Each half-day keeps its last hour for walk-in and holds its seat back before it.
        let first = try #require(scenario.concreteSessions().first)
        #expect(first.reserved.map(\.channel) == [.walkIn, .urgent])
        #expect(first.reserved[0].span.seconds == 3600 && first.reserved[1].span.end == first.reserved[0].span.start)
    }

    @Test("a broken walk-in or held-back part is refused with its path", arguments: [
        (#""walk_in": {"per_hour": 2, "service_minutes": 20}"#, "walk_in: give minutes"),
        (#""walk_in": {"per_hour": 2, "service_minutes": 20, "minutes": 60, "seats": 1}"#, "walk_in: give minutes"),
        (#""walk_in": {"per_hour": 2, "service_minutes": 20, "minutes": 50}"#, "walk_in.minutes: must be on the 15-minute grid"),
        (#""walk_in": {"per_hour": 2, "service_minutes": 20, "minutes": 60, "service": "gamma"}"#, "walk_in.service: must be exponential or fixed"),
        (#""held_back": {"release_days": 2}"#, "held_back.seats: missing required key"),
        (#""backfill": true, "rebook_freed": true"#, "backfill: give backfill or rebook_freed"),
    ])
    func brokenChannels(part: String, message: String) {
        let found = errors(replacing("\"demand\"", part + ", \"demand\""))
        #expect(found?.contains(message) == true, "\(found ?? "accepted")")
    }

    @Test func anUnknownKeyIsNamedWithItsLine() {
        let found = errors(replacing("\"horizon_weeks\": 10,", "\"horizon_weeks\": 10, \"horizon\": 3,"))
        #expect(found?.contains("4: horizon: unknown key \"horizon\"") == true, "\(found ?? "")")
    }

    @Test func aNegativeRateIsRefused() {
        #expect(errors(replacing("\"per_week\": 3", "\"per_week\": -1"))?.contains("demand.per_week: must be from 0.0 to 10000.0, got -1.0") == true)
    }

    @Test func sharesThatDoNotAddUpAreRefused() {
        let found = errors(replacing("\"none\": 1", "\"none\": 0.5"))
        #expect(found?.contains("attendance: shares must add up to 1, they add up to 0.5") == true, "\(found ?? "")")
        #expect(errors(replacing("\"share\": 1", "\"share\": 0.7"))?.contains("levels: shares must add up to 1") == true)
    }

    @Test func impossibleSessionsAreRefused() {
        #expect(errors(replacing("\"end\": \"12:30\"", "\"end\": \"08:00\""))?.contains("sessions[0].end: must be after start") == true)
        #expect(errors(replacing("\"weekday\": \"tue\"", "\"weekday\": \"someday\""))?.contains("sessions[0].weekday: must be mon ... sun") == true)
        #expect(errors(replacing("\"start\": \"09:00\"", "\"start\": \"9h\""))?.contains("sessions[0].start: \"9h\" is not a time HH:MM") == true)
        let long = errors(replacing("{\"name\": \"one\", \"share\": 1}", "{\"name\": \"one\", \"share\": 1, \"duration_minutes\": 240}"))
        #expect(long?.contains("levels[0].duration_minutes: no session is long enough for 240 minutes") == true, "\(long ?? "")")
    }

    @Test func aStartThatIsNotAMondayIsRefused() {
        #expect(errors(replacing("2027-01-04", "2027-01-05"))?.contains("start: must be a Monday, 2027-01-05 is a Tue") == true)
    }

    @Test func wantingAConsultantWithoutConsultantsIsRefused() {
        let found = errors(replacing("\"required\": 0, \"preferred\": 0, \"none\": 1", "\"required\": 0.5, \"preferred\": 0, \"none\": 0.5"))
        #expect(found?.contains("consultants.count: must be at least 1") == true, "\(found ?? "")")
    }

    @Test func aVariationNamesWhatIsWrong() {
        guard case .failure(let error) = Variation.parse("coaches=1,2") else { Issue.record("parsed"); return }
        #expect(error.description.contains("is not seats=..., halfdays=..., add=..., rate=... or walkin=..."))
        guard case .failure(let badDay) = Variation.parse("add=thursday-09:00") else { Issue.record("parsed"); return }
        #expect(badDay.description == "add: \"thursday-09:00\" is not a list such as thu-09:00,wed-13:30")
        let scenario = try? ScenarioFile.decode(Array(Self.example.utf8))
        guard let scenario, case .success(let variation) = Variation.parse("halfdays=2") else { Issue.record("setup"); return }
        guard case .failure(let tooMany) = variation.apply("2", to: scenario) else { Issue.record("applied"); return }
        #expect(tooMany.description == "halfdays=2: the scenario lists 1 half-days; halfdays=+1 adds to them")
    }

    /// The coordinator's question, "what if we add a half-day?", on one file: each variant says what it adds or drops.
    @Test func aVariantSaysWhichHalfDaysItAddsOrDrops() throws {
        let scenario = try ScenarioFile.decode(Array(Self.example.utf8))
        let first = try #require(scenario.sessions.first)
        guard case .success(let plusOne) = Variation.parse("halfdays=+1"), case .success(let added) = plusOne.apply("+1", to: scenario)
        else { Issue.record("+1 refused"); return }
        #expect(added.scenario.sessions.count == 2)
        let extra = added.scenario.sessions[1]
        #expect(extra.coach == first.coach && extra.start == first.start && extra.end == first.end && extra.weekday != first.weekday)
        #expect(added.change == "adds \(first.coach) \(["mon", "tue", "wed", "thu", "fri"][extra.weekday - 1]) 09:00-12:30")

        guard case .success(let named) = Variation.parse("add=thu-13:30"), case .success(let thursday) = named.apply("thu-13:30", to: scenario)
        else { Issue.record("add refused"); return }
        #expect(thursday.scenario.sessions.last?.weekday == 4 && thursday.scenario.sessions.last?.start == 13 * 3600 + 1800)
        #expect(thursday.change == "adds \(first.coach) thu 13:30-17:00")
        guard case .failure(let offGrid) = named.apply("thu-13:20", to: scenario) else { Issue.record("off the grid taken"); return }
        #expect(offGrid.description == "add=thu-13:20: the start is off the 15-minute grid")

        // Dropping back to one half-day from the two names the one dropped.
        guard case .success(let one) = Variation.parse("halfdays=1"), case .success(let fewer) = one.apply("1", to: thursday.scenario)
        else { Issue.record("halfdays=1 refused"); return }
        #expect(fewer.scenario.sessions == [first] && fewer.change == "drops \(first.coach) thu 13:30-17:00")
    }
}
