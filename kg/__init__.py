"""kg: a claim-and-citation knowledge graph for analysts."""

from __future__ import annotations

__version__ = "0.1.0"
