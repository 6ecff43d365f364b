import Testing
import ZitdagCore

/// Languages are the sessions' codes, whatever the case; anything else is refused with a suggestion
/// (issue 12, item 6: `NL` or `Nederlands` was taken as given and then matched only the sessions that
/// serve every language).
@Suite struct LanguageCodeTests {
    let known: Set = ["ar", "en", "fr", "nl"]

    @Test func aCodeIsTakenWhateverItsCase() throws {
        #expect(try LanguageCode.resolve("NL", among: known).get() == "nl")
        #expect(try LanguageCode.resolve("fr", among: known).get() == "fr")
    }

    @Test("a name or a near miss is refused with the code meant", arguments: [("Nederlands", "nl"), ("frans", "fr"), ("English", "en"), ("nk", "nl")])
    func aNameIsRefusedWithTheCodeMeant(text: String, meant: String) {
        guard case .failure(let refusal) = LanguageCode.resolve(text, among: known) else {
            Issue.record("\(text) was taken")
            return
        }
        #expect(refusal.suggestion == meant)
        #expect(refusal.description == "\"\(text)\" is not a language code the sessions use (ar, en, fr, nl); did you mean \(meant)?")
    }

    @Test func somethingElseIsRefusedWithoutAGuess() {
        guard case .failure(let refusal) = LanguageCode.resolve("xx", among: known) else {
            Issue.record("xx was taken")
            return
        }
        #expect(refusal.suggestion == nil)
        guard case .failure = LanguageCode.resolve("Duits", among: known) else {
            Issue.record("Duits was taken")
            return
        }
    }

    @Test func withNoCodesKnownEveryLanguageIsServed() throws {
        #expect(try LanguageCode.resolve("tr", among: []).get() == "tr")
    }
}
