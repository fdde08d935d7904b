"""Speed of our readability and sentiment against textstat and vaderSentiment, on one core.

Builds ``--n`` article-sized texts (default 2,000) deterministically from the seed articles'
sentences: each text draws 15-40 sentences with replacement (fixed seed), shuffles them, groups
them into paragraphs of one to three sentences, and varies about a third of the sentences (a word
swapped for another seed word, a word in capitals, an exclamation mark, a number), so that no two
texts are equal and textstat's whole-text cache cannot help it. Then, on the same texts and in
the same process, pinned to one CPU:

* ours: ``split_sentences`` once, ``score_readability(text, sentences)`` and
  ``score_sentiment(text, sentences)`` (fast VADER);
* textstat 0.7.13: the seven indices (Flesch reading ease, Flesch-Kincaid, Gunning fog, SMOG,
  Coleman-Liau, ARI, Dale-Chall) on each text;
* vaderSentiment 3.3.2: ``polarity_scores`` on every sentence (our spans, quote-normalised, the
  segmentation not charged to it).

Each contender runs over all texts as one block, ``--repeat`` rounds (order alternating), and
its fastest round counts, as ``timeit`` does. Prints articles/s for each and the ratio
(textstat + vaderSentiment time) / (our time), with and without our sentence splitting, and
checks in passing that our VADER scores equal vaderSentiment's
on every sentence. Per-token caches in our code are warm after the first texts, as they are over
any corpus about one event; no result is cached per sentence or per text. ``--cold`` empties
those caches before every text, for the worst case.

Usage::

    .venv/bin/python benchmarks/bench_readability_sentiment.py [--n 2000] [--seed 7] [--cold]
    .venv/bin/python benchmarks/bench_readability_sentiment.py --seeds   # per-seed figures
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from coverage.readability import score_readability  # noqa: E402
from coverage.resources import ensure_nltk_data  # noqa: E402
from coverage.segment import WORD_RE, split_sentences  # noqa: E402
from coverage.sentiment import normalize_quotes, score_sentiment  # noqa: E402


def seed_sentences() -> list[str]:
    out = []
    for path in sorted((REPO / "data" / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [text[s:e] for s, e in split_sentences(text)]
    return out


def build_texts(n: int, seed: int) -> list[str]:
    """``n`` distinct article-sized texts built from the seed sentences (deterministic)."""
    rng = random.Random(seed)
    pool = seed_sentences()
    vocab = sorted({w for s in pool for w in WORD_RE.findall(s) if w.isalpha()})
    texts = []
    for _ in range(n):
        sents = [rng.choice(pool) for _ in range(rng.randint(15, 40))]
        varied = []
        for s in sents:
            r = rng.random()
            words = s.split(" ")
            k = rng.randrange(len(words))
            if r < 0.15:
                words[k] = rng.choice(vocab)
            elif r < 0.22:
                words[k] = words[k].upper()
            elif r < 0.27:
                words[-1] = words[-1].rstrip(".") + "!"
            elif r < 0.33:
                words.insert(k, str(rng.randint(2, 99_999)))
            varied.append(" ".join(words))
        paragraphs, i = [], 0
        while i < len(varied):
            step = rng.randint(1, 3)
            paragraphs.append(" ".join(varied[i:i + step]))
            i += step
        texts.append("\n\n".join(paragraphs))
    return texts


def clear_caches() -> None:
    """Empty every per-token cache of ours (dictionaries and lexicons stay loaded)."""
    from coverage import readability, sentiment, syllables

    readability._WORDS.clear()
    readability._CHUNKS.clear()
    readability.is_dale_chall_familiar.cache_clear()
    readability.is_gunning_complex.cache_clear()
    syllables.count_syllables.cache_clear()
    sentiment._vader().cache.clear()


def textstat_indices(textstat, text: str) -> tuple[float, ...]:  # noqa: ANN001
    return (textstat.flesch_reading_ease(text), textstat.flesch_kincaid_grade(text),
            textstat.gunning_fog(text), textstat.smog_index(text),
            textstat.coleman_liau_index(text), textstat.automated_readability_index(text),
            textstat.dale_chall_readability_score(text))


INDICES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau",
           "ari", "dale_chall")


def print_seed_figures() -> None:
    """Per seed article: our indices and counts, textstat's indices, the sentiment summary."""
    import textstat

    from coverage.sentiment import summarize_sentiment

    texts = {f"{p.stem} (raw file)": p.read_text(encoding="utf-8")
             for p in sorted((REPO / "data" / "corpus").glob("*.txt"))}
    try:
        import coverage

        corpus = coverage.load_corpus()
        for aid, text in zip(corpus.articles["article_id"], corpus.articles["text"]):
            texts[f"{aid} (clean text)"] = text
    except Exception as exc:  # noqa: BLE001 - the cleaner is another module; report and go on
        print(f"(clean texts unavailable: {exc})")
    for name, text in texts.items():
        r = score_readability(text)
        ts = dict(zip(INDICES, textstat_indices(textstat, text)))
        s = summarize_sentiment(score_sentiment(text), text=text)
        print(name)
        print("  ours     " + " ".join(f"{k}={r[k]:.2f}" for k in INDICES))
        print("  textstat " + " ".join(f"{k}={v:.2f}" for k, v in ts.items()))
        print("  counts   " + " ".join(
            f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
            for k, v in r.items() if k not in INDICES))
        print("  sentiment " + " ".join(
            f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}"
            for k, v in s.items() if not k.endswith("_text")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="number of texts (default 2000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--warmup", type=int, default=20, help="texts to warm up on first")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds (each contender runs over all texts once per round, the "
                             "order alternating); the fastest round counts (default 3)")
    parser.add_argument("--seeds", action="store_true",
                        help="print per-seed readability (ours and textstat) and sentiment, "
                             "then exit")
    parser.add_argument("--cold", action="store_true",
                        help="empty our per-token caches before every text (worst case: every "
                             "token looked up from scratch)")
    args = parser.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    ensure_nltk_data()
    if args.seeds:
        print_seed_figures()
        return 0
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    texts = build_texts(args.n, args.seed)
    n_chars = sum(map(len, texts))
    print(f"{len(texts)} texts, {n_chars / len(texts):.0f} characters on average, "
          f"{len(set(texts))} distinct; python {sys.version.split()[0]}, one core, "
          f"best of {args.repeat} rounds" + (", our caches emptied before every text"
                                              if args.cold else ""))

    # warm-up: load dictionaries, lexicons, caches of every contender
    for t in texts[: args.warmup]:
        sp = split_sentences(t)
        score_readability(t, sp)
        score_sentiment(t, sp)
        textstat_indices(textstat, t + " warm")
        tn = normalize_quotes(t)
        [analyzer.polarity_scores(tn[s:e]) for s, e in sp]

    clock = time.perf_counter
    spans = [split_sentences(t) for t in texts]
    normalized = [normalize_quotes(t) for t in texts]

    def run_split() -> None:
        for t in texts:
            split_sentences(t)

    def run_read() -> None:
        for t, sp in zip(texts, spans):
            if args.cold:
                clear_caches()
            score_readability(t, sp)

    def run_sent() -> list:
        out = []
        for t, sp in zip(texts, spans):
            if args.cold:
                clear_caches()
            out.append(score_sentiment(t, sp))
        return out

    def run_textstat() -> None:
        for t in texts:
            textstat_indices(textstat, t)

    def run_vader() -> list:
        # quote normalisation is charged to ours (inside score_sentiment), not to the reference
        return [[analyzer.polarity_scores(tn[s:e]) for s, e in sp]
                for tn, sp in zip(normalized, spans)]

    best = {}
    ours_sent = ref_sent = None
    runs = [("split", run_split), ("read", run_read), ("sent", run_sent),
            ("textstat", run_textstat), ("vader", run_vader)]
    for r in range(args.repeat):
        for name, fn in (runs if r % 2 == 0 else runs[::-1]):
            t0 = clock()
            out = fn()
            elapsed = clock() - t0
            best[name] = min(best.get(name, elapsed), elapsed)
            if name == "sent":
                ours_sent = out
            elif name == "vader":
                ref_sent = out
    t_split, t_read, t_sent = best["split"], best["read"], best["sent"]
    t_textstat, t_vader = best["textstat"], best["vader"]

    mismatches = 0
    n_sentences = 0
    for df, ref in zip(ours_sent, ref_sent):
        for row, r in zip(df.itertuples(index=False), ref):
            n_sentences += 1
            if (row.compound, row.pos, row.neu, row.neg) != (r["compound"], r["pos"], r["neu"],
                                                             r["neg"]):
                mismatches += 1

    n = len(texts)

    def rate(seconds: float) -> str:
        return f"{n / seconds:9.1f} articles/s  ({seconds / n * 1e3:6.3f} ms/article)"

    print(f"ours   split_sentences         {rate(t_split)}")
    print(f"ours   score_readability       {rate(t_read)}")
    print(f"ours   score_sentiment (vader) {rate(t_sent)}")
    print(f"ours   readability+sentiment   {rate(t_read + t_sent)}")
    print(f"ours   split+read+sentiment    {rate(t_split + t_read + t_sent)}")
    print(f"textstat 0.7.13 (7 indices)    {rate(t_textstat)}")
    print(f"vaderSentiment 3.3.2           {rate(t_vader)}  ({n_sentences} sentences)")
    print(f"textstat+vaderSentiment        {rate(t_textstat + t_vader)}")
    print(f"ratio readability   ours/textstat        {t_textstat / t_read:6.2f}x")
    print(f"ratio sentiment     ours/vaderSentiment  {t_vader / t_sent:6.2f}x")
    print(f"ratio together, segmentation included    "
          f"{(t_textstat + t_vader) / (t_split + t_read + t_sent):6.2f}x")
    print(f"ratio together, given sentence spans     "
          f"{(t_textstat + t_vader) / (t_read + t_sent):6.2f}x")
    print(f"VADER exactness: {mismatches} of {n_sentences} sentences differ from vaderSentiment")
    return 0 if mismatches == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
