"""What every page is built from: the bar with the overdose link, and nothing from elsewhere.

The pages are every URL the service worker saves, in every locale (computed from the
site, so a new chapter, tool or locale is checked without editing this file), plus a 404.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from guide.pwa import locale_urls

from .html_tree import parse

#: Every attribute that makes the browser fetch (or send) something by itself.
FETCHES = {
    "script": ["src"], "link": ["href"], "img": ["src", "srcset"], "source": ["src", "srcset"],
    "iframe": ["src"], "frame": ["src"], "embed": ["src"], "object": ["data"], "video": ["src", "poster"],
    "audio": ["src"], "track": ["src"], "form": ["action"], "button": ["formaction"],
    "input": ["src", "formaction"], "image": ["href", "xlink:href"], "use": ["href", "xlink:href"],
    "base": ["href"],
}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)


def every_page(app) -> dict[str, str]:
    """URL -> HTML for every page of every locale, and a page that is not there."""
    site, client = app.extensions["guide"], app.test_client()
    with app.test_request_context():
        urls = [url for code in site.locales for url in locale_urls(site, code) if url.endswith("/")]
    pages = {url: client.get(url) for url in [*urls, "/en/no-such-page/", "/ar/no-such-page/"]}
    return {url: response.get_data(as_text=True) for url, response in pages.items()}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from guide import create_app

    app = create_app({"TESTING": True, "STATIC_BUILD_DIR": str(tmp_path_factory.mktemp("static"))})
    return app, every_page(app)


#: The ordinary page the exit control opens.
NEUTRAL = "/recipe/"
#: Words the exit's ordinary page must never show, in any language: the guide's own
#: interface words (its name, the bar) and what it is about.
GIVEAWAYS = ("Family Support Guide", "Family guide", "Overdose? What to do", "Exit", "Menu")


def test_the_exit_page_gives_nothing_away_in_any_language(pages):
    app, html_by_url = pages
    site = app.extensions["guide"]
    neutral = {url: html for url, html in html_by_url.items() if url.endswith(NEUTRAL)}
    assert len(neutral) == len(site.locales)
    for url, html in neutral.items():
        locale = site.locales[url.split("/")[1]]
        root = parse(html)
        assert root.find_all("html")[0].attrs["lang"] == locale.tag, url
        assert root.find_all("html")[0].attrs["dir"] == locale.direction, url
        assert not root.find_all("script") and not root.find_all("header"), url
        assert {e.attrs.get("rel") for e in root.find_all("link")} == {"stylesheet"}, url  # no icon, no manifest
        assert root.find_all("title")[0].text == root.find_all("h1")[0].text, url
        text = " ".join(e.text for e in root.iter()).lower()
        words = [locale.translations.gettext(w) for w in GIVEAWAYS] + ["opioid", "overdose", "naloxone", "drug"]
        assert [w for w in words if w.lower() in text] == [], url


def is_same_origin(ref: str) -> bool:
    parts = urlsplit(ref.strip())
    return not parts.scheme and not parts.netloc


def fetched_refs(element) -> list[str]:
    refs = []
    for name in FETCHES.get(element.tag, []):
        value = element.attrs.get(name)
        if value is None:
            continue
        # srcset: "a.png 1x, b.png 2x"
        refs += [item.split()[0] for item in value.split(",") if item.strip()] if name == "srcset" else [value]
    if element.tag == "meta" and (element.attrs.get("http-equiv") or "").lower() == "refresh":
        refs.append((element.attrs.get("content") or "").partition("url=")[2] or "")
    refs += [m.group(1) or m.group(2) for m in CSS_URL.finditer(element.attrs.get("style") or "")]
    return refs


def test_every_page_has_the_overdose_link_in_the_bar_and_the_skip_link(pages):
    app, html_by_url = pages
    for url, html in html_by_url.items():
        if url.endswith(NEUTRAL):
            continue  # the exit's ordinary page shows nothing of the guide (test below)
        code = url.split("/")[1]
        root = parse(html)
        skip = root.find_all("a", cls="app-skip-link")
        assert [a.attrs["href"] for a in skip] == ["#main-content"], url
        bars = root.find_all("header", cls="app-bar")
        assert len(bars) == 1, url
        links = bars[0].find_all("a", cls="app-bar__overdose")
        assert [a.attrs["href"] for a in links] == [f"/{code}/overdose/"], url
        assert links[0].text, url
        assert root.find_all("main", id="main-content"), url


def test_pages_fetch_nothing_from_another_origin(pages):
    """Every script, style, image, icon, frame and form target is on this site."""
    app, html_by_url = pages
    for url, html in html_by_url.items():
        elements = list(parse(html).iter())
        refs = [(e.tag, ref) for e in elements for ref in fetched_refs(e)]
        seen = {"link"} if url.endswith(NEUTRAL) else {"script", "link"}
        assert seen <= {tag for tag, _ in refs}, url  # the collector does see them
        assert [(tag, ref) for tag, ref in refs if not is_same_origin(ref)] == [], url
        assert [e for e in elements if "ping" in e.attrs] == [], url  # a link that reports its taps
        styles = " ".join(e.text for e in elements if e.tag == "style")
        assert [m.group(0) for m in CSS_URL.finditer(styles) if not is_same_origin(m.group(1) or m.group(2))] == [], url


def test_the_stylesheet_fetches_nothing_from_another_origin(pages):
    app, html_by_url = pages
    client = app.test_client()
    stylesheets = {
        e.attrs["href"]
        for html in html_by_url.values()
        for e in parse(html).find_all("link", rel="stylesheet")
    }
    assert stylesheets
    for href in stylesheets:
        response = client.get(href)
        css = response.get_data(as_text=True)
        response.close()
        refs = [m.group(1) or m.group(2) for m in CSS_URL.finditer(css)]
        assert [ref for ref in refs if not is_same_origin(ref) and not ref.startswith("data:")] == [], href
