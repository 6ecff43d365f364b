import GRDB
import ZitdagCore

extension Desk {
    /// Where appointment `id` could go, best first: free places for it alone, from today on, that
    /// keep its series' gaps. What the web desk offers before a move; ``move(appointment:to:actor:)``
    /// still checks the one chosen.
    public func moveOptions(appointment id: Int64, count: Int = 8) throws(StoreError) -> [Offer] {
        let today = today
        let (single, request, index, others) = try store.read { db -> (RequestDraft, Request, Int, [(index: Int, day: LocalDate)]) in
            guard let appointment = try AppointmentTable.appointment(db, id: id) else { throw StoreError.unknown(kind: Text("appointment"), id: String(id)) }
            guard var draft = try RequestTable.draft(db, appointment.request) else {
                throw StoreError.conflict(Text("appointment \(id) belongs to an erased job seeker and cannot be moved"))
            }
            draft.appointments = 1
            draft.from = nil
            let series = try AppointmentTable.appointments(db, request: appointment.request).filter { $0.status != .cancelled && $0.id != id }
            let request = try self.request(for: draft, release: today, except: [id], db)
            return (draft, request, appointment.index, series.map { ($0.index, zone.local(at: $0.span.start).date) })
        }
        // More than asked for: some may break the series' gaps.
        let options = try slots(for: single, count: count * 3).options
        return Array(
            options.filter { offer in
                let day = zone.local(at: offer.assignments[0].span.start).date
                do throws(BookingRefusal) {
                    try BookingDesk.checkGaps(of: request, moving: index, to: day, others: others)
                    return true
                } catch {
                    return false
                }
            }.prefix(count))
    }
}
