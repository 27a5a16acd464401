"""The overdose moment: the steps one tap away from anywhere, the call one tap away there."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

#: Layout shift from the first paint to one second after load, as Chromium reports it.
CLS = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { total += entry.value; } }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1000);
})"""


def longest_chapter(app) -> str:
    site = app.extensions["guide"]
    return max(site.chapters.values(), key=lambda chapter: len(chapter.path.read_text("utf-8"))).slug


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_overdose_link_stays_in_view_at_the_bottom_of_the_longest_chapter(app, live_server, page, lang):
    page.goto(f"{live_server.url}/{lang}/{longest_chapter(app)}/")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)
    assert page.evaluate("window.scrollY") > 2000, "the chapter should be long enough to scroll"
    link = page.locator(".app-bar__overdose")
    box = link.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]
    assert box["height"] >= 44
    link.click()
    page.wait_for_url("**/overdose/")


def test_an_anchor_heading_is_not_hidden_under_the_bar(live_server, page):
    page.goto(f"{live_server.url}/en/overdose/#signs-of-an-overdose")
    page.wait_for_timeout(200)
    heading = page.locator("#signs-of-an-overdose").bounding_box()
    bar = page.locator(".app-bar").bounding_box()
    assert heading["y"] >= bar["y"] + bar["height"] - 1


@pytest.mark.parametrize(("lang", "country", "number"), [("en", "GB", "999"), ("es", "MX", "911"), ("ar", "AU", "000")])
def test_with_a_country_chosen_the_call_button_comes_first(live_server, page, lang, country, number):
    page.goto(f"{live_server.url}/{lang}/overdose/")
    page.evaluate(f"localStorage.setItem('guide.country', '{country}')")
    page.reload()
    first = page.locator("main h1 ~ * a:visible, main h1 ~ * button:visible, main h1 ~ * select:visible").first
    assert first.get_attribute("class") == "app-call__button"
    assert first.get_attribute("href") == f"tel:{number}"
    assert number in first.inner_text()
    assert first.bounding_box()["height"] >= 48
    assert first.bounding_box()["width"] >= page.viewport_size["width"] - 40
    # The other countries fold behind one control, which opens them.
    assert not page.locator("[data-emergency-all] .app-emergency__list").is_visible()
    page.locator("[data-emergency-all] > summary").click()
    assert page.locator("[data-emergency-all] .app-emergency__list").is_visible()
    assert page.errors == []


def test_choosing_a_country_on_the_overdose_page_gives_its_button(live_server, page):
    page.goto(f"{live_server.url}/en/overdose/")
    chooser = page.get_by_label("Your country")
    chooser.focus()
    chooser.select_option("IE")
    button = page.locator(".app-call__button:visible")
    assert button.get_attribute("href") == "tel:112"
    assert page.evaluate("document.activeElement.getAttribute('href')") == "tel:112"


def test_the_steps_do_not_jump_when_the_call_button_fills_in(live_server, browser):
    # A plain 360 px window: with mobile emulation on, this Chromium reports no layout
    # shifts at all (checked with a deliberately late button), so it could not fail.
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/en/overdose/")
    page.evaluate("localStorage.setItem('guide.country', 'US')")
    page.reload()
    shift = page.evaluate(CLS)
    context.close()
    assert shift <= 0.1, f"cumulative layout shift {shift:.3f}"


def test_the_menu_leads_to_the_tools_and_closes_on_escape(live_server, page):
    page.goto(f"{live_server.url}/en/treatment/")
    menu = page.locator(".app-menu")
    page.get_by_text("Menu", exact=True).click()
    tools = page.get_by_role("link", name="Tools for your family")
    assert tools.is_visible()
    page.keyboard.press("Escape")
    assert not tools.is_visible()
    assert menu.get_attribute("open") is None
    page.get_by_text("Menu", exact=True).click()
    tools.click()
    page.wait_for_url("**/en/tools/")
