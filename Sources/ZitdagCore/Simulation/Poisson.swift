import Foundation

/// Poisson-distributed counts from a seeded generator: Knuth's product of uniforms, in chunks of
/// at most 30 (the sum of Poisson counts is Poisson), so large rates stay exact and cheap.
enum Poisson {
    static func sample(mean: Double, using random: inout some RandomNumberGenerator) -> Int {
        var remaining = max(0, mean)
        var count = 0
        while remaining > 0 {
            let chunk = min(remaining, 30)
            remaining -= chunk
            let limit = exp(-chunk)
            var product = Double.random(in: 0..<1, using: &random)
            while product > limit {
                count += 1
                product *= Double.random(in: 0..<1, using: &random)
            }
        }
        return count
    }
}
