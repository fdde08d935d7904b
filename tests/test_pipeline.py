"""analyze(): the tables, their keys, versions and parameters, and writing them."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import coverage
from coverage.results import TABLE_COLUMNS


@pytest.fixture(scope="module")
def results():
    return coverage.analyze()


def test_tables_and_columns(results):
    for name in ("articles", "sentences", "quotes", "frames", "outlets", "errors"):
        table = getattr(results, name)
        assert isinstance(table, pd.DataFrame)
        assert set(TABLE_COLUMNS[name]) <= set(table.columns), name
    assert sorted(results.articles.outlet) == ["CNN", "The Japan Times"]
    counts = results.sentences.groupby("article_id").size().to_dict()
    assert counts == {"000_ea7caefe1a84aba5": 25, "001_221fe0cf147a3b74": 17}


def test_sentence_rows_point_into_the_clean_text(results, clean_texts):
    for row in results.sentences.itertuples():
        assert clean_texts[row.article_id][row.start:row.end] == row.text


def test_versions_params_and_files(results, tmp_path):
    assert results.versions["textstat"] == "0.7.13"
    assert results.params["line_breaks"] == "auto"
    results.to_csv(tmp_path / "csv")
    results.to_parquet(tmp_path / "pq")
    manifest = json.loads((tmp_path / "csv" / "manifest.json").read_text())
    assert manifest["tables"]["articles"]["rows"] == 2
    back = pd.read_parquet(tmp_path / "pq" / "sentences.parquet")
    assert len(back) == len(results.sentences)


def test_every_article_is_in_articles_or_errors():
    df = pd.DataFrame({"id": ["good", "empty", "long"], "outlet": ["A", "B", "C"],
                       "text": ["A fine article. It says things.", "   ", "Word. " * 50]})
    res = coverage.analyze(df, max_chars=100)
    assert list(res.articles.article_id) == ["good"]
    assert dict(zip(res.errors.article_id, res.errors.stage)) == {"empty": "load", "long": "segment"}


def test_a_failing_stage_loses_only_its_article():
    def explode(ctx):
        if "boom" in ctx.text:
            raise RuntimeError("stage blew up")

    from coverage.pipeline import default_stages

    df = pd.DataFrame({"id": ["a", "b"], "outlet": ["A", "B"], "text": ["Fine text.", "boom text."]})
    res = coverage.analyze(df, stages=default_stages() + [("explode", explode)])
    assert list(res.articles.article_id) == ["a"]
    err = res.errors.iloc[0]
    assert (err.article_id, err.stage, err.problem) == ("b", "explode", "RuntimeError: stage blew up")


def test_unknown_parameters_are_refused_and_defaults_recorded():
    with pytest.raises(TypeError, match=r"unknown parameter\(s\) \['headline_wieght'\]"):
        coverage.analyze(headline_wieght=2.0)
    res = coverage.analyze(headline_weight=2.0)
    assert res.params["headline_weight"] == 2.0
    assert res.params["pos_threshold"] == 0.05 and res.params["sentiment_engine"] == "vader"
