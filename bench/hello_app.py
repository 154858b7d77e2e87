"""The yardstick for bench/startup.py: a hello-world Textual app (Header, Static, Footer).

bench/startup.py ends it (SIGTERM) once "Hello, world" reaches the terminal; it also exits by
itself once its first frame is painted, so it never lingers.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class HelloApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Hello, world")
        yield Footer()

    def on_ready(self) -> None:  # sent once the first frame is displayed
        self.call_after_refresh(self._drawn)

    def _drawn(self) -> None:
        self.exit()


if __name__ == "__main__":
    HelloApp().run()
