"""The family tools' content, taken from the chapters so it is translated with them.

The practice tool (CRAFT: before and after, good moments) has no chapter text of its
own; it links to the talking-together sections it practises. The boundary-script tool offers the boundaries chapter's script cards, grouped by the
situations (### headings) they sit under; the helping-or-enabling self-check asks about
rows of that chapter's Enabling | Helping tables and links back to their sections.
Nothing a family types ever reaches the server: these functions only read chapters.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from dataclasses import field

from .blocks import collapse
from .content import Chapter
from .content import plain_text
from .content import translate
from .locales import GuideLocale

TOOLS = ("plan", "scripts", "self-check", "craft")
#: The chapters that teach what each tool practises: each links to the tool.
TOOL_CHAPTERS = {
    "plan": ("relapse-planning",),
    "scripts": ("boundaries",),
    "self-check": ("helping-or-enabling",),
    "craft": ("talking-together", "helping-or-enabling"),
}
#: Chapter -> the tools it links to, in the order of `TOOLS`.
CHAPTER_TOOLS = {
    chapter: tuple(tool for tool in TOOLS if chapter in TOOL_CHAPTERS[tool])
    for chapter in dict.fromkeys(c for chapters in TOOL_CHAPTERS.values() for c in chapters)
}
SCENARIOS_PER_SECTION = 3
#: A helping-or-enabling table whose first column is headed this holds choices that are
#: not enabling but unsafe for the person and the family (issue 15); its answer is "unsafe".
UNSAFE_HEADER = "Unsafe for both of you"
UNSAFE_KIND = "unsafe"


@dataclass
class Text:
    """A piece of chapter text in the reader's language, or English marked as such."""

    text: str
    translated: bool

    @classmethod
    def of(cls, locale: GuideLocale, msgid: str) -> Text:
        text, ok = translate(locale, collapse(msgid))
        return cls(plain_text(text), ok)


@dataclass
class Situation:
    anchor: str
    title: Text
    scripts: list[Text] = field(default_factory=list)


@dataclass
class Scenario:
    id: str  # stable: made from the English text of the row, never from its position
    anchor: str  # section of the chapter that explains it
    section: Text
    enabling: Text  # the left cell: enabling, or unsafe for both (see `kind`)
    helping: Text
    #: What the left cell is: "enabling" (comes from love, makes drug use easier) or
    #: "unsafe" (a table headed "Unsafe for both of you"): the answer the reader can choose.
    kind: str = "enabling"


def scenario_id(english: str) -> str:
    """A self-check answer's key: the same in every locale and wherever the row moves.

    It is made from the row's first (English) cell, so re-sorting a table, moving a row
    to another section or adding a column keeps every saved answer with its situation.
    """
    return "s-" + hashlib.sha256(collapse(english).encode("utf-8")).hexdigest()[:10]


def script_library(chapter: Chapter, locale: GuideLocale) -> list[Situation]:
    """Every script card of ``chapter``, under the ### situation it belongs to."""
    tokens, anchors = chapter.doc.tokens, chapter.headings
    situations: list[Situation] = []
    in_script = False
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h3":
            situations.append(Situation(anchors[index], Text.of(locale, tokens[index + 1].content)))
        elif token.type == "heading_open":
            in_script = False
        elif token.type == "container_script_open":
            in_script = True
        elif token.type == "container_script_close":
            in_script = False
        elif token.type == "inline" and in_script and situations:
            situations[-1].scripts.append(Text.of(locale, token.content))
    return [s for s in situations if s.scripts]


def self_check(chapter: Chapter, locale: GuideLocale, per_section: int = SCENARIOS_PER_SECTION) -> list[Scenario]:
    """The first rows of each Enabling | Helping table, with the section they come from."""
    tokens, anchors = chapter.doc.tokens, chapter.headings
    scenarios: list[Scenario] = []
    section: tuple[str, Text] | None = None
    taken = 0
    row: list[str] = []
    kind = "enabling"
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            section, taken = (anchors[index], Text.of(locale, tokens[index + 1].content)), 0
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and tokens[index - 1].type == "th_open" and tokens[index - 2].type == "tr_open":
            kind = UNSAFE_KIND if token.content.strip().lower() == UNSAFE_HEADER.lower() else "enabling"
        elif token.type == "inline" and tokens[index - 1].type == "td_open":
            row.append(token.content)
        elif token.type == "tr_close" and len(row) == 2 and section and taken < per_section:
            scenarios.append(
                Scenario(
                    scenario_id(row[0]), section[0], section[1], Text.of(locale, row[0]), Text.of(locale, row[1]), kind
                )
            )
            taken += 1
    return scenarios
