/// One job seeker's path through the programme, so a consultant sees where they stand: intakes,
/// requests, appointments and how they went, loans. Walk-in visits are anonymous and not part of it.
public struct PersonPath: Sendable {
    public struct Request: Sendable, Hashable {
        public var id: Int64
        public var created: LocalDate
        public var appointments: Int
        public var durationMinutes: Int

        public init(id: Int64, created: LocalDate, appointments: Int, durationMinutes: Int) {
            self.id = id
            self.created = created
            self.appointments = appointments
            self.durationMinutes = durationMinutes
        }
    }

    public struct Appointment: Sendable, Hashable {
        public var id: Int64
        public var start: LocalDateTime
        public var session: String
        public var location: String
        public var status: AppointmentStatus
        public var cause: CancellationCause?

        public init(id: Int64, start: LocalDateTime, session: String, location: String, status: AppointmentStatus, cause: CancellationCause?) {
            self.id = id
            self.start = start
            self.session = session
            self.location = location
            self.status = status
            self.cause = cause
        }
    }

    /// One thing that happened (or will), on its day.
    public struct Step: Sendable, Hashable {
        public var day: LocalDate
        public var text: Text
    }

    public var jobSeeker: String
    public var intakes: [Intake]
    public var requests: [Request]
    public var appointments: [Appointment]
    public var loans: [(loan: Loan, kind: Device.Kind?)]

    public init(jobSeeker: String, intakes: [Intake], requests: [Request], appointments: [Appointment], loans: [(loan: Loan, kind: Device.Kind?)]) {
        self.jobSeeker = jobSeeker
        self.intakes = intakes.sorted { ($0.taken, $0.id) < ($1.taken, $1.id) }
        self.requests = requests.sorted { $0.id < $1.id }
        self.appointments = appointments.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        self.loans = loans.sorted { ($0.loan.from, $0.loan.id) < ($1.loan.from, $1.loan.id) }
    }

    /// Everything in order of its day.
    public var steps: [Step] {
        var steps: [Step] = []
        for intake in intakes {
            steps.append(Step(day: intake.taken, text: Text("intake: \(intake.level.words), score \(intake.score) of \(Questionnaire.maximumScore)")))
        }
        for request in requests {
            steps.append(
                Step(day: request.created, text: Text("request \(request.id): \(count: request.appointments, "appointment") of \(request.durationMinutes) minutes")))
        }
        for appointment in appointments {
            let how = appointment.cause.map { Text("\(appointment.status.words) by \($0.by.words): \($0.reason.words)") } ?? appointment.status.words
            steps.append(
                Step(
                    day: appointment.start.date,
                    text: Text("appointment \(appointment.id) at \(weekday: appointment.start) in \(appointment.session) (\(appointment.location)): \(how)")))
        }
        for (loan, kind) in loans {
            let what = Self.what(loan, kind)
            steps.append(Step(day: loan.from, text: Text("loan \(loan.id): \(what) until \(loan.until)")))
            for change in loan.extensions {
                steps.append(Step(day: change.on, text: Text("loan \(loan.id) extended from \(change.from) to \(change.to)")))
            }
            if let returned = loan.returned {
                steps.append(Step(day: returned, text: Text("loan \(loan.id): \(what) returned, \(loan.condition?.words ?? Text("good"))")))
            }
        }
        // Stable within a day: intakes, requests, appointments, loans, as added.
        return steps.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
    }

    /// Where they stand on `day`, in a few lines.
    public func standing(on day: LocalDate) -> [Text] {
        var lines: [Text] = []
        if let last = intakes.last {
            if let first = intakes.first, first.id != last.id {
                lines.append(Text("level \(last.level.words) since \(last.taken): score \(first.score) at the first intake, \(last.score) now"))
            } else {
                lines.append(Text("level \(last.level.words) since \(last.taken) (score \(last.score) of \(Questionnaire.maximumScore))"))
            }
        } else {
            lines.append(Text("no intake yet"))
        }
        let attended = appointments.filter { $0.status == .attended }.count
        let missed = appointments.filter { $0.status == .noShow }.count
        let coming = appointments.filter { $0.status == .booked && $0.start.date >= day }
        lines.append(Text("\(count: attended, "appointment") attended, \(count: missed, "no-show"), \(coming.count) to come"))
        if let next = coming.first { lines.append(Text("next appointment: \(weekday: next.start) in \(next.session) (\(next.location))")) }
        for (loan, kind) in loans where loan.isOpen {
            lines.append(
                loan.isOverdue(on: day)
                    ? Text("borrows \(Self.what(loan, kind)): due back on \(loan.until), overdue")
                    : Text("borrows \(Self.what(loan, kind)) until \(loan.until)"))
        }
        return lines
    }

    /// "laptop L-001", or "a device (not recorded)".
    public static func what(_ loan: Loan, _ kind: Device.Kind?) -> Text {
        guard let device = loan.device else { return Text("a device (not recorded)") }
        return Text("\(kind?.words ?? Text("device")) \(device)")
    }
}
