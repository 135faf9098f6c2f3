// TUI tests
