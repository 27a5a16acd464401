"""Chapters: load the English Markdown, translate it block by block, render HTML.

Rendering a chapter for a locale replaces each block's text with its translation
(re-parsing the inline Markdown of the translation), marks every block that has no
translation with ``lang="en"`` so screen readers switch voice, gives each heading an
``id`` made from its English text (the same anchor in every language), and turns
``[text](slug#section)`` links into this locale's URL for that chapter.
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from markupsafe import Markup

from .blocks import CONTAINERS
from .blocks import Document
from .blocks import collapse
from .blocks import make_parser
from .blocks import split_blocks
from .figures import figure_name
from .figures import figure_svg
from .locales import GuideLocale

#: Paths under /<locale>/ that are pages of the app, never chapter slugs.
RESERVED_SLUGS = frozenset({"about", "offline", "tools", "static", "sw.js", "manifest.webmanifest"})

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_INTERNAL_LINK = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)?(?:#(?P<fragment>[a-z0-9-]+))?$")

_md = make_parser()


def slugify(text: str) -> str:
    """Heading text -> anchor: ``Money and bills`` -> ``money-and-bills``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"


@dataclass
class Chapter:
    slug: str
    order: int
    title: str  # English; also the message id
    summary: str  # English; also the message id
    doc: Document
    path: Path
    #: Token index of each heading -> its anchor, from the English text.
    headings: dict[int, str] = field(default_factory=dict)

    @property
    def anchors(self) -> set[str]:
        return set(self.headings.values())

    @property
    def components(self) -> set[str]:
        """The app-filled containers (``::: helplines``...) this chapter uses."""
        opened = (t.type for t in self.doc.tokens if t.type.startswith("container_") and t.type.endswith("_open"))
        used = {kind[len("container_") : -len("_open")] for kind in opened}
        return used & COMPONENTS


@dataclass
class Section:
    anchor: str
    title: Markup
    in_source: bool  # the heading had no translation and shows English
    #: The ### situations under it that hold scripts ("what you could say"), listed in
    #: "On this page" so the words for a hard moment are one tap from the top.
    situations: list[Section] = field(default_factory=list)


@dataclass
class RenderedChapter:
    title: str
    summary: str
    #: Everything before the first section: for the overdose chapter, the steps.
    intro: Markup
    body: Markup
    sections: list[Section]
    #: True when the title fell back to English.
    title_in_source: bool
    #: Links that point at no chapter or section; a test keeps this empty.
    broken_links: list[str]


def heading_ids(doc: Document) -> dict[int, str]:
    """Token index of each heading_open -> unique anchor from its English text."""
    ids: dict[int, str] = {}
    seen: set[str] = set()
    tokens = doc.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        base = slugify(collapse(tokens[index + 1].content))
        anchor, n = base, 2
        while anchor in seen:
            anchor, n = f"{base}-{n}", n + 1
        seen.add(anchor)
        ids[index] = anchor
    return ids


def load_chapter(path: Path) -> Chapter:
    doc = split_blocks(path.read_text("utf-8"))
    slug = path.stem
    if not _SLUG.match(slug) or slug in RESERVED_SLUGS:
        raise ValueError(f"{path.name}: chapter file names must be lower-case-slugs, not {slug!r}")
    for token in doc.tokens:
        if token.type == "container_figure_open":
            try:
                figure_svg(figure_name(token.info))
            except ValueError as exc:
                raise ValueError(f"{path.name}: {exc}") from exc
    return Chapter(
        slug=slug,
        order=doc.meta["order"],
        title=collapse(doc.meta["title"]),
        summary=collapse(doc.meta["summary"]),
        doc=doc,
        path=path,
        headings=heading_ids(doc),
    )


def load_chapters(content_dir: Path) -> dict[str, Chapter]:
    """Every chapter in ``content_dir``, in reading order."""
    chapters = [load_chapter(p) for p in sorted(content_dir.glob("*.md"))]
    chapters.sort(key=lambda c: (c.order, c.slug))
    return {c.slug: c for c in chapters}


def _enclosing_visible(tokens, index):
    """The open token that will carry ``lang`` for the inline token at ``index``."""
    level = tokens[index].level - 1
    for token in reversed(tokens[:index]):
        if token.nesting == 1 and token.level == level:
            if not token.hidden:
                return token
            level -= 1
    return None


# --- rendering rules -------------------------------------------------------------

_CALLOUTS = {"note", "warning"}
#: Containers the app fills with rendered data rather than chapter text.
COMPONENTS = {"helplines", "emergency"}
#: The key in ``components`` that holds the URL of the pictures' file (guide.figures.sprite).
FIGURE_SPRITE = "figure-sprite"


def _container_rule(name: str):
    def render(self, tokens, idx, options, env):
        token = tokens[idx]
        if name in COMPONENTS:
            return env["components"].get(name, "") if token.nesting == 1 else ""
        if name == "figure":
            if token.nesting == -1:
                return "</figcaption>\n</figure>\n"
            picture = figure_svg(figure_name(token.info), env["components"].get(FIGURE_SPRITE, ""))
            return f'<figure class="app-figure">\n{picture}\n<figcaption>\n'
        if token.nesting == -1:
            return "</div>\n"
        label = html.escape(env.get("labels", {}).get(name, ""))
        block = "app-callout" if name in _CALLOUTS else "app-script"
        css = f"{block} {block}--{name}" if name in _CALLOUTS else block
        head = f'<p class="{block}__label">{label}</p>\n' if label else ""
        return f'<div class="{css}">\n{head}'

    return render


for _name in CONTAINERS:
    _md.add_render_rule(f"container_{_name}_open", _container_rule(_name))
    _md.add_render_rule(f"container_{_name}_close", _container_rule(_name))


def plain_text(markdown: str) -> str:
    """Inline Markdown -> its words, for places that hold text, not HTML (the tools)."""
    children = _md.parseInline(markdown, {})[0].children or []
    return "".join(" " if c.type in ("softbreak", "hardbreak") else c.content for c in children).strip()


def translate(locale: GuideLocale, msgid: str) -> tuple[str, bool]:
    """(text, True) when ``locale`` translates ``msgid``; else (English, False)."""
    if locale.is_source:
        return msgid, True
    text = locale.messages.get(msgid)
    return (text, True) if text else (msgid, False)


def _copy_tokens(tokens: list) -> list:
    """A copy of a token tree that rendering may change (attributes, text, children):
    what ``copy.deepcopy`` gives, twenty times faster (every page of every locale is
    rendered once for the offline copy and once for search)."""
    copies = []
    for token in tokens:
        new = copy.copy(token)
        new.attrs = dict(token.attrs)
        new.meta = dict(token.meta)
        if token.children:
            new.children = _copy_tokens(token.children)
        copies.append(new)
    return copies


def render_chapter(
    chapter: Chapter,
    locale: GuideLocale,
    chapters: dict[str, Chapter],
    chapter_url: Callable[[str], str],
    labels: dict[str, str],
    components: dict[str, str] | None = None,
) -> RenderedChapter:
    """Render ``chapter`` in ``locale``.

    ``chapter_url(slug)`` is this locale's URL for a chapter. ``labels`` are the
    translated UI words callouts show ("Important"); ``components`` the HTML that fills
    ``::: helplines`` and ``::: emergency``.
    """
    tokens = _copy_tokens(chapter.doc.tokens)
    anchors = chapter.headings
    for index, anchor in anchors.items():
        tokens[index].attrSet("id", anchor)

    untranslated: set[int] = set()
    for block in chapter.doc.blocks:
        token = tokens[block.token_index]
        text, translated = translate(locale, block.msgid)
        if not translated:
            untranslated.add(block.token_index)
            holder = _enclosing_visible(tokens, block.token_index)
            if holder is not None:
                holder.attrSet("lang", "en")
        elif not locale.is_source:
            token.content = text
            token.children = _md.parseInline(text, {})[0].children or []

    broken: list[str] = []
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                resolved = _resolve_link(href, chapter, chapters, chapter_url)
                if resolved is None:
                    broken.append(href)
                else:
                    child.attrSet("href", resolved)

    def section(i: int) -> Section:
        html = Markup(_md.renderer.renderInline(tokens[i + 1].children or [], _md.options, {}))
        return Section(anchors[i], html, i + 1 in untranslated)

    sections: list[Section] = []
    situation: int | None = None
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2" and i in anchors:
            sections.append(section(i))
            situation = None
        elif token.type == "heading_open" and token.tag == "h3" and i in anchors:
            situation = i
        elif token.type == "container_script_open" and situation is not None and sections:
            sections[-1].situations.append(section(situation))
            situation = None
    first_section = next((i for i in anchors if tokens[i].tag == "h2"), len(tokens))
    env = {"labels": labels, "components": components or {}}
    title, title_ok = translate(locale, chapter.title)
    summary, _ = translate(locale, chapter.summary)
    return RenderedChapter(
        title=title,
        summary=summary,
        intro=Markup(_md.renderer.render(tokens[:first_section], _md.options, env)),
        body=Markup(_md.renderer.render(tokens[first_section:], _md.options, env)),
        sections=sections,
        title_in_source=not title_ok,
        broken_links=broken,
    )


def _resolve_link(
    href: str, chapter: Chapter, chapters: dict[str, Chapter], chapter_url: Callable[[str], str]
) -> str | None:
    """External links stay; ``slug#part`` becomes this locale's URL; unknown -> None."""
    if href.startswith(("https://", "http://", "mailto:", "tel:")):
        return href
    match = _INTERNAL_LINK.match(href)
    if not href or not match:
        return None
    slug, fragment = match.group("slug"), match.group("fragment")
    target = chapters.get(slug) if slug else chapter
    if target is None or (fragment and fragment not in target.anchors):
        return None
    base = chapter_url(target.slug) if slug else ""
    return f"{base}#{fragment}" if fragment else base
