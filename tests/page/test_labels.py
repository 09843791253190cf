"""kg.page.labels: the page's names for citation statuses, contradiction kinds and IRIs."""

from __future__ import annotations

from kg.page.labels import compact_iri, kind_label, status_key, status_labels
from kg.vocab import DATA_NS, KG, SDO


def test_labels_status_keys_are_the_codes_kg_build_writes() -> None:
    assert [status_key(str(t)) for t in (KG.Cited, KG.SpeakerOnly, KG.VaguelyAttributed, KG.Uncited)] == [
        "cited", "speaker", "vague", "uncited",
    ]
    assert status_key(None) == "uncited" and status_key(str(SDO.Claim)) == "uncited"
    assert status_key(str(KG.Quote)) == "quote"  # a kg term that is no status: its local name
    assert list(status_labels()) == ["cited", "speaker", "vague", "uncited"]
    assert all(v["label"] and v["comment"] for v in status_labels().values())


def test_labels_contradiction_kinds_and_iris() -> None:
    assert kind_label("") == "contradiction"
    assert kind_label("ConflictingValues") not in ("", "contradiction", "ConflictingValues")
    assert compact_iri(DATA_NS + "actor/x") == "kgd:actor/x"
    assert compact_iri(str(SDO.Claim)) == "schema:Claim"
