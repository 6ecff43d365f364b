import Testing
import ZitdagCore

/// Messages count in words people write: "1 day", never "1 days" (issue 12, item 10).
@Suite struct CountedTests {
    @Test func oneIsSingularAndEveryOtherCountPlural() {
        #expect(Counted.text(1, "day") == "1 day")
        #expect(Counted.text(0, "appointment") == "0 appointments")
        #expect(Counted.text(2, "half-day") == "2 half-days")
        #expect(Counted.text(3, "person", "people") == "3 people")
    }
}
