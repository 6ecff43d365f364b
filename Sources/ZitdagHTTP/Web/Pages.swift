import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import ZitdagStore

/// One signed-in person's request to the pages: who they are, their session and its form token,
/// the language they read, the submitted form, and the message left for this page.
struct PageVisit: Sendable {
    var session: String
    var principal: Principal
    var csrf: String
    var language: Language
    var form = Form()
    var flash: String?
    /// The page's path and query, for the language switch to come back to.
    var path = "/desk"
}

/// The pages' templates (`Pages/*.mustache`, rendered on the server) and texts. Every page is the
/// layout's `top` and `bottom` around its own part; texts come from the ``Catalog`` as `{{t.key}}`.
public struct Pages: Sendable {
    let library: MustacheLibrary
    let catalog: Catalog

    /// The templates and catalogs shipped in the bundle.
    public static let shipped: Pages = {
        guard let folder = Bundle.module.url(forResource: "Pages", withExtension: nil) else {
            preconditionFailure("the page templates are missing from the bundle")
        }
        return Pages(folder: folder, catalog: .shipped)
    }()

    /// The names of the templates, for the tests.
    public let names: [String]

    init(folder: URL, catalog: Catalog) {
        var library = MustacheLibrary()
        var names: [String] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else { continue }
            do { try library.register(text, named: name) } catch { preconditionFailure("template \(file): \(error)") }
            names.append(name)
        }
        self.library = library
        self.catalog = catalog
        self.names = names
    }

    /// The raw text of a template, for the tests that hold templates and catalogs to each other.
    public func source(of name: String) -> String? { library.getTemplate(named: name)?.description }

    /// A page for `visit` (or for nobody signed in, in `language`).
    func render(
        _ template: String, _ data: [String: Any], visit: PageVisit?, language: Language, title: String, status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = data
        context["t"] = catalog.texts[language] ?? [:]
        context["lang"] = language.rawValue
        context["other_language"] = language == .nl ? "en" : "nl"
        context["title"] = title
        context["back"] = visit?.path ?? "/sign-in"
        if let visit {
            context["signed_in"] = true
            context["csrf"] = visit.csrf
            context["subject"] = visit.principal.subject
            context["role_\(visit.principal.role.rawValue)"] = true
            context["role_name"] = catalog.text("role_\(visit.principal.role.rawValue)", language)
            if let flash = visit.flash { context["flash"] = flash }
        }
        let html = library.render(context, withTemplate: template) ?? ""
        return Response(status: status, headers: Self.headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A refusal as a page: what is wrong, and a way back.
    func problem(_ problem: PageProblem, visit: PageVisit?, language: Language) -> Response {
        let message = problem.key.map { catalog.text($0, language, problem.values) } ?? problem.message?.rendered(by: catalog.renderer(language)) ?? ""
        let data: [String: Any] = ["message": message, "field": problem.field ?? "", "status": problem.status.code]
        return render("problem", data, visit: visit, language: language, title: catalog.text("problem_title", language), status: problem.status)
    }

    /// Pages are personal: never cached, never framed, scripts and styles from this origin only.
    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .cacheControl: "no-store",
        HTTPField.Name("Content-Security-Policy")!: "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
    ]

    /// A redirect after a form (303: the browser follows with GET).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
