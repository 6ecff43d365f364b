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

    /// `requests[3].priority (id R4): must be ...`, without the line.
    public var detail: String {
        let place = id.map { "\(path) (id \($0))" } ?? path
        return (place.isEmpty ? "" : place + ": ") + message
    }

    public var description: String {
        line > 0 ? "line \(line): \(detail)" : detail
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

    /// One issue a line, as compilers write them: `problem.json:17: requests[0].priority (id R1): ...`.
    public var description: String {
        issues.map { issue in
            guard let file else { return issue.description }
            return issue.line > 0 ? "\(file):\(issue.line): \(issue.detail)" : "\(file): \(issue.detail)"
        }.joined(separator: "\n")
    }
}
