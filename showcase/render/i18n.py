"""Dates and numbers written the way each language writes them."""

from __future__ import annotations

from ..content.model import PartialDate

MONTHS = {
    "nb": (
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip
NBSP = "\u00a0"


def format_date(date: PartialDate, lang: str) -> str:
    """'20. november 2017' / '20 November 2017', or just month and year, or the year."""
    if date.month is None:
        return str(date.year)
    month = MONTHS[lang][date.month - 1]
    if date.day is None:
        return f"{month} {date.year}"
    day = f"{date.day}." if lang == "nb" else str(date.day)
    return f"{day} {month} {date.year}"


def format_range(start: PartialDate, end: PartialDate | None, lang: str) -> str:
    """'11.–13. februar 2018' / '11–13 February 2018' when the dates share month and year."""
    if end is None or end == start:
        return format_date(start, lang)
    if start.day and end.day and (start.year, start.month) == (end.year, end.month):
        rest = format_date(end, lang).split(" ", 1)[1]
        first = f"{start.day}." if lang == "nb" else str(start.day)
        return f"{first}–{format_date(end, lang).split(' ', 1)[0]} {rest}"
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def format_number(value: int, lang: str) -> str:
    """Thousands grouped as the language does it: '4 000' in Norwegian, '4,000' in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", NBSP) if lang == "nb" else grouped
