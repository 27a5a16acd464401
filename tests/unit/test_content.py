"""Chapters render per locale: translated blocks, English fallback marked, links resolved."""

from __future__ import annotations

import pytest

from guide.blocks import ChapterFormatError
from guide.content import load_chapter
from guide.content import load_chapters
from guide.content import render_chapter
from guide.content import slugify
from guide.locales import GuideLocale
from guide.locales import Locale

CHAPTER = """+++
title = "Helping"
summary = "How to help."
order = 1
+++

Read about [overdose](other#what-to-do) first.

## Money and bills

- Pay the bill directly.
- Do not give cash.

::: script
"I won't give you cash."
:::
"""

OTHER = """+++
title = "Other"
summary = "Other."
order = 2
+++

## What to do

Call.
"""


@pytest.fixture
def chapters(tmp_path):
    (tmp_path / "helping.md").write_text(CHAPTER)
    (tmp_path / "other.md").write_text(OTHER)
    return load_chapters(tmp_path)


def spanish(messages):
    return GuideLocale("es", Locale.parse("es"), messages=messages)


def render(chapters, locale, slug="helping"):
    return render_chapter(chapters[slug], locale, chapters, lambda s: f"/{locale.code}/{s}/", {"script": "Say"})


def html_of(page) -> str:
    return str(page.intro) + str(page.body)


def test_chapters_come_in_reading_order(chapters):
    assert list(chapters) == ["helping", "other"]


def test_translated_blocks_replace_english_and_missing_ones_are_marked(chapters):
    page = render(chapters, spanish({"Money and bills": "Dinero y **cuentas**", "Pay the bill directly.": "Pague la cuenta."}))
    html = html_of(page)
    assert '<h2 id="money-and-bills">Dinero y <strong>cuentas</strong></h2>' in html
    assert "<li>Pague la cuenta.</li>" in html
    assert '<li lang="en">Do not give cash.</li>' in html
    assert page.title_in_source is True
    assert [s.anchor for s in page.sections] == ["money-and-bills"]
    assert page.sections[0].in_source is False
    assert html.index("Read about") < html.index("money-and-bills")
    assert "Read about" in str(page.intro) and "Read about" not in str(page.body)
    assert str(page.sections[0].title) == "Dinero y <strong>cuentas</strong>"


def test_english_pages_carry_no_lang_marks(chapters):
    page = render(chapters, GuideLocale("en", Locale.parse("en")))
    assert 'lang="en"' not in html_of(page)


def test_internal_links_point_into_the_readers_locale(chapters):
    page = render(chapters, spanish({}))
    assert 'href="/es/other/#what-to-do"' in html_of(page)
    assert page.broken_links == []


def one_link_chapter(tmp_path, target):
    (tmp_path / "a.md").write_text(CHAPTER.replace("other#what-to-do", target))
    (tmp_path / "other.md").write_text(OTHER)
    return render(load_chapters(tmp_path), spanish({}), "a")


@pytest.mark.parametrize("target", ["missing", "other#no-such-section", "Other", "../../etc/passwd"])
def test_broken_links_are_reported(tmp_path, target):
    assert one_link_chapter(tmp_path, target).broken_links == [target]


def test_script_urls_never_become_links(tmp_path):
    assert "href=\"javascript" not in html_of(one_link_chapter(tmp_path, "javascript:alert(1)"))


def test_a_translation_cannot_inject_markup(chapters):
    page = render(chapters, spanish({"Pay the bill directly.": '<script>alert(1)</script> <img src=x onerror=alert(1)>'}))
    html = html_of(page)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_script_cards_are_labelled(chapters):
    html = html_of(render(chapters, spanish({})))
    assert '<div class="app-script">\n<p class="app-script__label">Say</p>' in html


def test_slugify_matches_the_authoring_rule():
    assert slugify("Money and bills") == "money-and-bills"
    assert slugify("  What -- to do?  ") == "what-to-do"


@pytest.mark.parametrize("name", ["about.md", "Bad_Name.md"])
def test_chapter_file_names_must_be_usable_slugs(tmp_path, name):
    (tmp_path / name).write_text(OTHER)
    with pytest.raises(ValueError):
        load_chapter(tmp_path / name)


def test_front_matter_errors_name_the_problem(tmp_path):
    (tmp_path / "x.md").write_text("+++\ntitle = 1\n+++\n")
    with pytest.raises(ChapterFormatError, match="title"):
        load_chapter(tmp_path / "x.md")


def figure_chapter(tmp_path, info: str):
    (tmp_path / "x.md").write_text(OTHER + f"\n::: {info}\nA hand on the chest.\n:::\n")
    return tmp_path / "x.md"


@pytest.mark.parametrize("info", ["figure no-such-picture", "figure", "figure ../etc/passwd", "figure a b"])
def test_a_figure_that_does_not_exist_stops_the_chapter_loading(tmp_path, info):
    with pytest.raises(ValueError, match="figure"):
        load_chapter(figure_chapter(tmp_path, info))


def test_a_figure_is_inline_svg_with_its_caption_translated(tmp_path):
    from guide.figures import FIGURES_DIR

    name = sorted(FIGURES_DIR.glob("*.svg"))[0].stem
    chapters = {"x": load_chapter(figure_chapter(tmp_path, f"figure {name}"))}
    html = html_of(render(chapters, spanish({"A hand on the chest.": "Una mano en el pecho."}), "x"))
    assert f'<figure class="app-figure">\n<svg class="app-figure__image" aria-hidden="true" focusable="false" viewBox=' in html
    assert f'<use href="#{name}"/>' in html  # the sprite's URL comes from the app (none given here)
    assert "<figcaption>\n<p>Una mano en el pecho.</p>\n</figcaption>\n</figure>" in html
