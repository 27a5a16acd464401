"""The country menu: the page's own countries first, then the rest, each by name as the language sorts."""

from __future__ import annotations

import html
import json
import re

import pytest

from guide import ROOT
from guide.countries import attribute_json
from guide.countries import sort_key
from guide.countries import speaks
from guide.helplines import load_helplines

HELPLINES = load_helplines(ROOT / "guide" / "data" / "helplines.toml")


def menu(client, lang: str) -> list[str]:
    page = client.get(f"/{lang}/get-help/").get_data(as_text=True)
    select = page[page.index('id="app-country-select"') :]
    select = select[: select.index("</select>")]
    return re.findall(r'<option value="([A-Z]{2})">', select)


@pytest.mark.parametrize(
    ("lang", "first"),
    [
        ("fr", ["BE", "CA", "FR", "CH"]),
        ("ru", ["KZ", "RU", "UA"]),
        ("pt-br", ["BR", "PT"]),
        ("es", ["ES", "MX"]),
        ("fa", ["IR"]),
        ("vi", ["VN"]),
        ("zh-hans", ["CN", "HK", "TW"]),
    ],
)
def test_the_menu_starts_with_the_countries_of_the_pages_language(client, lang, first):
    assert menu(client, lang)[: len(first)] == first


def test_the_rest_go_by_their_name_in_the_pages_language(client):
    codes = menu(client, "fr")
    # États-Unis sorts with E (accents are ignored first), between Espagne and Iran.
    assert codes.index("ES") < codes.index("US") < codes.index("IR")
    assert sorted(codes) == sorted(country.code for country in HELPLINES.countries)
    english = menu(client, "en")
    assert english[:6] == ["AU", "CA", "HK", "IE", "GB", "US"]  # English official: by English name
    assert english[6:9] == ["BE", "BR", "CN"]


def test_official_languages_come_from_cldr():
    assert speaks("CH", "fr") and speaks("BE", "fr") and not speaks("ES", "fr")
    assert speaks("US", "en")  # de facto official
    assert not speaks("US", "es")  # regional only


@pytest.mark.parametrize(
    ("language", "names", "ordered"),
    [
        ("vi", ["Estonia", "Đài Loan", "Dominica"], ["Dominica", "Đài Loan", "Estonia"]),
        ("fa", ["تایوان", "پرتغال", "بلژیک"], ["بلژیک", "پرتغال", "تایوان"]),
        ("fa", ["مکزیک", "کانادا", "قزاقستان"], ["قزاقستان", "کانادا", "مکزیک"]),
        ("fr", ["Irlande", "États-Unis", "Espagne"], ["Espagne", "États-Unis", "Irlande"]),
        ("ru", ["Вьетнам", "Ёмкость", "Египет"], ["Вьетнам", "Египет", "Ёмкость"]),
    ],
)
def test_names_sort_as_the_language_does(language, names, ordered):
    assert sorted(names, key=lambda name: sort_key(name, language)) == ordered


def test_plan_data_keeps_its_letters_and_stays_safe_in_an_attribute():
    value = {"RU": "Телефон доверия: 8-800", "US": "A & B <script> \"quoted\" it's"}
    attribute = str(attribute_json(value))
    assert "Телефон" in attribute and "\\u04" not in attribute
    assert not set('<>"\'') & set(attribute.replace("&#34;", ""))
    assert json.loads(html.unescape(attribute)) == value


def test_the_russian_plan_ships_no_unicode_escapes(client):
    page = client.get("/ru/tools/plan/").get_data(as_text=True)
    for name in ("data-crisis-lines", "data-old-crisis-lines"):
        attribute = re.search(name + r'="([^"]*)"', page).group(1)
        assert "\\u04" not in attribute
        json.loads(html.unescape(attribute))
    old = json.loads(html.unescape(re.search(r'data-old-crisis-lines="([^"]*)"', page).group(1)))
    assert "SAMHSA National Helpline: 1-800-662-4357" in old["US"]  # what earlier versions prefilled
    assert "FR" not in old  # France's first line is its crisis line: nothing to replace

