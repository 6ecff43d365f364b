import Foundation
import Hummingbird
import ZitdagCore
import ZitdagStore

/// An error as RFC 9457 problem details (`application/problem+json`): a status, a title, what went
/// wrong in words (in the language Accept-Language asks for, Dutch by default), and the field it
/// concerns when there is one.
public struct APIProblem: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var detail: Text
    public var field: String?
    /// For 409 after a taken slot: what is free now.
    public var next: [OfferBody]?
    public var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ detail: Text, field: String? = nil, next: [OfferBody]? = nil) {
        self.status = status
        self.detail = detail
        self.field = field
        self.next = next
    }

    struct Body: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
        var field: String?
        var next: [OfferBody]?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let detail = detail.rendered(by: request.renderer)
        let body = Body(title: status.reasonPhrase, status: status.code, detail: detail, field: field, next: next)
        let data = try JSONEncoder.api.encode(body)
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The store's refusal as an HTTP answer. The store names fields as the problem format and most
    /// of the API do; `fields` maps those a route names otherwise.
    static func from(_ error: StoreError, zone: Zone, fields: [String: String] = [:]) -> APIProblem {
        switch error.code {
        case .invalid:
            {
                let field = error.field.map { fields[$0] ?? $0 }
                return APIProblem(.unprocessableContent, field.map { Text("\($0): \(error.message)") } ?? error.message, field: field)
            }()
        case .unknown: APIProblem(.notFound, error.message)
        case .taken:
            APIProblem(.conflict, error.text, next: error.next.map { OfferBody($0, zone: zone) })
        case .noRoom, .conflict: APIProblem(.conflict, error.text)
        case .locked:
            {
                var problem = APIProblem(.serviceUnavailable, Text("the database is busy; try again in a moment"))
                problem.headers[.retryAfter] = "1"
                return problem
            }()
        case .unusable: APIProblem(.serviceUnavailable, Text("the database is unavailable"))
        }
    }
}

extension JSONEncoder {
    /// Snake-case keys, sorted, as the OpenAPI document describes them.
    static let api: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}

extension JSONDecoder {
    static let api: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()
}
