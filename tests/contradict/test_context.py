"""Who speaks for whom: office holders' parties from the gazetteer, wars unified by their participants."""

from __future__ import annotations

from kg.contradict import affiliations, unify_events
from kg.models import DateValue, Event
from tests.support.contradict import BIG_WAR, WAR


def test_unify_nested_wars_only_when_unambiguous() -> None:
    other = Event(key="war-poland-ukraine", kind="war", name="w", participants=("poland", "ukraine"))
    assert unify_events([WAR, BIG_WAR])["war-ukraine"] == "war-russia-ukraine"
    assert unify_events([WAR, BIG_WAR, other])["war-ukraine"] == "war-ukraine"  # nests in two: ambiguous


def test_affiliations_of_an_office_holder_follow_the_gazetteer() -> None:
    """The office held on the date; with no date, the one the article mentions."""
    assert affiliations("jens-stoltenberg", DateValue(value="2023-06", precision="month")) == {"nato"}
    assert affiliations("jens-stoltenberg", None, mentioned={"nato", "russia"}) == {"nato"}
    assert affiliations("no-such-actor", None) == frozenset()
