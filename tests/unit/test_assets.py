"""The page scripts: one source file per feature, one file on the wire."""

from __future__ import annotations

import re

import pytest

from guide import ROOT
from guide.assets import SCRIPT
from guide.assets import SCRIPT_SOURCES
from guide.assets import SCRIPTS
from guide.assets import SEARCH_SCRIPT
from guide.assets import TOOLS_SCRIPT
from guide.assets import build_static
from guide.assets import join_scripts

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
    tools = scripts_of(client, "/en/tools/plan/")
    assert [src.split(".")[0] for src, _ in tools] == ["/static/js/guide-tools"]
    body = "".join(text for _, text in chapter + tools)
    for name in SCRIPTS[SCRIPT] + SCRIPTS[TOOLS_SCRIPT]:
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


def test_scripts_are_joined_in_the_listed_order():
    for names in SCRIPTS.values():
        joined = join_scripts(STATIC, names).decode()
        positions = [joined.index(f"/* {name} */") for name in names]
        assert positions == sorted(positions)


def test_source_scripts_are_not_published_separately(tmp_path):
    names = build_static(STATIC, tmp_path)
    assert "js/guide.js" in names and "js/guide-tools.js" in names
    assert not any(f"js/{name}" in names for name in SCRIPT_SOURCES)


def test_a_script_left_out_of_the_list_is_refused(tmp_path):
    source = tmp_path / "static"
    (source / "js").mkdir(parents=True)
    for name in SCRIPT_SOURCES:
        (source / "js" / name).write_text("(function () {}());\n")
    (source / "js" / "forgotten.js").write_text("(function () {}());\n")
    with pytest.raises(RuntimeError, match="forgotten.js"):
        build_static(source, tmp_path / "out")
