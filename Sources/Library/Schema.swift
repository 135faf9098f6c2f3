import GRDB

/// The database schema, as GRDB migrations. Never edit a shipped migration: add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE root (
                    id INTEGER PRIMARY KEY,
                    path BLOB NOT NULL UNIQUE,
                    displayPath TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'online' CHECK (status IN ('online', 'offline')),
                    addedAt REAL NOT NULL,
                    lastScanAt REAL
                );
                CREATE TABLE sample (
                    id INTEGER PRIMARY KEY,
                    rootId INTEGER REFERENCES root(id) ON DELETE SET NULL,
                    path BLOB NOT NULL UNIQUE,          -- exact file-system bytes
                    displayPath TEXT NOT NULL,          -- lossy UTF-8, for search and display
                    folder TEXT NOT NULL,
                    name TEXT NOT NULL,
                    ext TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    mtime REAL NOT NULL,
                    contentHash TEXT,
                    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ok', 'missing', 'error')),
                    error TEXT,
                    rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
                    favorite INTEGER NOT NULL DEFAULT 0 CHECK (favorite IN (0, 1)),
                    addedAt REAL NOT NULL,
                    updatedAt REAL NOT NULL
                );
                CREATE INDEX sample_root ON sample(rootId);
                CREATE INDEX sample_hash ON sample(contentHash);
                -- covers "filter on analysis, join by content, sort by name" without reading rows
                CREATE INDEX sample_hash_name ON sample(contentHash, name COLLATE NOCASE);
                CREATE INDEX sample_status ON sample(status);
                CREATE INDEX sample_name ON sample(name COLLATE NOCASE);
                CREATE INDEX sample_rating ON sample(rating);
                CREATE INDEX sample_added ON sample(addedAt);

                -- One row per distinct content: identical files share their analysis.
                CREATE TABLE analysis (
                    contentHash TEXT PRIMARY KEY,
                    versionStamp TEXT NOT NULL,
                    container TEXT, codec TEXT, sampleRate INTEGER, channels INTEGER, bitDepth INTEGER,
                    frames INTEGER,
                    duration REAL, peakDBFS REAL, rmsDBFS REAL, crestDB REAL, dcOffset REAL,
                    silenceHead REAL, silenceTail REAL,
                    lufs REAL, loudnessRange REAL, truePeakDBTP REAL,
                    centroidHz REAL, rolloffHz REAL, flatness REAL, bandwidthHz REAL, zcr REAL,
                    attackSeconds REAL, decaySeconds REAL, onsetCount INTEGER,
                    bpm REAL, bpmConfidence REAL,
                    keyTonic INTEGER, keyMode TEXT, keyCamelot TEXT, keyConfidence REAL,
                    pitchHz REAL, pitchMidi INTEGER, pitchCents REAL, pitchConfidence REAL,
                    kind TEXT, family TEXT,
                    featureVersion INTEGER,
                    analysisSeconds REAL,
                    analyzedAt REAL NOT NULL
                );
                -- The feature vector (Float32 blob) and the full AnalysisResult as JSON, apart so the
                -- queried table stays narrow and fast to scan.
                CREATE TABLE analysisDetail (
                    contentHash TEXT PRIMARY KEY REFERENCES analysis(contentHash) ON DELETE CASCADE,
                    features BLOB NOT NULL,
                    result TEXT NOT NULL
                );
                CREATE INDEX analysis_bpm ON analysis(bpm);
                CREATE INDEX analysis_key ON analysis(keyCamelot);
                CREATE INDEX analysis_tonic ON analysis(keyTonic, keyMode);
                CREATE INDEX analysis_kind ON analysis(kind);
                CREATE INDEX analysis_family ON analysis(family);
                CREATE INDEX analysis_duration ON analysis(duration);
                CREATE INDEX analysis_lufs ON analysis(lufs);

                CREATE TABLE tag (
                    sampleId INTEGER NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
                    tag TEXT NOT NULL,
                    PRIMARY KEY (sampleId, tag)
                );
                CREATE INDEX tag_tag ON tag(tag COLLATE NOCASE);

                CREATE TABLE note (
                    sampleId INTEGER PRIMARY KEY REFERENCES sample(id) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    updatedAt REAL NOT NULL
                );

                -- Ready for the AI-notes issue: cached model text per content, provider, model, prompt.
                CREATE TABLE aiNote (
                    contentHash TEXT NOT NULL,
                    provider TEXT NOT NULL,
                    model TEXT NOT NULL,
                    promptVersion INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    createdAt REAL NOT NULL,
                    expiresAt REAL NOT NULL,
                    userEdited INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (contentHash, provider, model, promptVersion)
                );

                -- Counters kept across runs (analysis cache hits and misses, …).
                CREATE TABLE metric (name TEXT PRIMARY KEY, value REAL NOT NULL);

                CREATE VIRTUAL TABLE sample_fts USING fts5(name, path, tags, notes, tokenize = 'unicode61');
                """)
        }
        migrator.registerMigration("v2-embedding-stats") { db in
            try db.execute(sql: """
                -- Robust normalisation statistics of the similarity embedding, per layout version.
                CREATE TABLE embeddingStats (
                    version INTEGER PRIMARY KEY,
                    medians BLOB NOT NULL,
                    scales BLOB NOT NULL,
                    sampleCount INTEGER NOT NULL,
                    updatedAt REAL NOT NULL
                );
                """)
        }
        migrator.registerMigration("v3-covering-indexes") { db in
            // Filters on analysis columns join to samples by content hash: with the hash in each
            // index (and the name beside the hash on the sample side) a filtered, name-sorted page
            // is answered from indexes alone, without reading table rows.
            try db.execute(sql: """
                CREATE INDEX IF NOT EXISTS sample_hash_name ON sample(contentHash, name COLLATE NOCASE);
                DROP INDEX IF EXISTS sample_hash;
                DROP INDEX analysis_bpm;       CREATE INDEX analysis_bpm ON analysis(bpm, contentHash);
                DROP INDEX analysis_key;       CREATE INDEX analysis_key ON analysis(keyCamelot, contentHash);
                DROP INDEX analysis_tonic;     CREATE INDEX analysis_tonic ON analysis(keyTonic, keyMode, contentHash);
                DROP INDEX analysis_kind;      CREATE INDEX analysis_kind ON analysis(kind, contentHash);
                DROP INDEX analysis_family;    CREATE INDEX analysis_family ON analysis(family, contentHash);
                DROP INDEX analysis_duration;  CREATE INDEX analysis_duration ON analysis(duration, contentHash);
                DROP INDEX analysis_lufs;      CREATE INDEX analysis_lufs ON analysis(lufs, contentHash);
                CREATE INDEX sample_favorite ON sample(favorite) WHERE favorite = 1;
                """)
        }
        migrator.registerMigration("v4-name-generation") { db in
            // Counts changes to the set of sample names, so the in-memory name order (NameOrder)
            // knows when it is stale without comparing rows.
            try db.execute(sql: """
                CREATE TABLE generation (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                INSERT INTO generation (name, value) VALUES ('sampleNames', 0);
                CREATE TRIGGER sample_names_insert AFTER INSERT ON sample BEGIN
                    UPDATE generation SET value = value + 1 WHERE name = 'sampleNames'; END;
                CREATE TRIGGER sample_names_delete AFTER DELETE ON sample BEGIN
                    UPDATE generation SET value = value + 1 WHERE name = 'sampleNames'; END;
                CREATE TRIGGER sample_names_rename AFTER UPDATE OF name ON sample BEGIN
                    UPDATE generation SET value = value + 1 WHERE name = 'sampleNames'; END;
                """)
        }
        return migrator
    }
}
