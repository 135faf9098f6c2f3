import Testing
import QueryLanguage

@Suite("Queries compile to SQL with every user value bound as an argument")
struct CompilerTests {
    private let fts = "s.id IN (SELECT rowid FROM sample_fts WHERE sample_fts MATCH ?)"
    private let notFTS = "s.id NOT IN (SELECT rowid FROM sample_fts WHERE sample_fts MATCH ?)"

    @Test("the empty query matches everything in name order")
    func emptyQuery() throws {
        #expect(try QueryCompiler.compile("") == CompiledQuery(
            whereClause: "1", arguments: [], sortTerms: [SortTerm("s.name", noCase: true), SortTerm("s.id")]))
    }

    @Test("free words share one prefix MATCH; phrases are exact; exclusions are NOT IN")
    func fullText() throws {
        let compiled = try QueryCompiler.compile(#"kick -dark "vinyl crackle" -"tape hiss""#)
        #expect(compiled.whereClause == "\(fts) AND \(notFTS) AND \(notFTS)")
        #expect(compiled.arguments == [.text(#""kick"* "vinyl crackle""#), .text(#""dark"*"#), .text(#""tape hiss""#)])
    }

    @Test("FTS operators and special characters are quoted into plain strings")
    func ftsNeutralised() throws {
        let compiled = try QueryCompiler.compile(#"NEAR AND OR NOT ab"cd x* y-z( ^col"#)
        #expect(compiled.whereClause == fts)
        #expect(compiled.arguments == [.text(#""NEAR"* "AND"* "OR"* "NOT"* "ab""cd"* "x*"* "y-z("* "^col"*"#)])
        let excluded = try QueryCompiler.compile(":a -\":b\"")
        #expect(excluded.arguments == [.text(#"":a"*"#), .text(#"":b""#)])
    }

    @Test("a query narrows through an index only when a positive term has one (not path:, not tag:, not a negation)")
    func narrowsThroughIndex() throws {
        for query in ["kick", "tag:dark bpm:>100", "bpm:120..130", "key:Am", "type:loop", "family:hat", "status:missing",
                      "rating:>=4 -tag:dark", "fav", "path:drums/ dur:<1s"] {
            #expect(try QueryCompiler.compile(query).narrowsThroughIndex, "\(query)")
        }
        for query in ["", "path:drums/", "tag:dark", "-kick", "-tag:dark", "-bpm:120..130 path:x", "sort:-bpm"] {
            #expect(try !QueryCompiler.compile(query).narrowsThroughIndex, "\(query)")
        }
    }

    @Test("words, phrases and tags alone also compile to id sets: positives intersected, exclusions subtracted")
    func idSets() throws {
        let text = "SELECT rowid FROM sample_fts WHERE sample_fts MATCH ?"
        let tagged = "SELECT sampleId FROM tag WHERE tag = ? COLLATE NOCASE"
        let mixed = try QueryCompiler.compile(#"-tag:old kick -dark tag:Dark "vinyl crackle" sort:-bpm"#).idSet
        #expect(mixed?.sql == "\(text) INTERSECT \(tagged) EXCEPT \(tagged) EXCEPT \(text)")
        #expect(mixed?.arguments == [.text(#""kick"* "vinyl crackle""#), .text("Dark"), .text("old"), .text(#""dark"*"#)])
        #expect(try QueryCompiler.compile("kick").idSet == IdSetQuery(sql: text, arguments: [.text(#""kick"*"#)]))
        #expect(try QueryCompiler.compile("tag:dark -hat").idSet?.sql == "\(tagged) EXCEPT \(text)")
        for query in ["", "-kick", "-tag:dark", "kick bpm:>100", "kick path:x", "tag:dark fav", "tag:a rating:>=4"] {
            #expect(try QueryCompiler.compile(query).idSet == nil, "\(query)")
        }
    }

    @Test("only the default order counts as sorting by name")
    func sortsByName() throws {
        #expect(try QueryCompiler.compile("kick").sortsByName)
        #expect(try QueryCompiler.compile("sort:name").sortsByName)
        #expect(try !QueryCompiler.compile("sort:-name").sortsByName)
        #expect(try !QueryCompiler.compile("sort:path").sortsByName)
    }

    @Test("sort keys select each sort expression once and order by them with the same collation and direction")
    func sortKeys() throws {
        let byName = try QueryCompiler.compile("").sortKeys
        #expect(byName.columns == "s.name AS k0, s.id AS k1")
        #expect(byName.orderBy == "k0 COLLATE NOCASE, k1")
        let byKey = try QueryCompiler.compile("sort:-key").sortKeys
        #expect(byKey.columns == "a.keyCamelot IS NULL AS k0, CAST(a.keyCamelot AS INTEGER) AS k1, a.keyCamelot AS k2, s.id AS k3")
        #expect(byKey.orderBy == "k0, k1 DESC, k2 DESC, k3")
    }

    @Test("a quoted tag value trying SQL injection stays an argument")
    func tagInjection() throws {
        let compiled = try QueryCompiler.compile(#"tag:"'; DROP TABLE sample; --""#)
        #expect(compiled.whereClause == "EXISTS (SELECT 1 FROM tag t WHERE t.sampleId = s.id AND t.tag = ? COLLATE NOCASE)")
        #expect(compiled.arguments == [.text("'; DROP TABLE sample; --")])
    }

    @Test("free words trying SQL injection stay arguments (the trailing -- excludes the word \"-\")")
    func wordInjection() throws {
        let compiled = try QueryCompiler.compile("x'); DROP TABLE sample; --")
        #expect(compiled.whereClause == "\(fts) AND \(notFTS)")
        #expect(!compiled.whereClause.contains("DROP") && !compiled.whereClause.contains("x'"))
        #expect(compiled.arguments == [.text(#""x');"* "DROP"* "TABLE"* "sample;"*"#), .text(#""-"*"#)])
    }

    @Test("paths are case-insensitive substrings with LIKE wildcards escaped")
    func pathLike() throws {
        let compiled = try QueryCompiler.compile(#"path:100%_dr\ums/"#)
        #expect(compiled.whereClause == #"s.displayPath LIKE ? ESCAPE '\'"#)
        #expect(compiled.arguments == [.text(#"%100\%\_dr\\ums/%"#)])
    }

    @Test("numeric ranges, comparisons and exact values within tolerance")
    func numbers() throws {
        let compiled = try QueryCompiler.compile("bpm:120..130 bpm:128 lufs:>-12 rating:>=4 rating:3 bpm:120.. dur:..2s")
        #expect(compiled.whereClause == "a.bpm BETWEEN ? AND ? AND a.bpm BETWEEN ? AND ? AND a.lufs > ?"
            + " AND s.rating >= ? AND s.rating = ? AND a.bpm >= ? AND a.duration <= ?")
        #expect(compiled.arguments == [.real(120), .real(130), .real(127.5), .real(128.5), .real(-12),
                                       .real(4), .real(3), .real(120), .real(2)])
    }

    @Test("dur:500ms..1.5s compiles to 0.5 ... 1.5 seconds")
    func durationUnits() throws {
        let compiled = try QueryCompiler.compile("dur:500ms..1.5s")
        #expect(compiled.whereClause == "a.duration BETWEEN ? AND ?")
        #expect(compiled.arguments == [.real(0.5), .real(1.5)])
    }

    @Test("keys compare tonic and mode, tonic alone, or the Camelot code")
    func keys() throws {
        #expect(try QueryCompiler.compile("key:1m") == CompiledQuery(
            whereClause: "(a.keyTonic = ? AND a.keyMode = ?)", arguments: [.integer(9), .text("minor")],
            sortTerms: [SortTerm("s.name", noCase: true), SortTerm("s.id")], narrowsThroughIndex: true))
        #expect(try QueryCompiler.compile("key:Bbm").arguments == [.integer(10), .text("minor")])
        #expect(try QueryCompiler.compile("key:Eb").whereClause == "a.keyTonic = ?")
        #expect(try QueryCompiler.compile("key:8A").whereClause == "a.keyCamelot = ?")
    }

    @Test("type, family, status and favourite compare fixed columns")
    func vocabulary() throws {
        let compiled = try QueryCompiler.compile("type:one-shot family:synth status:ok fav")
        #expect(compiled.whereClause == "a.kind = ? AND a.family = ? AND s.status = ? AND s.favorite = 1")
        #expect(compiled.arguments == [.text("oneshot"), .text("lead/synth"), .text("ok")])
    }

    @Test("negation is NULL-safe: -bpm:120..130 also keeps rows without a BPM")
    func nullSafeNegation() throws {
        let compiled = try QueryCompiler.compile("-bpm:120..130 -family:hat -fav -key:Am")
        #expect(compiled.whereClause == "NOT COALESCE(a.bpm BETWEEN ? AND ?, 0) AND NOT COALESCE(a.family = ?, 0)"
            + " AND NOT COALESCE(s.favorite = 1, 0) AND NOT COALESCE((a.keyTonic = ? AND a.keyMode = ?), 0)")
        #expect(compiled.arguments == [.real(120), .real(130), .text("hat"), .integer(9), .text("minor")])
    }

    @Test("sorting puts NULL analysis values last and ends with s.id")
    func ordering() throws {
        #expect(try QueryCompiler.compile("sort:bpm").orderBy == "a.bpm IS NULL, a.bpm, s.id")
        #expect(try QueryCompiler.compile("sort:-added").orderBy == "s.addedAt DESC, s.id")
        #expect(try QueryCompiler.compile("sort:key").orderBy
            == "a.keyCamelot IS NULL, CAST(a.keyCamelot AS INTEGER), a.keyCamelot, s.id")
        #expect(try QueryCompiler.compile("sort:-name").orderBy == "s.name COLLATE NOCASE DESC, s.id")
        #expect(try QueryCompiler.compile("sort:type").orderBy == "a.kind IS NULL, a.kind, s.id")
    }

    @Test("arguments line up with placeholders for a mixed query")
    func placeholderCount() throws {
        let compiled = try QueryCompiler.compile(#"kick -dark tag:"lo fi" -bpm:120..130 key:8A path:x type:loop sort:-bpm"#)
        #expect(compiled.whereClause.filter { $0 == "?" }.count == compiled.arguments.count)
    }
}
