#!/usr/bin/env python3
"""Sentence segmentation speed: coverage.segment vs nltk Punkt and pysbd, one core.

    .venv/bin/python benchmarks/bench_segment.py [--n 2000] [--seed 0]

Prints articles/s and MB/s for each splitter on the same synthetic article-sized texts, and the
sentence counts each finds. Punkt runs with nltk's default (untrained) parameters because the
trained English model cannot be downloaded here; pysbd runs on a sample (it is slow).
"""

from __future__ import annotations

import argparse
import time

from coverage.segment import split_sentences
from coverage.synthetic import generate_corpus


def measure(name, fn, texts):
    t0 = time.perf_counter()
    n = sum(len(fn(t)) for t in texts)
    dt = time.perf_counter() - t0
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{name:<28} {len(texts) / dt:>9.0f} articles/s {mb / dt:>7.2f} MB/s  "
          f"{n / len(texts):6.1f} sentences/article  ({len(texts)} articles)")
    return len(texts) / dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    texts = list(generate_corpus(args.n, 4, seed=args.seed)["text"])
    print(f"{args.n} synthetic articles, mean {sum(map(len, texts)) / len(texts):.0f} characters")
    ours = measure("coverage.split_sentences", split_sentences, texts)
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt = PunktSentenceTokenizer()
    theirs = measure("nltk Punkt (untrained)", lambda t: list(punkt.span_tokenize(t)), texts)
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
        sample = texts[: max(20, args.n // 20)]
        sbd = measure("pysbd 0.3.4", seg.segment, sample)
        print(f"ratio: {ours / theirs:.1f}x Punkt, {ours / sbd:.0f}x pysbd")
    except ImportError:
        print(f"ratio: {ours / theirs:.1f}x Punkt (pysbd not installed)")


if __name__ == "__main__":
    main()
