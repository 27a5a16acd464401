"""The page scripts: one source file per feature, one file on the wire."""

from __future__ import annotations

import gzip
import re

import pytest

from guide import ROOT
from guide.assets import SCRIPT
from guide.assets import SCRIPT_SOURCES
from guide.assets import SCRIPTS
from guide.assets import SEARCH_SCRIPT
from guide.assets import build_static
from guide.assets import join_scripts
from guide.assets import tool_script
from guide.tools import TOOLS

STATIC = ROOT / "static"


def scripts_of(client, url):
    html = client.get(url).get_data(as_text=True)
    bodies = []
    for src in re.findall(r'<script[^>]+src="([^"]+)"', html):
        response = client.get(src)
        bodies.append((src, response.get_data(as_text=True)))
        response.close()
    return bodies


def test_every_page_loads_one_joined_script_and_a_tool_page_the_tools_one(client):
    chapter = scripts_of(client, "/en/treatment/")
    assert len(chapter) == 1 and re.fullmatch(r"/static/js/guide\.[0-9a-f]{12}\.js", chapter[0][0])
    body = "".join(text for _, text in chapter)
    for tool in TOOLS:
        scripts = scripts_of(client, f"/en/tools/{tool}/")
        assert [src.split(".")[0] for src, _ in scripts] == [f"/static/js/tool-{tool}"]
        body += "".join(text for _, text in scripts)
    for name in (n for n in SCRIPT_SOURCES if n != "search.js"):
        assert f"/* {name} */" in body
        # Whole-line comments are left out; the code itself is all there.
        first_code = next(line for line in (STATIC / "js" / name).read_text("utf-8").splitlines()
                          if line.strip().startswith(("(function", "var ", "if (")))
        assert first_code in body
    assert "tools.js" not in chapter[0][1]
    assert "/* search.js */" not in body


def test_the_search_script_is_on_no_page_but_named_by_the_search_box(client):
    """The bar's menu loads it when first opened (menu.js), so no page carries its weight."""
    html = client.get("/en/tools/plan/").get_data(as_text=True)
    src = re.search(r'data-script="(/static/js/guide-search\.[0-9a-f]{12}\.js)"', html).group(1)
    assert src not in re.findall(r'<script[^>]+src="([^"]+)"', html)
    response = client.get(src)
    assert "/* search.js */" in response.get_data(as_text=True) and SCRIPTS[SEARCH_SCRIPT] == ("search.js",)
    response.close()


def test_a_tool_page_carries_only_its_own_tools_code(client):
    """A new tool must not make the other tool pages heavier (the 30 KB page budget)."""
    own = {tool: SCRIPTS[tool_script(tool)] for tool in TOOLS}
    for tool, names in own.items():
        _, body = scripts_of(client, f"/en/tools/{tool}/")[0]
        others = {name for other, its in own.items() if other != tool for name in its} - set(names)
        assert others and not [name for name in others if f"/* {name} */" in body]
        assert "/* tools.js */" in body and "/* data.js */" in body and "/* copies.js */" in body


def test_scripts_are_joined_in_the_listed_order():
    for names in SCRIPTS.values():
        joined = join_scripts(STATIC, names).decode()
        positions = [joined.index(f"/* {name} */") for name in names]
        assert positions == sorted(positions)


def test_source_scripts_are_not_published_separately(tmp_path):
    names = build_static(STATIC, tmp_path)
    assert "js/guide.js" in names and all(tool_script(tool) in names for tool in TOOLS)
    assert not any(f"js/{name}" in names for name in SCRIPT_SOURCES)


def test_a_script_left_out_of_the_list_is_refused(tmp_path):
    source = tmp_path / "static"
    (source / "js").mkdir(parents=True)
    for name in SCRIPT_SOURCES:
        (source / "js" / name).write_text("(function () {}());\n")
    (source / "js" / "forgotten.js").write_text("(function () {}());\n")
    with pytest.raises(RuntimeError, match="forgotten.js"):
        build_static(source, tmp_path / "out")


def test_reading_aloud_is_in_the_chapters_script_and_small():
    """listen.js (issue 17) rides in every chapter's script, so it stays within 2 KB gzip as served."""
    assert "listen.js" in SCRIPTS[SCRIPT]
    assert not any("listen.js" in SCRIPTS[tool_script(tool)] for tool in TOOLS)
    assert len(gzip.compress(join_scripts(STATIC, ("listen.js",)), 9)) <= 2048
