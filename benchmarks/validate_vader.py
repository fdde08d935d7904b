"""Validate our VADER against human ratings (Hutto & Gilbert 2014 ground truth).

Reads a ``*_GroundTruth.txt`` file (``id<TAB>mean rating -4..4<TAB>text``), scores every text
with our implementation (``coverage.sentiment``, engine ``"vader"``), with vaderSentiment 3.3.2
and with NLTK's port, and prints each one's Pearson r between the compound score and the human
mean (the VADER paper reports r = 0.492 on the NYT editorial snippets), the paper's 3-class
accuracy (gold positive if mean >= 0.2, negative if <= -0.2; predicted with compound cut-offs
+-0.05), how many texts our scores differ from vaderSentiment's in any of the four values, and how
many texts NLTK's port disagrees with vaderSentiment.

The data are research data with their own licence: they are read where they lie, never copied
into the project.

Usage::

    .venv/bin/python benchmarks/validate_vader.py [PATH]

PATH defaults to ``../shared/validation/vader/nytEditorialSnippets_GroundTruth.txt`` relative to
the repository.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT = REPO.parent / "shared" / "validation" / "vader" / "nytEditorialSnippets_GroundTruth.txt"
PAPER_R = {"nytEditorialSnippets": 0.492, "tweets": 0.881, "movieReviewSnippets": 0.451,
           "amazonReviewSnippets": 0.565}


def read_ground_truth(path: Path) -> tuple[list[float], list[str]]:
    means, texts = [], []
    raw = path.read_text(encoding="utf-8-sig", errors="replace")
    for line in raw.splitlines():
        parts = line.split("\t", 2)
        if len(parts) < 3:
            continue
        means.append(float(parts[1]))
        texts.append(parts[2])
    return means, texts


def pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy)


def three_class_accuracy(means: list[float], compounds: list[float]) -> float:
    def gold(m: float) -> int:
        return 1 if m >= 0.2 else (-1 if m <= -0.2 else 0)

    def pred(c: float) -> int:
        return 1 if c >= 0.05 else (-1 if c <= -0.05 else 0)

    return sum(gold(m) == pred(c) for m, c in zip(means, compounds)) / len(means)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT,
                        help=f"ground-truth file (default {DEFAULT})")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"ABSENT: ground-truth file not found: {args.path}\n"
              "Pass the path of a *_GroundTruth.txt file from the VADER ICWSM-2014 data "
              "(vaderSentiment repository, additional_resources/hutto_ICWSM_2014.tar.gz).",
              file=sys.stderr)
        return 2

    from coverage.resources import ensure_nltk_data
    from coverage.sentiment import normalize_quotes, polarity_scores

    ensure_nltk_data()
    from nltk.sentiment.vader import SentimentIntensityAnalyzer as NltkVader
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    means, texts = read_ground_truth(args.path)
    reference = SentimentIntensityAnalyzer()
    nltk_vader = NltkVader()

    ours = [polarity_scores(t) for t in texts]
    ref = [reference.polarity_scores(normalize_quotes(t)) for t in texts]
    ref_raw = [reference.polarity_scores(t) for t in texts]
    port = [nltk_vader.polarity_scores(t) for t in texts]

    keys = ("neg", "neu", "pos", "compound")
    ours_vs_ref = sum(1 for a, b in zip(ours, ref) if any(a[k] != b[k] for k in keys))
    port_vs_ref = sum(1 for a, b in zip(port, ref_raw) if any(a[k] != b[k] for k in keys))
    port_vs_ref_compound = sum(1 for a, b in zip(port, ref_raw) if a["compound"] != b["compound"])

    name = args.path.name.replace("_GroundTruth.txt", "")
    print(f"{args.path} : {len(texts)} texts; human mean rating -4..4")
    paper = PAPER_R.get(name)
    if paper is not None:
        print(f"VADER paper (Hutto & Gilbert 2014), Pearson r on this set: {paper:.3f}")
    rows = [("ours (coverage.sentiment, vader)", ours),
            ("vaderSentiment 3.3.2", ref_raw),
            ("nltk.sentiment.vader (port)", port)]
    print(f"{'implementation':34s} {'Pearson r':>9s} {'3-class acc':>11s}")
    for label, scores in rows:
        comp = [s["compound"] for s in scores]
        print(f"{label:34s} {pearson(means, comp):9.4f} {three_class_accuracy(means, comp):11.4f}")
    print(f"ours differs from vaderSentiment (any of neg/neu/pos/compound): "
          f"{ours_vs_ref} of {len(texts)} texts (same quote normalisation on both)")
    print(f"nltk's port differs from vaderSentiment: {port_vs_ref} of {len(texts)} texts "
          f"({port_vs_ref_compound} in compound)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
