"""Read a ``.po`` file the way the app uses it: every message judged by `catalog_rules`.

`review_po` is the one reader behind both the app (`guide.locales`) and ``flask
translate check``. It never gives up on a whole file for one mistake: a message with
an *error* is refused (the page shows its English), everything else is used. Only a
file that is not a catalog at all (not UTF-8, no header, a folder name that is not a
language) raises `CatalogUnreadable`, which disables that one locale.

Beyond the message rules it finds what Babel reads silently but ``msgfmt`` and other
tools reject (an unescaped ``"`` in a line), plural messages with the wrong number of
forms, and a Plural-Forms header that is missing, unreadable or wrong for the
language; a bad header makes the plural messages show in English, nothing more.
"""

from __future__ import annotations

import bisect
import gettext
import re
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from babel import Locale
from babel import UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.catalog import Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileParser
from babel.messages.pofile import unescape

from .catalog_rules import ERROR
from .catalog_rules import NUMBERS_CHECKED
from .catalog_rules import WARNING
from .catalog_rules import Problem
from .catalog_rules import check_message
from .catalog_rules import check_plural_forms
from .message_areas import area_of


class CatalogUnreadable(ValueError):
    """The file cannot be read as a catalog at all."""


def parse_folder(folder: str) -> Locale:
    """A catalog folder's language: ``pt_BR`` and ``pt-BR`` (Pontoon's spelling) alike."""
    return Locale.parse(folder.replace("-", "_"))


@dataclass
class Entry:
    """One message of a catalog and the verdict on its translation."""

    message: Message
    area: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        ids = self.message.id
        return self.message.context, ids if isinstance(ids, str) else ids[0]

    @property
    def strings(self) -> tuple[str, ...]:
        s = self.message.string
        return s if isinstance(s, tuple) else (s or "",)

    @property
    def plural(self) -> bool:
        return isinstance(self.message.id, tuple)

    @property
    def translated(self) -> bool:
        return any(self.strings)

    @property
    def refused(self) -> bool:
        return any(p.level == ERROR for p in self.problems)

    @property
    def shown(self) -> bool:
        """The page shows this translation (else the English)."""
        return all(self.strings) and not self.message.fuzzy and not self.refused


@dataclass
class Review:
    locale: Locale
    nplurals: int
    plural_expr: str
    entries: list[Entry]
    #: Problems of the file as a whole (its header), not of one message.
    header_problems: list[Problem]

    @property
    def problems(self) -> list[Problem]:
        found = [*self.header_problems, *(p for e in self.entries for p in e.problems)]
        return sorted(found, key=lambda p: p.line or 0)

    @property
    def shown(self) -> list[Entry]:
        return [e for e in self.entries if e.shown]

    @property
    def refused(self) -> list[Entry]:
        return [e for e in self.entries if e.translated and not e.message.fuzzy and e.refused]


class _Parser(PoFileParser):
    """Babel's parser, told to note problems by line instead of printing them."""

    def __init__(self, catalog: Catalog):
        super().__init__(catalog, ignore_obsolete=True, abort_invalid=False)
        self.syntax: list[tuple[int, str]] = []
        self.form_counts: dict[int, int] = {}

    def _invalid_pofile(self, line, lineno, msg) -> None:
        self.syntax.append((lineno + 1, msg))

    def _add_message(self) -> None:
        if len(self.messages) > 1:
            self.form_counts[self.offset + 1] = len(self.translations)
        super()._add_message()


_KEYWORD = r"(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)"
_STRING_LINE = re.compile(rf'^(?:{_KEYWORD}\s*)?"(?:[^"\\]|\\.)*"$')
_QUOTED = re.compile(rf'^(?:{_KEYWORD}\s*)?"')
_QUOTED_TEXT = re.compile(r'^(?:msgstr\s*)?"(.*)"$')


def _line_problems(lines: list[str]) -> list[tuple[int, str, str]]:
    """(line, what, fix) for lines no .po tool would accept, though Babel reads on."""
    found = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#") or _STRING_LINE.match(line):
            continue
        if _QUOTED.match(line):
            found.append((number, 'an unescaped " inside the text ends it too early',
                          'Write \\" for a quotation mark inside the text, or use typographic quotes (“ ” « »).'))
        else:
            found.append((number, "this line is not part of a .po entry",
                          "Every text line starts and ends with a \". Delete the line or restore it from messages.pot."))
    return found


def _header_block(lines: list[str]) -> tuple[int, int]:
    """(first, end) line indexes of the header's ``msgstr`` and its continuation lines."""
    first = next((i for i, line in enumerate(lines) if line.strip().startswith("msgstr")), 0)
    end = first + 1
    while end < len(lines) and lines[end].strip().startswith('"'):
        end += 1
    return first, end


def _header(lines: list[str], locale: Locale) -> tuple[int, str, Problem | None]:
    """(nplurals, formula, problem) for the Plural-Forms header; it may be wrapped over lines."""
    default = get_plural(locale)
    first, end = _header_block(lines)
    pieces = [_QUOTED_TEXT.sub(r"\1", line.strip()) for line in lines[first:end]]
    fields = unescape('"' + "".join(pieces) + '"').split("\n")
    line = next((first + 1 + i for i, piece in enumerate(lines[first:end]) if "Plural-Forms:" in piece), None)
    value = next((f.split(":", 1)[1] for f in fields if f.lower().startswith("plural-forms:")), None)
    if value is None:
        return default.num_plurals, default.plural_expr, _plural_problem("the header has no Plural-Forms line", None, default)
    nplurals = re.search(r"nplurals\s*=\s*(\d+)", value)
    plural = re.search(r"\bplural\s*=\s*([^;]+)", value)
    if not nplurals or not plural:
        what = "the Plural-Forms line needs nplurals=N and plural=(formula)"
    else:
        what = check_plural_forms(int(nplurals.group(1)), plural.group(1).strip(), locale)
        if what is None:
            return int(nplurals.group(1)), plural.group(1).strip(), None
    return default.num_plurals, default.plural_expr, _plural_problem(what, line, default)


def _safe_header(lines: list[str], locale: Locale) -> None:
    """Give Babel the language's own Plural-Forms, keeping every other line where it was."""
    first, end = _header_block(lines)
    pieces = [_QUOTED_TEXT.sub(r"\1", line.strip()) for line in lines[first:end]]
    fields = [f for f in unescape('"' + "".join(pieces) + '"').split("\n") if f and not f.lower().startswith("plural-forms:")]
    header = "".join(f + "\n" for f in [*fields, f"Plural-Forms: {get_plural(locale)}"])
    escaped = header.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    lines[first:end] = [f'msgstr "{escaped}"', *['""'] * (end - first - 1)]


def _plural_problem(what: str, line: int | None, default) -> Problem:
    return Problem(ERROR, what + "; the messages with plural forms show in English until it is fixed",
                   f'Use this line in the header: "Plural-Forms: {default}\\n"', line)


def review_text(text: str, folder: str) -> Review:
    """Judge a catalog's text; ``folder`` names its language (``fr``, ``pt_BR``)."""
    try:
        locale = parse_folder(folder)
    except (ValueError, UnknownLocaleError) as exc:
        raise CatalogUnreadable(f"{folder} is not a language code Babel knows: {exc}") from exc
    lines = text.splitlines()
    first = next((line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")), "")
    if first != 'msgid ""':
        raise CatalogUnreadable('it does not start with a header entry (msgid "" / msgstr "")')
    nplurals, expr, header_problem = _header(lines, locale)
    if header_problem:
        # Let Babel read the file with the language's own header; plurals are refused anyway.
        _safe_header(lines, locale)
    catalog = Catalog(locale=locale)
    parser = _Parser(catalog)
    try:
        parser.parse(lines)
    except (ValueError, TypeError, IndexError) as exc:  # babel's parser on a mangled file
        raise CatalogUnreadable(f"cannot be read: {exc}") from exc
    entries = [Entry(m, area_of(m.locations, m.auto_comments)) for m in catalog if m.id]
    entries.sort(key=lambda e: e.message.lineno or 0)
    header_problems = [header_problem] if header_problem else []
    _attach_line_problems(entries, header_problems, lines, parser)
    for entry in entries:
        _judge(entry, nplurals, header_problem, parser.form_counts)
    return Review(locale, nplurals, expr, entries, header_problems)


def _attach_line_problems(entries, header_problems, lines, parser) -> None:
    starts = [e.message.lineno or 0 for e in entries]
    seen = set()
    found = _line_problems(lines)
    found += [(n, f"Babel cannot read this entry: {msg}", "Compare it with the same entry in messages.pot.")
              for n, msg in parser.syntax if not msg.startswith("msg has more translations")]
    for number, what, fix in found:
        if number in seen:
            continue
        seen.add(number)
        index = bisect.bisect_right(starts, number) - 1
        if index < 0:
            header_problems.append(Problem(ERROR, what + " (in the header)", fix, number))
        else:
            entries[index].problems.append(Problem(ERROR, what, fix, number, entries[index].key[1]))


def _judge(entry: Entry, nplurals: int, header_problem, form_counts) -> None:
    message, line, english = entry.message, entry.message.lineno, entry.key[1]

    def add(level, what, fix):
        entry.problems.append(Problem(level, what, fix, line, english))

    if not entry.translated:
        return
    if message.fuzzy:
        add(WARNING, "marked fuzzy: the page shows the English until you check it",
            "Compare your translation with the English, correct it, then remove the fuzzy mark (#, fuzzy).")
        return
    if entry.plural:
        if header_problem:
            add(ERROR, "shown in English because the Plural-Forms header is wrong", header_problem.fix)
            return
        count = form_counts.get(line, len(entry.strings))
        if count != nplurals or not all(entry.strings):
            add(ERROR, f"gives {sum(map(bool, entry.strings)) if count <= nplurals else count} plural forms, "
                f"but the Plural-Forms header says nplurals={nplurals}",
                f"Give exactly {nplurals} forms, msgstr[0] to msgstr[{nplurals - 1}], or use the header line the check suggests.")
            return
    ids = message.id if entry.plural else (message.id,)
    confirmed = any(c.strip().lower().startswith(NUMBERS_CHECKED) for c in message.user_comments)
    for index, text in enumerate(entry.strings):
        source = ids[min(index, len(ids) - 1)] if entry.plural else ids[0]
        for level, what, fix in check_message(source, text, plural=entry.plural, area=entry.area):
            if level == WARNING and confirmed and what.startswith("numbers"):
                continue
            if (level, what, fix) not in {(p.level, p.what, p.fix) for p in entry.problems}:
                add(level, what, fix)


def review_po(path: Path) -> Review:
    """Read and judge ``translations/<folder>/LC_MESSAGES/messages.po``."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeError) as exc:
        raise CatalogUnreadable(f"cannot be read as UTF-8 text: {exc}") from exc
    return review_text(text, path.parent.parent.name)


def translations_table(review: Review) -> tuple[dict, dict[str, str]]:
    """(the gettext catalog of shown translations, msgid -> text for chapter blocks)."""
    table: dict = {}
    blocks: dict[str, str] = {}
    for entry in review.shown:
        context, msgid = entry.key
        key = f"{context}\x04{msgid}" if context else msgid
        if entry.plural:
            for index, text in enumerate(entry.strings):
                table[(key, index)] = text
        else:
            table[key] = entry.strings[0]
            if context is None:
                blocks[msgid] = entry.strings[0]
    return table, blocks


def plural_function(review: Review):
    return gettext.c2py(review.plural_expr)

