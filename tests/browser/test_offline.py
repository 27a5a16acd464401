"""Offline: after one visit, every page of that language opens with no network at all."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape

import pytest
from playwright.sync_api import expect

from .conftest import CHROMIUM_ARGS
from .conftest import PHONE
from .conftest import browser_locales
from .conftest import LiveServer
from .conftest import chromium_path
from .conftest import evaluate_within
from .faults import Faults



pytestmark = pytest.mark.browser
SAVED_ES = "Disponible sin conexión"


def expected_headings(app, code: str) -> dict[str, str]:
    """URL -> the h1 a reader must see, read from the live app (not just a status)."""
    client = app.test_client()
    headings = {}
    for url in [f"/{code}/", f"/{code}/about/", *[f"/{code}/{slug}/" for slug in app.extensions["guide"].chapters]]:
        html = client.get(url).get_data(as_text=True)
        start = html.index("<h1")
        heading = html[html.index(">", start) + 1 : html.index("</h1>", start)]
        # Text, not markup: the DOM writes a no-break space as &nbsp; where the server sent the character.
        headings[url] = unescape(re.sub(r"<[^>]*>", "", heading))
    return headings


WAIT_FOR_CONTROLLER = """new Promise(done => navigator.serviceWorker.controller ? done(true)
    : navigator.serviceWorker.addEventListener("controllerchange", () => done(true)))"""


def visit_until_saved(page, url: str, saved_text: str = "Available offline") -> None:
    """Open ``url`` and wait until the page says its language is saved for offline use.

    (The page's CSP forbids string evaluation, so waits use locators and CDP evaluation.)
    """
    page.goto(url)
    # Bounded: the first /sw.js of a process also builds every language's search index.
    expect(page.locator(".app-offline-status")).to_have_text(saved_text, timeout=90_000)
    evaluate_within(page, WAIT_FOR_CONTROLLER)


def assert_every_page_opens(page, headings: dict[str, str], base: str) -> None:
    for url, heading in headings.items():
        page.goto(base + url)
        assert page.locator("h1").text_content() == heading, url


def test_every_page_of_the_visited_language_opens_offline(app, live_server, page, context):
    visit_until_saved(page, f"{live_server.url}/en/")
    assert page.locator(".app-offline-status").inner_text() == "Available offline"
    context.set_offline(True)
    assert_every_page_opens(page, expected_headings(app, "en"), live_server.url)
    assert page.errors == []


def test_every_page_opens_with_the_server_stopped(app, live_server, page):
    visit_until_saved(page, f"{live_server.url}/es/overdose/", saved_text=SAVED_ES)
    live_server.stop()
    assert_every_page_opens(page, expected_headings(app, "es"), live_server.url)


def test_unknown_and_unsaved_pages_offline_show_the_offline_page(app, live_server, page, context):
    visit_until_saved(page, f"{live_server.url}/en/")
    context.set_offline(True)
    page.goto(f"{live_server.url}/en/no-such-page/")
    assert page.locator("h1").inner_text() == "You are offline"
    page.goto(f"{live_server.url}/es/")  # a language never visited
    assert page.locator("h1").inner_text() == "You are offline"
    # Every saved page is listed: the contents, the about page, every chapter and every tool.
    from guide.tools import TOOLS

    assert page.locator("main li > a").count() == len(app.extensions["guide"].chapters) + 2 + len(TOOLS)


def test_switching_language_saves_the_new_one_in_the_background(app, live_server, page, context):
    visit_until_saved(page, f"{live_server.url}/en/")
    status = page.locator(".app-offline-status")
    page.goto(f"{live_server.url}/es/")
    expect(status).to_have_text(status.get_attribute("data-saved"), timeout=20000)
    context.set_offline(True)
    assert_every_page_opens(page, expected_headings(app, "es"), live_server.url)
    assert_every_page_opens(page, expected_headings(app, "en"), live_server.url)


def test_without_a_service_worker_the_site_works_online(browser, live_server):
    context = browser.new_context(service_workers="block", **PHONE)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for url in ["/en/", "/en/overdose/", "/es/about/"]:
        page.goto(live_server.url + url)
        assert page.locator("h1").count() == 1
    assert errors == []
    context.close()


def test_console_has_no_errors_on_any_page(app, live_server, page):
    for code in browser_locales(app):
        for url in expected_headings(app, code):
            page.goto(live_server.url + url)
    assert page.errors == []


def cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


def test_update_is_offered_and_applied_only_when_the_reader_accepts(make_app, tmp_path, page):
    content = tmp_path / "content"
    shutil.copytree(make_app().config["CONTENT_DIR"], content)
    server = LiveServer(make_app(CONTENT_DIR=str(content)))
    try:
        visit_until_saved(page, f"{server.url}/en/start-here/")
        old_caches = cache_names(page)
        assert len(old_caches) == 1
        old_title = page.locator("h1").inner_text()

        chapter = content / "start-here.md"
        chapter.write_text(chapter.read_text().replace(f'title = "{old_title}"', 'title = "Start here, updated"'))
        server.app = make_app(CONTENT_DIR=str(content))  # the new version, on the same port

        page.reload()
        banner = page.locator(".app-update")
        banner.wait_for(state="visible", timeout=20000)
        assert page.locator("h1").inner_text() == old_title  # nothing changes under the reader
        with page.expect_navigation():
            banner.get_by_role("button", name="Reload").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Start here, updated"
        new_caches = cache_names(page)
        assert new_caches != old_caches and len(new_caches) == 1
    finally:
        server.stop()


def test_chromium_says_the_app_is_installable(playwright_instance, live_server, tmp_path):
    context = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path(), args=CHROMIUM_ARGS, **PHONE
    )
    try:
        page = context.new_page()
        visit_until_saved(page, f"{live_server.url}/en/")
        cdp = context.new_cdp_session(page)
        result = cdp.send("Page.getInstallabilityErrors")
        assert result["installabilityErrors"] == []
        manifest = json.loads(page.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.text())"))
        assert {"name", "short_name", "start_url", "scope", "display", "icons", "lang", "dir"} <= set(manifest)
        assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    finally:
        context.close()


def test_a_failed_update_leaves_the_saved_version_working(make_app, tmp_path, page, context):
    content = tmp_path / "content"
    shutil.copytree(make_app().config["CONTENT_DIR"], content)
    faults = Faults(make_app(CONTENT_DIR=str(content)))
    server = LiveServer(faults)
    try:
        visit_until_saved(page, f"{server.url}/en/")
        before = cache_names(page)
        chapter = content / "treatment.md"
        chapter.write_text(chapter.read_text() + "\nA new paragraph.\n")
        # Only changed pages are fetched again (unchanged ones are copied), so break a changed one.
        faults.app = make_app(CONTENT_DIR=str(content))
        faults.fail("/en/treatment/")
        page.reload()
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update()).catch(() => null)")
        for _ in range(100):  # bounded wait: the new worker's install runs and fails
            state = page.evaluate(
                "navigator.serviceWorker.getRegistration().then(r => [!!r.installing, !!r.waiting])"
            )
            if state == [False, False]:
                break
            page.wait_for_timeout(100)
        assert state == [False, False], "the broken version must not be installed"
        assert faults.requested["/en/treatment/"] > 0, "the new version's install must have met the broken URL"
        assert page.locator(".app-update").is_hidden()
        assert cache_names(page) == before
        server.stop()
        assert_every_page_opens(page, expected_headings(make_app(), "en"), server.url)
    finally:
        server.stop()


def test_about_page_shows_what_is_stored_on_the_device(live_server, page):
    visit_until_saved(page, f"{live_server.url}/en/")
    page.goto(f"{live_server.url}/en/about/")
    storage = page.locator(".app-storage")
    expect(storage).to_be_visible()
    expect(storage).to_contain_text("on this device so that it works without a connection")
    assert "MB" in storage.inner_text()
