"""Illustrations for chapters: ``::: figure <name>`` in a chapter shows ``figures/<name>.svg``.

The picture is inline SVG (no extra request), drawn with ``currentColor`` so it follows
the light or dark theme. The container's paragraph is its caption: a translatable
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


@functools.cache
def figure_svg(name: str) -> Markup:
    """The SVG for ``name``, marked decorative (its caption carries the meaning)."""
    path = FIGURES_DIR / f"{name}.svg"
    if not _NAME.match(name) or not path.is_file():
        raise FigureError(f"no picture guide/figures/{name}.svg")
    svg = path.read_text("utf-8")
    if not _SVG_START.match(svg) or "<script" in svg or "<text" in svg:
        raise FigureError(f"guide/figures/{name}.svg must be a plain <svg> with no script and no text")
    svg = _SVG_START.sub('<svg class="app-figure__image" aria-hidden="true" focusable="false" ', svg, count=1)
    return Markup(svg.strip())
