"""The service worker's version follows the content exactly; the manifest is per locale."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil

import pytest


def sw_version(client) -> str:
    return re.search(r'var VERSION = "([0-9a-f]+)"', client.get("/sw.js").get_data(as_text=True)).group(1)


def test_sw_is_served_from_the_root_and_always_revalidated(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    again = client.get("/sw.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_sw_precaches_every_page_of_every_locale_and_every_static_file(app, client):
    body = client.get("/sw.js").get_data(as_text=True)
    precache = json.loads(re.search(r"var PRECACHE = (\{.*?\});\n", body, re.DOTALL).group(1))
    site = app.extensions["guide"]
    assert set(precache["locales"]) == set(site.locales)
    urls = {url for url, _ in precache["locales"]["es"]}
    assert {"/es/", "/es/about/", "/es/offline/", "/es/manifest.webmanifest"} <= urls
    assert {f"/es/{slug}/" for slug in site.chapters} <= urls
    assert {url for url, _ in precache["shared"]} == {"/static/" + name for name in site.static_files.values()}

def test_every_revision_is_the_hash_of_the_body_served(app, client):
    """The worker stores a body only if it hashes to this: a mismatch would save nothing."""
    body = client.get("/sw.js").get_data(as_text=True)
    precache = json.loads(re.search(r"var PRECACHE = (\{.*?\});\n", body, re.DOTALL).group(1))
    entries = precache["shared"] + [entry for code in precache["locales"] for entry in precache["locales"][code]]
    for url, revision in entries:
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        served = gzip.decompress(response.data) if response.headers.get("Content-Encoding") == "gzip" else response.data
        response.close()
        assert len(revision) >= 12 and hashlib.sha256(served).hexdigest().startswith(revision), url


def test_sw_version_is_stable_when_nothing_changed(make_app):
    assert sw_version(make_app().test_client()) == sw_version(make_app().test_client())


@pytest.fixture
def sources(tmp_path, app):
    """Private copies of content, translations and static files a test may edit."""
    copies = {}
    for key in ("CONTENT_DIR", "TRANSLATIONS_DIR", "STATIC_DIR"):
        copies[key] = tmp_path / key.lower()
        shutil.copytree(app.config[key], copies[key])
    return copies


def version_with(make_app, sources, tmp_path) -> str:
    config = {key: str(path) for key, path in sources.items()}
    return sw_version(make_app(**config, STATIC_BUILD_DIR=str(tmp_path / "build")).test_client())


def test_sw_version_changes_with_a_chapter(make_app, sources, tmp_path):
    before = version_with(make_app, sources, tmp_path)
    chapter = sources["CONTENT_DIR"] / "overdose.md"
    chapter.write_text(chapter.read_text() + "\nOne more paragraph.\n")
    assert version_with(make_app, sources, tmp_path) != before


def test_sw_version_changes_with_a_catalog(make_app, sources, tmp_path):
    before = version_with(make_app, sources, tmp_path)
    po = sources["TRANSLATIONS_DIR"] / "es" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text("utf-8").replace('msgstr "Índice"', 'msgstr "Índice general"', 1), "utf-8")
    assert version_with(make_app, sources, tmp_path) != before


def test_sw_version_changes_with_a_static_file(make_app, sources, tmp_path):
    before = version_with(make_app, sources, tmp_path)
    css = sources["STATIC_DIR"] / "css" / "app.css"
    css.write_text(css.read_text() + "\n.app-changed { color: red; }\n")  # a comment alone is minified away
    assert version_with(make_app, sources, tmp_path) != before


def test_manifest_is_translated_and_scoped_for_each_locale(client):
    response = client.get("/es/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.data)
    assert manifest["lang"] == "es" and manifest["dir"] == "ltr"
    assert manifest["name"] == "Guía de apoyo para familias"
    assert manifest["start_url"] == "/es/" and manifest["id"] == "/es/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        image = client.get(icon["src"])
        assert image.status_code == 200 and image.data[:8] == b"\x89PNG\r\n\x1a\n"
        image.close()


def test_pages_link_the_manifest_and_theme_colour(client):
    html = client.get("/es/overdose/").get_data(as_text=True)
    assert '<link rel="manifest" href="/es/manifest.webmanifest">' in html
    assert '<meta name="theme-color"' in html
    assert '<link rel="apple-touch-icon"' in html


def test_offline_page_lists_the_saved_pages(app, client):
    html = client.get("/en/offline/").get_data(as_text=True)
    for slug in app.extensions["guide"].chapters:
        assert f'href="/en/{slug}/"' in html


def test_every_locale_manifest_has_discreet_shortcuts_to_the_steps_and_the_plan(app, client):
    for code in app.extensions["guide"].locales:
        manifest = json.loads(client.get(f"/{code}/manifest.webmanifest").data)
        urls = [shortcut["url"] for shortcut in manifest["shortcuts"]]
        assert urls == [f"/{code}/overdose/", f"/{code}/tools/plan/"]
        for shortcut in manifest["shortcuts"]:
            assert client.get(shortcut["url"]).status_code == 200
            # Visible to anyone holding the phone: no drug or family words in the names.
            assert not any(word in shortcut["name"].lower() for word in ("overdose", "opioid", "naloxone", "family"))
