"""A first locale, as a new translator meets it: menu gating, spellings, fallbacks, typography."""

from __future__ import annotations

import json
import logging
import re

import pytest
from babel.messages.pofile import read_po

from guide.message_areas import CITATIONS
from guide.message_areas import HELPLINES
from guide.message_areas import INTERFACE
from guide.message_areas import area_of

from ..conftest import add_locale


def template(translations):
    with (translations / "messages.pot").open("rb") as fh:
        return [m for m in read_po(fh) if m.id]


def copied(translations, skip=lambda message, area: False, nplurals: int = 3) -> dict:
    """A "translation" of every message that copies the English, but for ``skip``."""
    found = {}
    for message in template(translations):
        area = area_of(message.locations, message.auto_comments)
        if area == CITATIONS or skip(message, area):
            continue
        key = message.id[0] if message.pluralizable else message.id
        forms = (message.id[0], *[message.id[1]] * (nplurals - 1)) if message.pluralizable else ()
        value = forms[:nplurals] if message.pluralizable else message.id
        found[(message.context, key) if message.context else key] = value
    return found


def menu_of(client) -> str:
    return client.get("/en/").get_data(as_text=True).split("app-menu__panel")[1]


def test_a_complete_locale_is_in_the_menu_and_chosen_by_the_browser(make_app, bare_translations):
    add_locale(bare_translations, "fr", copied(bare_translations))
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    assert 'hreflang="fr"' in menu_of(client)
    assert client.get("/", headers={"Accept-Language": "fr-FR"}).headers["Location"] == "/fr/"
    assert "data-incomplete" not in client.get("/fr/").get_data(as_text=True)


def test_one_missing_interface_message_keeps_a_locale_out_of_the_menu(make_app, bare_translations):
    add_locale(bare_translations, "fr", copied(bare_translations, lambda m, area: m.id == "Reload"))
    app = make_app(TRANSLATIONS_DIR=str(bare_translations))
    client = app.test_client()
    assert app.extensions["guide"].locales["fr"].completeness > 0.99
    assert 'hreflang="fr"' not in menu_of(client)
    assert client.get("/", headers={"Accept-Language": "fr"}).headers["Location"] == "/en/"
    html = client.get("/fr/overdose/").get_data(as_text=True)  # still opens by its address
    assert "data-incomplete" in html and "some parts of this guide show in English" in html
    status = app.test_cli_runner().invoke(args=["translate", "status"]).output
    assert "open by its address only; the menu needs every interface message" in status
    assert re.search(r"^    interface +\d+ / \d+ .* 1  required$", status, re.M), status


def test_untranslated_helplines_do_not_hide_a_locale_and_show_as_english(make_app, bare_translations):
    add_locale(bare_translations, "fr", copied(bare_translations, lambda m, area: area == HELPLINES))
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    assert 'hreflang="fr"' in menu_of(client)
    html = client.get("/fr/get-help/").get_data(as_text=True)
    assert '<span lang="en">Free, confidential help in English and Spanish' in html


def test_the_overall_threshold_still_applies(make_app, bare_translations):
    required = copied(bare_translations, lambda m, area: area not in ("interface", "overdose", "get-help"))
    add_locale(bare_translations, "fr", required)
    app = make_app(TRANSLATIONS_DIR=str(bare_translations))
    assert app.extensions["guide"].locales["fr"].required_complete
    assert 'hreflang="fr"' not in menu_of(app.test_client())


def test_citations_count_neither_as_done_nor_as_wanted(make_app, bare_translations):
    messages = copied(bare_translations)
    citations = [m.id for m in template(bare_translations) if area_of(m.locations, m.auto_comments) == CITATIONS]
    assert len(citations) > 20
    add_locale(bare_translations, "fr", messages)
    add_locale(bare_translations, "it", {**messages, **{c: c for c in citations}})
    locales = make_app(TRANSLATIONS_DIR=str(bare_translations)).extensions["guide"].locales
    assert locales["fr"].completeness == locales["it"].completeness == 1.0


@pytest.mark.parametrize("folder", ["pt_BR", "pt-BR"])
def test_both_folder_spellings_are_one_locale(make_app, bare_translations, folder):
    add_locale(bare_translations, folder, {"Contents": "Sumário"})
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    html = client.get("/pt-br/").get_data(as_text=True)
    assert '<html lang="pt-BR" dir="ltr"' in html and "Sumário" in html
    assert client.get("/pt_BR/").status_code == 301


def test_two_folders_for_one_language_are_reported(make_app, bare_translations, caplog):
    add_locale(bare_translations, "pt_BR", {"Contents": "Sumário"})
    add_locale(bare_translations, "pt-BR", {"Contents": "Índice"})
    with caplog.at_level(logging.WARNING):
        app = make_app(TRANSLATIONS_DIR=str(bare_translations))
    assert "Sumário" in app.test_client().get("/pt-br/").get_data(as_text=True)
    assert any("both" in r.getMessage() for r in caplog.records)
    result = app.test_cli_runner().invoke(args=["translate", "check"])
    assert result.exit_code != 0 and "the app ignores this one" in result.output


@pytest.mark.parametrize(
    ("folder", "header", "target"),
    [("pt_BR", "pt-PT,pt;q=0.9,en;q=0.5", "/pt-br/"), ("es_MX", "es-ES", "/es-mx/"), ("zh_Hans", "zh-TW", "/zh-hans/")],
)
def test_a_regional_variant_gets_the_same_language_never_english(make_app, bare_translations, folder, header, target):
    add_locale(bare_translations, folder, copied(bare_translations, nplurals=1 if folder.startswith("zh") else 3))
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    assert client.get("/", headers={"Accept-Language": header}).headers["Location"] == target


def test_spain_gets_the_shipped_spanish(client):
    assert client.get("/", headers={"Accept-Language": "es-ES"}).headers["Location"] == "/es/"


@pytest.mark.parametrize("folder", ["zh", "zh_Hans", "zh_CN"])
def test_simplified_chinese_always_says_so_in_its_name(make_app, bare_translations, folder):
    add_locale(bare_translations, folder, copied(bare_translations, nplurals=1))
    app = make_app(TRANSLATIONS_DIR=str(bare_translations))
    (locale,) = [loc for loc in app.extensions["guide"].menu if not loc.is_source]
    assert "简体" in locale.name
    assert f">{locale.name}</a>" in menu_of(app.test_client())


def test_about_page_says_machine_only_when_a_machine_drafted_it(make_app, client, bare_translations):
    assert "Se hizo con ayuda de una máquina" in client.get("/es/about/").get_data(as_text=True)
    add_locale(bare_translations, "fr", {"Contents": "Sommaire"}, status="draft")
    html = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client().get("/fr/about/").get_data(as_text=True)
    assert "a native speaker has not checked it yet" in html
    assert "machine" not in html


def test_msgctxt_separates_a_link_from_a_column_heading(make_app, bare_translations):
    add_locale(bare_translations, "fr", {"Language": "Langue", ("table column", "Language"): "Langue (colonne)"})
    html = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client().get("/fr/about/").get_data(as_text=True)
    assert '<th scope="col">Langue (colonne)</th>' in html
    assert '<th scope="col">Langue</th>' not in html


def test_french_typography_fits_in_the_interface_patterns(make_app, bare_translations):
    nbsp = "\u00a0"
    add_locale(bare_translations, "fr", {
        "%(country)s: %(number)s": f"%(country)s{nbsp}: %(number)s",
        "%(helpline)s: %(number)s": f"%(helpline)s{nbsp}: %(number)s",
        "Emergency: %(number)s": f"Urgences{nbsp}: %(number)s",
    })
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    assert f'href="tel:911">États-Unis{nbsp}: 911</a>' in client.get("/fr/overdose/").get_data(as_text=True)
    assert f'Urgences{nbsp}: <a class="app-tel" href="tel:911"' in client.get("/fr/get-help/").get_data(as_text=True)
    plan = client.get("/fr/tools/plan/").get_data(as_text=True)
    lines = json.loads(re.search(r'data-crisis-lines="([^"]*)"', plan).group(1).replace("&#34;", '"'))
    assert lines["US"] == f"988 Suicide & Crisis Lifeline{nbsp}: 988"


def test_every_message_says_where_it_appears(bare_translations):
    for message in template(bare_translations):
        comments = " ".join(message.auto_comments)
        if area_of(message.locations, message.auto_comments) == INTERFACE:
            assert "Where: " in comments, message.id
        else:
            assert comments, message.id
