import CLibcrypto

/// SHA-256 in lower-case hex, for token hashes, ETags and idempotency fingerprints.
///
/// Through the system's OpenSSL rather than swift-crypto: the same digest, without compiling a
/// second copy of BoringSSL on every fresh build.
public enum Digest {
    /// The first `bytes` bytes of the digest of `text`, as hex.
    public static func hex(_ text: String, bytes: Int = 32) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let input = Array(text.utf8)
        let done = input.withUnsafeBytes { raw in
            EVP_Digest(raw.baseAddress, raw.count, &digest, &length, EVP_sha256(), nil)
        }
        // EVP_Digest fails only when OpenSSL cannot allocate; nothing sensible can go on then.
        precondition(done == 1 && length == 32, "OpenSSL's SHA-256 failed")
        return digest.prefix(min(bytes, 32)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
