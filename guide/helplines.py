"""Helplines and emergency numbers by country, from ``guide/data/helplines.toml``.

One structured file, with a source for every number and a "last checked" date, that
the get-help and overdose chapters render from. Country names come from the CLDR
data in Babel, so they appear in the reader's language without translation work;
each line's name and description are translated through the catalog.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

_TEL = re.compile(r"^\+?[0-9]{2,15}$")  # France's SAMU is 15
_COUNTRY = re.compile(r"^[A-Z]{2}$")

#: What a line is for. Pages and tools choose a line by its kind, never by its place
#: in the file (the plan's "crisis line" is the country's ``crisis`` line).
KINDS = {
    "crisis": "a suicide, mental health or substance use crisis, at any hour",
    "treatment-referral": "finding treatment and support services",
    "family-support": "support for families and friends",
    "overdose-response": "someone who uses alone can call and be checked on",
    "drug-information": "information and advice about drugs",
    "medical-advice": "urgent medical advice that is not an emergency",
    "poison": "a poison centre",
    "domestic-abuse": "help with domestic abuse",
}


class HelplineDataError(ValueError):
    """helplines.toml does not follow its schema."""


@dataclass(frozen=True)
class Line:
    name: str
    phone: str  # as written locally
    tel: str  # what a phone dials from inside the country, for tel: links
    about: str
    source: str
    kind: str  # one of KINDS


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # English; the page shows the reader's language from CLDR
    emergency: str
    source: str
    lines: tuple[Line, ...]

    def line(self, kind: str) -> Line | None:
        """This country's first line of ``kind``, or None."""
        return next((line for line in self.lines if line.kind == kind), None)


@dataclass(frozen=True)
class Helplines:
    last_checked: datetime.date
    countries: tuple[Country, ...]


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise HelplineDataError(f"{where}: '{key}' must be a non-empty string")
    return " ".join(value.split())


def _source(entry: dict, where: str) -> str:
    source = _text(entry, "source", where)
    if not source.startswith("https://") and not source.startswith("http://"):
        raise HelplineDataError(f"{where}: 'source' must be a web address")
    return source


def load_helplines(path: Path) -> Helplines:
    """Read and check the file; a wrong entry is an error naming the entry."""
    data = tomllib.loads(path.read_text("utf-8"))
    try:
        checked = datetime.date.fromisoformat(str(data.get("last_checked")))
    except ValueError as exc:
        raise HelplineDataError("last_checked must be a date like 2026-11-23") from exc
    countries = []
    for entry in data.get("countries", []):
        code = entry.get("code", "")
        if not isinstance(code, str) or not _COUNTRY.match(code):
            raise HelplineDataError(f"country code {code!r} must be two capital letters")
        emergency = _text(entry, "emergency", code)
        if not _TEL.match(emergency):
            raise HelplineDataError(f"{code}: emergency number must be digits")
        lines = []
        for n, line in enumerate(entry.get("lines", []), 1):
            where = f"{code} line {n}"
            tel = _text(line, "tel", where)
            if not _TEL.match(tel):
                raise HelplineDataError(f"{where}: 'tel' must be digits, optionally starting with +")
            kind = line.get("kind")
            if kind not in KINDS:
                raise HelplineDataError(f"{where}: 'kind' must be one of {', '.join(sorted(KINDS))}, not {kind!r}")
            lines.append(
                Line(
                    _text(line, "name", where),
                    _text(line, "phone", where),
                    tel,
                    _text(line, "about", where),
                    _source(line, where),
                    kind,
                )
            )
        countries.append(Country(code, _text(entry, "name", code), emergency, _source(entry, code), tuple(lines)))
    if not countries:
        raise HelplineDataError("no countries")
    return Helplines(checked, tuple(countries))


def extract_helplines(fileobj, keywords, comment_tags, options):
    """Babel extractor: each line's name and description are messages."""
    helplines = load_helplines(Path(fileobj.name))
    for country in helplines.countries:
        for line in country.lines:
            yield 0, None, line.name, [f"Name of a helpline in {country.name}. Keep the official name."]
            yield 0, None, line.about, [f"What the helpline “{line.name}” ({country.name}) is for."]
