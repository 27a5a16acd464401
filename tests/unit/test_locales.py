"""Locales are discovered, normalised and matched; bad input never breaks them."""

from __future__ import annotations

import logging

import pytest

from guide.locales import best_locale
from guide.locales import discover
from guide.locales import url_code

from guide import ROOT

from ..conftest import add_locale


def test_url_codes_are_lower_case_with_hyphens():
    assert url_code("pt_BR") == "pt-br"
    assert url_code("es") == "es"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("es-MX,es;q=0.9,en;q=0.8", "es"),
        ("fr;q=1, es;q=0.5", "es"),
        ("en-GB", "en"),
        ("de", "en"),
        ("ES", "es"),
        ("*", "en"),
    ],
)
def test_best_locale_follows_the_browser(header, expected):
    assert best_locale(header, ["en", "es"]) == expected


@pytest.mark.parametrize(
    "header",
    ["", None, ";;;,,,", "es;q=abc", "q=0.5", "x" * 5000, "es;q=" + "9" * 400, "\u00e9\u00e8;q=1", "\x00\x01", "es;q=-1"],
)
def test_malformed_accept_language_falls_back_quietly(header):
    assert best_locale(header, ["en", "es"]) == "en"


@pytest.mark.parametrize("header", ["no", "nb-NO,no;q=0.9", "no-NO"])
def test_a_language_babel_names_but_cannot_load_falls_back_quietly(header):
    # Babel's likely-subtags table maps "no" to "no_Latn_NO", which Babel cannot parse.
    assert best_locale(header, ["en", "es"]) == "en"


def test_a_new_catalog_folder_is_a_new_locale(bare_translations):
    add_locale(bare_translations, "pt_BR", {"Contents": "Índice"})
    locales = discover(bare_translations)
    assert "pt-br" in locales
    assert locales["pt-br"].tag == "pt-BR"
    assert locales["pt-br"].messages["Contents"] == "Índice"
    assert locales["pt-br"].review_status == "draft"
    assert 0 < locales["pt-br"].completeness < 0.1


def test_right_to_left_languages_say_so(bare_translations):
    add_locale(bare_translations, "fa", {})
    assert discover(bare_translations)["fa"].direction == "rtl"
    assert discover(ROOT / "translations")["ar"].direction == "rtl"
    assert discover(bare_translations)["en"].direction == "ltr"


def test_fuzzy_translations_are_not_shown(bare_translations):
    po = add_locale(bare_translations, "fr", {"Contents": "Sommaire", "Next": "Suivant"})
    text = po.read_text("utf-8").replace('msgid "Next"', '#, fuzzy\nmsgid "Next"')
    po.write_text(text, "utf-8")
    fr = discover(bare_translations)["fr"]
    assert "Contents" in fr.messages
    assert "Next" not in fr.messages
    assert fr.translations.gettext("Next") == "Next"


@pytest.mark.parametrize(
    "content",
    [b'msgid "Contents"\nmsgstr "Sommaire"\nthis is not a catalog\n"', b"\xff\xfe not a catalog \x00"],
    ids=["no-header", "not-utf-8"],
)
def test_a_file_that_is_not_a_catalog_disables_only_its_locale(bare_translations, caplog, content):
    add_locale(bare_translations, "pt_BR", {"Contents": "Sumário"})
    po = add_locale(bare_translations, "fr", {"Contents": "Sommaire"})
    po.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        locales = discover(bare_translations)
    assert "fr" not in locales
    assert {"en", "pt-br"} <= set(locales)
    assert any("locale fr disabled" in r.message for r in caplog.records)


def test_review_status_comes_from_locale_toml(bare_translations):
    add_locale(bare_translations, "fr", {}, status="reviewed")
    add_locale(bare_translations, "it", {}, status="approved-by-nobody")
    locales = discover(bare_translations)
    assert locales["fr"].review_status == "reviewed"
    assert locales["it"].review_status == "draft"
