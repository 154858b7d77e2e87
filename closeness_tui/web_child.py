"""The app process behind one browser tab (started by `closeness web`, never by hand).

It runs closeness as usual, and ends it the way a closed terminal would (SIGTERM to itself,
which the app handles by leaving cleanly and freeing the data lock) as soon as the server
that started it is gone, however the server ended, SIGKILL included: on Linux the kernel
sends the signal (PR_SET_PDEATHSIG); everywhere, a watcher thread notices the new parent."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading

PARENT_ENV = "CLOSENESS_WEB_PARENT"
WATCH_EVERY = 0.5  # seconds between looks at the parent


def ask_kernel_for_parent_death_signal() -> bool:
    """Linux: have the kernel send SIGTERM when the parent dies. False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        return libc.prctl(pr_set_pdeathsig, int(signal.SIGTERM), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def parent_is_gone(expected: int) -> bool:
    return os.getppid() != expected


def watch_parent(expected: int, every: float = WATCH_EVERY) -> threading.Thread:
    """A daemon thread that signals this process (SIGTERM) once the parent is gone."""
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(every):
            if parent_is_gone(expected):
                os.kill(os.getpid(), signal.SIGTERM)
                return

    thread = threading.Thread(target=watch, name="closeness-parent-watch", daemon=True)
    thread.start()
    return thread


def main(argv: list[str] | None = None) -> None:
    expected = int(os.environ.get(PARENT_ENV, "0") or 0) or os.getppid()
    ask_kernel_for_parent_death_signal()
    if parent_is_gone(expected):  # the server died before the signal was asked for
        sys.exit(128 + int(signal.SIGTERM))
    watch_parent(expected)
    from closeness_tui.cli import main as closeness_main

    closeness_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    main()
