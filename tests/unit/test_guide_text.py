"""The guide's English text: person-first words, sources, working links, checked numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from guide import PACKAGE
from guide.content import load_chapters
from guide.content import render_chapter
from guide.helplines import HelplineDataError
from guide.helplines import load_helplines
from guide.locales import GuideLocale
from guide.locales import Locale

CONTENT = PACKAGE / "content"
CHAPTERS = load_chapters(CONTENT)

#: Words that label people or blame them (NIDA "Words Matter"). Matched as whole words.
STIGMA = [
    r"addicts?", r"addicted", r"junkies?", r"junky", r"abusers?", r"drug abuse", r"substance abuse",
    r"opioid abuse", r"heroin abuse", r"abusing", r"clean", r"dirty", r"drug habit", r"habit",
    r"replacement therapy", r"users?",
]
#: Proper names that contain such words and must be written as their owners write them.
ALLOWED = [
    "Substance Abuse and Mental Health Services Administration",
    "National Institute on Drug Abuse",
]


def prose(path: Path) -> list[tuple[int, str]]:
    """The chapter's lines that readers read as the guide's own words.

    Left out: the Sources list (page titles are others' words) and "quoted" words, which
    the words-that-help chapter uses to show the words to avoid.
    """
    lines = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.startswith("## Sources"):
            break
        line = re.sub(r'"[^"]{1,40}"', "", line)
        for name in ALLOWED:
            line = line.replace(name, "")
        lines.append((number, line))
    return lines


@pytest.mark.parametrize("path", sorted(CONTENT.glob("*.md")), ids=lambda p: p.stem)
def test_chapters_use_person_first_words(path):
    found = [
        (number, word)
        for number, line in prose(path)
        for word in STIGMA
        if re.search(rf"\b{word}\b", line, re.IGNORECASE)
    ]
    assert found == [], f"{path.name}: stigmatizing words at (line, word) {found}"


@pytest.mark.parametrize("chapter", CHAPTERS.values(), ids=lambda c: c.slug)
def test_every_chapter_ends_with_its_sources(chapter):
    text = chapter.path.read_text("utf-8")
    assert "\n## Sources\n" in text, f"{chapter.slug} has no Sources section"
    sources = text.split("\n## Sources\n", 1)[1]
    links = re.findall(r"^- .+\[.+\]\((https?://[^)]+)\)", sources, re.MULTILINE)
    assert links, f"{chapter.slug}: Sources lists no linked source"
    assert not re.search(r"\n## ", sources), f"{chapter.slug}: Sources must be the last section"


@pytest.mark.parametrize("chapter", CHAPTERS.values(), ids=lambda c: c.slug)
def test_no_chapter_has_a_broken_internal_link(chapter):
    page = render_chapter(chapter, GuideLocale("en", Locale.parse("en")), CHAPTERS, lambda s: f"/en/{s}/", {})
    assert page.broken_links == []


def test_the_guide_has_every_chapter_families_need():
    # At least these: a new chapter adds to the guide and breaks nothing.
    assert set(CHAPTERS) >= {
        "start-here", "understanding-opioid-use", "helping-or-enabling", "boundaries", "talking-together",
        "treatment", "withdrawal-and-recovery", "overdose", "relapse-planning", "caring-for-yourself",
        "get-help", "words-that-help",
    }
    assert list(CHAPTERS)[0] == "start-here"


def test_scripts_use_the_boundary_forms():
    text = CHAPTERS["boundaries"].path.read_text("utf-8")
    cards = re.findall(r"::: script\n(.+?)\n:::", text, re.DOTALL)
    assert len(cards) >= 14
    for card in cards:
        assert re.search(r"\bI won't\b.*\bbut I will\b|\bIf\b.*\bthen I will\b", card, re.IGNORECASE | re.DOTALL), card


def overdose_steps() -> list[str]:
    """The overdose chapter's numbered steps, each with the bullets nested under it."""
    body = CHAPTERS["overdose"].path.read_text("utf-8").split("+++", 2)[2]
    steps: list[str] = []
    for line in body.split("\n## ", 1)[0].splitlines():
        if match := re.match(r"^\d+\. (.+)$", line):
            steps.append(match.group(1))
        elif steps and line.startswith("   "):
            steps[-1] += " " + line.strip()
    return steps


def test_overdose_steps_come_first_and_in_order():
    text = CHAPTERS["overdose"].path.read_text("utf-8").split("+++", 2)[2]
    first_heading = text.find("\n## ")
    assert text.find("1. ") < first_heading, "numbered steps come before any section"
    assert text.find("::: warning") < text.find("::: emergency") < text.find("1. "), "warning, then call button, then steps"
    steps = overdose_steps()
    # The pinned order (issue 12): response, call, naloxone, CPR, second dose, recovery position, stay.
    order = [
        r"check for a response",
        r"call the emergency number",
        r"give naloxone",
        r"not breathing normally, or only gasping\? start CPR",
        r"still not breathing normally after 2 to 3 minutes\? give another dose",
        r"breathing on their own\? put them in the recovery position",
        r"stay with them until help arrives",
    ]
    titles = [re.match(r"\*\*(.+?)\*\*", step).group(1) if step.startswith("**") else step for step in steps]
    assert len(titles) == len(order), titles
    for title, pattern in zip(titles, order):
        assert re.fullmatch(pattern + r"\.?", title, re.IGNORECASE), (title, pattern)


def test_overdose_first_step_says_how_to_check():
    step = overdose_steps()[0]
    assert re.search(r"\bshout", step, re.IGNORECASE) and "breastbone" in step


def test_overdose_naloxone_step_covers_spray_and_injection():
    step = overdose_steps()[2]
    for needed in [r"your kit", r"on their back", r"1 nostril", r"outer thigh", r"upper arm", r"through clothing"]:
        assert re.search(needed, step, re.IGNORECASE), needed
    assert re.search(r"not breathing normally\? start step 4 first", step, re.IGNORECASE), "no naloxone at hand must not delay CPR"


def test_overdose_cpr_step_gives_everyone_something_to_do():
    step = overdose_steps()[3]
    for needed in [
        r"\bCPR\b",
        r"only gasping",
        r"chest",
        r"breaths if you can",
        r"hands-only CPR",
        r"call handler",
        r"never put off CPR to find or give naloxone",
        r"trained and can feel a pulse.*rescue breaths",
    ]:
        assert re.search(needed, step, re.IGNORECASE), needed


def test_overdose_second_dose_is_judged_by_breathing_not_waking():
    step = overdose_steps()[4]
    assert re.search(r"still not breathing normally after 2 to 3 minutes", step, re.IGNORECASE)
    assert re.search(r"keep up the breaths or CPR", step, re.IGNORECASE)
    assert re.search(r"watch their breathing, not whether they wake up", step, re.IGNORECASE)
    assert not re.search(r"no response|does not wake|not wake up after", step, re.IGNORECASE), "waking is not the test"


def test_overdose_recovery_position_has_its_condition():
    step = overdose_steps()[5]
    assert "recovery position" in step
    assert re.search(r"breathing on their own", step, re.IGNORECASE)
    assert re.search(r"if you must leave them", step, re.IGNORECASE)
    assert re.search(r"not breathing stays on their back", step, re.IGNORECASE)


def test_overdose_pictures_follow_the_steps_with_captions():
    text = CHAPTERS["overdose"].path.read_text("utf-8")
    figures = re.findall(r"^::: figure ([a-z-]+)\n(.+?)\n:::$", text, re.MULTILINE)
    assert [name for name, _ in figures] == ["nasal-naloxone", "injected-naloxone", "chest-compressions", "recovery-position"]
    assert text.find("::: figure") > text.find("\n7. "), "pictures come after the numbered steps"
    for name, caption in figures:
        assert caption.endswith(".") and len(caption.split()) <= 25, (name, caption)


def test_helpline_data_is_complete_and_sourced():
    data = load_helplines(PACKAGE / "data" / "helplines.toml")
    codes = [c.code for c in data.countries]
    assert codes[:3] == ["US", "CA", "GB"]
    for country in data.countries:
        assert country.source.startswith("http")
        for line in country.lines:
            assert line.source.startswith("http") and line.about
            assert "altruwe" not in line.source and "pdf4pro" not in line.source


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('last_checked = "soon"\n', "last_checked"),
        ('last_checked = "2026-01-01"\n[[countries]]\ncode = "usa"\n', "two capital letters"),
        ('last_checked = "2026-01-01"\n[[countries]]\ncode = "US"\nname = "US"\nemergency = "9-1-1!"\nsource = "https://x"\n', "digits"),
        ('last_checked = "2026-01-01"\n[[countries]]\ncode = "US"\nname = "US"\nemergency = "911"\nsource = "https://x"\n'
         '[[countries.lines]]\nname = "A"\nkind = "crisis"\nphone = "1"\ntel = "123"\nabout = "B"\n', "source"),
    ],
)
def test_bad_helpline_data_names_the_problem(tmp_path, toml, problem):
    path = tmp_path / "h.toml"
    path.write_text(toml)
    with pytest.raises(HelplineDataError, match=problem):
        load_helplines(path)
