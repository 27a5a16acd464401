"""Checks that keep a translation from breaking a page.

Run by the test suite (a broken catalog fails CI) and by ``flask translate check`` so a
translator sees the same verdict on their own machine before sending their work.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{(\w+)\}")
_LINK_TARGET = re.compile(r"\]\(([^)\s]*)\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")


def placeholders(text: str) -> Counter:
    return Counter(match.group(0) for match in _PLACEHOLDER.finditer(text))


def check_message(msgid: str, msgstr: str, plural: bool = False) -> list[str]:
    """Problems in one translation; an empty list means it is safe to show.

    A plural form may leave out the count ("one page" needs no number), so for plurals
    the translation's placeholders need only be among the English ones.
    """
    problems = []
    source, target = placeholders(msgid), placeholders(msgstr)
    if (plural and not set(target) <= set(source)) or (not plural and source != target):
        problems.append(
            f"placeholders differ: {sorted(placeholders(msgid).elements())} vs {sorted(placeholders(msgstr).elements())}"
        )
    source_links, links = Counter(_LINK_TARGET.findall(msgid)), Counter(_LINK_TARGET.findall(msgstr))
    if source_links != links:
        problems.append(f"link targets differ: {sorted(source_links.elements())} vs {sorted(links.elements())}")
    if _HTML_TAG.search(msgstr) and not _HTML_TAG.search(msgid):
        problems.append("contains an HTML tag; use Markdown instead")
    if msgstr.count("**") % 2:
        problems.append("a ** emphasis is not closed")
    if msgstr.count("`") % 2:
        problems.append("a ` code span is not closed")
    return problems


def check_catalog(catalog: Catalog, folder: str) -> list[str]:
    """Problems in a whole catalog: its header, every translated message, compilation."""
    problems = []
    try:
        expected = get_plural(Locale.parse(folder))
    except ValueError as exc:
        return [f"{folder} is not a language code Babel knows: {exc}"]
    if catalog.num_plurals != expected.num_plurals:
        problems.append(f"Plural-Forms says nplurals={catalog.num_plurals}; {folder} needs {expected.num_plurals}")
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, text in enumerate(strings):
            if text:
                for problem in check_message(ids[min(index, len(ids) - 1)], text, plural=len(ids) > 1):
                    problems.append(f"line {message.lineno}: {problem}: {ids[0][:60]!r}")
    try:
        write_mo(io.BytesIO(), catalog)
    except Exception as exc:  # noqa: BLE001 - any failure to compile is the finding
        problems.append(f"does not compile: {exc}")
    return problems


def check_po_file(path: Path) -> list[str]:
    folder = path.parent.parent.name
    try:
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=folder, abort_invalid=True)
    except Exception as exc:  # noqa: BLE001 - a catalog that cannot be read is the finding
        return [f"cannot be read: {exc}"]
    return check_catalog(catalog, folder)
