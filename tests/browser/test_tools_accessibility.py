"""The tools' new states (import question, copies, delete-all list, counters, notes) pass axe."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PHONE

pytestmark = pytest.mark.browser

SEED = """() => {
  localStorage.setItem('guide.data', JSON.stringify({schema: 2, scripts: [{id: 'a', text: 'I will not give cash.', situation: 'money'}]}));
  localStorage.setItem('guide.data.unreadable.2026-01-01T10:00:00.000Z', '{broken');
  localStorage.setItem('guide.data.backup.2026-01-02T10:00:00.000Z', JSON.stringify({schema: 2, plan: {fields: {willDo: 'Call'}}}));
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("code", ["en", "ar"])
def test_every_new_tool_state_has_no_axe_violations_and_fits_320px(live_server, browser, tmp_path, scheme, code):
    context = browser.new_context(color_scheme=scheme, **{**PHONE, "viewport": {"width": 320, "height": 640}})
    page = context.new_page()
    page.goto(f"{live_server.url}/{code}/tools/plan/")
    page.evaluate(SEED)
    page.reload()
    page.locator("#plan-warningSigns").fill("x" * 9000)  # the counter shows
    page.locator("[data-clear]").click()  # the delete-all list shows
    file = tmp_path / "in.json"
    file.write_text(json.dumps({"schema": 2, "plan": {"fields": {"evil": 1, "willDo": "y" * 20000}}}))
    page.locator("#import-file").set_input_files(str(file))  # the import question shows
    page.locator("[data-import-question]").wait_for(state="visible")
    assert page.locator(".app-copies li").count() == 2
    result = Axe().run(page).response
    assert result["passes"], "axe did not run"
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    assert not page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    context.close()
