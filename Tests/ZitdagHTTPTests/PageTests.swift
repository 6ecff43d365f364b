import Foundation
import HTTPTypes
import Testing
import ZitdagCore
import ZitdagHTTP
import ZitdagStore
import ZitdagTestSupport

/// The web desk's texts and rules that a browser does not see: every text in both languages, dates
/// the Belgian way, the language chosen, and signing in, form tokens and revoked tokens over a real
/// socket. (Tests/Web/desk_test.py drives the pages themselves in chromium.)
@Suite struct PageTests {
    let catalog = Catalog.shipped
    let pages = Pages.shipped

    @Test func bothLanguagesHaveEveryText() {
        let dutch = Set(catalog.texts[.nl]?.keys ?? [:].keys)
        let english = Set(catalog.texts[.en]?.keys ?? [:].keys)
        #expect(!dutch.isEmpty)
        #expect(dutch.subtracting(english).sorted() == [], "texts missing in English")
        #expect(english.subtracting(dutch).sorted() == [], "texts missing in Dutch")
        for language in Language.allCases {
            #expect(catalog.texts[language]?.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted() == [], "empty texts")
        }
    }

    @Test func everyTextATemplateShowsIsInTheCatalogs() throws {
        #expect(pages.names.count >= 15, "\(pages.names)")
        let used = try Regex(#"\{\{[#^/]?t\.([a-z_]+)\}\}"#)
        var keys: Set<String> = []
        for name in pages.names {
            let source = try #require(pages.source(of: name))
            for match in source.matches(of: used) { keys.insert(String(match.output[1].substring ?? "")) }
        }
        #expect(keys.count > 100)
        for language in Language.allCases {
            #expect(keys.filter { catalog.texts[language]?[$0] == nil }.sorted() == [], "\(language) lacks texts the templates use")
        }
    }

    /// The code asks for texts by literal key (read from its source) and by the values of roles,
    /// statuses and attendance.
    @Test func everyTextTheCodeAsksForIsInTheCatalogs() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/ZitdagHTTP/Web").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 8)
        // `text("key"`, `text(condition ? "key" : "other"`, `key: "key"`.
        let literal = try Regex(#"(?:text\((?:[^"\n]*? \? )?|key: )"([a-z_]+)"(?: : "([a-z_]+)")?"#)
        var keys: Set<String> = []
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in source.matches(of: literal) {
                for index in 1...2 { if let key = match.output[index].substring { keys.insert(String(key)) } }
            }
        }
        keys.formUnion(Role.allCases.map { "role_\($0.rawValue)" })
        keys.formUnion(AppointmentStatus.allCases.map { "status_\($0.rawValue)" })
        keys.formUnion(Attendance.allCases.map { "attendance_\($0.rawValue)" })
        keys.formUnion([AppointmentStatus.attended, .noShow].map { "marked_\($0.rawValue)" })
        keys.formUnion(SimulationTable.allKeys.map { "figure_\($0)" })
        #expect(keys.contains("cancelled_one") && keys.contains("sign_in_refused"), "the source scan finds the literal keys")
        for language in Language.allCases {
            #expect(keys.filter { catalog.texts[language]?[$0] == nil }.sorted() == [], "\(language) lacks texts the code asks for")
        }
    }

    @Test func datesAndTimesTheBelgianWay() throws {
        let tuesday = try #require(LocalDate(year: 2026, month: 11, day: 24))
        #expect(catalog.day(tuesday, .nl) == "di 24/11/2026")
        #expect(catalog.day(tuesday, .en) == "Tue 24/11/2026")
        #expect(catalog.moment(LocalDateTime(date: tuesday.adding(days: 5), secondOfDay: 9 * 3600 + 5 * 60), .nl) == "zo 29/11/2026 09:05")
        #expect(catalog.text("week_of", .nl, ["from": "ma 23/11/2026", "to": "zo 29/11/2026"]) == "Week van ma 23/11/2026 tot zo 29/11/2026")
    }

    @Test func theBelgianWayIsReadBackWithTheWeekdayChecked() throws {
        let tuesday = try #require(LocalDate(year: 2026, month: 11, day: 24))
        #expect(catalog.day(belgian: "24/11/2026") == tuesday)
        #expect(catalog.day(belgian: "di 24/11/2026") == tuesday)
        #expect(catalog.day(belgian: "Tue 24/11/2026") == tuesday)
        #expect(catalog.day(belgian: "DI 24/11/2026") == tuesday)
        #expect(catalog.day(belgian: "wo 24/11/2026") == nil, "a weekday that is not the date's")
        #expect(catalog.day(belgian: "31/02/2026") == nil)
        #expect(catalog.day(belgian: "2026-11-24") == nil)
        #expect(catalog.moment(belgian: "di 24/11/2026 09:05") == LocalDateTime(date: tuesday, secondOfDay: 9 * 3600 + 5 * 60))
        #expect(catalog.moment(belgian: "24/11/2026 9:30") == LocalDateTime(date: tuesday, secondOfDay: 9 * 3600 + 30 * 60))
        #expect(catalog.moment(belgian: "di 24/11/2026 24:00") == nil)
        // What the pages write, they read back.
        let moment = LocalDateTime(date: tuesday, secondOfDay: 13 * 3600 + 30 * 60)
        for language in Language.allCases { #expect(catalog.moment(belgian: catalog.moment(moment, language)) == moment) }
    }

    @Test func dutchUnlessTheBrowserOrTheStoredChoiceSaysEnglish() {
        #expect(Language.chosen(cookie: nil, acceptLanguage: nil) == .nl)
        #expect(Language.chosen(cookie: nil, acceptLanguage: "en-GB,en;q=0.9") == .en)
        #expect(Language.chosen(cookie: nil, acceptLanguage: "fr-BE, en;q=0.5, nl;q=0.8") == .nl, "the heaviest spoken language")
        #expect(Language.chosen(cookie: nil, acceptLanguage: "fr-BE, de") == .nl)
        #expect(Language.chosen(cookie: "en", acceptLanguage: "nl-BE") == .en, "a stored choice wins")
        #expect(Language.chosen(cookie: "xx", acceptLanguage: "en") == .en, "an unknown stored value is ignored")
    }

    @Test func signingInFormTokensAndARevokedTokenEndingTheSession() async throws {
        let tests = try APITests()
        let server = tests.server
        defer { server.remove() }
        let booked = try server.api.desk.book(
            RequestDraft(jobSeeker: "J1", consultant: "K1", attendance: .none, topic: "e-mail"),
            at: [SlotChoice(start: Server.at(DeskWorld.tuesday, 10))], actor: "test")
        try await server.api.live { client in
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let wrong = try await client.execute(uri: "/sign-in", method: .post, headers: form, body: "token=nope")
            #expect(wrong.status == .unauthorized && wrong.text.contains("Die toegangscode kennen we niet"))

            var elsewhere = form
            elsewhere[HTTPField.Name("Origin")!] = "https://elsewhere.example"
            let crossSite = try await client.execute(uri: "/sign-in", method: .post, headers: elsewhere, body: "token=\(server.coach)")
            #expect(crossSite.status == .forbidden && crossSite.headers[.setCookie] == nil, "no signing in from another site")

            let signedIn = try await client.execute(uri: "/sign-in", method: .post, headers: form, body: "token=\(server.coach)")
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/desk")
            let setCookie = try #require(signedIn.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && !setCookie.contains("Secure"))
            let session = try #require(setCookie.split(separator: ";").first.map(String.init))
            let cookie: HTTPFields = [.cookie: session]

            // The coach's week, in Dutch; in English when the browser asks for it.
            let week = try await client.execute(uri: "/desk/week?week=2026-11-23", method: .get, headers: cookie)
            #expect(week.status == .ok && week.text.contains("<html lang=\"nl\">") && week.text.contains("Mijn week"))
            #expect(week.headers[.cacheControl] == "no-store")
            #expect(week.text.contains(booked[0].initials ?? "?") && week.text.contains("e-mail") && !week.text.contains(">J1<"), "initials, never the id")
            var english = cookie
            english[.acceptLanguage] = "en"
            #expect(try await client.execute(uri: "/desk/week", method: .get, headers: english).text.contains("My week"))

            // A form without the session's form token, or from another site, does nothing.
            let csrf = try #require(week.text.firstMatch(of: try Regex(#"name="_csrf" value="([^"]+)""#))?.output[1].substring.map(String.init))
            let path = "/desk/appointments/\(booked[0].id)/no-show"
            var posting = cookie
            posting[.contentType] = "application/x-www-form-urlencoded"
            #expect(try await client.execute(uri: path, method: .post, headers: posting, body: "").status == .forbidden)
            #expect(try await client.execute(uri: path, method: .post, headers: posting, body: "_csrf=forged").status == .forbidden)
            var foreign = posting
            foreign[HTTPField.Name("Origin")!] = "https://elsewhere.example"
            #expect(try await client.execute(uri: path, method: .post, headers: foreign, body: "_csrf=\(csrf)").status == .forbidden)
            #expect(try server.store.appointment(booked[0].id)?.status == .booked, "nothing was recorded")
            // With its token the form is taken; the appointment has not started yet, so it is refused with the reason.
            let early = try await client.execute(uri: path, method: .post, headers: posting, body: "_csrf=\(csrf)")
            #expect(early.status == .conflict && early.text.contains("class=\"error\""), "\(early.status)")

            // Another role's page; then the token revoked ends the session.
            #expect(try await client.execute(uri: "/desk/grid", method: .get, headers: cookie).status == .forbidden)
            let coachToken = try #require(try server.store.principal(forToken: server.coach))
            try server.store.revokeToken(id: coachToken.tokenId, at: Server.now, actor: "test")
            let after = try await client.execute(uri: "/desk/week", method: .get, headers: cookie)
            #expect(after.status == .seeOther && after.headers[.location] == "/sign-in")
        }
    }
}
