"""The scorer of extraction quality: reads a built graph through the public vocabulary and compares it
with a reference annotation (gold JSON). The quality tests score the seeds and the real-news sets with it.
It is the measure, not a part of kg: do not tune it to the extractor."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

SDO = Namespace("https://schema.org/")
SDO_HTTP = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
CITO = Namespace("http://purl.org/spar/cito/")

ORG_TYPES = {"Organization", "GovernmentOrganization", "NGO", "NewsMediaOrganization",
             "PoliticalParty", "Corporation", "MilitaryOrganization", "EducationalOrganization"}
STATE_TYPES = {"Country", "State", "AdministrativeArea"}
PERSON_TYPES = {"Person"}


def norm(s: str) -> str:
    s = str(s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\[\d+\]", " ", s)
    s = re.sub(r"\s+", " ", s)
    return s.strip().lower()


def sdo(g: Graph, local: str):
    """Both schema.org spellings (https and http)."""
    return [SDO[local], SDO_HTTP[local]]


def local_name(iri) -> str:
    s = str(iri)
    return re.split(r"[#/]", s)[-1]


def load(path: str) -> Graph:
    p = Path(path)
    fmt = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt",
           ".jsonld": "json-ld", ".rdf": "xml", ".xml": "xml"}.get(p.suffix)
    if fmt in ("trig", "nquads"):
        from rdflib import Dataset
        ds = Dataset()
        ds.parse(p, format=fmt)
        g = Graph()
        for s, pr, o, _ in ds.quads((None, None, None, None)):
            g.add((s, pr, o))
        for pfx, ns in ds.namespaces():
            g.bind(pfx, ns, override=True)
        return g
    g = Graph()
    g.parse(p, format=fmt)
    return g


def labels(g: Graph, node) -> set[str]:
    out = set()
    preds = [RDFS.label, SKOS.prefLabel, SKOS.altLabel] + sdo(g, "name") + sdo(g, "alternateName")
    for pr in preds:
        for o in g.objects(node, pr):
            out.add(norm(o))
    return out


def types_of(g: Graph, node) -> set[str]:
    return {local_name(t) for t in g.objects(node, RDF.type)}


def score(g: Graph, gold: dict, verbose: bool = False) -> dict:
    # claims
    claims = {}
    for t in sdo(g, "Claim"):
        for c in g.subjects(RDF.type, t):
            texts = [norm(o) for pr in sdo(g, "text") for o in g.objects(c, pr)]
            claims[c] = " ".join(texts)

    claim_words = {c: re.findall(r"[\w%$€£.,'-]+", t) for c, t in claims.items()}

    def longest_run(a: list, b: list) -> int:
        best, prev = 0, [0] * (len(b) + 1)
        for x in a:
            cur = [0] * (len(b) + 1)
            for j, y in enumerate(b, 1):
                if x == y:
                    cur[j] = prev[j - 1] + 1
                    best = max(best, cur[j])
            prev = cur
        return best

    def claims_matching(quote: str):
        # A claim matches when it holds the fragment, or a run of at least 70% of its words (so a claim that
        # keeps only the content of "X warned that <content>" still matches). Closing punctuation is ignored.
        q = norm(quote).strip(" .,;:!?\"'")
        exact = [c for c, t in claims.items() if q in t]
        if exact:
            return exact
        qw = [w.strip(".,") for w in re.findall(r"[\w%$€£.,'-]+", q)]
        need = max(5, int(0.7 * len(qw) + 0.999))
        if len(qw) < 5:
            return []
        return [c for c, ws in claim_words.items() if longest_run(qw, [w.strip(".,") for w in ws]) >= need]

    # articles, their author/publisher (for authorial attribution)
    article_voice: dict = {}
    for c in claims:
        for pr in sdo(g, "appearance"):
            for a in g.objects(c, pr):
                voice = {a}
                for p2 in sdo(g, "author") + sdo(g, "publisher") + sdo(g, "creator"):
                    voice |= set(g.objects(a, p2))
                article_voice[c] = article_voice.get(c, set()) | voice

    # contradicts predicate(s)
    kg_ns = dict(g.namespaces()).get("kg")
    contra_preds = set()
    if kg_ns is not None:
        contra_preds.add(URIRef(str(kg_ns) + "contradicts"))
    for pr in set(g.predicates()):
        if local_name(pr) == "contradicts":
            contra_preds.add(pr)
    contra_pairs = set()
    for pr in contra_preds:
        for a, b in g.subject_objects(pr):
            contra_pairs.add((a, b))
            contra_pairs.add((b, a))

    res = {"claims_total": len(claims),
           "claims_overlong": sum(1 for t in claims.values() if len(t) > 400)}
    found = attr_ok = attr_n = cite_ok = cite_n = uncited_ok = uncited_n = 0
    auth_ok_box, auth_n_box = [0], [0]
    details = []
    for gc in gold.get("claims", []):
        ms = claims_matching(gc["quote"])
        if not ms:
            details.append(("MISS claim", gc["seed"], gc["quote"]))
            if gc.get("claimant"):
                attr_n += 1
            if gc.get("cited"):
                cite_n += 1
            else:
                uncited_n += 1
            continue
        found += 1
        # attribution
        if gc.get("claimant"):
            attr_n += 1
            want = norm(gc["claimant"])
            ok = False
            for c in ms:
                for actor in g.objects(c, PROV.wasAttributedTo):
                    ls = labels(g, actor)
                    if any(want in l or (l and l in want and len(l) > 2) for l in ls):
                        ok = True
            attr_ok += ok
            if not ok:
                got = sorted({l for c in ms for a in g.objects(c, PROV.wasAttributedTo) for l in labels(g, a)})
                details.append(("WRONG claimant", gc["seed"], f"{gc['quote']!r}: want {gc['claimant']}, got {got[:4]}"))
        elif gc.get("claimant_kind") in ("pronoun", "absent"):
            pass  # the gold does not know who speaks: neither a claimant nor the article's voice is checked
        else:
            auth_n_box[0] += 1
            wrong = {a for c in ms for a in g.objects(c, PROV.wasAttributedTo)} - set().union(*[article_voice.get(c, set()) for c in ms])
            if wrong:
                got = sorted({l for a in wrong for l in labels(g, a)})
                details.append(("WRONG voice", gc["seed"], f"{gc['quote']!r}: authorial claim attributed to {got[:3] or sorted(map(str, wrong))[:3]}"))
            else:
                auth_ok_box[0] += 1
        # citations
        cited_urls = set()
        for c in ms:
            for src in g.objects(c, CITO.citesAsEvidence):
                for pr in sdo(g, "url"):
                    cited_urls |= {str(u) for u in g.objects(src, pr)}
                if isinstance(src, URIRef):
                    cited_urls.add(str(src))
                # a source named without a link ("according to Reuters") matches by its name or publisher
                cited_urls |= labels(g, src)
                for pr in sdo(g, "publisher") + sdo(g, "author"):
                    for pub in g.objects(src, pr):
                        cited_urls |= labels(g, pub)
        if gc.get("cited"):
            cite_n += 1
            ok = any(any(norm(frag) in norm(u) for u in cited_urls) for frag in gc.get("sources", []))
            cite_ok += ok
            if not ok:
                details.append(("MISS citation", gc["seed"], f"{gc['quote']!r}: cited {sorted(cited_urls)[:3]}"))
        else:
            uncited_n += 1
            ok = not cited_urls
            uncited_ok += ok
            if not ok:
                details.append(("FALSE citation", gc["seed"], f"{gc['quote']!r}: cited {sorted(cited_urls)[:3]}"))
    res.update(claims_found=found, claims_gold=len(gold.get("claims", [])),
               attribution_ok=attr_ok, attribution_gold=attr_n,
               authorial_ok=auth_ok_box[0], authorial_found=auth_n_box[0],
               citation_ok=cite_ok, citation_gold=cite_n,
               uncited_ok=uncited_ok, uncited_gold=uncited_n)

    # actors
    actor_nodes = {}
    for s, t in g.subject_objects(RDF.type):
        ln = local_name(t)
        if ln in ORG_TYPES | STATE_TYPES | PERSON_TYPES:
            actor_nodes.setdefault(s, set()).add(ln)
    a_found = a_typed = a_dupes = 0
    for ga in gold.get("actors", []):
        names = {norm(ga["label"])} | {norm(x) for x in ga.get("aliases_seen", [])}
        hits = [n for n in actor_nodes if labels(g, n) & names]
        if not hits:
            details.append(("MISS actor", "", ga["label"]))
            continue
        a_found += 1
        want = {"Person": PERSON_TYPES, "Organization": ORG_TYPES, "State": STATE_TYPES}[ga["type"]]
        if any(actor_nodes[n] & want for n in hits):
            a_typed += 1
        else:
            details.append(("WRONG actor type", "", f"{ga['label']}: {sorted(set().union(*[actor_nodes[n] for n in hits]))}"))
        if len(hits) > 1:
            a_dupes += 1
            details.append(("DUPLICATE actor", "", f"{ga['label']}: {len(hits)} nodes"))
    res.update(actors_found=a_found, actors_typed=a_typed, actors_gold=len(gold.get("actors", [])),
               actors_duplicated=a_dupes, actors_total=len(actor_nodes))

    # events
    events = []
    for t in sdo(g, "Event"):
        for e in g.subjects(RDF.type, t):
            dates = {str(d) for pr in sdo(g, "startDate") + sdo(g, "endDate") for d in g.objects(e, pr)}
            events.append((e, " ".join(sorted(labels(g, e))), dates))
    e_found = 0
    for ge in gold.get("events", []):
        when = ge.get("date") or ge.get("year")
        kws = [norm(k) for k in ge.get("keywords", [])]
        ok = False
        for e, lab, dates in events:
            if any(d.startswith(when) or d.startswith(when[:4]) and len(when) == 4 for d in dates):
                if not kws or any(k in lab for k in kws):
                    ok = True
        e_found += ok
        if not ok:
            details.append(("MISS event", "", f"{ge['label']} ({when})"))
    res.update(events_found=e_found, events_gold=len(gold.get("events", [])), events_total=len(events))

    # citations as sources (URLs compared without case or a trailing slash)
    def url_key(u) -> str:
        return str(u).strip().rstrip("/").lower()

    src_urls = set()
    for pr in sdo(g, "url"):
        for s, u in g.subject_objects(pr):
            src_urls.add(url_key(u))
    for src in g.objects(None, CITO.citesAsEvidence):
        if isinstance(src, URIRef):
            src_urls.add(url_key(src))
    s_found = sum(1 for gc in gold.get("citations", []) if url_key(gc["url"]) in src_urls)
    for gc in gold.get("citations", []):
        if url_key(gc["url"]) not in src_urls:
            details.append(("MISS source", gc.get("seed", ""), f"{gc['marker']} {gc['url']}"))
    res.update(sources_found=s_found, sources_gold=len(gold.get("citations", [])))

    # contradictions
    k_found = 0
    for gk in gold.get("contradictions", []):
        A, B = claims_matching(gk["a"]), claims_matching(gk["b"])
        ok = any((a, b) in contra_pairs for a in A for b in B)
        k_found += ok
        if not ok:
            why = "" if A and B else f" (claims present: a={bool(A)}, b={bool(B)})"
            details.append(("MISS contradiction", gk["id"], gk["kind"] + why))
    res.update(contradictions_found=k_found, contradictions_gold=len(gold.get("contradictions", [])),
               contradiction_edges=len(contra_pairs) // 2)

    # precision guard: sentences that assert nothing checkable must not be claims
    nc_hit = 0
    for gn in gold.get("not_claims", []):
        if claims_matching(gn["quote"]):
            nc_hit += 1
            details.append(("NOT A CLAIM", gn["seed"], f"{gn['why']}: {gn['quote']!r}"))
    res.update(not_claims_extracted=nc_hit, not_claims_gold=len(gold.get("not_claims", [])))

    # noise
    noise = 0
    haystacks = list(claims.values()) + [l for n in actor_nodes for l in labels(g, n)] + [lab for _, lab, _ in events]
    for m in gold.get("must_not", []):
        mm = norm(m)
        hits = [h for h in haystacks if mm in h]
        if hits:
            noise += 1
            details.append(("NOISE", "", f"{m!r} appears in {len(hits)} claim/actor/event label(s)"))
    res["noise"] = noise
    res["details"] = details
    return res


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if not args:
        print(__doc__)
        return 2
    graph = args[0]
    gold_path = args[1] if len(args) > 1 else str(Path(__file__).resolve().parent.parent.parent / "gold" / "seeds.json")
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    g = load(graph)
    r = score(g, gold)
    if "--json" in argv:
        print(json.dumps({k: v for k, v in r.items() if k != "details"}, indent=2))
    if "--verbose" in argv or "--json" not in argv:
        for kind, where, what in r["details"]:
            print(f"{kind:20s} {where:4s} {what}")
    print(
        f"claims {r['claims_found']}/{r['claims_gold']} "
        f"attribution {r['attribution_ok']}/{r['attribution_gold']} "
        f"authorial {r['authorial_ok']}/{r['authorial_found']} "
        f"cited {r['citation_ok']}/{r['citation_gold']} "
        f"uncited {r['uncited_ok']}/{r['uncited_gold']} "
        f"actors {r['actors_found']}/{r['actors_gold']} (typed {r['actors_typed']}, duplicated {r['actors_duplicated']}) "
        f"events {r['events_found']}/{r['events_gold']} "
        f"sources {r['sources_found']}/{r['sources_gold']} "
        f"contradictions {r['contradictions_found']}/{r['contradictions_gold']} "
        f"non-claims taken {r['not_claims_extracted']}/{r['not_claims_gold']} "
        f"noise {r['noise']} overlong {r['claims_overlong']} "
        f"| extracted: {r['claims_total']} claims, {r['actors_total']} actors, {r['events_total']} events, "
        f"{r['contradiction_edges']} contradiction edges"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
