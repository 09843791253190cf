"""Text for ingest tests: a paragraph of article text to put under made-up page tops and feet."""

from __future__ import annotations

BODY = ("The council met for six hours on Monday and agreed a plan that had been negotiated for months "
        "between the finance ministries of the member states, officials said after the meeting ended late.")
"""One long paragraph of article text (long enough that lines after it are no longer the page's top)."""
