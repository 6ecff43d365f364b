// Runs the iCalendar module over the files named on the command line, for valgrind: the test
// bundle's debug information is beyond valgrind, a small synchronous program is not. Files are
// read with plain POSIX calls because Foundation's FileManager.contents leaks a 4 KiB buffer.
#if canImport(Glibc)
import Glibc
#endif
import ZitdagCalendar
import ZitdagCore

func read(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { return [] }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return bytes
}

let zone = Zone.brussels
let window = Span(
    start: zone.instant(for: LocalDateTime(iso: "2000-01-01T00:00:00")!)!,
    end: zone.instant(for: LocalDateTime(iso: "2030-01-01T00:00:00")!)!)
var imported = 0
var refused = 0
for path in CommandLine.arguments.dropFirst() {
    let bytes = read(path)
    do {
        _ = try BusyImport(zone: zone, window: window).busy(in: bytes, file: path)
        if let sessions = try? SessionCalendar(zone: zone).sessions(in: [(path, bytes)], window: window), !sessions.isEmpty {
            // Write the sessions as a feed and read it back: the writer's memory is checked too.
            let entries = sessions.map { CalendarEntry(uid: $0.id, span: $0.span, summary: $0.coach, location: $0.location) }
            let feed = try FeedWriter(zone: zone).write(name: path, entries: entries, stamp: window.start)
            _ = try CalendarEntries.read(Array(feed.utf8), file: path, window: window)
        }
        imported += 1
    } catch {
        refused += 1
    }
}
CalendarMemory.releaseCaches()
print("\(imported) imported, \(refused) refused")
