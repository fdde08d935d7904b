"""Tests for analyze_sentiment and analyze_readability: the DataFrame-free metric stages.

The references are built here from the public DataFrame functions, exactly the way the
pipeline's ``sentiment_stage`` and ``readability_stage`` (coverage/stages.py) have combined them:
score_sentiment + sentiment_by_voice + summarize_sentiment + sentiment_toward, and three
score_readability calls (body, headline, prose with exclude_spans). The fast functions must give
the same keys in the same order and equal values (NaN where the reference has NaN), so the tests
fail if either side drifts.
"""

from __future__ import annotations

import math
import random
import re
from typing import Any

import numpy as np
import pandas as pd
import pytest

import coverage
from coverage import readability, sentiment
from coverage.quotes import extract_quotes, verbatim_spans
from coverage.readability import analyze_readability, score_readability
from coverage.segment import split_sentences
from coverage.sentiment import analyze_sentiment
from coverage.synthetic import generate_corpus

from .conftest import assert_same

SENTIMENT_PARAMS = [
    pytest.param({}, id="defaults"),
    pytest.param({"pos_threshold": 0.1, "neg_threshold": -0.2, "voice_threshold": 0.3,
                  "targets": ("judge", "ACLU")}, id="thresholds-targets"),
]
READABILITY_PARAMS = [
    pytest.param({}, id="defaults"),
    pytest.param({"mtld_threshold": 0.6, "quoted_share_threshold": 0.3}, id="mtld0.6-share0.3"),
]
_READABILITY_KEYS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog",
                     "coleman_liau", "ari", "dale_chall")


# --- the references: stages.py's sentiment_stage and readability_stage, on plain dicts --------

def reference_sentiment(text: str, sentences: list[tuple[int, int]], spans: Any = (), *,
                        engine: str = "vader", pos_threshold: float = 0.05,
                        neg_threshold: float = -0.05, voice_threshold: float = 0.5,
                        targets: Any = None) -> dict[str, Any]:
    """What sentiment_stage writes (sentence columns, ctx.row, sentiment_targets)."""
    row: dict[str, Any] = {}
    scores = sentiment.score_sentiment(text, sentences, engine=engine)
    spans = spans or []
    voiced = sentiment.sentiment_by_voice(scores, spans, threshold=voice_threshold)
    rows = [dict(compound=v.compound, pos=v.pos, neu=v.neu, neg=v.neg,
                 share_quoted=v.share_quoted, voice=v.voice)
            for v in voiced.itertuples(index=False)]
    summary = sentiment.summarize_sentiment(scores, pos_threshold, neg_threshold, text=text)
    for key, value in summary.items():
        if key != "n_sentences":
            row[key] = value
    for voice in ("reporter", "quoted"):
        part = voiced[voiced["voice"] == voice]["compound"]
        row[f"mean_compound_{voice}"] = float(part.mean()) if len(part) else float("nan")
        row[f"n_sentences_{voice}"] = len(part)
    toward = (sentiment.sentiment_toward(scores, text) if targets is None
              else sentiment.sentiment_toward(scores, text, tuple(targets)))
    return {"sentences": rows,
            "targets": [r for r in toward.to_dict("records") if r["n_sentences"]],
            "row": row}


def reference_readability(text: str, sentences: list[tuple[int, int]], title: str = "",
                          spans: Any = None, *, mtld_threshold: float = 0.72,
                          quoted_share_threshold: float = 0.5) -> dict[str, Any]:
    """What readability_stage writes to ctx.row."""
    row: dict[str, Any] = {}
    opts = {"mtld_threshold": mtld_threshold}
    body = score_readability(text, sentences, **opts)
    for key, value in body.items():
        if key not in ("n_sentences", "n_words"):
            row[key] = value
    head = score_readability(title, None, **opts) if title else {}
    row["headline_n_words"] = head.get("n_words", 0)
    row["headline_flesch_reading_ease"] = head.get("flesch_reading_ease", float("nan"))
    if spans is not None:
        prose = score_readability(text, sentences, exclude_spans=spans,
                                  quoted_share_threshold=quoted_share_threshold, **opts)
        for key in _READABILITY_KEYS + ("n_words", "mean_sentence_length"):
            row[f"prose_{key}"] = prose[key]
    return row




def check_sentiment(text: str, sentences: list[tuple[int, int]], spans: Any = (),
                    **params: Any) -> dict[str, Any]:
    want = reference_sentiment(text, sentences, spans, **params)
    got = analyze_sentiment(text, sentences, spans, **params)
    assert list(got) == ["sentences", "targets", "row"]
    for key in want:
        assert_same(got[key], want[key], key)
    # with the sentences' tokens before quote normalization, as the pipeline passes them
    chunked = analyze_sentiment(text, sentences, spans, chunks=[text[s:e].split() for s, e in sentences],
                                **params)
    for key in want:
        assert_same(chunked[key], want[key], key)
    return got


def test_sentiment_from_chunks_with_small_caches(monkeypatch, synthetic_articles) -> None:
    monkeypatch.setattr(sentiment._Vader, "_MAX_CACHE", 5)  # the caches clear all the time
    vader = sentiment._vader()
    vader.cache.clear()
    vader.chunk_cache.clear()
    for text, sentences, _, spans in synthetic_articles[:3]:
        check_sentiment(text, sentences, spans)
        assert len(vader.chunk_cache) <= 5 and len(vader.cache) <= 5
    vader.cache.clear()
    vader.chunk_cache.clear()


def test_sentiment_from_chunks_with_quotes_emojis_and_rules() -> None:
    text = ("\u201cIt isn\u2019t good,\u201d she said. \u2018Very bad\u2019 \U0001F600 day. "
            "Not a \u201cgreat\u201d plan, but fine! The \u2018kind of\u2019 win? Yes\u2026 "
            "NO \u201cGOOD\u201d news \u2764 here.")
    check_sentiment(text, split_sentences(text))


def check_readability(text: str, sentences: list[tuple[int, int]], title: str = "",
                      spans: Any = None, **params: Any) -> dict[str, Any]:
    want = reference_readability(text, sentences, title, spans, **params)
    got = analyze_readability(text, sentences, title, spans, **params)
    assert_same(got, want, "row")
    return got


def _article(text: str, title: str) -> tuple[str, list[tuple[int, int]], str, list]:
    sentences = split_sentences(text)
    return text, sentences, str(title or ""), verbatim_spans(text, extract_quotes(text, sentences))


@pytest.fixture(scope="module")
def seed_articles() -> list[tuple[str, list[tuple[int, int]], str, list]]:
    arts = coverage.load_corpus().articles
    return [_article(t, h) for t, h in zip(arts["text"], arts["title"])]


@pytest.fixture(scope="module")
def synthetic_articles() -> list[tuple[str, list[tuple[int, int]], str, list]]:
    df = generate_corpus(30, 4, seed=2)
    return [_article(t, h) for t, h in zip(df["text"], df["title"])]


# --- sentiment ------------------------------------------------------------------------------

@pytest.mark.parametrize("params", SENTIMENT_PARAMS)
def test_sentiment_seed_articles_match_the_stage(seed_articles, params) -> None:
    assert len(seed_articles) == 2
    for text, sentences, _, spans in seed_articles:
        assert spans  # the seed articles quote their sources
        out = check_sentiment(text, sentences, spans, **params)
        assert {s["voice"] for s in out["sentences"]} == {"reporter", "quoted"}
        assert out["targets"]


@pytest.mark.parametrize("params", SENTIMENT_PARAMS)
def test_sentiment_synthetic_articles_match_the_stage(synthetic_articles, params) -> None:
    assert len(synthetic_articles) == 30
    for text, sentences, _, spans in synthetic_articles:
        check_sentiment(text, sentences, spans, **params)


def test_sentiment_without_spans_or_sentences() -> None:
    text = 'The court ruled. "It was awful," the ACLU said. The judge was fair.'
    sents = split_sentences(text)
    check_sentiment(text, sents)  # no quotes: every sentence the reporter's
    check_sentiment(text, sents, [])
    check_sentiment(text, sents, [(5, 5), (40, 30)])  # empty and reversed spans
    out = check_sentiment(text, [])
    assert out["sentences"] == [] and out["targets"] == []
    assert math.isnan(out["row"]["mean_compound"]) and out["row"]["n_sentences_quoted"] == 0
    check_sentiment("", [])
    check_sentiment(text, sents, targets=())


@pytest.mark.parametrize("engine", ["vadersentiment", "nltk"])
def test_sentiment_other_engines(seed_articles, engine) -> None:
    text, sentences, _, spans = seed_articles[0]
    check_sentiment(text, sentences, spans, engine=engine)


def test_sentiment_irregular_spans_and_case_twins(synthetic_articles) -> None:
    text, sentences, _, spans = synthetic_articles[0]
    targets = (*sentiment.DEFAULT_TARGETS, "ill", "Ss", "aa", "Dream", "kid", "sé")
    # overlapping, unsorted and word-cutting sentence spans: searched sentence by sentence
    check_sentiment(text, [(0, len(text)), (5, 300), (200, 100), *sentences[::-1]], spans,
                    targets=targets)
    cuts = list(range(7, len(text), 37))
    check_sentiment(text, list(zip([0, *cuts], [*cuts, len(text)])), spans, targets=targets)
    # characters that match ASCII letters case-insensitively; overlapping occurrences
    twins = (text.replace("k", "\u212a", 3).replace("s", "\u017f", 2)
             + " The \u0130ll JUDGE left. The \u0131ll parents. Aaaa, aa, ssss, a CHILDREN's judge. "
               "The Judge\u2019s kids.")
    out = check_sentiment(twins, split_sentences(twins), spans, targets=targets)
    found = {r["target"]: r["n_sentences"] for r in out["targets"]}
    assert found["ill"] == 2 and found["judge"] > 1 and found["aa"] == 1 and "Ss" not in found
    check_sentiment(twins.replace("\u0130", "I"), split_sentences(twins), spans, targets=targets)
    accents = text.replace("e", "\u00e9", 5) + " Se\u00f1or Pe\u00f1a, the ADMINISTRATION."
    check_sentiment(accents, split_sentences(accents), spans, targets=targets)
    ascii_ = text.encode("ascii", "replace").decode("ascii")
    check_sentiment(ascii_, split_sentences(ascii_), spans, targets=targets)


def test_the_ignorecase_twins_are_all_the_characters_that_match_ascii_letters() -> None:
    everything = "".join(map(chr, range(0x80, 0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    twins = "".join(re.findall(r"[a-z]", everything, re.IGNORECASE))
    assert sorted(twins) == sorted(c for c, _ in sentiment._IGNORECASE_EXTRA)
    for char, letter in sentiment._IGNORECASE_EXTRA:
        assert re.fullmatch(letter, char, re.IGNORECASE)


@pytest.mark.parametrize("n", [*range(0, 20), 31, 64, 127, 128, 129, 200, 257, 1000, 1031])
def test_mean_is_numpys_pairwise_mean(n) -> None:
    rng = random.Random(n)
    for _ in range(20):
        values = [round(rng.uniform(-1, 1), 4) for _ in range(n)]
        got = sentiment._mean(values)
        if n == 0:
            assert math.isnan(got)
            continue
        assert got == float(np.array(values).mean()) == float(pd.Series(values).mean())


# --- readability ----------------------------------------------------------------------------

@pytest.mark.parametrize("params", READABILITY_PARAMS)
def test_readability_seed_articles_match_the_stage(seed_articles, params) -> None:
    assert any(title for _, _, title, _ in seed_articles)
    for text, sentences, title, spans in seed_articles:
        out = check_readability(text, sentences, title, spans, **params)
        assert out["prose_n_words"] < out["n_words_from_cmudict"] + out["n_words_from_fallback"]
        check_readability(text, sentences, title, None, **params)


@pytest.mark.parametrize("params", READABILITY_PARAMS)
def test_readability_synthetic_articles_match_the_stage(synthetic_articles, params) -> None:
    for text, sentences, title, spans in synthetic_articles:
        check_readability(text, sentences, title, spans, **params)


def test_readability_without_title_spans_or_words() -> None:
    text = 'The court ruled on Monday. "It was an unconstitutional policy," the ACLU said.'
    sents = split_sentences(text)
    out = check_readability(text, sents)
    assert "prose_n_words" not in out
    assert out["headline_n_words"] == 0 and math.isnan(out["headline_flesch_reading_ease"])
    check_readability(text, sents, "", [])
    check_readability(text, sents, "Ruling", [(3, 3), (50, 40)])  # empty spans only
    check_readability(text, sents, "...", [(0, len(text))])  # all quoted; a title without words
    check_readability(text, [], "A ruling", [(27, 60)])
    check_readability("", [], "", [])
    check_readability("!!! ...", [(0, 3), (4, 7)], "", [(0, 2)])


def test_readability_word_cutting_spans(synthetic_articles) -> None:
    # quotation spans and sentences that start or end inside words, overlapping spans
    for text, sentences, title, spans in synthetic_articles[:6]:
        shifted = [(s + 2, e + 3) for s, e in spans] + [(s - 1, s + 4) for s, _ in sentences[::3]]
        check_readability(text, sentences, title, shifted)
        cuts = list(range(7, len(text), 41))
        check_readability(text, list(zip([0, *cuts], [*cuts, len(text)])), title, spans)


def test_readability_unusual_tokens() -> None:
    text = ("The U.S. deported 800,000 Dreamers\u2019 kin in 2018, \u201cF.B.I.\u201d agents said. "
            "NASA's 7-year-old program cost $3.5 billion at 10:30. Families' children were "
            "separated; however, the ACLU\u2019s lawyers\u2014Ms. O\u2019Neil's team\u2014won.")
    sents = split_sentences(text)
    quotes = verbatim_spans(text, extract_quotes(text, sents))
    check_readability(text, sents, "U.S. \u201cSeparation\u201d policy", quotes)
    check_readability(text, sents, "U.S. policy", [(0, 20), (60, 90), (150, 160)])


def test_packed_sums_equal_field_sums(synthetic_articles) -> None:
    text, sentences, _, _ = synthetic_articles[3]
    flat, sizes = readability._sentence_words(text, sentences)
    infos = list(map(readability._WORDS.__getitem__, flat))
    selection = readability._body_selection(sizes, infos)
    assert readability._tally(*selection) == readability._tally(*selection, big=True)
