import Foundation

/// The funders' report as columns: the same figures for the terminal, the pages and the CSV file.
extension FundersReport {
    /// A column: its heading, and its cell in a row (`nil` when there is nothing to say, such as a
    /// median of no waits).
    public struct Column: Sendable {
        public var heading: Text
        public var value: @Sendable (Row) -> Cell?
        /// Shown in the short table (terminal, page); the CSV file has every column.
        public var short: Bool
    }

    public enum Cell: Sendable, Hashable {
        case count(Int)
        /// A value with one decimal (a percentage).
        case decimal(Double)
        case text(Text)
    }

    public static let columns: [Column] = {
        var columns: [Column] = [
            Column(heading: Text("month"), value: { .text(Text(verbatim: $0.month)) }, short: true),
            Column(heading: Text("location"), value: { .text($0.location.map { Text(verbatim: $0) } ?? Text("whole city")) }, short: true),
            Column(heading: Text("people reached"), value: { .count($0.reached) }, short: true),
        ]
        for level in DigitalLevel.allCases {
            columns.append(Column(heading: Text("intakes \(level.words)"), value: { .count($0.intakes[level] ?? 0) }, short: true))
        }
        columns += [
            Column(heading: Text("appointments"), value: { .count($0.booked) }, short: true),
            Column(heading: Text("attended"), value: { .count($0.attended) }, short: true),
            Column(heading: Text("no-shows"), value: { .count($0.noShows) }, short: true),
            Column(heading: Text("cancelled"), value: { .count($0.cancelled) }, short: true),
        ]
        for party in CancellationCause.Party.allCases {
            columns.append(Column(heading: Text("cancelled by \(party.words)"), value: { .count($0.cancelledBy[party] ?? 0) }, short: false))
        }
        for reason in CancellationCause.Reason.allCases {
            columns.append(Column(heading: Text("cancelled: \(reason.words)"), value: { .count($0.cancelReasons[reason] ?? 0) }, short: false))
        }
        columns += [
            Column(heading: Text("show rate %"), value: { $0.showRate.map { .decimal($0) } }, short: false),
            Column(heading: Text("devices on loan"), value: { .count($0.devicesOnLoan) }, short: true),
            Column(heading: Text("first appointments"), value: { .count($0.waits.count) }, short: false),
            Column(heading: Text("days to first appointment, median"), value: { $0.waitMedian.map { .count($0) } }, short: true),
            Column(heading: Text("days to first appointment, 90th percentile"), value: { $0.waitP90.map { .count($0) } }, short: true),
        ]
        return columns
    }()

    /// The report as text cells for `renderer`'s reader: a heading row, then a row per month and place.
    /// `decimalComma` writes 85,7 (for Belgian spreadsheets and readers) instead of 85.7.
    public func cells(by renderer: Text.Renderer, short: Bool = false, decimalComma: Bool) -> [[String]] {
        let chosen = Self.columns.filter { $0.short || !short }
        return [chosen.map { $0.heading.rendered(by: renderer) }]
            + rows.map { row in
                chosen.map { column in
                    switch column.value(row) {
                    case nil: ""
                    case .count(let n): String(n)
                    case .decimal(let x):
                        decimalComma ? Self.oneDecimal(x).replacingOccurrences(of: ".", with: ",") : Self.oneDecimal(x)
                    case .text(let text): text.rendered(by: renderer)
                    }
                }
            }
    }

    static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
