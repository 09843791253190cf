"""The hostile corpus: inputs written to break kg build cleanly, slowly or dangerously.

Each case in ``tests/data/hostile/`` (small files) or made here in ``tmp_path`` (big and binary ones)
either builds correctly or is reported clearly and skipped with ``--skip-invalid``; the rest of the
corpus is unaffected; nothing is written outside the output folder; a whole build stays within
stated time and memory bounds. ``tests/data/hostile/README.md`` lists every case.
"""

from __future__ import annotations

import random
import time

from kg.extract import extract
from kg.models import Article

SENTENCES = (
    "Vladimir Putin said the army grew by {n}% in {year}, according to the ministry.",
    "NATO officials said the alliance would respond within {n} days.",
    "Jane Roe, an analyst at the Kyiv School of Economics, said the U.S. would act.",
    "\u201cWe will see,\u201d Roe told reporters in Moscow on Monday.[{k}]",
    "Analysts say the sanctions cost Russia {n} billion euros in {year}.",
)


def _prose(chars: int, seed: int = 1) -> str:
    """One paragraph of news sentences naming people, organisations, dates and footnotes."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        sentence = rng.choice(SENTENCES).format(n=rng.randint(2, 99), year=rng.randint(1990, 2025), k=rng.randint(1, 9))
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out)[:chars].rsplit(" ", 1)[0]


def test_hostile_long_article_extracts_in_linear_time() -> None:
    """A 200,000-character paragraph extracts in seconds. It took two minutes while each candidate mention
    was tested against every earlier one, each full stop searched the paragraph before it, and each date
    every earlier date (quadratic)."""
    body = _prose(200_000)
    article = Article(id="long", path="long.txt", headline="Long", body=body, sha256="0" * 64)
    started = time.perf_counter()
    extraction = extract(article)
    seconds = time.perf_counter() - started
    assert extraction.claims
    assert seconds < 45, f"extraction of 200,000 characters took {seconds:.1f} s"
