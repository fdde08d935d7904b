"""Tests for coverage.terms: contested term choices with evidence spans (expected by hand)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from coverage.terms import (
    count_terms,
    find_terms,
    load_term_families,
    summarize_terms_by_outlet,
)

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Illegal aliens and undocumented immigrants.",
         [("immigrant_label", "illegal alien", "Illegal aliens"),
          ("immigrant_label", "undocumented immigrant", "undocumented immigrants")]),
        # the longer term wins inside a family: not also "immigrant"
        ("An illegal immigrant met a migrant and a refugee.",
         [("immigrant_label", "illegal immigrant", "illegal immigrant"),
          ("immigrant_label", "migrant", "migrant"),
          ("immigrant_label", "refugee", "refugee")]),
        ("asylum seekers, asylum-seeker, seeking asylum",
         [("immigrant_label", "asylum seeker", "asylum seekers"),
          ("immigrant_label", "asylum seeker", "asylum-seeker"),
          ("immigrant_label", "seeking asylum", "seeking asylum")]),
        ("The zero-tolerance policy is tearing families apart.",
         [("separation_label", "zero tolerance", "zero-tolerance"),
          ("separation_label", "tearing families apart", "tearing families apart")]),
        ("Family separation, separating families, splitting up families.",
         [("separation_label", "family separation", "Family separation"),
          ("separation_label", "separating families", "separating families"),
          ("separation_label", "splitting up families", "splitting up families")]),
        ("The Trump administration and the government disagree with Trump.",
         [("actor_naming", "the Trump administration", "The Trump administration"),
          ("actor_naming", "the government", "the government"),
          ("actor_naming", "Trump (personally)", "Trump")]),
        # "the U.S." as an actor, but not after a place preposition
        ("The U.S. disputes that migrants cross into the U.S. illegally.",
         [("actor_naming", "the U.S. (as actor)", "The U.S."),
          ("immigrant_label", "migrant", "migrants")]),
        ("The U.S. government argues.",
         [("actor_naming", "the U.S. government", "The U.S. government")]),
    ],
)
def test_find_terms_table(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = find_terms(text, [(0, len(text))])
    assert list(found.columns) == ["sentence_id", "family", "term", "start", "end", "matched"]
    assert [tuple(r) for r in found[["family", "term", "matched"]].values] == expected
    for row in found.itertuples():
        assert text[row.start:row.end] == row.matched


def test_seed_japan_times_actor_naming_by_hand() -> None:
    text = (CORPUS / "000_ea7caefe1a84aba5.txt").read_text(encoding="utf-8")
    found = find_terms(text)
    us = found[found["term"] == "the U.S. (as actor)"]
    # By hand: the article has 10 "the U.S." strings outside "the U.S. government"; 3 are the
    # actor ("though the U.S. disputes", "claims the U.S. will", "The U.S. “concedes"); the
    # others follow entering / into / in / to (x2) / to / entering.
    assert len(us) == 3
    assert [text[s:s + 30] for s in us["start"]][0].startswith("the U.S. disputes")
    fam = found[found["family"] == "separation_label"]
    assert "splitting up families" in set(fam["matched"])


def test_seed_cnn_separation_terms_by_hand() -> None:
    text = (CORPUS / "001_221fe0cf147a3b74.txt").read_text(encoding="utf-8")
    found = find_terms(text)
    sep = found[found["family"] == "separation_label"]
    # by hand: headline "family separation"; "separating parents"; "separation of families";
    # "separating families" twice; bare "separation" twice
    assert sep["term"].value_counts().to_dict() == {
        "separating families": 2, "separation (bare)": 2, "family separation": 1,
        "separating parents and children": 1, "separation of families": 1}


def test_counts_and_outlet_summary() -> None:
    terms = pd.DataFrame({
        "article_id": ["a", "a", "b", "c"],
        "outlet": ["X", "X", "X", "Y"],
        "family": ["f", "f", "f", "f"],
        "term": ["migrant", "migrant", "alien", "migrant"],
    })
    c = count_terms(terms)
    assert c.values.tolist() == [["a", "f", "migrant", 2, 1.0], ["b", "f", "alien", 1, 1.0],
                                 ["c", "f", "migrant", 1, 1.0]]
    s = summarize_terms_by_outlet(terms)
    assert s.values.tolist() == [
        ["X", "f", "alien", 1, 1, 1 / 3], ["X", "f", "migrant", 2, 1, 2 / 3],
        ["Y", "f", "migrant", 1, 1, 1.0]]


def test_families_file_documents_sources() -> None:
    t = load_term_families()
    assert (t["source"].str.len() > 0).all()
    assert {"immigrant_label", "separation_label", "actor_naming"} == set(t["family"])


def test_user_families_dataframe() -> None:
    fam = pd.DataFrame({"family": ["wall"], "term": ["border wall"], "match": ["lemma"],
                        "pattern": [""]})
    text = "Border walls rise."
    assert find_terms(text, [(0, len(text))], families=fam)["matched"].tolist() == ["Border walls"]


def test_find_terms_empty_has_contract_columns() -> None:
    found = find_terms("Nothing here.", [(0, 13)])
    assert found.empty
    assert list(found.columns) == ["sentence_id", "family", "term", "start", "end", "matched"]
