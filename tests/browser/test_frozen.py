"""The frozen site from a plain static server behaves like the live one, offline too."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from guide.freeze import freeze_site

from .conftest import PHONE
from .conftest import browser_locales
from .test_offline import assert_every_page_opens
from .test_offline import expected_headings
from .test_offline import visit_until_saved

pytestmark = pytest.mark.browser
#: What ``python -m http.server`` prints once it listens.
SERVING = re.compile(r"Serving HTTP on \S+ port (\d+)")


def start_static_server(folder: Path, logs: Path, timeout: float = 30) -> tuple[subprocess.Popen, str]:
    """``python -m http.server`` on a port the server picks itself (0), so no other program
    can take it between choosing and binding; its URL is read from the line it prints.
    Fails the test, with the server's output, if it does not answer within ``timeout``."""
    with (logs / "stdout.txt").open("w") as out, (logs / "stderr.txt").open("w") as err:
        server = subprocess.Popen(
            [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(folder)],
            stdout=out, stderr=err,
        )
    deadline = time.monotonic() + timeout
    url = None
    while time.monotonic() < deadline and server.poll() is None:
        if url is None and (match := SERVING.search((logs / "stdout.txt").read_text())):
            url = f"http://127.0.0.1:{match.group(1)}"
        if url is not None:
            try:
                urllib.request.urlopen(url + "/", timeout=5).close()
                return server, url
            except OSError:
                pass
        time.sleep(0.05)
    server.kill()
    server.wait(10)
    pytest.fail(
        f"the static server did not answer within {timeout:.0f} s (exit code {server.returncode}):\n"
        + (logs / "stdout.txt").read_text() + (logs / "stderr.txt").read_text(),
        pytrace=False,
    )


@pytest.fixture(scope="module")
def static_site(tmp_path_factory):
    """The frozen site served by `python -m http.server` on loopback."""
    from guide import create_app

    app = create_app({"TESTING": True, "STATIC_BUILD_DIR": str(tmp_path_factory.mktemp("static"))})
    folder = tmp_path_factory.mktemp("frozen") / "site"
    freeze_site(app, folder)
    server, url = start_static_server(folder, tmp_path_factory.mktemp("server-logs"))
    yield url, app, server
    server.terminate()
    server.wait(10)


def test_every_page_loads_from_the_static_server(static_site, page):
    url, app, _ = static_site
    for code in browser_locales(app):
        assert_every_page_opens(page, expected_headings(app, code), url)
    assert page.errors == []


def test_root_sends_the_reader_to_their_language(static_site, browser):
    url, _, _ = static_site
    context = browser.new_context(locale="es-MX", **PHONE)
    page = context.new_page()
    page.goto(url + "/")
    page.wait_for_url(f"{url}/es/")
    context.close()


def test_root_without_javascript_lists_the_languages(static_site, browser):
    url, app, _ = static_site
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(url + "/")
    links = page.locator("main a")
    listed = [(links.nth(i).inner_text(), links.nth(i).get_attribute("href")) for i in range(links.count())]
    context.close()
    assert listed == [(other.name, f"/{other.code}/") for other in app.extensions["guide"].menu]


def test_service_worker_installs_and_every_page_opens_offline(static_site, page, context):
    url, app, _ = static_site
    visit_until_saved(page, f"{url}/ar/", saved_text="متاح دون اتصال")
    context.set_offline(True)
    assert_every_page_opens(page, expected_headings(app, "ar"), url)
    offline = app.test_client().get("/ar/offline/").get_data(as_text=True)
    heading = offline.split("<h1>", 1)[1].split("</h1>", 1)[0]
    page.goto(f"{url}/ar/no-such-page/")
    assert page.locator("h1").inner_text() == heading
