"""How pages leave the app: rendered once, kept in memory, sent with ETags and headers.

Content never changes while a process runs, so each page is rendered the first time
it is asked for and its bytes, gzip bytes and ETag are kept. After that, `FastPages`
answers requests for that path in front of Flask, as whitenoise does for static
files: a chapter costs what a static file costs. Both paths build their headers with
`page_response`, so the first answer and every later one are the same bytes.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlsplit

import brotli
from flask import Response
from flask import request
from werkzeug.datastructures import Accept
from werkzeug.http import parse_accept_header
from werkzeug.http import parse_etags

#: Sent with every HTML response the app makes.
SECURITY_HEADERS = {
    # Scripts, styles, images, fetches, the manifest and the worker fall back to
    # default-src ('self' only); the rest is closed. (Listing each would add ~110 bytes to
    # every page's headers, first render included, for the same policy.)
    "Content-Security-Policy": (
        "default-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
}


_INDENT = re.compile(r"\n\s+<")


@dataclass(frozen=True)
class Page:
    body: bytes
    gzipped: bytes
    etag: str
    language: str
    status: int = 200
    mimetype: str = "text/html"
    cache_control: str = "no-cache"

    @functools.cached_property
    def brotli(self) -> bytes:
        """Brotli, made the first time a browser asks (every current browser does): about a
        fifth smaller than gzip. Not made up front: the offline copy renders every page."""
        return brotli.compress(self.body, quality=10)


def make_page(
    text: str, language: str, status: int = 200, mimetype: str = "text/html", cache_control: str = "no-cache"
) -> Page:
    if mimetype == "text/html":
        # Indentation and blank lines from the templates are bytes on every first visit; a
        # line break stays, so words never join (no page has a <pre>).
        text = _INDENT.sub("\n<", text)
    body = text.encode("utf-8")
    return Page(
        body=body,
        gzipped=gzip.compress(body, compresslevel=9, mtime=0),
        etag=hashlib.sha256(body).hexdigest()[:20],
        language=language,
        status=status,
        mimetype=mimetype,
        cache_control=cache_control,
    )


HSTS = "max-age=63072000; includeSubDomains"
#: For a file whose URL carries its hash (what whitenoise sends for static files).
FOREVER = "max-age=315360000, public, immutable"


class PageCache:
    """Rendered pages by key, and by URL path for pages that have one.

    Bounded by the site: only known pages are stored, never anything a request made up.
    """

    def __init__(self) -> None:
        self._pages: dict[tuple, Page] = {}
        self.by_path: dict[str, Page] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple, render: Callable[[], Page], path: str | None = None) -> Page:
        page = self._pages.get(key)
        if page is None:
            page = render()
            with self._lock:
                page = self._pages.setdefault(key, page)
                if path is not None and page.status == 200:
                    self.by_path[path] = page
        return page

    def __len__(self) -> int:
        return len(self._pages)


@functools.lru_cache(maxsize=512)
def encoding_for(accept_encoding: str) -> str:
    """"br", "gzip" or "" (as is), by what the browser accepts; brotli first."""
    accepted = parse_accept_header(accept_encoding, Accept)
    for coding in ("br", "gzip"):
        if accepted[coding] > 0:
            return coding
    return ""


def page_response(
    page: Page, accept_encoding: str, if_none_match: str, secure: bool
) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body for ``page``: brotli or gzip when accepted, strong ETag, 304."""
    coding = encoding_for(accept_encoding)
    body = page.brotli if coding == "br" else page.gzipped if coding == "gzip" else page.body
    charset = "; charset=utf-8" if page.mimetype.startswith("text/") else ""
    headers = [
        ("Content-Type", page.mimetype + charset),
        ("Vary", "Accept-Encoding"),
        ("Content-Language", page.language),
        ("Cache-Control", page.cache_control),
        *SECURITY_HEADERS.items(),
    ]
    if secure:
        headers.append(("Strict-Transport-Security", HSTS))
    if coding:
        headers.append(("Content-Encoding", coding))
    status = page.status
    if status == 200:
        etag = page.etag + {"br": "-br", "gzip": "-gz", "": ""}[coding]
        headers.append(("ETag", f'"{etag}"'))
        if if_none_match and (if_none_match == f'"{etag}"' or parse_etags(if_none_match).contains(etag)):
            return 304, headers, b""
    headers.append(("Content-Length", str(len(body))))
    return status, headers, body


def send_page(page: Page) -> Response:
    """``page`` as a Flask response (the first time; `FastPages` answers after that)."""
    status, headers, body = page_response(
        page,
        request.headers.get("Accept-Encoding", ""),
        request.headers.get("If-None-Match", ""),
        request.is_secure,
    )
    return Response(body, status=status, headers=headers)


def _encode_controls(text: str) -> str:
    return "".join(f"%{ord(c):02X}" if ord(c) < 0x20 or ord(c) == 0x7F else c for c in text)


class FastPages:
    """WSGI layer answering GET and HEAD for already-rendered pages without Flask.

    It also percent-encodes control characters in the query string before routing:
    no browser sends them raw, and a redirect would otherwise copy them into a header.
    """

    def __init__(self, app, pages: PageCache):
        self.app = app
        self.pages = pages

    def __call__(self, environ, start_response):
        query = environ.get("QUERY_STRING", "")
        if query and not query.isprintable():
            environ["QUERY_STRING"] = _encode_controls(query)
        method = environ["REQUEST_METHOD"]
        page = self.pages.by_path.get(environ.get("PATH_INFO", "")) if method in ("GET", "HEAD") else None
        if page is None:
            return self.app(environ, start_response)
        status, headers, body = page_response(
            page,
            environ.get("HTTP_ACCEPT_ENCODING", ""),
            environ.get("HTTP_IF_NONE_MATCH", ""),
            environ.get("wsgi.url_scheme") == "https",
        )
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [] if method == "HEAD" else [body]


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response


#: How long a browser or proxy may keep a permanent redirect (a slash added, a locale spelt canonically).
PERMANENT_REDIRECT_CACHE = "public, max-age=86400"


def path_only_location(response: Response) -> Response:
    """Make every redirect's ``Location`` a path: never a host or scheme taken from the request.

    Werkzeug's trailing-slash redirects carry ``http://<Host>/...``; a cached 308 would then
    send every reader of a slash-less link to whatever host the first request named.
    """
    location = response.headers.get("Location")
    if location is None or not 300 <= response.status_code < 400:
        return response
    parts = urlsplit(location)
    # "//host" and "/\host" are other sites to a browser: keep exactly one leading slash.
    path = "/" + parts.path.lstrip("/\\")
    response.headers["Location"] = path + (f"?{parts.query}" if parts.query else "")
    if response.status_code in (301, 308):
        response.headers.setdefault("Cache-Control", PERMANENT_REDIRECT_CACHE)
    else:
        response.headers.setdefault("Cache-Control", "no-cache")
    return response
