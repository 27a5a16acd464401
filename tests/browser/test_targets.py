"""Every control and every stand-alone link is at least 44 x 44 CSS px on a 390 px phone.

Links inside a running sentence are exempt, as in WCAG 2.5.8: a link is "stand-alone" when
the block it sits in holds nothing but links and separators ("About · Contents").
"""

from __future__ import annotations

import pytest

from .speech import EVERY_LANGUAGE
from .speech import speech_stub
from .test_exit import PHONE_390
from .test_exit import every_page

pytestmark = pytest.mark.browser

SMALL_TARGETS = """() => {
  const blocks = "P,LI,TD,TH,DD,DT,DIV,NAV,HEADER,FOOTER,SECTION,ARTICLE,MAIN,BODY,FIGCAPTION,SUMMARY,LABEL,SPAN";
  const separators = /^[\\s·|•,;:–—\\-/]*$/;
  function block(el) { let b = el.parentElement; while (b && !blocks.split(",").includes(b.tagName)) { b = b.parentElement; } return b; }
  function standAlone(a) {
    const b = block(a);
    if (!b) { return true; }
    let rest = "";
    b.childNodes.forEach(n => {
      if (n.nodeType === 3) { rest += n.textContent; return; }
      if (n.nodeType !== 1 || n.tagName === "A" || n.querySelector("a")) { return; }
      if (!getComputedStyle(n).display.startsWith("inline")) { return; }  // a block of its own (a summary below)
      rest += n.textContent;
    });
    return separators.test(rest);
  }
  function shown(el) {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden";
  }
  const small = [];
  document.querySelectorAll("a[href], button, summary, select, input, textarea").forEach(el => {
    if (!shown(el) || el.closest("[aria-hidden=true]")) { return; }
    if (el.matches(".app-skip-link")) { return; }  // off screen until focused
    let target = el;
    if (el.matches("input[type=radio], input[type=checkbox]")) { target = el.closest("label") || document.querySelector(`label[for="${el.id}"]`) || el; }
    if (el.tagName === "A" && !standAlone(el)) { return; }
    const r = target.getBoundingClientRect();
    if (r.height < 43.5 || r.width < 43.5) {
      small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.name || el.type).trim().slice(0, 40)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  });
  return small;
}"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_control_and_stand_alone_link_is_at_least_44_px(app, live_server, browser, lang):
    context = browser.new_context(**PHONE_390)
    context.add_init_script(speech_stub(EVERY_LANGUAGE))  # a voice for every language: chapters show Listen
    page = context.new_page()
    found = {}
    try:
        for url in every_page(app, lang):
            page.goto(live_server.url + url)
            page.wait_for_load_state("load")
            for menu_open in (False, True):
                if menu_open:
                    page.locator(".app-menu__button").click()
                small = page.evaluate(SMALL_TARGETS)
                if small:
                    found[url + (" (menu open)" if menu_open else "")] = small
    finally:
        context.close()
    assert found == {}
