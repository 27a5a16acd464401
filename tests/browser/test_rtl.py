"""Arabic reads right to left: layout mirrored, numbers still readable, nothing sideways."""

from __future__ import annotations

import pytest

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


def test_arabic_text_is_rendered_with_a_font_that_has_arabic(live_server, page):
    page.goto(f"{live_server.url}/ar/")
    # A missing Arabic font renders every letter as the same empty box (.notdef):
    # then the width of two different words would be equal.
    widths = page.evaluate(
        """() => ['دليل', 'مممممم'].map(word => {
            const span = document.createElement('span'); span.textContent = word;
            document.body.appendChild(span); const w = span.getBoundingClientRect().width; span.remove(); return w; })"""
    )
    assert widths[0] != widths[1]
