/// "More like this / less like this": moves a query vector toward the liked matches and away
/// from the disliked ones (Rocchio relevance feedback, α = 1, β = 0.6, γ = 0.3).
public enum Rocchio {
    public static func refine(_ query: [Float], more: [[Float]], less: [[Float]],
                              toward: Float = 0.6, away: Float = 0.3) -> [Float] {
        var result = query
        for (vectors, weight) in [(more, toward), (less, -away)] where !vectors.isEmpty {
            let scale = weight / Float(vectors.count)
            for vector in vectors {
                for i in 0..<min(result.count, vector.count) { result[i] += scale * (vector[i] - query[i]) }
            }
        }
        return result
    }
}
