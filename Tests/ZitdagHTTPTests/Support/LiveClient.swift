import Foundation
import HTTPTypes
import Hummingbird
import ZitdagHTTP

/// An answer as read off the socket.
struct Answer: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
}

/// What went wrong talking to the live server.
struct LiveClientError: Error, CustomStringConvertible {
    var description: String
}

/// A client of the application `zitdag serve` runs, over a real socket on loopback: HTTP/1.1, one
/// connection a request (closed by asking `Connection: close`), read on a thread of its own so the
/// server in this process keeps the cooperative and Dispatch threads.
struct LiveClient: Sendable {
    let port: Int

    /// A request with a bearer token and a JSON body, asking for English words (the tests read them
    /// so) unless `extra` says otherwise.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String?, json: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> Answer {
        var headers = extra
        if headers[.acceptLanguage] == nil { headers[.acceptLanguage] = "en" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json)
    }

    func execute(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: String? = nil) async throws -> Answer {
        var head = "\(method.rawValue) \(uri) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for field in headers { head += "\(field.name.rawName): \(field.value)\r\n" }
        let bytes = Array(body?.utf8 ?? "".utf8)
        if body != nil { head += "Content-Length: \(bytes.count)\r\n" }
        let raw = Array((head + "\r\n").utf8) + bytes
        let port = port
        let received = try await Self.offThread { try Self.exchange(port: port, raw, timeout: 20) }
        guard received.closed else { throw LiveClientError(description: "\(method) \(uri): no answer within 20 s") }
        return try Self.parse(received.bytes, method: method)
    }

    /// Runs blocking socket work on a thread of its own: not one of Dispatch's, which the server's
    /// store work needs (twenty clients waiting there starved the server they waited for).
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// A socket connected to the server on loopback.
    static func connected(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw LiveClientError(description: "could not connect to 127.0.0.1:\(port) (errno \(errno))")
        }
        return fd
    }

    /// Sends `raw` and reads until the server closes the connection (`closed`) or is silent for
    /// `timeout` seconds.
    static func exchange(port: Int, _ raw: [UInt8], timeout: Int) throws -> (bytes: [UInt8], closed: Bool) {
        let fd = try connected(port: port)
        defer { close(fd) }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < raw.count {
            let count = raw[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw LiveClientError(description: "send failed (errno \(errno))") }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return (received, true) }
            if count < 0 { return (received, false) }
            received += buffer.prefix(count)
        }
    }

    /// Status line, header fields and body (by Content-Length, chunked, or up to the close).
    static func parse(_ bytes: [UInt8], method: HTTPRequest.Method) throws -> Answer {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = bytes.firstRange(of: separator) else {
            throw LiveClientError(description: "an answer without a complete head: \(String(decoding: bytes, as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, let code = Int(statusParts[1]) else {
            throw LiveClientError(description: "not a status line: \(lines[0])")
        }
        var headers = HTTPFields()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), let name = HTTPField.Name(String(line[..<colon])) else {
                throw LiveClientError(description: "not a header line: \(line)")
            }
            headers.append(HTTPField(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Array(bytes[end.upperBound...])
        if method == .head || code == 204 || code == 304 {
            body = []
        } else if headers[.transferEncoding]?.lowercased() == "chunked" {
            body = try dechunked(body)
        } else if let length = headers[.contentLength].flatMap({ Int($0) }) {
            guard body.count >= length else { throw LiveClientError(description: "the body ended after \(body.count) of \(length) bytes") }
            body = Array(body.prefix(length))
        }
        return Answer(status: HTTPResponse.Status(code: code, reasonPhrase: statusParts.count > 2 ? String(statusParts[2]) : ""), headers: headers, body: body)
    }

    static func dechunked(_ bytes: [UInt8]) throws -> [UInt8] {
        var body: [UInt8] = []
        var rest = bytes[...]
        let lineEnd: [UInt8] = Array("\r\n".utf8)
        while let line = rest.firstRange(of: lineEnd) {
            let sizeText = String(decoding: rest[..<line.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw LiveClientError(description: "not a chunk size: \(sizeText)")
            }
            if size == 0 { return body }
            let start = line.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size + 2 else { throw LiveClientError(description: "a chunk cut short") }
            body += rest[start..<rest.index(start, offsetBy: size)]
            rest = rest[rest.index(start, offsetBy: size + 2)...]
        }
        throw LiveClientError(description: "the chunked body has no last chunk")
    }
}

extension API {
    /// Serves the application `zitdag serve` runs on a free loopback port for the length of `test`.
    func live(_ test: @Sendable (LiveClient) async throws -> Void) async throws {
        let (ports, started) = AsyncStream.makeStream(of: Int.self)
        let application = application(host: "127.0.0.1", port: 0) { port in
            started.yield(port)
            started.finish()
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { started.finish() }  // a server that fails to start ends the wait for its port
                try await application.runService(gracefulShutdownSignals: [])
            }
            defer { group.cancelAll() }
            guard let port = await ports.first(where: { _ in true }) else {
                throw LiveClientError(description: "the server did not start")
            }
            try await test(LiveClient(port: port))
        }
    }
}
