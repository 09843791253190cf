"""``python -m benchmarks.fuzz``: the long fuzzing and crash profile (CI runs the short one in the test suite).

    python -m benchmarks.fuzz                         # 5,000 examples per property (about an hour)
    python -m benchmarks.fuzz --examples 500 -k json  # some properties only (pytest -k)
    python -m benchmarks.fuzz --seed 12345            # reproduce a run
    python -m benchmarks.fuzz --crash-trials 25       # also 25 SIGKILL trials (tests/hardening/test_crash_safety.py)
    python -m benchmarks.fuzz --hostile-mb 500        # also the hostile corpus with 500 MB files

It runs ``tests/hardening/test_fuzz.py`` (every reader, the extractor, IRI minting, ``kg query``) with
``KG_FUZZ_EXAMPLES`` raised, and prints Hypothesis' statistics. A failure prints the shrunk input;
Hypothesis also keeps it in ``.hypothesis/`` so the next run (and the test suite) tries it first.
Exit code: pytest's (0 when every property held).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def command(args: argparse.Namespace) -> list[str]:
    """The pytest command line for ``args``."""
    tests = ["tests/hardening/test_fuzz.py"]
    if args.crash_trials:
        tests.append("tests/hardening/test_crash_safety.py")
    if args.hostile_mb:
        tests.append("tests/hardening/test_hostile.py")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests,
           "--hypothesis-show-statistics", "-ra"]
    if args.seed is not None:
        cmd.append(f"--hypothesis-seed={args.seed}")
    if args.k:
        cmd += ["-k", args.k]
    if args.exitfirst:
        cmd.append("-x")
    return cmd


def environment(args: argparse.Namespace) -> dict[str, str]:
    env = {**os.environ, "KG_FUZZ_EXAMPLES": str(args.examples)}
    if args.crash_trials:
        env["KG_CRASH_TRIALS"] = str(args.crash_trials)
    if args.hostile_mb:
        env["KG_HOSTILE_MB"] = str(args.hostile_mb)
    return env


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=5_000, help="examples per property (CI: 200)")
    parser.add_argument("--seed", type=int, default=None, help="Hypothesis seed, to reproduce a run")
    parser.add_argument("-k", default="", help="only the properties whose names match (pytest -k)")
    parser.add_argument("-x", "--exitfirst", action="store_true", help="stop at the first failing property")
    parser.add_argument("--crash-trials", type=int, default=0, help="also run this many SIGKILL trials")
    parser.add_argument("--hostile-mb", type=float, default=0, help="also build the hostile corpus with files this big")
    args = parser.parse_args(argv)
    cmd = command(args)
    print("running:", " ".join(cmd), f"(KG_FUZZ_EXAMPLES={args.examples})", file=sys.stderr, flush=True)
    return subprocess.call(cmd, cwd=REPO, env=environment(args))


if __name__ == "__main__":
    raise SystemExit(main())
