"""Leave in one tap: the exit control on every page, Shift three times, and what Back shows after."""

from __future__ import annotations

import pytest

from .test_offline import visit_until_saved

pytestmark = pytest.mark.browser

#: A 390 px phone, as the issue measured.
PHONE_390 = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def every_page(app, lang: str) -> list[str]:
    from guide.pwa import locale_urls

    with app.test_request_context():
        urls = locale_urls(app.extensions["guide"], lang)
    return [u for u in urls if u.endswith("/") and "/recipe/" not in u]


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE_390)
    yield context
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_exit_control_is_in_view_on_every_page_after_scrolling(app, live_server, phone, lang):
    page = phone.new_page()
    for url in every_page(app, lang):
        page.goto(live_server.url + url)
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        exit_link = page.locator(".app-bar [data-exit]")
        box = exit_link.bounding_box()
        assert box, f"{url}: no exit control"
        assert 0 <= box["y"] and box["y"] + box["height"] <= 844, f"{url}: exit scrolled out of view"
        assert box["height"] >= 44 and box["width"] >= 44, f"{url}: exit smaller than 44 px"


def test_exit_replaces_the_page_so_back_does_not_show_it(live_server, phone):
    page = phone.new_page()
    page.goto(f"{live_server.url}/en/")
    page.goto(f"{live_server.url}/en/boundaries/")
    page.locator(".app-bar [data-exit]").click()
    page.wait_for_url("**/en/recipe/")
    assert "guide" not in page.title().lower()
    page.go_back()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}/en/", "Back must skip the page the reader left"


def test_after_exit_back_leaves_the_guide_when_it_was_the_first_guide_page(live_server, phone):
    page = phone.new_page()
    page.goto("about:blank")
    page.goto(f"{live_server.url}/es/talking-together/")
    page.locator(".app-bar [data-exit]").click()
    page.wait_for_url("**/es/recipe/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.go_back()
    page.wait_for_timeout(300)
    assert page.url == "about:blank"


def test_shift_three_times_exits_but_not_while_typing(live_server, phone):
    page = phone.new_page()
    page.goto(f"{live_server.url}/en/tools/plan/")
    field = page.locator("textarea, input[type=text]").first
    field.click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.endswith("/en/tools/plan/"), "Shift in a text field (the iOS keyboard's) must not exit"
    page.locator("h1").click()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("**/en/recipe/")


def test_exit_saves_what_was_being_typed_and_stops_reading_aloud(live_server, phone):
    page = phone.new_page()
    page.add_init_script(
        "window.speechSynthesis && (speechSynthesis.cancel = () => sessionStorage.setItem('cancelled', '1'));"
    )
    page.goto(f"{live_server.url}/en/tools/plan/")
    field = page.locator("textarea").first
    field.fill("Call Sam at 8")
    page.locator(".app-bar [data-exit]").click()  # well before the save after a pause in typing
    page.wait_for_url("**/en/recipe/")
    assert page.evaluate("sessionStorage.getItem('cancelled')") == "1"
    page.go_back()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/en/tools/plan/")
    assert page.locator("textarea").first.input_value() == "Call Sam at 8"


def test_the_neutral_page_opens_offline(live_server, phone):
    page = phone.new_page()
    visit_until_saved(page, f"{live_server.url}/ar/overdose/", saved_text="متاح دون اتصال")
    phone.set_offline(True)
    page.locator(".app-bar [data-exit]").click()
    page.wait_for_url("**/ar/recipe/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text().strip()
    phone.set_offline(False)
