"""Speed of quote extraction, in articles per second on one core.

Usage
-----
    .venv/bin/python benchmarks/bench_quotes.py                      # the embedded corpus
    .venv/bin/python benchmarks/bench_quotes.py --jsonl ../shared/validation/polnear/train.jsonl

Prints the best of ``--repeat`` runs for: sentence splitting, extraction given sentences
(``extract_quotes_many``, one table for all articles), per-article ``extract_quotes`` calls
(one DataFrame per article), and splitting + extraction together.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

from coverage.quotes import extract_quotes, extract_quotes_many
from coverage.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def best_rate(fn: Callable[[], object], n: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return n / best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jsonl", type=Path, default=None, help="JSONL with a 'text' field per line")
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if args.jsonl is not None:
        if not args.jsonl.exists():
            print(f"not found: {args.jsonl} (validation data is outside the project and may be absent)",
                  file=sys.stderr)
            return 2
        lines = args.jsonl.read_text(encoding="utf-8").splitlines()[: args.limit]
        texts = [json.loads(ln)["text"] for ln in lines if ln.strip()]
        source = str(args.jsonl)
    else:
        files = sorted((ROOT / "data" / "corpus").glob("*.txt"))
        base = [f.read_text(encoding="utf-8") for f in files]
        texts = (base * (args.limit // max(1, len(base)) + 1))[: args.limit]
        source = "data/corpus (repeated)"
    n = len(texts)
    chars = sum(map(len, texts)) / max(1, n)
    sents = [split_sentences(t) for t in texts]
    extract_quotes_many(texts[:5], sents[:5])  # load resources once
    print(f"{source}: {n} articles, {chars:,.0f} characters on average, best of {args.repeat}")
    print(f"  split_sentences                 {best_rate(lambda: [split_sentences(t) for t in texts], n, args.repeat):8,.0f} articles/s")
    print(f"  extract_quotes_many (sentences)  {best_rate(lambda: extract_quotes_many(texts, sents), n, args.repeat):8,.0f} articles/s")
    print(f"  extract_quotes per article      {best_rate(lambda: [extract_quotes(t, s) for t, s in zip(texts, sents)], n, args.repeat):8,.0f} articles/s")
    print(f"  split + extract_quotes_many     {best_rate(lambda: extract_quotes_many(texts), n, args.repeat):8,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
