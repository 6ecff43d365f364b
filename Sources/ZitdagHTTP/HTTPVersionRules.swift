import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// What an HTTP/1 request's version decides, which Hummingbird no longer sees once the request is
/// converted to HTTP types: an HTTP/1.0 connection closes after its answer unless the client asked
/// for keep-alive (and an HTTP/1.1 one when it said `Connection: close`), and an HTTP/1.0 request
/// may lack Host (RFC 9112 §3.2: the server's own authority stands in for it).
///
/// The request reaches Hummingbird marked `Connection: close`, which it honours by closing after
/// the response.
final class HTTPVersionRules: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else { return context.fireChannelRead(data) }
        if !head.isKeepAlive { head.headers.replaceOrAdd(name: "connection", value: "close") }
        if head.version == .http1_0, !head.headers.contains(name: "host") {
            let local = context.channel.localAddress
            head.headers.add(name: "host", value: "\(local?.ipAddress ?? "localhost"):\(local?.port ?? 80)")
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    /// Hummingbird adds extra handlers after the conversion to HTTP types: this one, added there, puts
    /// ``HTTPVersionRules`` before the conversion.
    final class Installer: ChannelInboundHandler, RemovableChannelHandler {
        // It reads nothing itself: every part passes on untouched.
        typealias InboundIn = NIOAny

        func handlerAdded(context: ChannelHandlerContext) {
            let pipeline = context.pipeline.syncOperations
            guard let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) else { return }
            try? pipeline.addHandler(HTTPVersionRules(), position: .before(codec))
        }
    }
}
