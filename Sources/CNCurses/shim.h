#ifndef SAMPLEMIND_CNCURSES_SHIM_H
#define SAMPLEMIND_CNCURSES_SHIM_H
/* SwiftPM drops the -D flags of pkg-config, so the wide-character API must be switched on here. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

/* Macros and globals that Swift cannot import (or that are not concurrency-safe) as functions. */
static inline WINDOW *samplemind_stdscr(void) { return stdscr; }
static inline int samplemind_lines(void) { return LINES; }
static inline int samplemind_cols(void) { return COLS; }
static inline int samplemind_colors(void) { return COLORS; }
static inline attr_t samplemind_a_bold(void) { return A_BOLD; }
static inline attr_t samplemind_a_reverse(void) { return A_REVERSE; }
static inline attr_t samplemind_a_underline(void) { return A_UNDERLINE; }
static inline attr_t samplemind_a_dim(void) { return A_DIM; }
static inline attr_t samplemind_a_italic(void) { return A_ITALIC; }
static inline int samplemind_color_pairs(void) { return COLOR_PAIRS; }
static inline int samplemind_key_f0(void) { return KEY_F0; }
#endif
