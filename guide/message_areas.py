"""Where a message appears, in words a translator understands, and which area it is in.

Every message belongs to one area, worked out from its ``#:`` locations and comments:

- ``interface``: buttons, menus and page text from the templates and the code;
- ``overdose``: the Overdose chapter; ``get-help``: the Get help chapter;
- ``chapters``: every other chapter;
- ``helplines``: the names and descriptions of helplines (``guide/data/helplines.toml``);
- ``citations``: entries of a chapter's Sources list, copied rather than translated and
  left out of the completeness figure.

A locale is offered in the language menu only when the *required* areas are complete.
The extractors here wrap Babel's own for templates and Python code, adding a
``Where:`` comment so a translator sees "About page" rather than a file name.
"""

from __future__ import annotations

from collections.abc import Iterable

INTERFACE = "interface"
OVERDOSE = "overdose"
GET_HELP = "get-help"
CHAPTERS = "chapters"
HELPLINES = "helplines"
CITATIONS = "citations"
#: In the order ``translate status`` shows them. Citations are not counted.
COUNTED = (INTERFACE, OVERDOSE, GET_HELP, CHAPTERS, HELPLINES)
#: Every one of these messages must be translated before the language menu lists a locale.
REQUIRED = (INTERFACE, OVERDOSE, GET_HELP)
#: Where a changed number is an error (the app shows the English), not a warning.
SAFETY = (OVERDOSE, GET_HELP, HELPLINES)

#: The translator comment the chapter extractor puts on every citation.
CITATION_NOTE = "Citation in the Sources list"

_CHAPTER_AREAS = {"guide/content/overdose.md": OVERDOSE, "guide/content/get-help.md": GET_HELP}

#: Template or module -> where its text shows, for the ``Where:`` comment.
PLACES = {
    "guide/templates/base.html": "every page: the bar at the top (overdose link, menu, languages), update notice, footer",
    "guide/templates/about.html": "the About page",
    "guide/templates/chapter.html": "every chapter page: contents box, previous/next links, the overdose page's print button",
    "guide/templates/choose_language.html": "the page that lists the languages",
    "guide/templates/error.html": "error pages (page not found...)",
    "guide/templates/index.html": "the home page (table of contents)",
    "guide/templates/neutral.html": "the ordinary page (a recipe) the exit control opens: it must not mention the guide",
    "guide/templates/offline.html": "the page shown offline for a page that is not saved",
    "guide/templates/_country_select.html": "the country menu (Get help chapter and Our plan tool)",
    "guide/templates/_emergency.html": "the top of the Overdose chapter: call button, your plan's essentials, emergency numbers",
    "guide/templates/_tool_list.html": "the list of tools (home page, Tools page, offline page)",
    "guide/templates/_helplines.html": "the helplines list (Get help chapter)",
    "guide/templates/_search.html": "every page: the search box in the menu of the bar at the top",
    "guide/templates/tools/_data.html": "every tool page: saving, loading and deleting your data",
    "guide/templates/tools/_labels.html": "the names of the parts of a plan, in the tools and in messages about imports",
    "guide/templates/tools/craft.html": "the Notice patterns and good moments tool (Before and after, Good moments)",
    "guide/templates/tools/_layout.html": "every tool page: top of the page and save messages",
    "guide/templates/tools/index.html": "the Tools page",
    "guide/templates/tools/plan.html": "the Our plan tool",
    "guide/templates/tools/scripts.html": "the My boundary scripts tool",
    "guide/templates/tools/self_check.html": "the Helping or enabling self-check tool",
    "guide/views.py": "tool names and summaries, and the labels above boxes in chapters",
    "guide/countries.py": "the crisis line Our plan fills in from the country you choose",
    "guide/install_banner.py": "the banner shown once the guide is saved on the phone (add to home screen)",
    "guide/pwa.py": "the installed app: its name under the icon, its description and the shortcuts in its icon's menu",
    "guide/search_index.py": "every page: under the search box in the menu, how many sections were found",
}


def area_of(locations: Iterable[tuple[str, int | None]], comments: Iterable[str] = ()) -> str:
    """The area of a message, from its locations (``#:``) and automatic comments (``#.``)."""
    if any(comment.startswith(CITATION_NOTE) for comment in comments):
        return CITATIONS
    files = {path.replace("\\", "/") for path, _line in locations}
    for path, area in _CHAPTER_AREAS.items():
        if path in files:
            return area
    if any(path.startswith("guide/templates/") or path.endswith(".py") for path in files):
        return INTERFACE
    if any(path.startswith("guide/content/") for path in files):
        return CHAPTERS
    if any(path.endswith("helplines.toml") for path in files):
        return HELPLINES
    return INTERFACE


def _with_place(results, fileobj):
    name = getattr(fileobj, "name", "")
    place = next((where for path, where in PLACES.items() if str(name).replace("\\", "/").endswith(path)), None)
    for lineno, funcname, message, comments in results:
        yield lineno, funcname, message, [*comments, f"Where: {place}."] if place else comments


def extract_template(fileobj, keywords, comment_tags, options):
    """Jinja templates, as Jinja's own extractor reads them, plus a ``Where:`` comment."""
    from jinja2.ext import babel_extract

    yield from _with_place(babel_extract(fileobj, keywords, comment_tags, options), fileobj)


def extract_code(fileobj, keywords, comment_tags, options):
    """Python modules, as Babel's own extractor reads them, plus a ``Where:`` comment."""
    from babel.messages.extract import extract_python

    yield from _with_place(extract_python(fileobj, keywords, comment_tags, options), fileobj)
