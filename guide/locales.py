"""Which languages the guide speaks: discovery, normalising codes, how far each one is.

Locales are found, never listed: every ``translations/<folder>/LC_MESSAGES/messages.po``
is one locale. Catalogs are read straight from the ``.po`` file at start-up, so there
is no compile step a translator could forget. Every message is judged by the shared
rules (`guide.catalog_review`): one that breaks a rule is logged and shows in English;
the rest of the locale works. Only a file that is not a catalog at all disables its
locale, with a logged warning; every other locale keeps working.

Codes appear in several spellings: URL codes are lower case with a hyphen (``pt-br``);
catalog folders may be Babel's ``pt_BR`` or Pontoon's ``pt-BR``. `url_code` maps any
of them to the URL code.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from babel import Locale
from babel.support import NullTranslations
from babel.support import Translations

from .catalog_progress import AreaProgress
from .catalog_progress import overall
from .catalog_progress import progress
from .catalog_progress import required_complete
from .catalog_progress import template_areas
from .catalog_review import CatalogUnreadable
from .catalog_review import Review
from .catalog_review import plural_function
from .catalog_review import review_po
from .catalog_review import translations_table
from .language_match import best_locale  # noqa: F401 - the views' entry point
from .language_match import language_and_script
from .message_areas import CITATIONS

log = logging.getLogger(__name__)

SOURCE_LOCALE = "en"
#: Review states a locale may declare in ``translations/<folder>/locale.toml``.
REVIEW_STATES = ("draft", "reviewed")
#: Who made the first draft, as ``locale.toml`` says; anything else is "unknown".
DRAFTERS = ("machine", "people")


def url_code(folder: str) -> str:
    """``pt_BR`` or ``pt-BR`` -> ``pt-br``: the spelling used in URLs."""
    return folder.replace("_", "-").lower()


@dataclass
class GuideLocale:
    """One language the guide can be read in."""

    code: str  # URL code, e.g. "es" or "pt-br"
    babel: Locale
    #: msgid -> translation for every chapter block (and other message) the page shows.
    messages: dict[str, str] = field(default_factory=dict)
    translations: NullTranslations = field(default_factory=NullTranslations)
    completeness: float = 1.0
    review_status: str = "reviewed"
    drafted_by: str = "people"
    #: Area ("interface", "overdose"...) -> how much of it the page shows translated.
    areas: dict[str, AreaProgress] = field(default_factory=dict)
    #: (msgctxt, English) of every translation the rules refused: the page shows the English.
    refused: tuple = ()
    #: How many entries are citations (copied, not counted).
    citations: int = 0

    @property
    def tag(self) -> str:
        """BCP 47 tag for ``<html lang>``: ``pt-BR``."""
        return str(self.babel).replace("_", "-")

    @property
    def direction(self) -> str:
        return "rtl" if self.babel.character_order == "right-to-left" else "ltr"

    @property
    def name(self) -> str:
        """The language's own name for itself, as a menu shows it.

        Chinese always names its script (中文 (简体)), because a reader of the other
        script may be sent here when it is the only Chinese there is.
        """
        shown = self.babel
        if shown.language == "zh" and shown.script is None:
            shown = Locale("zh", territory=shown.territory, script=language_and_script(self.code)[1])
        name = shown.get_display_name(shown) or self.code
        return name[:1].upper() + name[1:]

    @property
    def is_source(self) -> bool:
        return self.code == SOURCE_LOCALE

    @property
    def required_complete(self) -> bool:
        """Interface, overdose and get-help messages are all translated."""
        return self.is_source or required_complete(self.areas)


def _settings(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeError, tomllib.TOMLDecodeError):
        return {}


def _gettext_object(review: Review, table: dict) -> Translations:
    """A gettext catalog of exactly the translations the rules let through."""
    translations = Translations()
    translations._catalog = table
    translations.plural = plural_function(review)
    return translations


def load_locale(po_path: Path, wanted: dict) -> GuideLocale:
    """One locale from its catalog; raises `CatalogUnreadable` if it is not a catalog."""
    review = review_po(po_path)
    folder = po_path.parent.parent
    for problem in review.problems:
        if problem.level == "error":
            log.warning("locale %s: %s:%s: shows English: %s", url_code(folder.name), po_path, problem.line, problem.what)
    settings = _settings(folder / "locale.toml")
    status, drafted = settings.get("review_status"), settings.get("drafted_by")
    areas = progress(review, wanted)
    table, blocks = translations_table(review)
    return GuideLocale(
        code=url_code(folder.name),
        babel=review.locale,
        messages=blocks,
        translations=_gettext_object(review, table),
        completeness=overall(areas),
        review_status=status if status in REVIEW_STATES else "draft",
        drafted_by=drafted if drafted in DRAFTERS else "unknown",
        areas=areas,
        refused=tuple(entry.key for entry in review.refused),
        citations=sum(1 for entry in review.entries if entry.area == CITATIONS),
    )


def catalog_paths(translations_dir: Path) -> dict[str, Path]:
    """URL code -> catalog. Two folders for one code: Babel's ``pt_BR`` wins over ``pt-BR``."""
    found: dict[str, Path] = {}
    paths = translations_dir.glob("*/LC_MESSAGES/messages.po")
    for po_path in sorted(paths, key=lambda p: ("-" in p.parent.parent.name, p.parent.parent.name)):
        code = url_code(po_path.parent.parent.name)
        if code in found:
            log.warning("locale %s: both %s and %s exist; using %s", code, found[code], po_path, found[code])
            continue
        found[code] = po_path
    return found


def discover(translations_dir: Path) -> dict[str, GuideLocale]:
    """Find every locale in ``translations_dir``; the source locale is always there."""
    locales = {SOURCE_LOCALE: GuideLocale(SOURCE_LOCALE, Locale.parse(SOURCE_LOCALE))}
    wanted = template_areas(translations_dir / "messages.pot")
    for code, po_path in catalog_paths(translations_dir).items():
        if code == SOURCE_LOCALE:
            continue
        try:
            locales[code] = load_locale(po_path, wanted)
        except CatalogUnreadable as exc:
            log.warning("locale %s disabled: cannot load %s: %s", code, po_path, exc)
    return locales
