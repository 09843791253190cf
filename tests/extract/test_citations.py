"""What articles cite (kg.extract.references, kg.extract.citations), on hand-made sentences: references and the
sources each sentence names on their own, and the citations of claims."""

from __future__ import annotations

import pytest

from kg.extract.actors import ArticleActors, find_actors
from kg.extract.citations import (
    bare_url_sources,
    cite_sentences,
    data_sources,
    document_sources,
    publication_sources,
    url_source_key,
)
from kg.extract.gazetteer import load_gazetteer
from kg.extract.references import parse_references
from kg.extract.segment import segment
from tests.support.extract_helpers import article, claim_with, label, raw_article, run


def test_citations_a_written_out_address_is_the_cited_documents_url() -> None:
    x = run("Poll: Voters sour on tariffs\n\n"
            "The Harbour Civic Foundation's quarterly survey interviewed 1,214 adults. Full toplines are published on "
            "the foundation's website (https://example.org/surveys/2025q2).\n\n"
            "The main findings:\n\n"
            "- 63% oppose the tariffs, while 29% support them.")
    claim = claim_with(x, "63% oppose")
    (source,) = [s for s in x.sources if s.key in claim.cites]
    assert source.url == "https://example.org/surveys/2025q2"
    assert source.publisher == "Harbour Civic Foundation"


def test_citations_a_written_out_address_alone_is_a_source_of_its_own() -> None:
    x = run("Exports fell 12% in 2024, figures at https://example.org/trade/2024 show.")
    claim = claim_with(x, "Exports fell")
    assert [s.url for s in x.sources if s.key in claim.cites] == ["https://example.org/trade/2024"]


@pytest.mark.parametrize(
    ("sentence", "fragment", "source"),
    [
        ("The Independent Fiscal Institution (IFI) said in its monthly Fiscal Monitoring Report that the government "
         "would miss the target.", "miss the target", "Independent Fiscal Institution report"),
        ("According to Ofwat's own Water Company Performance Report, Thames Water had the worst pollution record.",
         "worst pollution record", "Ofwat report"),
        ("The European Gallium Users Association disputes the US Geological Survey estimate, arguing that China's "
         "share is closer to 80 per cent.", "closer to 80", None),
        ("The European Commission estimates that the package would save businesses up to EUR 5 billion.",
         "save businesses", None),
    ],
)
def test_citations_documents_of_organisations(sentence: str, fragment: str, source: str | None) -> None:
    x = run(sentence)
    claim = claim_with(x, fragment)
    assert [s.name for s in x.sources if s.key in claim.cites] == ([source] if source else [])


def test_citations_a_footnote_inside_a_sentence_closes_its_own_clause() -> None:
    x = run("Gallium prices nearly doubled between August 2023 and the end of 2024,[1] and several European magnet "
            "makers reported in mid-2025 that they had suspended production lines.\n\nNotes\n\n"
            "1. \u201cGallium prices: annual review\u201d, Metals Bulletin, https://example.org/gallium-review")
    assert claim_with(x, "Gallium prices").cites
    assert claim_with(x, "magnet makers").cites == ()


def test_citations_a_wire_storys_agency_is_its_publisher() -> None:
    # no publisher in the metadata: the dateline names it, and "told Reuters" is then Reuters' own reporting
    x = run("ADEN, Aug 4 (Reuters) - The tanker was hit, officials said.\n\n"
            "Jakob Lind, an analyst at a consultancy, told Reuters that insurers would read the attack as a warning.")
    assert label(x, x.publisher) == "Reuters"
    assert claim_with(x, "insurers would read").cites == ()


def test_citations_an_outlook_of_an_organisation_is_its_document() -> None:
    x = run("The International Energy Agency (IEA) projects in its World Energy Outlook that global oil demand will "
            "peak before 2030.")
    claim = claim_with(x, "peak before 2030")
    assert [s.name for s in x.sources if s.key in claim.cites] == ["International Energy Agency outlook"]


@pytest.mark.parametrize(("publisher", "cited"), [("Agence France-Presse", False), ("AFP", False), ("Reuters", True)])
def test_citations_the_publishers_own_reporting_is_not_a_citation(publisher: str, cited: bool) -> None:
    from kg.extract import extract
    from tests.support.extract_helpers import article

    body = "“Farmers have already delayed sowing,” the union leader told AFP on Tuesday."
    x = extract(article(body, publisher=publisher))
    assert bool(claim_with(x, "delayed sowing").cites) is cited


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Consumer prices rose 2.9% in the year to August, according to the Bureau of Labor Statistics.",
         "Bureau of Labor Statistics data"),
        ("Exports fell 12% in 2024, according to data from the statistics agency Eurostat.", "Eurostat data"),
        ("Figures from Egypt's Nile Basin Water Authority (NBWA) showed inflows were 18 percent below average.",
         "Nile Basin Water Authority figures"),
    ],
)
def test_citations_a_figure_according_to_an_institution_cites_its_data(sentence: str, source: str) -> None:
    x = run(sentence)
    (claim,) = x.claims
    assert claim.citation_status == "cited"
    assert [s.name for s in x.sources if s.key in claim.cites] == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia is the main threat to the alliance, according to the Bureau of Labor Statistics.",  # no figure
        "Prices rose 3% last year, according to Jane Roe, an economist at a bank.",  # a person speaks
    ],
)
def test_citations_according_to_without_a_figure_or_by_a_person_is_a_speaker(sentence: str) -> None:
    x = run(sentence)
    assert all(c.citation_status != "cited" and not c.cites for c in x.claims)


# ---------------------------------------------------------------------------------------------
# references and the sources each sentence names, on their own


def _sentence(body: str) -> tuple[str, ArticleActors]:
    art = article(body)
    return art.body, find_actors(art, segment(art.body), load_gazetteer())


def test_citations_reference_list_entries_and_ibid() -> None:
    art = raw_article(
        "Exports fell.[1] Imports rose.[2]\n\nReferences\n\n"
        '1. "Trade in 2024", Coastal Statistics Office, https://www.example.org/trade/?utm_source=x (accessed 3 March '
        "2025)\n"
        "2. Ibid."
    )
    refs = parse_references(art, segment(art.body))
    (key,) = refs.sources
    assert refs.by_number == {1: key, 2: key}
    source = refs.sources[key]
    assert (source.name, source.publisher) == ("Trade in 2024", "Coastal Statistics Office")
    assert source.accessed is not None and source.accessed.value == "2025-03-03"
    assert key == url_source_key("https://example.org/trade")


def test_citations_news_media_named_as_a_source() -> None:
    text, actors = _sentence("The talks collapsed, according to Reuters.")
    (found,) = publication_sources(text, 0, actors)
    assert (found[0].key, text[found[1] : found[2]]) == ("p-reuters", "Reuters")
    assert publication_sources(text, 0, actors, publisher="reuters") == []


def test_citations_data_of_an_institution_behind_a_figure() -> None:
    text, actors = _sentence("Inflation slowed to 5.1% in May, according to data from the Coastal Statistics Office.")
    (found,) = data_sources(text, 0, actors)
    assert found[0].name == "Coastal Statistics Office data"
    text, actors = _sentence("Inflation slowed in May, according to the Coastal Statistics Office.")
    assert data_sources(text, 0, actors) == []


def test_citations_a_document_of_an_organisation() -> None:
    text, actors = _sentence("A Northfield Research survey found that most voters oppose the tariffs.")
    (found,) = document_sources(text, 0, actors)
    assert (found[0].key, found[0].name) == ("d-northfield-research-survey", "Northfield Research survey")


def test_citations_a_written_out_address() -> None:
    text, actors = _sentence("The full data are at https://example.org/data/2024.")
    (found,) = bare_url_sources(text, 0, actors, {})
    assert found[0].url == "https://example.org/data/2024" and found[0].kind == "link"
    text, actors = _sentence("See http://intranet/data for more.")
    assert bare_url_sources(text, 0, actors, {}) == []


def test_citations_of_every_sentence() -> None:
    art = raw_article(
        "Exports fell by 12%.[1] Officials said nothing.\n\nReferences\n\n1. Trade review, https://example.org/review"
    )
    seg = segment(art.body)
    actors = find_actors(art, seg, load_gazetteer())
    cited = cite_sentences(art, seg, actors, parse_references(art, seg), None, {})
    (citation,) = cited.citations
    assert citation.marker == "[1]" and citation.source in cited.sources
    assert cited.by_sentence == {0: [(citation.source, citation.span.start)]}
