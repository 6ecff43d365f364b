import Testing
import ZitdagCore

/// Lending devices: one loan at a time, retired devices stay home, extensions are kept, a device
/// taken back is what its condition says.
@Suite struct DeviceLoanTests {
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    static let laptop = Device(id: "L-001", kind: .laptop, bought: day("2024-03-01"), location: "Gent")

    @Test func aLoanRunsSixMonthsAndPutsTheDeviceOnLoan() throws {
        let (device, loan) = try LoanDesk.lend(Self.laptop, to: "J1", from: Self.day("2026-08-31"))
        #expect(device.state == .onLoan)
        #expect(loan.device == "L-001" && loan.jobSeeker == "J1" && loan.from == Self.day("2026-08-31"))
        // Six months from 31 August ends on February's last day.
        #expect(loan.until == Self.day("2027-02-28") && loan.isOpen && loan.extensions.isEmpty)
    }

    @Test func aDeviceIsOnOneLoanAtATime() throws {
        let (lent, _) = try LoanDesk.lend(Self.laptop, to: "J1", from: Self.day("2026-12-01"))
        #expect(throws: BookingRefusal(.conflict, Text("device L-001 is on loan; take it back first"))) {
            try LoanDesk.lend(lent, to: "J2", from: Self.day("2026-12-02"))
        }
    }

    @Test func aRetiredOrBrokenDeviceCannotBeLent() throws {
        var device = Self.laptop
        device.state = .retired
        #expect(throws: BookingRefusal(.conflict, Text("device L-001 is retired and can't be lent"))) {
            try LoanDesk.lend(device, to: "J1", from: Self.day("2026-12-01"))
        }
        device.state = .inRepair
        #expect(throws: BookingRefusal(.conflict, Text("device L-001 is in repair; mark it repaired first"))) {
            try LoanDesk.lend(device, to: "J1", from: Self.day("2026-12-01"))
        }
    }

    @Test func aJobSeekerBorrowsOneDeviceOfAKind() throws {
        let (_, first) = try LoanDesk.lend(Self.laptop, to: "J1", from: Self.day("2026-12-01"))
        var held = first
        held.id = 7
        let other = Device(id: "L-002", kind: .laptop, bought: Self.day("2025-01-01"))
        #expect(throws: BookingRefusal(.conflict, Text("job seeker J1 already borrows a \(Text("laptop")) (loan 7); take it back or extend that loan"))) {
            try LoanDesk.lend(other, to: "J1", from: Self.day("2026-12-02"), borrowing: [(held, .laptop)])
        }
        // A dongle beside the laptop is fine.
        let dongle = Device(id: "D-001", kind: .dongle, bought: Self.day("2025-01-01"))
        #expect(try LoanDesk.lend(dongle, to: "J1", from: Self.day("2026-12-02"), borrowing: [(held, .laptop)]).loan.device == "D-001")
    }

    @Test func extendingKeepsTheHistory() throws {
        let (_, loan) = try LoanDesk.lend(Self.laptop, to: "J1", from: Self.day("2026-06-01"), until: Self.day("2026-11-30"))
        let once = try LoanDesk.extend(loan, on: Self.day("2026-11-20"))
        #expect(once.until == Self.day("2027-05-30"))
        let twice = try LoanDesk.extend(once, until: Self.day("2027-08-31"), on: Self.day("2027-05-01"))
        #expect(twice.until == Self.day("2027-08-31") && twice.from == loan.from)
        #expect(twice.extensions == [
            Loan.Extension(on: Self.day("2026-11-20"), from: Self.day("2026-11-30"), to: Self.day("2027-05-30")),
            Loan.Extension(on: Self.day("2027-05-01"), from: Self.day("2027-05-30"), to: Self.day("2027-08-31")),
        ])
        #expect(throws: BookingRefusal(.invalid, field: "until", Text("\(Self.day("2027-08-01")) does not extend loan 0, which runs until \(Self.day("2027-08-31"))"))) {
            try LoanDesk.extend(twice, until: Self.day("2027-08-01"), on: Self.day("2027-06-01"))
        }
    }

    @Test func aReturnedDeviceIsAvailableAgainOrWhatItsConditionSays() throws {
        let (lent, loan) = try LoanDesk.lend(Self.laptop, to: "J1", from: Self.day("2026-06-01"))
        let back = try LoanDesk.takeBack(loan, device: lent, on: Self.day("2026-12-01"), condition: .good)
        #expect(back.device?.state == .available && back.loan.returned == Self.day("2026-12-01") && !back.loan.isOpen)
        // Available again: it can go to the next person.
        #expect(try LoanDesk.lend(back.device!, to: "J2", from: Self.day("2026-12-02")).device.state == .onLoan)
        #expect(try LoanDesk.takeBack(loan, device: lent, on: Self.day("2026-12-01"), condition: .damaged).device?.state == .inRepair)
        #expect(try LoanDesk.takeBack(loan, device: lent, on: Self.day("2026-12-01"), condition: .lost).device?.state == .retired)
        #expect(throws: BookingRefusal(.conflict, Text("loan 0 was returned on \(Self.day("2026-12-01")) already"))) {
            try LoanDesk.takeBack(back.loan, device: back.device, on: Self.day("2026-12-02"), condition: .good)
        }
        #expect(throws: BookingRefusal(.conflict, Text("loan 0 ended on \(Self.day("2026-12-01")); lend the device again instead"))) {
            try LoanDesk.extend(back.loan, on: Self.day("2026-12-02"))
        }
    }

    @Test func aDeviceGoesToRepairAndBackButRetiredIsFinal() throws {
        let broken = try LoanDesk.change(Self.laptop, to: .inRepair)
        #expect(try LoanDesk.change(broken, to: .available).state == .available)
        let retired = try LoanDesk.change(broken, to: .retired)
        #expect(throws: BookingRefusal(.conflict, Text("device L-001 is retired and stays retired"))) { try LoanDesk.change(retired, to: .available) }
        let (lent, _) = try LoanDesk.lend(Self.laptop, to: "J1", from: Self.day("2026-12-01"))
        #expect(throws: BookingRefusal(.conflict, Text("device L-001 is on loan; take it back first"))) { try LoanDesk.change(lent, to: .retired) }
        for device in [Self.laptop, lent] {
            #expect(throws: BookingRefusal(.invalid, field: "state", Text("a device goes on loan by lending it"))) { try LoanDesk.change(device, to: .onLoan) }
        }
    }

    @Test func theOverviewListsLoansEndingOverdueReturnsAndDevicesDueForReplacement() throws {
        let today = Self.day("2026-12-01")
        let loans = [
            Loan(id: 1, device: "L-1", jobSeeker: "J1", from: Self.day("2026-06-01"), until: Self.day("2026-12-10")),
            Loan(id: 2, device: "L-2", jobSeeker: "J2", from: Self.day("2026-05-01"), until: Self.day("2026-11-20")),
            Loan(id: 3, device: "L-3", jobSeeker: "J3", from: Self.day("2026-05-01"), until: Self.day("2026-12-05")),
            Loan(id: 4, device: "L-4", jobSeeker: "J4", from: Self.day("2026-05-01"), until: Self.day("2026-12-03"), returned: Self.day("2026-11-30")),
            Loan(id: 5, device: "L-5", jobSeeker: "J5", from: Self.day("2026-05-01"), until: Self.day("2027-03-01")),
        ]
        let devices = [
            Device(id: "L-old", kind: .laptop, bought: Self.day("2021-12-20")),
            Device(id: "L-gone", kind: .laptop, state: .retired, bought: Self.day("2020-01-01")),
            Device(id: "L-new", kind: .laptop, bought: Self.day("2024-01-01")),
        ]
        let overview = LoanOverview(devices: devices, loans: loans, on: today, weeks: 4)
        #expect(overview.ending.map(\.id) == [3, 1])
        #expect(overview.overdue.map(\.id) == [2])
        #expect(overview.dueForReplacement.map(\.id) == ["L-old"])
        #expect(devices[0].replaceOn == Self.day("2026-12-20"))
    }

    @Test func monthsAreAddedOnTheCalendar() {
        #expect(Self.day("2027-01-31").adding(months: 1) == Self.day("2027-02-28"))
        #expect(Self.day("2028-01-31").adding(months: 1) == Self.day("2028-02-29"))
        #expect(Self.day("2026-12-15").adding(months: 6) == Self.day("2027-06-15"))
        #expect(Self.day("2026-03-15").adding(months: -4) == Self.day("2025-11-15"))
        #expect(Self.day("2026-03-15").adding(months: 60) == Self.day("2031-03-15"))
    }
}
