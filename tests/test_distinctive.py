"""Tests for coverage.distinctive (Fightin' Words), with a worked example computed by hand.

Worked example (unigrams, default prior = pooled counts, alpha_0 = N = 6):
    outlet A: "wall wall border"        -> wall 2, border 1          n_A = 3
    outlet B: "border border children"  -> border 2, children 1      n_B = 3
    pooled: wall 2, border 3, children 1 (N = 6) -> alpha_w = 6 * f_w / 6 = f_w
    A vs B, "wall": y_A = 2, y_B = 0, a = 2
        delta = ln((2+2)/(3+6-2-2)) - ln((0+2)/(3+6-0-2)) = ln(4/5) - ln(2/7) = ln(2.8)
              = 1.0296194
        var   = 1/(2+2) + 1/(0+2) = 0.75;  z = 1.0296194 / 0.8660254 = 1.1889021
    A vs B, "border": y_A = 1, y_B = 2, a = 3
        delta = ln(4/5) - ln(5/4) = ln(0.64) = -0.4462871
        var   = 1/4 + 1/5 = 0.45;  z = -0.4462871 / 0.6708204 = -0.6652857
    A vs B, "children": y_A = 0, y_B = 1, a = 1
        delta = ln(1/8) - ln(2/7) = ln(7/16) = -0.8266786
        var   = 1/1 + 1/2 = 1.5;  z = -0.8266786 / 1.2247449 = -0.6749800
    With two outlets B's values are A's with the sign flipped.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coverage.distinctive import (_runs, _runs_by_token, fightin_words, fightin_words_from_counts,
                                  ngram_counts, ngrams)
from coverage.pipeline import merge_ngram_counts

WORKED = {"A": "wall wall border", "B": "border border children"}


@pytest.mark.parametrize(
    ("outlet", "ngram", "delta", "variance", "z"),
    [
        ("A", "wall", 1.0296194, 0.75, 1.1889021),
        ("A", "border", -0.4462871, 0.45, -0.6652857),
        ("A", "children", -0.8266786, 1.5, -0.6749800),
        ("B", "wall", -1.0296194, 0.75, -1.1889021),
        ("B", "border", 0.4462871, 0.45, 0.6652857),
        ("B", "children", 0.8266786, 1.5, 0.6749800),
    ],
)
def test_worked_example_by_hand(outlet, ngram, delta, variance, z) -> None:
    fw = fightin_words(WORKED, ngram_range=(1, 1))
    row = fw[(fw.outlet == outlet) & (fw.ngram == ngram)].iloc[0]
    assert row["log_odds_ratio"] == pytest.approx(delta, abs=1e-6)
    assert row["variance"] == pytest.approx(variance)
    assert row["z"] == pytest.approx(z, abs=1e-6)


def test_explicit_alpha0_by_hand() -> None:
    # alpha_0 = 3 -> alpha_w = 3 * f_w / 6: wall 1.0, border 1.5, children 0.5
    # A "wall": ln((2+1)/(3+3-2-1)) - ln((0+1)/(3+3-0-1)) = ln(1) - ln(1/5) = ln 5 = 1.6094379
    # var = 1/3 + 1/1 = 4/3 -> z = 1.6094379 / 1.1547005 = 1.3938137
    fw = fightin_words(WORKED, ngram_range=(1, 1), alpha0=3)
    row = fw[(fw.outlet == "A") & (fw.ngram == "wall")].iloc[0]
    assert row["prior"] == pytest.approx(1.0)
    assert row["z"] == pytest.approx(1.3938137, abs=1e-6)


def test_columns_ranks_and_bigrams() -> None:
    docs = pd.DataFrame({"outlet": ["X", "X", "Y"],
                         "text": ["Family separation. Family separation", "zero tolerance",
                                  "zero tolerance policy"]})
    fw = fightin_words(docs)
    assert list(fw.columns) == ["outlet", "ngram", "n", "count", "count_others", "n_tokens",
                                "n_tokens_others", "prior", "log_odds_ratio", "variance", "z",
                                "rank"]
    top_x_bigram = fw[(fw.outlet == "X") & (fw.n == 2)].iloc[0]
    assert top_x_bigram["ngram"] == "family separation" and top_x_bigram["rank"] == 1
    # bigrams do not cross the sentence end: "separation family" is absent
    assert "separation family" not in set(fw["ngram"])


def test_three_outlets_each_against_the_rest() -> None:
    fw = fightin_words({"A": "x x y", "B": "y y z", "C": "z z x"}, ngram_range=(1, 1))
    a_x = fw[(fw.outlet == "A") & (fw.ngram == "x")].iloc[0]
    # by hand: y_A = 2, y_rest = 1 (from C); totals 3 and 6
    assert (a_x["count"], a_x["count_others"], a_x["n_tokens"], a_x["n_tokens_others"]) == (
        2, 1, 3, 6)
    assert set(fw["outlet"]) == {"A", "B", "C"}


def test_needs_two_outlets() -> None:
    with pytest.raises(ValueError, match="at least two outlets"):
        fightin_words({"A": "x"})


@pytest.mark.parametrize(
    ("text", "n", "expected"),
    [
        ("The U.S. judge ruled. Courts agree", 1,
         ["the", "u.s", "judge", "ruled", "courts", "agree"]),
        ("The U.S. judge ruled. Courts agree", 2,
         ["the u.s", "u.s judge", "judge ruled", "courts agree"]),
        ("Trump's 7-year-old rule", 1, ["trump's", "7-year-old", "rule"]),
    ],
)
def test_ngrams(text, n, expected) -> None:
    assert ngrams(text, n) == expected


@pytest.mark.parametrize("text", [
    "The U.S. judge ruled. Courts agree", "U.S. Courts agree", "the u.s.\nmeans", "A.B.: c d",
    "x\x01y. z", "Dr. Who?! no", "e.g. this; that", "", "...", "İstanbul. ıt", "a -b- c.d. e",
])
def test_fast_runs_equal_token_by_token_runs(text) -> None:
    # _runs_by_gap lets the regex engine find the breaks; _runs_by_token is the plain loop
    assert _runs(text) == _runs_by_token(text)


@given(st.text(alphabet="aB. U.S.İı;:!?\n-'\u2019 z7", max_size=60))
@settings(max_examples=300, deadline=None)
def test_fast_runs_property(text) -> None:
    assert _runs(text) == _runs_by_token(text)


def test_counts_merged_from_pieces_give_the_same_scores() -> None:
    texts = {"A": ["Family separation. Family separation", "zero tolerance"],
             "B": ["zero tolerance policy", "the U.S. judge said zero tolerance"]}
    whole = fightin_words(texts)
    merged: dict = {}
    for outlet, docs in texts.items():  # one piece per text, merged as the pipeline merges chunks
        for doc in docs:
            merge_ngram_counts(merged, {outlet: ngram_counts([doc])})
    pd.testing.assert_frame_equal(fightin_words_from_counts(merged), whole)
    assert ngram_counts(texts["B"])[2]["zero tolerance"] == 2


def _reference_rows(counts: dict, n: int, min_count: int, alpha0: float | None) -> list[tuple]:
    """The module docstring's formulas, n-gram by n-gram in plain Python (the default prior)."""
    import math

    pooled: dict[str, int] = {}
    for c in counts.values():
        for w, k in c[n].items():
            pooled[w] = pooled.get(w, 0) + k
    total = sum(pooled.values())
    a0 = total if alpha0 is None else alpha0
    grand = sum(sum(c[n].values()) for c in counts.values())
    rows = []
    for outlet in sorted(counts):
        n_i = sum(counts[outlet][n].values())
        scored = []
        for w in sorted(w for w, k in pooled.items() if k >= min_count):
            y_i = counts[outlet][n].get(w, 0)
            y_j, a = pooled[w] - y_i, a0 * pooled[w] / total
            delta = math.log((y_i + a) / (n_i + a0 - y_i - a)) - math.log((y_j + a) / (grand - n_i + a0 - y_j - a))
            var = 1 / (y_i + a) + 1 / (y_j + a)
            scored.append((w, y_i, y_j, delta / math.sqrt(var)))
        scored.sort(key=lambda r: (-r[3], r[0]))
        rows.extend((outlet, w, y_i, y_j, z, rank) for rank, (w, y_i, y_j, z) in enumerate(scored, 1))
    return rows


@pytest.mark.parametrize("min_count, alpha0", [(1, None), (2, None), (2, 50.0)])
def test_vectorized_scores_equal_the_plain_formulas(min_count, alpha0) -> None:
    texts = {"A": ["The judge ruled. The judge said the policy must end", "Zero tolerance ends"],
             "B": ["The policy continues, the government said. Zero tolerance", "The judge ruled again"],
             "C": ["Families wait; the judge ruled", "The government said the policy ends"]}
    counts = {o: ngram_counts(docs, (1, 2)) for o, docs in texts.items()}
    fw = fightin_words_from_counts(counts, min_count=min_count, alpha0=alpha0)
    for n in (1, 2):
        got = fw[fw.n == n]
        want = _reference_rows(counts, n, min_count, alpha0)
        assert list(zip(got.outlet, got.ngram, got["count"], got.count_others, got["rank"])) == [
            (o, w, y_i, y_j, r) for o, w, y_i, y_j, _, r in want]
        assert got.z.tolist() == pytest.approx([r[4] for r in want], rel=1e-12, abs=1e-12)


def test_string_columns_are_the_same_without_arrow(monkeypatch) -> None:
    # the outlet and n-gram columns are taken in Arrow where pandas keeps strings there; the
    # NumPy path (other pandas settings) gives the same strings, as objects
    import numpy as np

    from coverage import distinctive

    texts = {"A": ["The judge ruled. Zero tolerance ends"], "B": ["The policy continues. The judge"]}
    counts = {o: ngram_counts(docs, (1, 2)) for o, docs in texts.items()}
    fast = fightin_words_from_counts(counts)
    assert str(fast["ngram"].dtype) == str(pd.Series(["a"]).dtype)
    taken = []
    monkeypatch.setattr(distinctive, "_string_dtype", lambda: taken.append(1) or np.dtype(object))
    plain = fightin_words_from_counts(counts)
    assert taken  # (the NumPy path ran; the DataFrame infers the same string dtype from it)
    pd.testing.assert_frame_equal(plain, fast)
