"""Find anything in two taps: tools from home, tool links at the top, scripts ready in the
chapter, language switch that keeps the place, and the "saved on this phone" banner."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_exit import PHONE_390
from .test_offline import visit_until_saved

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE_390)
    yield context
    context.close()


def test_each_tool_is_one_tap_from_home(app, live_server, phone):
    from guide.tools import TOOLS

    page = phone.new_page()
    for tool in TOOLS:
        page.goto(f"{live_server.url}/en/")
        page.locator(f"main a[href='/en/tools/{tool}/']").first.click()
        page.wait_for_url(f"**/en/tools/{tool}/")


def test_the_tool_link_comes_before_the_first_section_of_its_chapter(live_server, phone):
    from guide.tools import TOOL_CHAPTERS

    page = phone.new_page()
    for tool, chapter in TOOL_CHAPTERS.items():
        for slug in (chapter,) if isinstance(chapter, str) else chapter:
            page.goto(f"{live_server.url}/en/{slug}/")
            link = page.locator(f".app-chapter a[href='/en/tools/{tool}/']").first
            first_section = page.locator(".app-chapter__body h2").first
            assert link.bounding_box()["y"] < first_section.bounding_box()["y"], slug
            assert link.bounding_box()["y"] < 844, f"{slug}: the tool link should be on the first screen"


def test_a_script_in_the_chapter_is_saved_to_my_scripts_once(live_server, phone):
    page = phone.new_page()
    page.goto(f"{live_server.url}/en/boundaries/")
    page.locator(".app-contents a[href='#money']").click()
    script = page.locator("#money ~ .app-script").first
    words = script.locator("p").nth(1).inner_text()
    script.get_by_role("button", name="Save to my scripts").click()
    expect(script.get_by_role("status")).to_have_text("Saved in My boundary scripts.")
    script.get_by_role("button", name="Save to my scripts").click()
    expect(script.get_by_role("status")).to_have_text("Already in My boundary scripts.")
    page.goto(f"{live_server.url}/en/tools/scripts/")
    assert page.locator("[data-my-scripts] li > p:first-child").all_inner_texts() == [words]


def test_a_deleted_script_can_be_brought_back(live_server, phone):
    page = phone.new_page()
    page.goto(f"{live_server.url}/en/tools/scripts/")
    for words in ("First words", "Second words"):
        page.locator("#script-text").fill(words)
        page.locator("[data-save-script]").click()
    page.locator("[data-my-scripts] li").first.get_by_role("button", name="Delete").click()
    assert page.locator("[data-my-scripts] li > p:first-child").all_inner_texts() == ["Second words"]
    page.get_by_role("button", name="Undo").click()
    assert page.locator("[data-my-scripts] li > p:first-child").all_inner_texts() == ["First words", "Second words"]
    page.reload()
    assert page.locator("[data-my-scripts] li > p:first-child").all_inner_texts() == ["First words", "Second words"]


def test_the_bar_never_moves_the_page(live_server, phone):
    """Tapping Menu, or tabbing through the bar, leaves the reader where they were (the bar is
    sticky: scroll space kept clear of it for anchors must not make its own buttons 'hidden')."""
    page = phone.new_page()
    page.goto(f"{live_server.url}/en/boundaries/#housing")
    page.wait_for_timeout(300)
    where = page.evaluate("scrollY")
    assert where > 1000
    page.locator(".app-menu__button").tap()
    page.wait_for_timeout(200)
    assert page.evaluate("scrollY") == where
    page.locator(".app-menu__button").tap()  # closed again
    controls = page.locator(".app-bar a, .app-bar summary")
    assert controls.count() >= 3
    for index in range(controls.count()):
        controls.nth(index).evaluate("element => element.focus()")  # as a Tab to it does
        assert page.evaluate("scrollY") == where, controls.nth(index).inner_text()


def test_switching_language_keeps_the_section_on_screen(live_server, phone):
    page = phone.new_page()
    page.goto(f"{live_server.url}/en/boundaries/#housing")  # the reader is at this section
    page.wait_for_timeout(300)
    page.locator(".app-menu__button").click()
    # A tap where the link is: Playwright's own click would first scroll the page to it.
    with page.expect_navigation():
        page.evaluate("document.querySelector('.app-menu__panel a[hreflang=es]').click()")
    page.wait_for_load_state()
    page.wait_for_timeout(500)
    assert page.url.endswith("/es/boundaries/#housing"), page.url
    heading = page.locator("#housing").bounding_box()
    assert 0 <= heading["y"] < 300


def test_the_saved_banner_shows_once_saved_and_stays_dismissed(live_server, phone):
    page = phone.new_page()
    visit_until_saved(page, f"{live_server.url}/en/")
    banner = page.locator("[data-install]")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Saved on this phone")
    expect(banner).to_contain_text("anyone who uses this phone")
    banner.get_by_role("button", name="Got it").click()
    expect(banner).to_be_hidden()
    page.reload()
    page.wait_for_timeout(500)
    expect(banner).to_be_hidden()
    page.goto(f"{live_server.url}/en/about/")
    expect(page.locator(".app-persist")).to_be_visible()


def test_the_banner_tells_iphone_readers_how_to_add_the_guide(browser, live_server):
    iphone = dict(PHONE_390, user_agent=(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"))
    context = browser.new_context(**iphone)
    try:
        page = context.new_page()
        visit_until_saved(page, f"{live_server.url}/en/")
        expect(page.locator("[data-install-apple]")).to_be_visible()
        expect(page.locator("[data-install-apple]")).to_contain_text("Add to Home Screen")
    finally:
        context.close()
