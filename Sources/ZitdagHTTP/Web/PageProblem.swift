import ZitdagCore
import Hummingbird

/// A refusal on a page: its HTTP status and what to tell the person, either a catalog text (`key`,
/// with `values`) or the words of the API's refusal. Rendered once, by ``Pages/problem(_:visit:language:)``.
struct PageProblem: Error, Sendable {
    var status: HTTPResponse.Status
    var key: String?
    var values: [String: String] = [:]
    var message: Text?
    var field: String?

    init(_ status: HTTPResponse.Status, key: String, values: [String: String] = [:], field: String? = nil) {
        self.status = status
        self.key = key
        self.values = values
        self.field = field
    }

    init(_ status: HTTPResponse.Status, message: Text) {
        self.status = status
        self.message = message
    }

    /// A form field that must be filled in and was not.
    static func missing(_ field: String) -> PageProblem {
        PageProblem(.unprocessableContent, key: "error_missing", values: ["field": field], field: field)
    }

    /// The API's refusal (a store's or a permission rule's, mapped once by ``API/work(fields:_:)``)
    /// with its status and words.
    static func from(_ problem: APIProblem) -> PageProblem {
        PageProblem(problem.status, message: problem.detail)
    }
}
