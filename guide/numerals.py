"""Numbers in a message, by value, whatever digits a language writes them with.

"5 seconds" must stay 5 in every translation: ``5``, ``٥`` (Arabic-Indic), ``۵``
(Persian), ``５`` (full width) and ``五`` (Chinese) are all the value 5. Grouping and
decimal marks differ between languages (``10,000``, ``10.000``, ``10 000``; ``1.2``
and ``1,2``), so a number's value here is its digits with the marks taken out: enough
to see that a digit changed, without judging a language's way of writing numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

#: Marks between groups of three digits (comma, dot, spaces, apostrophe, Arabic).
_GROUP = "[,.\u00a0\u202f\u2009 '\u066c]"
#: Decimal marks: dot, comma, Arabic decimal separator.
_DECIMAL = "[.,\u066b]"
_NUMBER = re.compile(rf"(?<!\d)\d{{1,3}}(?:{_GROUP}\d{{3}}(?!\d))+(?:{_DECIMAL}\d+)?|\d+(?:{_DECIMAL}\d+)?")
#: Text that holds digits but no number a reader is told: link targets, web addresses,
#: placeholders the app fills in.
_NOT_TEXT = re.compile(r"\]\([^)]*\)|https?://\S+|%\(\w+\)[a-z]|\{\w+\}")

_CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
                   "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_CHINESE = re.compile("[" + "".join([*_CHINESE_DIGITS, *_CHINESE_UNITS, *_CHINESE_BIG]) + "]+")


def _value(token: str) -> str:
    digits = "".join(str(unicodedata.decimal(ch)) for ch in token if ch.isdecimal())
    return digits.lstrip("0") or "0"


def chinese_value(text: str) -> int:
    """``十五`` -> 15, ``二十四`` -> 24, ``一千零八`` -> 1008, ``三万`` -> 30000."""
    total = section = digit = 0
    for ch in text:
        if ch in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[ch]
        elif ch in _CHINESE_UNITS:
            section += (digit or 1) * _CHINESE_UNITS[ch]
            digit = 0
        else:
            total += (section + digit) * _CHINESE_BIG[ch]
            section = digit = 0
    return total + section + digit


@lru_cache(maxsize=8192)  # the English side is the same for every locale
def numbers(text: str) -> Counter:
    """The numbers written in digits (any script), as canonical digit strings."""
    text = _NOT_TEXT.sub(" ", text)
    return Counter(_value(match.group(0)) for match in _NUMBER.finditer(text))


def written_numbers(text: str) -> Counter:
    """Digits plus Chinese (and Japanese) numerals written as characters."""
    found = Counter(numbers(text))  # a copy: numbers() is cached and must not change
    for match in _CHINESE.finditer(_NOT_TEXT.sub(" ", text)):
        found[str(chinese_value(match.group(0)))] += 1
    return found


def compare(english: str, translation: str) -> tuple[list[str], list[str]]:
    """(numbers of the English missing from the translation, digit numbers it adds).

    Saying a number twice is no change ("988 (the 988 line)"), so values are compared
    as sets.
    Chinese numerals count towards what the English needs but are never "added":
    ``一`` also means "a", so a translation may hold more of them than the English.
    """
    source, target = set(numbers(english)), set(written_numbers(translation))
    missing = sorted(source - target, key=_order)
    added = sorted(set(numbers(translation)) - source, key=_order)
    return missing, added


def _order(value: str) -> tuple[int, str]:
    return len(value), value
