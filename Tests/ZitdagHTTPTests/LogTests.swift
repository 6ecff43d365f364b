import Hummingbird
import Logging
import Synchronization
import Testing
import ZitdagHTTP
import ZitdagStore

/// The server's logs name routes and statuses, never people, ids in paths, queries or tokens.
@Suite struct LogTests {
    /// Keeps every log line, with its metadata, as text.
    final class Capture: Sendable {
        let lines = Mutex<[String]>([])
        var text: String { lines.withLock { $0.joined(separator: "\n") } }
    }

    struct Handler: LogHandler {
        let capture: Capture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.lines.withLock { $0.append("\(event.level) \(event.message) \(all.sorted { $0.key < $1.key })") }
        }
    }

    @Test func logsHoldNoJobSeekerIdsTokensOrQueries() async throws {
        let capture = Capture()
        let base = try Server()
        defer { base.remove() }
        let api = API(desk: base.api.desk, options: base.api.options, logger: Logger(label: "test") { _ in Handler(capture: capture) })
        try await api.live { client in
            _ = try await client.call(.get, "/v1/slots?job_seeker=J17&attendance=none", token: base.consultant)
            _ = try await client.call(.post, "/v1/bookings", token: base.consultant, json: #"{"job_seeker": "J17", "topic": "CV van Fatima", "starts": [{"start": "2026-11-24T09:00"}]}"#)
            _ = try await client.call(.get, "/feeds/\(base.feed).ics", token: nil)
            _ = try await client.call(.get, "/v1/agenda/consultants/K1", token: base.consultant)
        }
        let text = capture.text
        // One line per request, naming the route pattern.
        #expect(text.contains("/v1/slots") && text.contains("/feeds/{file}") && text.contains("/v1/agenda/consultants/{id}"), "\(text)")
        for secret in ["J17", "Fatima", base.consultant, base.feed, "job_seeker", "K1"] {
            #expect(!text.contains(secret), "the logs contain \(secret)")
        }
    }
}
