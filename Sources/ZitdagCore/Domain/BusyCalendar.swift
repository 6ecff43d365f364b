/// Times someone is not available, merged and sorted so a question costs a
/// binary search. Overlapping and touching intervals merge.
public struct BusyCalendar: Sendable, Hashable {
    /// Disjoint, sorted, non-touching spans.
    public private(set) var spans: [Span]

    public init(_ spans: [Span] = []) {
        let sorted = spans.filter { $0.start < $0.end }.sorted { $0.start < $1.start }
        var merged: [Span] = []
        for span in sorted {
            if let last = merged.last, span.start <= last.end {
                merged[merged.count - 1].end = max(last.end, span.end)
            } else {
                merged.append(span)
            }
        }
        self.spans = merged
    }

    /// Spans already in time order, apart and not touching (checked in debug builds only): no sorting.
    init(ordered spans: [Span]) {
        assert(zip(spans, spans.dropFirst()).allSatisfy { $0.end < $1.start } && spans.allSatisfy { $0.start < $0.end })
        self.spans = spans
    }

    /// Whether nothing in the calendar overlaps `span`.
    public func isFree(_ span: Span) -> Bool {
        // The first stored span that ends after `span` starts is the only one that can overlap.
        let low = firstEnding(after: span.start)
        return low == spans.count || !spans[low].overlaps(span)
    }

    /// The stored spans that overlap `span`, in time order.
    func spans(overlapping span: Span) -> ArraySlice<Span> {
        let first = firstEnding(after: span.start)
        var last = first
        while last < spans.count && spans[last].start < span.end { last += 1 }
        return spans[first..<last]
    }

    /// The index of the first stored span that ends after `instant`.
    private func firstEnding(after instant: Instant) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].end <= instant { low = mid + 1 } else { high = mid }
        }
        return low
    }

    public var isEmpty: Bool { spans.isEmpty }
}
