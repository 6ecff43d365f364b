import Foundation
import Testing
import ZitdagCalendar
import ZitdagCore

@Suite struct BusyImportTests {
    static let zone = Zone.brussels

    static func at(_ text: String) -> Instant { zone.instant(for: LocalDateTime(iso: text)!)! }

    /// The year 2026 in Brussels.
    static let year2026 = Span(start: at("2026-01-01T00:00:00"), end: at("2027-01-01T00:00:00"))

    func busy(_ body: String, window: Span = BusyImportTests.year2026) throws -> [Span] {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\(body)END:VCALENDAR\r\n"
        return try BusyImport(window: window).busy(in: Array(text.utf8), file: "agenda.ics").spans
    }

    func local(_ spans: [Span]) -> [String] {
        spans.map { "\(Self.zone.local(at: $0.start))/\(Self.zone.local(at: $0.end))" }
    }

    @Test func aZonedEventIsBusyAtItsTime() throws {
        let spans = try busy("BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Europe/Brussels:20261124T100000\r\nDTEND;TZID=Europe/Brussels:20261124T113000\r\nEND:VEVENT\r\n")
        #expect(local(spans) == ["2026-11-24T10:00:00/2026-11-24T11:30:00"])
    }

    @Test func aWeeklyRuleWithExceptionsAndAnOverrideExpands() throws {
        let spans = try busy("""
            BEGIN:VEVENT\r
            UID:team\r
            DTSTART;TZID=Europe/Brussels:20261019T090000\r
            DTEND;TZID=Europe/Brussels:20261019T100000\r
            RRULE:FREQ=WEEKLY;COUNT=4\r
            EXDATE;TZID=Europe/Brussels:20261102T090000\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:team\r
            RECURRENCE-ID;TZID=Europe/Brussels:20261026T090000\r
            DTSTART;TZID=Europe/Brussels:20261026T140000\r
            DTEND;TZID=Europe/Brussels:20261026T150000\r
            END:VEVENT\r

            """)
        // Across the autumn DST change (25 October) the wall time stays 09:00.
        #expect(local(spans) == ["2026-10-19T09:00:00/2026-10-19T10:00:00", "2026-10-26T14:00:00/2026-10-26T15:00:00",
                                 "2026-11-09T09:00:00/2026-11-09T10:00:00"])
    }

    @Test func cancelledAndTransparentEventsAreNotBusy() throws {
        let spans = try busy("""
            BEGIN:VEVENT\r\nUID:c\r\nSTATUS:CANCELLED\r\nDTSTART:20261124T090000Z\r\nDTEND:20261124T100000Z\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:t\r\nTRANSP:TRANSPARENT\r\nDTSTART:20261124T090000Z\r\nDTEND:20261124T100000Z\r\nEND:VEVENT\r

            """)
        #expect(spans.isEmpty)
    }

    @Test func allDayAndFloatingEventsAreReadInTheConsultantsZone() throws {
        let spans = try busy("""
            BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20261125\r\nEND:VEVENT\r
            BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20261127T140000\r\nDURATION:PT2H\r\nEND:VEVENT\r

            """)
        #expect(local(spans) == ["2026-11-25T00:00:00/2026-11-26T00:00:00", "2026-11-27T14:00:00/2026-11-27T16:00:00"])
    }

    @Test func outlookWindowsZoneNamesAreUnderstood() throws {
        let spans = try busy("BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=\"Romance Standard Time\":20260701T100000\r\nDTEND;TZID=\"Romance Standard Time\":20260701T110000\r\nEND:VEVENT\r\n")
        #expect(local(spans) == ["2026-07-01T10:00:00/2026-07-01T11:00:00"])
    }

    @Test("Outlook display names and odd spellings of zone names are understood", arguments: [
        "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris", "Amsterdam, Belgrade, Berlin, Brussels", "europe/brussels",
        "Europe_Brussels", "/freeassociation.sourceforge.net/Europe/Brussels",
    ])
    func zoneSpellings(tzid: String) throws {
        let spans = try busy("BEGIN:VEVENT\r\nUID:w\r\nDTSTART;TZID=\"\(tzid)\":20260701T100000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n")
        #expect(local(spans) == ["2026-07-01T10:00:00/2026-07-01T11:00:00"])
    }

    @Test func freeBusyPeriodsAreBusyUnlessFree() throws {
        let spans = try busy("BEGIN:VFREEBUSY\r\nUID:fb\r\nFREEBUSY:20261124T080000Z/20261124T090000Z\r\nFREEBUSY;FBTYPE=FREE:20261124T100000Z/PT1H\r\nEND:VFREEBUSY\r\n")
        #expect(local(spans) == ["2026-11-24T09:00:00/2026-11-24T10:00:00"])
    }

    @Test func anUnknownZoneIsRefusedWithItsLine() {
        #expect {
            try busy("BEGIN:VEVENT\r\nUID:u\r\nDTSTART;TZID=Mars/Olympus:20261124T100000\r\nEND:VEVENT\r\n")
        } throws: { error in
            "\(error)" == "agenda.ics:4: DTSTART has an unknown time zone \"Mars/Olympus\""
        }
    }

    @Test func anEndlessFastRuleIsRefusedNotExpandedForever() {
        let window = Span(start: BusyImportTests.at("2026-01-01T00:00:00"), end: BusyImportTests.at("2030-01-01T00:00:00"))
        #expect(throws: CalendarError.self) {
            try busy("BEGIN:VEVENT\r\nUID:s\r\nDTSTART:19700101T000000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n", window: window)
        }
    }

    @Test func aComponentClosedByTheWrongEndIsRefused() {
        #expect {
            try busy("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261124T090000Z\r\nEND:VTODO\r\n")
        } throws: { error in
            "\(error)".hasPrefix("agenda.ics:7: END:VTODO closes BEGIN:VEVENT of line 4")
        }
    }
}

/// Every file of the shared corpus is imported or refused with a clear error; none crashes or hangs.
@Suite struct CorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/corpus/ics")

    static var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "ics" }.sorted { $0.path < $1.path }
    }

    @Test func theCorpusIsThere() {
        #expect(Self.files.count > 300, "expected the shared corpus at \(Self.folder.path)")
    }

    @Test func everyFileImportsOrIsRefusedClearly() throws {
        let window = Span(start: BusyImportTests.at("2026-01-01T00:00:00"), end: BusyImportTests.at("2027-01-01T00:00:00"))
        var imported = 0
        var refused = 0
        for url in Self.files {
            let bytes = [UInt8](try Data(contentsOf: url))
            let started = ContinuousClock.now
            do {
                _ = try BusyImport(window: window).busy(in: bytes, file: url.lastPathComponent)
                imported += 1
            } catch {
                refused += 1
                #expect(error.file == url.lastPathComponent)
                #expect(!error.message.description.isEmpty)
                #expect("\(error)".hasPrefix(url.lastPathComponent + ":"))
            }
            #expect(ContinuousClock.now - started < .seconds(5), "\(url.lastPathComponent) took too long")
        }
        print("corpus: \(imported) imported, \(refused) refused")
        #expect(imported > refused)
    }
}
