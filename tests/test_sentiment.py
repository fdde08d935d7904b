"""Sentiment: exact equality with vaderSentiment 3.3.2, the sentence table, aggregates, voices."""

from __future__ import annotations

import math
import socket

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from coverage.segment import split_sentences
from coverage.sentiment import (
    SENTENCE_COLUMNS,
    normalize_quotes,
    polarity_scores,
    score_sentiment,
    sentiment_by_voice,
    sentiment_toward,
    summarize_sentiment,
)

from .conftest import CORPUS

SEEDS = sorted(CORPUS.glob("*.txt"))
KEYS = ("neg", "neu", "pos", "compound")


@pytest.fixture(scope="module")
def reference():
    """vaderSentiment 3.3.2, the authors' implementation."""
    return SentimentIntensityAnalyzer()


def seed_sentences() -> list[str]:
    out = []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        out += [text[s:e] for s, e in split_sentences(text)]
    return out


# Sentences that exercise every rule of VADER 3.3.2 (several from its own demo).
TRICKY = [
    # plain, punctuation emphasis
    "VADER is smart, handsome, and funny.",
    "VADER is smart, handsome, and funny!",
    "VADER is smart, handsome, and funny!!!!!!",
    "Is it good?", "Is it good??", "Is it good????", "Is it bad?!?!",
    # boosters and dampeners, ALL CAPS emphasis
    "VADER is very smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "THE POLICY IS CRUEL.",  # all words in capitals: no differential
    "The policy is CRUEL and very BAD.",
    "The ruling was EXTREMELY good.",
    "It was slightly good.", "It was barely acceptable.",
    "The book was only kind of good.", "It was kinda bad.", "It was sort of good.",
    "The results were just enough good.",
    # negation
    "VADER is not smart, handsome, nor funny.",
    "The judge did not find it fair.", "It isn't a horrible book.",
    "At least it isn't a horrible book.", "It was never good.",
    "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!",
    "It was never so good.", "Without a doubt, excellent idea.",
    "Without a doubt, an excellent idea.", "Not bad at all", "Not such a badass after all.",
    "Nobody was happy, nor was anyone hurt.", "He seldom smiles.", "Despite the praise, it failed.",
    # "no" rules
    "There is no problem.", "No good deed goes unpunished.", "no no no, that is terrible",
    "They had no choice or hope.", "It is no.", "No.",
    # "least"
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "This was the very least helpful answer.", "least good",
    # contrast
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "It was good but bad.", "good good good but bad bad",
    "But it was fine.", "It was fine, BUT terrible in the end.",
    # idioms and special cases
    "With VADER, sentiment analysis is the shit!", "The new phone is the bomb.",
    "On the other hand, VADER is quite bad ass", "VADER is such a badass!",
    "I waited at the bus stop happily.", "Yeah right, that was great.",
    "It was the kiss of death for the bill.", "A cake to die for, really good.",
    "My beating heart was glad.", "They cut the mustard and were good.",
    # slang, emoticons, emoji
    "Today SUX!", "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as \U0001F498 and \U0001F48B and \U0001F601",
    "Great news\U0001F601\U0001F601 for families", "\U0001F622", "I love it <3",
    # typographic quotes and apostrophes
    "\u201cThis is brutal, offensive,\u201d the judge wrote.",
    "We haven\u2019t seen anything good.", "It\u2019s not \u2018great\u2019.",
    # degenerate inputs
    "", " ", "...", "!!!", "?", "a", "Good", "GOOD", "good.", "Good!", "NOT GOOD", "not good",
    "The administration's policy splits families at the border.",
    "Children are being used as pawns.",
]


@pytest.mark.parametrize("sentence", TRICKY)
def test_vader_equals_vadersentiment_on_tricky_cases(reference, sentence):
    s = normalize_quotes(sentence)
    assert polarity_scores(sentence) == reference.polarity_scores(s)


def test_vader_equals_vadersentiment_on_every_seed_sentence(reference):
    sentences = seed_sentences()
    assert len(sentences) > 40
    for sentence in sentences:
        ours = polarity_scores(sentence)
        ref = reference.polarity_scores(normalize_quotes(sentence))
        assert ours == ref, sentence
        # and in ALL CAPS / lower case, which switch the capitals rules on and off
        for variant in (sentence.upper(), sentence.lower()):
            assert polarity_scores(variant) == reference.polarity_scores(normalize_quotes(variant))


def test_vader_equals_vadersentiment_on_word_shuffles(reference):
    # Deterministic recombinations of seed words and every rule word put boosters, negations,
    # "but", "least", idioms, capitals, punctuation and emoji in many positions relative to
    # lexicon words. (A 60,000-sentence run of the same generator found no difference either.)
    import random

    from vaderSentiment import vaderSentiment as vs

    rng = random.Random(3)
    words = " ".join(seed_sentences()).split()
    words += list(vs.NEGATE) + list(vs.BOOSTER_DICT) + [
        w for k in vs.SPECIAL_CASES for w in k.split()]
    words += ["no", "NO", "or", "nor", "but", "BUT", "least", "at", "very", "kind", "of",
              "never", "so", "this", "without", "doubt", "good", "GOOD", "bad", "cruel",
              "!", "?", "!!", "??", ":)", ":-(", ":D", "<3", "\U0001F601", "\U0001F622",
              "\U0001F498", "x\U0001F621y"]
    for _ in range(4000):
        toks = []
        for _ in range(rng.randint(0, 25)):
            t = rng.choice(words)
            r = rng.random()
            if r < 0.1:
                t = t.upper()
            elif r < 0.2:
                t += rng.choice([",", ".", "!", "?", "!!", '"', ")"])
            elif r < 0.25:
                t = rng.choice(['"', "(", "'", "\u201c"]) + t
            toks.append(t)
        sentence = rng.choice([" ", " ", " ", "  ", "\t"]).join(toks)
        expected = reference.polarity_scores(normalize_quotes(sentence))
        assert polarity_scores(sentence) == expected, sentence


def test_score_sentiment_table(reference):
    text = SEEDS[0].read_text(encoding="utf-8")
    sentences = split_sentences(text)
    df = score_sentiment(text, sentences)
    assert list(df.columns) == SENTENCE_COLUMNS
    assert [str(t) for t in df.dtypes] == ["int64"] * 3 + ["float64"] * 4
    assert df["sentence_id"].tolist() == list(range(len(sentences)))
    assert list(zip(df["start"], df["end"])) == sentences
    ref = score_sentiment(text, sentences, engine="vadersentiment")
    pd.testing.assert_frame_equal(df, ref)  # exact, every value
    first = reference.polarity_scores(normalize_quotes(text[sentences[0][0]:sentences[0][1]]))
    assert df.loc[0, ["compound", "pos", "neu", "neg"]].tolist() == [
        first["compound"], first["pos"], first["neu"], first["neg"]]


def test_score_sentiment_splits_when_no_sentences_given():
    text = "The book was good. The plot was bad."
    df = score_sentiment(text)
    assert df["compound"].tolist() == [0.4404, -0.5423]
    assert list(zip(df["start"], df["end"])) == [(0, 18), (19, 36)]


def test_score_sentiment_empty():
    df = score_sentiment("")
    assert list(df.columns) == SENTENCE_COLUMNS and len(df) == 0


def test_quote_normalisation_keeps_offsets_and_matters():
    text = "\u201cIt\u2019s cruel,\u201d she said."
    assert len(normalize_quotes(text)) == len(text)
    assert normalize_quotes(text) == "\"It's cruel,\" she said."
    # without normalisation '\u201cIt\u2019s' and 'cruel,\u201d' keep their marks: "cruel" is missed
    assert polarity_scores(text, normalize=False)["compound"] == 0.0
    assert polarity_scores(text)["compound"] < 0


def test_unknown_engine():
    with pytest.raises(ValueError, match="unknown sentiment engine"):
        score_sentiment("Good.", engine="textblob")


def test_nltk_engine_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from coverage.resources import ensure_nltk_data

    ensure_nltk_data()
    from nltk.sentiment.vader import SentimentIntensityAnalyzer as NltkVader

    assert NltkVader().polarity_scores("The book was good.")["compound"] == 0.4404
    df = score_sentiment("The book was good. The plot was bad.", engine="nltk")
    assert df["compound"].tolist() == [0.4404, -0.5423]


# --- aggregation --------------------------------------------------------------------------------
def _table(compounds: list[float]) -> pd.DataFrame:
    n = len(compounds)
    return pd.DataFrame({
        "sentence_id": range(n), "start": [10 * i for i in range(n)],
        "end": [10 * i + 9 for i in range(n)], "compound": compounds,
        "pos": [0.0] * n, "neu": [1.0] * n, "neg": [0.0] * n,
    })


def test_summarize_sentiment_by_hand():
    # compounds 0.5, -0.6, 0.0, 0.05, -0.05: mean -0.1/5 = -0.02; >= 0.05: 0.5 and 0.05;
    # <= -0.05: -0.6 and -0.05; neutral: 0.0
    text = "".join(f"sentence{i}." for i in range(5))  # each 10 characters, 9 used as span
    s = summarize_sentiment(_table([0.5, -0.6, 0.0, 0.05, -0.05]), text=text)
    assert s["n_sentences"] == 5
    assert s["mean_compound"] == pytest.approx(-0.02)
    assert (s["share_positive"], s["share_negative"], s["share_neutral"]) == (0.4, 0.4, 0.2)
    assert (s["most_negative_sentence_id"], s["most_negative_compound"]) == (1, -0.6)
    assert (s["most_positive_sentence_id"], s["most_positive_compound"]) == (0, 0.5)
    assert s["most_negative_text"] == "sentence1"


def test_summarize_sentiment_thresholds_and_text_column():
    table = _table([0.3, -0.2])
    table["text"] = ["fine", "poor"]
    s = summarize_sentiment(table, pos_threshold=0.5, neg_threshold=-0.5)
    assert (s["share_positive"], s["share_negative"], s["share_neutral"]) == (0.0, 0.0, 1.0)
    assert (s["most_positive_text"], s["most_negative_text"]) == ("fine", "poor")


def test_summarize_sentiment_empty():
    s = summarize_sentiment(_table([]))
    assert s["n_sentences"] == 0 and math.isnan(s["mean_compound"])
    assert s["most_negative_sentence_id"] is None and s["most_positive_text"] is None


def test_sentiment_by_voice():
    text = 'He left. "It was awful," she said. Officials praised "a fair" outcome.'
    q1 = (text.index('"It'), text.index(',"') + 2)  # 15 of the 25 characters of sentence 2
    q2 = (text.index('"a fair"'), text.index('"a fair"') + 8)  # 8 of the 35 of sentence 3
    v = sentiment_by_voice(score_sentiment(text), [q1, q2])
    assert v["voice"].tolist() == ["reporter", "quoted", "reporter"]
    assert v["share_quoted"].tolist() == pytest.approx([0.0, 15 / 25, 8 / 35])
    v = sentiment_by_voice(score_sentiment(text), [q1, q2], threshold=0.7)
    assert v["voice"].tolist() == ["reporter", "reporter", "reporter"]


def test_sentiment_toward():
    text = ("The administration lost. The ACLU's lawyers won a good ruling. "
            "Sessions defended the policy. The sessions ran late.")
    df = score_sentiment(text)
    out = sentiment_toward(df, text, targets=("administration", "ACLU", "Sessions", "Nielsen"))
    rows = out.set_index("target")
    assert rows.loc["ACLU", "sentence_ids"] == [1]  # possessive counts as a mention
    assert rows.loc["Sessions", "sentence_ids"] == [2]  # capitalised target: case-sensitive
    assert rows.loc["administration", "sentence_ids"] == [0]
    assert rows.loc["ACLU", "mean_compound"] == df.loc[1, "compound"]
    assert rows.loc["Nielsen", "n_sentences"] == 0 and math.isnan(rows.loc["Nielsen",
                                                                           "mean_compound"])
