"""The offline copy is whole and of one version: verified bodies, no mixing, self-repair.

Every test serves the app through `Faults`, a test-only WSGI layer that can fail or cut
one URL, and counts what the browser (service worker included) asked for. A new version
is deployed by swapping the app behind the same server: no restart, no port reused.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil

import pytest
from playwright.sync_api import expect

from .conftest import LiveServer
from .faults import Faults
from .test_offline import visit_until_saved

pytestmark = pytest.mark.browser

CACHED_PATHS = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    out[name] = (await cache.keys()).map(request => new URL(request.url).pathname);
  }
  return out;
}"""
CACHED_BODY = """async (path) => {
  for (const name of await caches.keys()) {
    const hit = await (await caches.open(name)).match(path);
    if (hit) { return await hit.text(); }
  }
  return null;
}"""
STYLE_RULES = """() => {
  try { return document.querySelector('link[rel=stylesheet]').sheet.cssRules.length; } catch (e) { return 0; }
}"""
SW_STATE = """navigator.serviceWorker.getRegistration().then(r => r ? {
  installing: !!r.installing, waiting: !!r.waiting, active: !!r.active } : null)"""


class Deployment:
    """Private copies of the chapters and static files, and apps built from them."""

    def __init__(self, make_app, app, tmp_path):
        self.make_app, self.tmp = make_app, tmp_path
        self.content = tmp_path / "content"
        self.static = tmp_path / "static"
        shutil.copytree(app.config["CONTENT_DIR"], self.content)
        shutil.copytree(app.config["STATIC_DIR"], self.static)
        self.builds = 0

    def build(self):
        self.builds += 1
        return self.make_app(
            CONTENT_DIR=str(self.content),
            STATIC_DIR=str(self.static),
            STATIC_BUILD_DIR=str(self.tmp / f"build-{self.builds}"),
        )

    def append(self, relative: str, text: str) -> None:
        path = self.tmp / relative
        path.write_text(path.read_text() + text)


@pytest.fixture
def deployment(make_app, app, tmp_path):
    return Deployment(make_app, app, tmp_path)


@pytest.fixture
def served(deployment):
    """(faults, server) for the first build of ``deployment``."""
    faults = Faults(deployment.build())
    server = LiveServer(faults)
    yield faults, server
    server.stop()


def precache(app) -> dict:
    body = app.test_client().get("/sw.js").get_data(as_text=True)
    return json.loads(re.search(r"var PRECACHE = (\{.*?\});\n", body, re.DOTALL).group(1))


def poll(page, script: str, done, timeout_ms: int = 20000, arg=None):
    """Evaluate ``script`` until ``done(result)``; fail after ``timeout_ms``."""
    waited = 0
    while True:
        result = page.evaluate(script, arg)
        if done(result):
            return result
        if waited >= timeout_ms:
            raise AssertionError(f"gave up waiting: last result {result!r}")
        page.wait_for_timeout(100)
        waited += 100


def settle_update(page) -> dict:
    """Ask for an update and wait until no worker is installing."""
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update()).catch(() => null)")
    return poll(page, SW_STATE, lambda state: state and not state["installing"])


def test_versions_never_mix_when_an_update_fails(deployment, served, page):
    """Break 8: v2 (new CSS and JS) fails to install; offline, v1 must still be whole."""
    faults, server = served
    visit_until_saved(page, f"{server.url}/en/tools/plan/")
    deployment.append("static/css/app.css", "\n.app-version-two { color: red; }\n")
    deployment.append("static/js/app.js", "\n/* version two */\n")
    deployment.append("content/treatment.md", "\nA new paragraph.\n")
    faults.app = deployment.build()
    faults.fail("/en/treatment/")
    for path in ("/en/tools/plan/", "/en/", "/en/tools/plan/"):
        page.goto(server.url + path)
        page.wait_for_timeout(300)  # room for any background refresh to land
    state = settle_update(page)
    assert faults.requested["/en/treatment/"] > 0, "the new version's install must have tried the broken URL"
    assert not state["waiting"], "the broken version must not be installed"
    server.stop()
    # The browser's HTTP cache may be cleared at any time; the saved copy must not need it.
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.goto(f"{server.url}/en/tools/plan/")
    sheet_rules = page.evaluate(STYLE_RULES)
    assert sheet_rules > 0, "the saved plan page lost its stylesheet"
    expect(page.locator(".app-needs-js")).to_be_hidden()
    page.locator("#plan-selfCare").fill("A walk on Sundays")
    expect(page.locator(".app-tool-status")).to_have_text("Saved on this device")


def test_a_truncated_page_is_never_saved_as_complete(app, served, page):
    """Break 9: a 200 cut to 4 KB is refused; the guide says it is not saved, then repairs."""
    faults, server = served
    full = app.test_client().get("/en/treatment/").get_data()
    assert len(full) > 8000
    faults.truncate("/en/treatment/", 4096)
    page.goto(f"{server.url}/en/")
    status = page.locator(".app-offline-status")
    expect(status).to_have_text(status.get_attribute("data-failed"), timeout=20000)
    assert faults.requested["/en/treatment/"] > 0
    cut = page.evaluate(CACHED_BODY, "/en/treatment/")
    assert cut is None or len(cut.encode()) == len(full)
    faults.heal()
    visit_until_saved(page, f"{server.url}/en/")
    server.stop()
    page.goto(f"{server.url}/en/treatment/")
    expect(page.locator(".app-footer")).to_be_visible()
    assert page.evaluate(CACHED_BODY, "/en/treatment/").encode() == full


def test_an_update_that_changes_one_chapter_fetches_only_what_changed(deployment, served, page):
    faults, server = served
    visit_until_saved(page, f"{server.url}/en/")
    before = precache(faults.app)
    deployment.append("content/treatment.md", "\nA new paragraph.\n")
    faults.app = deployment.build()
    after = precache(faults.app)
    old = dict(before["shared"] + before["locales"]["en"])
    changed = {url for url, revision in after["shared"] + after["locales"]["en"] if old.get(url) != revision}
    assert "/en/treatment/" in changed
    faults.reset_counts()
    state = settle_update(page)
    assert state["waiting"]
    assert set(faults.requested) == changed | {"/sw.js"}
    assert all(count == 1 for path, count in faults.requested.items() if path != "/sw.js")


def test_a_failed_language_save_saves_none_of_it(served, page):
    """Issue 19: switching language is all or nothing."""
    faults, server = served
    visit_until_saved(page, f"{server.url}/en/")
    faults.fail("/es/treatment/", times=1)
    page.goto(f"{server.url}/es/")
    status = page.locator(".app-offline-status")
    expect(status).to_have_text(status.get_attribute("data-failed"), timeout=20000)
    assert faults.requested["/es/treatment/"] == 1
    cached = page.evaluate(CACHED_PATHS)
    assert not [path for paths in cached.values() for path in paths if path.startswith("/es/")]
    meta = json.loads(page.evaluate(CACHED_BODY, "/__guide__/meta.json"))
    assert "es" not in meta["locales"]


def test_a_missing_entry_is_fetched_again_on_the_next_visit(served, page):
    faults, server = served
    visit_until_saved(page, f"{server.url}/en/")
    page.evaluate("""async () => { for (const name of await caches.keys()) {
        await (await caches.open(name)).delete('/en/treatment/'); } }""")
    faults.reset_counts()
    page.goto(f"{server.url}/en/about/")
    poll(page, CACHED_BODY, lambda body: body is not None, arg="/en/treatment/")
    assert faults.requested["/en/treatment/"] == 1
    server.stop()
    page.goto(f"{server.url}/en/treatment/")
    expect(page.locator(".app-footer")).to_be_visible()


def test_about_page_says_when_the_guide_was_saved(served, page):
    faults, server = served
    before = datetime.date.today()  # the run may cross midnight: either day is right
    visit_until_saved(page, f"{server.url}/en/")
    page.goto(f"{server.url}/en/about/")
    saved = page.locator(".app-offline-date")
    expect(saved).to_be_visible(timeout=10000)
    days = {before, datetime.date.today()}
    texts = "|".join(re.escape(f"Saved for offline use on {d.strftime('%B')} {d.day}, {d.year}.") for d in days)
    expect(saved).to_have_text(re.compile(f"^(?:{texts})$"))
