"""claims: sentences and quotations -> claims, with who asserts each one and how it is supported.

A claim is one sentence (or clause) or one quotation. :func:`draft_claims` reads the article in order:
which sentences are claims (:mod:`.selection`, :mod:`.drafting`), who asserts each (:mod:`kg.extract.attribution`), a
pollster's findings (:mod:`.polls`). :func:`finish_claims` attaches citations (:mod:`.citing`), types
each claim and reads its features, events and dates (:mod:`.records`). Sentences that assert nothing
checkable (questions, meta-text about the article, normative appeals in the article's own voice,
imperatives, fragments) are not claims.
"""

from __future__ import annotations

from kg.extract.claims.draft import Draft
from kg.extract.claims.drafting import Drafted, draft_claims
from kg.extract.claims.records import finish_claims
from kg.extract.claims.selection import has_finite_verb, not_a_claim

__all__ = ["Draft", "Drafted", "draft_claims", "finish_claims", "has_finite_verb", "not_a_claim"]
