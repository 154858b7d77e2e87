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

from closeness_tui.listening import EARLY_END_SECONDS, SETTLE_SECONDS
from closeness_tui.store import Store, StoreLocked

pytestmark = [pytest.mark.e2e, needs_chromium]
LOADED = 60.0  # a step on a machine busy with the whole suite; usually well under a second

VIEWPORT = {"width": 1000, "height": 620}


@pytest.fixture(scope="module")
def browser():
    """One chromium for the file's tests (starting it costs seconds on a busy machine); each
    test opens its pages in contexts of their own (`new_page`), as fresh as a new profile.
    Not session-wide: playwright's sync API keeps an event loop running while it is open,
    and the asyncio tests a worker runs next (web server, Pilot) need none running. (When
    xdist runs other tests between this file's on the same worker, it starts again.)"""
    with chromium() as running:
        yield running


@pytest.fixture(autouse=True)
def _pages_closed(browser):
    """Each test's pages (and their contexts) are closed after it, as a closed browser was."""
    yield
    for context in browser.contexts:
        context.close()


def lock_is_free(data_dir) -> bool:
    try:
        Store.open(data_dir).close()
    except StoreLocked:
        return False
    return True


def test_first_run_in_the_browser_reaches_home_asking_no_other_host(tmp_path, browser):
    data_dir = tmp_path / "data"
    with web_server(data_dir) as server:
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


def test_second_tab_says_already_open_and_shows_no_names(tmp_path, browser):
    data_dir = tmp_path / "data"
    with web_server(data_dir) as server:
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


def test_app_already_open_elsewhere_draws_no_names_first(tmp_path, browser):
    """closeness open in a terminal (here: its lock held) while a tab opens: the tab's app
    says so, and not one frame before that carries the partners' names."""
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = "Ana", "Ben"
        store.save_settings(settings)
    holder = Store.open(data_dir)  # holds the lock, as an open closeness would
    try:
        with web_server(data_dir) as server:
            tab = BrowserTab(browser.new_page(viewport=VIEWPORT))
            tab.page.goto(server.url)
            tab.wait_first_frame()
            tab.wait_for("already open")
            tab.page.wait_for_timeout(500)
            assert "Ana" not in tab.text() and "Ben" not in tab.text()
    finally:
        holder.close()


def settle(tab: BrowserTab) -> None:
    """A step ignores the key that brought it on screen for SETTLE_SECONDS (a repeat or a
    bounce must not also answer it): once its words show, wait that long, as a person would
    take in a new screen before answering it."""
    tab.page.wait_for_timeout(SETTLE_SECONDS * 1000 + 100)


def test_a_listening_round_in_the_browser(tmp_path, browser):
    """A couple in the browser: set up, begin, Ana speaks, Ben says back what he heard (typed
    in the tab, brackets and all), Ana says he got it, a reflection, then Ben has the floor.
    Each key waits for what it answers to be on the screen as it is now (never for words
    drawn earlier, or for a fixed time), with generous timeouts for a loaded machine."""
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        settings = store.settings()
        settings.partner_a, settings.partner_b = "Ana", "Ben"
        store.save_settings(settings)
    with web_server(data_dir) as server:
        tab = BrowserTab(browser.new_page(viewport=VIEWPORT))
        tab.page.goto(server.url)
        tab.wait_first_frame()
        tab.wait_now("Hello, Ana and Ben", timeout=START_TIMEOUT)
        tab.press("l")
        tab.wait_now("Who speaks first?", timeout=LOADED)
        tab.press("Control+s")
        tab.wait_now("Is now a good time for both of you?", timeout=LOADED)
        settle(tab)
        tab.press("Control+s")
        tab.wait_now("Ana speaks", timeout=LOADED)
        tab.wait_now("Ben listens", timeout=LOADED)
        settle(tab)
        # A browser keeps ctrl+t (a new tab) for itself: a break is a click on the footer.
        tab.click_words("Break")
        tab.wait_now("Taking a break", timeout=LOADED)
        settle(tab)
        tab.press("Escape")
        tab.wait_now("A listening session is waiting for you", timeout=LOADED)
        tab.press("l")
        tab.wait_now("Carry on", timeout=LOADED)  # the setup's offer, focused
        settle(tab)
        tab.press("Enter")
        tab.wait_now("You stopped at: Ana speaking", timeout=LOADED)
        settle(tab)
        tab.click_words("We're ready: carry on")  # (ctrl+r would reload the page)
        tab.wait_now("Paused. Press space", timeout=LOADED)  # carried on where it was, paused
        settle(tab)
        tab.press(" ")
        tab.wait_gone("Paused. Press space", timeout=LOADED)
        # A turn ended in its first seconds asks first (listening.EARLY_END_SECONDS): let it
        # run that long, counted from when it shows running.
        tab.page.wait_for_timeout(EARLY_END_SECONDS * 1000 + 500)
        tab.press("Enter")
        tab.wait_now("Ben, what did you hear Ana say?", timeout=LOADED)
        settle(tab)
        tab.type("What I heard is you want [quiet] Sundays")
        tab.wait_now("[quiet] Sundays", timeout=LOADED)  # shown literally, as typed
        tab.press("Control+s")
        tab.wait_now("Ana, did Ben get it?", timeout=LOADED)
        settle(tab)
        tab.press("g")
        tab.wait_now("Is there more, Ana?", timeout=LOADED)
        settle(tab)
        tab.press("n")
        tab.wait_now("Ben, what makes sense to you", timeout=LOADED)
        settle(tab)
        tab.type("you work all week")  # after the box's own "That makes sense to me because"
        tab.wait_now("all week", timeout=LOADED)
        tab.press("Control+s")
        tab.wait_now("Ben, how might Ana be feeling?", timeout=LOADED)
        settle(tab)
        tab.press("Control+l")  # leave out the empathy guess
        tab.wait_now("Ben has the floor", timeout=LOADED)
