"""Identity and phone numbers however their digits are grouped.

A reader takes '150385-10190', '15.03.85 10190' and '912.34.570' for the numbers they are, so the
scan reads runs of digit groups with any separator between them (space, hyphen or dash, dot,
slash, colon, or one line break: a number wrapped onto the next line is still one number) and
looks for the groups that together make one. Identity numbers (six digits and five, or the date
and five) are told by their check digits. Phone numbers (eight digits, perhaps after +47 or 0047)
have none, so the groups that ordinary text makes are read first and left out: dates, time
ranges, years, case numbers and amounts of money.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# -- national identity numbers ------------------------------------------------------------------

_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def check_digits(first_nine: str) -> str | None:
    """The two mod-11 check digits of a Norwegian identity number, or None when none exist."""
    digits = [int(c) for c in first_nine]
    k1 = 11 - sum(w * d for w, d in zip(_WEIGHTS_1, digits, strict=True)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    k2 = 11 - sum(w * d for w, d in zip(_WEIGHTS_2, [*digits, k1], strict=True)) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    return f"{k1}{k2}"


def identity_kind(number: str) -> str | None:
    """'a national ID number', 'a D-number' or 'an H-number' for a valid number, else None."""
    if len(number) != 11 or not number.isdigit():
        return None
    if check_digits(number[:9]) != number[9:]:
        return None
    day, month = int(number[:2]), int(number[2:4])
    kind = "a national ID number"
    if day > 40:
        day, kind = day - 40, "a D-number"
    elif month > 40:
        month, kind = month - 40, "an H-number"
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return kind


# Where the groups of an identity number may be split: whole, date and individual number, or
# day, month, year and individual number (the year perhaps glued to it). Not after four digits
# alone: that is a bank account (1234.56.78903).
_IDENTITY_SPLITS: tuple[frozenset[int], ...] = (
    frozenset(),
    frozenset({6}),
    frozenset({2, 6}),
    frozenset({2, 4}),
    frozenset({2, 4, 6}),
)

# -- digit groups ------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
_SEPARATOR = "[ \t.,\\-/:\u00b7\u2010-\u2015\u2212\n\r\u2028\u2029\x0b\x0c\x85]"
_GROUPS = re.compile(rf"[0-9]+(?:{_SEPARATOR}{{1,4}}[0-9]+)*")
_DIGITS = re.compile("[0-9]+")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_PREFIX_BEFORE = re.compile(r"(?:\+|(?<![0-9])00) ?47\)? *$")
_CLOCK_BEFORE = re.compile(r"(?i)\b(?:kl|klokka|klokken|at|from|fra)\.? *$")
_MONEY_BEFORE = re.compile(r"(?i)(?:\bkr|\bnok|\busd|\beur|[€$£]|\bbeløp\w*|\bsum\w*)\.?:? *$")
_BOOK_BEFORE = re.compile(r"(?i)\b(?:isbn|issn)(?:-1[03])?:? *$")
_MONEY_AFTER = re.compile(r"(?i)^ *(?:,-|kr\b|kroner|nok\b|mill|euro|dollar)")


@dataclass(frozen=True)
class _Group:
    start: int
    end: int
    digits: str
    before: str  # how it is separated from the group before: ' ', '.', '-', '/', ':', ','


def _separator(text: str) -> str:
    """The kind of a separator: its first mark, or ' ' for white space; '' for a paragraph
    break (two line breaks), which no number spans."""
    if len(_LINE_BREAK.findall(text)) > 1:
        return ""
    mark = text.strip(" \t\n\r\u2028\u2029\x0b\x0c\x85")[:1]
    return "-" if mark and mark in _DASHES else mark or " "


def _chains(text: str) -> Iterator[list[_Group]]:
    """Runs of digit groups, each as far as one number could reach."""
    for match in _GROUPS.finditer(text):
        if match.end() - match.start() < 8:
            continue  # too short for a number: most runs of digits, like years
        chain: list[_Group] = []
        last = -1
        for digits in _DIGITS.finditer(text, match.start(), match.end()):
            kind = _separator(text[last : digits.start()]) if chain else ""
            if chain and kind in ("", ","):  # a paragraph, or a list: 3,5 or 12, 14
                yield chain
                chain = []
            chain.append(_Group(digits.start(), digits.end(), digits.group(), kind))
            last = digits.end()
        yield chain


def _year(digits: str) -> bool:
    return len(digits) == 4 and 1900 <= int(digits) <= 2099


def _date(day: str, month: str) -> bool:
    return len(day) <= 2 and len(month) <= 2 and 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _time(hours: str, minutes: str) -> bool:
    return len(hours) <= 2 and len(minutes) == 2 and int(hours) <= 24 and int(minutes) <= 59


def _ordinary(text: str, chain: list[_Group]) -> list[bool]:
    """Which groups are parts of what ordinary text is made of: dates, times, money."""
    taken = [False] * len(chain)
    n = len(chain)
    for i in range(n - 2):
        a, b, c = chain[i : i + 3]
        # 24.12.2018, 24/12/2018, 24/12-2018, 2018-12-24
        same = (b.before == c.before or b.before + c.before == "/-") and b.before in "./-"
        same = same and not any(taken[i : i + 3])
        later = chain[i + 3] if i + 3 < n else None
        short_year = len(c.digits) == 2 and not (
            later and len(later.digits) == 2 and later.before == c.before
        )  # 24.12.18 is a date; 22.12.18.55 is a phone number
        if same and (
            (_date(a.digits, b.digits) and (_year(c.digits) or short_year))
            or (_year(a.digits) and _date(c.digits, b.digits))
        ):
            taken[i : i + 3] = [True] * 3
    times = [
        i < n - 1 and chain[i + 1].before in ".:" and _time(chain[i].digits, chain[i + 1].digits)
        for i in range(n)
    ]
    for i in range(n - 1):
        if times[i] and not taken[i] and not taken[i + 1]:
            ranged = (i + 3 < n and times[i + 2] and chain[i + 2].before == "-") or (
                i >= 2 and times[i - 2] and chain[i].before == "-"
            )
            clock = i == 0 and _CLOCK_BEFORE.search(
                text, max(0, chain[0].start - 12), chain[0].start
            )
            if chain[i + 1].before == ":" or ranged or clock:
                taken[i] = taken[i + 1] = True
    for i in range(n):
        j = i + 1
        while j < n and len(chain[j].digits) == 3 and chain[j].before == chain[i + 1].before:
            j += 1
        if j - i >= 3 and len(chain[i].digits) <= 3 and chain[i + 1].before in " .":
            money = (
                chain[j - 1].digits == "000"
                or _MONEY_BEFORE.search(text, max(0, chain[i].start - 12), chain[i].start)
                or _MONEY_AFTER.match(text[chain[j - 1].end : chain[j - 1].end + 12])
            )
            if money:
                taken[i:j] = [True] * (j - i)
    if _BOOK_BEFORE.search(text, max(0, chain[0].start - 12), chain[0].start):
        taken = [True] * n  # ISBN 978-82-02-12345-6
    # Either side of a decimal comma (the chain ends there): 12 345 678,50
    after, before = chain[-1].end, chain[0].start
    if text[after : after + 1] == "," and text[after + 1 : after + 2].isdigit():
        taken[-1] = True
    if before >= 2 and text[before - 1] == "," and text[before - 2].isdigit():
        taken[0] = True
    return taken


def _phone(run: list[_Group], prefixed: bool) -> bool:
    """Whether eight digits in these groups read as a phone number."""
    digits = "".join(g.digits for g in run)
    if digits[0] not in "23456789":
        return False
    if prefixed:
        return True
    if len(run) == 2 and len(run[0].digits) in (2, 4) and run[1].before == "/":
        return False  # a case number: 2018/1234
    if len(run) == 2 and _year(run[0].digits) and len(run[1].digits) == 4:
        return False  # two years, or a year and a number: 2017 2018, 2017–2018
    # One group: two years (20162017) or a date (20190101), as in addresses and file names.
    return not (
        len(run) == 1
        and _year(digits[:4])
        and (_year(digits[4:]) or _date(digits[6:], digits[4:6]))
    )


@dataclass(frozen=True)
class Number:
    start: int  # offset in the text
    end: int
    digits: str  # the number's own digits, without +47
    kind: str  # 'a national ID number', …, 'a phone number'


def _identities(chain: list[_Group], used: list[bool]) -> Iterator[Number]:
    for i in range(len(chain)):
        digits, splits = "", set()
        for j in range(i, len(chain)):
            if used[j]:
                break
            if digits:
                splits.add(len(digits))
            digits += chain[j].digits
            if len(digits) >= 11:
                kind = identity_kind(digits) if frozenset(splits) in _IDENTITY_SPLITS else None
                if kind:
                    used[i : j + 1] = [True] * (j + 1 - i)
                    yield Number(chain[i].start, chain[j].end, digits, kind)
                break


def _prefix(text: str, chain: list[_Group], i: int) -> tuple[int, int] | None:
    """Where a +47 or 0047 before group i starts, and how many of group i's digits it takes;
    None without one."""
    group = chain[i]
    plus = group.start > 0 and text[group.start - 1] == "+"
    if group.digits.startswith("0047") and len(group.digits) in (4, 12):
        return group.start, 4
    if plus and group.digits.startswith("47"):  # +47 91234567, +4791234567, +47912 34 567
        return group.start - 1, 2
    if i == 0:
        before = _PREFIX_BEFORE.search(text, max(0, group.start - 10), group.start)
        if before:
            return before.start(), 0
    return None


def find_numbers(text: str) -> Iterator[Number]:
    """Identity and phone numbers in `text` (as read: digits 0-9), in order."""
    for chain in _chains(text):
        if sum(len(g.digits) for g in chain) < 8:
            continue
        used = [False] * len(chain)
        found = list(_identities(chain, used))
        taken = _ordinary(text, chain)
        i = 0
        while i < len(chain):
            prefix = _prefix(text, chain, i)
            start, skip = prefix if prefix else (chain[i].start, 0)
            first = chain[i]
            if skip == len(first.digits):  # the prefix is a group of its own: +47 912 34 567
                if i + 1 == len(chain):
                    break
                i, first = i + 1, chain[i + 1]
            elif skip:
                first = _Group(first.start + skip, first.end, first.digits[skip:], first.before)
            run, digits = [first], len(first.digits)
            while digits < 8 and i + len(run) < len(chain):
                run.append(chain[i + len(run)])
                digits += len(run[-1].digits)
            span = range(i, i + len(run))
            blocked = any(used[k] for k in span) or (not prefix and any(taken[k] for k in span))
            if digits == 8 and not blocked and _phone(run, prefix is not None):
                found.append(
                    Number(start, run[-1].end, "".join(g.digits for g in run), "a phone number")
                )
                for k in span:
                    used[k] = True
                i += len(run)
            else:
                i += 1
        yield from sorted(found, key=lambda number: number.start)
