import Foundation
import ZitdagCore

/// Reading and writing the files the commands work on, with errors that name the file.
enum Files {
    /// Files larger than this are refused before they are read.
    static let maximumSize = 512 * 1024 * 1024

    static func read(_ path: String) throws(CommandError) -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else { throw CommandError.input(Text("\(path): no such file")) }
        if let size = attributes[.size] as? Int, size > maximumSize {
            throw CommandError.input(Text("\(path): \(size) bytes is more than the \(maximumSize / 1_048_576) MiB zitdag reads"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.input(Text("\(path): cannot be read"))
        }
        return [UInt8](data)
    }

    static func problem(_ path: String) throws(CommandError) -> Problem {
        let bytes = try read(path)
        do {
            return try ProblemFile.decode(bytes)
        } catch {
            throw .format(path, error)
        }
    }

    static func plan(_ path: String, zone: Zone) throws(CommandError) -> Plan {
        let bytes = try read(path)
        do {
            return try PlanFile.decode(bytes, zone: zone)
        } catch {
            throw .format(path, error)
        }
    }

    /// Makes a folder (and its parents) unless it exists.
    static func makeFolder(_ path: String) throws(CommandError) {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw CommandError.output(Text("\(path): cannot be made (\(error.localizedDescription))"))
        }
    }

    /// Writes all of `text` or nothing: a temporary file renamed over the target.
    static func write(_ text: String, to path: String) throws(CommandError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandError.output(Text("\(path): cannot be written (\(error.localizedDescription))"))
        }
    }
}
