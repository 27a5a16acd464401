"""Everything the app knows about the guide, loaded once at start-up.

`Site` holds the locales found in ``translations/``, the chapters in ``content/``, the
hashed static file names and the cache of rendered pages. Nothing here changes while
the process runs; to publish new text or a new translation, restart.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from flask import current_app

from .assets import URL_PREFIX
from .assets import build_static
from .content import Chapter
from .content import load_chapters
from .helplines import Helplines
from .helplines import load_helplines
from .locales import SOURCE_LOCALE
from .locales import GuideLocale
from .locales import discover
from .language_match import match
from .serving import PageCache

log = logging.getLogger(__name__)


@dataclass
class Site:
    locales: dict[str, GuideLocale]
    chapters: dict[str, Chapter]
    static_files: dict[str, str]
    helplines: Helplines
    menu_threshold: float
    pages: PageCache = field(default_factory=PageCache)
    #: Locales shown in the menu whatever their completeness (``flask translate serve``).
    preview: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, config) -> Site:
        locales = discover(Path(config["TRANSLATIONS_DIR"]))
        chapters = load_chapters(Path(config["CONTENT_DIR"]))
        static_files = build_static(Path(config["STATIC_DIR"]), Path(config["STATIC_BUILD_DIR"]))
        helplines = load_helplines(Path(config["HELPLINES_FILE"]))
        log.info("guide loaded: %d locales, %d chapters", len(locales), len(chapters))
        preview = {c.strip().replace("_", "-").lower() for c in str(config.get("PREVIEW_LOCALES", "")).split(",")}
        threshold = float(config["LANGUAGE_MENU_THRESHOLD"])
        return cls(locales, chapters, static_files, helplines, threshold, preview=preview - {""})

    def is_complete(self, locale: GuideLocale) -> bool:
        """Complete enough to offer: the threshold overall, and every required message.

        Required are the interface, overdose and get-help messages (see
        `guide.message_areas`); helpline descriptions and citations are not.
        """
        return locale.completeness >= self.menu_threshold and locale.required_complete

    @property
    def menu(self) -> list[GuideLocale]:
        """Locales offered in the language menu (and by ``/``), source first."""
        listed = [loc for loc in self.locales.values() if self.is_complete(loc) or loc.code in self.preview]
        return sorted(listed, key=lambda loc: (not loc.is_source, loc.code))

    def normalise(self, code: str) -> str | None:
        """A URL locale code -> the canonical code of a locale we have, or None.

        ``ES`` and ``es_ES`` and ``es-mx`` all lead to ``es`` when only ``es`` exists;
        ``pt-pt`` leads to ``pt-br`` when that is the only Portuguese.
        """
        return match(code, list(self.locales))

    def neighbours(self, slug: str) -> tuple[Chapter | None, Chapter | None]:
        order = list(self.chapters)
        i = order.index(slug)
        previous = self.chapters[order[i - 1]] if i > 0 else None
        following = self.chapters[order[i + 1]] if i + 1 < len(order) else None
        return previous, following

    def static_url(self, name: str) -> str:
        return URL_PREFIX + self.static_files[name]

    @property
    def source(self) -> GuideLocale:
        return self.locales[SOURCE_LOCALE]


def current_site() -> Site:
    return current_app.extensions["guide"]
