"""The order of the country menu: the page's own countries first, then the others.

A country is "the page's own" when the page's language is one of its official (or de facto
official) languages in CLDR, as Babel ships it: French pages start with Belgium, Canada,
France and Switzerland. Within each group countries go by their name in the page's
language (CLDR), compared the way that language's alphabet orders them:

- accents and case are ignored first (É with E, Ё with Е), and only break ties;
- Vietnamese Đ comes after D and before E;
- Persian letters that Unicode keeps apart (پ چ ژ ک گ ی) are put in the Persian alphabet;
- Chinese characters keep Unicode's order, which is the radical-and-stroke order of
  Chinese dictionaries (the standard library has no pinyin data).

The lists of numbers on the page keep the file's order; only the menu is sorted.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from collections.abc import Iterable

from babel.languages import get_territory_language_info
from flask_babel import gettext as _
from markupsafe import Markup
from markupsafe import escape

#: CLDR's statuses that make a language a country's own language here.
OFFICIAL = frozenset({"official", "de_facto_official"})

_PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
#: Arabic forms Persian text also uses, read as their Persian letters.
_PERSIAN_SAME = {"ك": "ک", "ي": "ی", "ى": "ی", "ة": "ه"}


def language_of(locale_code: str) -> str:
    """``pt_BR`` -> ``pt``; ``zh_Hans`` -> ``zh``."""
    return locale_code.replace("-", "_").split("_")[0].lower()


def speaks(country_code: str, language: str) -> bool:
    """Whether ``language`` is an official or de facto official language of the country."""
    info = get_territory_language_info(country_code)
    return any(
        language_of(tag) == language and details.get("official_status") in OFFICIAL
        for tag, details in info.items()
    )


def _persian_letter(char: str) -> str:
    char = _PERSIAN_SAME.get(char, char)
    at = _PERSIAN.find(char)
    # Persian letters sort among themselves, before any other character of the Arabic block.
    return chr(0x0600 + at) if at >= 0 else char


def sort_key(name: str, language: str) -> tuple[str, str]:
    """A key that orders names as ``language`` does: base letters first, then the exact text."""
    decomposed = unicodedata.normalize("NFD", name.casefold())
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    if language == "vi":
        base = base.replace("đ", "d~")  # "~" sorts after every letter: đ after all of d
    elif language == "fa":
        base = "".join(_persian_letter(char) for char in base)
    return base, name


def menu_order(countries: Iterable, locale_code: str, name: Callable[[object], str]) -> list:
    """Countries whose language is the page's first, then the rest; each group by name."""
    language = language_of(locale_code)
    keyed = [(not speaks(country.code, language), sort_key(name(country), language), country) for country in countries]
    return [country for *_, country in sorted(keyed, key=lambda item: item[:2])]


def crisis_prefill(country, localized: Callable[[str], tuple[str, bool]]) -> str:
    """The plan's prefilled crisis line: the country's crisis line, else its emergency number."""
    # The same patterns as the helplines list, so a translator's punctuation holds here too.
    line = country.line("crisis")
    if line is None:
        return _("Emergency: %(number)s", number=country.emergency)
    return _("%(helpline)s: %(number)s", helpline=localized(line.name)[0], number=line.phone)


#: The lines that versions before helplines had kinds put in the plan's crisis line (each
#: country's first line then) where that is not the crisis line now. History: it does not grow.
PREFILLED_BEFORE = {"US": "SAMHSA National Helpline", "GB": "NHS 111", "AU": "National Alcohol and Other Drug Hotline"}


def old_prefills(countries: Iterable, localized: Callable[[str], tuple[str, bool]]) -> dict[str, list[str]]:
    """What earlier versions put in the plan's crisis line, by country: the line's English name
    or the page's pattern, then its number. Only those: the page ships nothing it cannot use."""
    found = {}
    for country in countries:
        line = next((line for line in country.lines if line.name == PREFILLED_BEFORE.get(country.code)), None)
        if line is not None and line.kind != "crisis":
            name = localized(line.name)[0]
            texts = [f"{line.name}: {line.phone}", _("%(helpline)s: %(number)s", helpline=name, number=line.phone)]
            found[country.code] = list(dict.fromkeys(texts))
    return found


def attribute_json(value) -> Markup:
    """JSON for an HTML attribute (the plan's per-country lines), as ``tojson|forceescape`` made
    it but with the text as it is: \\uXXXX escapes for every non-ASCII letter compress badly.

    ``&``, ``<``, ``>`` and ``'`` are JSON escapes, as in ``tojson``; ``"`` becomes ``&#34;``.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("'", "\\u0027")):
        text = text.replace(char, escaped)
    return escape(text)
