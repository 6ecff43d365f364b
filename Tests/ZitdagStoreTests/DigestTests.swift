import Testing
import ZitdagStore

/// The store's digests are SHA-256 as everyone computes it: tokens stored by one build are found by the next.
@Suite struct DigestTests {
    /// FIPS 180-2's examples, and the empty string.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func theDigestIsSHA256(text: String, expected: String) {
        #expect(Digest.hex(text) == expected)
    }

    @Test func aShorterDigestIsItsPrefix() {
        #expect(Digest.hex("abc", bytes: 16) == "ba7816bf8f01cfea414140de5dae2223")
        #expect(Digest.hex("zitdag – één", bytes: 12).count == 24)
    }
}
