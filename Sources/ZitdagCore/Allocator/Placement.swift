/// One appointment's place: a session, a start cell on its grid, and whether the consultant comes.
struct Slot: Sendable, Hashable {
    var session: Int32
    var cell: Int32
    var attends: Bool
}

/// A request's whole series, in time order, with the objective it earns.
struct Placement: Sendable, Hashable {
    var slots: [Slot]
    var value: Int
}
