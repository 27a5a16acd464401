"""Offline figures: precache size per locale, time from first load to "Available offline",
and what an update that changes one chapter downloads.

Run: .venv/bin/python bench/offline.py   (needs Debian's chromium, like the browser tests)
Prints figures; it asserts nothing.

    --server gunicorn|nginx   time it against gunicorn.conf.py's sync workers, alone or behind
                              deploy/nginx (needs nginx-light) instead of the development server
    --slow-3g                 between browser and server, a slow 3G link (bench/slow_link.py:
                              400 ms round trip, 400 kbit/s, new connections pay TCP + TLS)
"""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
import tempfile
import threading
import time
from urllib.parse import urlsplit
from collections import Counter
from pathlib import Path

from common import CHROMIUM
from common import CHROMIUM_ARGS
from common import serve
from playwright.sync_api import expect
from playwright.sync_api import sync_playwright
from servers import gunicorn
from servers import nginx
from slow_link import SlowLink

from guide import create_app


def precache_bytes(app) -> dict[str, tuple[int, int, int, int]]:
    """locale -> (entries, bytes as stored, over the wire with gzip, with brotli), shared files included."""
    client = app.test_client()
    body = client.get("/sw.js").get_data(as_text=True)
    # Each language's search index is a static file in that language's list only.
    shared = [url for url in re.findall(r'\["(/static/[^"]+)"', body) if not url.startswith("/static/search/")]
    figures = {}
    for code in app.extensions["guide"].locales:
        urls = shared + re.findall(rf'\["(/{code}/[^"]*|/static/search/{code}\.[^"]*)"', body)
        raw = wire = best = 0
        for url in urls:
            plain = client.get(url)
            packed = client.get(url, headers={"Accept-Encoding": "gzip"})
            smallest = client.get(url, headers={"Accept-Encoding": "br, gzip"})
            raw += len(plain.data)
            wire += len(packed.data)
            best += len(smallest.data)
            for response in (plain, packed, smallest):
                response.close()
        figures[code] = (len(urls), raw, wire, best)
    return figures


def time_to_offline(base: str, runs: int = 5) -> list[float]:
    url = f"{base}/en/"
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 360, "height": 740})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url)
            expect(page.locator(".app-offline-status")).to_have_text("Available offline", timeout=120000)
            times.append(time.perf_counter() - start)
            context.close()
        browser.close()
    return times


@contextlib.contextmanager
def server(kind: str, app):
    """The base URL of ``kind``: the development server (``app``), gunicorn, or nginx in front of it."""
    if kind == "dev":
        base, dev = serve(app)
        yield base
        dev.shutdown()
        return
    with gunicorn("--workers", "2") as backend:
        if kind == "gunicorn":
            yield backend
        else:
            with nginx(urlsplit(backend).netloc) as front:
                yield front
class Counting:
    """WSGI layer counting requests and bytes sent per path; ``app`` can be swapped (a deploy)."""

    def __init__(self, app):
        self.app, self.requests, self.bytes, self.lock = app, Counter(), Counter(), threading.Lock()

    def __call__(self, environ, start_response):
        path = environ["PATH_INFO"]
        sent = {}

        def counted(status, headers, exc_info=None):
            sent["headers"] = sum(len(k) + len(v) + 4 for k, v in headers) + len(status) + 11
            return start_response(status, headers, exc_info)

        response = self.app(environ, counted)
        try:
            body = b"".join(response)
        finally:
            if hasattr(response, "close"):
                response.close()
        with self.lock:
            self.requests[path] += 1
            self.bytes[path] += len(body) + sent.get("headers", 0)
        return [body]


def update_download(build: str) -> tuple[Counter, Counter]:
    """Save /en/ offline, deploy a version with one chapter changed, let the worker update."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(create_app({"STATIC_BUILD_DIR": build}).config["CONTENT_DIR"], content)
        layer = Counting(create_app({"STATIC_BUILD_DIR": build, "CONTENT_DIR": str(content)}))
        base, server = serve(layer)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
            page.goto(f"{base}/en/")
            expect(page.locator(".app-offline-status")).to_have_text("Available offline", timeout=30000)
            chapter = content / "treatment.md"
            chapter.write_text(chapter.read_text() + "\nOne more paragraph.\n")
            layer.app = create_app({"STATIC_BUILD_DIR": build, "CONTENT_DIR": str(content)})
            layer.requests.clear()
            layer.bytes.clear()
            page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
            for _ in range(300):
                if page.evaluate("navigator.serviceWorker.getRegistration().then(r => !!r.waiting)"):
                    break
                page.wait_for_timeout(100)
            browser.close()
        server.shutdown()
    return layer.requests, layer.bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=["dev", "gunicorn", "nginx"], default="dev")
    parser.add_argument("--slow-3g", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as build:
        app = create_app({"STATIC_BUILD_DIR": build})
        print("Precache per locale (shared static files included)")
        print("(budget: 250 KB compressed; browsers that accept brotli, every current one, get the last column)")
        print(f"{'locale':8} {'entries':>8} {'stored bytes':>13} {'gzip bytes':>11} {'brotli bytes':>13}")
        for code, (entries, raw, wire, best) in precache_bytes(app).items():
            print(f"{code:8} {entries:8} {raw:13,} {wire:11,} {best:13,}")
        with server(options.server, app) as base:
            link = SlowLink(urlsplit(base).netloc).start() if options.slow_3g else None
            times = time_to_offline(link.url if link else base, options.runs)
        where = "a slow 3G link (400 ms, 400 kbit/s)" if link else "loopback"
        print(f"\nFirst load of /en/ to 'Available offline', {len(times)} fresh browser contexts, "
              f"{options.server} server, {where}:")
        if link:
            print(f"  connections opened: {link.connections / len(times):.1f} per visit")
        print("  " + ", ".join(f"{t * 1000:.0f} ms" for t in times) + f"  (median {sorted(times)[len(times) // 2] * 1000:.0f} ms)")
        requests, sent = update_download(build)
        print("\nUpdate after one English chapter changed (/en/ saved): what the browser downloads")
        for path in sorted(requests):
            print(f"  {path:40} {requests[path]} request(s) {sent[path]:8,} bytes")
        print(f"  total: {sum(requests.values())} requests, {sum(sent.values()):,} bytes (headers included, gzip)")


if __name__ == "__main__":
    main()
