"""``flask translate ...``: the translators' and maintainers' catalog commands."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import click
from babel import UnknownLocaleError
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from flask import Flask
from flask import current_app
from flask.cli import AppGroup
from flask.cli import with_appcontext
from werkzeug.serving import run_simple

from . import ROOT
from .catalog_checks import check_folder
from .catalog_checks import closing_line
from .catalog_checks import describe
from .catalog_review import parse_folder
from .catalog_status import menu_verdict
from .catalog_status import status_lines
from .locales import DRAFTERS
from .locales import catalog_paths
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


def _folder_name(language: str) -> str:
    """``pt-BR``, ``pt_br`` -> ``pt_BR``: Babel's spelling, which every tool accepts."""
    try:
        return str(parse_folder(language))
    except (ValueError, UnknownLocaleError) as exc:
        raise click.ClickException(f"{language!r} is not a language code Babel knows: {exc}") from exc


@translate.command("init")
@click.argument("language")
@click.option("--drafted-by", type=click.Choice(DRAFTERS), default="people", show_default=True,
              help="Who writes the first draft: 'machine' if you start from machine translation.")
def init_command(language: str, drafted_by: str) -> None:
    """Start a new locale, e.g. ``flask translate init pt_BR``."""
    name = _folder_name(language)
    existing = catalog_paths(_translations_dir()).get(url_code(name))
    if existing:
        raise click.ClickException(f"{existing} already exists; use 'translate update'")
    folder = _translations_dir() / name / "LC_MESSAGES"
    _pybabel(
        "init", "--input-file", str(_translations_dir() / "messages.pot"),
        "--output-dir", str(_translations_dir()), "--locale", name, "--no-wrap",
    )
    (folder.parent / "locale.toml").write_text(
        '# "draft" until a native speaker has reviewed the whole translation, then "reviewed".\n'
        'review_status = "draft"\n'
        '# "machine" if the first draft came from machine translation, "people" if people wrote it.\n'
        f'drafted_by = "{drafted_by}"\n',
        "utf-8",
    )
    click.echo(f"created {folder / 'messages.po'}: translate it, then preview it with 'translate serve {name}'")


@translate.command("update")
def update_command() -> None:
    """Merge the template into every catalog: new messages appear, changed ones turn fuzzy."""
    _pybabel(
        "update", "--input-file", str(_translations_dir() / "messages.pot"),
        "--output-dir", str(_translations_dir()), "--no-wrap", "--ignore-obsolete",
    )


@translate.command("status")
def status_command() -> None:
    """Per locale and area: translated, fuzzy, errors, missing, and whether the menu lists it."""
    site = current_app.extensions["guide"]
    for code, po_path in catalog_paths(_translations_dir()).items():
        for line in status_lines(site, code, po_path.parent.parent.name):
            click.echo(line)


@translate.command("serve")
@click.argument("language")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
def serve_command(language: str, host: str, port: int) -> None:
    """Preview LANGUAGE: the app, with it in the language menu however complete it is."""
    site = current_app.extensions["guide"]
    code = url_code(language)
    if code not in site.locales:
        raise click.ClickException(
            f"there is no readable catalog for {language}: start one with 'translate init {language}', "
            "or run 'translate check' to see why it cannot be read"
        )
    site.preview.add(code)
    locale = site.locales[code]
    click.echo(f"Previewing {locale.name}: open http://{host}:{port}/{code}/ (stop with Ctrl+C).")
    click.echo(f"{locale.completeness:.1%} translated; {menu_verdict(site, locale)}.")
    click.echo("The app reads the catalog when it starts: stop it and run this command again to see new work.")
    click.echo("Your browser also keeps an offline copy, so the first reload after a restart may show the old text: "
               "reload once more, or press Reload in the 'new version' notice.")
    run_simple(host, port, current_app._get_current_object(), threaded=True)


@translate.command("check")
@click.option("--strict", is_flag=True, help="Also fail on warnings and fuzzy messages (as CI does for shipped catalogs).")
def check_command(strict: bool) -> None:
    """Check every catalog with the app's own rules; name each problem's line and fix."""
    verdicts = check_folder(_translations_dir())
    for verdict in verdicts:
        for problem in verdict.problems:
            click.echo(describe(verdict.path, problem))
    for verdict in verdicts:
        click.echo(verdict.summary())
    click.echo(closing_line(verdicts))
    if any(v.errors for v in verdicts) or (strict and any(v.problems for v in verdicts)):
        raise SystemExit(1)


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
