import Hummingbird
import ZitdagCore

extension Request {
    /// How the API writes texts for whoever sent this request: in the language Accept-Language asks
    /// for (Dutch by default); dates the Belgian way in Dutch, as ISO dates in English (as the API takes them).
    var renderer: Text.Renderer {
        let language = Language.chosen(cookie: nil, acceptLanguage: headers[.acceptLanguage])
        return Catalog.shipped.renderer(language, belgianDates: language == .nl)
    }
}
