"""Installable and offline: the web app manifest and the generated service worker.

``/sw.js`` carries a precache list: every page of every locale and every static file,
each with its revision: the start of the SHA-256 of the exact body bytes served (for a
static file that hash is already in its name). The worker stores a body only if it
hashes to its revision, so a cut-off response or another version's page is never
saved. Its version is a hash of that list and of the worker's own code, so it changes
exactly when a page, a catalog or a static file changes. Cache names are made here
and nowhere else.
"""

from __future__ import annotations

import hashlib
import json

from flask import current_app
from flask import g
from flask import render_template
from flask import request
from flask import url_for
from flask_babel import gettext as _

from .search_index import index_url as search_index_url
from .serving import Page
from .serving import make_page
from .serving import send_page
from .site import Site
from .site import current_site
from .tools import TOOLS

CACHE_PREFIX = "guide-"
THEME_COLOR = "#1d4f91"
BACKGROUND_COLOR = "#ffffff"


def locale_urls(site: Site, code: str) -> list[str]:
    """Every URL of one locale: what the service worker saves, and what a freeze writes."""
    pages = ("pages.index", "pages.about", "pages.offline", "pages.neutral")
    urls = [url_for(endpoint, lang_code=code) for endpoint in pages]
    urls += [url_for("pages.manifest", lang_code=code), url_for("pages.install_words", lang_code=code)]
    urls += [url_for("pages.tools_index", lang_code=code)]
    urls += [url_for("pages.tool", lang_code=code, name=name) for name in TOOLS]
    urls += [url_for("pages.chapter", lang_code=code, slug=slug) for slug in site.chapters]
    return urls + [search_index_url(code)]


REVISION_LENGTH = 20


def revision(body: bytes) -> str:
    """What the worker checks a stored body against (it hashes with SubtleCrypto)."""
    return hashlib.sha256(body).hexdigest()[:REVISION_LENGTH]


def _revision(url: str) -> str:
    """The revision of the body the app serves for ``url`` (uncompressed: what a fetch reads)."""
    app = current_app._get_current_object()
    with app.app_context(), app.test_request_context(url):
        response = app.full_dispatch_request()
        body = response.get_data()
    if response.status_code != 200:
        raise RuntimeError(f"precache page {url} answered {response.status_code}")
    return revision(body)


def precache_manifest(site: Site) -> dict:
    # A static file's revision is the hash already in its name: css/app.<hash>.css.
    shared = sorted([site.static_url(name), hashed.rsplit(".", 2)[-2]] for name, hashed in site.static_files.items())
    locales = {code: [[url, _revision(url)] for url in locale_urls(site, code)] for code in site.locales}
    return {
        "shared": shared,
        "locales": locales,
        "home": {code: url_for("pages.index", lang_code=code) for code in site.locales},
        "offline": {code: url_for("pages.offline", lang_code=code) for code in site.locales},
    }


def _service_worker() -> Page:
    site = current_site()
    manifest = precache_manifest(site)
    code = render_template("sw.js", precache=manifest, version="VERSION", prefix=CACHE_PREFIX)
    version = hashlib.sha256(code.encode()).hexdigest()[:16]
    body = render_template("sw.js", precache=manifest, version=version, prefix=CACHE_PREFIX)
    return make_page(body, "en", mimetype="text/javascript")


def service_worker():
    """``/sw.js``: always revalidated, so a new version is found on the next visit."""
    site = current_site()
    return send_page(site.pages.get(("sw.js",), _service_worker, path="/sw.js"))


def web_manifest():
    """``/<locale>/manifest.webmanifest``: the installed app, named in the reader's language."""
    site = current_site()
    locale = g.locale

    def build() -> Page:
        icon = site.static_url
        manifest = {
            "id": f"/{locale.code}/",
            "name": _("Family Support Guide"),
            # TRANSLATORS: the name under the app's icon on a phone; 12 characters at most.
            "short_name": _("Family guide"),
            "description": _("A free guide for families of a person who uses heroin or other opioids."),
            "lang": locale.tag,
            "dir": locale.direction,
            "start_url": url_for("pages.index"),
            "scope": "/",
            "display": "standalone",
            "theme_color": THEME_COLOR,
            "background_color": BACKGROUND_COLOR,
            # Long-pressing the app's icon shows these to anyone holding the phone, so
            # their names say what they open without naming drugs or the family.
            "shortcuts": [
                # TRANSLATORS: a shortcut in the menu of the installed app's icon; opens the overdose steps. Keep it discreet and short.
                {"name": _("Emergency steps"), "url": url_for("pages.chapter", slug="overdose")},
                # TRANSLATORS: a shortcut in the menu of the installed app's icon; opens the family's plan. Keep it discreet and short.
                {"name": _("Our plan"), "url": url_for("pages.tool", name="plan")},
            ],
            "icons": [
                {"src": icon("icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
                {"src": icon("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
                {"src": icon("icons/icon-maskable-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            ],
        }
        body = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
        return make_page(body, locale.tag, mimetype="application/manifest+json")

    return send_page(site.pages.get(("manifest", locale.code), build, path=request.path))
