"""Checks that keep a translation from breaking a page.

Run by the test suite (a broken catalog fails CI) and by ``flask translate check`` so a
translator sees the same verdict on their own machine before sending their work.
"""

from __future__ import annotations

import gettext
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


#: Every count a page could show. Within it, the catalog's plural formula must group
#: numbers exactly as the language does (the Unicode CLDR rules Babel ships).
_COUNTS = range(10_001)


def check_plural_forms(catalog: Catalog, locale: Locale) -> list[str]:
    """Problems in the Plural-Forms header, judged by what it does, not how it is written.

    Languages have more than one correct header: GNU gettext gives Spanish two forms,
    while newer CLDR data adds a third for exact millions. Either is right as long as the
    formula stays within ``nplurals`` and puts the same counts together as the language.
    """
    folder, nplurals = str(locale), catalog.num_plurals
    try:
        ours = gettext.c2py(catalog.plural_expr)
    except (ValueError, SyntaxError) as exc:
        return [f"the Plural-Forms formula cannot be read: {exc}"]
    reference = gettext.c2py(get_plural(locale).plural_expr)
    same_form: dict[int, int] = {}  # our form -> the language's form for the same count
    same_count: dict[int, int] = {}  # the language's form -> our form
    for n in _COUNTS:
        form, expected = ours(n), reference(n)
        if not 0 <= form < nplurals:
            return [f"Plural-Forms gives form {form} for {n}, but says nplurals={nplurals}"]
        if same_form.setdefault(form, expected) != expected or same_count.setdefault(expected, form) != form:
            return [f"Plural-Forms groups {n} with the wrong numbers for {folder}; use: {get_plural(locale)}"]
    return []


def check_catalog(catalog: Catalog, folder: str) -> list[str]:
    """Problems in a whole catalog: its header, every translated message, compilation."""
    try:
        locale = Locale.parse(folder)
    except ValueError as exc:
        return [f"{folder} is not a language code Babel knows: {exc}"]
    problems = check_plural_forms(catalog, locale)
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if len(ids) > 1 and any(strings) and len(strings) != catalog.num_plurals:
            problems.append(f"line {message.lineno}: has {len(strings)} plural forms; nplurals={catalog.num_plurals}")
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
        raw = path.read_bytes()
        catalog = read_po(io.BytesIO(raw), locale=folder, abort_invalid=True)
    except Exception as exc:  # noqa: BLE001 - a catalog that cannot be read is the finding
        return [f"cannot be read: {exc}"]
    missing = [] if b'"Plural-Forms:' in raw else ["the header has no Plural-Forms line"]
    return missing + check_catalog(catalog, folder)
