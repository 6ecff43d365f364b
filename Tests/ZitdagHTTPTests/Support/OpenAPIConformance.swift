import Foundation
import Testing
import Yams
import ZitdagHTTP

/// Holds real responses to the OpenAPI document: the operation and status must be documented, and a
/// JSON body must match its schema (types, required properties, enums, no undocumented properties).
/// Unchecked Sendable: the parsed document is never changed after `init`.
struct OpenAPIConformance: @unchecked Sendable {
    let document: [String: Any]

    init() throws {
        document = try #require(try Yams.load(yaml: OpenAPIDocument.text) as? [String: Any])
    }

    /// The problems with a response to `method path` (a template such as `/v1/appointments/{id}/move`).
    func problems(_ method: String, _ path: String, _ response: Answer) -> [String] {
        guard let paths = document["paths"] as? [String: Any], let item = paths[path] as? [String: Any],
            let operation = item[method.lowercased()] as? [String: Any], let responses = operation["responses"] as? [String: Any]
        else { return ["\(method) \(path) is not documented"] }
        let status = String(response.status.code)
        guard var documented = responses[status] as? [String: Any] else {
            return ["\(method) \(path) answered \(status), which is not documented (\(responses.keys.sorted()))"]
        }
        documented = resolve(documented)
        guard let content = documented["content"] as? [String: Any] else { return [] }
        let type = response.headers[.contentType]?.split(separator: ";").first.map(String.init) ?? ""
        guard let media = content[type] as? [String: Any] else {
            return ["\(method) \(path) \(status): content type \(type) is not documented (\(content.keys.sorted()))"]
        }
        guard let schema = media["schema"] as? [String: Any] else { return [] }
        // A text body (the report's CSV file) is documented as a string; only its type is held here.
        if !type.hasSuffix("json") { return resolve(schema)["type"] as? String == "string" ? [] : ["\(method) \(path) \(status): a \(type) body needs a string schema"] }
        guard let value = response.json else { return ["\(method) \(path) \(status): the body is not JSON"] }
        return validate(value, against: schema, at: "\(method) \(path) \(status)")
    }

    /// A schema with its `$ref` followed.
    func resolved(_ node: [String: Any]) -> [String: Any] { resolve(node) }

    private func resolve(_ node: [String: Any]) -> [String: Any] {
        guard let ref = node["$ref"] as? String else { return node }
        var current: Any = document
        for part in ref.dropFirst(2).split(separator: "/") {
            current = (current as? [String: Any])?[String(part)] ?? [:]
        }
        return resolve(current as? [String: Any] ?? [:])
    }

    func validate(_ value: Any, against node: [String: Any], at path: String) -> [String] {
        let schema = resolve(node)
        if let values = schema["enum"] as? [String], !values.contains(value as? String ?? "") {
            return ["\(path): \(value) is not one of \(values)"]
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            var problems: [String] = []
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing required \(key)")
            }
            for (key, child) in object {
                if let property = properties[key] as? [String: Any] {
                    problems += validate(child, against: property, at: "\(path).\(key)")
                } else if !properties.isEmpty {
                    problems.append("\(path): undocumented property \(key)")
                }
            }
            return problems
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            return array.enumerated().flatMap { validate($1, against: items, at: "\(path)[\($0)]") }
        case "string": return value is String ? [] : ["\(path): not a string"]
        case "integer":
            guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else { return ["\(path): not an integer"] }
            return []
        case "boolean": return value is Bool ? [] : ["\(path): not a boolean"]
        default: return []
        }
    }
}
