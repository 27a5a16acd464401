"""The printed plan: every word the family wrote, on as few pages as the text allows."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .test_tools import fill_plan

pytestmark = pytest.mark.browser

NOT_CLIPPED = "el => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1"


def pdf_pages(page) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))


def test_long_text_prints_in_full(live_server, page):
    page.goto(f"{live_server.url}/en/tools/plan/")
    lines = [f"Sign number {i}: sleeping late and missing work" for i in range(1, 26)]
    page.locator("#plan-warningSigns").fill("\n".join(lines))
    expect(page.locator(".app-tool-status")).to_have_text("Saved on this device")
    page.emulate_media(media="print")
    last = page.get_by_text(lines[-1])
    expect(last).to_be_visible()
    assert last.evaluate(NOT_CLIPPED)
    first = page.get_by_text(lines[0])
    expect(first).to_be_visible()


def test_a_plan_prints_on_two_pages_with_the_overdose_steps(live_server, page):
    page.goto(f"{live_server.url}/en/tools/plan/")
    fill_plan(page)
    page.locator("#plan-willDo").fill("Call the counselor. Keep naloxone in the kitchen drawer.")
    page.emulate_media(media="print")
    expect(page.locator(".app-print-only")).to_be_visible()
    assert pdf_pages(page) <= 2
