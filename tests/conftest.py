"""Shared fixtures: an app per test (settings passed in, nothing patched) and its client."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.messages.pofile import write_po

from guide import ROOT
from guide import create_app

TRANSLATIONS = ROOT / "translations"


@pytest.fixture(scope="session")
def static_build(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("static-build")


@pytest.fixture
def make_app(static_build):
    """``make_app(**config)`` builds an app with test settings."""

    def make(**config):
        return create_app({"TESTING": True, "STATIC_BUILD_DIR": str(static_build), **config})

    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def translations_copy(tmp_path) -> Path:
    """A private copy of translations/ that a test may add locales to."""
    target = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, target)
    return target


@pytest.fixture
def bare_translations(tmp_path) -> Path:
    """A translations folder holding only the template: no shipped locale to collide with.

    Tests that add a throwaway locale use this, so shipping a real French (or any other)
    translation one day never breaks them.
    """
    target = tmp_path / "bare-translations"
    target.mkdir()
    shutil.copy(TRANSLATIONS / "messages.pot", target / "messages.pot")
    return target


def add_locale(translations: Path, folder: str, messages: dict, status: str | None = None) -> Path:
    """Create ``translations/<folder>`` from the template with ``messages`` translated.

    A key is an English message id (the singular for a plural message), or a
    ``(msgctxt, msgid)`` pair; a value is the translation, or a tuple of plural forms.
    """
    with (translations / "messages.pot").open("rb") as fh:
        catalog = read_po(fh, locale=folder.replace("-", "_"))
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        for wanted in ((message.context, key), key) if message.context else (key,):
            if wanted in messages:
                message.string = messages[wanted]
                break
    po = translations / folder / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as fh:
        write_po(fh, catalog, width=0)
    if status:
        (translations / folder / "locale.toml").write_text(f'review_status = "{status}"\n')
    return po
