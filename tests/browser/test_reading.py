"""A reader on a small phone: layout, keyboard, languages, themes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


# Every page fitting a 320 px screen (at 100% and 200% text) is in test_accessibility.py.


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


#: The app's focus style (static/css/app.css): a 3 px near-black outline inside a 6 px
#: yellow ring, in both colour schemes. Chromium's own ring is ``outline-style: auto``.
FOCUS = {"outlineStyle": "solid", "outlineWidth": "3px", "outlineColor": "rgb(11, 12, 12)", "boxShadow": "rgb(255, 221, 0) 0px 0px 0px 6px"}
FOCUSED_STYLE = """() => { const el = document.activeElement, style = getComputedStyle(el);
    return [el.tagName + ' ' + el.textContent.trim().slice(0, 30),
            {outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth,
             outlineColor: style.outlineColor, boxShadow: style.boxShadow}]; }"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_is_visible(browser, live_server, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/tools/plan/")  # links, the menu, a button and form fields
    seen = []
    for _ in range(8):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED_STYLE))
    context.close()
    assert [name for name, _ in seen if name.startswith("BODY")] == []
    assert [(name, style) for name, style in seen if style != FOCUS] == []


def test_overdose_link_is_one_tap_from_any_page(live_server, page):
    page.goto(f"{live_server.url}/en/treatment/")
    page.locator("header.app-bar a.app-bar__overdose").click()
    page.wait_for_url("**/en/overdose/")
    assert page.locator("h1").inner_text().startswith("Overdose")


def test_language_menu_lists_languages_and_marks_the_current_one(app, live_server, page):
    page.goto(f"{live_server.url}/es/overdose/")
    page.locator("header.app-bar .app-menu > summary").click()
    menu = page.locator("header.app-bar nav.app-menu__panel")
    languages = menu.locator(".app-languages a")
    assert languages.all_inner_texts() == [other.name for other in app.extensions["guide"].menu]
    assert menu.locator(".app-languages a[aria-current=true]").all_inner_texts() == ["Español"]
    menu.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/overdose/")


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
