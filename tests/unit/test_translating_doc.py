"""TRANSLATING.md, followed to the letter: a new locale in a temporary folder, no developer.

The commands are read from the document's step-by-step section, so the test follows
the docs as they are written; each runs as a translator runs it, in a terminal.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from babel.messages.pofile import read_po
from babel.messages.pofile import write_po

from guide import ROOT

DOC = (ROOT / "TRANSLATING.md").read_text("utf-8")
STEPS = DOC.split("## Your first language, step by step")[1].split("\n## ")[0]
FLASK = str(Path(sys.executable).parent / "flask")


def doc_commands() -> list[str]:
    """The ``.venv/bin/flask ...`` lines of the step-by-step section, in order."""
    return re.findall(r"^ {7}(\.venv/bin/flask --app wsgi translate .+)$", STEPS, re.M)


def run(command: str, env: dict, **options) -> subprocess.CompletedProcess:
    args = command.split()
    args[0] = FLASK  # this test's own .venv/bin/flask
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, **options)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, wait: float = 30) -> str:
    deadline = time.monotonic() + wait
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_new_translator_adds_a_locale_by_following_translating_md(tmp_path):
    commands = doc_commands()
    verbs = [c.split()[4] for c in commands]
    assert verbs == ["init", "serve", "check", "status"], commands
    # "copy translations/messages.pot into an empty folder and point the app at it"
    assert "GUIDE_TRANSLATIONS_DIR" in STEPS
    shipped = sorted(p.relative_to(ROOT) for p in (ROOT / "translations").rglob("*"))
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(ROOT / "translations" / "messages.pot", folder)
    env = {**os.environ, "GUIDE_TRANSLATIONS_DIR": str(folder), "GUIDE_STATIC_BUILD_DIR": str(tmp_path / "static")}
    init, serve, check, status = commands

    # 2. Start your language.
    result = run(init, env)
    assert result.returncode == 0, result.stderr
    po = folder / "fr" / "LC_MESSAGES" / "messages.po"
    assert po.is_file() and (folder / "fr" / "locale.toml").is_file()

    # 3. Translate (what a translator's editor does to the file).
    with po.open("rb") as fh:
        catalog = read_po(fh)
    catalog["Contents"].string = "Sommaire"
    catalog["Overdose? What to do"].string = "Overdose\u00a0? Que faire"
    with po.open("wb") as fh:
        write_po(fh, catalog)

    # 4. See it: the preview lists French in the menu although it is far from complete.
    port = free_port()
    server = subprocess.Popen(
        [FLASK, *serve.split()[1:], "--port", str(port)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        html = fetch(f"http://127.0.0.1:{port}/fr/")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert f"http://127.0.0.1:{port}/fr/" in output and "offline copy" in output
    assert '<html lang="fr" dir="ltr"' in html and "Sommaire" in html and "Overdose\u00a0? Que faire" in html
    assert 'hreflang="fr"' in html.split('app-menu__panel')[1]
    assert "data-incomplete" in html  # honest: the translation is not finished

    # 5. Check: clean, then a mistake named with its line.
    result = run(check, env)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1] == "no problems: the app shows every translation in these catalogs"
    po.write_text(po.read_text("utf-8").replace('msgstr "Sommaire"', 'msgstr "<b>Sommaire</b>"'), "utf-8")
    result = run(check, env)
    assert result.returncode != 0
    assert re.search(r"messages\.po:\d+: error: contains HTML", result.stdout), result.stdout

    # 6. Status: per area, and why the menu does not list French yet.
    result = run(status, env)
    assert result.returncode == 0, result.stderr
    assert "open by its address only" in result.stdout
    for area in ("interface", "overdose", "get-help", "chapters", "helplines"):
        assert re.search(rf"^    {area} ", result.stdout, re.M), result.stdout
    assert sorted(p.relative_to(ROOT) for p in (ROOT / "translations").rglob("*")) == shipped  # never touched
