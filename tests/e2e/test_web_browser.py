"""closeness in a real browser (Debian's chromium, driven by playwright): the installed
`closeness web` serves it, a couple names themselves and reaches Home, the page asks nothing
of any other host, a second tab shows no names, and closing the tab frees the data."""

from __future__ import annotations

import pytest
from web_helpers import (
    START_TIMEOUT,
    STEP_TIMEOUT,
    BrowserTab,
    chromium,
    complete_first_run,
    needs_chromium,
    wait_until,
    web_server,
)

from closeness_tui.store import Store, StoreLocked

pytestmark = [pytest.mark.e2e, needs_chromium]

VIEWPORT = {"width": 1000, "height": 620}


def lock_is_free(data_dir) -> bool:
    try:
        Store.open(data_dir).close()
    except StoreLocked:
        return False
    return True


def test_first_run_in_the_browser_reaches_home_asking_no_other_host(tmp_path):
    data_dir = tmp_path / "data"
    with web_server(data_dir) as server, chromium() as browser:
        tab = BrowserTab(browser.new_page(viewport=VIEWPORT))
        tab.page.goto(server.url)
        tab.wait_first_frame()
        complete_first_run(tab, "Ana", "Ben")

        # Every request the page made (page, scripts, styles, font) and its websocket went
        # to this server, under its token; nothing was refused by the page's policy.
        own = f"{server.origin}/{server.token}/"
        assert tab.requests, "no requests recorded"
        assert all(url.startswith(own) for url in tab.requests), tab.requests
        assert [url.split("?")[0] for url in tab.websockets] == [server.ws_url]
        assert not [m for m in tab.console if "Content Security Policy" in m], tab.console
        assert f"{own}static/RobotoMono.ttf" in tab.requests  # the bundled font, not a CDN's

        # Reloading asks first (the browser's own "leave this page?"); once left, the old
        # tab's app leaves (saving) and the reloaded tab gets a new app, not "already open".
        dialogs: list[str] = []
        tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
        tab.frames.clear()
        tab.page.reload()
        assert dialogs == ["beforeunload"]
        tab.wait_first_frame()
        tab.wait_for("Hello, Ana and Ben", timeout=START_TIMEOUT)
        assert "already open" not in tab.page.inner_text("body")

        # The tab closes (headless chromium shows no question on closing): the app ends
        # and the names are on disk.
        tab.page.close(run_before_unload=False)
        wait_until(lambda: not server.app_pids(), what="the app to end with its tab")
        wait_until(lambda: lock_is_free(data_dir), what="the lock to be free")
        with Store.open(data_dir, read_only=True) as store:
            assert store.settings().names == ("Ana", "Ben")


def test_second_tab_says_already_open_and_shows_no_names(tmp_path):
    data_dir = tmp_path / "data"
    with web_server(data_dir) as server, chromium() as browser:
        first = BrowserTab(browser.new_page(viewport=VIEWPORT))
        first.page.goto(server.url)
        first.wait_first_frame()
        complete_first_run(first, "Ana", "Ben")

        second = BrowserTab(browser.new_page(viewport=VIEWPORT))
        second.page.goto(server.url)
        second.page.wait_for_selector("body.busy .busy-message", timeout=STEP_TIMEOUT * 1000)
        assert "already open in another tab" in second.page.inner_text("body")
        assert "Ana" not in second.page.content() and "Ben" not in second.page.content()
        assert second.frames == []  # no app was started for it: nothing private reached it
        assert len(server.app_pids()) == 1

        # The first tab is untouched and still answers keys.
        drawn = len(first.frames)
        first.press("F1")
        first.wait_until(lambda: len(first.frames) > drawn, what="the first tab to draw help")


def test_app_already_open_elsewhere_draws_no_names_first(tmp_path):
    """closeness open in a terminal (here: its lock held) while a tab opens: the tab's app
    says so, and not one frame before that carries the partners' names."""
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = "Ana", "Ben"
        store.save_settings(settings)
    holder = Store.open(data_dir)  # holds the lock, as an open closeness would
    try:
        with web_server(data_dir) as server, chromium() as browser:
            tab = BrowserTab(browser.new_page(viewport=VIEWPORT))
            tab.page.goto(server.url)
            tab.wait_first_frame()
            tab.wait_for("already open")
            tab.page.wait_for_timeout(500)
            assert "Ana" not in tab.text() and "Ben" not in tab.text()
    finally:
        holder.close()


@pytest.mark.xfail(
    reason="timing-sensitive when the whole suite runs in parallel (passes on its own and in "
    "most full runs; failed once in the last full run of 1 Dec 2026): to be made steady",
    strict=False,
)
def test_a_listening_round_in_the_browser(tmp_path):
    """A couple in the browser: set up, begin, Ana speaks, Ben says back what he heard (typed
    in the tab, brackets and all), Ana says he got it, a reflection, then Ben has the floor."""
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = "Ana", "Ben"
        store.save_settings(settings)
    with web_server(data_dir) as server, chromium() as browser:
        tab = BrowserTab(browser.new_page(viewport=VIEWPORT))
        tab.page.goto(server.url)
        tab.wait_first_frame()
        tab.wait_for("Hello, Ana and Ben", timeout=START_TIMEOUT)
        tab.press("l")
        tab.wait_for("Who speaks first?")
        tab.press("Control+s")
        tab.wait_for("Is now a good time for both of you?")
        tab.press("Control+s")
        tab.wait_for("Ana speaks")
        tab.wait_for("Ben listens")
        # A browser keeps ctrl+t (a new tab) for itself: a break is a click on the footer.
        tab.page.wait_for_timeout(500)
        tab.click_words("Break")
        tab.wait_for("Taking a break")
        tab.press("Escape")
        tab.wait_for("A listening session is waiting for you")
        tab.press("l")
        tab.wait_for("Carry on")
        tab.press("Enter")
        tab.wait_for("You stopped at: Ana speaking")
        tab.click_words("We're ready: carry on")  # (ctrl+r would reload the page)
        tab.wait_for("Paused. Press space")  # carried on where it was, paused
        tab.press(" ")
        # A turn ended in its first seconds asks first (listening.EARLY_END_SECONDS): let it run.
        tab.page.wait_for_timeout(5500)
        tab.press("Enter")
        tab.wait_for("Ben, what did you hear Ana say?")
        tab.type("What I heard is you want [quiet] Sundays")
        tab.wait_for("[quiet] Sundays")  # shown literally, as typed
        tab.press("Control+s")
        tab.wait_for("Ana, did Ben get it?")
        tab.page.wait_for_timeout(700)  # a rating counts once its step has settled
        tab.press("g")
        tab.wait_for("more")
        tab.page.wait_for_timeout(700)
        tab.press("n")
        tab.page.wait_for_timeout(500)
        tab.type("That makes sense to me because you work all week")
        tab.press("Control+s")
        tab.page.wait_for_timeout(500)
        tab.press("Control+l")  # leave out the empathy guess
        tab.wait_for("Ben has the floor")
