"""Listen (issue 17): a chapter read aloud block by block, in an offline voice of its language.

Headless Chromium has no voices, so every test installs a stand-in ``speechSynthesis``
(``speech.py``) before the page's scripts run and chooses which voices the "device" has.
The tests look at what a reader would notice: whether the control shows, what is said and
in which voice, which block is highlighted, and that speech stops when it should.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from .conftest import PHONE
from .speech import speech_stub
from .test_overdose import CLS

pytestmark = pytest.mark.browser

TOGGLE = ".app-listen__toggle"
STOP = ".app-listen__stop"
STATUS = ".app-listen__status"
CURRENT = ".app-listen-current"

#: The first blocks of a chapter as a reader sees them: the title, the introduction's
#: paragraphs (not the tool link, not "On this page"), then the body in order. Scripts
#: ("What you could say") are read label first, then the words.
FIRST_BLOCKS = """() => {
  const text = (e) => e.textContent.replace(/\\s+/g, " ").trim();
  const article = document.querySelector("article");
  const intro = [...article.children].filter((e) => e.tagName === "P" && !e.matches(".app-tool-link"));
  const body = [...article.querySelector(".app-chapter__body").children].slice(0, 4)
    .flatMap((e) => e.matches(".app-script") ? [...e.querySelectorAll(":scope > p:not(.app-script__actions)")] : [e]);
  return [article.querySelector("h1"), ...intro, ...body].map(text);
}"""


def spoken(page) -> list[str]:
    return page.evaluate("__speech.spoken.map((s) => s.text)")


def wait_spoken(page, count: int) -> None:
    page.wait_for_function(f"() => __speech.spoken.length >= {count}", timeout=5000)


def end_current(page) -> None:
    """The stand-in voice finishes the utterance it is saying."""
    assert page.evaluate("__speech.end()"), "nothing was being spoken"


def open_page(page, url: str, voices, **stub) -> None:
    page.add_init_script(speech_stub(voices, **stub))
    page.goto(url)
    page.wait_for_load_state("load")


def log(page) -> list[list]:
    return json.loads(page.evaluate("sessionStorage.getItem('speech-log') || '[]'"))


def wait_cancel_after_pagehide(page) -> None:
    """Wait (5 s at most) until the log, read on the next page, has a cancel after the first pagehide.

    What the old page writes as it goes reaches the new page's sessionStorage a moment later.
    """
    page.wait_for_function(
        """() => (JSON.parse(sessionStorage.getItem('speech-log') || '[]').map((e) => e[0])
            .join(' ').split('pagehide')[1] || '').includes('cancel')""",
        timeout=5000,
    )


# 1. Shown only with an offline voice of the page's language ---------------------------


@pytest.mark.parametrize(
    ("lang", "voices"),
    [
        ("ar", [("en-US", True)]),  # never read Arabic with an English voice
        ("ar", [("ar-SA", False), ("en-US", True)]),  # an Arabic voice that needs the network
        ("es", []),
        ("fa", [("ar-SA", True), ("en-US", True)]),
    ],
)
def test_hidden_without_an_offline_voice_of_the_page_language(live_server, page, lang, voices):
    open_page(page, f"{live_server.url}/{lang}/treatment/", voices)
    page.wait_for_timeout(300)
    assert not page.locator(TOGGLE).is_visible()
    assert page.errors == []


def test_hidden_when_the_browser_has_no_speech_at_all(live_server, page):
    page.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page.goto(f"{live_server.url}/en/treatment/")
    page.wait_for_load_state("load")
    assert not page.locator(TOGGLE).is_visible()
    assert page.errors == []


@pytest.mark.parametrize(("lang", "voice"), [("en", "en-GB"), ("es", "es-MX"), ("ar", "ar-SA")])
def test_shown_with_an_offline_voice_of_the_page_language(live_server, page, lang, voice):
    open_page(page, f"{live_server.url}/{lang}/treatment/", [("en-US", False), (voice, True)])
    toggle = page.locator(TOGGLE)
    expect(toggle).to_be_visible()
    assert toggle.inner_text().strip() == page.locator("article").get_attribute("data-listen")
    assert not page.locator(STOP).is_visible()
    # Just under the title, before the chapter's first words.
    assert page.evaluate("document.querySelector('.app-listen').previousElementSibling.tagName") == "H1"
    assert page.errors == []


def test_shown_when_the_voices_arrive_late(live_server, page):
    open_page(page, f"{live_server.url}/es/treatment/", [("es-ES", True)], late_voices=True)
    page.wait_for_timeout(200)
    assert not page.locator(TOGGLE).is_visible(), "no voices yet: nothing to offer"
    page.evaluate("__speech.loadVoices()")
    expect(page.locator(TOGGLE)).to_be_visible()


def test_voices_arriving_late_barely_move_the_page(live_server, browser):
    # A plain window: with mobile emulation on, this Chromium reports no layout shifts.
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    open_page(page, f"{live_server.url}/en/treatment/", [("en-US", True)], late_voices=700)
    shift = page.evaluate(CLS)
    visible = page.locator(TOGGLE).is_visible()
    context.close()
    assert visible
    assert shift <= 0.1, f"cumulative layout shift {shift:.3f}"


@pytest.mark.parametrize(
    ("lang", "voices", "chosen"),
    [
        ("pt-br", [("pt-PT", True), ("pt-BR", True), ("pt-BR", False, "Online")], "pt-BR"),
        ("zh-hans", [("zh-HK", True), ("zh-TW", True), ("zh-CN", True)], "zh-CN"),
        ("fa", [("fa_IR", True)], "fa_IR"),  # Android writes an underscore
        ("en", [("en-US", False, "Online US"), ("en-GB", True)], "en-GB"),
    ],
)
def test_the_voice_matches_the_language_and_prefers_the_same_region_or_script(live_server, page, lang, voices, chosen):
    open_page(page, f"{live_server.url}/{lang}/treatment/", voices)
    page.locator(TOGGLE).click()
    wait_spoken(page, 1)
    said = page.evaluate("__speech.spoken[0]")
    assert said["lang"] == chosen
    assert said["voice"] != "Online" and said["voice"] != "Online US"


# 2. Block by block, in document order, one at a time ----------------------------------


def test_a_tap_reads_the_chapter_block_by_block_in_order(live_server, page):
    open_page(page, f"{live_server.url}/en/boundaries/", [("en-US", True)])
    page.wait_for_timeout(300)
    assert spoken(page) == [], "nothing is said before a tap"
    expected = page.evaluate(FIRST_BLOCKS)
    page.locator(TOGGLE).click()
    wait_spoken(page, 1)
    page.wait_for_timeout(100)
    assert spoken(page) == expected[:1], "one block at a time: the next waits for the end of this one"
    for count in range(2, len(expected) + 1):
        end_current(page)
        wait_spoken(page, count)
    assert spoken(page) == expected
    assert page.evaluate("__speech.overlaps") == 0
    assert page.evaluate("__speech.spoken.every((s) => s.lang === 'en-US')")


def test_the_whole_chapter_is_read_but_not_navigation_controls_or_sources(live_server, page):
    open_page(page, f"{live_server.url}/en/words-that-help/", [("en-US", True)], auto_end_ms=3)
    page.locator(TOGGLE).click()
    expect(page.locator(TOGGLE)).to_have_text("Listen", timeout=15000)  # back to the start: finished
    said = spoken(page)
    assert said[0] == "Words that help"
    assert page.evaluate("__speech.overlaps") == 0
    # Tables are read cell by cell, in order.
    assert said[said.index("Instead of") : said.index("Instead of") + 4] == ["Instead of", "Try", '"addict"', "person with a substance use disorder"]
    # Every readable block once, in order, up to the Sources section.
    blocks = page.evaluate("""() => {
      const body = document.querySelector('.app-chapter__body');
      const sources = document.getElementById('sources');
      return [...body.querySelectorAll('h2, h3, p:not(.app-script__actions), li, th, td')]
        .filter((e) => sources.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING)
        .map((e) => e.textContent.replace(/\\s+/g, ' ').trim());
    }""")
    assert said[-len(blocks):] == blocks
    assert "Sources" not in said
    chrome = page.evaluate("""() => [...document.querySelectorAll('.app-bar, .app-contents__heading, .app-pager, footer')]
      .flatMap((e) => [e, ...e.querySelectorAll('a, p')]).map((e) => e.textContent.replace(/\\s+/g, ' ').trim())""")
    assert not set(chrome) & set(said), "the bar, On this page, the pager and the footer are not read"
    headings = page.evaluate("[...document.querySelectorAll('.app-chapter__body h2')].map((e) => e.textContent.trim())")
    assert all(said.count(h) == 1 for h in headings[:-1]), "each heading once: not again from On this page"
    assert not any("Listen" == s or "Pause" == s for s in said)


def test_steps_are_read_one_at_a_time_and_the_emergency_box_is_not_read(live_server, page):
    page.add_init_script("localStorage.setItem('guide.country', 'US')")
    open_page(page, f"{live_server.url}/en/overdose/", [("en-US", True)], auto_end_ms=3)
    # The call button stays the first thing after the title; Listen comes after the box.
    first = page.locator("main h1 ~ * a:visible, main h1 ~ * button:visible").first
    assert first.get_attribute("class") == "app-call__button"
    page.locator(TOGGLE).click()
    expect(page.locator(TOGGLE)).to_have_text("Listen", timeout=15000)
    said = spoken(page)
    assert said[:3] == ["Overdose: what to do", "Important", "Someone may be overdosing? Call the emergency number now."]
    step = said.index("Give naloxone. This medicine reverses an opioid overdose. Follow the steps that came with your kit.")
    assert said[step + 1].startswith("Nasal spray:")  # the step's own words, then its sub-steps
    box = page.evaluate("[...document.querySelectorAll('.app-emergency li, .app-emergency summary, .app-call a')].map((e) => e.textContent.trim())")
    assert box and not set(box) & set(said)


# 3. The block being read is highlighted and kept in view ------------------------------


def test_the_block_being_read_is_highlighted_and_the_highlight_moves_on(live_server, page):
    open_page(page, f"{live_server.url}/en/boundaries/", [("en-US", True)])
    page.locator(TOGGLE).click()
    wait_spoken(page, 1)
    for count in range(1, 25):
        current = page.locator(CURRENT)
        expect(current).to_have_count(1)
        assert current.evaluate("(e) => e.textContent.replace(/\\s+/g, ' ').trim()") == spoken(page)[-1]
        expect(current).to_be_in_viewport()
        outline = current.evaluate("(e) => getComputedStyle(e).outlineStyle")
        assert outline != "none", "the highlight is visible"
        end_current(page)
        wait_spoken(page, count + 1)
    assert page.evaluate("window.scrollY") > 300, "the page scrolled along"
    assert page.evaluate("__speech.overlaps") == 0


@pytest.mark.parametrize(("motion", "behavior"), [("reduce", "auto"), ("no-preference", "smooth")])
def test_scrolling_to_the_block_respects_reduced_motion(live_server, browser, motion, behavior):
    context = browser.new_context(reduced_motion=motion, **PHONE)
    page = context.new_page()
    page.add_init_script("""(() => {
      const scroll = Element.prototype.scrollIntoView;
      window.__scrolls = [];
      Element.prototype.scrollIntoView = function (options) { __scrolls.push(options); return scroll.call(this, options); };
    })()""")
    open_page(page, f"{live_server.url}/en/boundaries/", [("en-US", True)])
    page.locator(TOGGLE).click()
    wait_spoken(page, 1)
    scrolls = page.evaluate("__scrolls")
    context.close()
    assert scrolls and all(s["behavior"] == behavior for s in scrolls)
