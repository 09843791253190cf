"""wording: the plain-language pieces of a contradiction's explanation (names joined, dates, numbers,
relations, modality, the other statements of each side).

>>> and_(["a", "b", "c"])
'a, b and c'
>>> from kg.models import Span
>>> number_text(Quantity(value=12e9, unit="USD", span=Span(start=0, end=2, text="12")))
'USD 12 billion'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.contradict.context import Item
from kg.contradict.words import MONTHS, content_word, tokens
from kg.models import Claim, DateValue, Quantity, Relation

__all__ = [
    "and_",
    "date_text",
    "issue_text",
    "modality_label",
    "modality_note",
    "modality_sentence",
    "number_text",
    "others",
    "relation_text",
    "same_side_note",
    "speaker",
    "surface",
]

_VERBS = {"attack": ("attacks", "attack"), "support": ("supports", "support")}
"""Relation predicates as verbs: (third person, base form)."""
_ISSUE_TEXT = {"relations": "dialogue and relations"}
"""Stance issues as an explanation names them (others by their code)."""
_AUXILIARY = {"predictive": "would", "conditional": "would", "hedged": "may"}
_SCALES = ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"))


def and_(names: Sequence[str]) -> str:
    """Names joined with commas and a final "and"."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def date_text(date: DateValue) -> str:
    """"in 2014", "in February 2022", "on 24 February 2022"."""
    parts = date.value.lstrip("-").split("-")
    if date.precision == "year":
        return f"in {parts[0]}"
    if date.precision == "month":
        return f"in {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"on {int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"


def number_text(q: Quantity) -> str:
    """A quantity as an explanation gives it: "4,500 troops", "12%", "USD 12 billion"."""
    value = q.value
    scale = ""
    for size, word in _SCALES:
        if abs(value) >= size:
            value, scale = value / size, word
            break
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")
    text += scale
    if q.unit == "%":
        return f"{text}%"
    if q.unit and q.unit.isupper() and len(q.unit) == 3:
        return f"{q.unit} {text}"
    return f"{text} {q.unit}" if q.unit else text


def relation_text(rel: Relation, claim: Claim, labels: dict[str, str]) -> str:
    """What a relation of ``claim`` says: "X would attack Y", "X does not support Y"."""
    subject, obj = labels.get(rel.subject, rel.subject), labels.get(rel.object, rel.object)
    present, base = _VERBS.get(rel.predicate, (rel.predicate + "s", rel.predicate))
    aux = _AUXILIARY.get(claim.modality)
    if rel.negated:
        return (
            f"{subject} would not {base} {obj}"
            if aux or claim.modality == "factual"
            else f"{subject} does not {base} {obj}"
        )
    return f"{subject} {aux} {base} {obj}" if aux else f"{subject} {present} {obj}"


def issue_text(issue: str) -> str:
    """A stance issue as an explanation names it."""
    return _ISSUE_TEXT.get(issue, issue)


def modality_note(a: Claim, b: Claim) -> str | None:
    """"predictive vs factual" when the two claims' modalities differ, else None."""
    if a.modality == b.modality:
        return None
    return f"{a.modality} vs {b.modality}"


def modality_label(claim: Claim) -> str:
    """" (predictive)" after a claim that is not factual, else ""."""
    return f" ({claim.modality})" if claim.modality != "factual" else ""


def modality_sentence(asserting: Claim, denying: Claim) -> str:
    """A sentence on how the modalities weaken the contradiction, or ""."""
    if asserting.modality in ("predictive", "conditional") and denying.modality == "factual":
        what = "a conditional prediction" if asserting.modality == "conditional" else "a prediction"
        return f" This is {what} set against a statement of intent."
    if "hedged" in (asserting.modality, denying.modality):
        return " One side is hedged, so this is a weaker contradiction."
    return ""


def others(count: int, who: str) -> str:
    """" X says the same in 2 other statements." (nothing for none)."""
    if count <= 0:
        return ""
    return (
        f" {who} {'say' if ' and ' in who else 'says'} the same in {count} other statement{'s' if count != 1 else ''}."
    )


def speaker(item: Item) -> str:
    """Who says it, for an explanation: a direct quote whose speaker is not known is not the article's voice."""
    if item.claim.claimant is None and item.claim.claim_type == "quote":
        return f"a speaker quoted by {item.voice_label}"
    return item.voice_label


def surface(words: Iterable[str], text: str) -> str:
    """``words`` (stemmed content words) as ``text`` writes them, in its order ("minister, cut, flow and
    river"); a year or month (``when:``) as it is."""
    wanted = {w for w in words if not w.startswith("when:")}
    shown: list[str] = []
    for token in tokens(text):
        stem = content_word(token.lower())
        if stem in wanted:
            wanted.discard(stem)
            shown.append(token)
    return and_(shown + sorted(wanted) + sorted(w[5:] for w in words if w.startswith("when:")))


def same_side_note(kept_a: Item, kept_b: Item, folded: Iterable[Item]) -> str:
    """ " X (same side as Y) says the same.": other claimants of the parties of ``kept_a`` and ``kept_b``
    whose statements (``folded``) were folded into their disagreement."""
    shown = {kept_a.voice, kept_b.voice}
    by_side: dict[str, set[str]] = {kept_a.party: set(), kept_b.party: set()}
    for item in folded:
        if item.voice not in shown and item.party in by_side:
            by_side[item.party].add(item.voice_label)
    notes = []
    for item in (kept_a, kept_b):
        found = sorted(by_side.pop(item.party, set()))
        if found:
            verb = "says" if len(found) == 1 else "say"
            notes.append(f" {and_(found)} (same side as {item.voice_label}) {verb} the same.")
    return "".join(notes)
