/// One-shot or loop.
public enum SampleKind: String, Sendable, Codable, CaseIterable {
    case oneshot, loop
}

/// Decides one-shot vs loop from duration, onsets and rhythmic regularity.
///
/// Rules (version 1): shorter than 0.8 s is a one-shot; a file whose onsets are spread over
/// most of its length (≥ 4 onsets, first-to-last span ≥ 40 % of the sounding length) and that
/// has a periodic onset envelope (tempo confidence ≥ 0.15) or a whole-bar length is a loop;
/// everything else — single hits with long tails, pads, risers — is a one-shot.
public struct KindClassifier {
    public struct Evidence: Sendable {
        public var durationSeconds: Double
        public var soundingSeconds: Double
        public var onsetTimes: [Double]
        public var tempo: TempoEstimator.Result?
        public init(durationSeconds: Double, soundingSeconds: Double, onsetTimes: [Double],
                    tempo: TempoEstimator.Result?) {
            self.durationSeconds = durationSeconds
            self.soundingSeconds = soundingSeconds
            self.onsetTimes = onsetTimes
            self.tempo = tempo
        }
    }

    public struct Result: Sendable, Equatable, Codable {
        public var kind: SampleKind
        /// 0.5 … 1: how clearly the evidence points one way.
        public var confidence: Double
        public let version = AlgorithmVersion.kind
        private enum CodingKeys: String, CodingKey { case kind, confidence, version }
    }

    public init() {}

    public func classify(_ evidence: Evidence) -> Result {
        guard evidence.durationSeconds >= 0.8 else {
            return Result(kind: .oneshot, confidence: 0.95)
        }
        let onsets = evidence.onsetTimes
        let sounding = max(evidence.soundingSeconds, 0.001)
        let span = (onsets.last ?? 0) - (onsets.first ?? 0)
        let spread = span / sounding
        let periodic = (evidence.tempo?.confidence ?? 0) >= 0.15
        let wholeBars = evidence.tempo?.fitsWholeBars ?? false
        if onsets.count >= 4 && spread >= 0.4 && (periodic || wholeBars) {
            let strength = min(1, 0.6 + 0.1 * Double(onsets.count - 4) / 4 + (wholeBars ? 0.2 : 0))
            return Result(kind: .loop, confidence: strength)
        }
        return Result(kind: .oneshot, confidence: onsets.count <= 2 ? 0.9 : 0.6)
    }
}
