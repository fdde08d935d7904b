#!/usr/bin/env python3
"""Time against input size, per stage, up to 20 MB: no stage may be super-linear.

    .venv/bin/python benchmarks/bench_scaling.py [--max-mb 20] [--stages quotes,readability]

Two kinds of input: realistic text (synthetic articles concatenated into one huge "article",
paragraphs and quotations included) and one unpunctuated sentence (the worst case for anything
that scans a sentence per cue). For each size it prints seconds and seconds per MB of every stage;
a linear stage keeps seconds/MB flat as the size doubles.
"""

from __future__ import annotations

import argparse
import time

from coverage.corpus import make_article
from coverage.pipeline import Params, analyze_article, default_stages
from coverage.synthetic import generate_corpus


def texts(kind: str, mb: float) -> str:
    target = int(mb * 1_000_000)
    if kind == "sentence":
        unit = "the judge said that families were separated "
        return unit * (target // len(unit) + 1)
    parts, size, seed = [], 0, 0
    while size < target:
        for t in generate_corpus(200, 8, seed=seed)["text"]:
            parts.append(t)
            size += len(t.encode()) + 2
        seed += 1
    return "\n\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-mb", type=float, default=20)
    ap.add_argument("--stages", default="", help="comma-separated stage names (default: all)")
    ap.add_argument("--kinds", default="text,sentence")
    ap.add_argument("--max-mb-sentence", type=float, default=2,
                    help="largest unpunctuated sentence (it is slow to generate and score)")
    args = ap.parse_args()
    wanted = [s for s in args.stages.split(",") if s]
    stages = [(n, f) for n, f in default_stages() if not wanted or n in wanted or n == "segment"]
    sizes = [s for s in (0.25, 0.5, 1, 2, 5, 10, 20) if s <= args.max_mb]
    params = Params(max_chars=0, check_language=False)
    for kind in args.kinds.split(","):
        print(f"\n{kind}: seconds (seconds per MB) per stage")
        print(f"{'MB':>6} " + " ".join(f"{n:>20}" for n, _ in stages))
        for mb in sizes:
            if kind == "sentence" and mb > args.max_mb_sentence:
                break
            text = texts(kind, mb)
            rec = make_article({"article_id": f"{kind}-{mb}"}, text)
            cells = []
            for name, fn in stages:
                timer: dict[str, float] = {}

                def timed(ctx, fn=fn, name=name):
                    t0 = time.perf_counter()
                    fn(ctx)
                    timer[name] = time.perf_counter() - t0

                chain = [(n, timed if n == name else f) for n, f in stages[: stages.index((name, fn)) + 1]]
                analyze_article(rec, params, chain)
                sec = timer[name]
                cells.append(f"{sec:>9.2f} ({sec / mb:>7.2f})")
            print(f"{mb:>6} " + " ".join(f"{c:>20}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
