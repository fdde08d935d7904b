"""Tests for coverage.framing.analyze_framing: the DataFrame-free framing stage.

The reference is built here from the public DataFrame functions, the way the pipeline's framing
stage has always combined them (find_frame_cues on the headline and the body, score_frames on
the headline as sentence 0 of a combined article, code_generic_frames + score_generic_frames,
find_terms). analyze_framing must give the same rows, values, types and order, so the tests
fail if either side drifts.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

import coverage
from coverage import framing, terms
from coverage.segment import split_sentences
from coverage.synthetic import generate_corpus

from .conftest import assert_same

PARAMS = [
    pytest.param({}, id="defaults"),
    pytest.param({"headline_weight": 2.0, "lede_sentences": 2, "lede_weight": 1.5},
                 id="headline2-lede2x1.5"),
]


def reference(text: str, sentences: list[tuple[int, int]], title: str,
              headline_weight: float = 1.0, lede_sentences: int = 0, lede_weight: float = 1.0,
              unit: str = "sentence", lexicon: Any = None, codebook: Any = None,
              families: Any = None) -> dict[str, Any]:
    """analyze_framing's output, computed with the public DataFrame functions."""
    lex = framing.load_frame_lexicon(lexicon)
    body = framing.find_frame_cues(text, sentences, lex)
    title = str(title or "")
    head = framing.find_frame_cues(title, [(0, len(title))], lex) if title else body.iloc[0:0]
    frames = []
    for r in head.itertuples(index=False):
        frames.append({"sentence_id": -1, "part": "headline", "frame": r.frame, "cue": r.cue,
                       "start": r.start, "end": r.end, "matched": r.matched})
    for r in body.itertuples(index=False):
        frames.append({"sentence_id": r.sentence_id, "part": "body", "frame": r.frame,
                       "cue": r.cue, "start": r.start, "end": r.end, "matched": r.matched})
    combined = pd.concat([head.assign(sentence_id=0),
                          body.assign(sentence_id=body["sentence_id"] + (1 if title else 0))],
                         ignore_index=True)
    profile = framing.score_frames(
        combined, len(sentences) + (1 if title else 0),
        headline_sentences=1 if title else 0, headline_weight=headline_weight,
        lede_sentences=lede_sentences, lede_weight=lede_weight, unit=unit,  # type: ignore[arg-type]
        frames=lex.labels)
    row: dict[str, Any] = {}
    primary = profile.loc[profile["primary"], "frame"]
    row["primary_frame"] = primary.iloc[0] if len(primary) else ""
    row["n_frame_cues"] = len(head) + len(body)
    for r in profile.itertuples(index=False):
        row[f"frame_{r.frame}"] = float(r.share)
    indicators = framing.code_generic_frames(text, sentences, codebook)
    for r in framing.score_generic_frames(indicators).itertuples(index=False):
        row[f"generic_{r.frame}"] = float(r.score)
    return {
        "frames": frames,
        "frame_profiles": profile.to_dict("records"),
        "generic_frames": [dict(r) for r in indicators.to_dict("records")],
        "terms": terms.find_terms(text, sentences, families).to_dict("records"),
        "row": row,
    }




def check(text: str, sentences: list[tuple[int, int]], title: str, **params: Any) -> None:
    want = reference(text, sentences, title, **params)
    got = framing.analyze_framing(text, sentences, title, **params)
    assert set(got) == {"frames", "frame_profiles", "generic_frames", "terms", "row"}
    for key in want:
        assert_same(got[key], want[key], key)


@pytest.fixture(scope="module")
def seed_articles() -> list[tuple[str, str]]:
    arts = coverage.load_corpus().articles
    return list(zip(arts["text"], arts["title"]))


@pytest.fixture(scope="module")
def synthetic_articles() -> list[tuple[str, str]]:
    df = generate_corpus(30, 4, seed=2)
    return list(zip(df["text"], df["title"]))


@pytest.mark.parametrize("params", PARAMS)
def test_seed_articles_match_the_dataframe_functions(seed_articles, params) -> None:
    assert len(seed_articles) == 2
    for text, title in seed_articles:
        check(text, split_sentences(text), title, **params)


@pytest.mark.parametrize("params", PARAMS)
def test_synthetic_articles_match_the_dataframe_functions(synthetic_articles, params) -> None:
    assert len(synthetic_articles) == 30
    for text, title in synthetic_articles:
        check(text, split_sentences(text), title, **params)


def test_seed_articles_find_cues_terms_and_generic_frames(seed_articles) -> None:
    text, title = seed_articles[1]
    out = framing.analyze_framing(text, split_sentences(text), title)
    assert out["frames"] and out["terms"] and out["row"]["primary_frame"]
    assert out["frames"][0]["part"] == "headline"
    assert sum(r["value"] == 1.0 for r in out["generic_frames"]) > 0
    assert len(out["frame_profiles"]) == len(framing.load_frame_lexicon().labels)


@pytest.mark.parametrize(
    "params",
    [
        {"headline_weight": 0.1, "lede_sentences": 3, "lede_weight": 0.7, "unit": "cue"},
        {"headline_weight": 1 / 3, "lede_sentences": 1, "lede_weight": 2.9},
    ],
)
def test_non_dyadic_weights_and_cue_unit(synthetic_articles, params) -> None:
    for text, title in synthetic_articles[:8]:
        check(text, split_sentences(text), title, **params)


def test_no_title_and_no_sentences() -> None:
    text = "The court ruled. Officials blamed migrants for the cost."
    check(text, split_sentences(text), "")
    check(text, [], "A costly plan")
    check("", [], "")


def test_spans_cutting_words_and_gaps(synthetic_articles) -> None:
    # sentence ends inside words: the search must stop at the span end exactly as
    # regex.finditer(text, start, end) does
    for text, title in synthetic_articles[:10]:
        cuts = list(range(7, len(text), 37))
        spans = list(zip([0, *cuts], [*cuts, len(text)]))
        check(text, spans, title)
        check(text, [(s + 1, e) for s, e in spans if e > s + 1], title)


def test_irregular_spans_and_case_twins(synthetic_articles) -> None:
    text, title = synthetic_articles[0]
    sents = split_sentences(text)
    # overlapping, unsorted and out-of-range spans: searched sentence by sentence
    check(text, [(0, len(text)), (5, 300), (200, 100), (-5, 50), *sents[::-1]], title)
    # characters that match ASCII letters or \d case-insensitively: searched as before
    twins = text.replace("k", "\u212a", 3).replace("s", "\u017f", 2)
    twins += " \u0663\u0664-year-old \u0130mmigrant \u0131llegal aliens"
    check(twins, split_sentences(twins), title)
    accents = text.replace("e", "\u00e9", 5) + " Se\u00f1or Pe\u00f1a, the administration"
    check(accents, split_sentences(accents), title + " \u2014 \u201cJos\u00e9\u201d")


def test_user_tables_and_files_are_compiled_once(tmp_path) -> None:
    lex_table = pd.DataFrame({"frame": ["money", "law", "money"],
                              "cue": ["cost", "court", "$"],
                              "match": ["lemma", "exact", "regex"],
                              "pattern": ["", "", r"\$\s?\d+"]})
    fam_table = pd.DataFrame({"family": ["who", "who"], "term": ["migrant", "the government"],
                              "match": ["lemma", "regex"],
                              "pattern": ["", r"the\s+(?:federal\s+)?government"]})
    text = "The court said costs of $ 40 rose. The federal government and migrants agreed."
    sents = split_sentences(text)
    check(text, sents, "Court costs", lexicon=lex_table, families=fam_table)
    first = framing._framing_resources(lex_table, None, fam_table)
    assert framing._framing_resources(lex_table, None, fam_table) is first
    csv = tmp_path / "lexicon.csv"
    lex_table.to_csv(csv, index=False)
    assert framing.load_frame_lexicon(csv) is framing.load_frame_lexicon(str(csv))
    check(text, sents, "Court costs", lexicon=csv)


def test_the_ascii_twins_are_all_the_characters_that_match_ascii_case_insensitively() -> None:
    everything = "".join(map(chr, range(0x80, 0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    assert "".join(re.findall(r"[a-z0-9_]", everything, re.IGNORECASE)) == framing._ASCII_TWINS
    for ch in everything:
        low = ch.lower()
        if len(low) != 1 or low.isascii():
            assert ch in framing._ASCII_TWINS, hex(ord(ch))
        elif (re.match(r"\w", ch) is None) != (re.match(r"\w", low) is None):
            raise AssertionError(f"lowercasing {hex(ord(ch))} changes \\w")


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        # a separator run (whitespace, hyphens) is one space; optional parts both ways
        (r"(?:the\s+)?trump\s+administration(?:['\u2019]s)?",
         {"the trump administration", "trump administration"}),
        # a lookbehind adds no characters; common prefixes of a branch are factored
        (r"(?<!homeland\s)(?:security|securities)", {"security", "securities"}),
        (r"due[\s\-]+process(?:es|ed|ing)?",
         {"due process", "due processes", "due processed", "due processing"}),
        (r"\d+-year-old", set("0123456789")),
        # unknown first character, or a back-reference: the lexicon is searched as before
        (r"\w+", None),
        (r"(a)\1", None),
    ],
)
def test_cue_prefixes(src: str, expected: set[str] | None) -> None:
    got = framing._alt_prefixes(src)
    assert (None if got is None else set(got)) == expected


@pytest.mark.parametrize("params", PARAMS)
def test_the_pipeline_framing_stage_gives_the_same(params) -> None:
    from coverage.corpus import load_article
    from coverage.pipeline import _META, Params, analyze_article
    from coverage.stages import framing_stage

    df = generate_corpus(6, 3, seed=2)
    metas = df.drop(columns="text").to_dict("records")
    for meta, text in zip(metas, df["text"]):
        rec = load_article(dict(meta), text, "synthetic")
        out = analyze_article(rec, Params(extra=dict(params)), [("framing", framing_stage)])
        got = framing.analyze_framing(rec["text"], split_sentences(rec["text"]),
                                      str(rec.get("title") or ""), **params)
        for table in ("frames", "frame_profiles", "generic_frames", "terms"):
            stage_rows = [{k: v for k, v in r.items() if k not in ("article_id", "outlet")}
                          for r in out[table]]
            assert_same(got[table], stage_rows, table)
        article_row = out["articles"][0]
        stage_row = {k: v for k, v in article_row.items() if k not in _META}
        assert_same(got["row"], stage_row, "row")


@pytest.mark.parametrize("title, lede, expected", [
    # No headline: the lede is the first body sentence. Sentence 0 (economic, "budget") weighs 3,
    # sentence 2 (political, "Congress", "voted": one sentence) weighs 1: shares 3/4 and 1/4.
    ("", 1, {"economic": 0.75, "political": 0.25}),
    # A headline with no cue is sentence 0; the lede is body sentence 0: the same shares.
    ("A quiet day", 1, {"economic": 0.75, "political": 0.25}),
    # No lede weighting: one sentence each.
    ("", 0, {"economic": 0.5, "political": 0.5}),
])
def test_lede_weight_covers_exactly_the_lede(title, lede, expected) -> None:
    text = "The budget was cut. Nothing happened here. Congress voted."
    spans = coverage.split_sentences(text)
    row = framing.analyze_framing(text, spans, title, lede_sentences=lede, lede_weight=3.0)["row"]
    shares = {k[len("frame_"):]: v for k, v in row.items() if k.startswith("frame_") and v}
    assert shares == pytest.approx(expected)


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        (r"due[\s\-]+process(?:es|ed|ing)?",
         {"due process", "due processes", "due processed", "due processing"}),
        # other joiners and optional leading words: no form ends where another goes on
        (r"to\s+blame", {"to blame"}),
        (r"(?:the\s+)?trump\s+administration",
         {"the trump administration", "trump administration"}),
        (r"U\.N\.", {"u.n."}),
        # a form that another one continues after a non-word character: the regex decides
        (r"a(?:\s+b)?", None),
        (r"trump(?:['’]s)?", None),
        # assertions, classes, repeats: the regex decides
        (r"attorneys?(?!\s+general)", None),
        (r"(?<!homeland\s)security", None),
        (r"\d+-year-old", None),
        (r"separat(?:e|es|ed|ing)\s+(?:\w+\s+)?families", None),
    ],
)
def test_plain_word_cues(src: str, expected: set[str] | None) -> None:
    got = framing._word_forms(src)
    assert (None if got is None else set(got)) == expected


TRICKY = [
    # a cue at the end of a sentence, cut by the span end, inside longer words, or followed by
    # an apostrophe; words joined by hyphens, line breaks or several spaces; capitals
    "The judge ruled. Judges rule. The judgeship was open. The court's ruling, the courts' "
    "rulings; due-process and due\nprocess and due  process and DUE PROCESS.",
    "The Trump administration's policy. the U.S. government argues; the U.S. argued. "
    "The U.S.A. and the US said the administration policies failed.",
    "Seeking asylum, asylum-seekers and asylum seekers were separated from their children; "
    "officials tore families apart. A 7-year-old girl cried. $40 million, $ 3 billion.",
    "prosecute prosecutes prosecuted prosecuting prosecutor. policy policies. die dying. "
    "Homeland Security and homeland-security and DHS. Attorney General and attorneys.",
    # a non-ASCII word character right before a cue word: no word start there
    "Le \u00e9court et \u00f1policy, caf\u00e9-court \u2014 \u201ccourt\u201d in \u00e9t\u00e9.",
    # cues at the very start and end of the text, right after non-ASCII punctuation, and a
    # non-ASCII word character at position 0
    "Policy\u2019s critics sued \u2014court",
    "7-year-old \u201cmigrants\u201d",
    "\u00e9policy and the courts",
    "",
]


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("cut", [None, 5, 11])
def test_one_pass_scan_equals_the_sentence_by_sentence_search(text: str, cut: int | None) -> None:
    # every lexicon the framing stage uses: the one-pass scan (prefix tables, plain-word cues
    # matched without a regex call) gives exactly the rows of regex.finditer per sentence
    spans = split_sentences(text)
    if cut is not None:  # sentence ends inside words and right after cues
        spans = list(zip(range(0, len(text), cut), [*range(cut, len(text), cut), len(text)]))
    plan = framing._framing_resources(None, None, None).plan
    scan = plan.scan(text, spans)
    assert scan.found is not None
    for i, lex in enumerate(plan.lexicons):
        assert scan.rows(i) == framing._finditer_rows(text, spans, lex), i


def test_one_pass_scan_on_synthetic_articles(synthetic_articles) -> None:
    plan = framing._framing_resources(None, None, None).plan
    for text, _title in synthetic_articles:
        spans = split_sentences(text)
        scan = plan.scan(text, spans)
        for i, lex in enumerate(plan.lexicons):
            assert scan.rows(i) == framing._finditer_rows(text, spans, lex), i


def test_the_labels_of_every_default_cue_are_sorted() -> None:
    # analyze_framing relies on it to take the one-pass rows as sorted (see _TextScan.sorted_rows)
    plan = framing._framing_resources(None, None, None).plan
    assert all(plan.label_sorted)
    for text in TRICKY:
        spans = split_sentences(text)
        scan = plan.scan(text, spans)
        for i in range(len(plan.lexicons)):
            assert scan.sorted_rows(i) == framing._sorted_rows(scan.rows(i))


def test_score_frames_first_cue_skips_nan_starts() -> None:
    # frames tied on weight: the one whose first cue comes first is primary, a NaN start skipped
    # (as pandas' min skips it) wherever it is among the frame's cues
    nan = float("nan")
    for a_starts, primary in [([nan, 7.0], "b"), ([7.0, nan], "b"), ([nan, 2.0], "a")]:
        cues = pd.DataFrame({"sentence_id": [0, 0, 1], "frame": ["a", "a", "b"],
                             "start": [*a_starts, 3.0]})
        prof = framing.score_frames(cues, 2, frames=["a", "b"])
        assert prof["weight"].tolist() == [1.0, 1.0]
        assert prof.loc[prof["primary"], "frame"].tolist() == [primary]
