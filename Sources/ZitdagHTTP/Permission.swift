import ZitdagCore
import ZitdagStore

/// Who may do what: consultants for their own job seekers and appointments, coaches read their
/// own agenda, coordinators everything. "Not yours" is 403 and says nothing about the other person.
enum Permission {
    static func forbidden(_ what: Text) -> APIProblem { APIProblem(.forbidden, what) }

    /// A rule for who may act on an appointment (``mayChange``, ``mayMark``): the appointment, or a refusal.
    typealias AppointmentRule = @Sendable (Principal, BookedAppointment?, Int64, Store) throws -> BookedAppointment

    /// Asking for slots or booking for a job seeker; `urgent` (seats held back for urgent bookings)
    /// is for coordinators only.
    static func mayBook(_ principal: Principal, jobSeeker: String, consultant: String?, urgent: Bool = false, store: Store) throws {
        if urgent && principal.role != .coordinator { throw forbidden(Text("only coordinators book urgent: held-back seats are theirs to give")) }
        switch principal.role {
        case .coordinator: return
        case .coach: throw forbidden(Text("coaches read; they do not book"))
        case .consultant:
            guard consultant == nil || consultant == principal.subject else {
                throw forbidden(Text("a consultant books as themselves: consultant must be \(principal.subject)"))
            }
            guard try store.jobSeeker(jobSeeker)?.consultant == principal.subject else {
                throw forbidden(Text("job seeker \(jobSeeker) is not one of your job seekers"))
            }
        }
    }

    /// Moving, cancelling or recording an appointment. Another consultant's appointment is answered
    /// as an unknown one, and a coach is refused before the id is looked at, so that nobody learns
    /// which ids exist.
    static func mayChange(_ principal: Principal, appointment: BookedAppointment?, id: Int64, store: Store) throws -> BookedAppointment {
        if principal.role == .coach { throw forbidden(Text("coaches read; they do not change appointments")) }
        let unknown = APIProblem(.notFound, Text("no appointment \(id)"))
        guard let appointment else { throw unknown }
        guard principal.role == .consultant else { return appointment }
        let owner = try appointment.jobSeeker.flatMap { try store.jobSeeker($0)?.consultant }
        guard appointment.consultant == principal.subject || owner == principal.subject else { throw unknown }
        return appointment
    }

    /// Recording attended or no-show: the coach of the half-day it is in (who sees who came), and
    /// whoever may change the appointment. A coach is answered "unknown" for another coach's.
    static func mayMark(_ principal: Principal, appointment: BookedAppointment?, id: Int64, store: Store) throws -> BookedAppointment {
        guard principal.role == .coach else { return try mayChange(principal, appointment: appointment, id: id, store: store) }
        guard let appointment, appointment.coach == principal.subject else { throw APIProblem(.notFound, Text("no appointment \(id)")) }
        return appointment
    }

    static func mayRead(_ principal: Principal, agendaOf owner: AgendaOwner) throws {
        switch (principal.role, owner) {
        case (.coordinator, _): return
        case (.consultant, .consultant(let id)) where id == principal.subject: return
        case (.coach, .coach(let id)) where id == principal.subject: return
        default: throw forbidden(Text("you may read only your own agenda"))
        }
    }

    static func mayPlan(_ principal: Principal) throws {
        guard principal.role == .coordinator else { throw forbidden(Text("only coordinators run the week's plan")) }
    }

    /// Keeping a half-day's walk-in register: its coach (who hosts it) and coordinators. An unknown
    /// session is a 404 for everyone; sessions are no secret (`GET /v1/sessions` lists them).
    static func mayHost(_ principal: Principal, session: Session?, id: String) throws {
        guard let session else { throw APIProblem(.notFound, Text("no session \(id)")) }
        switch principal.role {
        case .coordinator: return
        case .coach where session.coach == principal.subject: return
        case .coach: throw forbidden(Text("session \(id) is another coach's half-day"))
        case .consultant: throw forbidden(Text("the host of the half-day keeps its walk-in register, not consultants"))
        }
    }

    /// Coaches see the half-days, not what a job seeker borrows or how they are doing.
    private static let coachesDoNotFollow = forbidden(Text("coaches see the half-days, not a job seeker's path or loans"))

    /// A job seeker's intakes, path and loans: their consultant and coordinators.
    static func mayFollow(_ principal: Principal, jobSeeker: String, store: Store) throws {
        switch principal.role {
        case .coordinator: return
        case .coach: throw coachesDoNotFollow
        case .consultant:
            guard try store.jobSeeker(jobSeeker)?.consultant == principal.subject else {
                throw forbidden(Text("job seeker \(jobSeeker) is not one of your job seekers"))
            }
        }
    }

    /// The device inventory (adding devices, their state): coordinators.
    static func mayKeepInventory(_ principal: Principal) throws {
        guard principal.role == .coordinator else { throw forbidden(Text("only coordinators keep the device inventory")) }
    }

    /// A loan to extend or take back: the borrower's consultant and coordinators; another's loan is
    /// answered as unknown.
    static func mayChange(_ principal: Principal, loan: Loan?, id: Int, store: Store) throws -> Loan {
        let unknown = APIProblem(.notFound, Text("no loan \(id)"))
        guard let loan else { throw unknown }
        switch principal.role {
        case .coordinator: return loan
        case .coach: throw coachesDoNotFollow
        case .consultant:
            guard let borrower = loan.jobSeeker, try store.jobSeeker(borrower)?.consultant == principal.subject else { throw unknown }
            return loan
        }
    }

    /// The loans a caller sees listed: a consultant their own job seekers' (the consultant returned),
    /// a coordinator all (`nil`); coaches none.
    static func loansVisible(to principal: Principal) throws -> String? {
        switch principal.role {
        case .coordinator: return nil
        case .consultant: return principal.subject
        case .coach: throw coachesDoNotFollow
        }
    }

    /// Counts across locations: coordinators.
    static func mayReport(_ principal: Principal) throws {
        guard principal.role == .coordinator else { throw forbidden(Text("only coordinators read the reports")) }
    }

    /// Offers of freed places: a consultant sees and answers their own (the consultant returned), a
    /// coordinator all (`nil`); coaches none.
    static func offersVisible(to principal: Principal) throws -> String? {
        switch principal.role {
        case .coordinator: return nil
        case .consultant: return principal.subject
        case .coach: throw forbidden(Text("offers are for the consultants of the waiting requests"))
        }
    }
}
