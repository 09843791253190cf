"""features: what a claim's words say beyond who says it — polarity, modality, quantities, stances,
rebuttals and actor-to-actor relations. Contradiction detection compares claims on these features.

Every function takes the claim's text with footnote markers masked (same length as the body span, so
offsets stay aligned) and, where it returns spans or reads actors, the body offset of its first character.
"""

from __future__ import annotations

from kg.extract.features.polarity import DENIAL_CUES, modality, polarity, rebuttal
from kg.extract.features.quantities import quantities
from kg.extract.features.relations import relations
from kg.extract.features.stances import stances

__all__ = ["DENIAL_CUES", "modality", "polarity", "quantities", "rebuttal", "relations", "stances"]
