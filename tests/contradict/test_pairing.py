"""Blocking bounds the work: each claimant is paired with at most MAX_COUNTERPARTS others."""

from __future__ import annotations

import pytest

from kg.contradict import find_contradictions, pairing
from tests.support.contradict import ATTACK, NO_ATTACK, corpus_of


def test_large_buckets_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many claimants on both sides of one proposition: each is paired with at most MAX_COUNTERPARTS."""
    monkeypatch.setattr(pairing, "MAX_COUNTERPARTS", 2)
    people = tuple(f"speaker-{i}" for i in range(10))
    claims = [
        {
            "text": f"Speaker {i} said Russia would{' not' if i % 2 else ''} attack NATO.",
            "claimant": key,
            "relations": (NO_ATTACK if i % 2 else ATTACK,),
        }
        for i, key in enumerate(people)
    ]
    found = find_contradictions(corpus_of({"a1": claims}, people=people))
    assert 0 < len(found) <= 5 * 2
