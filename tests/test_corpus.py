"""load_corpus: the embedded corpus and every kind of source, with clear errors."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import coverage
from coverage.corpus import decode_bytes, html_to_text
from coverage.errors import ArticleError, MetadataError

from .conftest import CORPUS, SEED_IDS


def test_embedded_corpus(corpus):
    arts = corpus.articles.set_index("article_id")
    assert list(arts.index) == list(SEED_IDS)
    assert arts.loc["001_221fe0cf147a3b74", "outlet"] == "CNN"
    assert arts.loc["000_ea7caefe1a84aba5", "outlet"] == "The Japan Times"
    assert set(arts["published"]) == {"2018-06-07"}
    assert arts.loc["001_221fe0cf147a3b74", "url"].startswith("https://www.cnn.com/2018/06/07/")
    assert len(corpus.errors) == 0


def test_embedded_corpus_is_the_seeds_byte_for_byte(corpus):
    shared = CORPUS.parent.parent.parent / "shared" / "seeds"
    for aid in SEED_IDS:
        data = (CORPUS / f"{aid}.txt").read_bytes()
        if shared.exists():
            assert data == (shared / f"{aid}.txt").read_bytes()
        assert corpus.articles.set_index("article_id").loc[aid, "raw_text"] == data.decode("utf-8")


def _folder(tmp_path, files: dict[str, bytes], meta: str | None):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    if meta is not None:
        (tmp_path / "metadata.csv").write_text(meta, encoding="utf-8")
    return tmp_path


def test_folder_with_metadata_keeps_extra_columns_and_reports_problems(tmp_path):
    folder = _folder(tmp_path, {
        "a.txt": "First story. It has text.".encode(),
        "b.html": b"<html><head><script>var x=1;</script></head><body><nav>Home | World</nav>"
                  b"<p>The court ruled on Monday.</p><p>Families wait.</p></body></html>",
        "stray.txt": b"Not listed.",
        "empty.txt": b"  \n ",
    }, "file,outlet,title,published,url,section\n"
       "a.txt,Daily,A,June 7 2018,http://a,news\n"
       "b.html,Weekly,B,2018-06-08T10:00:00Z,http://b,world\n"
       "empty.txt,Daily,E,2018-06-09,http://e,news\n"
       "gone.txt,Daily,G,2018-06-09,http://g,news\n")
    c = coverage.load_corpus(folder)
    arts = c.articles.set_index("article_id")
    assert list(arts.index) == ["a", "b"]
    assert arts.loc["a", "published"] == "2018-06-07"
    assert arts.loc["b", "published"] == "2018-06-08T10:00:00"
    assert arts.loc["a", "section"] == "news"
    assert "var x" not in arts.loc["b", "text"] and "Home | World" not in arts.loc["b", "text"]
    assert "The court ruled on Monday." in arts.loc["b", "text"]
    problems = dict(zip(c.errors.article_id, c.errors.problem))
    assert problems["empty"] == "text is only whitespace"
    assert "listed but missing" in problems["gone"]
    assert "not listed in metadata.csv" in problems["stray"]


def test_metadata_without_file_column_is_a_clear_error(tmp_path):
    _folder(tmp_path, {"a.txt": b"Text."}, "name,outlet\na.txt,X\n")
    with pytest.raises(MetadataError, match=r"metadata.csv: column 'file'"):
        coverage.load_corpus(tmp_path)


def test_bad_date_and_duplicate_ids_become_errors_naming_row(tmp_path):
    df = pd.DataFrame({"id": ["1", "1", "2"], "media_name": ["X", "X", "Y"],
                       "publish_date": ["2018-06-07", "2018-06-07", "next Tuesday-ish"],
                       "text": ["One. Two.", "Again.", "Three."]})
    c = coverage.load_corpus(df)
    assert list(c.articles.article_id) == ["1"]
    problems = dict(zip(c.errors.article_id, c.errors.problem))
    assert "duplicate article_id '1'" in problems["1#2"]
    assert problems["2"] == "column 'published': not a date: 'next Tuesday-ish'"


def test_media_cloud_export_with_text_files_beside_it(tmp_path):
    (tmp_path / "101.txt").write_text("Story one text. More words.", encoding="utf-8")
    (tmp_path / "102.txt").write_text("Story two text.", encoding="utf-8")
    pd.DataFrame({"stories_id": [101, 102], "media_name": ["nytimes.com", "foxnews.com"],
                  "publish_date": ["2018-06-07 10:00:00", "2018-06-07 11:30:00"],
                  "title": ["T1", "T2"], "url": ["http://1", "http://2"]}).to_csv(tmp_path / "export.csv", index=False)
    c = coverage.load_corpus(tmp_path / "export.csv")
    assert list(c.articles.article_id) == ["101", "102"]
    assert list(c.articles.outlet) == ["nytimes.com", "foxnews.com"]
    assert list(c.articles.published) == ["2018-06-07T10:00:00", "2018-06-07T11:30:00"]


def test_csv_jsonl_and_dataframe_with_named_columns(tmp_path):
    df = pd.DataFrame({"doc": ["a", "b"], "body_text": ["Alpha story.", "Beta story."], "paper": ["P", "Q"]})
    c = coverage.load_corpus(df, text_col="body_text", outlet_col="paper", id_col="doc")
    assert list(zip(c.articles.article_id, c.articles.outlet)) == [("a", "P"), ("b", "Q")]
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "x", "outlet": "O", "text": "Gamma."}) + "\n{not json\n",
                    encoding="utf-8")
    c = coverage.load_corpus(path)
    assert list(c.articles.article_id) == ["x"]
    assert c.errors.problem.str.contains("malformed JSON").tolist() == [True]
    with pytest.raises(MetadataError, match="column 'nope' not found"):
        coverage.load_corpus(df, text_col="nope")


def test_decoding_is_recorded_and_binary_refused():
    assert decode_bytes("caf\u00e9".encode()) == ("caf\u00e9", "utf-8")
    assert decode_bytes(b"\xef\xbb\xbfHi") == ("Hi", "utf-8-sig")
    text, how = decode_bytes(b"\x93Quoted\x94 text", "a1")
    assert text == "\u201cQuoted\u201d text" and how.startswith("cp1252")
    with pytest.raises(ArticleError, match="article 'junk': binary content"):
        decode_bytes(b"\x00\x01\x02abc", "junk")


def test_html_fallback_extractor():
    text, how = html_to_text("<html><body><header>Menu</header><p>One &amp; two.</p>"
                             "<footer>(c)</footer></body></html>", extractor="builtin")
    assert (text, how) == ("One & two.", "builtin html.parser")


@pytest.mark.parametrize("value", [
    "2018-06-06", " 2018-06-06 ", "2018-06-06T00:00:00", "2018-06-06 12:30", "2018-06-06T12:30:05Z",
    "2018-06-06T23:30:05-05:00", "2018-06-07T00:00:00+02:00", "2018-06-06T00:00:00.5",
    "2018-06-06T12:30:05.123456+05:30", "June 6, 2018", "06/06/2018 5:02 PM", "2018-02-30",
])
def test_iso_fast_path_agrees_with_pandas(value):
    from coverage.corpus import normalize_date

    ts = pd.to_datetime(value.strip(), errors="coerce", format="mixed")
    if pd.isna(ts):
        with pytest.raises(MetadataError, match="not a date"):
            normalize_date(value, "a1")
        return
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    expected = ts.strftime("%Y-%m-%d") if ts == ts.normalize() else ts.strftime("%Y-%m-%dT%H:%M:%S")
    assert normalize_date(value, "a1") == expected
