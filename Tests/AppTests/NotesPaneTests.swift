import App
import Foundation
import Testing

@Suite("The notes pane")
struct NotesPaneTests {
    @Test("with no AI provider the pane shows offline notes, marked as such — never empty")
    func offline() throws {
        let app = try AppDriver.standard("notes-offline")
        #expect(app.state.note?.source == "offline")
        #expect(app.screen.contains("Notes · offline"))
        #expect(app.screen.contains("bass"))
    }

    @Test("e edits the note inline; the user's text is kept and shown as theirs, also after r")
    func editAndRegenerate() throws {
        let app = try AppDriver.standard("notes-edit")
        app.press("e")
        #expect(app.state.mode == .noteEdit)
        app.press("<c-u>")   // not bound in prompts: typed text replaces via backspaces below
        for _ in 0..<(app.state.input.count) { app.press("<bs>") }
        app.type("warm sub for the drop")
        app.press("<enter>")
        #expect(app.state.note?.text == "warm sub for the drop" && app.state.note?.source == "user")
        #expect(app.screen.contains("Notes · yours"))
        app.press("r")
        #expect(app.state.note?.text == "warm sub for the drop", "regenerating never overwrites the user's note")
    }
}
