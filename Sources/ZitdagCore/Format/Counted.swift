/// A count with its noun in the right number, for messages people read: "1 day", "2 days".
public enum Counted {
    /// `count` and `singular`, or `plural` (the singular with an s unless given) for any other count.
    public static func text(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
