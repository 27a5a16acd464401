"""Illustrations for chapters: ``::: figure <name>`` in a chapter shows ``figures/<name>.svg``.

All pictures travel in one file, ``/static/figures.<hash>.svg`` (`sprite`), that every
page shows through ``<use>``: the page's first render stays small, the file is cached and
saved for offline use like any static file, and ``currentColor`` still follows the light
or dark theme. The container's paragraph is its caption: a translatable
message that also says in words what the picture shows, so the SVG itself is hidden
from screen readers. Pictures hold no text, so nothing in them needs translating.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from markupsafe import Markup

FIGURES_DIR = Path(__file__).parent / "figures"
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SVG_START = re.compile(r"\A\s*<svg\s")


class FigureError(ValueError):
    """A chapter names a figure that does not exist or is not a plain SVG file."""


def figure_name(info: str) -> str:
    """``figure recovery-position`` (the container's info string) -> ``recovery-position``."""
    parts = info.split()
    if len(parts) != 2 or parts[0] != "figure" or not _NAME.match(parts[1]):
        raise FigureError(f"write a figure as '::: figure <name>', not '::: {info.strip()}'")
    return parts[1]


_ROOT = re.compile(r"\A\s*<svg\s([^>]*)>(.*)</svg>\s*\Z", re.S)
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')


@functools.cache
def _parts(name: str) -> tuple[str, str]:
    """(root attributes without xmlns, inner markup) of ``figures/<name>.svg``, checked."""
    path = FIGURES_DIR / f"{name}.svg"
    if not _NAME.match(name) or not path.is_file():
        raise FigureError(f"no picture guide/figures/{name}.svg")
    svg = path.read_text("utf-8")
    match = _ROOT.match(svg)
    if not match or not _SVG_START.match(svg) or "<script" in svg or "<text" in svg or not _VIEWBOX.search(match.group(1)):
        raise FigureError(f"guide/figures/{name}.svg must be a plain <svg> with a viewBox, no script and no text")
    attributes = re.sub(r'\s*xmlns="[^"]*"', "", match.group(1)).strip()
    return attributes, match.group(2).strip()


def sprite() -> bytes:
    """Every picture as a ``<symbol id="<name>">`` of one SVG file."""
    symbols = [
        f'<symbol id="{path.stem}" {_parts(path.stem)[0]}>{_parts(path.stem)[1]}</symbol>'
        for path in sorted(FIGURES_DIR.glob("*.svg"))
    ]
    return ('<svg xmlns="http://www.w3.org/2000/svg">' + "".join(symbols) + "</svg>\n").encode("utf-8")


def figure_svg(name: str, sprite_url: str = "") -> Markup:
    """The picture ``name`` from the sprite at ``sprite_url``, marked decorative (its caption carries the meaning)."""
    viewbox = _VIEWBOX.search(_parts(name)[0]).group(1)
    return Markup(
        f'<svg class="app-figure__image" aria-hidden="true" focusable="false" viewBox="{viewbox}">'
        f'<use href="{sprite_url}#{name}"/></svg>'
    )
