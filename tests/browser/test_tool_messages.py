"""What the tools say is said where the reader is looking, and it is the truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_storage import choose_file
from .test_storage import file_with
from .test_tools import stored

pytestmark = pytest.mark.browser

BREAK_STORAGE = """() => {
  window.__setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
}"""
MEND_STORAGE = "() => { Storage.prototype.setItem = window.__setItem; }"
IN_VIEW_NEAR = """([text, selector]) => {
  const field = document.querySelector(selector).getBoundingClientRect();
  return [...document.querySelectorAll('body *')].some(el => {
    if (!el.children.length && el.textContent.includes(text) && el.getClientRects().length) {
      const box = el.getBoundingClientRect();
      const visible = box.bottom > 0 && box.top < innerHeight && getComputedStyle(el).visibility !== 'hidden';
      return visible && Math.abs(box.top - field.bottom) < 120;
    }
    return false;
  });
}"""


def shown_near(page, text: str, selector: str) -> bool:
    return page.evaluate(IN_VIEW_NEAR, [text, selector])


def test_a_failed_save_shows_next_to_the_field_and_stays_until_a_save_works(live_server, page):
    page.goto(f"{live_server.url}/en/tools/plan/")
    page.evaluate(BREAK_STORAGE)
    field = page.locator("#plan-supportGroups")
    field.scroll_into_view_if_needed()
    field.fill("Tuesday group")
    expect(page.locator(".app-tool-status")).to_contain_text("Could not save")
    assert shown_near(page, "Could not save", "#plan-supportGroups")
    page.wait_for_timeout(1500)
    assert shown_near(page, "Could not save", "#plan-supportGroups"), "a failure stays until a save works"
    page.evaluate(MEND_STORAGE)
    field.fill("Tuesday group at 7")
    expect(page.locator(".app-tool-status")).to_have_text("Saved on this device")
    assert shown_near(page, "Saved on this device", "#plan-supportGroups")
    assert not shown_near(page, "Could not save", "#plan-supportGroups")


def test_a_script_that_could_not_be_saved_says_so_beside_the_button(live_server, page):
    page.goto(f"{live_server.url}/en/tools/scripts/")
    page.evaluate(BREAK_STORAGE)
    page.locator("#script-text").fill("I won't lend the car.")
    page.get_by_role("button", name="Save to My scripts").click()
    assert shown_near(page, "Could not save", "[data-save-script]")
    assert page.locator("#script-text").input_value() == "I won't lend the car."  # the words stay
    expect(page.locator("[data-my-scripts] li")).to_have_count(0)


def test_an_import_that_could_not_be_saved_does_not_say_loaded(live_server, page, tmp_path):
    page.goto(f"{live_server.url}/en/tools/scripts/")
    incoming = {"schema": 2, "scripts": [{"id": "a", "text": "I won't give cash.", "situation": "money"}]}
    page.evaluate(BREAK_STORAGE)
    choose_file(page, file_with(tmp_path, "in.json", incoming))
    load = page.get_by_role("button", name="Load the file")
    if load.count():
        load.click()
    message = page.locator(".app-data__message")
    expect(message).to_contain_text("could not be saved")
    assert "Loaded" not in message.inner_text()
    expect(page.locator("[data-my-scripts] li")).to_have_count(0)
    page.evaluate(MEND_STORAGE)
    assert stored(page) is None


def test_export_says_which_file_it_offered_and_where_to_look(live_server, page):
    page.goto(f"{live_server.url}/en/tools/plan/")
    page.locator("#plan-willDo").fill("Call the clinic")
    expect(page.locator(".app-tool-status")).to_have_text("Saved on this device")
    with page.expect_download() as download:
        page.get_by_role("button", name="Save a copy to a file").click()
    name = download.value.suggested_filename
    assert json.loads(Path(download.value.path()).read_text())["plan"]["fields"]["willDo"] == "Call the clinic"
    message = page.locator(".app-data__message")
    expect(message).to_contain_text(name)
    expect(message).to_contain_text("Downloads")
    assert shown_near(page, name, "[data-export]")
