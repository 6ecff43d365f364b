import ArgumentParser
import Foundation
import ZitdagCore

/// What ends a command early, with the exit status it gives.
///
/// Bad input exits with 2 (as the problem format asks), an invalid plan with 1.
struct CommandError: Error, CustomStringConvertible, TextConvertible {
    var text: Text
    var status: Int32

    var description: String { text.description }

    static func input(_ message: Text) -> CommandError { CommandError(text: message, status: 2) }
    static func output(_ message: Text) -> CommandError { CommandError(text: message, status: 1) }

    /// The one option given among `options` (each its name and value), or bad input naming them all:
    /// how every "give exactly one of" check reads.
    static func one<Value>(of options: [(name: String, value: Value?)]) throws(CommandError) -> (name: String, value: Value) {
        let given = options.compactMap { option in option.value.map { (option.name, $0) } }
        guard given.count == 1 else {
            let names = options.map(\.name)
            throw input(Text("give exactly one of \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "")"))
        }
        return given[0]
    }

    static func format(_ path: String, _ error: FormatError) -> CommandError {
        var error = error
        error.file = path
        let count = error.issues.count
        return CommandError(text: Text("\(path): \(count: count, "error"):\n\(error.text)"), status: 2)
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a ``CommandError`` into a message on stderr and its exit status.
    func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CommandError {
            printError(Text("zitdag: \(error.text)"))
            throw ExitCode(error.status)
        }
    }
}

/// Writes a line to stderr. A failed write (a full disk, `2>/dev/full`) is ignored: FileHandle's
/// `write` trapped on it (SIGILL, exit 132), which also took `zitdag serve` down at its first log line.
func printError(_ text: Text) {
    Terminal.put(text.cli + "\n", to: .error)
}

/// Writing to the standard streams without trapping, and knowing whether it worked.
enum Terminal {
    enum Stream: Int32 {
        case output = 1
        case error = 2
    }

    /// Writes `text` whole (after whatever `print` buffered); false when it could not.
    @discardableResult
    static func put(_ text: String, to stream: Stream) -> Bool {
        fflush(nil)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(stream.rawValue, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
