import Analysis
import Library

/// What the side panes show about the selected sample: its analysis, a waveform overview and
/// an average spectrum (computed off the main thread).
public struct SampleDetail: Sendable {
    public var sampleId: Int64
    public var analysis: AnalysisResult?
    /// Min/max per column, peak-normalised later by the widget.
    public var waveform: [(min: Float, max: Float)]
    /// Average level per log-spaced band, dB.
    public var spectrum: [Float]
    /// Set when the file could not be read.
    public var error: String?

    public init(sampleId: Int64, analysis: AnalysisResult?, waveform: [(min: Float, max: Float)],
                spectrum: [Float], error: String?) {
        self.sampleId = sampleId
        self.analysis = analysis
        self.waveform = waveform
        self.spectrum = spectrum
        self.error = error
    }
}
