"""The search index of one locale: built from the rendered chapters, served as a hashed file.

Every chapter is rendered for the locale by the same `render_chapter` the pages use, cut
into sections at its headings (the top of the page is the section with the empty
anchor) and indexed; each tool page is indexed by its title and summary. The Sources
sections are left out. The index holds no text to show: only, for each term, the
sections it is in, and for each word form its stem (`guide.search`). The browser takes
each result's heading and snippet from the saved page itself.

The file is built on first use (a page of the locale names its URL), kept in memory like
a page, and served at ``/static/search/<locale>.<hash>.json`` with one-year immutable
caching; it is in that locale's offline copy and in the frozen site.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections import defaultdict
from html.parser import HTMLParser

from flask import Flask
from flask import abort
from flask import g
from flask_babel import gettext as _
from flask_babel import ngettext

from .content import render_chapter
from .search import LIMIT
from .search import encode_posting
from .search import folds
from .search import stems
from .serving import FOREVER
from .serving import make_page
from .serving import send_page
from .site import current_site

#: The anchor of every chapter's Sources heading (anchors come from the English text).
SOURCES = "sources"
#: Terms in more than this share of the sections are not indexed (the, and, de, و...).
STOP_SHARE = 0.5
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Sections(HTMLParser):
    """Rendered chapter HTML -> [anchor, heading, text] for each heading, skipping Sources."""

    def __init__(self, title: str):
        super().__init__(convert_charrefs=True)
        self.sections = [["", title, []]]
        self._heading = None  # level of the heading being read
        self._skip = None  # level of the Sources heading while inside it

    def handle_starttag(self, tag, attrs):
        if tag in _HEADINGS:
            level = int(tag[1])
            if self._skip is not None and level > self._skip:
                return
            anchor = dict(attrs).get("id") or ""
            self._skip = level if anchor == SOURCES else None
            self._heading = level
            self.sections.append([anchor, [], []])
        else:
            self.handle_data(" ")

    def handle_endtag(self, tag):
        if tag in _HEADINGS:
            self._heading = None
        self.handle_data(" ")

    def handle_data(self, data):
        if self._skip is not None:
            return
        section = self.sections[-1]
        (section[1] if self._heading is not None else section[2]).append(data)

    def result(self) -> list[tuple[str, str, str]]:
        self.close()
        out = [(a, h if isinstance(h, str) else "".join(h), "".join(t)) for a, h, t in self.sections]
        return [s for s in out if s[0] != SOURCES]


def sections_of(html: str, title: str) -> list[tuple[str, str, str]]:
    parser = _Sections(title)
    parser.feed(html)
    return [s for s in parser.result() if s[0] or s[1].strip() or s[2].strip()]


def build(language: str, pages: list[tuple[str, str, list[tuple[str, str, str]]]]) -> dict:
    """The index of ``pages``: (URL, the page's title and summary, [(anchor, heading, text)])."""
    sections, counts, heads, topics = [], [], [], []
    form_stems: dict[str, Counter] = defaultdict(Counter)

    def stemmed(text: str) -> list[str]:
        pairs = stems(text, language)
        for form, stem in pairs:
            form_stems[form][stem] += 1
        return [stem for _form, stem in pairs]

    for number, (url, topic, parts) in enumerate(pages):
        about = set(stemmed(topic))
        for anchor, heading, text in parts:
            sections.append([number, anchor])
            counts.append(Counter(stemmed(text)))
            heads.append(set(stemmed(heading)))
            topics.append(about)
    total = len(sections)
    df = Counter(term for c, h in zip(counts, heads) for term in set(c) | h)
    stop = {t for t, n in df.items() if total >= 20 and n > STOP_SHARE * total}
    postings: dict[str, list[str]] = defaultdict(list)
    previous: dict[str, int] = {}
    for number, (count, head, topic) in enumerate(zip(counts, heads, topics)):
        for term in sorted(set(count) | head):
            if term not in stop:
                bits = min(count[term], 3) | (4 if term in head else 0) | (8 if term in topic else 0)
                postings[term].append(encode_posting(number - previous.get(term, -1) - 1, bits))
                previous[term] = number
    forms: dict[str, list[str]] = defaultdict(list)
    for form, seen in sorted(form_stems.items()):
        stem = min(seen, key=lambda s: (-seen[s], s))
        if stem != form:
            at = form.find(stem)
            forms[stem].append(f"{form[:at]}-{form[at + len(stem):]}" if at >= 0 else form)
    entries = {}
    for term in sorted(df):
        entry = "".join(postings[term])
        entries[term] = " ".join([entry, *forms[term]])
    return {
        "lang": language,
        "fold": folds(language),
        "pages": [url for url, _topic, _parts in pages],
        "sections": sections,
        "terms": entries,
    }


def _interface() -> dict:
    """The interface words the index carries or covers, in the current locale."""
    from .views import tool_summary
    from .views import tool_title

    return {
        "none": _("No results"),
        "count": [ngettext("%(num)d result", "%(num)d results", n) for n in range(1, LIMIT + 1)],
        "tools": _("Tools for your family"),
        **{name: [tool_title(name), tool_summary(name)] for name in ("plan", "scripts", "self-check")},
    }


def _pages(site, locale, words: dict) -> list:
    """What the index covers, in ``locale``: every chapter, then the tool pages."""
    pages = []
    for slug, chapter in site.chapters.items():
        url = f"/{locale.code}/{slug}/"
        rendered = render_chapter(chapter, locale, site.chapters, lambda s: f"/{locale.code}/{s}/", {}, {})
        html = rendered.intro + rendered.body
        pages.append((url, f"{rendered.title} {rendered.summary}", sections_of(html, rendered.title)))
    pages.append((f"/{locale.code}/tools/", words["tools"], [("", words["tools"], "")]))
    for name in ("plan", "scripts", "self-check"):
        title, summary = words[name]
        pages.append((f"/{locale.code}/tools/{name}/", title, [("", title, summary)]))
    return pages


#: Index bodies by what they are made from, so a second app with the same chapters and
#: catalogs (the tests make many) does not stem everything again. At most `_KEPT`.
_BUILT: dict[str, str] = {}
_KEPT = 64


def _body(site, locale) -> str:
    outer = g.pop("locale", None)
    g.locale = locale  # tool names and result counts in the index's language
    try:
        words = _interface()
    finally:
        g.pop("locale")
        if outer is not None:
            g.locale = outer
    sources = [(slug, chapter.path.read_text("utf-8")) for slug, chapter in site.chapters.items()]
    made_of = [locale.code, locale.babel.language, words, sorted(locale.messages.items()), sources]
    key = hashlib.sha256(json.dumps(made_of, ensure_ascii=False).encode()).hexdigest()
    if key not in _BUILT:
        index = build(locale.babel.language, _pages(site, locale, words))
        index["text"] = {"none": words["none"], "count": words["count"]}
        if len(_BUILT) >= _KEPT:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    return _BUILT[key]


def index_page(site, locale):
    """The served index of ``locale`` (rendered once per process), and its URL."""
    page = site.pages.get(
        ("search", locale.code),
        lambda: make_page(_body(site, locale), locale.tag, mimetype="application/json", cache_control=FOREVER),
    )
    url = f"/static/search/{locale.code}.{page.etag[:12]}.json"
    site.pages.by_path.setdefault(url, page)
    return page, url


def index_url(code: str | None = None) -> str:
    """The URL of this page's locale's index (or of locale ``code``)."""
    site = current_site()
    return index_page(site, site.locales[code] if code else g.locale)[1]


def serve_index(code: str, digest: str):
    """``/static/search/<code>.<digest>.json``; the first request after a start builds it."""
    site = current_site()
    if code not in site.locales:
        abort(404)
    page, url = index_page(site, site.locales[code])
    if url != f"/static/search/{code}.{digest}.json":
        abort(404)
    return send_page(page)


def init_app(app: Flask) -> None:
    app.add_url_rule("/static/search/<code>.<digest>.json", "search_index", serve_index)
    app.add_template_global(index_url, "search_index_url")
