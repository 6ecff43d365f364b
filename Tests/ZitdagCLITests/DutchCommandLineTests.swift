import Foundation
import Testing

/// The command line speaks Dutch by default and English by choice (`ZITDAG_LANG`, else the locale),
/// its messages, its output and its help from the same catalogs as the pages, with dates the Belgian way.
@Suite struct DutchCommandLineTests {
    typealias Desk = BookingCommandTests.Desk

    @Test func dutchIsTheDefaultAndALocaleOrZitdagLangChoosesEnglish() throws {
        let desk = try Desk(jobSeekers: 1)
        let unset = ["ZITDAG_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"]
        let dutch = try desk.run(["slots", "--job-seeker", "J9"], environment: unset)
        #expect(dutch.status == 2 && dutch.stderr == "zitdag: geen werkzoekende J9\n", "\(dutch.stderr)")
        let locale = try desk.run(["slots", "--job-seeker", "J9"], environment: unset.merging(["LANG": "en_GB.UTF-8"]) { $1 })
        #expect(locale.stderr == "zitdag: no job seeker J9\n")
        let flemish = try desk.run(["slots", "--job-seeker", "J9"], environment: unset.merging(["LANG": "en_GB.UTF-8", "ZITDAG_LANG": "nl"]) { $1 })
        #expect(flemish.stderr == dutch.stderr, "ZITDAG_LANG wins over the locale")
    }

    @Test func aConsultantBooksInDutchWithBelgianDates() throws {
        let desk = try Desk()
        let nl = ["ZITDAG_LANG": "nl"]
        let slots = try desk.run(["slots", "--job-seeker", "J1", "--count", "1"], environment: nl)
        #expect(slots.stdout.hasPrefix("1. di 24/11/2026 09:00-10:00 in C1-2026-11-24-0900"), "\(slots.stdout)")
        #expect(try desk.run(["book", "--job-seeker", "J1", "--at", "di 24/11/2026 09:00"], environment: nl).status == 0)
        let taken = try desk.run(["book", "--job-seeker", "J2", "--at", "24/11/2026 09:00"], environment: nl)
        #expect(taken.status == 3)
        #expect(taken.stderr.hasPrefix("zitdag: de plaats op di 24/11/2026 09:00 is bezet; volgende vrije: di 24/11/2026 10:00 in C1-2026-11-24-0900, wo 25/11/2026 13:30"), "\(taken.stderr)")
        let agenda = try desk.run(["agenda", "--coach", "C1", "--week", "2026-11-24"], environment: nl)
        #expect(agenda.stdout.hasPrefix("ma 23/11/2026 tot zo 29/11/2026: 1 zitdag, 1 afspraak"), "\(agenda.stdout)")
        #expect(agenda.stdout.contains("#1  di 24/11/2026 09:00-10:00  C1-2026-11-24-0900  J1 (AB)  1/1"))
        #expect(try desk.run(["cancel", "1"], environment: nl).status == 0)
        #expect(try desk.run(["cancel", "1"], environment: nl).stderr == "zitdag: afspraak 1 is geannuleerd, niet geboekt\n")
    }

    @Test func helpAndArgumentErrorsAreDutchToo() throws {
        let help = try Binary.run(["book", "--help"], environment: ["ZITDAG_LANG": "nl"])
        #expect(help.stdout.contains("Boek een afspraak, of een hele reeks, voor een werkzoekende."), "\(help.stdout)")
        #expect(help.stdout.contains("De pseudonieme id van de werkzoekende."))
        let english = try Binary.run(["book", "--help"])
        #expect(english.stdout.contains("Book an appointment, or a whole series, for a job seeker."))
        let wrong = try Binary.run(["show", "--weeks", "0", "p.json", "q.json"], environment: ["ZITDAG_LANG": "nl"])
        #expect(wrong.status == 2 && wrong.stderr.contains("--weeks moet minstens 1 zijn"), "\(wrong.stderr)")
    }
}
