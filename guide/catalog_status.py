"""``flask translate status``: how far each locale is, area by area, and why it is (not) listed."""

from __future__ import annotations

from .catalog_progress import AreaProgress
from .locales import GuideLocale
from .message_areas import CITATIONS
from .message_areas import COUNTED
from .message_areas import REQUIRED
from .site import Site


def menu_verdict(site: Site, locale: GuideLocale) -> str:
    """Whether the language menu (and ``/``) offers the locale, and what is missing if not."""
    if site.is_complete(locale):
        return "in the language menu"
    needs = []
    if locale.completeness < site.menu_threshold:
        needs.append(f"{site.menu_threshold:.0%} of all messages (has {locale.completeness:.1%})")
    gaps = [area for area in REQUIRED if locale.areas[area].done < locale.areas[area].wanted]
    if gaps:
        needs.append("every " + ", ".join(gaps) + " message")
    where = "in the menu for this preview only" if locale.code in site.preview else "open by its address only"
    return f"{where}; the menu needs " + " and ".join(needs)


def _row(area: str, counts: AreaProgress) -> str:
    note = "required" if area in REQUIRED else "not required"
    return (f"    {area:10} {counts.done:5} / {counts.wanted:<5} {counts.share:7.1%} {counts.fuzzy:6} {counts.errors:7}"
            f" {counts.missing:8}  {note}")


def status_lines(site: Site, code: str, folder: str) -> list[str]:
    locale = site.locales.get(code)
    if locale is None:
        return [f"{code} ({folder}): DISABLED, the file cannot be read; run translate check"]
    lines = [
        f"{code} ({folder}): {locale.completeness:.1%} of the guide; {locale.review_status}, drafted by {locale.drafted_by}",
        f"    {menu_verdict(site, locale)}",
        f"    {'area':10} {'translated':>13} {'percent':>7} {'fuzzy':>6} {'errors':>7} {'missing':>8}",
    ]
    lines += [_row(area, locale.areas[area]) for area in COUNTED]
    lines.append(f"    {CITATIONS:10} {locale.citations} entries of Sources lists: copy them as they are; not counted")
    return lines
