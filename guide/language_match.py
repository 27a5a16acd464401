"""Match what a browser asks for (``Accept-Language``) with the locales the guide has.

Never English when the reader's language exists in another variant: a browser asking
for ``pt-PT`` gets ``pt-br`` when that is the only Portuguese, ``es-ES`` gets ``es``.
Within a language the same script comes first; then any variant, so ``zh-TW``
(Traditional Chinese) gets Simplified Chinese when that is all there is, whose name
in the menu always says 简体 (see `GuideLocale.name`).
"""

from __future__ import annotations

from babel import Locale
from babel import UnknownLocaleError
from babel.core import get_global
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

#: Longer Accept-Language headers are ignored rather than parsed.
MAX_ACCEPT_LANGUAGE = 1024


def language_and_script(code: str) -> tuple[str, str | None]:
    """``zh-tw`` -> ("zh", "Hant"); ``pt-br`` -> ("pt", "Latn"); junk -> (code, None)."""
    parts = code.replace("-", "_").split("_")
    try:
        locale = Locale.parse("_".join(parts))
    except (ValueError, TypeError, UnknownLocaleError):
        return parts[0].lower(), None
    script = locale.script
    if script is None:
        likely = get_global("likely_subtags").get(str(locale)) or get_global("likely_subtags").get(locale.language)
        try:
            # Babel's own table can name a locale Babel cannot load (``no`` -> ``no_Latn_NO``).
            script = Locale.parse(likely).script if likely else None
        except (ValueError, TypeError, UnknownLocaleError):
            script = likely.split("_")[1] if likely and likely.count("_") >= 1 else None
    return locale.language, script


def match(wanted: str, available: list[str]) -> str | None:
    """The best of ``available`` (URL codes) for one language tag, or None."""
    code = wanted.strip().replace("_", "-").lower()
    if code in available:
        return code
    language, script = language_and_script(code)
    same = [c for c in available if language_and_script(c)[0] == language]
    if not same:
        return None
    # Same script before another script; the plain language ("es") before its regions.
    same.sort(key=lambda c: (language_and_script(c)[1] != script, "-" in c, c))
    return same[0]


def best_locale(header: str | None, available: list[str], default: str = "en") -> str:
    """The best of ``available`` for an Accept-Language header; junk gives ``default``."""
    if not header or len(header) > MAX_ACCEPT_LANGUAGE:
        return default
    try:
        accept = parse_accept_header(header, LanguageAccept)
    except (ValueError, TypeError):
        return default
    for value, quality in accept:
        if quality <= 0 or value == "*":
            continue
        found = match(value, available)
        if found is not None:
            return found
    return default
