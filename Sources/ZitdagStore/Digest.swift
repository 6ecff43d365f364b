import Crypto
import Foundation

/// SHA-256 in lower-case hex, for token hashes, ETags and idempotency fingerprints.
public enum Digest {
    /// The first `bytes` bytes of the digest of `text`, as hex.
    public static func hex(_ text: String, bytes: Int = 32) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(bytes).map { String(format: "%02x", $0) }.joined()
    }
}
