"""How far a translation is, per area: one count for the app, the about page and status.

What is *wanted* comes from the template (``messages.pot``); what is *done* is what the
page really shows: translated, not fuzzy, and passing the rules (`guide.catalog_review`).
Citations are on neither side: they are copied, not translated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

from .catalog_review import Review
from .message_areas import COUNTED
from .message_areas import REQUIRED
from .message_areas import area_of

Key = tuple  # (msgctxt or None, English singular)


@dataclass
class AreaProgress:
    wanted: int = 0
    done: int = 0
    fuzzy: int = 0
    errors: int = 0

    @property
    def missing(self) -> int:
        return self.wanted - self.done - self.fuzzy - self.errors

    @property
    def share(self) -> float:
        return self.done / self.wanted if self.wanted else 1.0


def _key(message) -> Key:
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def template_areas(pot_path: Path) -> dict[Key, str]:
    """Every message of the template -> its area."""
    if not pot_path.is_file():
        return {}
    with pot_path.open("rb") as fh:
        return {_key(m): area_of(m.locations, m.auto_comments) for m in read_po(fh) if m.id}


def progress(review: Review, wanted: dict[Key, str]) -> dict[str, AreaProgress]:
    """Area -> counts, for the areas that count (`COUNTED`); ``wanted`` from the template."""
    if not wanted:  # no template: judge by the catalog's own messages
        wanted = {entry.key: entry.area for entry in review.entries}
    found = {area: AreaProgress() for area in COUNTED}
    for area in wanted.values():
        if area in found:
            found[area].wanted += 1
    for entry in review.entries:
        area = wanted.get(entry.key)
        if area not in found or not entry.translated:
            continue
        if entry.shown:
            found[area].done += 1
        elif entry.message.fuzzy:
            found[area].fuzzy += 1
        else:
            found[area].errors += 1
    return found


def overall(areas: dict[str, AreaProgress]) -> float:
    wanted = sum(a.wanted for a in areas.values())
    return sum(a.done for a in areas.values()) / wanted if wanted else 0.0


def required_complete(areas: dict[str, AreaProgress]) -> bool:
    """Interface, overdose and get-help all shown translated: the menu's second condition."""
    return all(areas[area].done == areas[area].wanted for area in REQUIRED if area in areas)
