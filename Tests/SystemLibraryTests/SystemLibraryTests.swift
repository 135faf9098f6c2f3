import CALSA
import CNCurses
import Testing

@Suite("System library bindings link and expose what the shims promise")
struct SystemLibraryTests {
    @Test("ncursesw's wide-character API and attribute shims are available")
    func ncurses() {
        // The wide API only exists when the shim defines NCURSES_WIDECHAR before including curses.h.
        var cell = cchar_t()
        _ = withUnsafeMutablePointer(to: &cell) { $0 }
        #expect(samplemind_a_bold() != 0)
        #expect(samplemind_a_reverse() != samplemind_a_bold())
    }

    @Test("ALSA's null device opens with the library's error chatter silenced")
    func alsaNull() {
        samplemind_alsa_silence_errors()
        var pcm: OpaquePointer?
        let status = snd_pcm_open(&pcm, "null", SND_PCM_STREAM_PLAYBACK, 0)
        #expect(status == 0)
        if let pcm { snd_pcm_close(pcm) }
        // A device that does not exist fails with a negative errno instead of crashing.
        var missing: OpaquePointer?
        #expect(snd_pcm_open(&missing, "hw:99,0", SND_PCM_STREAM_PLAYBACK, 0) < 0)
    }
}
