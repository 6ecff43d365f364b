/// The rules of lending devices, decided here once: the store loads the device and its loans,
/// asks, and writes what it is given back, in one transaction.
public enum LoanDesk {
    /// Lends `device` to `jobSeeker` from `from` until `until` (six months by default). Refused when
    /// the device is not available, or the job seeker already borrows a device of its kind.
    public static func lend(
        _ device: Device, to jobSeeker: String, from: LocalDate, until: LocalDate? = nil, borrowing: [(loan: Loan, kind: Device.Kind?)] = []
    ) throws(BookingRefusal) -> (device: Device, loan: Loan) {
        switch device.state {
        case .available: break
        case .onLoan: throw BookingRefusal(.conflict, Text("device \(device.id) is on loan; take it back first"))
        case .inRepair: throw BookingRefusal(.conflict, Text("device \(device.id) is in repair; mark it repaired first"))
        case .retired: throw BookingRefusal(.conflict, Text("device \(device.id) is retired and can't be lent"))
        }
        if let other = borrowing.first(where: { $0.loan.isOpen && $0.kind == device.kind }) {
            throw BookingRefusal(
                .conflict, Text("job seeker \(jobSeeker) already borrows a \(device.kind.words) (loan \(other.loan.id)); take it back or extend that loan"))
        }
        let until = until ?? from.adding(months: Loan.standardMonths)
        guard until >= from else { throw BookingRefusal(.invalid, field: "until", Text("\(until) is before the loan starts on \(from)")) }
        var lent = device
        lent.state = .onLoan
        return (lent, Loan(id: 0, device: device.id, jobSeeker: jobSeeker, from: from, until: until))
    }

    /// Extends an open loan to `until` (by default six months past its current end), on `day`; the
    /// earlier ends stay in its history.
    public static func extend(_ loan: Loan, until: LocalDate? = nil, on day: LocalDate) throws(BookingRefusal) -> Loan {
        guard loan.isOpen else { throw BookingRefusal(.conflict, Text("loan \(loan.id) ended on \(loan.returned!); lend the device again instead")) }
        let until = until ?? loan.until.adding(months: Loan.standardMonths)
        guard until > loan.until else {
            throw BookingRefusal(.invalid, field: "until", Text("\(until) does not extend loan \(loan.id), which runs until \(loan.until)"))
        }
        var extended = loan
        extended.extensions.append(Loan.Extension(on: day, from: loan.until, to: until))
        extended.until = until
        return extended
    }

    /// Takes a lent device back on `day` in `condition`: good makes it available again, damaged puts
    /// it in repair, lost retires it. A loan without a recorded device just ends.
    public static func takeBack(
        _ loan: Loan, device: Device?, on day: LocalDate, condition: Loan.Condition
    ) throws(BookingRefusal) -> (device: Device?, loan: Loan) {
        guard loan.isOpen else { throw BookingRefusal(.conflict, Text("loan \(loan.id) was returned on \(loan.returned!) already")) }
        guard day >= loan.from else { throw BookingRefusal(.invalid, field: "on", Text("\(day) is before the loan started on \(loan.from)")) }
        var ended = loan
        ended.returned = day
        ended.condition = condition
        var back = device
        back?.state = condition.deviceState
        return (back, ended)
    }

    /// Changes a device's state by hand: to repair, back from repair, or retired. A device on loan
    /// changes only by being taken back; a retired one stays retired.
    public static func change(_ device: Device, to state: Device.State) throws(BookingRefusal) -> Device {
        if state == .onLoan { throw BookingRefusal(.invalid, field: "state", Text("a device goes on loan by lending it")) }
        if device.state == state { return device }
        switch device.state {
        case .onLoan: throw BookingRefusal(.conflict, Text("device \(device.id) is on loan; take it back first"))
        case .retired: throw BookingRefusal(.conflict, Text("device \(device.id) is retired and stays retired"))
        default:
            var changed = device
            changed.state = state
            return changed
        }
    }
}
