import Foundation

/// Analysis windows.
public enum Window {
    /// Periodic Hann window of `length` samples (the STFT convention, as scipy `hann(sym=False)`).
    public static func hann(_ length: Int) -> [Float] {
        guard length > 1 else { return [1] }
        return (0..<length).map { n in
            Float(0.5 - 0.5 * cos(2 * Double.pi * Double(n) / Double(length)))
        }
    }

    /// Sum of squared window values, used to scale power spectra to mean-square units.
    public static func energy(_ window: [Float]) -> Float {
        window.reduce(0) { $0 + $1 * $1 }
    }
}
