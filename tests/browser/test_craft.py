"""Notice patterns and good moments: what a family writes in the practice tool stays, comes back and prints."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import PHONE
from .test_storage import asides
from .test_storage import choose_file
from .test_storage import file_with
from .test_storage import wait_stored
from .test_tool_messages import BREAK_STORAGE
from .test_tool_messages import MEND_STORAGE
from .test_tool_messages import shown_near
from .test_tools import stored

pytestmark = pytest.mark.browser

NOT_CLIPPED = "el => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1"


def open_tool(page, server, code: str = "en"):
    page.goto(f"{server.url}/{code}/tools/craft/")


def situations(data) -> list[dict]:
    return [{k: v for k, v in s.items() if k != "id" and v} for s in data["craft"]["situations"]]


def write_situation(page, n: int, **fields):
    for key, text in fields.items():
        page.locator(f"[data-situation]:nth-child({n}) [data-situation-field={key}]").fill(text)


def add_moment(page, day: str, what: str, did: str = "", how: str = ""):
    page.get_by_label("Date").fill(day)
    page.get_by_label("What happened").fill(what)
    page.get_by_label("What you did to show you noticed").fill(did)
    page.get_by_label("How it went").fill(how)
    page.get_by_role("button", name="Save this moment").click()
    wait_stored(page, lambda d: any(m["what"] == what for m in d["craft"]["moments"]))


def moment_list(page) -> list[str]:
    return page.locator("[data-moment-list] li dd:first-of-type").all_inner_texts()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_before_and_after_is_kept_as_typed_and_comes_back(live_server, page, code):
    open_tool(page, live_server, code)
    write_situation(page, 1, name="Friday nights", before="Payday, old friends call", change="Plan a walk at six")
    page.locator("[data-add-situation]").click()
    expect(page.locator("[data-situation]")).to_have_count(2)
    assert page.evaluate("document.activeElement.dataset.situationField") == "name"
    write_situation(page, 2, usual="Goes out late", afterYou="I wait up and feel scared")
    wait_stored(page, lambda d: len(d["craft"]["situations"]) == 2 and d["craft"]["situations"][1].get("afterYou"))
    page.reload()
    expect(page.locator("[data-situation]")).to_have_count(2)
    assert page.locator("[data-situation]:nth-child(1) [data-situation-field=before]").input_value() == "Payday, old friends call"
    assert page.locator("[data-situation]:nth-child(2) [data-situation-field=afterYou]").input_value() == "I wait up and feel scared"
    if code == "en":
        expect(page.locator("[data-situation-legend]")).to_have_text(["Situation 1", "Situation 2"])
    assert page.errors == []


def test_a_situation_can_be_deleted_and_the_delete_undone(live_server, page):
    open_tool(page, live_server)
    write_situation(page, 1, name="Sunday lunch", before="Family visits")
    page.locator("[data-add-situation]").click()
    write_situation(page, 2, name="After work", before="Tired, bad day")
    wait_stored(page, lambda d: len(d["craft"]["situations"]) == 2)
    page.locator("[data-situation]:nth-child(1)").get_by_role("button", name="Delete this situation").click()
    expect(page.locator("[data-craft-undo]")).to_contain_text("The situation was deleted.")
    assert [s["name"] for s in stored(page)["craft"]["situations"]] == ["After work"]
    page.get_by_role("button", name="Undo").click()
    assert [s["name"] for s in stored(page)["craft"]["situations"]] == ["Sunday lunch", "After work"]
    expect(page.locator("[data-situation]:nth-child(1) [data-situation-field=before]")).to_have_value("Family visits")
    assert page.evaluate("document.activeElement.value") == "Sunday lunch"


def test_good_moments_add_change_delete_undo_newest_first(live_server, page):
    open_tool(page, live_server)
    expect(page.locator("[data-moments-empty]")).to_be_visible()
    assert page.get_by_label("Date").input_value()  # today, ready to change
    add_moment(page, "2026-01-05", "We had dinner together", "I said thank you", "They smiled")
    add_moment(page, "2026-02-01", "A walk in the park", "I made their favorite lunch")
    add_moment(page, "2026-01-20", "Watched a film")
    assert moment_list(page) == ["A walk in the park", "Watched a film", "We had dinner together"]
    expect(page.locator("[data-moment-list] li").first).to_contain_text("February 1, 2026")
    assert page.get_by_label("What happened").input_value() == ""  # ready for the next one

    page.get_by_role("button", name="Change: January 5, 2026, We had dinner").click()
    expect(page.locator("[data-moment-legend]")).to_have_text("Change this good moment")
    assert page.get_by_label("What you did to show you noticed").input_value() == "I said thank you"
    page.get_by_label("What happened").fill("We had dinner together, no phones")
    page.get_by_role("button", name="Save changes").click()
    data = wait_stored(page, lambda d: any("no phones" in m["what"] for m in d["craft"]["moments"]))
    assert len(data["craft"]["moments"]) == 3
    expect(page.locator("[data-moment-legend]")).to_have_text("Write down a good moment")

    page.get_by_role("button", name="Delete: February 1, 2026").click()
    expect(page.locator("[data-craft-undo]")).to_contain_text("The good moment was deleted.")
    assert moment_list(page) == ["Watched a film", "We had dinner together, no phones"]
    page.get_by_role("button", name="Undo").click()
    assert moment_list(page) == ["A walk in the park", "Watched a film", "We had dinner together, no phones"]
    page.reload()
    assert moment_list(page) == ["A walk in the park", "Watched a film", "We had dinner together, no phones"]
    expect(page.locator("[data-moments-empty]")).to_be_hidden()


def test_a_moment_being_written_or_changed_survives_leaving_the_page(live_server, page):
    open_tool(page, live_server)
    page.get_by_label("What happened").fill("Came to the clinic with me")  # its save waits for a pause...
    page.goto(f"{live_server.url}/en/")  # ...and is done at once when the page is left
    open_tool(page, live_server)
    assert page.get_by_label("What happened").input_value() == "Came to the clinic with me"
    page.get_by_role("button", name="Save this moment").click()
    page.get_by_role("button", name="Change: ").click()
    page.get_by_label("How it went").fill("Good, we talked in the car")
    page.goto(f"{live_server.url}/en/")
    open_tool(page, live_server)
    expect(page.locator("[data-moment-legend]")).to_have_text("Change this good moment")
    assert page.get_by_label("How it went").input_value() == "Good, we talked in the car"
    page.get_by_role("button", name="Save changes").click()
    data = wait_stored(page, lambda d: "draft" not in d["craft"])
    assert [m["how"] for m in data["craft"]["moments"]] == ["Good, we talked in the car"]


def test_export_delete_all_and_import_bring_the_worksheets_back(live_server, page, tmp_path):
    open_tool(page, live_server)
    write_situation(page, 1, name="Payday", change="Pay the phone bill myself")
    add_moment(page, "2026-03-03", "Cooked dinner for us")
    page.get_by_label("How it went").fill("Half a thought")
    wait_stored(page, lambda d: d["craft"].get("draft") and d["craft"]["situations"])
    before = stored(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Save a copy to a file").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text()) == before
    page.get_by_role("button", name="Delete all data on this device").click()
    listing = page.locator(".app-clear")
    for line in ["Your before and after situations: 1", "Your good moments: 1", "A good moment you had started"]:
        expect(listing).to_contain_text(line)
    page.get_by_role("button", name="Yes, delete it all").click()
    expect(page.locator(".app-data__message")).to_contain_text("was deleted")
    assert stored(page) is None
    expect(page.locator("[data-moment-list] li")).to_have_count(0)
    assert page.locator("[data-situation-field=name]").input_value() == ""
    assert page.get_by_label("How it went").input_value() == ""
    choose_file(page, exported, "replace")
    expect(page.locator(".app-import")).to_contain_text("Before and after: 1. Good moments: 1.")
    page.get_by_role("button", name="Load the file").click()
    expect(page.locator(".app-data__message")).to_have_text("Loaded from the file.")
    assert stored(page) == before
    assert moment_list(page) == ["Cooked dinner for us"]
    assert page.locator("[data-situation-field=change]").input_value() == "Pay the phone bill myself"
    assert page.get_by_label("How it went").input_value() == "Half a thought"


def test_an_added_file_keeps_both_lists_and_says_what_is_over_the_limit(live_server, page, tmp_path):
    open_tool(page, live_server)
    add_moment(page, "2026-01-01", "Mine")
    incoming = {"schema": 2, "craft": {"moments": [{"id": "bad", "date": "soon", "what": "Odd date"}]
                                       + [{"id": f"x{i}", "date": "2026-02-02", "what": f"Theirs {i}"} for i in range(205)]}}
    choose_file(page, file_with(tmp_path, "in.json", incoming))
    question = page.locator(".app-import")
    expect(question).to_contain_text("Good moments: 206.")
    expect(question).to_contain_text("Good moments: 7 over the limit of 200 will be left out")
    expect(question).to_contain_text("Could not be read, so it will be left out: Good moments")
    page.get_by_role("button", name="Load the file").click()
    data = wait_stored(page, lambda d: len(d["craft"]["moments"]) == 200)
    assert data["craft"]["moments"][0]["what"] == "Mine"
    expect(page.locator("[data-save-moment]")).to_be_disabled()
    expect(page.locator("[data-moment-limit]")).to_contain_text("the most this tool keeps")


def test_two_pages_at_once_keep_what_both_wrote(live_server, context):
    one, two = context.new_page(), context.new_page()
    open_tool(one, live_server)
    open_tool(two, live_server)
    write_situation(one, 1, before="Late at night")
    wait_stored(one, lambda d: d["craft"]["situations"])
    add_moment(two, "2026-04-04", "Helped me in the garden")
    data = wait_stored(two, lambda d: d["craft"]["moments"])
    assert situations(data) == [{"before": "Late at night"}]
    expect(one.locator("[data-moment-list] li")).to_have_count(1)  # shown without a reload
    expect(two.locator("[data-situation-field=before]")).to_have_value("Late at night")
    one.locator("[data-situation-field=afterThem]").fill("Feels calmer for a while")
    data = wait_stored(two, lambda d: situations(d) == [{"before": "Late at night", "afterThem": "Feels calmer for a while"}])
    assert [m["what"] for m in data["craft"]["moments"]] == ["Helped me in the garden"]


def test_unreadable_worksheets_are_kept_aside_and_what_can_be_read_is_shown(live_server, page):
    raw = json.dumps({"schema": 2, "craft": {"situations": [{"id": "b1", "before": "Payday", "usual": 7}], "moments": "oops"}})
    open_tool(page, live_server)
    page.evaluate("raw => localStorage.setItem('guide.data', raw)", raw)
    page.reload()
    expect(page.locator(".app-tool-status")).to_contain_text("could not be read")
    kept = asides(page)
    assert len(kept) == 1 and page.evaluate("key => localStorage.getItem(key)", kept[0]) == raw
    assert page.locator("[data-situation-field=before]").input_value() == "Payday"
    page.locator("[data-situation-field=change]").fill("Call my sister on paydays")
    expect(page.locator(".app-tool-status")).to_have_text("Saved on this device")
    assert situations(stored(page)) == [{"before": "Payday", "change": "Call my sister on paydays"}]
    assert page.errors == []


def test_a_failed_save_is_said_beside_the_field_and_the_words_stay(live_server, page):
    open_tool(page, live_server)
    page.evaluate(BREAK_STORAGE)
    page.locator("[data-situation-field=usual]").fill("Goes quiet, then leaves")
    expect(page.locator(".app-tool-status")).to_contain_text("Could not save")
    assert shown_near(page, "Could not save", "[data-situation-field=usual]")
    page.get_by_label("What happened").fill("Stayed home with us")
    page.get_by_role("button", name="Save this moment").click()
    assert shown_near(page, "Could not save", "[data-save-moment]")
    assert page.get_by_label("What happened").input_value() == "Stayed home with us"
    expect(page.locator("[data-moment-list] li")).to_have_count(0)
    page.evaluate(MEND_STORAGE)
    page.get_by_role("button", name="Save this moment").click()
    expect(page.locator("[data-moment-list] li")).to_have_count(1)
    assert shown_near(page, "Saved on this device", "[data-save-moment]")


def test_limits_are_shown_not_hidden(live_server, page):
    full = [{"id": f"b{i}", "name": f"Situation {i}", "before": "x"} for i in range(20)]
    open_tool(page, live_server)
    page.evaluate("data => localStorage.setItem('guide.data', JSON.stringify(data))", {"schema": 2, "craft": {"situations": full}})
    page.reload()
    expect(page.locator("[data-situation]")).to_have_count(20)
    expect(page.locator("[data-add-situation]")).to_be_disabled()
    expect(page.locator("[data-situation-limit]")).to_contain_text("up to 20 situations")
    field = page.locator("[data-situation]:nth-child(3) [data-situation-field=usual]")
    field.fill("y" * 1700)
    expect(page.locator("[data-situation]:nth-child(3) .app-count:visible")).to_have_text("1,700 of 2,000 characters")
    assert field.get_attribute("maxlength") == "2000"


def test_the_worksheets_print_in_full(live_server, page):
    open_tool(page, live_server)
    lines = [f"Thing number {i} that comes before" for i in range(1, 21)]
    write_situation(page, 1, name="Evenings", before="\n".join(lines))
    add_moment(page, "2026-05-05", "Long talk. " * 60, "Listened for ten minutes")
    wait_stored(page, lambda d: d["craft"]["situations"])
    page.emulate_media(media="print")
    for text in (lines[0], lines[-1]):
        shown = page.locator(".app-print-text").get_by_text(text)
        expect(shown).to_be_visible()
        assert shown.evaluate(NOT_CLIPPED)
    expect(page.locator("[data-moment-list] li")).to_be_visible()
    expect(page.locator("[data-moment-list] li")).to_contain_text("Listened for ten minutes")
    expect(page.get_by_role("button", name="Print these worksheets")).to_be_hidden()
    expect(page.locator(".app-data")).to_be_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_state_has_no_axe_violations_and_fits_320px(live_server, browser, scheme, code):
    context = browser.new_context(color_scheme=scheme, **{**PHONE, "viewport": {"width": 320, "height": 640}})
    page = context.new_page()
    open_tool(page, live_server, code)
    seed = {"schema": 2, "craft": {
        "situations": [{"id": f"b{i}", "name": "Friday", "before": "Payday"} for i in range(20)],
        "moments": [{"id": "m1", "date": "2026-01-05", "what": "Dinner", "did": "Thanks", "how": "Good"},
                    {"id": "m2", "date": "", "what": "A walk " * 40, "did": "", "how": ""}]}}
    page.evaluate("data => localStorage.setItem('guide.data', JSON.stringify(data))", seed)
    page.reload()
    page.locator("[data-situation-field=before]").first.fill("z" * 1900)  # the counter shows
    page.locator("[data-moment-list] li").last.locator("button").first.click()  # changing a moment
    page.locator("[data-moment-list] li").first.locator("button").last.click()  # a delete to undo
    expect(page.locator("[data-craft-undo]")).to_be_visible()
    result = Axe().run(page).response
    assert result["passes"], "axe did not run"
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    assert not page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    context.close()
