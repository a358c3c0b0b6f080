"""The personal-data gate reads what a reader sees: identity numbers, phone numbers and e-mail
addresses are found however they are spelt (invisible characters, entities, other digits, line
breaks, separators, obfuscated @ and dots), at the place they are written; and ordinary Norwegian
with dates, years, case numbers, amounts, times and page numbers is left alone."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from conftest import PROJECT
from hypothesis import assume, given
from hypothesis import strategies as st

from showcase.checks import privacy
from showcase.checks.personal import check_digits, scan_line

NONE: frozenset[str] = frozenset()
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
SCRIPTS = {
    "ascii": "0123456789",
    "fullwidth": "０１２３４５６７８９",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "devanagari": "०१२३४५६७८९",
}


def spelt(digits: str, script: str, entities: list[bool], hidden: list[int]) -> str:
    """`digits` in another script, some as HTML entities, with invisible characters after some."""
    out = []
    for i, d in enumerate(digits):
        c = SCRIPTS[script][int(d)]
        out.append(f"&#{ord(c)};" if entities[i % len(entities)] else c)
        if i in hidden:
            out.append(INVISIBLE[i % len(INVISIBLE)])
    return "".join(out)


def findings(text: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.message.split(" (")[0]) for f in scan_line(text, 1, NONE)]


dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2039, 12, 31))
scripts = st.sampled_from(sorted(SCRIPTS))
entity_flags = st.lists(st.booleans(), min_size=1, max_size=4)
hidden = st.lists(st.integers(0, 10), max_size=3)


@given(
    dates,
    st.integers(0, 999),
    st.sampled_from(["", " ", "-", ".", "/", "\n", " \n", "\u00a0"]),
    st.booleans(),
    scripts,
    entity_flags,
    hidden,
)
def test_identity_numbers_are_found_however_they_are_spelt(
    born: date,
    individual: int,
    separator: str,
    dotted_date: bool,
    script: str,
    entities: list[bool],
    invisible: list[int],
) -> None:
    first = f"{born.day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"
    check = check_digits(first)
    assume(check is not None)
    number = first + (check or "")
    parts = [number[:2], number[2:4], number[4:6]] if dotted_date else [number[:6]]
    written = ".".join(spelt(p, script, entities, invisible) for p in parts)
    written += separator + spelt(number[6:], script, entities, invisible)
    assert findings(f"Familien\nhar nr {written} her.") == [
        (2, 8, "this looks like a national ID number")
    ]


GROUPINGS = [[8], [3, 2, 3], [2, 2, 2, 2], [4, 4], [3, 5], [2, 6]]


@given(
    st.sampled_from("23456789"),
    st.text("0123456789", min_size=7, max_size=7),
    st.sampled_from(GROUPINGS),
    st.sampled_from([" ", "-", ".", "\u00a0", "\u2013", "/", "\n"]),
    st.sampled_from(["", "+47 ", "+47", "0047 ", "+47-", "(+47) "]),
    scripts,
    entity_flags,
    hidden,
)
def test_phone_numbers_are_found_however_they_are_spelt(
    lead: str,
    rest: str,
    grouping: list[int],
    separator: str,
    prefix: str,
    script: str,
    entities: list[bool],
    invisible: list[int],
) -> None:
    number = lead + rest
    assume(not (number[:2] in ("19", "20") and grouping == [4, 4]))  # read as a year first
    assume(not (separator == "/" and grouping in ([2, 6], [4, 4])))  # read as a case number
    groups, at = [], 0
    for size in grouping:
        groups.append(number[at : at + size])
        at += size
    written = separator.join(spelt(g, script, entities, invisible) for g in groups)
    found = findings(f"Ring oss på {prefix}{written}, takk.")
    at = 14 if prefix.startswith("(") else 13  # the + of (+47)
    assert found == [(1, at, "this looks like a phone number")]


label = st.from_regex(r"[a-z][a-z0-9-]{0,8}[a-z0-9]", fullmatch=True).filter(
    lambda word: word not in ("at", "dot")
)
AT_SIGNS = ["@", " @ ", "(at)", " (at) ", "[at]", " [AT] ", "{at}", "＠", "&#64;", "&commat;"]
DOTS = [".", " (dot) ", "[dot]", "(.)"]


@given(
    st.from_regex(r"[a-z][a-z0-9._+-]{0,10}[a-z0-9]", fullmatch=True),
    st.lists(label, min_size=1, max_size=3),
    st.sampled_from(["no", "com", "org", "kommune"]),
    st.sampled_from([*AT_SIGNS, " at "]),
    st.sampled_from([*DOTS, " dot "]),
)
def test_email_addresses_are_found_however_the_at_and_dots_are_spelt(
    user: str, labels: list[str], top: str, at: str, dot: str
) -> None:
    assume(not (at == " at " and dot == "."))  # 'read more at asker.no' is a web address
    written = f"{user}{at}{dot.join([*labels, top])}"
    assert findings(f"Skriv til {written} i dag.") == [(1, 11, "this looks like an e-mail address")]


# -- ordinary Norwegian: not personal data ---------------------------------------------------------

MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember"]  # fmt: skip


def ordinary_figures(rng: random.Random) -> list[str]:
    """The figures ordinary text is made of, in the ways they are written."""
    y = rng.randint(1950, 2030)
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    y2 = rng.randint(y, 2035)
    amount = rng.randint(1_000_000, 99_000_000)
    grouped = f"{amount:,}".replace(",", " ")
    return [
        f"{d}.{m}.{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d:02d}.{m:02d}.{y % 100:02d}",
        f"{y}-{m:02d}-{d:02d}",
        f"{d}. {MONTHS[m - 1]} {y}",
        f"{d:02d}/{m:02d}-{y}",
        f"{d:02d}.{m:02d}.{y}–{rng.randint(1, 28):02d}.{m:02d}.{y2}",
        f"{y}",
        f"{y}–{y2}",
        f"{y}-{y2}",
        f"{y}/{y2}",
        f"i {y} og {y2}",
        f"saksnummer {y}/{rng.randint(1, 99999)}",
        f"sak {y % 100:02d}/{rng.randint(100, 99999)}",
        f"kr {rng.randint(1, 999)} 500,-",
        f"{grouped} kroner",
        f"kr {grouped}",
        f"kr {amount:,}".replace(",", "."),
        f"{rng.randint(1, 999)} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d} kroner",
        f"org.nr. {rng.randint(800, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        f"org.nr. {rng.randint(800_000_000, 999_999_999)}",
        f"{rng.randint(1, 99)},{rng.randint(0, 9)} %",
        f"{rng.randint(1, 100)} prosent",
        f"kl. {rng.randint(8, 23)}.{rng.choice(['00', '15', '30'])}",
        f"kl. {rng.randint(8, 21)}.30–{rng.randint(12, 23)}.00",
        f"{rng.randint(10, 23)}:{rng.randint(10, 59)}",
        f"side {rng.randint(1, 400)}",
        f"s. {rng.randint(1, 99)}–{rng.randint(100, 400)}",
        f"kapittel {rng.randint(1, 20)}.{rng.randint(1, 9)}",
        f"uke {rng.randint(1, 52)}",
        f"Steg {rng.randint(1, 9)}",
        f"over {rng.randint(1, 9)} 000 eksempler",
        f"{rng.randint(18, 25)} og {rng.randint(26, 30)} år",
        f"{rng.randint(2, 500)} søknader",
        f"Innovasjonsprisen {y}",
        f"EPSA {y}",
        f"plass {rng.randint(1, 3)}",
        f"versjon {rng.randint(1, 9)}.{rng.randint(0, 20)}",
        f"postnummer {rng.randint(1000, 9999)} Asker",
        f"tabell {rng.randint(1, 9)} og {rng.randint(10, 20)}",
        f"ISBN 978-82-{rng.randint(10, 99)}-{rng.randint(10000, 99999)}-{rng.randint(0, 9)}",
    ]


FRAMES = [
    "Kommunen vedtok planen {}.", "Møtet ble holdt {}, og alle deltok.", "Se {} for detaljer.",
    "I perioden {} økte tallet.", "Tiltaket kostet {} i fjor.", "Rapporten ({}) er offentlig.",
    "Vi svarer innen {}.", "The report ({}) is public.", "Tallene fra {} viser en økning.",
]  # fmt: skip


def ordinary_lines(count: int, seed: int = 2017) -> list[str]:
    rng = random.Random(seed)
    lines = []
    while len(lines) < count:
        figures = ordinary_figures(rng)
        frame = rng.choice(FRAMES)
        chosen = " og ".join(rng.sample(figures, rng.randint(1, 3)))
        lines.append(frame.format(chosen))
    return lines


@given(st.integers(0, 10_000))
def test_ordinary_sentences_with_dates_years_and_amounts_are_not_personal_data(seed: int) -> None:
    for line in ordinary_lines(5, seed):
        assert findings(line) == [], line


def test_no_false_positives_on_the_real_content_and_thousands_of_ordinary_lines() -> None:
    """The false-positive rate on ordinary text is zero: the real content and the fixture site,
    line by line and file by file, and 4 000 generated lines with every kind of figure."""
    real = [
        path.read_text(encoding="utf-8")
        for folder in (PROJECT / "content", Path(__file__).parent / "sites" / "basic" / "content")
        for path in privacy.content_files(folder)
    ]
    lines = [line for text in real for line in text.split("\n")] + ordinary_lines(4000)
    assert len(lines) > 5000
    found = [(line, f.message) for line in lines for f in scan_line(line, 1, NONE)]
    found += [(text[:40], f.message) for text in real for f in scan_line(text, 1, NONE)]
    assert found == []
