"""How pages leave the app: rendered once, kept in memory, sent with ETags and headers.

Content never changes while a process runs, so each page is rendered the first time
it is asked for and its bytes, gzip bytes and ETag are kept. Later requests cost a
dictionary look-up, and a reader who already has the page gets a 304.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from flask import Response
from flask import request

#: Sent with every HTML response the app makes.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; manifest-src 'self'; worker-src 'self'; font-src 'none'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
        "interest-cohort=(), browsing-topics=()"
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass(frozen=True)
class Page:
    body: bytes
    gzipped: bytes
    etag: str
    language: str
    status: int = 200
    mimetype: str = "text/html"


def make_page(text: str, language: str, status: int = 200, mimetype: str = "text/html") -> Page:
    body = text.encode("utf-8")
    return Page(
        body=body,
        gzipped=gzip.compress(body, compresslevel=9, mtime=0),
        etag=hashlib.sha256(body).hexdigest()[:20],
        language=language,
        status=status,
        mimetype=mimetype,
    )


class PageCache:
    """Rendered pages by key. Bounded by the site: only known pages are stored."""

    def __init__(self) -> None:
        self._pages: dict[tuple, Page] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple, render: Callable[[], Page]) -> Page:
        page = self._pages.get(key)
        if page is None:
            page = render()
            with self._lock:
                page = self._pages.setdefault(key, page)
        return page

    def __len__(self) -> int:
        return len(self._pages)


def send_page(page: Page, cache_control: str = "no-cache") -> Response:
    """A response for ``page``: gzip when accepted, strong ETag, 304 when unchanged."""
    gzip_ok = request.accept_encodings["gzip"] > 0
    body = page.gzipped if gzip_ok else page.body
    response = Response(body, status=page.status, mimetype=page.mimetype)
    if gzip_ok:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Content-Language"] = page.language
    response.headers["Cache-Control"] = cache_control
    if page.status == 200:
        response.set_etag(page.etag + ("-gz" if gzip_ok else ""))
        response.make_conditional(request)
    return response


def add_security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
    return response
