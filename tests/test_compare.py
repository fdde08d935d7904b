"""Outlet roll-ups and cross-outlet quotation matching, against values derived by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from coverage.compare import _TOKEN, _tokens, shared_quotations, summarize_by_outlet, t_quantile


def test_outlet_summary_mean_sd_and_t_interval():
    # Outlet A: 2, 4, 6 -> mean 4, sd 2, t(0.975, 2) = 4.3027, half-width 4.3027 * 2 / sqrt(3) = 4.9683
    df = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "x": [2.0, 4.0, 6.0, 1.0], "label": list("pqrs")})
    out = summarize_by_outlet(df).set_index(["outlet", "metric"])
    a = out.loc[("A", "x")]
    assert (a.n, a["mean"], a.sd) == (3, 4.0, 2.0)
    assert a.ci_low == pytest.approx(4 - 4.96833, abs=1e-4) and a.ci_high == pytest.approx(4 + 4.96833, abs=1e-4)
    b = out.loc[("B", "x")]
    assert b.n == 1 and b["mean"] == 1.0 and math.isnan(b.sd) and math.isnan(b.ci_low)
    assert list(out.index.get_level_values("metric").unique()) == ["x"]  # text columns are skipped


@pytest.mark.parametrize("df, expected", [(1, 12.7062), (10, 2.2281), (30, 2.0423), (1000, 1.959964)])
def test_t_quantiles(df, expected):
    assert t_quantile(df) == pytest.approx(expected, abs=2e-3)


def _quotes(rows):
    return pd.DataFrame(rows, columns=["article_id", "outlet", "quote_id", "kind", "text"])


def test_shared_quotations_groups_and_passages():
    q = _quotes([
        ("a1", "X", 0, "direct", '"We will fight this ruling in every court we can," she said'),
        ("b1", "Y", 0, "partial", 'vowed to "fight this ruling in every court"'),
        ("c1", "Z", 0, "direct", '"We will fight this ruling in every court we can"'),
        ("a1", "X", 1, "direct", '"Nothing about this is normal"'),
        ("b1", "Y", 1, "direct", '"The weather was pleasant on Tuesday"'),
        ("c1", "Z", 1, "indirect", "fight this ruling in every court we can"),  # not a compared kind
    ])
    out = shared_quotations(q)
    assert out.group_id.nunique() == 1
    rows = out.set_index("outlet")
    # The longest version: X's 12 tokens "we will fight this ruling in every court we can she said".
    assert rows.loc["X", "n_words"] == 12 and rows.loc["X", "share_of_group"] == 1.0
    # Y's passage, words 4..8 of its own, is "fight this ruling in every court" = words 2..8 of X's.
    assert (rows.loc["Y", "passage_start_word"], rows.loc["Y", "passage_end_word"]) == (2, 8)
    assert rows.loc["Y", "matched_words"] == 6
    assert rows.loc["Z", "matched_words"] == 10


def test_partial_quotes_are_compared_on_their_marked_words():
    q = _quotes([
        ("a1", "X", 0, "direct", '"Her mind is shot, resign!"'),
        ("b1", "Y", 0, "partial", 'he said the 83-year-old justice\u2019s \u201cmind is shot.\u201d'),
    ])
    rows = shared_quotations(q).set_index("outlet")
    # Y's words compared are "mind is shot" (3), all inside X's "her mind is shot resign" (5).
    assert rows.loc["Y", "n_words"] == 3 and rows.loc["Y", "matched_words"] == 3
    assert (rows.loc["Y", "passage_start_word"], rows.loc["Y", "passage_end_word"]) == (1, 4)


def test_scattered_common_words_do_not_chain_quotations():
    speech = ('"They have a plan, and I think she will win the state because we know '
              'the people here and the people know us, and they have a global view"')
    q = _quotes([
        ("a1", "X", 0, "direct", speech),
        ("b1", "Y", 0, "direct", '"They have a very low tolerance for being frightened"'),
        ("c1", "Z", 0, "direct", '"I think she will carry the state on the strength"'),
    ])
    # Z matches 7 of its 10 words in the speech, but scattered: "i think she will" (4), "the
    # state" (2), "the" (1). Counting every matched word, 0.7 would pass a 0.6 threshold; in
    # runs of 3+ words it is 4 of 10. Y shares one run, "they have a" (3 of 9). Nothing is shared.
    assert shared_quotations(q).empty
    assert len(shared_quotations(q, threshold=0.4)) == 2  # Z's run of 4 is 0.4 of its words


def test_no_shared_quotations_gives_the_columns():
    q = _quotes([("a", "X", 0, "direct", '"one two three four"'), ("b", "Y", 0, "direct", '"five six seven eight"')])
    out = shared_quotations(q)
    assert out.empty and "passage_start_word" in out.columns


@given(st.text(alphabet="aBΣσς İı'\u2019 .z7_\x1f", max_size=40))
@settings(max_examples=300, deadline=None)
def test_tokens_lower_case_each_token_as_it_would_alone(text) -> None:
    # _tokens lower-cases the joined tokens in one call (final sigma, dotted I included)
    assert _tokens(text) == tuple(m.group().lower().replace("\u2019", "'") for m in _TOKEN.finditer(text))
