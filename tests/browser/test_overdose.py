"""The overdose moment: the steps one tap away from anywhere, the call one tap away there."""

from __future__ import annotations

import re

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


PLAN = {
    "schema": 2,
    "plan": {
        "fields": {"naloxoneWhere": "Kitchen drawer, left of the sink", "naloxoneExpiry": "2020-01-31"},
        "people": [
            {"id": "p1", "name": "Ana", "role": "sister", "phone": "+1 555 0100"},
            {"id": "p2", "name": "Dr Lee", "role": "", "phone": "555-0101"},
            {"id": "p3", "name": "Sam", "role": "", "phone": ""},
            {"id": "p4", "name": "Jo", "role": "neighbour", "phone": "555 0103"},
        ],
    },
}


def save_plan(page, base, plan=PLAN):
    page.goto(f"{base}/en/tools/")
    page.evaluate("plan => localStorage.setItem('guide.data', JSON.stringify(plan))", plan)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_saved_plan_shows_under_the_call_button(live_server, page, lang):
    save_plan(page, live_server.url)
    page.evaluate("localStorage.setItem('guide.country', 'US')")
    page.goto(f"{live_server.url}/{lang}/overdose/")
    box = page.locator("[data-our-plan]")
    assert box.is_visible()
    assert "Kitchen drawer, left of the sink" in box.inner_text()
    # Past its date: still use it, get a new one.
    assert page.locator("[data-our-expiry]").is_visible()
    links = box.locator("a[href^='tel:']")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == ["tel:+15550100", "tel:5550101", "tel:5550103"]
    assert min(links.nth(i).bounding_box()["height"] for i in range(links.count())) >= 44
    assert "Sam" in box.inner_text()  # a person with no number is still listed
    # Under the call button, above the steps.
    call = page.locator(".app-call__button:visible").bounding_box()
    steps = page.locator("main ol").first.bounding_box()
    assert call["y"] < box.bounding_box()["y"] < steps["y"]
    assert page.errors == []


def test_plan_text_is_shown_as_text_never_as_markup(live_server, page):
    evil = {"schema": 2, "plan": {"fields": {"naloxoneWhere": "<img src=x onerror=alert(1)>"}, "people": []}}
    save_plan(page, live_server.url, evil)
    page.goto(f"{live_server.url}/en/overdose/")
    assert page.locator("[data-our-plan] img").count() == 0
    assert "<img src=x" in page.locator("[data-our-naloxone]").inner_text()


def test_the_plan_shows_offline_too(live_server, page, context):
    save_plan(page, live_server.url)
    page.goto(f"{live_server.url}/en/overdose/")
    page.locator(".app-offline-status").filter(has_text="Available offline").wait_for(timeout=30000)
    context.set_offline(True)
    page.reload()
    assert "Kitchen drawer" in page.locator("[data-our-plan]").inner_text()
    context.set_offline(False)


def test_without_a_saved_plan_nothing_of_it_shows(live_server, page):
    page.goto(f"{live_server.url}/en/overdose/")
    assert not page.locator("[data-our-plan]").is_visible()
    # The tools' data is not created by looking at the overdose page.
    assert page.evaluate("localStorage.getItem('guide.data')") is None


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_the_printed_card_fits_one_page(live_server, page, lang, size):
    save_plan(page, live_server.url)
    page.evaluate("localStorage.setItem('guide.country', 'GB')")
    page.goto(f"{live_server.url}/{lang}/overdose/")
    assert page.locator("[data-print-card]").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".app-call__button:visible").inner_text().find("999") != -1
    assert page.locator("main figure:visible").count() == 4
    assert page.locator("[data-our-plan] li:visible").count() == 3  # then "see your plan"
    assert page.locator(".app-our-plan__see-plan").is_visible()
    assert pdf_pages(page.pdf(format=size, print_background=False)) == 1


@pytest.mark.parametrize(("saved", "shown"), [
    ("SAMHSA National Helpline: 1-800-662-4357", "988 Suicide & Crisis Lifeline: 988"),  # the old prefill
    ("My counselor: 555 0100", "My counselor: 555 0100"),  # edited by the reader: kept
])
def test_a_plan_with_the_old_crisis_line_prefill_gets_the_crisis_line(live_server, page, saved, shown):
    save_plan(page, live_server.url, {"schema": 2, "plan": {"fields": {"crisisLine": saved}, "people": []}})
    page.evaluate("localStorage.setItem('guide.country', 'US')")
    page.goto(f"{live_server.url}/en/tools/plan/")
    assert page.locator("#plan-crisisLine").input_value() == shown
    page.wait_for_timeout(1500)
    assert page.evaluate("JSON.parse(localStorage.getItem('guide.data')).plan.fields.crisisLine") == shown
