import Foundation

/// The OpenAPI 3.1 document of the API (`Sources/ZitdagHTTP/openapi.yaml`), served at `/openapi.yaml`.
/// The tests hold the real responses to it.
public enum OpenAPIDocument {
    public static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"), let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "openapi: 3.1.0\ninfo: {title: zitdag, version: '1'}\npaths: {}\n" }
        return text
    }()
}
