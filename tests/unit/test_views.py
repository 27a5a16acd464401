"""What a reader's browser sees: redirects, pages, languages, caching and errors.

What every page is built from (the bar, no other origin): test_page_parts.py; English
fallback marking: test_fallback_marking.py.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import brotli
import pytest

from ..conftest import add_locale

PAGES = ["/{}/", "/{}/about", "/{}/overdose", "/{}/start-here"]


def chapter_urls(app, code):
    return [f"/{code}/{slug}/" for slug in app.extensions["guide"].chapters]


def test_root_redirects_to_the_browsers_language(client):
    response = client.get("/", headers={"Accept-Language": "es-MX,es;q=0.9"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/es/"
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("", "/en/"), ("de", "/en/"), ("es;q=abc", "/en/"), ("x" * 10000, "/en/"), ("ü;q=1", "/en/"),
        (",,,;", "/en/"), ("en;q=2.5,es;q=NaN", "/en/"), (",,,;es", "/en/"),  # ";es" is a parameter, not a language
        # Junk next to a real choice does not hide it.
        ("ü;q=1, es", "/es/"), ("de;q=NaN, es;q=0.3", "/es/"), ("es;q=abc, es-MX;q=0.5", "/es/"),
    ],
)
def test_root_with_odd_accept_language_still_redirects(client, header, target):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"] == target


def test_every_page_answers_in_every_locale(app, client):
    for code in app.extensions["guide"].locales:
        for url in ["/{}/".format(code), f"/{code}/about/", *chapter_urls(app, code)]:
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.get_data(as_text=True)
            locale = app.extensions["guide"].locales[code]
            assert f'<html lang="{locale.tag}" dir="{locale.direction}"' in html, url
            assert "<h1" in html


def test_spanish_page_uses_spanish_ui(client):
    # Untranslated blocks falling back to English, marked: tests/unit/test_fallback_marking.py.
    html = client.get("/es/overdose/").get_data(as_text=True)
    assert '<html lang="es" dir="ltr"' in html
    assert "¿Sobredosis? Qué hacer" in html
    assert "Ir al contenido" in html


def test_chapter_page_has_sections_and_neighbours(app, client):
    slugs = list(app.extensions["guide"].chapters)
    html = client.get(f"/en/{slugs[1]}/").get_data(as_text=True)
    assert f'rel="prev" href="/en/{slugs[0]}/"' in html
    assert f'rel="next" href="/en/{slugs[2]}/"' in html
    anchors = re.findall(r'<li><a href="#([a-z0-9-]+)">', html)
    assert anchors, "on this page list"
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_home_lists_every_chapter_with_its_summary(app, client):
    html = client.get("/en/").get_data(as_text=True)
    for chapter in app.extensions["guide"].chapters.values():
        assert f'href="/en/{chapter.slug}/"' in html
        assert chapter.summary.replace("'", "&#39;") in html


def test_pages_are_cached_with_etags_and_answer_304(client):
    first = client.get("/en/overdose/")
    assert first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get("/en/overdose/", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""
    stale = client.get("/en/overdose/", headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200


@pytest.mark.parametrize("url", ["/ru/treatment/", "/css"])
def test_pages_and_files_are_compressed_as_the_browser_accepts(client, url):
    """Brotli where accepted (every current browser), gzip otherwise, as is when neither."""
    if url == "/css":
        url = re.search(r'href="(/static/css/[^"]+)"', client.get("/en/").get_data(as_text=True)).group(1)
    plain = client.get(url, headers={"Accept-Encoding": ""})
    gz = client.get(url, headers={"Accept-Encoding": "gzip"})
    br = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert "Content-Encoding" not in plain.headers
    assert gz.headers["Content-Encoding"] == "gzip" and gzip.decompress(gz.data) == plain.data
    assert br.headers["Content-Encoding"] == "br" and brotli.decompress(br.data) == plain.data
    assert len(br.data) < len(gz.data) * 0.95
    if not url.startswith("/static/"):  # whitenoise gives a file one ETag in every encoding
        assert len({plain.headers["ETag"], gz.headers["ETag"], br.headers["ETag"]}) == 3
    assert all("Accept-Encoding" in r.headers["Vary"] for r in (plain, gz, br))
    for response in (plain, gz, br):
        response.close()


def test_two_app_instances_serve_identical_pages(make_app):
    one, two = make_app().test_client(), make_app().test_client()
    for url in ["/en/", "/es/overdose/", "/en/about/"]:
        a, b = one.get(url), two.get(url)
        assert a.data == b.data and a.headers["ETag"] == b.headers["ETag"]


def test_unknown_locale_gets_a_404_in_the_browsers_language(client):
    response = client.get("/xx/", headers={"Accept-Language": "es"})
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert '<html lang="es"' in html
    assert "No encontramos esa página" in html
    assert 'href="/es/"' in html


def test_unknown_chapter_gets_a_404_in_the_urls_language(client):
    response = client.get("/es/no-such-chapter/", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "No encontramos esa página" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("url", "target"),
    [("/ES/", "/es/"), ("/es_MX/overdose/", "/es/overdose/"), ("/en-GB/about/", "/en/about/"), ("/es", "/es/")],
)
def test_locale_spellings_redirect_to_the_canonical_url(client, url, target):
    response = client.get(url)
    assert response.status_code in (301, 308)
    assert urlsplit(response.headers["Location"]).path == target


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("url", ["/en/", "/en/overdose/", "/es/about/", "/"])
def test_pages_refuse_writes_with_405(client, method, url):
    response = client.open(url, method=method, data={"x": "y"})
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(("url", "lang", "text"), [("/es/overdose/", "es", "Esta página solo se puede leer"), ("/ar/", "ar", "هذه الصفحة للقراءة فقط"), ("/en/about/", "en", "This page can only be read")])
def test_405_answers_in_the_urls_language(client, url, lang, text):
    response = client.post(url, headers={"Accept-Language": "en" if lang != "en" else "es"})
    assert response.status_code == 405
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}"' in html and text in html
    assert response.headers["Content-Language"] == lang


@pytest.mark.parametrize(
    "url",
    [
        "/en/../../etc/passwd/",
        "/en/%2e%2e/%2e%2e/etc/passwd",
        "/en/..%2fguide%2f__init__.py",
        "/static/../pyproject.toml",
        "/static/%2e%2e/pyproject.toml",
        "/static/css/../../pyproject.toml",
        "/en/overdose%00",
        "/en/" + "a" * 5000,
        "/en/ov%ERerdose",
        "/%F0%9F%92%A9/",
        "/favicon.ico",
    ],
)
def test_strange_paths_get_a_404_not_a_crash(client, url):
    response = client.get(url)
    assert response.status_code in (404, 308), url
    assert b"Traceback" not in response.data
    assert b"[project]" not in response.data


@pytest.mark.parametrize("url", ["/en/overdose/", "/es/", "/ar/about/"])
def test_junk_headers_are_ignored(make_app, url):
    """Junk headers get exactly the page a clean request gets (Flask first, then the fast path)."""
    junk = {"Accept-Encoding": "\x00;;;q=zz", "If-None-Match": "\u00ff" * 300, "Accept-Language": "\x7f"}
    client = make_app().test_client()
    for _ in range(2):
        dirty, clean = client.get(url, headers=junk), client.get(url)
        assert dirty.status_code == clean.status_code == 200
        assert dirty.data == clean.data
        assert sorted(dirty.headers.items()) == sorted(clean.headers.items())


def test_no_response_sets_a_cookie(app, client):
    for url in ["/", "/en/", "/es/overdose/", "/xx/", "/en/about/"]:
        assert "Set-Cookie" not in client.get(url).headers
    assert "Set-Cookie" not in client.post("/en/").headers


def test_html_responses_carry_security_headers(client):
    for url in ["/en/", "/nope/"]:
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert "Strict-Transport-Security" not in headers
    assert "Strict-Transport-Security" in client.get("/en/", base_url="https://localhost").headers


def test_static_files_are_versioned_compressed_and_immutable(client):
    html = client.get("/en/").get_data(as_text=True)
    css_url = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', html).group(1)
    response = client.get(css_url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=31536000" in response.headers["Cache-Control"] or "max-age=315360000" in response.headers["Cache-Control"]
    response.close()
    assert client.get("/static/css/app.css").status_code == 404


def test_static_files_carry_the_security_headers_that_apply_to_them(client):
    """Every file: nosniff and no referrer. A file that can open as a document (an SVG can
    run script) also carries the pages' policy; a stylesheet or script does not need it."""
    html = client.get("/en/overdose/").get_data(as_text=True)
    page = client.get("/en/").headers
    urls = set(re.findall(r'(?:href|src)="(/static/[^"#]+)', html))
    assert any(url.endswith(".svg") for url in urls) and any(url.endswith(".css") for url in urls)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        for name in ("X-Content-Type-Options", "Referrer-Policy"):
            assert response.headers.get(name) == page[name], (url, name)
        if url.endswith(".svg"):
            for name in ("Content-Security-Policy", "Cross-Origin-Opener-Policy"):
                assert response.headers.get(name) == page[name], (url, name)
        response.close()


def test_a_locale_added_as_a_folder_is_served_without_code_changes(make_app, bare_translations):
    add_locale(bare_translations, "pt_BR", {"Contents": "Sumário", "Family Support Guide": "Guia de Apoio à Família"})
    client = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client()
    html = client.get("/pt-br/").get_data(as_text=True)
    assert '<html lang="pt-BR" dir="ltr"' in html
    assert "Guia de Apoio à Família" in html
    assert "Skip to content" in html  # untranslated UI falls back to English


def test_right_to_left_locale_sets_dir(make_app, bare_translations):
    add_locale(bare_translations, "he", {"Contents": "תוכן העניינים"})
    html = make_app(TRANSLATIONS_DIR=str(bare_translations)).test_client().get("/he/").get_data(as_text=True)
    assert '<html lang="he" dir="rtl"' in html
    assert "תוכן העניינים" in html


def test_about_page_shows_draft_status_of_a_translation(client):
    html = client.get("/es/about/").get_data(as_text=True)
    assert "Esta traducción es un borrador" in html
    assert "Esta traducción es un borrador" not in client.get("/en/about/").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/en/overdose/", "/ar/", "/es/manifest.webmanifest", "/sw.js"])
@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_rendered_pages_are_answered_the_same_before_flask(make_app, url, encoding):
    client = make_app().test_client()
    headers = {"Accept-Encoding": encoding}
    first = client.get(url, headers=headers)  # rendered by Flask
    assert url in client.application.extensions["guide"].pages.by_path
    again = client.get(url, headers=headers)  # answered by the fast path
    assert again.data == first.data
    assert sorted(again.headers.items()) == sorted(first.headers.items())
    assert client.get(url, headers={**headers, "If-None-Match": first.headers["ETag"]}).status_code == 304
    head = client.head(url, headers=headers)
    assert head.data == b"" and head.headers["ETag"] == first.headers["ETag"]


def test_forwarded_https_is_trusted_only_from_a_configured_proxy(make_app):
    forwarded = {"X-Forwarded-Proto": "https"}
    plain = make_app().test_client().get("/en/", headers=forwarded)
    assert "Strict-Transport-Security" not in plain.headers
    proxied = make_app(PROXY_ADDRESSES="127.0.0.1").test_client()
    proxied.get("/en/")  # the second request comes from the fast path
    for response in (proxied.get("/en/about/", headers=forwarded), proxied.get("/en/about/", headers=forwarded)):
        assert "max-age" in response.headers["Strict-Transport-Security"]


@pytest.mark.parametrize(("old", "new"), [("/en/overdose", "/en/overdose/"), ("/es/about", "/es/about/"), ("/ar/tools/plan", "/ar/tools/plan/")])
def test_page_urls_end_with_a_slash_and_old_links_still_work(client, old, new):
    response = client.get(old)
    assert response.status_code == 308
    assert urlsplit(response.headers["Location"]).path == new


PAGE_DIGESTS = """
import hashlib, sys
from guide import create_app
client = create_app({"TESTING": True, "STATIC_BUILD_DIR": sys.argv[1]}).test_client()
for url in ("/es/tools/plan/", "/ar/get-help/", "/en/"):
    print(url, hashlib.sha256(client.get(url).get_data()).hexdigest())
"""


def test_every_process_serves_the_same_bytes(tmp_path):
    """gunicorn runs several processes, each with its own string hashing: a page built from
    a set would differ between them, and so would the offline copy's version (readers
    would be offered an "update" on every other request)."""
    def digests(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run([sys.executable, "-c", PAGE_DIGESTS, str(tmp_path / seed)], env=env,
                              capture_output=True, text=True, check=True, timeout=120).stdout
    assert digests("1") == digests("2")
