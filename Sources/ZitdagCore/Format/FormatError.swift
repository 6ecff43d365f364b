/// One thing wrong in a problem or plan file, and where.
public struct FormatIssue: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the file (0 when unknown).
    public var line: Int
    /// The JSON path of the offending value, e.g. `requests[3].priority`.
    public var path: String
    /// The id of the session, consultant or request it belongs to, when known.
    public var id: String?
    public var message: String

    public init(line: Int, path: String, id: String? = nil, message: String) {
        self.line = line
        self.path = path
        self.id = id
        self.message = message
    }

    public var description: String {
        let place = id.map { "\(path) (id \($0))" } ?? path
        return "line \(line): \(place.isEmpty ? "" : place + ": ")\(message)"
    }
}

/// A problem or plan file that cannot be used, with every issue found in it.
public struct FormatError: Error, Sendable, CustomStringConvertible {
    /// The file's name, filled in by whoever read it.
    public var file: String?
    public var issues: [FormatIssue]

    public init(file: String? = nil, issues: [FormatIssue]) {
        self.file = file
        self.issues = issues
    }

    public var description: String {
        let prefix = file.map { "\($0):" } ?? ""
        let lines = issues.map { issue in
            issue.line > 0 ? "\(prefix)\(issue)" : "\(prefix) \(issue.description.dropFirst("line 0: ".count))"
        }
        return lines.joined(separator: "\n")
    }
}
