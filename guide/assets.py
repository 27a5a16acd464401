"""Static files: content-hashed names, gzip variants, served by whitenoise.

At start-up every file in ``static/`` is copied to the build directory under a name
that carries its content hash (``css/app.3f2a1b2c4d5e.css``) plus a ``.gz`` variant
for text files. Whitenoise serves that directory with one-year immutable caching:
a changed file gets a new URL, so no reader ever sees a stale stylesheet.
Writing is idempotent and atomic, so several worker processes can start at once.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

from whitenoise import WhiteNoise

from .serving import SECURITY_HEADERS

COMPRESSIBLE = {".css", ".js", ".svg", ".json", ".txt", ".webmanifest", ".html"}
URL_PREFIX = "/static/"


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


def build_static(source: Path, out: Path) -> dict[str, str]:
    """Copy ``source`` into ``out`` with hashed names; return ``{name: hashed name}``."""
    manifest: dict[str, str] = {}
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        rel = path.relative_to(source)
        if any(part.startswith(".") for part in rel.parts):
            continue
        data = path.read_bytes()
        hashed = rel.with_name(f"{rel.stem}.{content_hash(data)}{rel.suffix}")
        # The mtime is derived from the content so every instance sends the same ETag.
        mtime = int(content_hash(data)[:7], 16)
        _write_atomic(out / hashed, data, mtime)
        if rel.suffix in COMPRESSIBLE:
            packed = gzip.compress(data, compresslevel=9, mtime=0)
            if len(packed) < len(data):
                _write_atomic(out / f"{hashed}.gz", packed, mtime)
        manifest[rel.as_posix()] = hashed.as_posix()
    return manifest


def _security_headers(headers, path, url) -> None:
    for name, value in SECURITY_HEADERS.items():
        headers.setdefault(name, value)


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
