"""The rules a translation must follow to be shown: ONE set, for the app and the check.

`guide.catalog_review` applies them to a whole ``.po`` file. The app (`guide.locales`)
shows the English for every message with an *error* and logs it; ``flask translate
check`` names the same messages, with the line, the English and what to do. A
*warning* is shown to readers but deserves a second look.

Each rule answers ``(level, what is wrong, what to do)``.
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass

from babel import Locale
from babel.messages.plurals import get_plural

from .blocks import make_parser
from .message_areas import INTERFACE
from .message_areas import SAFETY
from .numerals import compare as compare_numbers

ERROR, WARNING = "error", "warning"
#: A translator comment (``# numbers checked: ...``) that confirms a number *warning*:
#: the words say the same number another way (Arabic's dual, "a dozen"). Errors stay.
NUMBERS_CHECKED = "numbers checked"


@dataclass(frozen=True)
class Problem:
    level: str  # ERROR: the app shows the English instead; WARNING: shown, but check it
    what: str
    fix: str
    line: int | None = None
    english: str | None = None


_PRINTF = re.compile(r"%\((\w+)\)[#0 +-]*\d*(?:\.\d+)?[a-zA-Z]|%[sd]")
_BRACES = re.compile(r"\{(\w+)\}")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
_md = make_parser()


def placeholders(text: str) -> Counter:
    """``%(date)s``, ``%s`` and ``{size}`` in a message: what the app fills in."""
    return Counter([m.group(0) for m in _PRINTF.finditer(text)] + [m.group(0) for m in _BRACES.finditer(text)])


def _listing(items) -> str:
    return ", ".join(sorted(items)) or "none"


def _placeholder_problems(english: str, text: str, plural: bool) -> list[tuple]:
    source, target = set(placeholders(english)), set(placeholders(text))
    extra, missing = target - source, set() if plural else source - target
    if not extra and not missing:
        return []
    what = []
    if extra:
        what.append(f"{_listing(extra)} {'is' if len(extra) == 1 else 'are'} not in the English")
    if missing:
        what.append(f"{_listing(missing)} {'is' if len(missing) == 1 else 'are'} missing")
    fix = f"Copy the placeholders exactly as the English writes them ({_listing(source)}); you may move them."
    if plural:
        fix += " A plural form may leave one out when the words already say the number."
    return [(ERROR, "placeholder " + " and ".join(what), fix)]


class _AnyValue(dict):
    def __missing__(self, key):
        return 1


def _format_problems(english: str, text: str) -> list[tuple]:
    """Interface text is %-formatted by the app: the translation must survive that."""
    try:
        english % _AnyValue()
    except (ValueError, TypeError, KeyError):
        return []  # the English itself is not a format string
    try:
        text % _AnyValue()
    except (ValueError, TypeError, KeyError) as exc:
        return [(ERROR, f"a % sign the app cannot fill in ({exc})", "Write %% for a percent sign, and copy placeholders like %(num)d exactly.")]
    return []


def _markup_problems(english: str, text: str) -> list[tuple]:
    tag = _HTML_TAG.search(text)
    if tag and not _HTML_TAG.search(english):
        return [(ERROR, f"contains HTML ({tag.group(0)[:40]})",
                 "The app never shows HTML from a translation. Type plain words; in chapters, write links and bold in Markdown as the English does.")]
    entity = _ENTITY.search(text)
    if entity and not _ENTITY.search(english):
        return [(ERROR, f"contains the HTML entity {entity.group(0)}",
                 "Type the character itself (for a no-break space, U+00A0 or U+202F), not its HTML code.")]
    return []


@lru_cache(maxsize=8192)  # the English side is the same for every locale
def link_targets(text: str) -> Counter:
    """Where the Markdown links of a message go, as the renderer reads them."""
    if "[" not in text and "](" not in text:
        return Counter()
    tokens = _md.parseInline(text, {})[0].children or []
    return Counter(str(t.attrGet("href")) for t in tokens if t.type == "link_open")


def _link_problems(english: str, text: str) -> list[tuple]:
    source, target = link_targets(english), link_targets(text)
    if source == target:
        return []
    missing, extra = source - target, target - source
    what = []
    if missing:
        what.append(f"the link to {_listing(missing.elements())} is missing or broken")
    if extra:
        what.append(f"a link to {_listing(extra.elements())} is not in the English")
    return [(ERROR, "; ".join(what),
             "Write each link as [your words](target), with ] and ( touching and the target exactly as in the English.")]


def _pair_problems(text: str) -> list[tuple]:
    found = []
    if text.count("**") % 2:
        found.append((ERROR, "a ** emphasis is not closed", "Keep the ** marks in pairs around your words, as the English does."))
    if text.count("`") % 2:
        found.append((ERROR, "a ` code span is not closed", "Keep the ` marks in pairs, as the English does."))
    return found


def _number_problems(english: str, text: str, area: str) -> list[tuple]:
    missing, added = compare_numbers(english, text)
    if not missing and not added:
        return []
    what = []
    if missing:
        what.append(f"{_listing(missing)} from the English {'is' if len(missing) == 1 else 'are'} missing")
    if added:
        what.append(f"{_listing(added)} {'is' if len(added) == 1 else 'are'} not in the English")
    level = ERROR if area in SAFETY else WARNING
    return [(level, "numbers differ: " + "; ".join(what),
             "Keep every number, dose, time and phone number exactly as in the English (in your language's digits if you like).")]


def check_message(english: str, text: str, *, plural: bool = False, area: str = INTERFACE) -> list[tuple]:
    """Every rule for one translated string: ``[(level, what, fix), ...]``."""
    found = _placeholder_problems(english, text, plural)
    if area == INTERFACE and not found:
        found += _format_problems(english, text)
    found += _markup_problems(english, text)
    found += _link_problems(english, text)
    found += _pair_problems(text)
    if not plural:
        found += _number_problems(english, text, area)
    return found


#: Every count a page could show. Within it, the catalog's plural formula must group
#: numbers exactly as the language does (the Unicode CLDR rules Babel ships).
_COUNTS = range(10_001)


def check_plural_forms(nplurals: int, expr: str, locale: Locale) -> str | None:
    """What is wrong with a Plural-Forms header, judged by what it does; None if right.

    Languages have more than one correct header: GNU gettext gives Spanish two forms,
    while newer CLDR data adds a third for exact millions. Either is right as long as the
    formula stays within ``nplurals`` and puts the same counts together as the language.
    """
    try:
        ours = gettext.c2py(expr)
    except (ValueError, SyntaxError) as exc:
        return f"the Plural-Forms formula cannot be read: {exc}"
    reference = gettext.c2py(get_plural(locale).plural_expr)
    same_form: dict[int, int] = {}  # our form -> the language's form for the same count
    same_count: dict[int, int] = {}  # the language's form -> our form
    for n in _COUNTS:
        form, expected = ours(n), reference(n)
        if not 0 <= form < nplurals:
            return f"Plural-Forms gives form {form} for {n}, but says nplurals={nplurals}"
        if same_form.setdefault(form, expected) != expected or same_count.setdefault(expected, form) != form:
            return f"Plural-Forms groups {n} with the wrong numbers for {locale}"
    return None
