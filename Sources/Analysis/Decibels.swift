import Foundation

/// Level conversions. Results are finite: silence maps to `floor`, never to -inf.
public enum Decibels {
    /// The quietest level SampleMind reports, in dB.
    public static let floor = -120.0

    /// 20·log10(amplitude), clamped to `floor`.
    public static func fromAmplitude(_ amplitude: Double) -> Double {
        amplitude > 0 ? max(floor, 20 * log10(amplitude)) : floor
    }

    /// 10·log10(power), clamped to `floor`.
    public static func fromPower(_ power: Double) -> Double {
        power > 0 ? max(floor, 10 * log10(power)) : floor
    }
}
