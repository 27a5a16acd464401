"""Page weight in a real browser, service worker blocked: bytes and requests per page.

Run: .venv/bin/python bench/page_weight.py [TEXT ...]   (only the pages whose path holds a TEXT)
Budget (DESIGN.md): first render (HTML + stylesheet) <= 14 KB compressed, whole page
<= 30 KB, <= 5 requests, 0 third-party requests. Prints every page and the worst.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from urllib.parse import urlsplit

from common import CHROMIUM
from common import CHROMIUM_ARGS
from common import serve
from playwright.sync_api import sync_playwright

from guide import ROOT
from guide import create_app
from guide.assets import SCRIPT
from guide.assets import SCRIPTS
from guide.assets import join_scripts
from guide.tools import TOOLS

FIRST_RENDER = {"document", "stylesheet"}


def measure(page, url: str, origin: str) -> dict:
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(url, wait_until="networkidle")
    total = first = third = 0
    for request in requests:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        if request.resource_type in FIRST_RENDER:
            first += size
        if urlsplit(request.url).netloc != origin:
            third += 1
    return {"url": url, "requests": len(requests), "bytes": total, "first_render": first, "third_party": third}


def main() -> None:
    with tempfile.TemporaryDirectory() as build:
        app = create_app({"STATIC_BUILD_DIR": build})
        base, server = serve(app)
        site = app.extensions["guide"]
        pages = ["", "about/", "tools/", *(f"tools/{name}/" for name in TOOLS)]
        pages += [f"{slug}/" for slug in site.chapters]
        urls = [f"{base}/{code}/{path}" for code in site.locales for path in pages]
        if sys.argv[1:]:
            urls = [url for url in urls if any(text in url for text in sys.argv[1:])]
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for url in urls:
                # A fresh context per page: a first visit, nothing cached, no service worker.
                context = browser.new_context(service_workers="block", viewport={"width": 360, "height": 740})
                page = context.new_page()
                rows.append(measure(page, url, urlsplit(base).netloc))
                context.close()
            browser.close()
        server.shutdown()
    print(f"{'page':42} {'requests':>8} {'first render':>13} {'whole page':>11} {'3rd party':>9}")
    for row in rows:
        path = urlsplit(row["url"]).path
        print(f"{path:42} {row['requests']:8} {row['first_render']:13,} {row['bytes']:11,} {row['third_party']:9}")
    worst = max(rows, key=lambda row: row["bytes"])
    print(
        f"\nWorst page: {urlsplit(worst['url']).path}: {worst['bytes']:,} bytes, first render "
        f"{worst['first_render']:,} bytes, {worst['requests']} requests."
    )
    print(
        f"Budgets: first render <= 14,336: max {max(r['first_render'] for r in rows):,}; "
        f"whole page <= 30,720: max {max(r['bytes'] for r in rows):,}; "
        f"requests <= 5: max {max(r['requests'] for r in rows)}; "
        f"third-party = 0: total {sum(r['third_party'] for r in rows)}"
    )
    print(script_sizes())


def script_sizes() -> str:
    """The chapters' script and its reading-aloud part (budget: listen.js <= 2 KB gzip), as served."""
    source = ROOT / "static"
    listen = gzip.compress(join_scripts(source, ("listen.js",)), 9)
    whole = gzip.compress(join_scripts(source, SCRIPTS[SCRIPT]), 9)
    return f"Scripts (gzip -9, whole-line comments left out): {SCRIPT} {len(whole):,} bytes; listen.js alone {len(listen):,} (<= 2,048)"


if __name__ == "__main__":
    main()
