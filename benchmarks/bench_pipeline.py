#!/usr/bin/env python3
"""Speed and memory of the whole pipeline, stage by stage, against the naive baseline.

    .venv/bin/python benchmarks/bench_pipeline.py [--n 2000] [--jobs 2] [--repeat 3] [--baseline-n 200] [--dask]
    .venv/bin/python benchmarks/bench_pipeline.py --stream 200000     # flat-memory streaming run
    .venv/bin/python benchmarks/bench_pipeline.py --jsonl ../shared/validation/polnear/train.jsonl

On N synthetic article-sized texts (coverage.synthetic, deterministic; or real articles with
--jsonl), one core, it prints
articles/s and MB/s for each stage (cleaning, segmentation, then every metric stage of the
pipeline) and end to end; peak RSS; and, in the same run on the same texts, the naive baseline
(pysbd sentences + textstat's seven indices + vaderSentiment per sentence) and a bare regex word
pass, so each figure is also a ratio. Then the local engine with --jobs processes (speed-up;
serial and parallel calls alternated --repeat times, medians and ranges), and
with --dask the dask engine on a LocalCluster with --jobs workers. With
--stream N it writes N articles to a JSONL file, streams them to Parquet with
analyze_to_parquet in a child process and prints that process's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import tempfile
import time
from pathlib import Path

import coverage
from coverage.corpus import load_article
from coverage.engines import fewer_collections
from coverage.pipeline import Params, analyze_article, default_stages
from coverage.synthetic import generate_corpus


def rate(n: int, seconds: float, mb: float) -> str:
    return f"{n / seconds:>9.0f} articles/s {mb / seconds:>7.2f} MB/s"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_stages(records, params):
    """Run analyze_article with each stage wrapped in a timer; return seconds per stage."""
    totals: dict[str, float] = {}

    def wrap(name, fn):
        def run(ctx):
            t0 = time.perf_counter()
            fn(ctx)
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - t0
        return run

    stages = [(name, wrap(name, fn)) for name, fn in default_stages()]
    # with the garbage collector as analyze() runs it (coverage.engines.fewer_collections)
    with fewer_collections():
        t0 = time.perf_counter()
        for rec in records:
            analyze_article(rec, params, stages)
        total = time.perf_counter() - t0
    totals["(segmentation before stages)"] = total - sum(totals.values())
    return totals, total


def baseline(texts):
    import pysbd
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    coverage.ensure_nltk_data()
    seg = pysbd.Segmenter(language="en", clean=False)
    sia = SentimentIntensityAnalyzer()
    t0 = time.perf_counter()
    for t in texts:
        for s in seg.segment(t):
            sia.polarity_scores(s)
        for f in (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade, textstat.gunning_fog,
                  textstat.smog_index, textstat.coleman_liau_index, textstat.automated_readability_index,
                  textstat.dale_chall_readability_score):
            f(t)
    return time.perf_counter() - t0


def stream(n: int, jobs: int) -> None:
    """Stream n articles from JSONL to Parquet; a thread samples this process's and its workers' RSS."""
    import threading

    import psutil

    from coverage.pipeline import analyze_to_parquet

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for start in range(0, n, 5000):
                for row in generate_corpus(min(5000, n - start), 8, seed=start).to_dict("records"):
                    fh.write(json.dumps(row) + "\n")
        size = src.stat().st_size / 1e6
        me = psutil.Process()
        peak = {"main": 0.0, "total": 0.0, "pss": 0.0, "workers": 0}
        running = True

        def watch() -> None:
            # Summed RSS counts the pages that workers share copy-on-write with the process they
            # were forked from once per process; PSS divides each shared page among its sharers.
            while running:
                try:
                    kids = me.children(recursive=True)
                    procs = [me, *kids]
                    rss = me.memory_info().rss / 2**20
                    total = sum(p.memory_info().rss for p in procs) / 2**20
                    pss = sum(p.memory_full_info().pss for p in procs) / 2**20
                    peak.update(main=max(peak["main"], rss), total=max(peak["total"], total),
                                pss=max(peak["pss"], pss), workers=max(peak["workers"], len(kids)))
                except psutil.Error:
                    pass
                time.sleep(0.2)

        before = me.memory_info().rss / 2**20
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        t0 = time.perf_counter()
        analyze_to_parquet(str(src), str(Path(tmp) / "out"), n_jobs=jobs)
        seconds = time.perf_counter() - t0
        running = False
        watcher.join()
        print(f"streamed {n:,} articles ({size:.0f} MB JSONL) to Parquet with {jobs} process(es): "
              f"{n / seconds:.0f} articles/s; peak RSS {peak['main']:.0f} MB in the main process "
              f"({before:.0f} MB before the run); with its {peak['workers']} helper processes "
              f"{peak['pss']:.0f} MB PSS ({peak['total']:.0f} MB summed RSS, which counts shared "
              f"pages once per process); sampled every 0.2 s")


def real_articles(path: str, n: int):
    """Up to n articles of a JSONL file with ``id, publisher, publication_date, title, text``
    (the format of ../shared/validation/polnear/train.jsonl), read at run time."""
    import pandas as pd

    if not Path(path).exists():
        raise SystemExit(f"{path}: not found (the validation data lives outside the project)")
    df = pd.read_json(path, lines=True, nrows=n, dtype={"publication_date": str})
    df = df[["id", "publisher", "publication_date", "title", "text"]]
    return df.rename(columns={"id": "article_id", "publisher": "outlet", "publication_date": "published"})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--baseline-n", type=int, default=200, help="articles for the slow baseline")
    ap.add_argument("--stream", type=int, default=0, help="articles for the streaming run (0: skip)")
    ap.add_argument("--dask", action="store_true", help="also time the dask engine on a LocalCluster")
    ap.add_argument("--repeat", type=int, default=3,
                    help="serial and parallel analyze calls alternated this many times (0: skip)")
    ap.add_argument("--jsonl", help="real articles instead of synthetic ones (e.g. "
                                    "../shared/validation/polnear/train.jsonl)")
    args = ap.parse_args()
    if args.stream:
        stream(args.stream, args.jobs)
        return
    if args.jsonl:
        df = real_articles(args.jsonl, args.n)
        args.n = len(df)
        kind = f"real articles from {args.jsonl}"
    else:
        df = generate_corpus(args.n, 8, seed=0)
        kind = "synthetic articles"
    texts = list(df["text"])
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{args.n} {kind}, {mb:.1f} MB, mean {1e6 * mb / args.n:.0f} bytes; one core unless noted")
    coverage.ensure_nltk_data()
    params = Params()
    analyze_article(load_article(dict(df.iloc[0].drop("text")), texts[0], "warm-up"), params)  # load lexicons

    # the fastest of three passes: the ratios below are then the least favourable to coverage
    # (a single short pass drifts with the machine by 20% and more)
    t_regex = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        regex_words = sum(1 for t in texts for _ in re.finditer(r"\w+", t))
        t_regex = min(t_regex, time.perf_counter() - t0)
    print(f"{'bare regex word pass':<34}{rate(args.n, t_regex, mb)}  ({regex_words:,} words; fastest of 3)")

    metas = [dict(r) for r in df.drop(columns="text").to_dict("records")]
    with fewer_collections():
        t0 = time.perf_counter()
        records = [load_article(m, t, "bench") for m, t in zip(metas, texts)]
        t_clean = time.perf_counter() - t0
    print(f"{'loading + cleaning':<34}{rate(args.n, t_clean, mb)}")

    per_stage, t_analyze = timed_stages(records, params)
    for name, seconds in per_stage.items():
        print(f"  {name:<32}{rate(args.n, seconds, mb)}")
    t_e2e = t_clean + t_analyze
    print(f"{'end to end (load..all stages)':<34}{rate(args.n, t_e2e, mb)}  "
          f"= {t_e2e / t_regex:.1f}x the regex pass's time")

    t0 = time.perf_counter()
    res = coverage.analyze(df)
    t_api = time.perf_counter() - t0
    print(f"{'analyze(df), tables included':<34}{rate(args.n, t_api, mb)}  "
          f"({len(res.articles)} articles, {len(res.errors)} errors)")
    print(f"peak RSS so far: {peak_rss_mb():.0f} MB")

    with tempfile.TemporaryDirectory() as cache:
        t0 = time.perf_counter()
        coverage.analyze(df, cache_dir=cache)
        t_cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        coverage.analyze(df, cache_dir=cache)
        t_warm = time.perf_counter() - t0
    print(f"{'analyze(df, cache_dir) first run':<34}{rate(args.n, t_cold, mb)}  (writes the cache)")
    print(f"{'analyze(df, cache_dir) re-run':<34}{rate(args.n, t_warm, mb)}  "
          f"{t_warm:.2f} s, {t_api / t_warm:.1f}x faster than without a cache")

    if args.baseline_n:
        k = min(args.baseline_n, args.n)
        t_base = baseline(texts[:k])
        base_rate = k / t_base
        print(f"{'naive baseline (pysbd+textstat+VADER)':<34}{base_rate:>9.1f} articles/s on {k} articles"
              f"  -> coverage end to end is {args.n / t_e2e / base_rate:.1f}x faster")

    if args.jobs and args.jobs > 1:
        # The first call starts the forkserver, which imports the package and loads the lexicons
        # once (coverage.warmup); later calls in the same session fork warm workers at once.
        t0 = time.perf_counter()
        coverage.analyze(df, n_jobs=args.jobs)  # default chunk_size, as a user calls it
        t_par = time.perf_counter() - t0
        print(f"{f'analyze(df, n_jobs={args.jobs})':<34}{rate(args.n, t_par, mb)}  "
              f"speed-up {t_api / t_par:.2f}x on {os.cpu_count()} cores (first call, with start-up)")
        if args.repeat:
            speedups(df, args.jobs, args.repeat, mb)
        if args.dask:
            dask_speed(df, args.jobs, t_api, mb)


def speedups(df, jobs: int, repeat: int, mb: float) -> None:
    """Serial and parallel ``analyze`` calls, alternated ``repeat`` times: medians and ranges.

    A shared machine's speed drifts by 10-20% within minutes (more on a busy day), so a ratio
    of two single runs can be off by as much; alternating the calls and taking medians compares
    them in the same conditions. Three calls alternate:

    * serial, in this process, whose word caches (syllables, familiarity, sentiment, names) are
      warm from the calls before: a re-run in the same session;
    * serial, in a fresh process started like the engine's workers (``coverage.warmup``: the
      package and lexicons loaded, the word caches empty): a first run;
    * parallel, ``n_jobs`` fresh workers, whose word caches start empty too.

    The speed-up against the fresh serial process compares like with like; against the warm
    one it is understated by each worker's first sight of the corpus's vocabulary, which is
    large for real news and shrinks per article as a corpus grows.
    """
    from concurrent.futures import ProcessPoolExecutor

    from coverage.engines import _local_context

    warm, cold, parallel = [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        coverage.analyze(df)
        warm.append(time.perf_counter() - t0)
        with ProcessPoolExecutor(max_workers=1, mp_context=_local_context()) as pool:
            cold.append(pool.submit(_timed_analyze, df).result())
        t0 = time.perf_counter()
        coverage.analyze(df, n_jobs=jobs)
        parallel.append(time.perf_counter() - t0)
    n = len(df)
    for label, times in (("analyze(df), warm process", warm), ("analyze(df), fresh process", cold),
                         (f"analyze(df, n_jobs={jobs})", parallel)):
        print(f"{label:<34}{rate(n, statistics.median(times), mb)}  median of {repeat} "
              f"({n / max(times):,.0f}-{n / min(times):,.0f} articles/s)")
    for label, base in (("speed-up against a fresh process", cold), ("speed-up against a warm process", warm)):
        ratios = sorted(s / p for s, p in zip(base, parallel))
        print(f"{'  ' + label:<34}{statistics.median(base) / statistics.median(parallel):>9.2f}x  "
              f"(medians; pairwise {ratios[0]:.2f}-{ratios[-1]:.2f}x on {os.cpu_count()} cores)")


def _timed_analyze(df) -> float:
    """Seconds of one serial ``analyze(df)`` in the process that runs it."""
    t0 = time.perf_counter()
    coverage.analyze(df)
    return time.perf_counter() - t0


def dask_speed(df, jobs: int, t_serial: float, mb: float) -> None:
    """analyze(engine="dask") on a LocalCluster started (and warmed) before the clock starts."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("dask engine: not installed (pip install 'news-coverage[dask]')")
        return
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                      preload=["coverage.warmup"]) as cluster, Client(cluster) as client:
        t0 = time.perf_counter()
        coverage.analyze(df, engine="dask", client=client)
        t_dask = time.perf_counter() - t0
    print(f"{f'analyze(df, engine=dask, {jobs} workers)':<34}{rate(len(df), t_dask, mb)}  "
          f"speed-up {t_serial / t_dask:.2f}x (cluster started before timing)")


if __name__ == "__main__":
    main()
