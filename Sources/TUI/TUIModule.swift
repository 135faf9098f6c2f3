// TUI: the pure half of the terminal UI — cells, buffers, layout, widgets and themes, rendered
// into memory so screens can be tested as text. Only TUICurses talks to the real terminal.
