"""Babel extractor for chapters: one message per block, via `split_blocks`.

Wired in ``babel.cfg``. Each message carries a translator comment saying what kind of
block it is and which chapter it belongs to, so a translator in Poedit or Weblate
knows whether they are translating a heading, a list item or words to say aloud.
"""

from __future__ import annotations

from .blocks import collapse
from .blocks import split_blocks
from .message_areas import CITATION_NOTE

_KIND_NOTES = {
    "heading": "Heading",
    "paragraph": "Paragraph",
    "list item": "List item",
    "table cell": "Table cell",
    "note": "Callout (good to know)",
    "warning": "Callout (important, safety)",
    "figure": "Caption of a picture; it also tells screen-reader users what the picture shows",
    "script": "Words a family member can say aloud: keep them natural and spoken",
}


#: The heading of the list of sources that closes a chapter (see README, "Writing a chapter").
SOURCES_HEADING = "Sources"


def extract_content(fileobj, keywords, comment_tags, options):
    """Yield ``(lineno, funcname, message, comments)`` for each block of a chapter."""
    doc = split_blocks(fileobj.read().decode("utf-8"))
    title = collapse(doc.meta["title"])
    where = f"chapter “{title}”"
    yield 2, None, title, ["Chapter title. Keep it short: it is the page's main heading."]
    yield 3, None, collapse(doc.meta["summary"]), [f"Summary of {where}, shown in the contents."]
    in_sources = False
    for block in doc.blocks:
        if block.kind == "heading":
            in_sources = block.msgid == SOURCES_HEADING
        if in_sources and block.kind == "list item":
            yield block.line, None, block.msgid, [
                f"{CITATION_NOTE} of {where}. Keep the title of the cited page exactly as it is, so readers can "
                "find it; you may add a translation in brackets after the link. Citations are not counted "
                "in the completeness figure; left empty, the English shows."
            ]
            continue
        note = _KIND_NOTES.get(block.kind, "Paragraph")
        comments = [f"{note} in {where}."]
        if "](" in block.msgid or "*" in block.msgid:
            comments.append("Markdown: keep each (link target) exactly and keep the ** marks in pairs.")
        yield block.line, None, block.msgid, comments
