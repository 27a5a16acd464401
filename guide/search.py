"""Search text: how words are normalised, split and stemmed, and how a query is ranked.

The browser searches with ``static/js/search.js``; it has no stemmer. Everything that
depends on the language is decided here, at build time, and shipped in the index
(`guide.search_index`): the stem of every word form in the text, and the few letters
to fold. Both sides then do the same three things to any text:

1. `normalise`: lower case, accents and Arabic/Hebrew vowel marks removed (``á`` -> ``a``,
   ``ñ`` -> ``n``, ``أ`` -> ``ا``), and the language's letter folds (`folds`): tatweel
   dropped, ``ة`` -> ``ه``, ``ى`` -> ``ي`` (Persian: ``ي``/``ى`` -> ``ی``, ``ك`` -> ``ک``), Arabic
   and Persian digits -> 0-9;
2. `terms`: words are runs of letters, digits and marks; in scripts written without
   spaces (Chinese, Japanese kana, Thai) every character is a term. (Pairs of
   characters were tried: the Chinese index was 65 KB gzipped, over the 40 KB budget;
   single characters give 26 KB, and a query's characters must all be in a section
   for it to rank first, which keeps the results on topic.)
3. a word's stem is looked up (``forms``); a query word not in the text matches the
   words it begins, else the longest stem inside it (``jailed``, ``الانتكاسة``), else
   words one slip away (`typo`).

`search` is the reference ranking, the same as the browser's: a unit test runs the
fixed set of queries through it, a browser test through the page.
"""

from __future__ import annotations

import functools
import math
import re
import threading
import unicodedata

import snowballstemmer

#: Removed after NFD: Latin/Greek/Cyrillic combining accents, Hebrew points, Arabic tashkeel.
MARKS = "\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed"
_MARKS = re.compile(f"[{MARKS}]")
#: Scripts written without spaces between words: searched character by character.
NO_SPACE = "\u0e00-\u0eff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NO_SPACE_RUN = re.compile(f"([{NO_SPACE}]+)")
_NO_SPACE_CHAR = re.compile(f"[{NO_SPACE}]")

_DIGITS = {**{chr(0x660 + i): str(i) for i in range(10)}, **{chr(0x6F0 + i): str(i) for i in range(10)}}
_ARABIC = {"\u0640": "", "\u0671": "\u0627", "\u0629": "\u0647", "\u0649": "\u064a", **_DIGITS}
_PERSIAN = {**_ARABIC, "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}

#: How a query word matched a term: the share of the term's weight it earns.
EXACT, PREFIX, IN_WORD, TYPO = 1.0, 0.7, 0.6, 0.5
#: A section earns this share of the scores of the other sections of its page that match.
PAGE = 0.1
#: Results shown at most.
LIMIT = 10


def folds(language: str) -> dict[str, str]:
    """The letters folded for ``language`` (a Babel language code: ``ar``, ``fa``, ``es``)."""
    return dict(_PERSIAN if language == "fa" else _ARABIC)


@functools.cache
def _table(language: str) -> dict[int, str]:
    return str.maketrans(folds(language))


def normalise(text: str, language: str) -> str:
    text = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", _MARKS.sub("", text)).translate(_table(language))


def _mark_ranges() -> str:
    """Every combining mark of the Basic Multilingual Plane, as a character class's ranges."""
    marks = {c for c in range(0x10000) if unicodedata.category(chr(c))[0] == "M"}
    starts = sorted(c for c in marks if c - 1 not in marks)
    ends = sorted(c for c in marks if c + 1 not in marks)
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in zip(starts, ends))


#: A word: letters, digits and marks (``[^\W_]`` is exactly Unicode's letters and digits).
_WORD = re.compile(f"(?:[^\\W_]|[{_mark_ranges()}])+")


def _words(text: str) -> list[str]:
    """Runs of letters, digits and marks; single characters in scripts without spaces."""
    out = []
    for word in _WORD.findall(_NO_SPACE_RUN.sub(r" \1 ", text)):
        if _NO_SPACE_CHAR.match(word):
            out += list(word)
        else:
            out.append(word)
    return out


def terms(text: str, language: str) -> list[str]:
    """The normalised words (or characters, in Chinese) of ``text``, in order."""
    return _words(normalise(text, language))


@functools.cache
def _algorithm(language: str) -> str | None:
    from babel import Locale

    name = Locale.parse(language).get_language_name("en").split()[0].lower()
    return name if name in snowballstemmer.algorithms() else None


_per_thread = threading.local()


def stemmer(language: str):
    """A Snowball stemmer for ``language`` (``fa``, ``pt``...), or None where Snowball has none.

    One per thread: a stemmer keeps its word in itself, so two server threads building two
    indexes with one stemmer garbled each other's words (an IndexError in Spanish)."""
    stemmers = _per_thread.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        name = _algorithm(language)
        stemmers[language] = snowballstemmer.stemmer(name) if name else None
    return stemmers[language]


def stems(text: str, language: str) -> list[tuple[str, str]]:
    """(form, stem) for each word of ``text``, both normalised.

    Snowball's rules expect the written word (Spanish suffixes carry accents), so the stem
    is taken from the word before it is normalised.
    """
    return [pair for word in _words(unicodedata.normalize("NFC", text.lower())) if (pair := _stem(word, language))[0]]


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str, language: str) -> tuple[str, str]:
    form, stem = normalise(word, language), stemmer(language)
    root = normalise(stem.stemWord(word), language) if stem and not _NO_SPACE_CHAR.match(word) else form
    return form, root or form


# --- the query side: the same steps as static/js/search.js -----------------------


def drops(word: str) -> set[str]:
    """``word`` and every way of dropping one of its letters."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def typo(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one slip apart: a letter added, dropped or changed, two
    neighbours swapped (and a few pairs of slips), found as a shared result of `drops`."""
    return abs(len(a) - len(b)) < 2 and not drops(a).isdisjoint(drops(b))


#: Postings are written in the 92 characters from ``#`` to ``~`` (a character's code - 35).
ALPHABET = "".join(chr(c) for c in range(35, 127))
_ESCAPE = len(ALPHABET) - 1


def encode_posting(gap: int, bits: int) -> str:
    """One posting: sections skipped since the term's previous one, then the weight bits (`weight`)."""
    a, n = ALPHABET, len(ALPHABET)
    if gap >= n * n:
        raise ValueError(f"a gap of {gap} sections does not fit in a posting")
    head = a[gap] if gap < _ESCAPE else a[_ESCAPE] + a[gap // n] + a[gap % n]
    return head + a[bits]


def unpack(index: dict) -> tuple[dict[str, dict[int, int]], dict[str, str]]:
    """(term -> {section: bits}, form -> stem) from the index's ``terms``.

    Each entry is the postings, then the term's other forms after spaces, each written
    ``before-after`` around the stem (``-e`` for naloxon -> naloxone) or in full.
    A term with no postings is too common to index: the query leaves it out.
    """
    postings, forms = {}, {}
    where = {c: i for i, c in enumerate(ALPHABET)}
    for term, entry in index["terms"].items():
        coded, *others = entry.split(" ")
        section, i, found = -1, 0, {}
        while i < len(coded):
            gap = where[coded[i]]
            if gap == _ESCAPE:
                gap, i = where[coded[i + 1]] * len(ALPHABET) + where[coded[i + 2]], i + 2
            section += gap + 1
            found[section] = where[coded[i + 1]]
            i += 2
        postings[term] = found
        for other in others:
            before, dash, after = other.partition("-")
            forms[before + term + after if dash else other] = term
    return postings, forms


def candidates(word: str, postings: dict, forms: dict) -> dict[str, float]:
    """Stem -> how well ``word`` (normalised) matches it, by the first rule that finds any.

    Only terms with postings count: a too-common word (empty postings) matches nothing.
    """
    found: dict[str, float] = {}

    def add(key: str, quality: float) -> None:
        key = forms.get(key, key)
        if postings.get(key):
            found[key] = quality

    stem = forms.get(word, word)
    if stem in postings:
        add(stem, EXACT)
        return found
    keys = [*postings, *forms]
    if len(word) > 1:
        for key in keys:
            if key.startswith(word):
                add(key, PREFIX)
    if not found and len(word) > 4:
        inside = sorted((k for k in postings if len(k) >= max(4, len(word) / 2) and k in word), key=lambda k: (-len(k), k))
        if inside:
            add(inside[0], IN_WORD)
    if not found and len(word) > 3:
        for key in keys:
            if typo(word, key):
                add(key, TYPO)
    return found


def weight(bits: int, rarity: float, top: bool) -> float:
    """A term in a section: how often (bits 0-1, up to 3), in its heading (4; the top
    section's heading is the page's title), in the page's title or summary (8)."""
    count = bits & 3
    heading = (5 if top else 3) if bits & 4 else 0
    return rarity * ((1 + math.log(count) if count else 0) + heading + (1 if bits & 8 else 0))


def search(index: dict, query: str, limit: int = LIMIT) -> list[tuple[str, str]]:
    """The best sections for ``query`` as (page URL, anchor): most query words matched first, then score."""
    words = list(dict.fromkeys(terms(query, index["lang"])))
    postings, forms = unpack(index)
    sections = len(index["sections"])
    common = {w for w in words if postings.get(forms.get(w, w)) == {}}
    matched: dict[int, list] = {}
    for word in [w for w in words if w not in common] or words:
        best: dict[int, float] = {}
        for term, quality in candidates(word, postings, forms).items():
            rarity = math.log(1 + sections / len(postings[term]))
            for section, bits in postings[term].items():
                best[section] = max(best.get(section, 0), quality * weight(bits, rarity, not index["sections"][section][1]))
        for section, score in best.items():
            entry = matched.setdefault(section, [0, 0.0])
            entry[0] += 1
            entry[1] += score
    page_of = [page for page, _anchor in index["sections"]]
    totals: dict[int, float] = {}
    for section, (_count, score) in matched.items():
        totals[page_of[section]] = totals.get(page_of[section], 0) + score
    for section, entry in matched.items():
        entry[1] += PAGE * (totals[page_of[section]] - entry[1])
    ranked = sorted(matched, key=lambda s: (-matched[s][0], -math.floor(matched[s][1] * 1e6 + 0.5), s))
    return [(index["pages"][index["sections"][s][0]], index["sections"][s][1]) for s in ranked[:limit]]
