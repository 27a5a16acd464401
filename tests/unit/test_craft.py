"""The CRAFT practice tool: a page of its own, linked from the chapters that teach it."""

from __future__ import annotations

import re

import pytest

from guide.tools import CHAPTER_TOOLS
from guide.tools import TOOL_CHAPTERS
from guide.tools import TOOLS

from .html_tree import parse


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def tool_links(html: str) -> list[str]:
    return re.findall(r'<p class="app-tool-link"><a href="/en/tools/([a-z-]+)/"', html)


def test_one_chapter_can_link_two_tools_and_one_tool_two_chapters():
    assert "craft" in TOOLS
    assert set(TOOL_CHAPTERS["craft"]) == {"talking-together", "helping-or-enabling"}
    assert CHAPTER_TOOLS["helping-or-enabling"] == ("self-check", "craft")
    assert CHAPTER_TOOLS["talking-together"] == ("craft",)
    for chapter, tools in CHAPTER_TOOLS.items():
        assert all(chapter in TOOL_CHAPTERS[tool] for tool in tools)


@pytest.mark.parametrize(("slug", "tools"), [
    ("talking-together", ["craft"]),
    ("helping-or-enabling", ["self-check", "craft"]),
    ("boundaries", ["scripts"]),
    ("relapse-planning", ["plan"]),
    ("treatment", []),
])
def test_chapters_link_the_tools_that_practise_them(client, slug, tools):
    assert tool_links(page(client, f"/en/{slug}/")) == tools


def test_the_tools_page_and_the_offline_copy_include_it(client):
    assert "/en/tools/craft/" in page(client, "/en/tools/")
    worker = page(client, "/sw.js")
    assert '"/en/tools/craft/"' in worker and '"/ar/tools/craft/"' in worker


def test_the_page_has_both_worksheets_a_description_and_labelled_fields(client):
    html = page(client, "/en/tools/craft/")
    description = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert description and "before and after" in description.group(1).lower()
    assert '<h2 id="before-after">Before and after</h2>' in html
    assert '<h2 id="good-moments">Good moments</h2>' in html
    tree = parse(html)
    labels = {label.attrs["for"] for label in tree.find_all("label") if "for" in label.attrs}
    fields = [el for el in tree.find_all("textarea") + tree.find_all("input") if el.attrs.get("type") != "file"]
    fields = [el for el in fields if el.attrs.get("type") not in ("radio", "checkbox")]
    assert fields and all(el.attrs["id"] in labels for el in fields)
    # Every worksheet field says in plain words what to write.
    described = [el for el in fields if "data-situation-field" in el.attrs or "data-moment-field" in el.attrs]
    assert len(described) >= 9 and all(el.attrs.get("aria-describedby") for el in described)


def test_the_page_links_back_to_the_sections_that_teach_the_skills(client):
    html = page(client, "/en/tools/craft/")
    assert 'href="/en/talking-together/#notice-the-good-times"' in html
    assert 'href="/en/talking-together/#step-back-while-they-are-using"' in html
    chapter = page(client, "/en/talking-together/")
    for anchor in re.findall(r'href="/en/talking-together/#([a-z-]+)"', html):
        assert f'id="{anchor}"' in chapter, anchor


def test_every_page_can_read_the_new_part(client):
    """The schema every page loads knows the new part, or an older page would drop it."""
    html = page(client, "/en/overdose/")
    src = re.search(r'<script src="(/static/js/guide\.[0-9a-f]+\.js)"', html).group(1)
    response = client.get(src)
    code = response.get_data(as_text=True)
    response.close()
    assert '"craft"' in code and "situations" in code and "moments" in code
