"""Choosing a country once puts its emergency number first, on this device only."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def first_country(page, selector="[data-country-list] > [data-country]"):
    return page.locator(selector).first.get_attribute("data-country")


def test_without_a_choice_every_country_is_listed(live_server, page):
    page.goto(f"{live_server.url}/en/overdose/")
    numbers = page.locator(".app-emergency a.app-tel")
    assert numbers.count() >= 7
    assert first_country(page) == "US"
    assert numbers.first.get_attribute("href") == "tel:911"
    # Every number is a large tap target, and no call button stands in for the list.
    assert min(numbers.nth(i).bounding_box()["height"] for i in range(numbers.count())) >= 44
    assert page.locator(".app-call__button:visible").count() == 0


def test_chosen_country_comes_first_on_overdose_and_help_pages(live_server, page):
    page.goto(f"{live_server.url}/en/get-help/")
    page.get_by_label("Your country").select_option("AU")
    assert first_country(page) == "AU"
    page.goto(f"{live_server.url}/en/overdose/")
    first = page.locator(".app-emergency [data-country]").first
    assert first.get_attribute("data-country") == "AU"
    assert first.locator("a").get_attribute("href") == "tel:000"
    page.reload()
    assert first_country(page) == "AU"
    assert page.evaluate("document.cookie") == ""
    # "Show all countries" restores the original order.
    page.goto(f"{live_server.url}/en/get-help/")
    assert page.get_by_label("Your country").input_value() == "AU"
    page.get_by_label("Your country").select_option("")
    assert first_country(page) == "US"
    assert page.errors == []


def test_nonsense_in_storage_shows_the_full_list(live_server, page):
    page.goto(f"{live_server.url}/en/overdose/")
    page.evaluate("localStorage.setItem('guide.country', '\"><img src=x onerror=alert(1)>')")
    page.reload()
    assert first_country(page) == "US"
    assert page.errors == []
