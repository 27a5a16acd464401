"""The page scripts: one source file per feature, one file on the wire."""

from __future__ import annotations

import re

import pytest

from guide import ROOT
from guide.assets import SCRIPT_SOURCES
from guide.assets import build_static
from guide.assets import join_scripts

STATIC = ROOT / "static"


def test_every_page_loads_one_joined_script(client):
    html = client.get("/en/tools/plan/").get_data(as_text=True)
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert len(scripts) == 1 and re.fullmatch(r"/static/js/guide\.[0-9a-f]{12}\.js", scripts[0])
    response = client.get(scripts[0])
    body = response.get_data(as_text=True)
    response.close()
    for name in SCRIPT_SOURCES:
        assert (STATIC / "js" / name).read_text("utf-8").strip() in body


def test_scripts_are_joined_in_the_listed_order():
    joined = join_scripts(STATIC).decode()
    positions = [joined.index(f"/* {name} */") for name in SCRIPT_SOURCES]
    assert positions == sorted(positions)


def test_source_scripts_are_not_published_separately(tmp_path):
    names = build_static(STATIC, tmp_path)
    assert "js/guide.js" in names
    assert not any(f"js/{name}" in names for name in SCRIPT_SOURCES)


def test_a_script_left_out_of_the_list_is_refused(tmp_path):
    source = tmp_path / "static"
    (source / "js").mkdir(parents=True)
    for name in SCRIPT_SOURCES:
        (source / "js" / name).write_text("(function () {}());\n")
    (source / "js" / "forgotten.js").write_text("(function () {}());\n")
    with pytest.raises(RuntimeError, match="forgotten.js"):
        build_static(source, tmp_path / "out")
