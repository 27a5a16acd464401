"""``flask translate check``: the verdict of the app's own rules, told to a translator.

The rules live in `guide.catalog_rules` and are applied by `guide.catalog_review`, the
same reader the app loads catalogs with. So every *error* printed here is a message
the app shows in English, and the app shows English for nothing the check passes.
Run by the test suite too: a shipped catalog with any finding fails CI.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from .catalog_review import CatalogUnreadable
from .catalog_review import review_po
from .catalog_rules import ERROR
from .catalog_rules import Problem
from .locales import catalog_paths


@dataclass
class CatalogVerdict:
    code: str
    path: Path
    problems: list[Problem] = field(default_factory=list)
    #: Messages the app shows in English because of an error.
    refused: int = 0
    fuzzy: int = 0
    disabled: str | None = None  # why the whole locale cannot load

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level != ERROR]

    def summary(self) -> str:
        if self.disabled:
            return f"{self.code}: DISABLED, the app cannot read this file: {self.disabled}"
        if not self.problems:
            return f"{self.code}: ok"
        parts = []
        if self.refused:
            parts.append(f"{self.refused} message{'s show' if self.refused != 1 else ' shows'} in English until fixed")
        header = [p for p in self.errors if p.english is None]
        if header:
            parts.append(f"{len(header)} problem{'s' if len(header) != 1 else ''} in the file header")
        if self.fuzzy:
            parts.append(f"{self.fuzzy} fuzzy (shown in English until checked)")
        others = len(self.warnings) - self.fuzzy
        if others:
            parts.append(f"{others} warning{'s' if others != 1 else ''} (shown, but check them)")
        return f"{self.code}: " + ", ".join(parts)


def check_po_file(path: Path) -> CatalogVerdict:
    """Judge one catalog with the app's rules."""
    code = path.parent.parent.name.replace("_", "-").lower()
    try:
        review = review_po(path)
    except CatalogUnreadable as exc:
        return CatalogVerdict(code, path, [Problem(ERROR, str(exc), "Restore the file from messages.pot.")], disabled=str(exc))
    fuzzy = sum(1 for e in review.entries if e.translated and e.message.fuzzy)
    return CatalogVerdict(code, path, review.problems, refused=len(review.refused), fuzzy=fuzzy)


def check_folder(translations_dir: Path) -> list[CatalogVerdict]:
    """Every catalog the app would load, plus a finding for a duplicate folder."""
    verdicts = []
    used = catalog_paths(translations_dir)
    for po_path in sorted(translations_dir.glob("*/LC_MESSAGES/messages.po")):
        verdict = check_po_file(po_path)
        if used.get(verdict.code) != po_path:
            verdict.problems.insert(0, Problem(
                ERROR, f"another folder, {used[verdict.code].parent.parent.name}, is the same language; the app ignores this one",
                "Keep one folder per language: pt_BR or pt-BR, not both."))
        verdicts.append(verdict)
    return verdicts


def describe(path: Path, problem: Problem) -> str:
    """One finding: where, how bad, what is wrong, the English, what to do."""
    where = f"{path}:{problem.line}" if problem.line else str(path)
    lines = [f"{where}: {problem.level}: {problem.what}"]
    if problem.english:
        english = problem.english if len(problem.english) <= 100 else problem.english[:97] + "..."
        lines.append(f"    English: {english}")
    lines.append(f"    To fix: {problem.fix}")
    return "\n".join(lines)


def closing_line(verdicts: list[CatalogVerdict]) -> str:
    refused = sum(v.refused for v in verdicts)
    errors = sum(len(v.errors) for v in verdicts)
    warnings = sum(len(v.warnings) for v in verdicts)
    disabled = [v.code for v in verdicts if v.disabled]
    if disabled:
        return f"{', '.join(disabled)} cannot be read: the app does not offer {'them' if len(disabled) > 1 else 'it'} until fixed"
    if errors:
        return (f"{refused} translation{'s show' if refused != 1 else ' shows'} in English until the errors above are fixed; "
                "every other translation is shown")
    if warnings:
        return "no errors: every translation that is not fuzzy is shown; the warnings above deserve a second look"
    return "no problems: the app shows every translation in these catalogs"
