"""Split a chapter into translatable blocks.

`split_blocks` is the one place that decides what a translation unit is. The Babel
extractor (`guide.extract`) and the renderer (`guide.content`) both call it, so what
translators see in the catalog is exactly what the renderer looks up.

A chapter is TOML front matter between ``+++`` lines, then CommonMark with GFM tables
and the containers in `CONTAINERS`.
Every markdown-it ``inline`` token (a heading, paragraph, list item, table cell, or a
paragraph inside a callout) is one block; its message id is its source text with
whitespace collapsed, so re-wrapping a paragraph does not make its translation stale.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

#: The containers a chapter may use, in ``::: name`` form. ``helplines`` and
#: ``emergency`` are empty: the app fills them from guide/data/helplines.toml.
CONTAINERS = ("note", "warning", "script", "helplines", "emergency", "figure")

_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\n(.*?)\n\+\+\+[ \t]*\n", re.DOTALL)


class ChapterFormatError(ValueError):
    """A chapter file that does not follow the content format."""


@dataclass
class Block:
    """One translation unit: the message id and where it came from."""

    msgid: str
    line: int  # 1-based line in the chapter file
    kind: str  # heading, paragraph, list item, table cell, note, warning, script
    token_index: int  # index of the inline token in `Document.tokens`


@dataclass
class Document:
    meta: dict[str, Any]
    tokens: list[Token]
    blocks: list[Block] = field(default_factory=list)


def collapse(text: str) -> str:
    """The message id for a piece of source text: whitespace runs become one space."""
    return " ".join(text.split())


def make_parser() -> MarkdownIt:
    """The one Markdown configuration: CommonMark, raw HTML off, tables, callouts."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.disable(["html_block", "html_inline", "image"])
    for name in CONTAINERS:
        container_plugin(md, name)  # guide.content renders them
    return md


_md = make_parser()


def _kind(tokens: list[Token], index: int) -> str:
    """Name the block an inline token belongs to, for translator comments."""
    for token in reversed(tokens[:index]):
        if token.nesting != 1:
            continue
        if token.type == "heading_open":
            return "heading"
        if token.type in ("th_open", "td_open"):
            return "table cell"
        if token.type == "list_item_open":
            return "list item"
        if token.type.startswith("container_"):
            return token.type[len("container_") : -len("_open")]
        if token.type == "paragraph_open" and token.level == 0:
            return "paragraph"
    return "paragraph"


def split_front_matter(source: str) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, number of lines the front matter used)."""
    match = _FRONT_MATTER.match(source)
    if not match:
        raise ChapterFormatError("a chapter must start with TOML front matter between +++ lines")
    try:
        meta = tomllib.loads(match.group(1))
    except tomllib.TOMLDecodeError as exc:
        raise ChapterFormatError(f"front matter is not valid TOML: {exc}") from exc
    for key, kind in (("title", str), ("summary", str), ("order", int)):
        if not isinstance(meta.get(key), kind):
            raise ChapterFormatError(f"front matter needs {key} ({kind.__name__})")
    return meta, source[match.end() :], match.group(0).count("\n")


def split_blocks(source: str) -> Document:
    """Parse a chapter and list its translation units in reading order."""
    meta, body, offset = split_front_matter(source)
    tokens = _md.parse(body, {})
    doc = Document(meta=meta, tokens=tokens)
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        msgid = collapse(token.content)
        if not msgid:
            continue
        line = (token.map[0] if token.map else 0) + offset + 1
        doc.blocks.append(Block(msgid, line, _kind(tokens, index), index))
    return doc
