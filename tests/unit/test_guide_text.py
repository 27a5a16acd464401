"""The guide's English text: person-first words, sources, working links, checked numbers."""

from __future__ import annotations

import datetime
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

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
#: Sources that must not come back (issue 15): copies and proxies of other organisations' pages,
#: a provider's marketing handbook, a paid platform's blog, an archived registry, NIDA's old domain,
#: secondary summaries that stood in for a primary source, news sites cited for phone numbers.
#: Gap: Mexico's Línea de la Vida still cites a news site (no government page found yet).
DISALLOWED_SOURCES = [
    "nxtbook.com", "alliesinrecovery.net", "nreppadmin.net", "drugabuse.gov", "altruwe.org",
    "pdf4pro.com", "docslib.org", "vdocuments.net", "vdocuments.us", "scribd.com", "studylib.net",
    "evidence2impact.psu.edu", "porh.psu.edu", "ruralhealthinfo.org", "edhub.ama-assn.org",
    "health.maryland.gov", "sopitas.com", "newswire.ca", "newstalk.com", "drugpolicyfacts.org",
    "drexelmedicine.org", "getsmartmilwaukee.com", "healthfinder.fl.gov", "consultant360.com",
    "atforum.com", "vannessrecoveryhouse.com", "webarchive.library.unt.edu", "mdedge.com",
    "paulearley.net",
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


def chapter_sources(chapter) -> list[str]:
    """Every link in the chapter's Sources section."""
    sources = chapter.path.read_text("utf-8").split("\n## Sources\n", 1)[1]
    return re.findall(r"\]\(([^)\s]+)\)", sources)


def disallowed(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host == d or host.endswith("." + d) for d in DISALLOWED_SOURCES)


@pytest.mark.parametrize("chapter", CHAPTERS.values(), ids=lambda c: c.slug)
def test_every_chapter_ends_with_its_sources(chapter):
    text = chapter.path.read_text("utf-8")
    assert "\n## Sources\n" in text, f"{chapter.slug} has no Sources section"
    sources = text.split("\n## Sources\n", 1)[1]
    links = re.findall(r"^- .+\[.+\]\((https?://[^)]+)\)", sources, re.MULTILINE)
    assert links, f"{chapter.slug}: Sources lists no linked source"
    assert not re.search(r"\n## ", sources), f"{chapter.slug}: Sources must be the last section"


@pytest.mark.parametrize("chapter", CHAPTERS.values(), ids=lambda c: c.slug)
def test_sources_are_https_and_none_is_disallowed(chapter):
    links = chapter_sources(chapter)
    assert [u for u in links if not u.startswith("https://")] == [], f"{chapter.slug}: every source needs https"
    assert [u for u in links if disallowed(u)] == [], f"{chapter.slug}: disallowed source"


def test_the_disallowed_list_catches_subdomains_but_not_lookalikes():
    assert disallowed("http://www.drugabuse.gov/x") and disallowed("https://nxtbook.com/a")
    assert not disallowed("https://nida.nih.gov/x") and not disallowed("https://notdrugabuse.gov/")


@pytest.mark.parametrize("chapter", CHAPTERS.values(), ids=lambda c: c.slug)
def test_no_chapter_has_a_broken_internal_link(chapter):
    page = render_chapter(chapter, GuideLocale("en", Locale.parse("en")), CHAPTERS, lambda s: f"/en/{s}/", {})
    assert page.broken_links == []


def test_the_guide_has_every_chapter_families_need():
    # At least these: a new chapter adds to the guide and breaks nothing.
    assert set(CHAPTERS) >= {
        "start-here", "understanding-opioid-use", "helping-or-enabling", "boundaries", "talking-together",
        "treatment", "withdrawal-and-recovery", "overdose", "relapse-planning", "caring-for-yourself",
        "get-help", "words-that-help", "safer-at-home", "arrest-jail-and-release", "treatment-team",
        "finding-treatment", "when-the-worst-happens",
    }
    assert list(CHAPTERS)[0] == "start-here"


def body(slug: str) -> str:
    """A chapter's reader-facing text (no front matter, no Sources), whitespace collapsed."""
    text = CHAPTERS[slug].path.read_text("utf-8").split("+++", 2)[2].split("\n## Sources\n", 1)[0]
    return " ".join(text.split())


@pytest.mark.parametrize("slug", ["treatment", "withdrawal-and-recovery"])
def test_treatment_length_is_a_minimum_not_a_finish_line(slug):
    text = body(slug)
    assert "about 3 months" not in text
    assert "at least 3 months" in text and "longer treatment works better" in text
    assert re.search(r"methadone, 12 months is seen as the minimum", text)


def test_naltrexone_warns_of_low_tolerance_and_pushing_past_the_block():
    text = body("treatment")
    assert re.search(r"Naltrexone takes away tolerance.*missing a dose", text)
    assert re.search(r"push past the block.*death", text)


def test_withdrawal_names_first_line_medicine_when_to_get_help_and_pregnancy():
    text = body("withdrawal-and-recovery")
    assert "Buprenorphine and methadone are the first choice for opioid withdrawal" in text
    assert "cannot keep fluids down" in text
    assert re.search(r"Do not try to detox during pregnancy. Methadone or buprenorphine is the standard care", text)


def test_mixing_and_xylazine_advice():
    home = body("safer-at-home")
    for needed in ["alcohol", "benzodiazepines", "gabapentin or pregabalin", "nitazenes", "test strips", "1-800-222-1222"]:
        assert needed in home, needed
    for slug in ["understanding-opioid-use", "words-that-help"]:
        assert re.search(r"Give naloxone anyway.*breathing", body(slug)), slug


def test_unsafe_choices_are_their_own_kind_and_bail_mentions_jail_risks():
    text = CHAPTERS["helping-or-enabling"].path.read_text("utf-8")
    enabling = re.findall(r"^\| Enabling \| Helping \|\n\|---\|---\|\n((?:\|.*\|\n)+)", text, re.MULTILINE)
    unsafe = re.findall(r"^\| Unsafe for both of you \| Safer for both of you \|\n\|---\|---\|\n((?:\|.*\|\n)+)", text, re.MULTILINE)
    assert len(unsafe) == 1 and "nowhere to go" in unsafe[0] and "Hiding naloxone" in unsafe[0]
    assert not any("nowhere to go" in t or "Hiding naloxone" in t for t in enabling)
    bail = next(line for line in text.splitlines() if "Paying bail" in line)
    assert "withdrawal" in bail and "tolerance" in bail


def test_no_drugs_rule_comes_with_a_never_use_alone_plan():
    text = body("boundaries")
    assert re.search(r"no drugs in the house.*never-use-alone plan.*someone is always nearby", text)


def test_risk_figures_say_what_they_are_compared_with():
    for slug in CHAPTERS:
        text = body(slug)
        assert not re.search(r"times higher(?! than)", text), slug
        assert "8 to 40 times" not in text and "dependent person" not in text, slug


def test_no_reader_facing_title_says_abuse():
    for chapter in CHAPTERS.values():
        text = chapter.path.read_text("utf-8").split("\n## Sources\n", 1)[0]
        headings = re.findall(r"^#+ (.+)$", text, re.MULTILINE)
        assert not re.search(r"abuse", chapter.title, re.IGNORECASE)
        assert not [h for h in headings if re.search(r"\b(drug|substance|opioid) abuse", h, re.IGNORECASE)]


def test_scripts_use_the_boundary_forms():
    text = CHAPTERS["boundaries"].path.read_text("utf-8")
    right_now, _, situations = text.partition("## Scripts by situation")
    cards = re.findall(r"::: script\n(.+?)\n:::", situations, re.DOTALL)
    assert len(cards) >= 14
    for card in cards:
        assert re.search(r"\bI won't\b.*\bbut I will\b|\bIf\b.*\bthen I will\b", card, re.IGNORECASE | re.DOTALL), card
    # The "Right now" words are for moments that cannot wait: short enough to say at once.
    quick = re.findall(r"::: script\n(.+?)\n:::", right_now.partition("## Right now")[2], re.DOTALL)
    assert len(quick) >= 4 and all(len(card.split()) <= 25 for card in quick), quick


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
        assert country.source.startswith("https://") and not disallowed(country.source), country.code
        for line in country.lines:
            assert line.source.startswith("https://") and line.about, line.name
            assert not disallowed(line.source), line.name


def test_every_helpline_entry_has_its_own_check_date():
    raw = tomllib.loads((PACKAGE / "data" / "helplines.toml").read_text("utf-8"))
    entries = [(c["code"], c) for c in raw["countries"]]
    entries += [(f"{c['code']} {line['name']}", line) for c in raw["countries"] for line in c.get("lines", [])]
    for where, entry in entries:
        checked = datetime.date.fromisoformat(str(entry.get("last_checked")))
        assert checked <= datetime.date.fromisoformat(raw["last_checked"]), where


def test_uk_and_ireland_list_drug_and_crisis_lines():
    data = {c.code: c for c in load_helplines(PACKAGE / "data" / "helplines.toml").countries}
    assert {"NHS 111", "Samaritans"} <= {line.name for line in data["GB"].lines}
    assert {"HSE Drugs and Alcohol Helpline", "Samaritans"} <= {line.name for line in data["IE"].lines}


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('last_checked = "soon"\n', "last_checked"),
        ('last_checked = "2026-01-01"\n[[countries]]\ncode = "usa"\n', "two capital letters"),
        ('last_checked = "2026-01-01"\n[[countries]]\ncode = "US"\nname = "US"\nemergency = "9-1-1!"\nsource = "https://x"\n', "digits"),
        ('last_checked = "2026-01-01"\n[[countries]]\ncode = "US"\nname = "US"\nemergency = "911"\nsource = "https://x"\n'
         '[[countries.lines]]\nname = "A"\nphone = "1"\ntel = "123"\nabout = "B"\nkind = "crisis"\n', "source"),
    ],
)
def test_bad_helpline_data_names_the_problem(tmp_path, toml, problem):
    path = tmp_path / "h.toml"
    path.write_text(toml)
    with pytest.raises(HelplineDataError, match=problem):
        load_helplines(path)
