#!/usr/bin/env python3
"""Fuzz the loaders and extractors for a set time; print inputs tried and crashes found.

    .venv/bin/python benchmarks/fuzz.py [--seconds 60] [--seed 0]

Inputs are random bytes, random Unicode, and mutations of the seed articles (cut, spliced,
quotation marks added or removed, HTML wrapped, re-encoded). A crash is any exception other than
the documented ArticleError/MetadataError. Each target runs the same inputs; crashes are printed
with a reproducer (the input's repr, truncated).
"""

from __future__ import annotations

import argparse
import random
import time
import traceback

import coverage
from coverage.clean import clean_text
from coverage.corpus import decode_bytes, make_article
from coverage.errors import CoverageError
from coverage.pipeline import analyze_article
from coverage.segment import split_sentences, tokenize

SEEDS = list(coverage.load_corpus().articles["raw_text"])
MARKS = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "<p>", "</p>", "\n\n", ". ", "\u2014", "\x00", "\ufeff"]


def mutate(rng: random.Random) -> bytes:
    kind = rng.randrange(6)
    if kind == 0:
        return rng.randbytes(rng.randrange(0, 4000))
    if kind == 1:
        return "".join(chr(rng.randrange(0, 0x2FFFF)) for _ in range(rng.randrange(0, 500))).encode("utf-8", "surrogatepass")
    text = rng.choice(SEEDS)
    a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
    text = text[a:b] if kind == 2 else text
    for _ in range(rng.randrange(0, 30)):
        i = rng.randrange(len(text) + 1)
        text = text[:i] + rng.choice(MARKS) + text[i:]
    if kind == 3:
        text = f"<html><body><nav>menu</nav><p>{text}</p><script>x()</script></body></html>"
    if kind == 4:
        return text.encode("cp1252", "replace")
    return text.encode("utf-8", "surrogatepass")


def targets():
    def load(data: bytes):
        text, _ = decode_bytes(data, "fuzz")
        return make_article({"article_id": "fuzz", "outlet": "F"}, text)

    def segment(data: bytes):
        text = data.decode("utf-8", "replace")
        for s, e in split_sentences(text):
            assert 0 <= s < e <= len(text)
        tokenize(text)

    def clean(data: bytes):
        text = data.decode("utf-8", "replace")
        for r in clean_text(text).removals:
            assert text[r.start:r.end] == r.text

    def analyze(data: bytes):
        rec = load(data)
        analyze_article(rec)

    def quotes(data: bytes):  # raw, uncleaned text straight into the extractor
        from coverage.quotes import extract_quote_rows

        text = data.decode("utf-8", "replace")
        for r in extract_quote_rows(text):
            assert text[r["start"]:r["end"]] == r["text"]

    return {"load": load, "segment": segment, "clean": clean, "quotes": quotes, "analyze_article": analyze}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    funcs = targets()
    tried = {k: 0 for k in funcs}
    crashes: dict[str, list[str]] = {k: [] for k in funcs}
    expected = 0
    end = time.monotonic() + args.seconds
    while time.monotonic() < end:
        data = mutate(rng)
        for name, fn in funcs.items():
            tried[name] += 1
            try:
                fn(data)
            except CoverageError:
                expected += 1
            except Exception:  # noqa: BLE001 - that is what we are looking for
                crashes[name].append(f"{traceback.format_exc(limit=3)}\ninput: {data[:200]!r}")
    total = sum(tried.values())
    print(f"fuzzed for {args.seconds:.0f}s, seed {args.seed}: {total} target calls on "
          f"{tried['load']} inputs, {expected} clear ArticleError/MetadataError answers")
    for name in funcs:
        print(f"  {name:<16} {tried[name]:>7} inputs  {len(crashes[name])} crashes")
    for name, items in crashes.items():
        for c in items[:3]:
            print(f"--- crash in {name}:\n{c}")
    raise SystemExit(1 if any(crashes.values()) else 0)


if __name__ == "__main__":
    main()
