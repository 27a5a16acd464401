"""A reader on a small phone: layout, keyboard, languages, themes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_every_english_page_fits_a_320px_screen(app, live_server, page):
    page.set_viewport_size({"width": 320, "height": 640})
    for slug in ["", "about", *app.extensions["guide"].chapters]:
        page.goto(f"{live_server.url}/en/{slug}/")
        assert no_sideways_scroll(page), slug
    assert page.errors == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(live_server, page):
    page.goto(f"{live_server.url}/en/overdose/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    assert page.locator(".app-skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    page.keyboard.press("Tab")
    # The next tab stop is inside the main content, not back in the header.
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_focus_is_visible(live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_overdose_link_is_one_tap_from_any_page(live_server, page):
    page.goto(f"{live_server.url}/en/treatment/")
    page.get_by_role("link", name="Overdose? What to do").click()
    page.wait_for_url("**/en/overdose/")
    assert page.locator("h1").inner_text().startswith("Overdose")


def test_language_menu_lists_languages_and_marks_the_current_one(live_server, page):
    page.goto(f"{live_server.url}/en/overdose/")
    page.get_by_role("link", name="Language").click()
    menu = page.get_by_role("navigation", name="Read this guide in")
    assert menu.get_by_role("link", name="English").get_attribute("aria-current") == "true"


def test_root_sends_a_spanish_browser_to_spanish(browser, live_server):
    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.url == f"{live_server.url}/es/"
    assert page.evaluate("document.documentElement.lang") == "es"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_colour_schemes_have_readable_text(browser, live_server, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/overdose/")
    colours = page.evaluate(
        "[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]"
    )
    assert colours[0] != colours[1]
    expected_bg = "rgb(255, 255, 255)" if scheme == "light" else "rgb(18, 18, 18)"
    assert colours[1] == expected_bg
    context.close()
