"""What personal data looks like, line by line: Norwegian national ID, D- and H-numbers with
valid check digits, phone numbers, e-mail and street addresses (errors unless allowed as public
contact details), and in case stories the details that together could point at a family (exact
age, a named school, a small place, a rare diagnosis, an exact date). `privacy` runs these over
every content file; values are only ever shown masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..content.model import allow_key
from .numbers import check_digits, find_numbers, identity_kind
from .reading import read
from .scanning import EIGHT_DIGITS, Lines, PreparedText, Rule, case_blind_words, triggers

__all__ = ["check_digits", "identity_kind"]  # tests and tools know them from here

# -- e-mail addresses, however the @ and the dots are spelt ----------------------------------------

_GAP = "[ \t]*"
_USER = r"[\w.+-]*\w"
_AT = rf"{_GAP}@{_GAP}|{_GAP}[(\[{{<][ \t]?(?:at|@|krøllalfa)[ \t]?[)\]}}>]{_GAP}"
_DOT = rf"\.|{_GAP}[(\[{{<][ \t]?(?:dot|punktum|\.)[ \t]?[)\]}}>]{_GAP}|[ \t]+dot[ \t]+"
_DOMAIN = rf"[\w-]+(?:(?:{_DOT})[\w-]+)*(?:{_DOT})[a-z]{{2,24}}(?![\w-])"
_EMAIL = re.compile(
    rf"(?i)(?<![\w.+-])(?P<user>{_USER})(?:{_AT})(?P<domain>{_DOMAIN})"
    # 'kari at asker dot no': a bare 'at' only with a spelt-out 'dot' after it
    rf"|(?<![\w.+-])(?P<user2>{_USER})[ \t]+at[ \t]+(?P<domain2>{_DOMAIN})"
)
_SPELT_DOT = re.compile(
    rf"(?i){_GAP}[(\[{{<][ \t]?(?:dot|punktum|\.)[ \t]?[)\]}}>]{_GAP}|[ \t]+dot[ \t]+"
)


def _email(match: re.Match[str]) -> str | None:
    """The address a match spells, as 'user@domain'; None for a bare 'at' without 'dot'."""
    user, domain = match.group("user"), match.group("domain")
    if user is None:
        user, domain = match.group("user2"), match.group("domain2")
        if not _SPELT_DOT.search(domain):
            return None  # 'read more at asker.kommune.no' is a web address, not an e-mail
    return f"{user}@{_SPELT_DOT.sub('.', domain)}".lower()


# -- street addresses, by their shape ----------------------------------------------------------

# A street name ends in one of these words (glued on: Storgata, Slemmestadveien) ...
_STREET_ENDINGS = (
    "veien|vegen|vei|veg|gata|gaten|gate|alléen|allé|alle|plassen|plass|stien|stigen|stig|sti|"
    "bakken|bakke|svingen|sving|tunet|tun|terrassen|terrasse|torget|torg|brygga|bryggen|brygge|"
    "åsen|kroken|løkka|haugen|jordet"
)
# ... or is a name and one of these, apart (Asker torg, Olav Kyrres gate).
_STREET_WORDS = (
    "gate|gata|gaten|vei|veg|veien|vegen|allé|alle|plass|torg|torget|terrasse|brygge|park|sti|"
    r"stien|bakke|ring|tun|gt\.|vn\.|v\."
)
# A house number, perhaps with a letter (12B, 12 B), that is not a count of something.
_HOUSE = (
    r"[0-9]{1,3}(?![0-9])(?:[A-Za-z]|[ ][A-Z])?(?![\w])"
    r"(?![ ]?(?:%|prosent|år\b|års|ganger|gang\b|dager|døgn|uker|måneder|timer|minutter|km\b|"
    r"meter|kr\b|kroner|mill|personer|stk|deltakere|plasser|barn\b|poeng|[.,][0-9]))"
)


def _ends_in(endings: str, before: int) -> str:
    """Lookbehinds for a word that ends in one of `endings` after `before` letters of its own:
    the regex reads the whole word once, then looks back, instead of trying every split."""
    return "|".join(f"(?<=[\\w-]{{{before}}}{ending})" for ending in endings.split("|"))


# Words that start a sentence, not a street name: 'Se plass 3', 'Neste gate 2'.
_SENTENCE_STARTS = (
    "(?:Se|Sjå|På|I|Til|Fra|Frå|Vi|Det|Den|De|Du|En|Et|Ei|Og|Men|Han|Hun|Ho|Som|Av|Med|For|"
    "Etter|Ved|Mot|Om|Under|Over|Fikk|Kom|Ta|Gå|Les|Nå|Her|Der|Hvor|Når|Alle|Neste|Første|"
    "Andre|Tredje|Siste|See|The|At|In|On|To|From|A|An|Next|First|Second|Third|Last)"
)
# Each form starts where a word does; an English address starts with its number.
_STREET = re.compile(
    r"(?<![\w-])(?:(?=[^\W\d_])(?:"
    rf"[^\W\d_](?:[^\W\d_]|['-])*(?=\.?[ ]?[0-9])"
    rf"(?i:{_ends_in(_STREET_ENDINGS, 2)}|(?:{_ends_in('gt|vn', 2)}|{_ends_in('v', 4)})\.)"
    rf"[ ]?{_HOUSE}"
    rf"|(?!{_SENTENCE_STARTS}\b)[A-ZÆØÅ][\w'-]*[ ](?i:{_STREET_WORDS})[ ]?{_HOUSE}"
    # any name, when a postcode and place follow: Rådhusplassen 1, 1384 Asker
    rf"|[A-ZÆØÅ][\w'-]+[ ]{_HOUSE}(?=,?[ ][0-9]{{4}}[ ][A-ZÆØÅ]))"
    r"|[0-9]{1,4} [A-Z][a-z]+ (?i:street|road|avenue|lane)\b)",
)


# -- quasi-identifiers (warnings, case stories only) ---------------------------------------------

_MONTHS = (
    "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_QUASI = (
    (
        re.compile(r"(?<![\d–-] og )(?<![\d–-])\b\d{1,2} ?(?:år|års|-åring|åring)\b"),
        "an exact age",
        "write an age range instead, e.g. 'i tenårene' or 'mellom 18 og 25 år'",
    ),
    (
        re.compile(r"\b(?:aged \d{1,2}|\d{1,2}[- ]years?[- ]old)\b"),
        "an exact age",
        "write an age range instead, e.g. 'in their teens'",
    ),
    (
        re.compile(r"\b[A-ZÆØÅ][\wæøå-]+ (?:skole|ungdomsskole|barneskole|barnehage|School)\b"),
        "a named school or kindergarten",
        "write 'skolen' or 'the school' without its name",
    ),
    (
        re.compile(rf"\b\d{{1,2}}\.? (?:{_MONTHS}) \d{{4}}\b|\b\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}\b"),
        "an exact date",
        "write the month or the season instead",
    ),
)
SMALL_PLACES = (
    "Heggedal", "Vollen", "Holmen", "Borgen", "Bondi", "Nesøya", "Slemmestad", "Sætre", "Tofte",
    "Filtvet", "Spikkestad", "Bødalen", "Vettre", "Blakstad", "Gullhella", "Hvalstad",
    "Billingstad",
    "Vardåsen", "Drengsrud", "Hallenskog", "Kana", "Nærsnes", "Åros", "Klokkarstua", "Hyggen",
)  # fmt: skip
RARE_DIAGNOSES = (
    "Prader-Willi", "Angelman", "Rett-syndrom", "Retts syndrom", "Duchenne", "Huntington",
    "cystisk fibrose", "cystic fibrosis", "Williams syndrom", "Tourette", "spinal muskelatrofi",
    "SMA", "ALS", "fragilt X", "fragile X", "22q11", "Turners syndrom", "Cri du chat",
)  # fmt: skip
_SMALL_PLACE = re.compile(r"\b(?:" + "|".join(map(re.escape, SMALL_PLACES)) + r")\b")
_DIAGNOSIS = re.compile(r"\b(?:" + "|".join(map(re.escape, RARE_DIAGNOSES)) + r")\b", re.I)


@dataclass(frozen=True)
class Finding:
    line: int
    col: int
    value: str
    message: str
    hint: str


def mask(value: str) -> str:
    """Enough of a value to find it in the file, never enough to read it: '01******123'."""
    compact = value.replace(" ", "")
    if compact.isdigit() and len(compact) >= 8:
        return compact[:2] + "*" * (len(compact) - 5) + compact[-3:]
    if "@" in value:
        user, _, domain = value.partition("@")
        return f"{user[:1]}***@{domain[:1]}***"
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in value.split(" "))


def _street_key(value: str) -> str:
    return re.sub(r"[\s.]", "", value.lower())


def _phone_key(value: str) -> str:
    digits = re.sub("[^0-9]", "", value)
    for prefix in ("0047", "47"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 8:
            return digits[len(prefix) :]
    return digits


@cache
def _allowed_keys(allowed: frozenset[str]) -> frozenset[str]:
    """The allow-list as the scan compares it: each entry as read, as a phone number's digits,
    and as an address without spaces and dots ('storgata12b'); so 'privacy: allow' in site.yaml
    covers every spelling of an entry."""
    keys: set[str] = set()
    for entry in allowed:
        text = allow_key(read(entry).text)
        keys |= {text, _phone_key(text), _street_key(text), text.replace(" ", "")}
    return frozenset(keys - {""})


_IDENTITY_HINT = "remove it: identity numbers must never be published"
_CONTACT_HINT = "remove it, or add it to 'privacy: allow' in site.yaml if it is a public {what}"
_PHONE_HINT = _CONTACT_HINT.format(what="number")
_ADDRESS_HINT = _CONTACT_HINT.format(what="address")
# An e-mail address has an @, a bracket closed right after 'at', 'krøllalfa' or a spelt-out dot,
# or a bare 'at' with a spelt-out ' dot '. A trigger that starts with a literal is fastest.
_EMAILS = Rule(
    _EMAIL,
    "an e-mail address",
    _ADDRESS_HINT,
    triggers(
        "@",
        r"[)\]}>](?:(?<=[tTaAmM.@][)\]}>])|(?<=[tTaAmM.@][ \t][)\]}>]))",
        r"d(?<=[ \t]d)[oO][tT][ \t]",
        r"D(?<=[ \t]D)[oO][tT][ \t]",
    ),
)
# A house number follows a letter (Slemmestadveien12), perhaps a dot and a space ('é' stands for
# any letter outside ASCII); an English one comes before the name.
_STREETS = Rule(
    _STREET,
    "a street address",
    _ADDRESS_HINT,
    triggers(r"0(?:(?<=[A-Za-zé]0)|(?<=[A-Za-zé] 0)|(?<=[A-Za-zé]\.0)|(?<=[A-Za-zé]\. 0)| [A-Z])"),
)


def scan_line(text: str, number: int, allowed: frozenset[str]) -> Iterator[Finding]:
    """Personal data in a text starting at line `number`: identity numbers, phones, e-mails
    and street addresses (the last three unless allowed)."""
    yield from contact_findings(PreparedText(text), number, allowed)


@dataclass(frozen=True)
class _Found:
    offset: int  # in the text as read
    end: int
    value: str  # as read: a number's digits, an address spelt the plain way
    what: str  # 'a phone number', …
    hint: str


def _numbers_and_emails(text: PreparedText, allowed: frozenset[str]) -> Iterator[_Found]:
    keys = _allowed_keys(allowed)
    for number in find_numbers(text.text) if text.has(EIGHT_DIGITS) else ():
        if number.kind != "a phone number":
            yield _Found(number.start, number.end, number.digits, number.kind, _IDENTITY_HINT)
        elif number.digits not in keys:
            yield _Found(number.start, number.end, number.digits, number.kind, _PHONE_HINT)
    for match in text.matches(_EMAILS):
        address = _email(match)
        if address and address not in keys:
            yield _Found(match.start(), match.end(), address, "an e-mail address", _ADDRESS_HINT)


# Most names: ASCII letters and fewer than eight digits, after a news item's date.
_PLAIN_NAME = re.compile(
    r"(?:[A-Za-z._-]+/)*(?:[0-9]{4}-[0-9]{2}-[0-9]{2}-)?[A-Za-z._-]*(?:[0-9][A-Za-z._-]*){0,7}"
)


def name_findings(name: str, allowed: frozenset[str]) -> Iterator[tuple[str, str, str]]:
    """(the name masked, message, hint) for each identity or phone number or e-mail address in
    a file's name, which becomes the address of its page. The name is printed masked too."""
    if _PLAIN_NAME.fullmatch(name):
        return
    text = PreparedText(name)
    for found in _numbers_and_emails(text, allowed):
        start, end = text.reading.origin(found.offset), text.reading.origin(found.end - 1) + 1
        yield (
            name[:start] + mask(found.value) + name[end:],
            f"the file name looks like {found.what} ({mask(found.value)})",
            "rename the file: its name is in the page's address",
        )


def contact_findings(text: PreparedText, number: int, allowed: frozenset[str]) -> Iterator[Finding]:
    lines = Lines(text.reading, text.original, number)
    found = list(_numbers_and_emails(text, allowed))
    keys = _allowed_keys(allowed)
    for match in text.matches(_STREETS):
        if _street_key(match.group()) not in keys:
            found.append(
                _Found(match.start(), match.end(), match.group(), "a street address", _ADDRESS_HINT)
            )
    for f in found:
        yield Finding(
            *lines.at(f.offset), f.value, f"this looks like {f.what} ({mask(f.value)})", f.hint
        )


_QUASI_TRIGGERS = (
    triggers("0 ?-?år"),
    triggers("aged 0", "0[- ]year"),
    triggers("skole", "barnehage", "School"),
    triggers("0(?<= 0)000", r"0\.0"),
)
_QUASI_ALL = (
    *(
        Rule(pattern, what, hint, triggers)
        for (pattern, what, hint), triggers in zip(_QUASI, _QUASI_TRIGGERS, strict=True)
    ),
    Rule(
        _SMALL_PLACE,
        "a small place",
        "write 'Asker'",
        triggers("|".join(map(re.escape, SMALL_PLACES))),
    ),
    Rule(
        _DIAGNOSIS,
        "a rare diagnosis",
        "describe the need instead of naming the diagnosis",
        words=case_blind_words(RARE_DIAGNOSES),
    ),
)


def scan_quasi(text: str, number: int) -> Iterator[Finding]:
    """Details that are harmless alone but can identify a family together with others."""
    yield from quasi_findings(PreparedText(text), number)


def quasi_findings(text: PreparedText, number: int) -> Iterator[Finding]:
    lines = Lines(text.reading, text.original, number)
    for rule in _QUASI_ALL:
        for match in text.matches(rule):
            yield Finding(*lines.at(match.start()), match.group(), rule.what, rule.hint)
