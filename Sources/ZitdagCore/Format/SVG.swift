/// What the SVG charts (the simulation's, the funders' report's) write alike.
enum SVG {
    /// Text for an SVG element or attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Horizontal gridlines, each labelled left of the plot, at 0, `step`, ... up to `top`, over a plot
    /// from `left` to `right` and from `plotTop` down `plotHeight`.
    static func gridlines(
        top: Double, step: Double, left: Double, right: Double, plotTop: Double, plotHeight: Double, label: (Double) -> String
    ) -> String {
        var out = ""
        var value = 0.0
        while value <= top + step / 2 {
            let y = plotTop + plotHeight * (1 - value / top)
            out += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">\(label(value))</text>"
            out += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(right)\" y2=\"\(y)\" stroke=\"#ddd\"/>"
            value += step
        }
        return out
    }
}
