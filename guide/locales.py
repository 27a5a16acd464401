"""Which languages the guide speaks: discovery, normalising codes, best match.

Locales are found, never listed: every ``translations/<folder>/LC_MESSAGES/messages.po``
is one locale. Catalogs are read straight from the ``.po`` file at start-up, so there
is no compile step a translator could forget. A catalog that cannot be read disables
its locale with a logged warning; every other locale keeps working.

Codes appear in two spellings: URL codes are lower case with a hyphen (``pt-br``),
catalog folders are Babel style (``pt_BR``). `url_code` maps one to the other.
"""

from __future__ import annotations

import io
import logging
import tomllib
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from babel import Locale
from babel import UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError
from babel.messages.pofile import read_po
from babel.support import NullTranslations
from babel.support import Translations
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

log = logging.getLogger(__name__)

SOURCE_LOCALE = "en"
#: Longer Accept-Language headers are ignored rather than parsed.
MAX_ACCEPT_LANGUAGE = 1024
#: Review states a locale may declare in ``translations/<folder>/locale.toml``.
REVIEW_STATES = ("draft", "reviewed")


def url_code(folder: str) -> str:
    """``pt_BR`` -> ``pt-br``: the spelling used in URLs and in ``lang`` attributes' keys."""
    return folder.replace("_", "-").lower()


@dataclass
class GuideLocale:
    """One language the guide can be read in."""

    code: str  # URL code, e.g. "es" or "pt-br"
    babel: Locale
    #: msgid -> msgstr for every translated, non-fuzzy message.
    messages: dict[str, str] = field(default_factory=dict)
    translations: NullTranslations = field(default_factory=NullTranslations)
    completeness: float = 1.0
    review_status: str = "reviewed"

    @property
    def tag(self) -> str:
        """BCP 47 tag for ``<html lang>``: ``pt-BR``."""
        return str(self.babel).replace("_", "-")

    @property
    def direction(self) -> str:
        return "rtl" if self.babel.character_order == "right-to-left" else "ltr"

    @property
    def name(self) -> str:
        """The language's own name for itself, as a menu shows it."""
        name = self.babel.get_display_name(self.babel) or self.code
        return name[:1].upper() + name[1:]

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LOCALE


def _load_catalog(po_path: Path) -> Catalog:
    with po_path.open("rb") as fh:
        return read_po(fh, abort_invalid=True)


def _translated(catalog: Catalog) -> dict[str, str]:
    return {
        message.id: message.string
        for message in catalog
        if message.id
        and isinstance(message.id, str)
        and isinstance(message.string, str)
        and message.string
        and not message.fuzzy
    }


def _gettext_object(catalog: Catalog) -> Translations:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer)


def _key(message) -> str:
    """A message's id; the singular form for a plural message."""
    return message.id if isinstance(message.id, str) else message.id[0]


def template_ids(pot_path: Path) -> set[str]:
    """Every message id in the template, singular form for plurals."""
    if not pot_path.is_file():
        return set()
    return {_key(m) for m in _load_catalog(pot_path) if m.id}


def progress(catalog: Catalog, wanted: set[str]) -> tuple[set[str], set[str], set[str]]:
    """(translated, fuzzy, wanted) message ids; ``wanted`` defaults to the catalog's own."""
    wanted = wanted or {_key(m) for m in catalog if m.id}
    done, fuzzy = set(), set()
    for message in catalog:
        if not message.id or _key(message) not in wanted:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            fuzzy.add(_key(message))
        elif all(strings):
            done.add(_key(message))
    return done, fuzzy, wanted


def completeness(catalog: Catalog, wanted: set[str]) -> float:
    """Share of the template's messages this catalog translates (fuzzy counts as not)."""
    done, _fuzzy, wanted = progress(catalog, wanted)
    return len(done) / len(wanted) if wanted else 0.0


def _review_status(path: Path) -> str:
    """``review_status`` from a locale's ``locale.toml``; anything unclear is a draft."""
    try:
        status = tomllib.loads(path.read_text("utf-8")).get("review_status")
    except (OSError, UnicodeError, tomllib.TOMLDecodeError):
        return "draft"
    return status if status in REVIEW_STATES else "draft"


def discover(translations_dir: Path) -> dict[str, GuideLocale]:
    """Find every locale in ``translations_dir``; the source locale is always there."""
    locales = {SOURCE_LOCALE: GuideLocale(SOURCE_LOCALE, Locale.parse(SOURCE_LOCALE))}
    wanted = template_ids(translations_dir / "messages.pot")
    for po_path in sorted(translations_dir.glob("*/LC_MESSAGES/messages.po")):
        folder = po_path.parent.parent.name
        code = url_code(folder)
        if code == SOURCE_LOCALE:
            continue
        try:
            babel_locale = Locale.parse(folder)
            catalog = _load_catalog(po_path)
            translations = _gettext_object(catalog)
        except (UnknownLocaleError, ValueError, PoFileError, OSError, UnicodeError) as exc:
            log.warning("locale %s disabled: cannot load %s: %s", code, po_path, exc)
            continue
        status = _review_status(po_path.parent.parent / "locale.toml")
        locales[code] = GuideLocale(
            code=code,
            babel=babel_locale,
            messages=_translated(catalog),
            translations=translations,
            completeness=completeness(catalog, wanted),
            review_status=status,
        )
    return locales


def best_locale(header: str | None, available: list[str], default: str = SOURCE_LOCALE) -> str:
    """The best of ``available`` for an Accept-Language header; junk gives ``default``."""
    if not header or len(header) > MAX_ACCEPT_LANGUAGE:
        return default
    try:
        accept = parse_accept_header(header, LanguageAccept)
        match = accept.best_match(available)
    except (ValueError, TypeError):
        return default
    return match if match in available else default
