"""Selection results benchmark: the ranking of a large program, as a ratio against a raw read.

    python benchmarks/bench_selection.py [--candidates 300] [--reviewers 15] [--runs 5]

Builds a program with N eligible candidates in one closed round of R reviewers who scored every
candidate, then times, alternately in the same process:
- baseline: reading every review row of the round with the sqlite3 module (no parsing);
- results: ``results.program_results`` (the one function the screen, CLI and returns use);
- detail: the same with per-reviewer detail.
There is no budget for this in DESIGN.md 10; the figure shows the chair's ranking view stays
interactive for a large program on an old PC.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--reviewers", type=int, default=15)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()

    from selection_helpers import OFFICE, REVIEW_DAY, make_round, scores
    from unionDesk.domain.uscc import compose_uscc
    from unionDesk.paths import resolve_paths
    from unionDesk.services.database import create_database
    from unionDesk.services.results import program_results
    from unionDesk.services.reviews import submit_review
    from unionDesk.services.rounds import close_round

    paths = resolve_paths(Path(tempfile.mkdtemp(prefix="uniondesk-bench-sel-")))
    db = create_database(paths, "基准测试工会", compose_uscc("91110105MA01ABCD1"))
    started = time.perf_counter()
    setup = make_round(db, options.candidates, options.reviewers)
    for number, reviewer in enumerate(setup.reviewers):
        for index, candidate_id in enumerate(setup.candidate_ids):
            skill = str(20 + (index * 7 + number * 3) % 20)
            values = scores("15", skill, "18.5", "11")
            submit_review(db, reviewer, setup.round_id, candidate_id, values, "", today=REVIEW_DAY)
    close_round(db, OFFICE, setup.round_id)
    print(f"set-up: {time.perf_counter() - started:.1f} s")

    def baseline() -> None:
        with sqlite3.connect(paths.database) as connection:
            connection.execute("SELECT * FROM review WHERE round_id = ?", (setup.round_id,))
            connection.execute("SELECT * FROM review").fetchall()

    timings: dict[str, list[float]] = {"baseline": [], "results": [], "detail": []}
    actions = {
        "baseline": baseline,
        "results": lambda: program_results(db, OFFICE, setup.program_id),
        "detail": lambda: program_results(db, OFFICE, setup.program_id, detail=True),
    }
    for _ in range(options.runs):
        for name, action in actions.items():
            began = time.perf_counter()
            action()
            timings[name].append(time.perf_counter() - began)
    base = statistics.median(timings["baseline"])
    reviews = options.candidates * options.reviewers
    print(f"{options.candidates} candidates × {options.reviewers} reviewers = {reviews} reviews")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:9} median {median * 1000:7.1f} ms   ratio {median / base:6.1f}× baseline")
    db.close()


if __name__ == "__main__":
    main()
