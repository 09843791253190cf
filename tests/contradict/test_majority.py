""""Most" against a minority figure in the same article."""

from __future__ import annotations

import pytest

from tests.support.contradict import found_in

_POLL = "\n\nAbacus Data said {} support the new fuel tax, down from 44% in April."


_MOST = "“Canadians overwhelmingly support the new fuel tax because it funds transit,” said minister Anna Berg."


def test_most_against_a_minority_figure_conflicts() -> None:
    found = found_in(_MOST + " " + _POLL.format("38%"))
    assert [kind for kind, _ in found] == ["value"]
    assert "38%" in found[0][1]


@pytest.mark.parametrize(
    "bodies",
    [
        pytest.param((_MOST + " " + _POLL.format("58%"),), id="a-majority"),
        pytest.param((_MOST + " " + _POLL.format("38% of Albertans"),), id="a-subgroup"),
        pytest.param((_MOST, _POLL.format("38%").strip()), id="two-articles"),
        pytest.param((_MOST + "\n\nAbacus Data said 38% oppose the new fuel tax.",), id="another-verb"),
    ],
)
def test_most_near_misses(bodies: tuple[str, ...]) -> None:
    assert found_in(*bodies) == []
