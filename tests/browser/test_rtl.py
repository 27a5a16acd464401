"""Arabic reads right to left: layout mirrored, numbers still readable, nothing sideways."""

from __future__ import annotations

import os

import pytest

from .conftest import CHROMIUM_ARGS
from .conftest import chromium_path

pytestmark = pytest.mark.browser


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("path", ["/ar/", "/ar/overdose/", "/ar/helping-or-enabling/", "/ar/get-help/"])
def test_arabic_pages_are_mirrored_and_fit_320px(live_server, page, path, tmp_path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    main = box(page, "main")
    heading = box(page, "h1")
    # The heading starts at the right edge of the content, not the left.
    assert abs((heading["x"] + heading["width"]) - (main["x"] + main["width"] - 16)) <= 2
    shot = page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
    assert len(shot) > 10_000  # a rendered page, not a blank one
    assert page.errors == []


def test_previous_is_on_the_right_and_arrows_point_outwards(live_server, page):
    page.set_viewport_size({"width": 800, "height": 800})  # wide enough for both side by side
    page.goto(f"{live_server.url}/ar/boundaries/")
    previous, following = box(page, "a[rel=prev]"), box(page, "a[rel=next]")
    assert previous["x"] > following["x"]
    arrow = page.evaluate(
        "getComputedStyle(document.querySelector('.app-pager__link--prev .app-pager__label'), '::before').content"
    )
    assert arrow == '"→ "'


def test_phone_numbers_stay_left_to_right(live_server, page):
    page.goto(f"{live_server.url}/ar/get-help/")
    numbers = page.locator("a.app-tel")
    assert numbers.count() > 10
    for index in range(numbers.count()):
        number = numbers.nth(index)
        assert number.get_attribute("dir") == "ltr"
        assert number.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert page.locator("a.app-tel[href='tel:+18006624357']").inner_text() == "1-800-662-4357"


#: Private Use Area characters: no font draws them, so each shows the missing-glyph box.
TOFU = ["\ue000\ue001\ue002\ue003", "\ue010\ue011\ue012\ue013"]
#: Each text drawn on a canvas in the page's own font, as a PNG data URL.
DRAW = """texts => texts.map(text => {
    const canvas = document.createElement('canvas'); canvas.width = 200; canvas.height = 60;
    const pen = canvas.getContext('2d'); pen.font = getComputedStyle(document.body).font;
    pen.fillText(text, 10, 40); return canvas.toDataURL(); })"""
#: fontconfig as the system has it, minus every font that has Arabic letters.
NO_ARABIC_FONTS = """<?xml version="1.0"?>
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern><patelt name="lang"><string>ar</string></patelt></pattern></rejectfont></selectfont>
</fontconfig>
"""


def arabic_is_drawn_as_tofu(page) -> bool:
    """Whether a 4-letter Arabic word looks exactly like 4 missing-glyph boxes."""
    word, tofu, other_tofu = page.evaluate(DRAW, ["دليل", *TOFU])
    assert tofu == other_tofu, "any 4 missing characters look the same"
    return word == tofu


def test_arabic_text_is_rendered_with_a_font_that_has_arabic(live_server, page):
    page.goto(f"{live_server.url}/ar/")
    assert not arabic_is_drawn_as_tofu(page)


def test_the_font_check_sees_tofu_on_a_system_without_arabic_fonts(playwright_instance, live_server, tmp_path):
    """The check above can fail: in a Chromium that has no Arabic font it reports tofu."""
    config = tmp_path / "fonts.conf"
    config.write_text(NO_ARABIC_FONTS)
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS, env={**os.environ, "FONTCONFIG_FILE": str(config)}
    )
    try:
        page = browser.new_page()
        page.goto(f"{live_server.url}/ar/")
        assert arabic_is_drawn_as_tofu(page)
    finally:
        browser.close()
