"""helplines.toml: every line has a kind, pages choose by kind, tel links dial at home."""

from __future__ import annotations

import html
import json
import re

import pytest

from guide import ROOT
from guide.helplines import KINDS
from guide.helplines import HelplineDataError
from guide.helplines import load_helplines

HELPLINES = load_helplines(ROOT / "guide" / "data" / "helplines.toml")

ONE = """last_checked = "2026-11-23"
[[countries]]
code = "US"
name = "United States"
emergency = "911"
source = "https://www.911.gov/"
[[countries.lines]]
name = "A line"
phone = "1-800-000-0000"
tel = "+18000000000"
about = "About."
source = "https://example.org/"
"""


def test_every_line_has_a_known_kind():
    assert all(line.kind in KINDS for country in HELPLINES.countries for line in country.lines)


@pytest.mark.parametrize("kind", [None, "crisis-line", ""])
def test_a_line_without_a_known_kind_is_refused(tmp_path, kind):
    path = tmp_path / "helplines.toml"
    path.write_text(ONE + (f'kind = "{kind}"\n' if kind is not None else ""))
    with pytest.raises(HelplineDataError, match="kind"):
        load_helplines(path)


def test_the_us_crisis_line_is_988_not_a_treatment_referral_line():
    us = next(country for country in HELPLINES.countries if country.code == "US")
    assert us.line("crisis").tel == "988"
    assert us.line("treatment-referral").name == "SAMHSA National Helpline"


@pytest.mark.parametrize("prefix", ["+61", "+52"])
def test_national_short_numbers_are_dialled_without_the_country_code(prefix):
    # 1800/1300/13 numbers in Australia and 800 numbers in Mexico work only from inside.
    country = {"+61": "AU", "+52": "MX"}[prefix]
    lines = next(c for c in HELPLINES.countries if c.code == country).lines
    assert lines and not any(line.tel.startswith(prefix) for line in lines)


def test_the_plan_prefills_each_countrys_crisis_line(client):
    page = client.get("/en/tools/plan/").get_data(as_text=True)
    attribute = re.search(r'data-crisis-lines="([^"]*)"', page).group(1)
    prefill = json.loads(html.unescape(attribute))
    assert prefill["US"] == "988 Suicide & Crisis Lifeline: 988"
    assert prefill["MX"] == "Línea de la Vida: 800-911-2000"
    assert prefill["ES"] == "Emergency: 112"  # no crisis line listed: the emergency number
