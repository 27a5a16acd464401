"""Static files: content-hashed names, brotli and gzip variants, served by whitenoise.

At start-up every file in ``static/`` is copied to the build directory under a name
that carries its content hash (``css/app.3f2a1b2c4d5e.css``) plus ``.br`` and ``.gz``
variants for text files. Whitenoise serves that directory with one-year immutable caching:
a changed file gets a new URL, so no reader ever sees a stale stylesheet.
Writing is idempotent and atomic, so several worker processes can start at once.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import tempfile
from pathlib import Path
from pathlib import PurePosixPath

import brotli
from whitenoise import WhiteNoise

from .figures import sprite
from .serving import SECURITY_HEADERS

COMPRESSIBLE = {".css", ".js", ".svg", ".json", ".txt", ".webmanifest", ".html"}
URL_PREFIX = "/static/"

#: The chapters' pictures, all in one file (guide/figures.py).
FIGURES = "figures.svg"
#: The page scripts: one small file per feature in ``static/js/``, joined in this order
#: into one file on the wire per kind of page, so every page makes one script request.
#: Chapters and the other pages load `SCRIPT`; a tool page loads its own `tool_script`
#: instead: the same core, what the tools share, that tool's file, then files and kept
#: copies. A chapter does not carry the tools' code and a tool page does not carry the
#: other tools' code or what only chapters use, so a new tool makes no other page
#: heavier. Each source file is a self-contained IIFE; a feature that needs another
#: reads it from ``window.guide``.
SCRIPT = "js/guide.js"
#: On no page: the bar's menu loads it when first opened (menu.js), so the pages'
#: budgets stay as they are.
SEARCH_SCRIPT = "js/guide-search.js"
CORE_SCRIPTS = (
    "app.js", "offline.js", "install.js", "menu.js", "exit.js", "call.js",
    "schema.js", "storage.js",  # family data: its shape, then the one storage layer
    "overdose-plan.js",  # the plan's essentials in the overdose steps (also printed with a plan)
)
#: Each tool's own file in ``static/js/``.
TOOL_SOURCES = {"plan": "plan.js", "scripts": "scripts.js", "self-check": "self-check.js", "craft": "craft.js"}


def tool_script(tool: str) -> str:
    """The joined script a tool page loads (instead of `SCRIPT`)."""
    return f"js/tool-{tool}.js"


SCRIPTS = {
    SCRIPT: (*CORE_SCRIPTS, "print-card.js", "script-actions.js", "listen.js"),
    **{tool_script(tool): (*CORE_SCRIPTS, "tools.js", own, "data.js", "copies.js") for tool, own in TOOL_SOURCES.items()},
    SEARCH_SCRIPT: ("search.js",),
}
SCRIPT_SOURCES = tuple(dict.fromkeys(name for names in SCRIPTS.values() for name in names))
#: Whole-line comments: explanations for people reading the source, not for the wire.
_BLOCK_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.M | re.S)
_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n", re.M)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _write_atomic(target: Path, data: bytes, mtime: float) -> None:
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.utime(tmp, (mtime, mtime))
    os.replace(tmp, target)


def join_scripts(source: Path, names: tuple[str, ...] = SCRIPTS[SCRIPT]) -> bytes:
    """``names`` from ``static/js`` joined in order: plain concatenation, no bundler.

    Whole-line comments are left out; every file keeps a one-line header naming it.
    """
    listed = set(SCRIPT_SOURCES)
    unlisted = sorted(p.name for p in (source / "js").glob("*.js") if p.name not in listed)
    if unlisted:
        raise RuntimeError(f"static/js has files not in assets.SCRIPT_SOURCES: {', '.join(unlisted)}")
    parts = []
    for name in names:
        code = (source / "js" / name).read_text("utf-8").strip() + "\n"
        code = _LINE_COMMENT.sub("", _BLOCK_COMMENT.sub("", code))
        parts.append(f"/* {name} */\n{code}")
    return "\n".join(parts).encode("utf-8")


def minify_css(css: str) -> str:
    """The stylesheet without comments and runs of white space (strings keep their spaces)."""
    css = _CSS_COMMENT.sub("", css)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r" ?([{};]) ?", r"\1", css).strip() + "\n"


def _published(source: Path):
    """``(name, bytes)`` for every file the site serves from ``static/``."""
    scripts = {f"js/{name}" for name in SCRIPT_SOURCES}
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        rel = path.relative_to(source).as_posix()
        if rel in scripts or any(part.startswith(".") for part in rel.split("/")):
            continue
        data = path.read_bytes()
        yield rel, minify_css(data.decode("utf-8")).encode("utf-8") if rel.endswith(".css") else data
    for name, names in SCRIPTS.items():
        yield name, join_scripts(source, names)
    yield FIGURES, sprite()


_PACKERS = (
    (".gz", lambda data: gzip.compress(data, compresslevel=9, mtime=0)),
    (".br", lambda data: brotli.compress(data, quality=11)),
)


def build_static(source: Path, out: Path) -> dict[str, str]:
    """Copy ``source`` into ``out`` with hashed names; return ``{name: hashed name}``.

    The scripts in `SCRIPT_SOURCES` are published only joined, as the names in `SCRIPTS`.
    """
    manifest: dict[str, str] = {}
    for name, data in _published(source):
        rel = PurePosixPath(name)
        hashed = rel.with_name(f"{rel.stem}.{content_hash(data)}{rel.suffix}")
        # The mtime is derived from the content so every instance sends the same ETag.
        mtime = int(content_hash(data)[:7], 16)
        _write_atomic(out / hashed, data, mtime)
        if rel.suffix in COMPRESSIBLE:
            # whitenoise sends the .br file to browsers that accept brotli, else the .gz.
            # Compressed only when missing: brotli's best setting takes a while, and every
            # worker (and every test app) starts by building the folder.
            for suffix, pack in _PACKERS:
                target = out / f"{hashed}{suffix}"
                if not target.exists() and len(packed := pack(data)) < len(data):
                    _write_atomic(target, packed, mtime)
        manifest[name] = hashed.as_posix()
    return manifest


#: Files a browser never shows as a document (a stylesheet, a script, a picture in PNG):
#: a policy for documents has no effect on them, so they carry only these two headers,
#: which saves about 450 bytes on each (first render included). An SVG can be opened as
#: a document and run script, so it gets every header, as pages do.
NOT_DOCUMENTS = {".css", ".js", ".png", ".json", ".gz", ".br"}
FILE_HEADERS = ("X-Content-Type-Options", "Referrer-Policy")


def _security_headers(headers, path, url) -> None:
    names = FILE_HEADERS if Path(path).suffix in NOT_DOCUMENTS else SECURITY_HEADERS
    for name in names:
        headers.setdefault(name, SECURITY_HEADERS[name])


def serve_static(wsgi_app, out: Path):
    """Wrap ``wsgi_app`` so whitenoise answers ``/static/...`` from ``out``, with the pages' security headers."""
    return WhiteNoise(
        wsgi_app,
        root=str(out),
        prefix=URL_PREFIX,
        immutable_file_test=lambda path, url: True,
        max_age=WhiteNoise.FOREVER,
        add_headers_function=_security_headers,
    )
