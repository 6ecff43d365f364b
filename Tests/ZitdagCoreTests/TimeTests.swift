import Testing
import ZitdagCore

@Suite struct LocalDateTests {
    @Test("dates convert to days and back", arguments: [
        (1970, 1, 1, 0), (2000, 2, 29, 11_016), (2026, 11, 24, 20_781), (1969, 12, 31, -1),
    ])
    func roundTrip(year: Int, month: Int, day: Int, days: Int) throws {
        let date = try #require(LocalDate(year: year, month: month, day: day))
        #expect(date.daysSinceEpoch == days)
        #expect(date.components == (year, month, day))
    }

    @Test func weekdaysCountFromMonday() {
        #expect(LocalDate(year: 2026, month: 11, day: 23)!.weekday == 1)
        #expect(LocalDate(year: 2026, month: 11, day: 29)!.weekday == 7)
    }

    @Test("impossible or malformed dates are refused", arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01T"])
    func refusesBadDates(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func leapDaysExist() {
        #expect(LocalDate(iso: "2028-02-29") != nil)
    }

    @Test("malformed wall-clock times are refused", arguments: [
        "2026-11-23 09:45:00", "2026-11-23T24:00:00", "2026-11-23T09:60:00", "2026-11-23T09:45:60", "2026-13-23T09:45:00",
        "2026-11-2éT09:45:00", "2026-11-23T09:45:0é", "2026-11-23T09:45", "2026-11-23T09:45:000", "２０２６-11-23T09:45:00", "",
    ])
    func refusesBadTimes(text: String) {
        #expect(LocalDateTime(iso: text) == nil)
    }

    @Test func wallClockTimesReadTheirParts() throws {
        let time = try #require(LocalDateTime(iso: "2026-11-23T09:45:30"))
        #expect(time.date == LocalDate(year: 2026, month: 11, day: 23) && time.hour == 9 && time.minute == 45)
        #expect(time.description == "2026-11-23T09:45:30")
        // A date read from a slice of a longer text.
        let text = "on 2026-11-23, late"
        #expect(LocalDate(iso: text.dropFirst(3).prefix(10)) == LocalDate(year: 2026, month: 11, day: 23))
    }
}

@Suite struct ZoneTests {
    let brussels = Zone.brussels

    @Test func winterTimeIsOneHourAhead() throws {
        let instant = try #require(brussels.instant(for: LocalDateTime(iso: "2026-11-24T09:00:00")!))
        #expect(instant.seconds == LocalDate(year: 2026, month: 11, day: 24)!.daysSinceEpoch * 86_400 + 8 * 3600)
    }

    @Test func aTimeInTheSpringForwardGapDoesNotExist() {
        #expect(brussels.instant(for: LocalDateTime(iso: "2026-03-29T02:30:00")!) == nil)
        #expect(brussels.instant(for: LocalDateTime(iso: "2026-03-29T03:00:00")!) != nil)
    }

    @Test func aTimeThatHappensTwiceMeansTheFirst() throws {
        let instant = try #require(brussels.instant(for: LocalDateTime(iso: "2026-10-25T02:30:00")!))
        // The first 02:30 is still summer time (UTC+2): 00:30 UTC.
        #expect(brussels.offset(at: instant) == 7200)
        #expect(brussels.local(at: instant).description == "2026-10-25T02:30:00")
    }

    @Test func aHalfDayAcrossNoChangeLastsItsWallTime() throws {
        let start = try #require(brussels.instant(for: LocalDateTime(iso: "2026-03-30T09:00:00")!))
        let end = try #require(brussels.instant(for: LocalDateTime(iso: "2026-03-30T12:30:00")!))
        #expect(end - start == 12_600)
    }

    @Test("tabulated offsets agree with the system's time zone data", arguments: [
        "Europe/Brussels", "America/New_York", "Australia/Lord_Howe", "Africa/Casablanca", "Asia/Kathmandu", "Pacific/Apia",
        "America/Sao_Paulo", "Europe/Dublin", "UTC",
    ])
    func tableMatchesTheSystem(identifier: String) throws {
        let zone = try #require(Zone(identifier: identifier))
        var random = SplitMix64(seed: 11)
        for _ in 0..<5_000 {
            // 1950 to 2060, and each DST change's neighbourhood is hit often enough by chance.
            let instant = Instant(seconds: Int.random(in: -631_152_000...2_840_140_800, using: &random))
            #expect(zone.offset(at: instant) == zone.systemOffset(at: instant), "\(identifier) at \(instant.seconds)")
        }
    }

    @Test func offsetsChangeExactlyAtTheTransition() throws {
        // Summer time starts in Brussels on 2026-03-29 at 01:00 UTC.
        let change = LocalDate(year: 2026, month: 3, day: 29)!.daysSinceEpoch * 86_400 + 3600
        #expect(brussels.offset(at: Instant(seconds: change - 1)) == 3600)
        #expect(brussels.offset(at: Instant(seconds: change)) == 7200)
    }

    @Test func unknownZonesAreRefused() {
        #expect(Zone(identifier: "Europe/Atlantis") == nil)
        #expect(Zone(identifier: "") == nil)
    }
}

@Suite struct BusyCalendarTests {
    func span(_ a: Int, _ b: Int) -> Span { Span(start: Instant(seconds: a), end: Instant(seconds: b)) }

    @Test func overlappingIntervalsMerge() {
        #expect(BusyCalendar([span(0, 10), span(5, 20), span(30, 40)]).spans == [span(0, 20), span(30, 40)])
    }

    @Test func touchingIntervalsDoNotOverlap() {
        let calendar = BusyCalendar([span(10, 20)])
        #expect(calendar.isFree(span(0, 10)))
        #expect(calendar.isFree(span(20, 30)))
        #expect(!calendar.isFree(span(19, 21)))
        #expect(!calendar.isFree(span(0, 100)))
    }
}

@Suite struct BelgianHolidaysTests {
    @Test("Easter Sunday", arguments: [(2026, 4, 5), (2027, 3, 28), (2028, 4, 16)])
    func easter(year: Int, month: Int, day: Int) {
        #expect(BelgianHolidays.easterSunday(year) == LocalDate(year: year, month: month, day: day))
    }

    @Test func armisticeDayIsAHoliday() {
        #expect(BelgianHolidays.contains(LocalDate(year: 2026, month: 11, day: 11)!))
        #expect(!BelgianHolidays.contains(LocalDate(year: 2026, month: 11, day: 12)!))
    }
}
