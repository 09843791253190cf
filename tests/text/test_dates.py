"""dates: finding and parsing dates never raises, and keeps the precision the text gives."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.models import DateValue
from kg.text.dates import find_dates, parse_date

DATEISH = st.lists(
    st.sampled_from([*"0123456789 -./,:TZ+", "January", "Feb", "sept", "of", "mid", "last year", "this month"]),
    max_size=20,
).map("".join)
"""Text made of the pieces dates are made of, so the patterns get exercised."""


@given(
    st.text(max_size=300) | DATEISH,
    st.none()
    | st.sampled_from(
        [
            DateValue(value="2024-03-01", precision="day"),
            DateValue(value="2024", precision="year"),
            DateValue(value="0001-01", precision="month"),
            DateValue(value="9999-12", precision="month"),
        ]
    ),
)
@settings(max_examples=300, deadline=None)
@example("31 February 2023", None)
@example("0000-00-00", None)
@example("next month", DateValue(value="9999-12", precision="month"))
def test_dates_find_dates_never_raises(text: str, reference: DateValue | None) -> None:
    found = find_dates(text, reference)
    spans = [(m.start, m.end) for m in found]
    assert spans == sorted(spans)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert isinstance(m.date, DateValue)


@given(st.text(max_size=100) | DATEISH)
@settings(max_examples=300, deadline=None)
@example("2024-02-30")
@example("2024-13")
@example("99999")
def test_dates_parse_date_never_raises(text: str) -> None:
    result = parse_date(text)
    assert result is None or isinstance(result, DateValue)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2024-03-01", "2024-03-01", "day"),
        ("2024-03", "2024-03", "month"),
        ("2024", "2024", "year"),
        ("March 1, 2024", "2024-03-01", "day"),
        ("1 March 2024", "2024-03-01", "day"),
        ("2024-03-01T09:30:00Z", "2024-03-01", "day"),
    ],
)
def test_dates_parse_date_keeps_precision(text: str, value: str, precision: str) -> None:
    assert parse_date(text) == DateValue.model_validate({"value": value, "precision": precision})


@pytest.mark.parametrize("text", ["yesterday", "2024-02-30", "", "March", "1 and 2"])
def test_dates_parse_date_refuses_non_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministers met on Wednesday in Riga.", "2025-03-12"),
        ("Drones struck the port before dawn Thursday.", "2025-03-13"),
        ("Talks resumed on Friday.", "2025-03-14"),  # the reference day itself
        ("The vote was held last Saturday.", "2025-03-08"),
    ],
)
def test_dates_weekdays_are_the_latest_such_day_on_or_before_the_reference(text: str, value: str) -> None:
    reference = DateValue(value="2025-03-14", precision="day")  # a Friday
    (found,) = find_dates(text, reference, weekdays=True)
    assert (found.date.value, found.date.precision, found.relative) == (value, "day", True)


def test_dates_weekdays_need_the_flag_a_day_and_no_calendar_date() -> None:
    day = DateValue(value="2025-03-14", precision="day")
    assert find_dates("They met on Wednesday.", day) == []
    assert find_dates("They met on Wednesday.", DateValue(value="2025-03", precision="month"), weekdays=True) == []
    (found,) = find_dates("They met on Wednesday, March 5, 2025.", day, weekdays=True)
    assert found.date.value == "2025-03-05"


def test_dates_a_bare_month_at_the_start_of_a_sentence_resolves() -> None:
    (found,) = find_dates("In May, the talks collapsed.", DateValue(value="2025-09-01", precision="day"))
    assert found.date.value == "2025-05"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The package was presented on 19 November.", "2025-11-19"),
        ("Ministers met on Nov. 19 in Brussels.", "2025-11-19"),
        ("The vote is set for December 20.", "2025-12-20"),  # this month: this year's
        ("Talks began on 5 January.", "2025-01-05"),
    ],
)
def test_dates_a_day_and_month_take_the_reference_year(text: str, value: str) -> None:
    (found,) = find_dates(text, DateValue(value="2025-12-16", precision="day"))
    assert (found.date.value, found.relative) == (value, True)


def test_dates_day_month_needs_a_capitalised_month_and_a_reference() -> None:
    december = DateValue(value="2025-12", precision="month")
    assert find_dates("Prices may 4 percent rise.", december) == []  # the verb, not the month
    assert find_dates("The package was presented on 19 November.") == []  # no year to give it


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("two in Mali (January and September 2022)", ["2022-01", "2022-09"]),
        ("between May and June 2023", ["2023-05", "2023-06"]),
        ("from March to May, 2024", ["2024-03", "2024-05"]),
        ("Sept. and Oct. 2021", ["2021-09", "2021-10"]),
    ],
)
def test_dates_the_first_month_of_a_pair_takes_the_shared_year(text: str, values: list[str]) -> None:
    assert [m.date.value for m in find_dates(text)] == values


def test_dates_a_month_pair_out_of_order_shares_no_year() -> None:
    assert [m.date.value for m in find_dates("in December and January 2024")] == ["2024-01"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The committee is next due to meet on April 5.", "2025-04-05"),
        ("The next summit opens in November.", "2025-11"),
        ("Ministers will meet again in November.", "2025-11"),
        ("Talks collapsed in November.", "2024-11"),
        ("Sales fell in November, and will recover.", "2024-11"),
        ("The envoy visited on 19 November.", "2024-11-19"),
    ],
)
def test_dates_a_month_still_to_come_is_this_years_when_the_clause_looks_ahead(text: str, value: str) -> None:
    reference = DateValue(value="2025-03-03", precision="day")
    assert [m.date.value for m in find_dates(text, reference)] == [value]


def test_dates_early_mid_late_hyphen_year() -> None:
    assert [(m.date.value, m.date.precision) for m in find_dates("by mid-2025 and in late-2019")] == [
        ("2025", "year"),
        ("2019", "year"),
    ]
    assert find_dates("the mid-2025-26 budget") == []


def test_dates_yesterday_and_last_week_only_in_event_mode_and_from_a_day() -> None:
    wednesday = DateValue(value="2025-09-17", precision="day")
    assert [m.date.value for m in find_dates("troops left yesterday", wednesday, weekdays=True)] == ["2025-09-16"]
    assert [m.date.value for m in find_dates("a hearing last week", wednesday, weekdays=True)] == ["2025-09"]
    assert find_dates("troops left yesterday", wednesday) == []
    assert find_dates("troops left yesterday", DateValue(value="2025-09", precision="month"), weekdays=True) == []
    monday = DateValue(value="2025-09-01", precision="day")  # last week: 25-31 August
    assert [m.date.value for m in find_dates("a hearing last week", monday, weekdays=True)] == ["2025-08"]
    january = DateValue(value="2025-01-06", precision="day")  # last week: 30 December - 5 January, no date
    assert find_dates("a hearing last week", january, weekdays=True) == []


def test_dates_month_and_weekday_tables() -> None:
    from kg.text.dates import MONTH_NAME_RE, MONTH_NAMES, MONTHS, WEEKDAY_NAMES

    assert MONTH_NAMES[0] == "January" and len(MONTH_NAMES) == 12
    assert WEEKDAY_NAMES[0] == "Monday" and len(WEEKDAY_NAMES) == 7
    assert MONTHS["sept"] == MONTHS["sep"] == MONTHS["september"] == 9
    assert MONTH_NAME_RE.split("|") == list(MONTH_NAMES)
