"""Production-shaped servers for the benchmarks: gunicorn with gunicorn.conf.py, nginx in front.

``gunicorn(...)`` starts ``gunicorn wsgi:app`` in the project root (so it reads
gunicorn.conf.py) on a free loopback port; ``nginx(upstream)`` starts Debian's nginx
with deploy/nginx/guide-proxy.conf in a plain-HTTP loopback server block, proxying to
``upstream``. Both are context managers yielding the base URL, and stop what they started.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import ROOT

PROXY_SNIPPET = ROOT / "deploy" / "nginx" / "guide-proxy.conf"

NGINX_CONF = """\
worker_processes 1;
error_log {tmp}/error.log warn;
pid {tmp}/nginx.pid;
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    upstream guide_app {{ server {upstream}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {snippet};
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"server at {url} did not start")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def gunicorn(*args: str, env: dict[str, str] | None = None):
    """``gunicorn [args] wsgi:app`` from the project root on a free port; yields the base URL."""
    port = free_port()
    build = tempfile.mkdtemp(prefix="guide-bench-")
    environ = {**os.environ, "GUIDE_STATIC_BUILD_DIR": build, **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", *args, "--bind", f"127.0.0.1:{port}", "--log-level", "error", "wsgi:app"],
        cwd=ROOT, env=environ,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/en/", process)
        yield base
    finally:
        stop(process)
        shutil.rmtree(build, ignore_errors=True)


@contextlib.contextmanager
def nginx(upstream: str):
    """Debian's nginx with the repository's proxy settings in front of ``upstream`` (``host:port``)."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(binary):
        sys.exit("nginx is missing: apt-get install nginx-light")
    port = free_port()
    tmp = tempfile.mkdtemp(prefix="guide-nginx-")
    os.chmod(tmp, 0o755)  # nginx's workers may run as another user
    conf = os.path.join(tmp, "nginx.conf")
    with open(conf, "w") as fh:
        fh.write(NGINX_CONF.format(tmp=tmp, upstream=upstream, port=port, snippet=PROXY_SNIPPET))
    process = subprocess.Popen([binary, "-p", tmp, "-e", os.path.join(tmp, "error.log"), "-c", conf])
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/en/", process)
        yield base
    finally:
        stop(process)
        shutil.rmtree(tmp, ignore_errors=True)
