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

extension Window {
    private static let cache = HannCache()

    /// `hann(length)`, computed once per length and shared (every file's STFT uses the same few sizes).
    public static func sharedHann(_ length: Int) -> [Float] { cache.window(length) }
}

/// Hann windows by length, filled under a lock.
private final class HannCache: @unchecked Sendable {
    // @unchecked: `windows` is only touched while `lock` is held; the arrays handed out are values.
    private let lock = NSLock()
    private var windows: [Int: [Float]] = [:]

    func window(_ length: Int) -> [Float] {
        lock.lock()
        defer { lock.unlock() }
        if let window = windows[length] { return window }
        let window = Window.hann(length)
        windows[length] = window
        return window
    }
}
