"""clusters: the same claim in several articles is one cluster; copies within one article, or claims of
other wording, are not."""

from __future__ import annotations

from kg.models import ClaimCluster, Extraction
from kg.resolve import resolve
from kg.resolve.clusters import cluster_claims, content_signature, signature
from tests.conftest import make_article, make_claim


def _extraction(article_id: str, body: str, *sentences: str, cited: tuple[str, ...] = ()) -> Extraction:
    article = make_article(id=article_id, path=f"corpus/{article_id}.txt", body=body)
    claims = tuple(make_claim(article, s, citation_status="cited" if s in cited else "uncited") for s in sentences)
    return Extraction(article=article, claims=claims, extractor="test")


def test_clusters_group_the_same_wording_across_articles_and_count_citing_ones() -> None:
    a = _extraction("a", "Troops crossed the border at dawn. Prices rose.", "Troops crossed the border at dawn.")
    b = _extraction(
        "b",
        "“Troops crossed the border at dawn,” said one. Nothing else.",
        "Troops crossed the border at dawn,",
        cited=("Troops crossed the border at dawn,",),
    )
    c = _extraction(
        "c", "Prices rose sharply in the capital last year.", "Prices rose sharply in the capital last year."
    )
    (cluster,) = cluster_claims([c, b, a])
    assert cluster.claims == ("a/0-34", "b/1-35")
    assert (cluster.articles, cluster.citing, cluster.text) == (2, 1, "Troops crossed the border at dawn.")
    assert cluster.key == cluster_claims([a, b])[0].key  # the key does not depend on the other articles


def test_clusters_group_the_same_content_words_in_another_order() -> None:
    a = _extraction(
        "a", "Officials said forty people died in the flood.", "Officials said forty people died in the flood."
    )
    b = _extraction(
        "b", "Forty people died in the flood, officials said.", "Forty people died in the flood, officials said."
    )
    (cluster,) = cluster_claims([a, b])
    assert cluster.articles == 2


def test_clusters_leave_apart_other_numbers_short_claims_and_copies_in_one_article() -> None:
    a = _extraction(
        "a", "Officials said forty people died in the flood.", "Officials said forty people died in the flood."
    )
    b = _extraction("b", "Officials said 41 people died in the flood.", "Officials said 41 people died in the flood.")
    assert cluster_claims([a, b]) == ()
    same = _extraction("s", "He left. He left.", "He left.")
    assert cluster_claims([same]) == ()
    assert content_signature("He left the city.") is None
    assert signature("“He left,” she said.[2]") == "he left she said"


def test_resolve_puts_the_clusters_on_the_corpus() -> None:
    a = _extraction("a", "Troops crossed the border at dawn.", "Troops crossed the border at dawn.")
    b = _extraction("b", "Troops crossed the border at dawn.", "Troops crossed the border at dawn.")
    corpus = resolve([a, b])
    assert [type(c) for c in corpus.clusters] == [ClaimCluster]
    assert corpus.clusters[0].claims == ("a/0-34", "b/0-34")


def test_cluster_quads_say_members_and_counts_in_the_analysis_graph() -> None:
    from kg import iris
    from kg.build import cluster_quads
    from kg.vocab import KG

    cluster = ClaimCluster(key="c-0123456789abcdef", claims=("a/0-5", "b/0-5"), articles=2, citing=1, text="Hello")
    quads = list(cluster_quads(cluster))
    assert {q[3] for q in quads} == {iris.ANALYSIS_GRAPH}
    members = {str(q[2]) for q in quads if q[1] == KG.memberClaim}
    assert members == {str(iris.claim_iri("a", 0, 5)), str(iris.claim_iri("b", 0, 5))}
    counts = {str(q[1]): str(q[2]) for q in quads if q[1] in (KG.articleCount, KG.citingArticleCount)}
    assert counts == {str(KG.articleCount): "2", str(KG.citingArticleCount): "1"}
