import ZitdagCore
import Foundation
import HTTPTypes
import Hummingbird

/// The pages' style sheet and small scripts, from the bundle, cached by browsers for a day (the
/// layout names them with `?v=`, raised when they change).
enum StaticFiles {
    static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]

    static let files: [String: (type: String, bytes: [UInt8])] = {
        guard let folder = Bundle.module.url(forResource: "Static", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [:] }
        var files: [String: (type: String, bytes: [UInt8])] = [:]
        for name in names {
            guard let type = types[(name as NSString).pathExtension], let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            else { continue }
            files[name] = (type, Array(data))
        }
        return files
    }()

    static func response(_ name: String) throws -> Response {
        guard let file = files[name] else { throw APIProblem(.notFound, Text("no file \(name)")) }
        return Response(
            status: .ok,
            headers: [.contentType: file.type, .cacheControl: "public, max-age=86400", HTTPField.Name("X-Content-Type-Options")!: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
