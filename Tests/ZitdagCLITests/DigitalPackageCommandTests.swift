import Foundation
import Testing

/// The digital package at the command line, as a consultant and a coordinator use it: an intake,
/// a series booked by its level, a laptop handed over at the first appointment, extended and taken
/// back, a cancellation with its cause, the path, and the funders' report with its files.
@Suite struct DigitalPackageCommandTests {
    static let answers = ["computer=1", "email=1", "internet=1", "forms=0", "jobs=0", "device=0", "connection=1"].flatMap { ["--answer", $0] }

    @Test func aJobSeekersPackageFromIntakeToReport() throws {
        let desk = try BookingCommandTests.Desk(jobSeekers: 2)
        #expect(try desk.run(["device", "add", "L-001", "--kind", "laptop", "--bought", "2024-02-01"]).stdout
            == "L-001  laptop  available  bought 2024-02-01, replace by 2029-02-01\n")
        let kind = try desk.run(["device", "add", "L-002", "--kind", "phone", "--bought", "2024-02-01"])
        #expect(kind.status == 2 && kind.stderr.contains("phone"))

        let intake = try desk.run(["intake", "take", "J1"] + Self.answers)
        #expect(intake.status == 0 && intake.stdout == "intake 1 of J1 on 2026-11-23: starter, score 3 of 15\ndefault series: 3 x 60 minutes, 7..14 days apart\n", "\(intake.stdout)\(intake.stderr)")
        let missing = try desk.run(["intake", "take", "J2", "--answer", "computer=1"])
        #expect(missing.status == 2 && missing.stderr.contains("email: no answer given"), "\(missing.stderr)")
        #expect(try desk.run(["intake", "show", "J2"]).stdout == "no intake for J2 yet\n", "a refused intake writes nothing")

        // Booked without a series: the starter's three appointments.
        let booked = try desk.run(["book", "--job-seeker", "J1", "--at", "2026-11-24 09:00"])
        #expect(booked.status == 0 && booked.stdout.split(separator: "\n").filter { $0.hasPrefix("#") }.count == 3, "\(booked.stdout)")

        // The laptop is handed over at the first appointment.
        let lent = try desk.run(["loan", "lend", "--device", "L-001", "--job-seeker", "J1", "--appointment", "1"])
        #expect(lent.stdout == "loan 1: L-001 to J1, 2026-11-24 until 2027-05-24\n", "\(lent.stdout)\(lent.stderr)")
        let twice = try desk.run(["loan", "lend", "--device", "L-001", "--job-seeker", "J2"])
        #expect(twice.status == 3 && twice.stderr.contains("device L-001 is on loan; take it back first"))
        let extended = try desk.run(["loan", "extend", "1", "--until", "2027-08-31"])
        #expect(extended.stdout == "loan 1: L-001 to J1, 2026-11-24 until 2027-08-31 (extended 1 time)\n")
        let list = try desk.run(["loan", "list", "--weeks", "52"])
        #expect(list.stdout.contains("ending within 52 weeks:\n  loan 1: L-001 to J1"), "\(list.stdout)")

        // J1 calls off the second appointment: ill.
        let system = try desk.run(["cancel", "2", "--by", "system"])
        #expect(system.status == 2)
        #expect(try desk.run(["cancel", "2", "--by", "job_seeker", "--reason", "ill"]).status == 0)

        let path = try desk.run(["path", "J1"]).stdout
        #expect(path.hasPrefix("level starter since 2026-11-23 (score 3 of 15)\n0 appointments attended, 0 no-shows, 2 to come\n"), "\(path)")
        #expect(path.contains("borrows laptop L-001 until 2027-08-31"))
        #expect(path.contains("2026-12-01  appointment 2 at Tue 2026-12-01 09:00 in "), "\(path)")
        #expect(path.contains("cancelled by job seeker: ill"))

        let returned = try desk.run(["loan", "return", "1", "--condition", "damaged", "--on", "2026-11-30"])
        #expect(returned.stdout == "loan 1: L-001 to J1, 2026-11-24 until 2027-08-31 (extended 1 time), returned 2026-11-30 (damaged)\n")
        #expect(try desk.run(["device", "list", "--state", "in_repair"]).stdout.hasPrefix("L-001  laptop  in repair"))
        #expect(try desk.run(["device", "history", "L-001"]).stdout.split(separator: "\n").count == 1)

        // The report: a table, every column as a Belgian CSV file, two charts.
        let csv = desk.folder.appendingPathComponent("report.csv").path
        let charts = desk.folder.appendingPathComponent("charts").path
        let report = try desk.run(["report", "--from", "2026-11-01", "--to", "2026-12-31", "--csv", csv, "--charts", charts])
        #expect(report.status == 0, "\(report.stderr)")
        let table = report.stdout.split(separator: "\n")
        #expect(table.first?.hasPrefix("month    location") == true, "\(report.stdout)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: csv)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("month;location;people reached;intakes starter;"))
        // December, the whole city: 2 appointments planned, 1 cancelled by the job seeker (ill).
        let december = lines.first { $0.hasPrefix("2026-12;whole city;") }?.split(separator: ";", omittingEmptySubsequences: false) ?? []
        let headings = lines[0].split(separator: ";")
        func cell(_ heading: String) -> String? { headings.firstIndex(of: Substring(heading)).map { String(december[$0]) } }
        #expect(cell("appointments") == "2" && cell("cancelled") == "1" && cell("cancelled by job seeker") == "1" && cell("cancelled: ill") == "1")
        for name in ["appointments.svg", "intakes.svg"] {
            let svg = try String(contentsOfFile: charts + "/" + name, encoding: .utf8)
            #expect(svg.hasPrefix("<svg") && svg.contains("2026-12"))
        }
        // In Dutch, the headings and the decimal comma are Belgian.
        let dutch = try desk.run(["report", "--from", "2026-11-01", "--csv", csv], environment: ["ZITDAG_LANG": "nl"])
        #expect(dutch.stdout.hasPrefix("maand    locatie"), "\(dutch.stdout)")
        #expect(try String(contentsOfFile: csv, encoding: .utf8).contains("maand;locatie;bereikte mensen;"))

        // J1 asks to be forgotten: the output names everything that loses its link to them.
        let erased = try desk.run(["forget", "J1"])
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(erased.stdout == "erased J1: 1 request, 3 appointments, 1 loan and 1 intake unlinked; 2 future appointments cancelled\n", "\(erased.stdout)")
        #expect(try desk.run(["path", "J1"]).status != 0, "nobody can look them up any more")
        #expect(try desk.run(["device", "history", "L-001"]).stdout.split(separator: "\n").count == 1, "the device keeps its loan")
    }
}
