import Benchmark
import ZitdagCalendar
import ZitdagCore

/// The iCalendar goals: expanding a year of half-days for 200 coaches, and writing one coach's
/// one-year feed.
let benchmarks: @Sendable () -> Void = {
    let zone = Zone.brussels
    let year = Span(
        start: zone.instant(for: LocalDateTime(iso: "2027-01-01T00:00:00")!)!,
        end: zone.instant(for: LocalDateTime(iso: "2028-01-01T00:00:00")!)!)
    // 200 coaches with three weekly half-days each, as Calendars/ writes them. With `distinct`, every
    // event starts at a time of its own (seconds apart), so no two share a recurrence pattern.
    func calendar(distinct: Bool) -> [UInt8] {
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//zitdag//bench//EN\r\n"
        let days = ["MO", "TU", "WE", "TH", "FR"]
        for coach in 1...200 {
            for k in 0..<3 {
                let weekday = (coach + 2 * k) % 5
                let morning = (coach + k) % 2 == 0
                let date = "2027010\(4 + weekday)"
                let offset = distinct ? coach * 3 + k : 0
                let minute = String(offset / 60).leftPadded(2)
                let second = String(offset % 60).leftPadded(2)
                text += "BEGIN:VEVENT\r\nUID:c\(coach)-\(k)@bench\r\nDTSTAMP:20261122T000000Z\r\n"
                    + "DTSTART;TZID=Europe/Brussels:\(date)T\(morning ? "09" : "13")\(minute)\(second)\r\n"
                    + "DTEND;TZID=Europe/Brussels:\(date)T\(morning ? "123000" : "163000")\r\n"
                    + "RRULE:FREQ=WEEKLY;BYDAY=\(days[weekday])\r\nX-ZITDAG-COACH:C\(coach)\r\nX-ZITDAG-LOCATION:L\(coach / 2)\r\n"
                    + "X-ZITDAG-SEATS:1\r\nEND:VEVENT\r\n"
            }
        }
        return Array((text + "END:VCALENDAR\r\n").utf8)
    }
    let bytes = calendar(distinct: false)
    let distinct = calendar(distinct: true)
    let sessions = try! SessionCalendar(zone: zone).sessions(in: [("bench.ics", bytes)], window: year)
    let coachYear = sessions.filter { $0.coach == "C1" }.flatMap { session in
        // The half-day and three one-hour appointments in it.
        [CalendarEntry(uid: session.id, span: session.span, summary: Text(verbatim: "Zitdag"), location: session.location)]
            + (0..<3).map { i in
                let start = session.span.start.adding(seconds: i * 3600)
                return CalendarEntry(
                    uid: "\(session.id)-\(i)", span: Span(start: start, end: start.adding(seconds: 3600)),
                    summary: Text(verbatim: "Coaching J\(i) (1/1)"), location: session.location, description: Text(verbatim: "Werkzoekende J\(i)"))
            }
    }

    Benchmark(
        "expand a year of half-days for 200 coaches (\(sessions.count) sessions)",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(10), maxIterations: 50)
    ) { benchmark in
        blackHole(try SessionCalendar(zone: zone).sessions(in: [("bench.ics", bytes)], window: year))
    }

    Benchmark(
        "expand a year of half-days for 200 coaches, every event with a pattern of its own",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(10), maxIterations: 20)
    ) { benchmark in
        blackHole(try SessionCalendar(zone: zone).sessions(in: [("distinct.ics", distinct)], window: year))
    }

    Benchmark(
        "write a coach's one-year feed (\(coachYear.count) events)",
        configuration: .init(metrics: [.wallClock], timeUnits: .microseconds, maxDuration: .seconds(10), maxIterations: 500)
    ) { benchmark in
        blackHole(try FeedWriter(zone: zone).write(name: Text(verbatim: "Zitdagen coach C1"), entries: coachYear, stamp: year.start))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
