"""The yardstick for bench/startup.py: a hello-world Textual app (Header, Static, Footer).

It exits by itself once its first frame is painted (on Ready, after a refresh), as closeness
does on Home when CLOSENESS_BENCH_EXIT_ON_HOME=1.
"""

import os
import time
from pathlib import Path

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
        cpu_file = os.environ.get("CLOSENESS_BENCH_CPU_FILE")
        if cpu_file:  # CPU seconds used up to the first frame, for the bench
            Path(cpu_file).write_text(repr(time.process_time()))


if __name__ == "__main__":
    HelloApp().run()
