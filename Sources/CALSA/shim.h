#ifndef SAMPLEMIND_CALSA_SHIM_H
#define SAMPLEMIND_CALSA_SHIM_H
#include <alsa/asoundlib.h>

/* ALSA's error handler is a variadic C callback, which Swift cannot declare:
   this shim installs a handler that drops ALSA's own stderr chatter
   ("ALSA lib pcm.c:... Unknown PCM default") so it never reaches the terminal. */
static void samplemind_alsa_silent_handler(const char *file, int line, const char *function,
                                           int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

/// Silences ALSA's library-level error messages for this process.
static inline void samplemind_alsa_silence_errors(void) {
    snd_lib_error_set_handler(samplemind_alsa_silent_handler);
}
#endif
