import Dispatch

/// Runs the store's blocking work (SQLite, the allocator) off Swift's cooperative threads, so that a
/// booking waiting for another process's lock never stalls the server's other requests.
enum Offload {
    private static let queue = DispatchQueue(label: "zitdag.store", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
