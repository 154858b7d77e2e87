"""The app's own words, as data (TOML). Loaded by closeness_tui.content."""
