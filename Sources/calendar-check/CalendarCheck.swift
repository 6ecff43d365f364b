// Runs the iCalendar module over outside input, for the two checks a test bundle cannot host:
// valgrind (`make leak-check`: the test bundle's debug information is beyond valgrind, a small
// synchronous program is not) and libFuzzer (`make fuzz`: built with -DFUZZING, libFuzzer calls
// `LLVMFuzzerTestOneInput` with mutated files). Files are read with plain POSIX calls because
// Foundation's FileManager.contents leaks a 4 KiB buffer.
#if canImport(Glibc)
import Glibc
#endif
import ZitdagCalendar
import ZitdagCore

let zone = Zone.brussels
let window = Span(
    start: zone.instant(for: LocalDateTime(iso: "2000-01-01T00:00:00")!)!,
    end: zone.instant(for: LocalDateTime(iso: "2030-01-01T00:00:00")!)!)

/// Everything zitdag does with a calendar from outside: import it as an agenda, read it as
/// zitdagen, and write those as a feed and read that back. Returns whether it was imported.
func exercise(_ bytes: [UInt8], name: String) -> Bool {
    do {
        _ = try BusyImport(zone: zone, window: window, occurrenceLimit: 20_000).busy(in: bytes, file: name)
        if let sessions = try? SessionCalendar(zone: zone, occurrenceLimit: 20_000).sessions(in: [(name, bytes)], window: window),
            !sessions.isEmpty
        {
            let entries = sessions.map { CalendarEntry(uid: $0.id, span: $0.span, summary: Text(verbatim: $0.coach), location: $0.location) }
            let feed = try FeedWriter(zone: zone).write(name: Text(verbatim: name), entries: entries, stamp: window.start)
            _ = try CalendarEntries.read(Array(feed.utf8), file: name, window: window)
        }
        return true
    } catch {
        return false
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = exercise(bytes, name: "fuzz.ics")
    return 0
}
#else
@main
enum CalendarCheck {
    static func main() {
        // `--expand N FILE`: only expand FILE's zitdagen N times, for profiling.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count == 3, arguments[0] == "--expand", let times = Int(arguments[1]) {
            let bytes = read(arguments[2])
            var count = 0
            for _ in 0..<times { count += (try? SessionCalendar(zone: zone).sessions(in: [(arguments[2], bytes)], window: window).count) ?? 0 }
            CalendarMemory.releaseCaches()
            print("\(count) sessions")
            return
        }
        var imported = 0
        var refused = 0
        for path in CommandLine.arguments.dropFirst() {
            if exercise(read(path), name: path) { imported += 1 } else { refused += 1 }
        }
        CalendarMemory.releaseCaches()
        print("\(imported) imported, \(refused) refused")
    }

    static func read(_ path: String) -> [UInt8] {
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
}
#endif
