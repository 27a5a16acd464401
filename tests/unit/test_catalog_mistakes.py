"""A translator's ordinary mistakes never break a page, and the check names each one.

One test per mistake: a throwaway French catalog (in a folder without the shipped
locales) holds the mistake; the page still answers 200 with the English for that one
message, never markup from the catalog; ``translate check`` names the line.
"""

from __future__ import annotations

import logging
import re

import pytest

from ..conftest import add_locale

CHECKED = "These numbers were last checked on %(date)s. Each one links to its source."
PAGES_SAVED = "%(num)d page is saved on this device."
STORAGE = "This guide keeps about {size} on this device so that it works without a connection."
LINKED = ("If you are not sure what to allow and what to refuse, read [Helping or enabling?](helping-or-enabling) "
          "first. It gives many everyday examples.")
STAY = "**Stay with them until help arrives.** Naloxone wears off after 20 to 90 minutes. The overdose can come back."
#: Translated in every catalog below, to show the rest of the locale still works.
WORKING = {"Contents": "Sommaire"}



def saved_pages(client) -> int:
    """What the offline page counts: the contents, the about page, every chapter and tool."""
    from guide.tools import TOOLS

    return len(client.application.extensions["guide"].chapters) + 2 + len(TOOLS)


def line_of(po, msgid: str) -> int:
    """The line of ``msgid "..."`` in the catalog, as the check must name it."""
    quoted = 'msgid "' + msgid.replace('"', '\\"') + '"'
    return po.read_text("utf-8").splitlines().index(quoted) + 1


def check(make_app, translations):
    return make_app(TRANSLATIONS_DIR=str(translations)).test_cli_runner().invoke(args=["translate", "check"])


def french(make_app, translations, messages):
    po = add_locale(translations, "fr", {**WORKING, **messages})
    return po, make_app(TRANSLATIONS_DIR=str(translations)).test_client()


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.get_data(as_text=True)
    assert '<html lang="fr"' in html
    return html


def assert_named(result, po, msgid, *words):
    assert result.exit_code != 0, result.output
    assert f"messages.po:{line_of(po, msgid)}: error" in result.output, result.output
    for word in words:
        assert word in result.output, result.output


def test_a_renamed_placeholder_shows_the_english_message(make_app, bare_translations, caplog):
    with caplog.at_level(logging.WARNING):
        po, client = french(make_app, bare_translations, {CHECKED: "Numéros vérifiés le %(jour)s."})
    html = page(client, "/fr/get-help/")
    assert "These numbers were last checked on" in html and "%(jour)s" not in html
    assert any(f"messages.po:{line_of(po, CHECKED)}" in r.getMessage() for r in caplog.records)
    assert_named(check(make_app, bare_translations), po, CHECKED, "%(jour)s", "%(date)s", "English:")


def test_a_renamed_plural_placeholder_shows_the_english_message(make_app, bare_translations):
    forms = ("%(nombre)d page enregistrée.", "%(nombre)d pages enregistrées.", "%(nombre)d pages enregistrées.")
    po, client = french(make_app, bare_translations, {PAGES_SAVED: forms})
    html = page(client, "/fr/offline/")
    assert f"{saved_pages(client)} pages are saved on this device." in html and "nombre" not in html
    assert_named(check(make_app, bare_translations), po, PAGES_SAVED, "%(nombre)d")


def test_a_renamed_brace_placeholder_shows_the_english_message(make_app, bare_translations):
    po, client = french(make_app, bare_translations, {STORAGE: "Ce guide garde environ {taille} sur cet appareil."})
    html = page(client, "/fr/about/")
    assert "This guide keeps about {size}" in html and "{taille}" not in html
    assert_named(check(make_app, bare_translations), po, STORAGE, "{taille}")


def test_html_in_an_interface_message_is_never_rendered(make_app, bare_translations):
    evil = '<a href="https://example.org/">Aller au contenu</a>'
    po, client = french(make_app, bare_translations, {"Skip to content": evil})
    html = page(client, "/fr/")
    assert 'href="https://example.org/"' not in html
    assert ">Skip to content</a>" in html
    assert_named(check(make_app, bare_translations), po, "Skip to content", "HTML")


def test_interface_translations_are_escaped_even_inside_attributes(make_app, bare_translations):
    _po, client = french(make_app, bare_translations, {"Copied.": 'Copié" data-injected="1'})
    html = page(client, "/fr/tools/plan/")
    assert 'data-injected="1"' not in html
    assert 'data-copied="Copié&#34; data-injected=&#34;1"' in html


def set_header(po, header: str) -> None:
    text = re.sub(r'"Plural-Forms: [^"]*\\n"', lambda _match: header, po.read_text("utf-8"), count=1)
    po.write_text(text, "utf-8")


def test_gnu_plural_header_with_three_forms_keeps_the_locale(make_app, bare_translations):
    forms = ("%(num)d page enregistrée.", "%(num)d pages enregistrées.", "%(num)d pages enregistrées.")
    po = add_locale(bare_translations, "fr", {**WORKING, PAGES_SAVED: forms})
    set_header(po, '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"')
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    assert "Sommaire" in page(client, "/fr/")
    assert f"{saved_pages(client)} pages are saved on this device." in page(client, "/fr/offline/")
    assert_named(check(make_app, bare_translations), po, PAGES_SAVED, "3 plural forms", "nplurals=2")


def test_an_unreadable_plural_header_keeps_the_locale(make_app, bare_translations):
    forms = ("%(num)d page enregistrée.", "%(num)d pages enregistrées.", "%(num)d pages enregistrées.")
    po = add_locale(bare_translations, "fr", {**WORKING, PAGES_SAVED: forms})
    set_header(po, '"Plural-Forms: nplurals=deux; plural=(n > 1;\\n"')
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    assert "Sommaire" in page(client, "/fr/")
    assert f"{saved_pages(client)} pages are saved on this device." in page(client, "/fr/offline/")
    result = check(make_app, bare_translations)
    assert result.exit_code != 0 and "Plural-Forms: nplurals=3;" in result.output, result.output


@pytest.mark.parametrize(
    "broken",
    [
        "Si vous hésitez, lisez d'abord [Aider ou faciliter ?] (helping-or-enabling).",
        "Si vous hésitez, lisez d'abord Aider ou faciliter ?](helping-or-enabling).",
    ],
    ids=["space-between", "missing-bracket"],
)
def test_a_broken_markdown_link_shows_the_english_block(make_app, bare_translations, broken):
    po, client = french(make_app, bare_translations, {LINKED: broken})
    html = page(client, "/fr/boundaries/")
    assert "](helping-or-enabling)" not in html and "] (" not in html
    assert '<p lang="en">If you are not sure what to allow' in html
    assert_named(check(make_app, bare_translations), po, LINKED, "helping-or-enabling")


def test_each_fuzzy_message_is_listed_with_its_line(make_app, bare_translations):
    po = add_locale(bare_translations, "fr", {"Contents": "Sommaire", "Next": "Suivant"})
    po.write_text(po.read_text("utf-8").replace('msgid "Next"', '#, fuzzy\nmsgid "Next"'), "utf-8")
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    assert "Suivant" not in page(client, "/fr/start-here/")
    result = check(make_app, bare_translations)
    assert f"messages.po:{line_of(po, 'Next')}: warning: marked fuzzy" in result.output, result.output


def test_an_unescaped_quote_in_a_line_is_caught(make_app, bare_translations):
    po = add_locale(bare_translations, "fr", {"Contents": "Sommaire", "Next": "Suivant"})
    po.write_text(po.read_text("utf-8").replace('msgstr "Sommaire"', 'msgstr "Le "sommaire""'), "utf-8")
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    html = page(client, "/fr/")
    assert "sommaire" not in html and "Suivant" in page(client, "/fr/start-here/")
    result = check(make_app, bare_translations)
    assert result.exit_code != 0
    assert f"messages.po:{line_of(po, 'Contents') + 1}: error: an unescaped \"" in result.output, result.output


def test_a_changed_number_in_an_overdose_step_shows_the_english(make_app, bare_translations):
    changed = "**Restez avec la personne jusqu'à l'arrivée des secours.** La naloxone cesse d'agir après 20 à 60 minutes. La surdose peut revenir."
    po, client = french(make_app, bare_translations, {STAY: changed})
    html = page(client, "/fr/overdose/")
    assert "20 to 90 minutes" in html and "20 à 60 minutes" not in html
    assert_named(check(make_app, bare_translations), po, STAY, "numbers differ", "90", "60")


@pytest.mark.parametrize(
    ("folder", "text"),
    [
        ("ar", "**ابقَ معه حتى تصل المساعدة.** يزول مفعول النالوكسون بعد ٢٠ إلى ٩٠ دقيقة. قد تعود الجرعة الزائدة."),
        ("fa", "**تا رسیدن کمک کنارش بمانید.** اثر نالوکسان پس از ۲۰ تا ۹۰ دقیقه از بین می‌رود. ممکن است دوباره برگردد."),
        ("zh_Hans", "**陪着他，直到救援到达。**纳洛酮在二十到九十分钟后失效。过量可能再次发生。"),
    ],
)
def test_numbers_in_other_digits_are_the_same_numbers(make_app, bare_translations, folder, text):
    add_locale(bare_translations, folder, {STAY: text})
    result = check(make_app, bare_translations)
    assert "numbers differ" not in result.output, result.output


def test_a_changed_number_elsewhere_is_a_warning_and_is_shown(make_app, bare_translations):
    english = (
        "Overdose deaths are about 5 times as common after leaving methadone treatment as during it. "
        "Methadone is a medicine for opioid use disorder, the medical name for opioid addiction."
    )
    changed = "Les décès par surdose sont environ 7 fois plus fréquents après la méthadone. La méthadone est un médicament."
    po, client = french(make_app, bare_translations, {english: changed})
    assert "environ 7 fois" in page(client, "/fr/relapse-planning/")
    result = check(make_app, bare_translations)
    assert result.exit_code == 0, result.output
    assert f"messages.po:{line_of(po, english)}: warning: numbers differ" in result.output


def test_what_the_check_calls_an_error_is_exactly_what_the_app_refuses(make_app, bare_translations):
    po, _client = french(
        make_app, bare_translations,
        {CHECKED: "Le %(jour)s.", STORAGE: "{taille}", "Skip to content": "<b>Aller</b>", "Next": "Suivant"},
    )
    app = make_app(TRANSLATIONS_DIR=str(bare_translations))
    fr = app.extensions["guide"].locales["fr"]
    refused = {english for _context, english in fr.refused}
    assert refused == {CHECKED, STORAGE, "Skip to content"}
    output = check(make_app, bare_translations).output
    named = {int(n) for n in re.findall(r"messages\.po:(\d+): error", output)}
    assert named == {line_of(po, msgid) for msgid in refused}
    assert "3 messages show in English until fixed" in output


def test_chinese_words_that_are_numerals_are_never_added_numbers():
    from guide.numerals import compare
    from guide.numerals import numbers

    # "一" in 一人 ("a person") or 一起 ("together") is a word, not a number the English lacks;
    # counting it once must not change what the next check sees (numbers() is cached).
    for _ in range(2):
        assert compare("Add another person", "再添加一人") == ([], [])
        assert compare("Go together", "一起去") == ([], [])
    assert numbers("再添加一人") == numbers("再添加一人") and not numbers("再添加一人")
