"""Start-up: time and memory to start the app, and how both grow with more locales.

Run: .venv/bin/python bench/startup.py
Each figure comes from a fresh Python process: import + create_app() (start-up), then
rendering every page of every locale once (what the first visitors pay). Synthetic
locales are copies of the Spanish catalog under other language codes, in a temporary
directory; the shipped translations/ is not touched.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT

SYNTHETIC = ["fr", "de", "it", "pt", "nl", "pl", "ru", "uk", "tr", "fa", "he", "hi", "bn", "ur", "vi",
             "th", "id", "sw", "zh", "ja"]

PROBE = """
import json, resource, sys, time
start = time.perf_counter()
from guide import create_app
app = create_app({"TRANSLATIONS_DIR": sys.argv[1], "STATIC_BUILD_DIR": sys.argv[2]})
started = time.perf_counter() - start
rss_started = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
site = app.extensions["guide"]
client = app.test_client()
t = time.perf_counter()
pages = 0
for code in site.locales:
    for path in ["", "about/", "offline/", "manifest.webmanifest", "tools/", *[f"tools/{t}/" for t in ("plan", "scripts", "self-check")], *[f"{s}/" for s in site.chapters]]:
        assert client.get(f"/{code}/{path}").status_code == 200
        pages += 1
client.get("/sw.js")
rendered = time.perf_counter() - t
print(json.dumps({"locales": len(site.locales), "start_s": started, "start_rss_mb": rss_started / 1024,
                  "render_all_s": rendered, "pages": pages,
                  "rss_after_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def probe(translations: Path, build: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(translations), str(build)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build = tmp / "static"
        rows.append(probe(ROOT / "translations", build))
        many = tmp / "translations"
        shutil.copytree(ROOT / "translations", many)
        spanish = many / "es"
        for code in SYNTHETIC:
            shutil.copytree(spanish, many / code)
        rows.append(probe(many, build))
    print(f"{'locales':>7} {'start s':>8} {'RSS at start MB':>16} {'render all s':>13} {'pages':>6} {'RSS after MB':>13}")
    for row in rows:
        print(f"{row['locales']:7} {row['start_s']:8.2f} {row['start_rss_mb']:16.1f} {row['render_all_s']:13.2f} "
              f"{row['pages']:6} {row['rss_after_mb']:13.1f}")
    extra = rows[1]["locales"] - rows[0]["locales"]
    print(f"each extra locale adds about {(rows[1]['start_s'] - rows[0]['start_s']) / extra * 1000:.0f} ms to start-up "
          f"and {(rows[1]['rss_after_mb'] - rows[0]['rss_after_mb']) / extra:.1f} MB once all its pages are rendered")


if __name__ == "__main__":
    main()
