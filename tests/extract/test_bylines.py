"""The actors of an article's byline (kg.extract.bylines)."""

from __future__ import annotations

from kg.extract.actors import find_actors
from kg.extract.bylines import read_byline
from kg.extract.gazetteer import load_gazetteer
from kg.extract.segment import segment
from tests.support.extract_helpers import article


def test_bylines_a_known_publisher_and_a_new_author() -> None:
    art = article("The talks resumed.", authors=("Jane Roe",), publisher="Reuters")
    actors = find_actors(art, segment(art.body), load_gazetteer())
    byline = read_byline(art, actors, load_gazetteer())
    assert byline.publisher == "reuters"
    assert byline.authors == ("jane-roe",)
    assert byline.actors["jane-roe"].kind == "Person"
    assert byline.actors["reuters"].kind == "NewsMediaOrganization"


def test_bylines_another_name_of_an_actor_the_text_names_is_an_alias_and_the_text_is_left_alone() -> None:
    art = article("Reuters reported that the talks resumed.", publisher="Thomson Reuters")
    actors = find_actors(art, segment(art.body), load_gazetteer())
    byline = read_byline(art, actors, load_gazetteer())
    assert byline.publisher == "reuters"
    assert byline.actors["reuters"].aliases == {"Thomson Reuters"}
    assert actors.actors["reuters"].aliases == set()


def test_bylines_no_publisher() -> None:
    art = article("The talks resumed.")
    byline = read_byline(art, find_actors(art, segment(art.body), load_gazetteer()), load_gazetteer())
    assert (byline.publisher, byline.authors) == (None, ())
