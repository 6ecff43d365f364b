/// Outlook and Exchange name time zones the Windows way ("Romance Standard
/// Time"); zitdag reads them as the IANA zones CLDR maps them to.
enum WindowsTimeZones {
    static func iana(for name: String) -> String? {
        table[name] ?? table[name.replacingOccurrences(of: " Daylight Time", with: " Standard Time")]
            ?? displayName(name)
    }

    /// Outlook's display names, "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris": the first city
    /// that names an IANA zone, or the North American region names.
    private static func displayName(_ name: String) -> String? {
        for (region, zone) in regions where name.contains(region) { return zone }
        var best: (position: String.Index, zone: String)?
        for (city, zone) in cities {
            if let range = name.range(of: city), best.map({ range.lowerBound < $0.position }) ?? true {
                best = (range.lowerBound, zone)
            }
        }
        return best?.zone
    }

    private static let regions = [
        ("Eastern Time", "America/New_York"), ("Central Time", "America/Chicago"), ("Mountain Time", "America/Denver"),
        ("Pacific Time", "America/Los_Angeles"),
    ]

    /// "Brussels" -> "Europe/Brussels", for every IANA zone whose last part is a city.
    private static let cities: [(String, String)] = TimeZone.knownTimeZoneIdentifiers.compactMap { identifier in
        guard let city = identifier.split(separator: "/").last, identifier.contains("/") else { return nil }
        return (city.replacingOccurrences(of: "_", with: " "), identifier)
    }

    /// IANA names by their lowercased spelling, for files that write "europe/lisbon".
    static let lowercased: [String: String] = Dictionary(
        TimeZone.knownTimeZoneIdentifiers.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    /// The common names (CLDR windowsZones, territory 001).
    static let table: [String: String] = [
        "Romance Standard Time": "Europe/Paris", "W. Europe Standard Time": "Europe/Berlin",
        "Central Europe Standard Time": "Europe/Budapest", "Central European Standard Time": "Europe/Warsaw",
        "GMT Standard Time": "Europe/London", "Greenwich Standard Time": "Atlantic/Reykjavik",
        "E. Europe Standard Time": "Europe/Chisinau", "FLE Standard Time": "Europe/Kiev",
        "GTB Standard Time": "Europe/Bucharest", "Russian Standard Time": "Europe/Moscow",
        "Turkey Standard Time": "Europe/Istanbul", "Morocco Standard Time": "Africa/Casablanca",
        "W. Central Africa Standard Time": "Africa/Lagos", "South Africa Standard Time": "Africa/Johannesburg",
        "Egypt Standard Time": "Africa/Cairo", "Israel Standard Time": "Asia/Jerusalem",
        "Arab Standard Time": "Asia/Riyadh", "Arabian Standard Time": "Asia/Dubai", "Iran Standard Time": "Asia/Tehran",
        "India Standard Time": "Asia/Calcutta", "China Standard Time": "Asia/Shanghai",
        "Tokyo Standard Time": "Asia/Tokyo", "Korea Standard Time": "Asia/Seoul",
        "Singapore Standard Time": "Asia/Singapore", "AUS Eastern Standard Time": "Australia/Sydney",
        "E. Australia Standard Time": "Australia/Brisbane", "Cen. Australia Standard Time": "Australia/Adelaide",
        "W. Australia Standard Time": "Australia/Perth", "New Zealand Standard Time": "Pacific/Auckland",
        "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver", "US Mountain Standard Time": "America/Phoenix",
        "Pacific Standard Time": "America/Los_Angeles", "Alaskan Standard Time": "America/Anchorage",
        "Hawaiian Standard Time": "Pacific/Honolulu", "Atlantic Standard Time": "America/Halifax",
        "Canada Central Standard Time": "America/Regina", "Newfoundland Standard Time": "America/St_Johns",
        "E. South America Standard Time": "America/Sao_Paulo", "Argentina Standard Time": "America/Buenos_Aires",
        "SA Pacific Standard Time": "America/Bogota", "Mexico Standard Time": "America/Mexico_City",
        "Central Standard Time (Mexico)": "America/Mexico_City", "UTC": "Etc/UTC", "Coordinated Universal Time": "Etc/UTC",
    ]
}

import Foundation
