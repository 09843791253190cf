"""contradict: Corpus -> [Contradiction], found on the resolved records before the graph is built.

:func:`find_contradictions` (run by ``kg build``) is the entry point; what an analyst lists afterwards is
read back from the built graph by :mod:`kg.findings`.

How contradictions are found
============================

Candidate pairs come from blocking, never from comparing every claim with every other
(:mod:`~kg.contradict.pairing`). Each claim is put in a few buckets keyed by what it says; only claims
sharing a bucket are compared. One module per kind of conflict:

* :mod:`~kg.contradict.rebuttal`: a claim that rejects what actor X said ("called X's claim nonsense",
  "dismissed a report from country A") against the claims of X and of X's office holders; a claim that
  answers the one right before it ("The record suggests otherwise", "That is not true");
* :mod:`~kg.contradict.polarity`: a relation ``(subject, predicate, object)`` asserted against the same
  relation negated, never a fact against a prediction that it would not happen; short statements word
  for word within one article ("this is (not) deregulation");
* :mod:`~kg.contradict.restated`: the same statement in other words (crude stems, a small paraphrase
  lexicon; reporting frames and hedges left out) asserted and denied ("not", "denied that", "failed to",
  "miss" for "not meet", "there is no evidence that"), or called false ("the claim that X is not true",
  "anyone who says X is wrong", "dismissed a report that X"); a deadline asserted earlier than one denied;
* :mod:`~kg.contradict.dates`: dates by event (war events whose participant sets nest count as one war;
  kinds that recur under one name, such as summits, never conflict), and one happening dated twice
  (weekdays resolved against the article's date; a relative clause tells what it dates);
* :mod:`~kg.contradict.quantities`: numbers by (measure, unit, the actors and places named in the
  number's own clause), and the same figure of one unit in other words (within one article the counted
  unit is a shared word; one claimant's figures reported by two articles are compared, except growing
  tolls on different days);
* :mod:`~kg.contradict.majority`: "most" against a minority percentage;
* :mod:`~kg.contradict.stance`: stances by (issue, pair of actors) over the actors a claim is about plus
  the organisations its speaker holds office in.

The shared parts: :mod:`~kg.contradict.context` (who speaks, for whom, about what),
:mod:`~kg.contradict.clauses` (a claim's clauses, negated or not), :mod:`~kg.contradict.figures` (what a
number is said of), :mod:`~kg.contradict.words` (the word lists of ``kg/data/lexicon/contradict-*`` and
the normalisation of words), :mod:`~kg.contradict.wording` (the explanations) and
:mod:`~kg.contradict.detect` (the detectors in order, one edge per disagreement).

Precision over recall. Two claims of the same claimant (including an article's own voice within
that article) are never reported: they merely differ in wording. Within one article, an authorial
claim is not set against a claim the article attributes to a speaker (the author is usually
summarising that speaker's side). Stances need two different *named* claimants (no unnamed groups,
no article voice), both quoted or reported, whose claims share at least two actors.

One disagreement gives one edge: per (kind, the two parties, proposition) only the strongest pair of
claims is kept, and the explanation counts the other statements on each side and names the other
claimants of the same party (an office holder's party is the state or organisation of the office).
One pair of claims gets one contradiction, of the first kind that applies (rebuttal, polarity, value,
stance).
"""

from kg.contradict.context import affiliations, unify_events
from kg.contradict.dates import ONE_OFF_EVENT_KINDS, dates_conflict
from kg.contradict.detect import find_contradictions
from kg.contradict.pairing import MAX_BLOCK, MAX_COUNTERPARTS
from kg.contradict.quantities import quantities_conflict

__all__ = [
    "MAX_BLOCK",
    "MAX_COUNTERPARTS",
    "ONE_OFF_EVENT_KINDS",
    "affiliations",
    "dates_conflict",
    "find_contradictions",
    "quantities_conflict",
    "unify_events",
]
