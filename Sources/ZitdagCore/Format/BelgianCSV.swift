/// CSV that Belgian spreadsheets open as columns without an import dialog: semicolons between
/// fields (the comma is the decimal sign there), UTF-8 with a byte order mark (else accents break),
/// CRLF line ends, fields with a semicolon, quote or line break quoted.
public enum BelgianCSV {
    public static func text(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
