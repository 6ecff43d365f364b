import Foundation

/// A submitted form (`application/x-www-form-urlencoded`): its fields by name, repeated names kept
/// in order.
struct Form: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    init(fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// Parses a urlencoded body or query string.
    init(encoded text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields.append((Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : ""))
        }
    }

    /// Parses a submitted body: `multipart/form-data` (a file upload: each part by its name, a file
    /// as its text) or else urlencoded.
    static func parse(body: String, contentType: String?) -> Form {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = contentType.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.hasPrefix("boundary=") })?.dropFirst("boundary=".count)
        else { return Form(encoded: body) }
        var form = Form()
        let delimiter = "--" + boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        for part in body.components(separatedBy: delimiter).dropFirst() {
            guard !part.hasPrefix("--"), let split = part.range(of: "\r\n\r\n") else { continue }
            let head = part[..<split.lowerBound]
            guard let name = head.firstMatch(of: /name="([^"]*)"/)?.output.1 else { continue }
            var value = String(part[split.upperBound...])
            if value.hasSuffix("\r\n") { value.removeLast() }
            form.fields.append((String(name), value))
        }
        return form
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value of `name`, trimmed; `nil` when absent or empty.
    subscript(_ name: String) -> String? {
        let value = fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
        return value?.isEmpty == false ? value : nil
    }

    /// Every value of `name`.
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// A checkbox: present means on.
    func checked(_ name: String) -> Bool { self[name] != nil }
}
