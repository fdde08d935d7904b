"""Bad input gets a clear answer, nothing is lost, results are reproducible (issue 8)."""

from __future__ import annotations


import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coverage
from coverage.clean import clean_text
from coverage.errors import ArticleError
from coverage.segment import split_paragraphs, split_sentences, tokenize

GOOD = "The judge ruled on Wednesday. \u201cIt is cruel,\u201d the lawyer said. The government disagreed."
FRENCH = ("Le juge a d\u00e9cid\u00e9 mercredi que la politique de s\u00e9paration des familles "
          "\u00e0 la fronti\u00e8re \u00e9tait contraire \u00e0 la constitution, et que les parents "
          "devaient retrouver leurs enfants rapidement selon les avocats de l'association.")


def bad_files() -> dict[str, bytes]:
    return {
        "good.txt": GOOD.encode(),
        "empty.txt": b"",
        "blank.txt": b" \n\t\n ",
        "oneword.txt": b"Hello",
        "cp1252.txt": b"\x93Quoted words,\x94 the judge said. It\x92s final.",
        "latin1.txt": "The caf\u00e9 owner said the na\u00efve plan failed.".encode("latin-1"),
        "bom.txt": b"\xef\xbb\xbf" + GOOD.encode(),
        "mixed_eol.txt": b"Line one is here.\r\nLine two is here.\rLine three.\n\nNew paragraph.",
        "page.html": (b"<!doctype html><html><head><script>track();</script><style>p{}</style></head>"
                      b"<body><nav>Home World Politics</nav><article><p>The court ruled.</p>"
                      b"<p>\xe2\x80\x9cWe will appeal,\xe2\x80\x9d the agency said.</p></article>"
                      b"<footer>Contact us</footer></body></html>"),
        "binary.txt": bytes(range(256)) * 4,
        "unbalanced.txt": "He said \u201cthis never ends. And \u2018nested\u2019 \"mixed\u201d styles.".encode(),
        "french.txt": FRENCH.encode(),
        "long_sentence.txt": ("the judge said that families were separated " * 1200).encode(),  # 51,600 chars, no stop
    }


@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("messy")
    files = bad_files()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    rows = [{"file": n, "outlet": f"O{i % 3}", "published": d}
            for i, (n, d) in enumerate(zip(files, ["2018-06-07", "June 7, 2018", "07/06/2018 10:00",
                                                   "2018-06-07T10:00:00+02:00"] * 10))]
    rows.append({"file": "missing.txt", "outlet": "O1", "published": "2018-06-07"})
    pd.DataFrame(rows).to_csv(folder / "metadata.csv", index=False)
    (folder / "unlisted.txt").write_text("Present but not in the metadata.")
    return folder


@pytest.fixture(scope="module")
def messy_results(messy):
    return coverage.analyze(messy)


def test_every_input_appears_exactly_once(messy, messy_results):
    expected = {p.stem for p in messy.iterdir() if p.suffix in (".txt", ".html")} | {"missing"}
    seen = list(messy_results.articles.article_id) + list(messy_results.errors.article_id)
    assert sorted(seen) == sorted(expected)


def test_bad_inputs_get_specific_reasons(messy_results):
    problems = dict(zip(messy_results.errors.article_id, messy_results.errors.problem))
    assert problems["empty"] == "empty text"
    assert problems["blank"] == "text is only whitespace"
    assert problems["binary"].startswith("binary content")
    assert "listed but missing" in problems["missing"]
    assert "not listed in metadata.csv" in problems["unlisted"]
    assert problems["french"].startswith("does not look like English")
    stages = dict(zip(messy_results.errors.article_id, messy_results.errors.stage))
    assert stages["french"] == "language" and stages["empty"] == "load"
    analyzed = set(messy_results.articles.article_id)
    assert {"good", "oneword", "cp1252", "latin1", "bom", "mixed_eol", "page", "unbalanced",
            "long_sentence"} <= analyzed


def test_decoding_repairs_are_recorded(messy):
    arts = coverage.load_corpus(messy).articles.set_index("article_id")
    assert arts.loc["cp1252", "decoding"].startswith("cp1252")
    assert arts.loc["cp1252", "text"].startswith("\u201cQuoted words,\u201d")
    assert arts.loc["bom", "decoding"] == "utf-8-sig" and arts.loc["bom", "text"] == GOOD
    assert arts.loc["good", "decoding"] == "utf-8"
    assert "\r" not in arts.loc["mixed_eol", "text"]
    assert arts.loc["page", "extractor"] != ""
    assert "track()" not in arts.loc["page", "text"] and "Home World Politics" not in arts.loc["page", "text"]
    assert arts.loc["latin1", "text"] == "The caf\u00e9 owner said the na\u00efve plan failed."


def test_loading_one_article_raises_naming_it(tmp_path):
    from coverage.corpus import decode_bytes, make_article

    with pytest.raises(ArticleError, match=r"article 'x': empty text"):
        make_article({"article_id": "x"}, "")
    with pytest.raises(ArticleError, match=r"article 'junk.bin': binary"):
        decode_bytes(b"\x00\x00\x00", "junk.bin")


def test_huge_article_and_limits():
    big = ("The judge ruled on the case. " * 700_000)  # about 20 MB
    df = pd.DataFrame({"id": ["big", "ok"], "outlet": ["A", "B"], "text": [big, GOOD]})
    res = coverage.analyze(df)
    assert list(res.articles.article_id) == ["ok"]
    err = res.errors.iloc[0]
    assert err.article_id == "big" and "over max_chars=2,000,000" in err.problem


def test_odd_dates_normalize_or_explain():
    df = pd.DataFrame({"id": list("abcd"), "outlet": "X", "text": GOOD,
                       "published": ["June 7, 2018", "2018-06-07T10:00:00+02:00", "", "soon"]})
    c = coverage.load_corpus(df)
    assert dict(zip(c.articles.article_id, c.articles.published)) == {
        "a": "2018-06-07", "b": "2018-06-07T08:00:00", "c": ""}
    assert c.errors.problem.tolist() == ["column 'published': not a date: 'soon'"]


def test_shuffling_articles_changes_no_result():
    from coverage.synthetic import generate_corpus

    df = generate_corpus(12, 4, seed=5)
    a = coverage.analyze(df)
    b = coverage.analyze(df.sample(frac=1.0, random_state=1))
    for name in ("articles", "sentences", "quotes", "frames"):
        key = ["article_id"] + (["sentence_id"] if name == "sentences" else [])
        left = a.tables[name].sort_values(key).reset_index(drop=True) if len(a.tables[name]) else a.tables[name]
        right = b.tables[name].sort_values(key).reset_index(drop=True) if len(b.tables[name]) else b.tables[name]
        pdt.assert_frame_equal(left, right, check_dtype=False)
    pdt.assert_frame_equal(a.outlets, b.outlets)


# ----------------------------------------------------------------------------- properties

ALPHABET = st.sampled_from(list("abcXYZ .,!?;:'\"\u201c\u201d\u2018\u2019()-\u2014\n\t0123456789") + ["U.S.", "Mr.", "\n\n", "\u2026"])
TEXTS = st.lists(ALPHABET, max_size=200).map("".join) | st.text(max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_segmentation_spans_are_exact_ordered_and_inside(text):
    for spans in (split_paragraphs(text), split_sentences(text), split_sentences(text, line_breaks="space"),
                  tokenize(text)):
        assert all(0 <= s < e <= len(text) for s, e in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert split_sentences(text) == split_sentences(text)
    # every non-space character lies in some sentence
    covered = set()
    for s, e in split_sentences(text):
        covered.update(range(s, e))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_cleaning_records_every_removal(text):
    out = clean_text(text)
    for r in out.removals:
        assert text[r.start:r.end] == r.text
    kept = len("".join(out.text.split()))
    removed = sum(len("".join(r.text.split())) for r in out.removals)
    assert kept + removed == len("".join(text.split()))  # nothing lost silently


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_analyze_never_loses_an_article(texts):
    df = pd.DataFrame({"id": [f"a{i}" for i in range(len(texts))], "outlet": "X", "text": texts})
    res = coverage.analyze(df)
    assert sorted(list(res.articles.article_id) + list(res.errors.article_id)) == sorted(df.id)
    for row in res.sentences.itertuples():
        assert row.text.strip() == row.text and row.start < row.end
