"""Search figures: the index per locale (bytes, gzip), the search script, and how long a
query takes to show its results in Chromium.

Run: .venv/bin/python bench/search.py   (needs Debian's chromium, like the browser tests)
Budgets (issue 17): script <= 3 KB gzip, index <= 40 KB gzip per locale, results < 50 ms.

The time is from the end of the typing pause (search.js waits 120 ms after the last key;
that pause is taken off) until the result list and its count are on screen: ranking,
reading each result's page (already parsed after a first query; parsed cold the first
time) and marking the snippets. Each query runs once cold-ish (pages not yet parsed) and
three times warm; each query's figure is the median of its three, and the table
shows the median and the slowest query.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path

from common import CHROMIUM
from common import CHROMIUM_ARGS
from common import ROOT
from common import serve
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(ROOT))
from guide import create_app  # noqa: E402
from tests.unit.test_search_index import RANKING  # noqa: E402

#: Slow paths too: nothing found (every rule runs, the typo rule over every form), long queries.
EXTRA = ["xqzvbnmlkj", "what can I do when my son comes home from jail and wants money", "n", "a"]

TIME_QUERY = """async (query) => {
  const input = document.querySelector("#app-search"), status = document.querySelector(".app-search__status");
  const shown = new Promise((done) => new MutationObserver((_, o) => { o.disconnect(); done(performance.now()); })
    .observe(status, { childList: true, characterData: true, subtree: true }));
  input.value = query;
  const start = performance.now();
  input.dispatchEvent(new Event("input"));
  return (await shown) - start - 120;
}"""


def main() -> None:
    with tempfile.TemporaryDirectory() as build:
        app = create_app({"STATIC_BUILD_DIR": build})
        site = app.extensions["guide"]
        client = app.test_client()
        script = client.get(re.search(r'data-script="([^"]+)"', client.get("/en/").get_data(as_text=True)).group(1))
        print(f"search script js/guide-search.js: {len(script.data):,} bytes, {len(gzip.compress(script.data, 9)):,} gzip")
        script.close()
        base, server = serve(app)
        print(f"{'locale':7} {'index':>8} {'gzip':>7} {'sections':>8} {'terms':>6} {'first query':>12} {'warm median':>12} {'warm max':>9}")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for code in site.locales:
                html = client.get(f"/{code}/").get_data(as_text=True)
                body = client.get(re.search(r'data-index="([^"]+)"', html).group(1)).data
                index = json.loads(body)
                queries = [*RANKING.get(code, {}), *RANKING["en"], *EXTRA]
                context = browser.new_context(service_workers="block", viewport={"width": 360, "height": 740})
                page = context.new_page()
                page.goto(f"{base}/{code}/")
                page.click(".app-menu__button")
                page.wait_for_selector(".app-search__status", state="attached")
                first = page.evaluate(TIME_QUERY, queries[0])
                for query in queries:  # pages parsed once
                    page.evaluate(TIME_QUERY, query)
                warm = [statistics.median(page.evaluate(TIME_QUERY, query) for _ in range(3)) for query in queries]
                if "-v" in sys.argv:
                    print(sorted(zip(warm, queries), reverse=True)[:5])
                context.close()
                print(f"{code:7} {len(body):>8,} {len(gzip.compress(body, 9)):>7,} {len(index['sections']):>8} "
                      f"{len(index['terms']):>6} {first:>9.0f} ms {statistics.median(warm):>9.1f} ms {max(warm):>6.1f} ms")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
