"""Offline figures: precache size per locale, and time from first load to "Available offline".

Run: .venv/bin/python bench/offline.py   (needs Debian's chromium, like the browser tests)
Prints figures; it asserts nothing.
"""

from __future__ import annotations

import re
import tempfile
import time

from common import CHROMIUM
from common import CHROMIUM_ARGS
from common import serve
from playwright.sync_api import expect
from playwright.sync_api import sync_playwright

from guide import create_app


def precache_bytes(app) -> dict[str, tuple[int, int, int]]:
    """locale -> (entries, bytes as stored, bytes over the wire with gzip), shared files included."""
    client = app.test_client()
    body = client.get("/sw.js").get_data(as_text=True)
    shared = re.findall(r'\["(/static/[^"]+)"', body)
    figures = {}
    for code in app.extensions["guide"].locales:
        urls = shared + re.findall(rf'\["(/{code}/[^"]*)"', body)
        raw = wire = 0
        for url in urls:
            plain = client.get(url)
            packed = client.get(url, headers={"Accept-Encoding": "gzip"})
            raw += len(plain.data)
            wire += len(packed.data)
            plain.close()
            packed.close()
        figures[code] = (len(urls), raw, wire)
    return figures


def time_to_offline(app, runs: int = 5) -> list[float]:
    base, server = serve(app)
    url = f"{base}/en/"
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 360, "height": 740})
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url)
            expect(page.locator(".app-offline-status")).to_have_text("Available offline", timeout=30000)
            times.append(time.perf_counter() - start)
            context.close()
        browser.close()
    server.shutdown()
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as build:
        app = create_app({"STATIC_BUILD_DIR": build})
        print("Precache per locale (shared static files included)")
        print(f"{'locale':8} {'entries':>8} {'stored bytes':>13} {'gzip bytes':>11}")
        for code, (entries, raw, wire) in precache_bytes(app).items():
            print(f"{code:8} {entries:8} {raw:13,} {wire:11,}")
        times = time_to_offline(app)
        print(f"\nFirst load of /en/ to 'Available offline', {len(times)} fresh browser contexts on loopback:")
        print("  " + ", ".join(f"{t * 1000:.0f} ms" for t in times) + f"  (median {sorted(times)[len(times) // 2] * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
