"""An untranslated block falls back to English and says so: ``lang="en"`` on that block.

Screen readers switch voice on ``lang``, so a Spanish reader hears an English paragraph
read as English. Each test builds its own catalog: every message translated except one
known block of the overdose chapter, so exactly one element can carry the mark.
"""

from __future__ import annotations

import shutil

import pytest
from babel.messages.pofile import read_po
from babel.messages.pofile import write_po

from guide import ROOT
from guide.content import plain_text

from .html_tree import parse

#: Which element carries the mark for each kind of block.
HOLDER = {"heading": "h2", "list item": "li", "paragraph": "p", "warning": "p", "figure": "p"}


def catalog_with_one_block_in_english(tmp_path, msgid: str):
    """translations/ copied to ``tmp_path`` with es translating every message but ``msgid``."""
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    po = translations / "es" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = read_po(fh)
    with (translations / "messages.pot").open("rb") as fh:
        template = read_po(fh)
    for message in template:
        if message.id and message.id not in catalog:
            catalog.add(message.id, context=message.context)
    for message in catalog:
        if not message.id:
            continue
        message.flags.discard("fuzzy")
        if isinstance(message.id, tuple):
            forms = [*message.id, *[message.id[-1]] * catalog.num_plurals][: catalog.num_plurals]
            message.string = tuple(f"ES {form}" for form in forms)
        elif message.id == msgid:
            message.string = ""
        else:
            message.string = f"ES {message.id}"  # keeps markup, links and placeholders
    with po.open("wb") as fh:
        write_po(fh, catalog)
    return translations


def first_block(app, kind: str):
    return next(b for b in app.extensions["guide"].chapters["overdose"].doc.blocks if b.kind == kind)


def marked_in_main(html: str, lang: str | None = None):
    """Elements inside ``<main>`` with a ``lang`` (equal to ``lang``, if given)."""
    main = parse(html).find_all("main")[0]
    return [e for e in main.iter() if "lang" in e.attrs and lang in (None, e.attrs["lang"])]


@pytest.mark.parametrize("kind", sorted(HOLDER))
def test_the_one_untranslated_block_is_marked_english_inside_main(make_app, tmp_path, kind):
    block = first_block(make_app(), kind)
    app = make_app(TRANSLATIONS_DIR=str(catalog_with_one_block_in_english(tmp_path, block.msgid)))
    html = app.test_client().get("/es/overdose/").get_data(as_text=True)
    assert '<html lang="es"' in html
    marked = marked_in_main(html)
    english = plain_text(block.msgid)
    blocks = [e for e in marked if e.tag == HOLDER[kind]]
    assert len(blocks) == 1, marked
    assert blocks[0].attrs["lang"] == "en"
    assert blocks[0].text.startswith(english), (blocks[0].text, english)
    if kind == "heading":  # the "On this page" link to it falls back too
        assert [(e.tag, e.attrs["lang"], e.text) for e in marked if e is not blocks[0]] == [("a", "en", english)]
    else:
        assert marked == blocks, "only the untranslated block is marked"
    assert "ES " in parse(html).find_all("main")[0].text  # the blocks around it are translated


def test_english_pages_mark_nothing(make_app, tmp_path):
    block = first_block(make_app(), "list item")
    app = make_app(TRANSLATIONS_DIR=str(catalog_with_one_block_in_english(tmp_path, block.msgid)))
    client = app.test_client()
    site = app.extensions["guide"]
    # (Not the about page: its table names each language in its own language, marked.)
    for url in ["/en/", *[f"/en/{slug}/" for slug in site.chapters]]:
        assert marked_in_main(client.get(url).get_data(as_text=True), "en") == [], url
