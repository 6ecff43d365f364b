import ArgumentParser
import Foundation
import ZitdagCore

/// What ends a command early, with the exit status it gives.
///
/// Bad input exits with 2 (as the problem format asks), an invalid plan with 1.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    var status: Int32

    static func input(_ message: String) -> CommandError { CommandError(description: message, status: 2) }
    static func output(_ message: String) -> CommandError { CommandError(description: message, status: 1) }

    static func format(_ path: String, _ error: FormatError) -> CommandError {
        var error = error
        error.file = path
        let count = error.issues.count
        return CommandError(description: "\(path): \(count) error\(count == 1 ? "" : "s"):\n\(error)", status: 2)
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CommandError`` into a message on stderr and its exit status.
    func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CommandError {
            printError("zitdag: \(error.description)")
            throw ExitCode(error.status)
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
