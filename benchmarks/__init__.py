"""kg's benchmark suite: ``python -m benchmarks`` runs it and rewrites ``benchmarks/RESULTS.md``.

Modules: :mod:`benchmarks.generate` (the scale corpus and its ground truth), :mod:`benchmarks.build`
(``kg build`` timing, words/s, peak RSS per stage, incremental rebuild), and the measurements of the
other stages, each with a ``run(...) -> dict`` function: ``benchmarks.contradictions``,
``benchmarks.queries`` and ``benchmarks.page``.
"""
