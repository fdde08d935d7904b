"""Offline NLTK data: built from PyPI packages, atomically, with the network disabled."""

from __future__ import annotations

import multiprocessing as mp
import zipfile

import nltk
import pytest

from coverage.resources import cmudict_to_nltk, ensure_nltk_data


def test_textstat_and_nltk_vader_work_offline(no_network):
    ensure_nltk_data()
    import textstat
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    # "The cat sat on the mat." 6 words, 6 syllables, 1 sentence:
    # 206.835 - 1.015 * 6 - 84.6 * 1 = 116.145
    assert textstat.flesch_reading_ease("The cat sat on the mat.") == pytest.approx(116.145)
    scores = SentimentIntensityAnalyzer().polarity_scores("The ruling is a great victory.")
    assert scores["compound"] > 0.5 and scores["neg"] == 0.0


def test_cmudict_conversion_and_lookup():
    assert cmudict_to_nltk("abbe AE1 B IY0\nabbe(2) AE0 B EY1 # french\n\n") == (
        "abbe 1 AE1 B IY0\nabbe 2 AE0 B EY1\n")
    ensure_nltk_data()
    entries = nltk.corpus.cmudict.dict()
    assert entries["asylum"] == [["AH0", "S", "AY1", "L", "AH0", "M"]]
    assert len(entries) > 120_000


def _build(root):
    from coverage.resources import ensure_nltk_data as build

    return str(build(root))


def test_concurrent_builds_do_not_corrupt(tmp_path):
    with mp.get_context("spawn").Pool(2) as pool:
        paths = pool.map(_build, [tmp_path, tmp_path, tmp_path, tmp_path])
    assert set(paths) == {str(tmp_path)}
    with zipfile.ZipFile(tmp_path / "sentiment" / "vader_lexicon.zip") as zf:
        lexicon = zf.read("vader_lexicon/vader_lexicon.txt").decode("utf-8")
    assert lexicon.count("\n") > 7000 and "\ncruel\t" in lexicon
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_user_nltk_data_keeps_precedence(tmp_path):
    first = nltk.data.path[0]
    ensure_nltk_data(tmp_path)
    assert nltk.data.path[0] == first
    assert nltk.data.path.index(str(tmp_path)) > 0
