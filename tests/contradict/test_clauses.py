"""A claim's clauses, negated or denied: clause boundaries, negation, denial words and leads."""

from __future__ import annotations

import pytest

from kg.contradict.clauses import CLAUSES, DENIAL, DENIAL_LEAD, EMPHATIC, NEGATION


def test_and_with_an_auxiliary_starts_a_clause() -> None:
    """"... would cost millions and is not the best outcome": the negation belongs to the second clause."""
    assert CLAUSES.split("the plan would cost millions and is not the best outcome")[0].strip() == (
        "the plan would cost millions"
    )


def test_short_statements_leave_out_negation_and_emphasis() -> None:
    words = EMPHATIC.sub(" ", NEGATION.sub(" ", "this is not deregulation, plain and simple"))
    assert words.split() == ["this", "is", "deregulation"]


def test_a_rejected_plan_is_not_a_denial() -> None:
    """"rejected the plan that would ..." rejects a plan; it does not deny what the plan would do."""
    assert DENIAL_LEAD.search("They rejected the plan") is None
    assert DENIAL_LEAD.search("Moscow rejected the Western claims") is not None


@pytest.mark.parametrize(
    ("text", "denies"),
    [("Tehran has repeatedly denied supplying weapons", True), ("Hamas denied any involvement", True),
     ("The talks failed to produce a deal", True), ("Israel denied entry to aid trucks", False),
     ("He was denied a visa", False)],
)
def test_denial_words(text: str, denies: bool) -> None:
    assert bool(DENIAL.search(text)) is denies
