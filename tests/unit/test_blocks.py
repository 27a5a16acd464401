"""One splitter serves extractor and renderer: what is extracted is what is looked up."""

from __future__ import annotations

import io

import pytest
from babel.messages.pofile import read_po

from guide import ROOT
from guide.blocks import ChapterFormatError
from guide.blocks import split_blocks
from guide.extract import extract_content

SAMPLE = """+++
title = "A   sample"
summary = "Short."
order = 1
+++

Intro paragraph that is
wrapped over two lines.

## First section

- one item
- two **items**

1. step one

| Helping | Enabling |
|---|---|
| listen | lie for them |

::: warning
Call for help.
:::

::: script
"I won't give you cash."
:::
"""


def test_every_kind_of_block_is_one_message():
    doc = split_blocks(SAMPLE)
    assert [(b.kind, b.msgid) for b in doc.blocks] == [
        ("paragraph", "Intro paragraph that is wrapped over two lines."),
        ("heading", "First section"),
        ("list item", "one item"),
        ("list item", "two **items**"),
        ("list item", "step one"),
        ("table cell", "Helping"),
        ("table cell", "Enabling"),
        ("table cell", "listen"),
        ("table cell", "lie for them"),
        ("warning", "Call for help."),
        ("script", '"I won\'t give you cash."'),
    ]
    assert doc.meta["title"] == "A   sample"
    assert doc.blocks[0].line == 7  # lines count from the top of the file


def test_rewrapping_a_paragraph_keeps_its_message_id():
    rewrapped = SAMPLE.replace("that is\nwrapped over", "that is wrapped\nover")
    assert split_blocks(rewrapped).blocks[0].msgid == split_blocks(SAMPLE).blocks[0].msgid


@pytest.mark.parametrize(
    "source",
    ["no front matter", "+++\ntitle = 'x'\n+++\n", "+++\ntitle = \n+++\nbody", "+++\ntitle='a'\nsummary='b'\norder='1'\n+++\n"],
)
def test_a_malformed_chapter_is_a_clear_error(source):
    with pytest.raises(ChapterFormatError):
        split_blocks(source)


def test_extractor_yields_title_summary_and_every_block():
    messages = [m[2] for m in extract_content(io.BytesIO(SAMPLE.encode()), [], [], {})]
    assert messages == ["A sample", "Short."] + [b.msgid for b in split_blocks(SAMPLE).blocks]


def test_committed_template_has_every_block_of_every_chapter():
    """If this fails, run: .venv/bin/flask --app wsgi translate extract"""
    with (ROOT / "translations" / "messages.pot").open("rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    chapters = sorted((ROOT / "guide" / "content").glob("*.md"))
    assert chapters
    for path in chapters:
        with path.open("rb") as fh:
            wanted = {m[2] for m in extract_content(fh, [], [], {})}
        assert wanted <= template, f"{path.name}: {sorted(wanted - template)[:3]}"
