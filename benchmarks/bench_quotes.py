"""Speed of quote extraction, in articles per second on one core.

Usage
-----
    .venv/bin/python benchmarks/bench_quotes.py                      # the embedded corpus
    .venv/bin/python benchmarks/bench_quotes.py --jsonl ../shared/validation/polnear/train.jsonl
    .venv/bin/python benchmarks/bench_quotes.py --scaling                 # time against text length

Prints the best of ``--repeat`` runs for: sentence splitting, extraction given sentences
(``extract_quote_rows`` per article: plain rows, the pipeline's path; ``extract_quotes_many``,
one table for all articles; ``extract_quotes`` per article, one DataFrame each), and splitting +
extraction together.

``--scaling`` times one ``extract_quote_rows`` call on texts of growing length and prints the
ratio of each time to the previous one: about 2 per doubling means linear time, 4 quadratic.
Three families: one unpunctuated "sentence" full of cues (``"the judge said that families were
separated " * n``, 6.5 to 52 KB), the pathological case that ``CUE_WINDOW_CHARS`` bounds; one
full of framed quotations (``'Ann Roe said "it is over" and ' * n``); and realistic text
(synthetic articles concatenated into one text, 0.5 to 20 MB).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

from coverage.quotes import extract_quote_rows, extract_quotes, extract_quotes_many
from coverage.segment import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def best_rate(fn: Callable[[], object], n: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return n / best


def _time_once(text: str) -> float:
    t0 = time.perf_counter()
    extract_quote_rows(text)
    return time.perf_counter() - t0


def scaling() -> None:
    """Seconds per text (sentence splitting included) and the ratio to the previous size."""
    from coverage.synthetic import generate_corpus

    for title, unit in (("unpunctuated sentence of cues", "the judge said that families were separated "),
                        ("unpunctuated sentence of framed quotations", 'Ann Roe said "it is over" and ')):
        print(f"{title} (segment + extract_quote_rows)")
        prev = None
        for kb in (6.5, 13, 26, 52):
            text = unit * round(kb * 1000 / len(unit))
            sec = min(_time_once(text) for _ in range(2))
            ratio = f"x{sec / prev:4.2f}" if prev else "     "
            print(f"  {len(text) / 1000:6.1f} KB  {sec:8.3f} s  {ratio}")
            prev = sec
    print("realistic text: synthetic articles concatenated (segment + extract_quote_rows)")
    arts = generate_corpus(600, 8, seed=2).text.tolist()
    pool = "\n\n".join(arts)
    prev = prev_mb = None
    for mb in (0.5, 1, 2, 5, 10, 20):
        n = int(mb * 1_000_000)
        text = (pool * (n // len(pool) + 1))[:n]
        sec = _time_once(text)
        ratio = f"x{sec / prev:4.2f} for x{mb / prev_mb:.1f} size" if prev else ""
        print(f"  {mb:6.1f} MB  {sec:8.2f} s  {sec / mb:6.2f} s/MB  {ratio}")
        prev, prev_mb = sec, mb


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jsonl", type=Path, default=None, help="JSONL with a 'text' field per line")
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scaling", action="store_true", help="time against text length instead")
    args = ap.parse_args(argv)
    if args.scaling:
        scaling()
        return 0
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
    print(f"  extract_quote_rows (sentences)   {best_rate(lambda: [extract_quote_rows(t, s) for t, s in zip(texts, sents)], n, args.repeat):8,.0f} articles/s")
    print(f"  split + extract_quote_rows       {best_rate(lambda: [extract_quote_rows(t) for t in texts], n, args.repeat):8,.0f} articles/s")
    print(f"  extract_quotes_many (sentences)  {best_rate(lambda: extract_quotes_many(texts, sents), n, args.repeat):8,.0f} articles/s")
    print(f"  extract_quotes per article      {best_rate(lambda: [extract_quotes(t, s) for t, s in zip(texts, sents)], n, args.repeat):8,.0f} articles/s")
    print(f"  split + extract_quotes_many     {best_rate(lambda: extract_quotes_many(texts), n, args.repeat):8,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
