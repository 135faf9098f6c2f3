/// Plain words for a sample's measured character, shared by every place that describes one in prose
/// (the descriptor summary, the offline notes), so the same sound is never "dark" in one pane and
/// "warm" in the next.
public enum PlainWords {
    /// "dark", "warm", "bright" or "airy" by spectral centroid: below 800 Hz, 3 kHz, 6 kHz, or above.
    public static func brightness(centroidHz: Double) -> String {
        centroidHz < 800 ? "dark" : centroidHz < 3000 ? "warm" : centroidHz < 6000 ? "bright" : "airy"
    }

    /// "Short", "Medium" or "Long": below 0.3 s, below 2 s, or longer.
    public static func length(seconds: Double) -> String {
        seconds < 0.3 ? "Short" : seconds < 2 ? "Medium" : "Long"
    }
}
