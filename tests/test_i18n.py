from showcase.content.model import PartialDate
from showcase.render.i18n import format_date, format_number, format_range


def test_dates_read_naturally_in_each_language() -> None:
    assert format_date(PartialDate(2017, 11, 20), "nb") == "20. november 2017"
    assert format_date(PartialDate(2017, 11, 20), "en") == "20 November 2017"
    assert format_date(PartialDate(2017, 11), "nb") == "november 2017"
    assert format_date(PartialDate(2017), "en") == "2017"


def test_date_ranges_share_month_and_year() -> None:
    start, end = PartialDate(2018, 2, 11), PartialDate(2018, 2, 13)
    assert format_range(start, end, "nb") == "11.–13. februar 2018"
    assert format_range(start, end, "en") == "11–13 February 2018"


def test_numbers_group_thousands_per_language() -> None:
    assert format_number(4000, "nb") == "4\u00a0000"
    assert format_number(4000, "en") == "4,000"
    assert format_number(276, "nb") == "276"
