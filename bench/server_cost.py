"""Server cost: a chapter page against a static file of similar size, same gunicorn.

Run: .venv/bin/python bench/server_cost.py      (needs Debian's wrk: apt-get install wrk)
Starts gunicorn (2 workers) on loopback, loads each URL with wrk (64 connections,
2 threads, gzip accepted) and prints requests per second, errors and the ratio.
Goal: a page costs no more than a static file (ratio >= 0.9), zero errors.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import ROOT

DURATION = "10s"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", "-c64", f"-d{DURATION}", "--latency", "-H", "Accept-Encoding: gzip", url],
        capture_output=True, text=True, check=True,
    ).stdout
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p99": re.search(r"99%\s+(\S+)", out).group(1),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    port = free_port()
    build = tempfile.mkdtemp()
    env = {**os.environ, "GUIDE_STATIC_BUILD_DIR": build}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "2", "--worker-class", "gthread", "--threads", "8",
         "-b", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app"],
        cwd=ROOT, env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                html = urllib.request.urlopen(f"{base}/en/treatment/").read().decode()
                break
            except OSError:
                time.sleep(0.1)
        page = f"{base}/en/treatment/"
        request = urllib.request.Request(page, headers={"Accept-Encoding": "gzip"})
        page_size = len(urllib.request.urlopen(request).read())
        static = base + re.search(r'href="(/static/icons/apple-touch-icon[^"]+)"', html).group(1)
        candidates = [static]
        # A static file of similar size to the gzipped page, so both move the same bytes.
        for name in os.listdir(os.path.join(build, "icons")):
            if name.endswith(".png"):
                candidates.append(f"{base}/static/icons/{name}")
        sizes = {url: len(urllib.request.urlopen(url).read()) for url in candidates}
        static = min(sizes, key=lambda url: abs(sizes[url] - page_size))
        for url in (page, static):  # warm both workers
            for _ in range(20):
                urllib.request.urlopen(url).read()
        results = {"chapter page": (page, page_size, wrk(page)), "static file": (static, sizes[static], wrk(static))}
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(build, ignore_errors=True)
    print(f"gunicorn, 2 workers (gthread, 8 threads each), loopback; wrk -t2 -c64 -d{DURATION}, gzip accepted")
    print(f"{'what':14} {'bytes':>7} {'req/s':>10} {'p99':>9} {'errors':>7}  url")
    for name, (url, size, figures) in results.items():
        print(f"{name:14} {size:7,} {figures['rps']:10,.0f} {figures['p99']:>9} {figures['errors']:7}  {url.split('/', 3)[3]}")
    ratio = results["chapter page"][2]["rps"] / results["static file"][2]["rps"]
    print(f"ratio page/static: {ratio:.2f} (goal >= 0.9)")


if __name__ == "__main__":
    main()
