"""Engines give the same tables; streaming to Parquet is chunked and resumable; the cache works."""

from __future__ import annotations

import json

import pandas as pd
import pandas.testing as pdt
import pytest

import coverage
from coverage.pipeline import analyze_to_parquet
from coverage.synthetic import generate_corpus


@pytest.fixture(scope="module")
def corpus_df():
    df = generate_corpus(24, 4, seed=3)
    df.loc[5, "text"] = "   "  # one bad article among good ones
    return df


@pytest.fixture(scope="module")
def serial(corpus_df):
    return coverage.analyze(corpus_df, chunk_size=5)


def _same(a, b):
    for name in set(a.tables) | set(b.tables):
        left = a.tables[name].reset_index(drop=True)
        right = b.tables[name].reset_index(drop=True)
        pdt.assert_frame_equal(left, right, check_dtype=False, obj=name)


def test_serial_result_shape(serial):
    assert len(serial.articles) == 23 and list(serial.errors.article_id) == ["syn3-0000005"]
    assert serial.articles.outlet.nunique() == 4


def test_distinctive_words_from_chunk_counts_equal_recount(serial):
    # The chunks count their n-grams where they run; the parent only merges. Re-tokenizing the
    # whole sentences table, as corpus_tables does without counts, gives the same table.
    from coverage.stages import corpus_tables

    recount = corpus_tables(serial.tables, serial.params)["distinctive_words"]
    assert len(recount) > 100
    pdt.assert_frame_equal(serial.distinctive_words, recount)


def test_local_processes_equal_serial(corpus_df, serial):
    # with n_jobs=2 the shared quotations are matched in a side process: the same table
    assert len(serial.tables["shared_quotations"]) > 100
    _same(coverage.analyze(corpus_df, chunk_size=5, n_jobs=2), serial)


def test_dask_equals_local(corpus_df, serial):
    pytest.importorskip("dask.distributed")
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        res = coverage.analyze(corpus_df, chunk_size=5, engine="dask", client=client)
    _same(res, serial)


def test_stream_to_parquet_and_resume(corpus_df, serial, tmp_path):
    out = analyze_to_parquet(corpus_df, tmp_path / "run", chunk_size=5)
    articles = pd.read_parquet(out / "articles")
    assert list(articles.article_id) == list(serial.articles.article_id)
    assert len(list((out / "articles").glob("part-*.parquet"))) == 5
    state = json.loads((out / "_progress.json").read_text())
    assert state["done"] == [0, 1, 2, 3, 4]
    # Interrupt: forget chunk 2 and delete its files; a second run redoes only that chunk.
    for folder in out.iterdir():
        if folder.is_dir():
            (folder / "part-000002.parquet").unlink(missing_ok=True)
    before = {p: p.stat().st_mtime_ns for p in (out / "articles").glob("part-*.parquet")}
    state["done"] = [0, 1, 3, 4]
    (out / "_progress.json").write_text(json.dumps(state))
    analyze_to_parquet(corpus_df, tmp_path / "run", chunk_size=5)
    after = {p: p.stat().st_mtime_ns for p in (out / "articles").glob("part-*.parquet")}
    assert {p: t for p, t in after.items() if p in before} == before
    assert (out / "articles" / "part-000002.parquet").exists()
    pdt.assert_frame_equal(pd.read_parquet(out / "sentences").reset_index(drop=True),
                           serial.sentences.reset_index(drop=True), check_dtype=False)
    assert pd.read_parquet(out / "errors").article_id.tolist() == ["syn3-0000005"]
    # the outlet summary, accumulated chunk by chunk (and across the resume), equals the serial one
    streamed = pd.read_parquet(out / "outlets.parquet").sort_values(["outlet", "metric"]).reset_index(drop=True)
    expected = serial.outlets.sort_values(["outlet", "metric"]).reset_index(drop=True)
    pdt.assert_frame_equal(streamed, expected, check_dtype=False, rtol=1e-9)


def test_disk_cache_returns_the_same_tables(corpus_df, serial, tmp_path):
    first = coverage.analyze(corpus_df, chunk_size=5, cache_dir=tmp_path / "cache")
    n_entries = len(list((tmp_path / "cache").rglob("*.pkl")))
    assert n_entries == 23 + 5  # each article but the unreadable one, and each of the 5 chunks
    second = coverage.analyze(corpus_df, chunk_size=5, cache_dir=tmp_path / "cache")
    _same(first, serial)
    _same(second, serial)
    changed = coverage.analyze(corpus_df, chunk_size=5, cache_dir=tmp_path / "cache", line_breaks="space")
    assert len(list((tmp_path / "cache").rglob("*.pkl"))) == 56  # other parameters, other keys
    assert changed.params["line_breaks"] == "space"


def test_cache_reads_whole_chunks_and_recomputes_only_what_changed(corpus_df, tmp_path, monkeypatch):
    import coverage.pipeline as pipeline

    cache = tmp_path / "cache"
    coverage.analyze(corpus_df, chunk_size=5, cache_dir=cache)
    calls = []
    real = pipeline.analyze_article
    monkeypatch.setattr(pipeline, "analyze_article", lambda rec, *a, **k: calls.append(rec["article_id"]) or real(rec, *a, **k))
    again = coverage.analyze(corpus_df, chunk_size=5, cache_dir=cache)
    assert calls == []  # every chunk read back whole
    edited = corpus_df.copy()
    edited.loc[7, "text"] = edited.loc[7, "text"] + "\n\nThe judge said the ruling stands."
    fresh = coverage.analyze(edited, chunk_size=5)
    calls.clear()
    cached = coverage.analyze(edited, chunk_size=5, cache_dir=cache)
    assert calls == [edited.loc[7, "article_id"]]  # its chunk's other articles come from the article cache
    _same(cached, fresh)
    assert len(again.articles) == 23


def test_balanced_chunks_for_several_workers() -> None:
    import pandas as pd

    from coverage.pipeline import _balanced_chunk_size

    df = pd.DataFrame({"text": ["x"] * 840})
    assert _balanced_chunk_size(df, 256, "local", 1, None) == 256  # one process: as asked
    assert _balanced_chunk_size(df, 256, "local", 2, None) == 105  # 840 / (4 tasks x 2 workers)
    assert _balanced_chunk_size(df, 50, "local", 2, None) == 50  # never larger than asked
    assert _balanced_chunk_size(df.head(40), 256, "local", 2, None) == 16  # not below MIN_CHUNK
    assert _balanced_chunk_size("some/folder", 256, "local", 2, None) == 256  # size unknown


def test_fewer_collections_raises_the_threshold_and_restores_it() -> None:
    import gc

    from coverage.engines import GC_THRESHOLD, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(before[0], GC_THRESHOLD), *before[1:])
        with fewer_collections():  # nested: still raised, and the outer block restores
            assert gc.get_threshold()[0] == max(before[0], GC_THRESHOLD)
    assert gc.get_threshold() == before
    with pytest.raises(ValueError), fewer_collections():
        raise ValueError("an error inside still restores the collector")
    assert gc.get_threshold() == before


@pytest.mark.slow
def test_bench_pipeline_prints_alternated_speedups_on_a_small_corpus():
    # the benchmark is a script; this runs it end to end on 30 articles (its figures are not
    # asserted: speed is the benchmark's to print, not a test's)
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_pipeline.py"
    out = subprocess.run([sys.executable, str(script), "--n", "30", "--jobs", "2", "--repeat", "2",
                          "--baseline-n", "0"], capture_output=True, text=True, timeout=300, check=True).stdout
    assert "(30 articles, 0 errors)" in out
    assert "words; fastest of 3)" in out
    for row in ("analyze(df), warm process", "analyze(df), fresh process", "median of 2",
                "speed-up against a fresh process", "speed-up against a warm process"):
        assert row in out, row
