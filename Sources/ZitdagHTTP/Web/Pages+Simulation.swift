import Foundation
import HTTPTypes
import Hummingbird
import ZitdagCore

/// The coordinator's capacity simulation: a scenario from the scenarios folder or uploaded, compared
/// across the values of one knob; the table with its 95% intervals, the charts inline, and the
/// figures as CSV or JSON to download (run again from the same inputs: a seed gives the same figures).
extension API {
    func addSimulationPages(to desk: RouterGroup<APIContext>) {
        desk.get("simulation") { _, context in try await page(context) { visit in try simulationPage(visit, results: nil) } }
        desk.post("simulation") { _, context in try await page(context) { visit in try await runSimulation(visit) } }
        desk.post("simulation/export") { _, context in try await page(context) { visit in try await exportSimulation(visit) } }
    }

    /// The scenario files the page offers, by name.
    private func scenarioNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: options.scenarios)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    private func simulationPage(_ visit: PageVisit, results: (runs: [SimulationResult], inputs: [String: String])?) throws -> Response {
        try requireRole(visit, .coordinator)
        let form = visit.form
        var data: [String: Any] = [
            "scenarios": scenarioNames().map { ["name": $0, "selected": $0 == (form["scenario"] ?? "jobteam.json")] },
            "vary": form["vary"] ?? "", "replications": form["replications"] ?? "",
        ]
        if let (runs, inputs) = results {
            let table = SimulationTable(results: runs)
            data["result"] = [
                "header": runs.map(\.label),
                // The figures named and written in the reader's language, by their keys.
                "rows": table.entries.map { figure in
                    ["figure": pages.catalog.text("figure_\(figure.key)", visit.language), "values": figure.values.map { cell($0, visit.language) }] as [String: Any]
                },
                "notes": table.notes,
                "charts": SimulationCharts(results: runs).files.map { ["svg": $0.1] },
                "inputs": inputs.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value] },
            ] as [String: Any]
        }
        return pages.render("simulation", data, visit: visit, language: visit.language, title: pages.catalog.text("simulation_title", visit.language))
    }

    /// A figure the Belgian way in Dutch (decimal comma, `[low; high]`), as printed in English.
    private func cell(_ entry: SimulationTable.Entry, _ language: Language) -> String {
        let catalog = pages.catalog
        func number(_ text: String) -> String { language == .nl ? text.replacingOccurrences(of: ".", with: ",") : text }
        guard let mean = entry.mean else { return catalog.text("simulation_no_data", language) }
        var cell = number(mean) + " "
        if let low = entry.low, let high = entry.high {
            cell += language == .nl ? "[\(number(low)); \(number(high))]" : "[\(low), \(high)]"
        } else {
            cell += "[\(catalog.text("simulation_one_replication", language))]"
        }
        if let difference = entry.difference, let significant = entry.significant {
            cell += " (\(number(difference)), \(catalog.text(significant ? "simulation_significant" : "simulation_not_significant", language)))"
        }
        return cell
    }

    /// Runs what the form asks for: the chosen or uploaded scenario, each variant in turn.
    private func simulate(_ visit: PageVisit) async throws -> (runs: [SimulationResult], inputs: [String: String]) {
        try requireRole(visit, .coordinator)
        let form = visit.form
        var inputs: [String: String] = [:]
        let source = try scenarioSource(form)
        inputs[source.field] = source.value
        var scenario = try decodeScenario(source.text, label: source.label)
        guard scenario.calendarFolder == nil else { throw PageProblem(.unprocessableContent, key: "simulation_calendars") }
        if let replications = form["replications"] {
            guard let count = Int(replications), (1...1_000).contains(count) else {
                throw PageProblem(.unprocessableContent, key: "simulation_replications", field: "replications")
            }
            scenario.replications = count
            inputs["replications"] = replications
        }
        let vary = form["vary"]
        inputs["vary"] = vary
        let variants: [(label: String, change: String?, scenario: Scenario)]
        switch Variation.variants(of: scenario, label: source.label, vary: vary) {
        case .success(let found): variants = found
        case .failure(let error): throw PageProblem(.unprocessableContent, message: Text("vary: \(error.text)"))
        }
        let runs = try await work {
            variants.map { variant in
                SimulationResult.run(
                    label: variant.label, change: variant.change, scenario: variant.scenario,
                    threads: ProcessInfo.processInfo.activeProcessorCount, clock: ContinuousClock())
            }
        }
        return (runs, inputs)
    }

    /// The scenario the form names: its text and label, and the field that names it again.
    private func scenarioSource(_ form: Form) throws -> (text: String, label: String, field: String, value: String) {
        if let uploaded = form["upload"] ?? form["scenario_text"] { return (uploaded, "upload", "scenario_text", uploaded) }
        guard let name = form["scenario"], scenarioNames().contains(name),
            let file = try? String(contentsOfFile: (options.scenarios as NSString).appendingPathComponent(name), encoding: .utf8)
        else { throw PageProblem.missing("scenario") }
        return (file, name, "scenario", name)
    }

    private func decodeScenario(_ text: String, label: String) throws -> Scenario {
        do { return try ScenarioFile.decode(Array(text.utf8)) } catch {
            throw PageProblem(.unprocessableContent, message: Text("\(label): \(Text.of(error))"))
        }
    }

    private func runSimulation(_ visit: PageVisit) async throws -> Response {
        try simulationPage(visit, results: try await simulate(visit))
    }

    /// The figures as a file: CSV (`format=csv`) or JSON.
    private func exportSimulation(_ visit: PageVisit) async throws -> Response {
        let runs = try await simulate(visit).runs
        let csv = visit.form["format"] == "csv"
        let body = csv ? SimulationExport.csv(runs) : SimulationExport.json(runs)
        return Response(
            status: .ok,
            headers: [
                .contentType: csv ? "text/csv; charset=utf-8" : "application/json",
                .contentDisposition: "attachment; filename=\"simulation.\(csv ? "csv" : "json")\"", .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
