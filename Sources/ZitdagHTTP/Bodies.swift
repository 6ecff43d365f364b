import Foundation
import Hummingbird
import ZitdagCore
import ZitdagStore

/// JSON bodies of the API, as the OpenAPI document (`openapi.yaml`) describes them. Times are local
/// wall-clock times in the store's zone (Europe/Brussels), `YYYY-MM-DDTHH:MM:SS`.

struct SlotBody: Codable, Sendable {
    var session: String
    var start: String
    var end: String
    var consultantAttends: Bool
}

public struct OfferBody: Codable, Sendable {
    var value: Int
    var appointments: [SlotBody]

    init(_ offer: Offer, zone: Zone) {
        value = offer.value
        appointments = offer.assignments.map {
            SlotBody(
                session: $0.session, start: zone.local(at: $0.span.start).description, end: zone.local(at: $0.span.end).description,
                consultantAttends: $0.consultantAttends)
        }
    }
}

struct OffersBody: Codable, Sendable {
    var options: [OfferBody]
    var reason: String?
}

struct PlanResultBody: Codable, Sendable {
    var committed: Bool
    var requests: Int
    var scheduled: Int
    var objective: Int
    var unscheduled: [UnscheduledBody]
}

struct UnscheduledBody: Codable, Sendable {
    var request: String
    var reason: String
}

/// A body the client sends: decoded strictly, unknown keys refused by name.
protocol ClientBody: Decodable {
    associatedtype CodingKeys: CodingKey & CaseIterable & RawRepresentable<String>
    /// For a key whose value is an array of objects: the keys those objects may have.
    static var elementKeys: [String: Set<String>] { get }
}

extension ClientBody {
    static var elementKeys: [String: Set<String>] { [:] }
}

struct BookingRequestBody: ClientBody {
    var jobSeeker: String
    var consultant: String?
    var attendance: String?
    var durationMinutes: Int?
    var appointments: Int?
    var minGapDays: Int?
    var maxGapDays: Int?
    var priority: Int?
    var language: String?
    var topic: String?
    var urgent: Bool?
    var starts: [StartBody]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case jobSeeker = "job_seeker", consultant, attendance, durationMinutes = "duration_minutes", appointments
        case minGapDays = "min_gap_days", maxGapDays = "max_gap_days", priority, language, topic, urgent, starts
    }

    static var elementKeys: [String: Set<String>] { ["starts": ["start", "session"]] }
}

struct StartBody: Decodable, Sendable {
    var start: String
    var session: String?
}

struct MoveRequestBody: ClientBody {
    var start: String
    var session: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case start, session
    }
}

struct CancelRequestBody: ClientBody {
    var series: Bool?
    var cancelledBy: String?
    var reason: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case series, cancelledBy = "cancelled_by", reason
    }

    /// Who calls it off and why: by default the caller's role, reason not given; zitdag's own
    /// parties and reasons are not the caller's to give.
    func cause(of caller: Principal) throws -> CancellationCause {
        let parties: [CancellationCause.Party] = [.jobSeeker, .consultant, .coach, .coordinator]
        let by = try cancelledBy.map { text in
            guard let party = CancellationCause.Party(rawValue: text), parties.contains(party) else {
                throw APIProblem(.unprocessableContent, Text("cancelled_by: \"\(text)\" is not job_seeker, consultant, coach or coordinator"), field: "cancelled_by")
            }
            return party
        } ?? (caller.role == .coordinator ? .coordinator : .consultant)
        let reason = try reason.map { text in
            guard let reason = CancellationCause.Reason(rawValue: text), CancellationCause.Reason.given.contains(reason) else {
                throw APIProblem(
                    .unprocessableContent, Text("reason: \"\(text)\" is not \(CancellationCause.Reason.given.map(\.rawValue).joined(separator: ", "))"), field: "reason")
            }
            return reason
        } ?? .notGiven
        return CancellationCause(by: by, reason: reason)
    }
}

struct PlanRequestBody: ClientBody {
    var from: String
    var to: String
    var dryRun: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case from, to, dryRun = "dry_run"
    }
}

extension Request {
    /// The body as `T`: 413 when too large, 400 when not a JSON object, 422 naming the field when a
    /// key is unknown, missing or of the wrong type.
    mutating func decode<T: ClientBody>(_: T.Type, context: APIContext) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: context.maxUploadSize)
        } catch {
            throw APIProblem(.contentTooLarge, Text("the body is larger than \(context.maxUploadSize / 1024) KiB"))
        }
        // No body reads as `{}`: an action whose fields are all optional needs none.
        let data = buffer.readableBytes == 0 ? Data("{}".utf8) : Data(buffer.readableBytesView)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw APIProblem(.badRequest, Text("the body must be a JSON object"))
        }
        try Self.check(object, known: Set(T.CodingKeys.allCases.map(\.rawValue)), path: "", elementKeys: T.elementKeys)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            // A value the decoder could not take (numbers that are not whole 64-bit ones are caught before).
            let field = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            throw APIProblem(.unprocessableContent, Text("\(field): could not be read (\(context.debugDescription))"), field: field)
        } catch let DecodingError.keyNotFound(key, context) {
            let field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw APIProblem(.unprocessableContent, Text("\(field): missing"), field: field)
        } catch let DecodingError.typeMismatch(type, context) {
            let field = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            throw APIProblem(.unprocessableContent, Text("\(field): must be \(Self.describe(type))"), field: field)
        } catch let DecodingError.valueNotFound(type, context) {
            let field = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            throw APIProblem(.unprocessableContent, Text("\(field): must be \(Self.describe(type)), not null"), field: field)
        } catch {
            throw APIProblem(.badRequest, Text("the body could not be read as JSON"))
        }
    }

    /// Refuses keys the body does not have, at any depth, and `null` anywhere: the document declares
    /// no field nullable, and a `null` read as "absent" once committed a plan meant as a dry run.
    private static func check(_ object: [String: Any], known: Set<String>, path: String, elementKeys: [String: Set<String>]) throws {
        for key in object.keys.sorted() {
            let field = path + key
            guard known.contains(key) else {
                throw APIProblem(.unprocessableContent, Text("unknown key \"\(field)\" (allowed: \(known.sorted().joined(separator: ", ")))"), field: field)
            }
            let value = object[key]!
            if value is NSNull { throw APIProblem(.unprocessableContent, Text("\(field): must not be null (leave it out instead)"), field: field) }
            // Every number of the API is an integer. Foundation's decoder reports one with a fraction, or
            // beyond 64 bits, as "not valid JSON" without saying where: said here, naming the field.
            if let number = value as? NSNumber, !(value is Bool), !Self.isWhole(number) {
                throw APIProblem(.unprocessableContent, Text("\(field): must be a whole number within 64 bits, not \(number.stringValue)"), field: field)
            }
            if let keys = elementKeys[key], let elements = value as? [Any] {
                for (index, element) in elements.enumerated() {
                    if element is NSNull { throw APIProblem(.unprocessableContent, Text("\(field).\(index): must not be null"), field: "\(field).\(index)") }
                    if let element = element as? [String: Any] {
                        try check(element, known: keys, path: "\(field).\(index).", elementKeys: [:])
                    }
                }
            }
        }
    }

    private static func isWhole(_ number: NSNumber) -> Bool {
        if number is NSDecimalNumber { return Int64(number.stringValue) != nil }
        let type = String(cString: number.objCType)
        return type != "d" && type != "f" || Int64(exactly: number.doubleValue) != nil
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "an array" : "an object"
        }
    }
}
