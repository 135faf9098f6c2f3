import Analysis
import Foundation
import GRDB

/// Flattens an `AnalysisResult` into the `analysis` table's queryable columns plus its full JSON.
struct AnalysisRow {
    let hash: String
    let stamp: String
    let result: AnalysisResult
    let encoder: JSONEncoder

    struct NonFiniteFeatures: Error, CustomStringConvertible {
        var description: String { "the feature vector has NaN or infinite values; not stored" }
    }

    func upsert(_ db: Database) throws {
        let r = result
        guard r.features.values.allSatisfy({ $0.isFinite }) else { throw NonFiniteFeatures() }
        let json = String(decoding: try encoder.encode(r), as: UTF8.self)
        let features = r.features.values.withUnsafeBufferPointer { Data(buffer: $0) }
        let keyTonic: Int? = r.key.map { MusicalKey.pitchClassNames.firstIndex(of: $0.tonic) ?? 0 }
        let values: [(String, (any DatabaseValueConvertible)?)] = [
            ("contentHash", hash), ("versionStamp", stamp),
            ("container", r.format.container), ("codec", r.format.codec), ("sampleRate", r.format.sampleRate),
            ("channels", r.format.channels), ("bitDepth", r.format.bitDepth), ("frames", r.format.frames),
            ("duration", r.durationSeconds), ("peakDBFS", r.level.peakDBFS), ("rmsDBFS", r.level.rmsDBFS),
            ("crestDB", r.level.crestDB), ("dcOffset", r.level.dcOffset),
            ("silenceHead", r.level.silenceHeadSeconds), ("silenceTail", r.level.silenceTailSeconds),
            ("lufs", r.loudness.integratedLUFS), ("loudnessRange", r.loudness.rangeLU),
            ("truePeakDBTP", r.loudness.truePeakDBTP),
            ("centroidHz", r.spectral.centroidHz), ("rolloffHz", r.spectral.rolloffHz),
            ("flatness", r.spectral.flatness), ("bandwidthHz", r.spectral.bandwidthHz),
            ("zcr", r.spectral.zeroCrossingRate), ("attackSeconds", r.envelope.attackSeconds),
            ("decaySeconds", r.envelope.decaySeconds), ("onsetCount", r.onsets.count),
            ("bpm", r.tempo?.bpm), ("bpmConfidence", r.tempo?.confidence),
            ("keyTonic", keyTonic), ("keyMode", r.key?.mode.rawValue), ("keyCamelot", r.key?.camelot),
            ("keyConfidence", r.key?.confidence),
            ("pitchHz", r.pitch?.hz), ("pitchMidi", r.pitch?.midi), ("pitchCents", r.pitch?.cents),
            ("pitchConfidence", r.pitch?.confidence),
            ("kind", r.kind.rawValue), ("family", r.family.rawValue),
            ("featureVersion", r.features.version),
            ("analysisSeconds", r.analysisSeconds), ("analyzedAt", SampleLibrary.now),
        ]
        let columns = values.map(\.0).joined(separator: ", ")
        let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try db.execute(sql: "INSERT OR REPLACE INTO analysis (\(columns)) VALUES (\(marks))",
                       arguments: StatementArguments(values.map { $0.1?.databaseValue ?? .null }))
        try db.execute(sql: "INSERT OR REPLACE INTO analysisDetail (contentHash, features, result) VALUES (?, ?, ?)",
                       arguments: [hash, features, json])
    }
}
