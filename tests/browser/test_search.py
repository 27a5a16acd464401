"""Search in the bar's menu: offline in every shipped language, the same ranking as the
index's reference, usable by keyboard and screen reader, at 320 px and right to left,
and nothing typed ever sent anywhere."""

from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from guide.search import search as reference_search

from ..unit.test_search_index import RANKING

pytestmark = pytest.mark.browser

#: One query per shipped language, and the chapter its first result must be in.
OFFLINE = {"en": ("naloxone", "overdose"), "es": ("recaida", "relapse-planning"), "ar": ("الحزن", "when-the-worst-happens")}


def open_search(page):
    """Open the bar's menu; return the search box (label "Search this guide", until translated)."""
    page.click(".app-menu__button")
    box = page.locator("#app-search")
    expect(box).to_be_visible()
    return box


def run(page, query: str) -> list[str]:
    """Type ``query`` and wait until the result count is announced; the results' links."""
    box, status = page.locator("#app-search"), page.locator(".app-search__status")
    box.fill("")
    expect(status).to_have_text("")
    box.fill(query)
    expect(status).not_to_have_text("", timeout=15000)
    return page.eval_on_selector_all(".app-search__results a", "links => links.map(a => a.getAttribute('href'))")


def wait_until_saved(page) -> None:
    status = page.locator(".app-offline-status")
    # The first /sw.js renders every page and index of every language: slow on a busy machine.
    expect(status).to_have_text(status.get_attribute("data-saved"), timeout=90000)
    page.evaluate("""new Promise(done => navigator.serviceWorker.controller ? done(true)
        : navigator.serviceWorker.addEventListener("controllerchange", () => done(true)))""")


@pytest.mark.parametrize("code", OFFLINE)
def test_search_works_offline_after_the_first_visit(live_server, page, context, code):
    query, chapter = OFFLINE[code]
    page.goto(f"{live_server.url}/{code}/")
    wait_until_saved(page)
    context.set_offline(True)
    page.goto(f"{live_server.url}/{code}/treatment/")
    open_search(page)
    links = run(page, query)
    assert links and links[0].startswith(f"/{code}/{chapter}/"), links[:3]
    first = page.locator(".app-search__results li").first
    expect(first.locator("mark").first).to_be_visible()
    assert len(first.locator(".app-search__snippet").inner_text()) > 40
    assert page.errors == []


def test_the_page_ranks_exactly_as_the_reference(app, live_server, page):
    """search.js and guide/search.py are one algorithm written twice: the same sections, in order."""
    client = app.test_client()
    for code, queries in RANKING.items():
        html = client.get(f"/{code}/").get_data(as_text=True)
        index = json.loads(client.get(re.search(r'data-index="([^"]+)"', html).group(1)).data)
        page.goto(f"{live_server.url}/{code}/")
        open_search(page)
        for query in [*queries, "nal", "the and"]:
            expected = [url + (f"#{anchor}" if anchor else "") for url, anchor in reference_search(index, query)]
            assert run(page, query) == expected, (code, query)
    assert page.errors == []


def test_typing_sends_nothing_anywhere(live_server, page):
    page.goto(f"{live_server.url}/en/about/")
    open_search(page)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    run(page, "naloxone")
    run(page, "secret words")
    assert not [url for url in asked if "?" in url or "naloxone" in url or "secret" in url]
    assert all(url.startswith(live_server.url) for url in asked)


def test_without_javascript_there_is_no_box_and_the_contents_stay(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")
    page.click(".app-menu__button")
    expect(page.locator(".app-menu__links a").first).to_be_visible()
    expect(page.locator(".app-search")).to_be_hidden()
    context.close()


def test_keyboard_label_announcement_and_enter_opens_the_first_result(live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.focus(".app-menu__button")
    page.keyboard.press("Enter")
    box = page.get_by_label("Search this guide")
    expect(box).to_be_visible()
    page.keyboard.press("Tab")
    expect(box).to_be_focused()
    page.keyboard.type("jail")
    status = page.locator(".app-search__status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text(re.compile(r"^\d+ results?$"), timeout=15000)
    page.keyboard.press("Tab")
    expect(page.locator(".app-search__results a").first).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/arrest-jail-and-release/"))


def test_no_results_is_said(live_server, page):
    page.goto(f"{live_server.url}/en/")
    open_search(page)
    assert run(page, "qqqqzzzz") == []
    expect(page.locator(".app-search__status")).to_have_text("No results")


def test_results_are_large_targets_and_fit_320px_in_arabic_right_to_left(live_server, page):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/ar/")
    box = open_search(page)
    assert box.bounding_box()["height"] >= 44
    assert run(page, "النالوكسون")
    links = page.locator(".app-search__results a")
    assert all(links.nth(i).bounding_box()["height"] >= 44 for i in range(links.count()))
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert box.evaluate("el => getComputedStyle(el).direction") == "rtl"
    first, input_box = links.first.bounding_box(), box.bounding_box()
    # Right to left: the result's text starts at the right edge, as the box does.
    heading = page.locator(".app-search__heading").first.bounding_box()
    assert abs((heading["x"] + heading["width"]) - (first["x"] + first["width"])) < 2
    assert abs((input_box["x"] + input_box["width"]) - (first["x"] + first["width"])) < 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_in_the_open_results(browser, live_server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/es/")
    open_search(page)
    run(page, "naloxona")
    result = Axe().run(page).response
    assert result["passes"], "axe did not run"
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    context.close()
