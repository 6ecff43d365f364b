import ZitdagCore

/// The language of the feeds: Dutch, the coaches' and consultants' (a calendar app asks for none).
public enum Feeds {
    public static let renderer = Catalog.shipped.renderer(.nl)
}
