import Testing
import QueryLanguage

@Suite("Query text parses into terms")
struct ParserTests {
    private func terms(_ text: String) throws -> [Query.Term] { try Query.parse(text).terms }

    @Test("the empty or blank query has no terms and no sort")
    func emptyQuery() throws {
        #expect(try Query.parse("") == Query())
        #expect(try Query.parse("  \t ") == Query())
    }

    @Test("free words, exclusions and quoted phrases")
    func wordsAndPhrases() throws {
        #expect(try terms(#"kick -dark "vinyl crackle" -"tape hiss""#) == [
            Query.Term(.word("kick")), Query.Term(.word("dark"), negated: true),
            Query.Term(.phrase("vinyl crackle")), Query.Term(.phrase("tape hiss"), negated: true),
        ])
    }

    @Test("tags and paths keep their text; quoted values may contain spaces")
    func tagsAndPaths() throws {
        #expect(try terms(#"tag:x -TAG:"lo fi" path:drums/"#) == [
            Query.Term(.tag("x")), Query.Term(.tag("lo fi"), negated: true), Query.Term(.path("drums/")),
        ])
    }

    @Test("numeric fields take exact values, comparisons and open or closed ranges")
    func numbers() throws {
        #expect(try terms("bpm:120..130 bpm:>=140 bpm:<90 bpm:128 bpm:120.. bpm:..100 lufs:>-12 rating:<=4") == [
            Query.Term(.number(.bpm, .range(120, 130))), Query.Term(.number(.bpm, .greaterOrEqual(140))),
            Query.Term(.number(.bpm, .less(90))), Query.Term(.number(.bpm, .equal(128))),
            Query.Term(.number(.bpm, .range(120, nil))), Query.Term(.number(.bpm, .range(nil, 100))),
            Query.Term(.number(.lufs, .greater(-12))), Query.Term(.number(.rating, .lessOrEqual(4))),
        ])
    }

    @Test("durations accept s and ms; a bare number is seconds")
    func durations() throws {
        #expect(try terms("dur:500ms..1.5s dur:<2s dur:3 duration:>250MS") == [
            Query.Term(.number(.duration, .range(0.5, 1.5))), Query.Term(.number(.duration, .less(2))),
            Query.Term(.number(.duration, .equal(3))), Query.Term(.number(.duration, .greater(0.25))),
        ])
    }

    @Test("a reversed range is put in order")
    func reversedRange() throws {
        #expect(try terms("bpm:130..120") == [Query.Term(.number(.bpm, .range(120, 130)))])
    }

    @Test("type, family, status and favourite, with aliases")
    func vocabulary() throws {
        #expect(try terms("type:loop type:one-shot family:kick family:synth family:lead/synth -family:hat status:missing fav -fav") == [
            Query.Term(.kind(.loop)), Query.Term(.kind(.oneshot)), Query.Term(.family(.kick)),
            Query.Term(.family(.leadSynth)), Query.Term(.family(.leadSynth)), Query.Term(.family(.hat), negated: true),
            Query.Term(.status(.missing)), Query.Term(.favorite), Query.Term(.favorite, negated: true),
        ])
    }

    @Test("field names are case-insensitive")
    func caseInsensitiveFields() throws {
        #expect(try terms("BPM:120 Type:LOOP Family:Kick FAV") == [
            Query.Term(.number(.bpm, .equal(120))), Query.Term(.kind(.loop)),
            Query.Term(.family(.kick)), Query.Term(.favorite),
        ])
    }

    @Test("only the last sort term counts; a leading - sorts descending")
    func sortLastWins() throws {
        let query = try Query.parse("sort:bpm kick sort:-added")
        #expect(query.sort == Query.Sort(.added, descending: true))
        #expect(query.terms == [Query.Term(.word("kick"))])
        #expect(try Query.parse("sort:dur").sort == Query.Sort(.duration))
    }

    @Test("a quoted \"fav\" is a phrase, not the favourite flag")
    func quotedFav() throws {
        #expect(try terms(#""fav""#) == [Query.Term(.phrase("fav"))])
    }

    @Test("canonical text parses back to the same query for every term kind", arguments: [
        "kick -dark \"vinyl crackle\" -\"tape hiss\"",
        "tag:x -tag:\"lo fi\" path:drums/ -path:\"my kits/\"",
        "bpm:120..130 -bpm:>=140 bpm:<90 bpm:128 bpm:120.. bpm:..100 bpm:<=99.5 bpm:>1",
        "dur:500ms..1.5s dur:<2s dur:0.001s lufs:>-12 lufs:-14..-8 rating:>=4 rating:3",
        "key:Am key:A key:F#m key:Bbmaj key:Eb key:8A key:12b key:1m key:2d -key:C",
        "type:loop type:one-shot family:lead -family:loop-drums status:ok status:error status:pending",
        "fav -fav sort:-added", "sort:key", "ab\"cd --x :colon", "",
    ])
    func roundTrip(text: String) throws {
        let query = try Query.parse(text)
        #expect(try Query.parse(query.description) == query, "\(query.description)")
    }

    @Test("the canonical form uses lower-case fields, sharps and seconds")
    func canonicalForm() throws {
        let query = try Query.parse("BPM:120..130 key:Bbm DUR:500ms.. Tag:\"lo fi\" type:one-shot sort:-Added")
        #expect(query.description == "bpm:120..130 key:A#m dur:0.5s.. tag:\"lo fi\" type:oneshot sort:-added")
    }
}
