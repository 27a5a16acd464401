"""Shared helpers for the benchmark scripts: a quiet loopback server and Chromium flags."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class _Quiet(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):
        pass


def serve(app):
    """Serve ``app`` on a free loopback port in a thread; returns (base URL, server)."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server
