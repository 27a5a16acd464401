"""The frozen site: complete, deterministic, and every internal link lands on a file."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest

from guide.freeze import freeze_site


@pytest.fixture(scope="module")
def frozen(tmp_path_factory) -> Path:
    from guide import create_app

    app = create_app({"TESTING": True, "STATIC_BUILD_DIR": str(tmp_path_factory.mktemp("static"))})
    destination = tmp_path_factory.mktemp("frozen") / "site"
    freeze_site(app, destination)
    return destination


def digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_every_page_of_every_locale_is_a_folder_with_index_html(frozen, app):
    site = app.extensions["guide"]
    for code in site.locales:
        for page in ["", "about/", "offline/", "tools/", "tools/plan/", "tools/scripts/", "tools/self-check/"]:
            assert (frozen / code / page / "index.html").is_file(), f"{code}/{page}"
        for slug in site.chapters:
            html = (frozen / code / slug / "index.html").read_text("utf-8")
            assert f'<html lang="{site.locales[code].tag}"' in html
        assert (frozen / code / "manifest.webmanifest").is_file()
    for name in ["index.html", "404.html", "sw.js", "_headers", "nginx.conf.example"]:
        assert (frozen / name).is_file(), name


def test_static_files_keep_hashed_names_and_gzip_variants(frozen, app):
    for name, hashed in app.extensions["guide"].static_files.items():
        assert (frozen / "static" / hashed).is_file(), name
    assert list((frozen / "static" / "css").glob("app.*.css.gz"))


def test_each_language_search_index_is_frozen_with_a_gzip_variant(frozen, app):
    for code in app.extensions["guide"].locales:
        html = (frozen / code / "index.html").read_text("utf-8")
        index = frozen / re.search(r'data-index="/([^"]+)"', html).group(1)
        assert json.loads(index.read_bytes())["pages"][0].startswith(f"/{code}/")
        assert gzip.decompress(index.with_name(index.name + ".gz").read_bytes()) == index.read_bytes()


def test_root_page_lists_every_offered_language(frozen, app):
    html = (frozen / "index.html").read_text("utf-8")
    assert "data-choose-language" in html
    for locale in app.extensions["guide"].menu:
        assert f'href="/{locale.code}/"' in html


def test_404_page_is_the_apps(frozen):
    assert "We could not find that page" in (frozen / "404.html").read_text("utf-8")


def test_headers_files_carry_the_apps_headers(frozen):
    headers = (frozen / "_headers").read_text("utf-8")
    assert "Content-Security-Policy: default-src 'self'" in headers
    assert "X-Content-Type-Options: nosniff" in headers and "Referrer-Policy: no-referrer" in headers
    assert "/static/*\n  Cache-Control: public, max-age=31536000, immutable" in headers
    assert "/sw.js\n  Cache-Control: no-cache" in headers
    nginx = (frozen / "nginx.conf.example").read_text("utf-8")
    assert nginx.count("Content-Security-Policy") == 3  # repeated in every location, as nginx needs
    assert "try_files $uri $uri/ =404;" in nginx


def test_every_internal_link_resolves_to_a_file(frozen):
    missing = []
    for page in frozen.rglob("*.html"):
        for ref in re.findall(r'(?:href|src)="(/[^"]*)"', page.read_text("utf-8")):
            path = ref.split("#")[0].split("?")[0]
            target = frozen / path.lstrip("/")
            if path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                missing.append((str(page.relative_to(frozen)), ref))
    assert missing == []


def test_two_freezes_are_byte_identical(frozen, tmp_path):
    from guide import create_app

    again = tmp_path / "again"
    freeze_site(create_app({"TESTING": True, "STATIC_BUILD_DIR": str(tmp_path / "static")}), again)
    assert digest(again) == digest(frozen)


def test_freeze_command_writes_the_folder(make_app, tmp_path):
    result = make_app().test_cli_runner().invoke(args=["freeze", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "en" / "overdose" / "index.html").is_file()
