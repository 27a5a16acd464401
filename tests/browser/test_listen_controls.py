"""Listen (issue 17), the controls: pause, resume, stop, a tap on a block, leaving the page,
blocks in English, and the controls' size, labels and axe. Helpers: ``test_listen.py``."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from tests.unit.test_fallback_marking import catalog_with_one_block_in_english
from tests.unit.test_fallback_marking import first_block

from .conftest import PHONE
from .conftest import LiveServer
from .speech import EVERY_LANGUAGE
from .test_targets import SMALL_TARGETS
from .test_listen import CURRENT
from .test_listen import FIRST_BLOCKS
from .test_listen import STATUS
from .test_listen import STOP
from .test_listen import TOGGLE
from .test_listen import end_current
from .test_listen import log
from .test_listen import open_page
from .test_listen import spoken
from .test_listen import wait_cancel_after_pagehide
from .test_listen import wait_spoken

pytestmark = pytest.mark.browser


# 4. Pause, resume, stop; a tap on a block continues from there ------------------------


def test_pause_resume_stop_and_tapping_a_block(live_server, page):
    open_page(page, f"{live_server.url}/en/boundaries/", [("en-US", True)])
    blocks = page.evaluate(FIRST_BLOCKS)
    toggle, stop = page.locator(TOGGLE), page.locator(STOP)
    toggle.click()
    wait_spoken(page, 1)
    expect(toggle).to_have_text("Pause")
    expect(stop).to_be_visible()
    end_current(page)
    wait_spoken(page, 2)

    cancels = page.evaluate("__speech.cancels")
    toggle.click()  # Pause
    expect(toggle).to_have_text("Resume")
    assert page.evaluate("__speech.cancels") > cancels and page.evaluate("__speech.current") is None
    page.wait_for_timeout(300)
    assert spoken(page) == blocks[:2], "nothing more is said while paused"
    expect(page.locator(CURRENT)).to_have_text(blocks[1])  # the place is kept

    toggle.click()  # Resume: the paused block again, from its start
    wait_spoken(page, 3)
    assert spoken(page)[2] == blocks[1]
    expect(toggle).to_have_text("Pause")
    end_current(page)
    wait_spoken(page, 4)
    assert spoken(page)[3] == blocks[2]

    later = page.locator(".app-chapter__body > p").nth(3)  # tap a later paragraph while reading
    later_text = later.evaluate("(e) => e.textContent.replace(/\\s+/g, ' ').trim()")
    later.click(position={"x": 5, "y": 5})
    wait_spoken(page, 5)
    assert spoken(page)[4] == later_text
    expect(later).to_have_class("app-listen-current")
    assert page.evaluate("__speech.overlaps") == 0

    toggle.click()  # Pause, then tap another block: reading continues from it
    expect(toggle).to_have_text("Resume")
    heading = page.locator(".app-chapter__body h3").nth(3)
    heading.click()
    wait_spoken(page, 6)
    assert spoken(page)[5] == heading.inner_text().strip()
    expect(toggle).to_have_text("Pause")

    cancels = page.evaluate("__speech.cancels")
    stop.click()
    assert page.evaluate("__speech.cancels") > cancels
    expect(toggle).to_have_text("Listen")
    expect(stop).to_be_hidden()
    assert page.evaluate("document.activeElement.className").endswith("app-listen__toggle"), "focus is not lost"
    expect(page.locator(CURRENT)).to_have_count(0)
    page.wait_for_timeout(300)
    assert len(spoken(page)) == 6, "nothing more is said after Stop"
    later.click(position={"x": 5, "y": 5})  # with reading stopped, a tap is only a tap
    page.wait_for_timeout(200)
    assert len(spoken(page)) == 6
    assert page.errors == []


def test_a_link_in_a_block_is_still_a_link_while_reading(live_server, page):
    open_page(page, f"{live_server.url}/en/boundaries/", [("en-US", True)])
    page.locator(TOGGLE).click()
    wait_spoken(page, 1)
    page.locator("article > p a").first.click()  # "Helping or enabling?" in the introduction
    page.wait_for_url("**/en/helping-or-enabling/")
    wait_cancel_after_pagehide(page)
    entries = log(page)
    assert [e[0] for e in entries].count("speak") == 1
    assert "cancel" in [e[0] for e in entries[entries.index(["pagehide"]):]]


# 5. Leaving the page or the exit control stops speech ---------------------------------


def test_leaving_the_page_stops_speech(live_server, page):
    # Slow enough that the chapter is still being read when the next page comes (100 blocks).
    open_page(page, f"{live_server.url}/en/boundaries/", [("en-US", True)], auto_end_ms=300)
    page.locator(TOGGLE).click()
    wait_spoken(page, 2)
    following = page.locator(".app-pager__link--next")
    href = following.get_attribute("href")
    following.click()
    page.wait_for_url(f"**{href}")
    wait_cancel_after_pagehide(page)
    page.wait_for_timeout(300)
    entries = [e[0] for e in log(page)]
    left = entries.index("pagehide")
    assert "speak" not in entries[left:], entries
    assert "cancel" in entries[left:], "speech is cancelled as the page goes"


def test_the_exit_event_stops_reading(live_server, page):
    open_page(page, f"{live_server.url}/en/boundaries/", [("en-US", True)], auto_end_ms=40)
    page.locator(TOGGLE).click()
    wait_spoken(page, 2)
    cancels = page.evaluate("__speech.cancels")
    page.evaluate("document.dispatchEvent(new CustomEvent('guide:exit'))")
    count = len(spoken(page))
    assert page.evaluate("__speech.cancels") > cancels
    page.wait_for_timeout(400)
    assert len(spoken(page)) == count, "nothing more is said after guide:exit"
    expect(page.locator(CURRENT)).to_have_count(0)


def test_the_exit_control_stops_reading(live_server, page):
    open_page(page, f"{live_server.url}/en/boundaries/", [("en-US", True)])
    page.locator(TOGGLE).click()
    wait_spoken(page, 1)
    page.locator(".app-bar [data-exit]").click()
    page.wait_for_url("**/en/recipe/")
    page.wait_for_timeout(200)
    entries = [e[0] for e in log(page)]
    assert entries.count("speak") == 1, entries
    assert entries.index("cancel") > entries.index("speak")


# 6. An English block in a translated page -------------------------------------------


@pytest.fixture
def one_english_block(make_app, tmp_path):
    """/es/overdose/ with one paragraph left untranslated (so shown in English, lang="en")."""
    block = first_block(make_app(), "paragraph")
    app = make_app(TRANSLATIONS_DIR=str(catalog_with_one_block_in_english(tmp_path, block.msgid)))
    server = LiveServer(app)
    yield server, block.msgid
    server.stop()


def test_an_english_block_is_read_with_an_english_voice(one_english_block, page):
    server, english = one_english_block
    open_page(page, f"{server.url}/es/overdose/", [("es-ES", True), ("en-US", True)], auto_end_ms=3)
    assert page.locator(f"article [lang=en]:text-is('{english}')").count() == 1
    page.locator(TOGGLE).click()
    expect(page.locator(TOGGLE)).to_have_text("ES Listen", timeout=15000)
    said = page.evaluate("__speech.spoken")
    english_said = [s for s in said if s["lang"] == "en-US"]
    assert [s["text"] for s in english_said] == [english]
    assert all(s["lang"] == "es-ES" for s in said if s["text"] != english)
    assert not page.locator(STATUS).inner_text().strip() or "ES A part" not in page.locator(STATUS).inner_text()


def test_an_english_block_is_skipped_with_a_note_without_an_english_voice(one_english_block, page):
    server, english = one_english_block
    open_page(page, f"{server.url}/es/overdose/", [("es-ES", True)])
    page.locator(TOGGLE).click()
    wait_spoken(page, 1)
    block = page.locator("article p[lang=en]")
    following = block.evaluate("(e) => e.nextElementSibling.textContent.replace(/\\s+/g, ' ').trim()")
    for count in range(2, 80):
        end_current(page)
        wait_spoken(page, count)
        if spoken(page)[-1] == following:
            break
    said = page.evaluate("__speech.spoken")
    assert english not in [s["text"] for s in said]
    assert all(s["lang"] == "es-ES" for s in said)
    status = page.locator(STATUS)
    expect(status).to_be_visible()
    expect(status).to_contain_text("A part in English was skipped")
    assert status.get_attribute("role") == "status"
    assert status.bounding_box()["y"] < page.viewport_size["height"], "the note is on screen while reading"


# The control itself: size, labels, axe, right to left ---------------------------------


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_controls_are_large_labelled_and_pass_axe_idle_and_reading(live_server, browser, lang):
    found = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, **PHONE)
        page = context.new_page()
        open_page(page, f"{live_server.url}/{lang}/boundaries/", EVERY_LANGUAGE)
        toggle = page.locator(TOGGLE)
        expect(toggle).to_be_visible()
        for state in ("idle", "reading", "paused"):
            if state != "idle":
                toggle.click()
                page.wait_for_timeout(100)
            small = page.evaluate(SMALL_TARGETS)
            result = Axe().run(page).response
            violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
            if small or violations:
                found[f"{scheme} {state}"] = (small, violations)
            for button in page.locator(".app-listen button:visible").all():
                assert button.inner_text().strip(), "every button says what it does"
        if lang == "ar":  # right to left: the main control comes first, on the right
            assert toggle.bounding_box()["x"] > page.locator(STOP).bounding_box()["x"]
        context.close()
    assert found == {}
