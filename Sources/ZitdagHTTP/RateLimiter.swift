import ZitdagCore
import Foundation
import Hummingbird
import Synchronization

/// Per-token rate limits: a token bucket of `burst` requests refilled at `perSecond`. Beyond it the
/// answer is 429 with `Retry-After`. The clock is passed in.
final class RateLimiter: RouterMiddleware, Sendable {
    typealias Context = APIContext
    let perSecond: Double
    let burst: Double
    let now: @Sendable () -> Double
    private let buckets = Mutex<[String: (tokens: Double, at: Double)]>([:])

    init(perSecond: Double, burst: Double, now: @escaping @Sendable () -> Double) {
        self.perSecond = perSecond
        self.burst = burst
        self.now = now
    }

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        guard let key = context.principal?.tokenId else { return try await next(request, context) }
        let time = now()
        let wait: Double? = buckets.withLock { buckets in
            var bucket = buckets[key] ?? (burst, time)
            bucket.tokens = min(burst, bucket.tokens + (time - bucket.at) * perSecond)
            bucket.at = time
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / perSecond }
            bucket.tokens -= 1
            return nil
        }
        if let wait {
            var problem = APIProblem(.tooManyRequests, Text("too many requests for this token; try again in \(Int(wait.rounded(.up))) s"))
            problem.headers[.retryAfter] = String(Int(max(1, wait.rounded(.up))))
            throw problem
        }
        return try await next(request, context)
    }
}
