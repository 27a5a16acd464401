"""Nothing a family writes is ever lost: imports, two tabs, full storage, limits, drafts."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from .test_tools import fill_plan
from .test_tools import stored

pytestmark = pytest.mark.browser


def wait_stored(page, check, timeout_ms: int = 10000):
    """Poll ``guide.data`` until ``check(data)`` holds (autosave waits for a pause in typing)."""
    for _ in range(timeout_ms // 50):
        data = stored(page)
        if data and check(data):
            return data
        page.wait_for_timeout(50)
    raise AssertionError(f"guide.data never matched: {stored(page)!r}")


def choose_file(page, path, mode: str = "merge") -> None:
    label = {"merge": "Add it to what is here", "replace": "Replace what is here"}[mode]
    page.get_by_label(label).check()
    page.locator("#import-file").set_input_files(str(path))


def file_with(tmp_path, name: str, content) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def asides(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('guide.data.')).sort()")


# ---- 1. A "Replace" import can wipe everything -------------------------------------

NOTHING_USABLE = [
    '{"schema": 1}',
    '{"schema": 2}',
    json.dumps({"schema": 1, "plan": {"fields": "x", "people": {"a": 1}}, "scripts": "x", "selfCheck": [1]}),
    json.dumps({"schema": 1, "plan": {"fields": {"willDo": 42}}, "scripts": [{"text": 7}]}),
]


@pytest.mark.parametrize("content", NOTHING_USABLE, ids=["schema-1-only", "schema-2-only", "wrong-shapes", "wrong-types"])
def test_a_replace_import_with_nothing_usable_is_refused(live_server, page, tmp_path, content):
    page.goto(f"{live_server.url}/en/tools/plan/")
    fill_plan(page)
    before = stored(page)
    choose_file(page, file_with(tmp_path, "empty.json", content), "replace")
    expect(page.locator(".app-data__message")).to_contain_text("nothing this guide can use")
    assert page.get_by_role("button", name="Load the file").count() == 0
    assert stored(page) == before
    assert page.locator("#person-0-name").input_value() != ""


def test_a_replace_import_asks_first_keeps_a_backup_and_can_be_undone(live_server, page, tmp_path):
    page.goto(f"{live_server.url}/en/tools/plan/")
    fill_plan(page)
    before = stored(page)
    incoming = {"schema": 2, "scripts": [{"id": "s1", "text": "I won't lend the car.", "situation": "money"}]}
    choose_file(page, file_with(tmp_path, "other.json", incoming), "replace")
    question = page.locator(".app-import")
    expect(question).to_contain_text("kept as a backup")
    expect(question).to_contain_text("Scripts: 1")
    assert stored(page) == before  # nothing changes before the reader says yes
    page.get_by_role("button", name="Load the file").click()
    expect(page.locator(".app-data__message")).to_contain_text("Loaded from the file")
    assert [s["text"] for s in stored(page)["scripts"]] == ["I won't lend the car."]
    assert stored(page)["plan"]["fields"] == {}
    assert page.locator("#plan-willNotDo").input_value() == ""
    expect(page.locator(".app-copies li")).to_have_count(1)
    page.get_by_role("button", name="Undo").click()
    expect(page.locator(".app-data__message")).to_contain_text("Undone")
    assert stored(page)["plan"] == before["plan"]
    assert page.locator("#plan-willNotDo").input_value() == "Give cash"


def test_a_schema_1_file_is_imported_with_new_ids(live_server, page, tmp_path):
    old = {
        "schema": 1,
        "plan": {"fields": {"willDo": "Call the clinic"}, "people": [{"name": "Rosa", "role": "sister", "phone": "555"}]},
        "scripts": [{"text": "I won't give cash.", "situation": "money"}],
        "selfCheck": {"answers": {"q1": "enabling"}},
    }
    page.goto(f"{live_server.url}/en/tools/self-check/")
    choose_file(page, file_with(tmp_path, "old.json", old))
    page.get_by_role("button", name="Load the file").click()
    expect(page.locator(".app-data__message")).to_contain_text("Loaded from the file")
    data = stored(page)
    assert data["schema"] == 2
    assert data["plan"]["people"][0]["name"] == "Rosa" and data["plan"]["people"][0]["id"]
    assert data["scripts"][0]["id"] and data["scripts"][0]["text"] == "I won't give cash."
    first = page.locator(".app-scenario").first
    assert first.locator("input[value=enabling]").is_checked()
    assert data["selfCheck"]["answers"] == {first.get_attribute("data-scenario"): "enabling"}


# ---- 2. Two tabs overwrite each other ----------------------------------------------

def test_two_pages_editing_at_once_keep_what_both_wrote(live_server, context):
    plan = context.new_page()
    scripts = context.new_page()
    plan.goto(f"{live_server.url}/en/tools/plan/")
    scripts.goto(f"{live_server.url}/en/tools/scripts/")
    plan.locator("#plan-warningSigns").fill("Sleeping all day")
    expect(plan.locator(".app-tool-status")).to_have_text("Saved on this device")
    scripts.locator("#script-text").fill("I won't give you cash.")
    scripts.get_by_role("button", name="Save to My scripts").click()
    data = wait_stored(scripts, lambda d: d["scripts"])
    assert data["plan"]["fields"].get("warningSigns") == "Sleeping all day"
    assert [s["text"] for s in data["scripts"]] == ["I won't give you cash."]

    second = context.new_page()
    second.goto(f"{live_server.url}/en/tools/plan/")
    second.locator("#plan-willDo").fill("Call the counselor")
    wait_stored(second, lambda d: d["plan"]["fields"].get("willDo") == "Call the counselor")
    plan.locator("#plan-willNotDo").fill("Give cash")
    data = wait_stored(plan, lambda d: d["plan"]["fields"].get("willNotDo") == "Give cash")
    assert data["plan"]["fields"] == {
        "warningSigns": "Sleeping all day", "willDo": "Call the counselor", "willNotDo": "Give cash",
    }
    assert data["scripts"], "the plan pages must not erase the script saved in the other page"
    # What one page saved shows in the others, without a reload.
    expect(plan.locator("#plan-willDo")).to_have_value("Call the counselor")
    expect(second.locator("#plan-willNotDo")).to_have_value("Give cash")
    scripts.get_by_role("button", name="Delete: I won't give you cash.").click()
    wait_stored(plan, lambda d: not d["scripts"])
    assert stored(plan)["plan"]["fields"]["willNotDo"] == "Give cash"


# ---- 3. Corrupt data plus nearly full storage --------------------------------------

FILL_TO_QUOTA = """(raw) => {
  localStorage.clear();
  localStorage.setItem('guide.data', raw);
  let i = 0;
  for (let size = 1 << 20; size >= 1; ) {
    try { localStorage.setItem('filler.' + i, 'x'.repeat(size)); i += 1; } catch (e) { size >>= 1; }
  }
  // Free a few hundred characters: less than the unreadable data needs for its copy.
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('filler.') && localStorage.getItem(key).length < 256) { localStorage.removeItem(key); }
  }
}"""


def test_unreadable_data_on_a_full_device_is_never_overwritten(live_server, page):
    plan = {"schema": 1, "plan": {"fields": {"willDo": "Call the clinic", "warningSigns": "Sleeping a lot. " * 80}}}
    raw = json.dumps(plan)[:-40]  # cut short, as a crash mid-write would leave it
    page.goto(f"{live_server.url}/en/tools/plan/")
    page.evaluate(FILL_TO_QUOTA, raw)
    page.reload()
    status = page.locator(".app-tool-status")
    expect(status).to_contain_text("no room")
    assert "kept aside" not in status.inner_text()
    assert page.evaluate("localStorage.getItem('guide.data')") == raw
    page.locator("#plan-selfCare").fill("A walk")
    expect(page.locator(".app-note").filter(has_text="Could not save")).to_be_visible()
    page.wait_for_timeout(500)
    assert page.evaluate("localStorage.getItem('guide.data')") == raw
    assert asides(page) == []
    # Once there is room, the unreadable data is kept aside first, then the plan is saved.
    page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('filler.')).forEach(k => localStorage.removeItem(k))")
    page.locator("#plan-selfCare").fill("A walk on Sundays")
    expect(status).to_have_text("Saved on this device")
    kept = asides(page)
    assert len(kept) == 1 and page.evaluate("key => localStorage.getItem(key)", kept[0]) == raw
    assert stored(page)["plan"]["fields"]["selfCare"] == "A walk on Sundays"


def test_unreadable_copies_are_listed_and_can_be_saved_to_a_file(live_server, page):
    page.goto(f"{live_server.url}/en/tools/plan/")
    page.evaluate("localStorage.setItem('guide.data', '{\"schema\": 1, \"plan\": {\"fields\": {\"willDo\": \"Ca')")
    page.reload()
    expect(page.locator(".app-tool-status")).to_contain_text("kept aside")
    copies = page.locator(".app-copies li")
    expect(copies).to_have_count(1)
    expect(copies.first).to_contain_text("could not be read")
    with page.expect_download() as download:
        copies.first.get_by_role("button", name="Save to a file").click()
    assert download.value.suggested_filename.endswith(".txt") or download.value.suggested_filename.endswith(".json")


# ---- 4. Text is silently cut -------------------------------------------------------

def test_long_text_is_kept_whole_and_its_limit_is_shown(live_server, page):
    text = ("Sleeping all day, missing work. " * 300)[:8590]
    page.goto(f"{live_server.url}/en/tools/plan/")
    field = page.locator("#plan-warningSigns")
    limit = int(field.get_attribute("maxlength"))
    assert limit >= len(text)
    field.fill(text)
    wait_stored(page, lambda d: len(d["plan"]["fields"].get("warningSigns", "")) == len(text))
    expect(page.locator("#plan-warningSigns-count")).to_contain_text(f"8,590 of {limit:,}")
    page.reload()
    assert page.locator("#plan-warningSigns").input_value() == text


def test_the_201st_script_is_neither_hidden_nor_erased(live_server, page):
    scripts = [{"id": f"s{i}", "text": f"Script number {i}", "situation": "money"} for i in range(201)]
    page.goto(f"{live_server.url}/en/tools/scripts/")
    page.evaluate("data => localStorage.setItem('guide.data', JSON.stringify(data))", {"schema": 2, "scripts": scripts})
    page.reload()
    items = page.locator("[data-my-scripts] li")
    expect(items).to_have_count(201)
    save = page.get_by_role("button", name="Save to My scripts")
    expect(save).to_be_disabled()
    expect(page.locator("[data-script-limit]")).to_contain_text("the most this tool keeps")
    page.get_by_role("button", name="Delete: Script number 0", exact=True).click()
    data = wait_stored(page, lambda d: len(d["scripts"]) == 200)
    assert [s["text"] for s in data["scripts"]] == [s["text"] for s in scripts[1:]]
    expect(save).to_be_disabled()


def test_an_import_says_exactly_what_it_would_leave_out_before_saving(live_server, page, tmp_path):
    big = {
        "schema": 2,
        "plan": {"fields": {"warningSigns": "x" * 12000, "evil": "y"}},
        "scripts": [{"id": f"s{i}", "text": f"Script {i}", "situation": "money"} for i in range(250)],
        "sendTo": "somewhere",
    }
    page.goto(f"{live_server.url}/en/tools/scripts/")
    choose_file(page, file_with(tmp_path, "big.json", big))
    question = page.locator(".app-import")
    expect(question).to_contain_text("Scripts: 250")
    expect(question).to_contain_text("My scripts: 50 over the limit of 200 will be left out")
    expect(question).to_contain_text("Warning signs we have seen")
    expect(question).to_contain_text("12,000")
    expect(question).to_contain_text("evil")
    expect(question).to_contain_text("sendTo")
    assert stored(page) is None  # nothing saved yet
    page.get_by_role("button", name="Load the file").click()
    data = wait_stored(page, lambda d: d["scripts"])
    assert len(data["scripts"]) == 200
    assert len(data["plan"]["fields"]["warningSigns"]) == 10000
    assert "evil" not in data["plan"]["fields"]


# ---- 6. A half-written script, and self-check answers ------------------------------

def test_a_half_written_script_survives_leaving_the_page(live_server, page):
    page.goto(f"{live_server.url}/en/tools/scripts/")
    page.locator("#script-text").fill("I won't lend you the car, but")
    page.goto(f"{live_server.url}/en/")
    page.goto(f"{live_server.url}/en/tools/scripts/")
    assert page.locator("#script-text").input_value() == "I won't lend you the car, but"
    page.locator("#script-text").fill("I won't lend you the car, but I will drive you.")
    page.get_by_role("button", name="Save to My scripts").click()
    expect(page.locator("[data-my-scripts] li")).to_have_count(1)
    page.reload()
    assert page.locator("#script-text").input_value() == ""


def test_self_check_answers_are_kept_without_asking_and_can_be_deleted(live_server, page):
    page.goto(f"{live_server.url}/en/tools/self-check/")
    first = page.locator(".app-scenario").first
    first.locator("input[value=enabling]").check()
    scenario = first.get_attribute("data-scenario")
    wait_stored(page, lambda d: d["selfCheck"]["answers"] == {scenario: "enabling"})
    page.goto(f"{live_server.url}/es/tools/self-check/")  # the same answers in every language
    assert page.locator(f".app-scenario[data-scenario='{scenario}'] input[value=enabling]").is_checked()
    page.get_by_role("button", name=page.locator("[data-clear-answers]").inner_text()).click()
    wait_stored(page, lambda d: d["selfCheck"]["answers"] == {})
    assert not page.locator(".app-scenario input:checked").count()


def test_schema_1_answers_by_position_are_kept_under_their_scenario(live_server, page):
    old = {"schema": 1, "plan": {"fields": {}, "people": []}, "scripts": [], "selfCheck": {"answers": {"q2": "helping"}}}
    page.goto(f"{live_server.url}/en/tools/self-check/")
    page.evaluate("data => localStorage.setItem('guide.data', JSON.stringify(data))", old)
    page.reload()
    second = page.locator(".app-scenario").nth(1)
    assert second.locator("input[value=helping]").is_checked()
    data = wait_stored(page, lambda d: d["schema"] == 2)
    assert data["selfCheck"]["answers"] == {second.get_attribute("data-scenario"): "helping"}


def test_a_page_without_tools_never_rewrites_the_data(live_server, page):
    old = '{"schema": 1, "plan": {"fields": {"willDo": "Call"}, "people": []}, "scripts": [], "selfCheck": {"answers": {}}}'
    page.goto(f"{live_server.url}/en/overdose/")
    page.evaluate("raw => localStorage.setItem('guide.data', raw)", old)
    page.reload()
    plan = page.evaluate("window.guide.storage.read().data.plan.fields")
    assert plan == {"willDo": "Call"}
    assert page.evaluate("localStorage.getItem('guide.data')") == old
    assert page.evaluate("Object.keys(localStorage)") == ["guide.data"]


def test_a_backup_can_be_restored_and_what_was_there_is_kept(live_server, page):
    page.goto(f"{live_server.url}/en/tools/plan/")
    old = {"schema": 2, "plan": {"fields": {"willDo": "Call the clinic"}, "people": []}}
    page.evaluate("data => localStorage.setItem('guide.data.backup.2026-01-02T10:00:00.000Z', JSON.stringify(data))", old)
    page.reload()
    page.locator("#plan-willNotDo").fill("Give cash")
    wait_stored(page, lambda d: d["plan"]["fields"].get("willNotDo") == "Give cash")
    copies = page.locator(".app-copies li")
    expect(copies).to_have_count(1)
    copies.first.get_by_role("button", name="Restore").click()
    expect(page.locator(".app-data__message")).to_contain_text("Restored")
    expect(page.locator("#plan-willDo")).to_have_value("Call the clinic")
    assert stored(page)["plan"]["fields"] == {"willDo": "Call the clinic"}
    expect(copies).to_have_count(1)  # the restored copy is live; what was there became the backup
    kept = json.loads(page.evaluate("key => localStorage.getItem(key)", asides(page)[0]))
    assert kept["plan"]["fields"] == {"willNotDo": "Give cash"}
