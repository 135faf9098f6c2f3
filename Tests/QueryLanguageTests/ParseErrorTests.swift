import Testing
import QueryLanguage

@Suite("Malformed queries throw errors that name the token and its offset")
struct ParseErrorTests {
    private func error(_ text: String) -> QueryError? {
        do {
            _ = try Query.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("an unknown field names the field")
    func unknownField() {
        #expect(error("bmp:120") == QueryError(.unknownField("bmp"), at: 0))
        #expect(error("bmp:120")?.description == #"unknown field "bmp" at 0"#)
        #expect(error("kick -Colour:red")?.description == #"unknown field "Colour" at 6"#)
    }

    @Test("a bad number names the number, its field and where it starts")
    func badNumber() {
        #expect(error("bpm:12x")?.description == #"bad number "12x" in bpm at 4"#)
        #expect(error("bpm:120..1x0") == QueryError(.badNumber("1x0", field: "bpm"), at: 9))
        #expect(error("bpm:>=abc") == QueryError(.badNumber("abc", field: "bpm"), at: 6))
        #expect(error("bpm:..") == QueryError(.badNumber("..", field: "bpm"), at: 4))
    }

    @Test("nan, infinity, hex and units on unitless fields are not numbers", arguments: [
        "bpm:nan", "bpm:inf", "bpm:0x10", "bpm:120s", "lufs:-12db", "dur:2min", "rating:e5",
    ])
    func notNumbers(text: String) {
        guard case .badNumber? = error(text)?.reason else {
            Issue.record("\(text) should be a bad number")
            return
        }
    }

    @Test("an unterminated quote points at the opening quote")
    func unterminatedQuote() {
        #expect(error(#"kick "vinyl crackle"#)?.description == "unterminated quote at 5")
        #expect(error(#"tag:"lo fi"#) == QueryError(.unterminatedQuote, at: 4))
        #expect(error(#"-"open"#) == QueryError(.unterminatedQuote, at: 1))
    }

    @Test("an unknown key names the key text")
    func unknownKey() {
        #expect(error("key:H#")?.description == #"unknown key "H#" at 4"#)
        #expect(error("key:13A") == QueryError(.unknownValue("13A", field: "key"), at: 4))
        #expect(error("key:Amx") == QueryError(.unknownValue("Amx", field: "key"), at: 4))
    }

    @Test("values outside a field's vocabulary are rejected")
    func unknownValues() {
        #expect(error("type:drone")?.description == #"unknown type "drone" at 5"#)
        #expect(error("family:banjo") == QueryError(.unknownValue("banjo", field: "family"), at: 7))
        #expect(error("status:gone") == QueryError(.unknownValue("gone", field: "status"), at: 7))
        #expect(error("sort:colour") == QueryError(.unknownValue("colour", field: "sort"), at: 5))
    }

    @Test("a field without a value and a negated sort are errors")
    func missingValueAndNegatedSort() {
        #expect(error("kick tag:")?.description == "missing value for tag at 9")
        #expect(error(#"tag:"""#) == QueryError(.missingValue(field: "tag"), at: 4))
        #expect(error("a -sort:bpm") == QueryError(.negatedSort, at: 2))
    }
}
