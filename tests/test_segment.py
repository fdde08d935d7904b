"""Sentence, paragraph and token segmentation against hand-checked gold."""

from __future__ import annotations

import random
import re

import pytest

from coverage import segment
from coverage.segment import WORD_RE, split_paragraphs, split_sentences, tokenize

from .conftest import GOLD, SEED_IDS


@pytest.mark.parametrize("article_id", SEED_IDS)
def test_seed_bodies_split_exactly_as_the_gold(clean_texts, article_id):
    text = clean_texts[article_id]
    gold = (GOLD / f"sentences_{article_id}.txt").read_text(encoding="utf-8").splitlines()
    assert [text[s:e] for s, e in split_sentences(text)] == gold


def test_raw_wire_story_has_27_sentences(raw_texts):
    # 25 body sentences + the two-sentence subscription plea; textstat's regex counts 35.
    assert len(split_sentences(raw_texts["000_ea7caefe1a84aba5"])) == 27


def test_headline_and_chrome_lines_never_merge(raw_texts):
    text = raw_texts["001_221fe0cf147a3b74"]
    first = [text[s:e] for s, e in split_sentences(text)[:3]]
    assert first[:2] == ["Stay Updated on Developing Stories",
                         "Judge rules that challenge to family separation at border can proceed"]
    assert first[2].startswith("(CNN) A federal judge")


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("Sen. Warren and Rep. Ocasio-Cortez spoke. Gov. Brown did not.",
     ["Sen. Warren and Rep. Ocasio-Cortez spoke.", "Gov. Brown did not."]),
    ("Gen. Kelly arrived on Jan. 5 at St. Louis. It rained.",
     ["Gen. Kelly arrived on Jan. 5 at St. Louis.", "It rained."]),
    ("John F. Kennedy spoke. Acme Inc. Chief said no.", ["John F. Kennedy spoke.", "Acme Inc. Chief said no."]),
    ("Case No. 18 was heard. It ended.", ["Case No. 18 was heard.", "It ended."]),
    ("They moved to the U.S. The move was hard.", ["They moved to the U.S.", "The move was hard."]),
    ("U.S. officials said so.", ["U.S. officials said so."]),
    ('He said it "took too long." She agreed.', ['He said it "took too long."', "She agreed."]),
    ("\u201cIt is wrong,\u201d she said. \u201cVery wrong.\u201d", ["\u201cIt is wrong,\u201d she said.", "\u201cVery wrong.\u201d"]),
    ("Is it? Yes! Fine\u2026 Done.", ["Is it?", "Yes!", "Fine\u2026", "Done."]),
    ("A paragraph without a stop\n\nAnother one", ["A paragraph without a stop", "Another one"]),
    ("Headline Here\nThe body starts. Then ends.", ["Headline Here", "The body starts.", "Then ends."]),
    ("prices rose 3.5 percent. Then fell.", ["prices rose 3.5 percent.", "Then fell."]),
    ("", []),
    ("   \n\n  ", []),
])
def test_sentence_rules(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_line_breaks_space_mode_joins_wrapped_lines():
    text = "The judge said the\nGovernment was wrong."
    assert len(split_sentences(text, line_breaks="auto")) == 2
    assert len(split_sentences(text, line_breaks="space")) == 1


def test_paragraphs_and_tokens(clean_texts):
    text = clean_texts["000_ea7caefe1a84aba5"]
    paragraphs = split_paragraphs(text)
    assert len(paragraphs) == 18
    assert text[slice(*paragraphs[0])].startswith("The Trump administration")
    t = "The U.S. deported 800,000 Dreamers' 7-year-old kin, didn\u2019t it?"
    assert [t[s:e] for s, e in tokenize(t)] == [
        "The", "U.S.", "deported", "800,000", "Dreamers", "7-year-old", "kin", "didn\u2019t", "it"]


def test_spans_are_exact_and_ordered(clean_texts):
    for text in clean_texts.values():
        spans = split_sentences(text)
        assert all(s < e for s, e in spans)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
        assert all(text[s:e] == text[s:e].strip() for s, e in spans)


# The plain forms of the splitter's scanning patterns: the fast ones must find the same.
_PLAIN_WORD_BEFORE = re.compile(r"([^\s\"'\u201c\u2018(\[]+)\.$")
_PLAIN_TERMINAL = re.compile(r"(?:[.!?]+|\u2026)[\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_FUZZ_PIECES = list("aB1 .!?\n\t\u2026\"'\u201c\u201d\u2019()[]-\u2014_\u00e9\u0663\u2028") + [
    "Mr. ", "U.S. ", "No. 5", "\n\n", " The ", "J. ", "St. ", "...", "?!", ".\u2026"]


def _plain_next_word(text: str, pos: int, end: int) -> str:
    while pos < end and (text[pos].isspace() or text[pos] in segment._OPENERS):
        pos += 1
    stop = pos
    while stop < end and (text[stop].isalnum() or text[stop] in "'\u2019"):
        stop += 1
    return text[pos:stop]


def test_scanning_patterns_match_their_plain_forms():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(_FUZZ_PIECES) for _ in range(rng.randint(0, 30)))
        end = rng.randint(0, len(text))
        fast = [(m.span(), m.end(1), m.group(2)) for m in segment._TERMINAL.finditer(text, 0, end)]
        plain = [m.span() for m in _PLAIN_TERMINAL.finditer(text, 0, end)]
        assert [span for span, _, _ in fast] == plain, text
        for (_, stop), gap_end, word in fast:
            assert gap_end == stop + len(text[stop:end]) - len(text[stop:end].lstrip())
            assert word == _plain_next_word(text, stop, end)
        for pos in range(end + 1):
            assert segment._next_word(text, pos, end) == _plain_next_word(text, pos, end)
        for dot in (i for i, ch in enumerate(text) if ch == "."):
            start = rng.randint(0, dot)
            plain = _PLAIN_WORD_BEFORE.search(text, start, dot + 1)
            assert segment._word_before(text, start, dot) == (plain.group(1) if plain else "")


_PLAIN_WORD_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|\d+(?:[.,:]\d+)*(?:['\u2019\-][^\W_]+)*(?:st|nd|rd|th|s)?\b"
    r"|[^\W_]+(?:['\u2019\-][^\W_]+)*"
)


def test_word_pattern_matches_its_plain_form():
    rng = random.Random(11)
    pieces = list("aB1 .,:'\u2019-_\u00bd\u0663\u00e9stndrh\u2019") + ["U.S.", "7th", "800,000", " "]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert ([m.span() for m in WORD_RE.finditer(text, start, end)]
                == [m.span() for m in _PLAIN_WORD_RE.finditer(text, start, end)]), text
