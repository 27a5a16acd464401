"""``flask translate ...``: the translators' and maintainers' catalog commands."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from flask import Flask
from flask import current_app
from flask.cli import AppGroup
from flask.cli import with_appcontext

from . import ROOT
from .catalog_checks import check_po_file
from .locales import progress
from .locales import template_ids
from .locales import url_code

translate = AppGroup("translate", help="Extract, update and check translation catalogs.")


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def _messages(pot: Path) -> list[tuple]:
    """What matters in a template: ids, locations and comments, not its dates."""
    with pot.open("rb") as fh:
        return [(m.id, m.context, tuple(m.locations), tuple(m.auto_comments)) for m in read_po(fh)]


@translate.command("extract")
def extract_command() -> None:
    """Regenerate translations/messages.pot from the chapters, templates and code."""
    pot = Path(current_app.config["TRANSLATIONS_DIR"]) / "messages.pot"
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "messages.pot"
        with contextlib.chdir(ROOT):  # so locations read guide/content/overdose.md:12
            _pybabel(
                "extract", "--mapping-file", "babel.cfg", "--output-file", str(fresh),
                "--add-comments", "TRANSLATORS:", "--sort-by-file", "--no-wrap",
                "--project", "Family Support Guide", "--version", "1",
                "--copyright-holder", "Family Support Guide contributors", ".",
            )
        if pot.is_file() and _messages(pot) == _messages(fresh):
            click.echo(f"{pot} is up to date ({len(_messages(fresh)) - 1} messages)")
            return
        pot.write_bytes(fresh.read_bytes())
    click.echo(f"wrote {pot} ({len(_messages(pot)) - 1} messages)")


def _translations_dir() -> Path:
    return Path(current_app.config["TRANSLATIONS_DIR"])


@translate.command("init")
@click.argument("language")
def init_command(language: str) -> None:
    """Start a new locale, e.g. ``flask translate init pt_BR``."""
    folder = _translations_dir() / language / "LC_MESSAGES"
    if (folder / "messages.po").exists():
        raise click.ClickException(f"{folder / 'messages.po'} already exists; use 'translate update'")
    _pybabel(
        "init", "--input-file", str(_translations_dir() / "messages.pot"),
        "--output-dir", str(_translations_dir()), "--locale", language, "--no-wrap",
    )
    (folder.parent / "locale.toml").write_text(
        '# "draft" until a native speaker has reviewed the whole translation, then "reviewed".\n'
        'review_status = "draft"\n',
        "utf-8",
    )
    click.echo(f"created {folder / 'messages.po'}: translate it, then restart the app")


@translate.command("update")
def update_command() -> None:
    """Merge the template into every catalog: new messages appear, changed ones turn fuzzy."""
    _pybabel(
        "update", "--input-file", str(_translations_dir() / "messages.pot"),
        "--output-dir", str(_translations_dir()), "--no-wrap", "--ignore-obsolete",
    )


@translate.command("status")
def status_command() -> None:
    """Per locale: translated, fuzzy, untranslated, percent, and whether the menu lists it."""
    site = current_app.extensions["guide"]
    wanted = template_ids(_translations_dir() / "messages.pot")
    click.echo(f"{'locale':8} {'translated':>10} {'fuzzy':>6} {'missing':>8} {'percent':>8}  menu  review")
    for po_path in sorted(_translations_dir().glob("*/LC_MESSAGES/messages.po")):
        code = url_code(po_path.parent.parent.name)
        with po_path.open("rb") as fh:
            catalog = read_po(fh)
        done, fuzzy, counted = progress(catalog, wanted)
        done, fuzzy = len(done), len(fuzzy)
        locale = site.locales.get(code)
        listed = "yes" if locale in site.menu else ("DISABLED" if locale is None else "no")
        review = locale.review_status if locale else "-"
        missing = len(counted) - done - fuzzy
        percent = 100 * done / len(counted) if counted else 0
        click.echo(f"{code:8} {done:10} {fuzzy:6} {missing:8} {percent:7.1f}%  {listed:4}  {review}")


@translate.command("check")
def check_command() -> None:
    """Check every catalog: placeholders, links, HTML, emphasis, plural forms, compiling."""
    failed = False
    for po_path in sorted(_translations_dir().glob("*/LC_MESSAGES/messages.po")):
        problems = check_po_file(po_path)
        code = url_code(po_path.parent.parent.name)
        click.echo(f"{code}: {'ok' if not problems else f'{len(problems)} problem(s)'}")
        for problem in problems:
            click.echo(f"  {po_path}: {problem}")
        failed = failed or bool(problems)
    if failed:
        raise click.ClickException("fix the problems above; the app would not show those translations safely")


@click.command("freeze")
@with_appcontext
@click.argument("destination", default="build/site", type=click.Path(file_okay=False, path_type=Path))
def freeze_command(destination: Path) -> None:
    """Write the whole site as static files into DESTINATION (default: build/site)."""
    from .freeze import freeze_site

    urls = freeze_site(current_app._get_current_object(), destination)
    click.echo(f"froze {len(urls)} URLs into {destination.resolve()}")


def init_app(app: Flask) -> None:
    app.cli.add_command(translate)
    app.cli.add_command(freeze_command)
