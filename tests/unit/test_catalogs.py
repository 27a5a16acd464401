"""Translation catalogs: checks that keep a translation from breaking a page, and the CLI."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from babel.messages.pofile import write_po

from guide import ROOT
from guide.catalog_checks import check_po_file
from guide.catalog_rules import check_message as rule_findings

from ..conftest import add_locale

SHIPPED = sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po"))



def saved_pages(client) -> int:
    """What the offline page counts: the contents, the about page, every chapter and tool."""
    from guide.tools import TOOLS

    return len(client.application.extensions["guide"].chapters) + 2 + len(TOOLS)


def check_message(msgid, msgstr, **options) -> list[str]:
    return [what for _level, what, _fix in rule_findings(msgid, msgstr, **options)]


def problems_of(po) -> list[str]:
    return [problem.what for problem in check_po_file(po).problems]


@pytest.mark.parametrize("po", SHIPPED, ids=lambda p: p.parent.parent.name)
def test_every_shipped_catalog_passes_the_checks_without_a_warning(po):
    """No errors, no warnings, nothing fuzzy: what CI asks of a shipped translation."""
    assert problems_of(po) == []


@pytest.mark.parametrize(
    ("msgid", "msgstr", "problem"),
    [
        ("Saved %(date)s.", "Guardado.", "placeholder"),
        ("About {size} here.", "Unos {tamaño} aquí.", "placeholder"),
        ("Read [this](overdose#signs).", "Lea [esto](sobredosis#signs).", "link"),
        ("Read [this](overdose) and [that](treatment).", "Lea [esto](overdose).", "link"),
        ("Read [this](overdose).", "Lea [esto] (overdose).", "link"),
        ("Call now.", "Llame <b>ahora</b>.", "HTML"),
        ("Call now.", "Llame <script>alert(1)</script>.", "HTML"),
        ("Call now.", "Appelez&nbsp;: maintenant.", "HTML entity"),
        ("Call **now**.", "Llame **ahora.", "emphasis"),
        ("Use `911`.", "Use `911.", "code span"),
        ("Saved.", "100 % guardado.", "% sign"),
    ],
)
def test_unsafe_translations_are_caught(msgid, msgstr, problem):
    assert any(problem in found for found in check_message(msgid, msgstr))


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("Read [this](overdose#signs) and [that](treatment).", "Lea [aquello](treatment) y [esto](overdose#signs)."),
        ("Saved on %(date)s.", "Guardado el %(date)s."),
        ("**Call** now. 2 < 3", "**Llame** ahora. 2 < 3"),
        ("%(country)s: %(number)s", "%(country)s\u00a0: %(number)s"),
        ("Read [How to Use Naloxone](https://x.org/a).", "Lea [How to Use Naloxone](https://x.org/a) (Cómo usar la naloxona)."),
        ("Give 1 breath every 5 seconds.", "أعط نفسًا ١ كل ٥ ثوانٍ."),
    ],
)
def test_faithful_translations_pass(msgid, msgstr):
    assert check_message(msgid, msgstr) == []


def test_a_plural_form_may_leave_out_the_count():
    assert check_message("%(num)d pages", "صفحة واحدة", plural=True) == []
    assert check_message("%(num)d pages", "%(other)d páginas", plural=True) != []


def test_wrong_plural_forms_header_is_caught(translations_copy):
    po = translations_copy / "ar" / "LC_MESSAGES" / "messages.po"
    text = po.read_text("utf-8").replace("nplurals=6", "nplurals=2")
    po.write_text(text, "utf-8")
    assert any("nplurals" in problem for problem in problems_of(po))


def set_plural_forms(po, header: str) -> None:
    text = re.sub(r'"Plural-Forms: [^"]*\\n"\n', lambda _: header, po.read_text("utf-8"), count=1)
    po.write_text(text, "utf-8")


@pytest.mark.parametrize(
    "header",
    [
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n',  # GNU gettext's Spanish
        '"Plural-Forms: nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);\\n"\n',  # CLDR 46
    ],
)
def test_either_common_spanish_plural_header_is_accepted(translations_copy, header):
    po = translations_copy / "es" / "LC_MESSAGES" / "messages.po"
    set_plural_forms(po, header)
    plural = [line for line in po.read_text("utf-8").splitlines() if line.startswith("msgstr[1]")]
    assert plural, "the Spanish catalog has a plural message to check"
    header = [problem.what for problem in check_po_file(po).problems if problem.english is None]
    assert header == []


@pytest.mark.parametrize(
    "header, finding",
    [
        ("", "no Plural-Forms"),
        ('"Plural-Forms: nplurals=6; plural=(n == 1 ? 0 : 1);\\n"\n', "groups"),  # Arabic's 2 treated like 3
        ('"Plural-Forms: nplurals=6; plural=(n == 1 ? 0 : n +);\\n"\n', "cannot be read"),
    ],
)
def test_a_wrong_or_missing_arabic_plural_header_is_caught(translations_copy, header, finding):
    po = translations_copy / "ar" / "LC_MESSAGES" / "messages.po"
    set_plural_forms(po, header)
    assert any(finding in problem for problem in problems_of(po)), problems_of(po)


def test_a_catalog_with_a_broken_translation_fails_the_check(translations_copy):
    po = translations_copy / "es" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = read_po(fh)
    catalog["Overdose? What to do"].string = "<a href=x>¿Sobredosis?</a>"
    with po.open("wb") as fh:
        write_po(fh, catalog)
    assert any("HTML" in problem for problem in problems_of(po))


def test_cli_status_shows_each_area_and_the_menu_verdict(make_app):
    result = make_app().test_cli_runner().invoke(args=["translate", "status"])
    assert result.exit_code == 0, result.output
    blocks = {block.split()[0]: block for block in re.split(r"\n(?=\S)", result.output.strip())}
    assert {"es", "ar"} <= set(blocks)
    for block in (blocks["es"], blocks["ar"]):
        assert "in the language menu" in block
        for area in ("interface", "overdose", "get-help", "chapters", "helplines"):
            assert re.search(rf"^    {area} +\d+ / \d+ +100\.0%", block, re.M), block
        assert re.search(r"^    citations +\d+ entries .*not counted", block, re.M), block


def test_cli_check_passes_on_shipped_catalogs_and_fails_on_a_broken_one(make_app, translations_copy):
    app = make_app(TRANSLATIONS_DIR=str(translations_copy))
    assert app.test_cli_runner().invoke(args=["translate", "check"]).exit_code == 0
    po = translations_copy / "es" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8").replace('msgstr "Índice"', 'msgstr "<i>Índice</i>"'), "utf-8")
    result = app.test_cli_runner().invoke(args=["translate", "check"])
    assert result.exit_code != 0
    assert "HTML" in result.output


def test_a_translator_starts_a_locale_with_init_and_sees_it_served(make_app, bare_translations):
    runner = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_cli_runner()
    result = runner.invoke(args=["translate", "init", "fr"])
    assert result.exit_code == 0, result.output
    po = bare_translations / "fr" / "LC_MESSAGES" / "messages.po"
    settings = (bare_translations / "fr" / "locale.toml").read_text()
    assert settings.count('review_status = "draft"') == 1 and 'drafted_by = "people"' in settings
    with po.open("rb") as fh:
        catalog = read_po(fh)
    catalog["Contents"].string = "Sommaire"
    catalog["Overdose? What to do"].string = "Overdose ? Que faire"
    with po.open("wb") as fh:
        write_po(fh, catalog)
    # A restart (a new app) is all it takes.
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    html = client.get("/fr/").get_data(as_text=True)
    assert '<html lang="fr" dir="ltr"' in html
    assert "Overdose ? Que faire" in html and "Sommaire" in html
    assert runner.invoke(args=["translate", "init", "fr"]).exit_code != 0  # never overwrites work


@pytest.mark.parametrize("spelling", ["pt-BR", "pt_BR", "pt_br"])
def test_init_writes_babels_folder_spelling_whatever_the_translator_types(make_app, bare_translations, spelling):
    runner = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_cli_runner()
    result = runner.invoke(args=["translate", "init", spelling, "--drafted-by", "machine"])
    assert result.exit_code == 0, result.output
    assert (bare_translations / "pt_BR" / "LC_MESSAGES" / "messages.po").is_file()
    assert 'drafted_by = "machine"' in (bare_translations / "pt_BR" / "locale.toml").read_text()
    assert runner.invoke(args=["translate", "init", "pt-BR"]).exit_code != 0  # the same language


def test_cli_update_marks_changed_english_fuzzy(make_app, translations_copy):
    pot = translations_copy / "messages.pot"
    pot.write_text(pot.read_text("utf-8").replace('msgid "Contents"', 'msgid "Table of contents"'), "utf-8")
    result = make_app(TRANSLATIONS_DIR=str(translations_copy)).test_cli_runner().invoke(args=["translate", "update"])
    assert result.exit_code == 0, result.output
    with (translations_copy / "es" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh)
    assert catalog["Table of contents"].fuzzy
    assert catalog["Table of contents"].string == "Índice"


def test_offline_page_counts_pages_with_the_languages_plural_rules(make_app, client):
    assert f"{saved_pages(client)} pages are saved on this device." in client.get("/en/offline/").get_data(as_text=True)
    assert f"{saved_pages(client)} páginas están guardadas en este dispositivo." in client.get("/es/offline/").get_data(as_text=True)


def test_a_broken_catalog_never_causes_a_500(make_app, translations_copy):
    po = translations_copy / "es" / "LC_MESSAGES" / "messages.po"
    po.write_bytes(b"\xff\xfe not a catalog \x00")
    app = make_app(TRANSLATIONS_DIR=str(translations_copy))
    client = app.test_client()
    assert client.get("/en/overdose/").status_code == 200
    response = client.get("/es/overdose/")
    assert response.status_code == 404
    assert client.get("/", headers={"Accept-Language": "es"}).headers["Location"] == "/en/"
    result = app.test_cli_runner().invoke(args=["translate", "check"])
    assert result.exit_code != 0 and "es: DISABLED" in result.output


def test_a_header_wrapped_by_an_editor_is_read_as_one_line(make_app, bare_translations):
    """Found by following TRANSLATING.md: tools wrap long header lines; that is no mistake."""
    po = add_locale(bare_translations, "fr", {"Contents": "Sommaire"})
    with po.open("rb") as fh:
        catalog = read_po(fh)
    with po.open("wb") as fh:
        write_po(fh, catalog, width=40)
    assert not any(line.startswith('"Plural-Forms:') and line.endswith('\\n"') for line in po.read_text().splitlines())
    assert problems_of(po) == []


def test_a_broken_header_written_on_one_line_keeps_the_locale(make_app, bare_translations):
    po = add_locale(bare_translations, "fr", {"Contents": "Sommaire"})
    text = po.read_text("utf-8")
    head, rest = text.split('msgstr ""\n', 1)
    fields, body = rest.split("\n\n", 1)
    one_line = "".join(line.strip()[1:-1] for line in fields.splitlines()).replace("nplurals=3", "nplurals=x")
    po.write_text(f'{head}msgstr "{one_line}"\n\n{body}', "utf-8")
    assert any("Plural-Forms" in problem for problem in problems_of(po))
    assert "Sommaire" in make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client().get("/fr/").get_data(as_text=True)


def test_a_fuzzy_message_counts_as_not_translated(make_app, translations_copy):
    """One fuzzy interface message: status counts it as fuzzy, not translated, and the
    language leaves the menu (every interface message is required) until it is looked at."""
    po = translations_copy / "es" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8").replace('\nmsgid "Next"\n', '\n#, fuzzy\nmsgid "Next"\n', 1), "utf-8")
    app = make_app(TRANSLATIONS_DIR=str(translations_copy))
    result = app.test_cli_runner().invoke(args=["translate", "status"])
    block = next(b for b in re.split(r"\n(?=\S)", result.output.strip()) if b.startswith("es "))
    row = re.search(r"^    interface +(\d+) / (\d+) +[\d.]+% +(\d+) ", block, re.M)
    assert row, block
    done, wanted, fuzzy = map(int, row.groups())
    assert (done, fuzzy) == (wanted - 1, 1), block
    assert "the menu needs every interface message" in block, block
    site = app.extensions["guide"]
    assert not site.is_complete(site.locales["es"])
    assert 'hreflang="es"' not in app.test_client().get("/en/").get_data(as_text=True)
