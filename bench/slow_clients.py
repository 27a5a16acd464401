"""Slow clients: can a reader still get a page while 200 connections dribble their headers?

Run: .venv/bin/python bench/slow_clients.py   (needs Debian's nginx: apt-get install nginx-light)

For each setup, 200 connections each send a request line and then one more header line
every 2 s, never finishing (reconnecting if the server drops them), for 20 s. Meanwhile
a normal reader asks for /en/overdose/ twice a second, each request on its own
connection with a 5 s time-out. Prints, per setup, how many normal requests were served
within 1 s, p50/p99 latency and failures (time-out, error or not 200). Goal for the
production setup: at least 9 of 10 served within 1 s. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import threading
import time
from urllib.parse import urlsplit

from servers import gunicorn
from servers import nginx

SLOW_CLIENTS = 200
ATTACK_SECONDS = 20.0
HEADER_EVERY = 2.0
NORMAL_EVERY = 0.5
TIMEOUT = 5.0
PATH = "/en/overdose/"


async def slow_client(host: str, port: int, stop: float, stats: dict) -> None:
    while time.monotonic() < stop:
        try:
            reader, writer = await asyncio.open_connection(host, port)
            stats["connections"] += 1
            writer.write(f"GET {PATH} HTTP/1.1\r\nHost: {host}\r\n".encode())
            n = 0
            while time.monotonic() < stop:
                await writer.drain()
                await asyncio.sleep(HEADER_EVERY)
                n += 1
                writer.write(f"X-Slow-{n}: {n}\r\n".encode())
                if reader.at_eof():
                    break
            writer.close()
        except OSError:
            await asyncio.sleep(0.1)  # refused or reset: try again, as an attacker would


def attack(base: str, stats: dict) -> threading.Thread:
    url = urlsplit(base)
    stop = time.monotonic() + ATTACK_SECONDS

    async def run():
        await asyncio.gather(*(slow_client(url.hostname, url.port, stop, stats) for _ in range(SLOW_CLIENTS)))

    thread = threading.Thread(target=asyncio.run, args=(run(),), daemon=True)
    thread.start()
    return thread


def normal_request(base: str, results: list) -> None:
    url = urlsplit(base)
    start = time.perf_counter()
    try:
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
        conn.request("GET", PATH, headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        response.read()
        conn.close()
        ok = response.status == 200
    except OSError:
        ok = False
    results.append((time.perf_counter() - start, ok))


def measure(base: str) -> dict:
    stats = {"connections": 0}
    attacker = attack(base, stats)
    time.sleep(1.0)  # let the slow clients connect first
    results: list = []
    threads = []
    end = time.monotonic() + ATTACK_SECONDS - 1.0 - TIMEOUT
    while time.monotonic() < end:
        thread = threading.Thread(target=normal_request, args=(base, results))
        thread.start()
        threads.append(thread)
        time.sleep(NORMAL_EVERY)
    for thread in threads:
        thread.join()
    attacker.join()
    served = sorted(t for t, ok in results if ok)
    times = sorted(t for t, _ in results)
    return {
        "requests": len(results),
        "within_1s": sum(1 for t, ok in results if ok and t <= 1.0),
        "failures": len(results) - len(served),
        "p50": times[len(times) // 2],
        "p99": times[min(len(times) - 1, int(len(times) * 0.99))],
        "slow_connections": stats["connections"],
    }


SETUPS = {
    "sync": ("gunicorn, gunicorn.conf.py (sync, 2 workers), direct", ["--workers", "2"], False),
    "gthread": ("gunicorn gthread 4 workers x 8 threads, direct", ["--workers", "4", "--worker-class", "gthread", "--threads", "8"], False),
    "nginx": ("nginx (deploy/nginx) -> gunicorn.conf.py (sync, 2 workers)", ["--workers", "2"], True),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("setups", nargs="*", help=f"any of {', '.join(SETUPS)} (default: all)")
    chosen = parser.parse_args().setups or list(SETUPS)
    if unknown := set(chosen) - set(SETUPS):
        parser.error(f"unknown setup: {', '.join(sorted(unknown))}")
    print(f"{SLOW_CLIENTS} slow-header clients for {ATTACK_SECONDS:.0f} s; a normal GET {PATH} every "
          f"{NORMAL_EVERY} s ({TIMEOUT:.0f} s time-out), loopback")
    print(f"{'setup':58} {'within 1 s':>12} {'p50':>8} {'p99':>8} {'failures':>9} {'slow conns':>11}")
    for key in chosen:
        label, args, proxied = SETUPS[key]
        with gunicorn(*args, env={"GUIDE_PROXY_ADDRESSES": "127.0.0.1"}) as app:
            if proxied:
                with nginx(urlsplit(app).netloc) as front:
                    figures = measure(front)
            else:
                figures = measure(app)
        print(f"{label:58} {figures['within_1s']:>5} of {figures['requests']:<4} {figures['p50'] * 1000:6.0f} ms "
              f"{figures['p99'] * 1000:6.0f} ms {figures['failures']:9} {figures['slow_connections']:11}")


if __name__ == "__main__":
    main()
