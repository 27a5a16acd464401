"""Accessibility gates: axe-core, reflow at 320 px and 200% text, keyboard, reduced motion."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from guide.pwa import locale_urls

from .conftest import PHONE
from .conftest import browser_locales
from .speech import EVERY_LANGUAGE
from .speech import speech_stub

pytestmark = pytest.mark.browser


def every_page(app, extra: tuple[str, ...] = ()) -> list[str]:
    """Every page the service worker saves, in the representative locales, and a 404."""
    site = app.extensions["guide"]
    with app.test_request_context():
        pages = [url for code in browser_locales(app, extra) for url in locale_urls(site, code) if url.endswith("/")]
    return [*pages, "/en/no-such-page/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(app, live_server, browser, scheme):
    axe = Axe()
    context = browser.new_context(color_scheme=scheme, **PHONE)
    context.add_init_script(speech_stub(EVERY_LANGUAGE))  # a voice for every language: chapters show Listen
    page = context.new_page()
    found = {}
    for url in every_page(app):
        page.goto(live_server.url + url)
        result = axe.run(page).response
        assert result["passes"], "axe did not run"
        if result["violations"]:
            found[url] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    context.close()
    assert found == {}


def test_no_page_scrolls_sideways_at_320px_even_with_200_percent_text(app, live_server, page):
    page.set_viewport_size({"width": 320, "height": 640})
    wide = []
    for url in every_page(app, extra=("ru", "uk", "vi")):  # long Cyrillic and Vietnamese words too
        page.goto(live_server.url + url)
        for zoom in ("100%", "200%"):
            page.evaluate(f"document.documentElement.style.fontSize = '{zoom}'")
            if page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
                wide.append((url, zoom))
    assert wide == []


def test_tab_order_follows_the_page_and_the_language_menu_works_by_keyboard(app, live_server, page):
    page.goto(f"{live_server.url}/en/overdose/")
    order = []
    for _ in range(3):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.textContent.trim()"))
    # On a phone the bar holds the overdose link and the menu (the guide's name is in the menu).
    assert order == ["Skip to content", "Overdose? What to do", "Menu"]
    page.keyboard.press("Enter")
    for _ in range(3 + len(app.extensions["guide"].menu)):  # bounded: three links, then the languages
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Español":
            break
    assert page.evaluate("document.activeElement.closest('.app-menu') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/es/overdose/")
    assert page.evaluate("document.documentElement.lang") == "es"


def test_landmarks_and_one_main_heading(app, live_server, page):
    for url in ["/en/", "/en/overdose/", "/ar/treatment/", "/es/about/"]:
        page.goto(live_server.url + url)
        assert page.locator("header").count() == 1
        assert page.locator("main").count() == 1
        assert page.locator("footer").count() == 1
        assert page.locator("h1").count() == 1


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_nothing_moves(browser, live_server, motion):
    context = browser.new_context(reduced_motion=motion, **PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/overdose/")
    moving = page.evaluate(
        """() => [...document.querySelectorAll('*')].filter(el => {
            const s = getComputedStyle(el);
            return s.animationName !== 'none' || parseFloat(s.transitionDuration) > 0;
        }).length"""
    )
    assert moving == 0
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") != "smooth"
    context.close()
