/// One thing wrong in a problem or plan file, and where.
public struct FormatIssue: Sendable, Equatable, CustomStringConvertible, TextConvertible {
    /// 1-based line in the file (0 when unknown).
    public var line: Int
    /// The JSON path of the offending value, e.g. `requests[3].priority`.
    public var path: String
    /// The id of the session, consultant or request it belongs to, when known.
    public var id: String?
    public var message: Text

    public init(line: Int, path: String, id: String? = nil, message: Text) {
        self.line = line
        self.path = path
        self.id = id
        self.message = message
    }

    /// `requests[3].priority (id R4): must be ...`, without the line.
    public var detail: Text {
        if let id { return Text("\(path) (id \(id)): \(message)") }
        return path.isEmpty ? message : Text("\(path): \(message)")
    }

    public var text: Text { line > 0 ? Text("line \(line): \(detail)") : detail }
    public var description: String { text.description }
}

/// A problem or plan file that cannot be used, with every issue found in it.
public struct FormatError: Error, Sendable, CustomStringConvertible, TextConvertible {
    /// The file's name, filled in by whoever read it.
    public var file: String?
    public var issues: [FormatIssue]

    public init(file: String? = nil, issues: [FormatIssue]) {
        self.file = file
        self.issues = issues
    }

    /// One issue a line, as compilers write them: `problem.json:17: requests[0].priority (id R1): ...`.
    public var text: Text {
        Text.joined(
            issues.map { issue in
                guard let file else { return issue.text }
                return issue.line > 0 ? Text("\(file):\(issue.line): \(issue.detail)") : Text("\(file): \(issue.detail)")
            }, separator: "\n")
    }
    public var description: String { text.description }
}
