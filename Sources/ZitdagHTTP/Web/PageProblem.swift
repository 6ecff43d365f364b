import Hummingbird
import ZitdagCore
import ZitdagStore

/// A refusal on a page: its HTTP status and what to tell the person, either a catalog text (`key`,
/// with `values`) or the store's own words. Rendered once, by ``Pages/problem(_:visit:)``.
struct PageProblem: Error, Sendable {
    var status: HTTPResponse.Status
    var key: String?
    var values: [String: String] = [:]
    var message: String?
    var field: String?

    init(_ status: HTTPResponse.Status, key: String, values: [String: String] = [:], field: String? = nil) {
        self.status = status
        self.key = key
        self.values = values
        self.field = field
    }

    init(_ status: HTTPResponse.Status, message: String) {
        self.status = status
        self.message = message
    }

    /// The store's refusal, with the status the API gives it (one mapping for both edges).
    static func from(_ error: StoreError, zone: Zone) -> PageProblem {
        PageProblem(APIProblem.from(error, zone: zone).status, message: error.description)
    }

    /// The API's refusal (a permission rule's, say) with its status and words.
    static func from(_ problem: APIProblem) -> PageProblem {
        PageProblem(problem.status, message: problem.detail)
    }
}
