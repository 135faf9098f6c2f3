import QueryLanguage

/// The query language: any text either fails with a positioned error or compiles to SQL whose
/// every user value is a bound argument (as many `?` as arguments, no user text in the SQL).
enum QueryFuzz {
    static func run(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        do {
            let compiled = try QueryCompiler.compile(text)
            let placeholders = compiled.whereClause.filter { $0 == "?" }.count
            precondition(placeholders == compiled.arguments.count, "placeholders \(placeholders) ≠ arguments \(compiled.arguments.count)")
            precondition(!compiled.whereClause.contains(";"), "statement separator in compiled SQL")
            precondition(compiled.orderBy.hasSuffix("s.id"))
        } catch {
            precondition(error.offset >= 0 && error.offset <= text.count, "error offset \(error.offset) outside the text")
        }
    }
}
