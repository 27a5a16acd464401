"""Browser tests: the real app on a loopback port, driven by Playwright in the system Chromium.

Playwright's own browser download does not work on our machines, so these tests use
Debian's Chromium (``apt-get install chromium``) at ``/usr/bin/chromium``, or the path
in ``GUIDE_CHROMIUM``. If it is missing the tests FAIL with that instruction; they
never skip silently.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Heavy browser tests (axe, offline, every page) run on these locales, so CI stays short
#: as languages are added: English, one other left-to-right language, both right-to-left
#: languages and Chinese. Unit tests cover every locale.
REPRESENTATIVE_LOCALES = ("en", "es", "ar", "fa", "zh-hans")


def browser_locales(app, extra: tuple[str, ...] = ()) -> list[str]:
    """The representative locales (and ``extra``) this site actually serves, in order."""
    served = app.extensions["guide"].locales
    return [code for code in (*REPRESENTATIVE_LOCALES, *extra) if code in served]


#: A small phone.
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def chromium_path() -> str:
    candidates = [os.environ.get("GUIDE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail(
        "Browser tests need Chromium: on Debian or Ubuntu run 'apt-get install chromium', "
        "or set GUIDE_CHROMIUM to a Chromium binary.",
        pytrace=False,
    )


def buffered(app):
    """Wrap a WSGI app so each response body is read and closed before werkzeug sends it.

    When the browser drops a connection mid-response (a page closed while its icons load),
    werkzeug's development server can skip the response's ``close()``, leaking the file
    whitenoise opened; with warnings as errors that fails a random test at teardown.
    Production servers (gunicorn) always close the response, so this is for tests only.
    """

    def wrapped(environ, start_response):
        response = app(environ, start_response)
        try:
            return [b"".join(response)]
        finally:
            if hasattr(response, "close"):
                response.close()

    return wrapped


class LiveServer:
    """The app served by werkzeug in a thread; ``stop()`` takes it off the network.

    The server binds port 0, so the system picks a free port with no race. To serve a new
    version of the site, assign ``server.app = new_app``: the next request gets it, on the
    same port, which is never let go (re-binding a port after ``stop()`` races with any
    other program on the machine).
    """

    def __init__(self, app, port: int = 0):
        self.app = app
        self._server = make_server("127.0.0.1", port, self._serve, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def _serve(self, environ, start_response):
        return buffered(self.app)(environ, start_response)

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(10)
            assert not self._thread.is_alive(), "the test server did not stop within 10 s"


def evaluate_within(page, expression: str, timeout_ms: int = 20_000):
    """``page.evaluate(expression)`` that fails after ``timeout_ms`` instead of waiting forever.

    Playwright gives ``page.evaluate`` no timeout, so a promise that never settles (a service
    worker that never takes control) would hang the run. Use this for every awaited promise.
    """
    return page.evaluate(
        f"""(() => {{
            let timer;
            const late = new Promise((_, reject) => {{
                timer = setTimeout(() => reject(new Error("no answer within {timeout_ms} ms")), {timeout_ms});
            }});
            return Promise.race([Promise.resolve({expression}), late]).finally(() => clearTimeout(timer));
        }})()"""
    )


@pytest.fixture
def live_server(app):
    server = LiveServer(app)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(**PHONE)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A phone-sized page that records console errors in ``page.errors``."""
    page = context.new_page()
    page.errors = []
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page
