"""Readability: hand-counted texts, formulas from the published coefficients, textstat cross-check.

Every expected number here was derived by hand (the arithmetic is in the comments), not by
running the code under test.
"""

from __future__ import annotations

import math
import socket

import pytest

from coverage.readability import (
    automated_readability_index,
    coleman_liau,
    dale_chall,
    flesch_kincaid_grade,
    flesch_reading_ease,
    gunning_fog,
    is_dale_chall_familiar,
    is_gunning_complex,
    mtld,
    score_readability,
    smog,
)
from coverage.segment import split_sentences, tokenize
from coverage.syllables import count_syllables, estimate_syllables, number_syllables

from .conftest import CORPUS

SEEDS = sorted(CORPUS.glob("*.txt"))
INDICES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog",
           "coleman_liau", "ari", "dale_chall")


# --- formulas, fed counts -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("formula", "counts", "expected"),
    [
        # 206.835 - 1.015 * 100/5 - 84.6 * 150/100 = 206.835 - 20.3 - 126.9
        (flesch_reading_ease, (100, 5, 150), 59.635),
        # 0.39 * 20 + 11.8 * 1.5 - 15.59 = 7.8 + 17.7 - 15.59
        (flesch_kincaid_grade, (100, 5, 150), 9.91),
        # 0.4 * (100/5 + 100 * 10/100) = 0.4 * 30
        (gunning_fog, (100, 5, 10), 12.0),
        # 1.043 * sqrt(10 * 30/30) + 3.1291 = 1.043 * 3.1622776602 + 3.1291 = 3.2982555996 + 3.1291
        (smog, (10, 30), 6.4273555996),
        # 1.043 * sqrt(3 * 30/2) + 3.1291 = 1.043 * sqrt(45) + 3.1291 (30-sentence normalisation)
        (smog, (3, 2), 10.1257567016),
        # L = 500, S = 5: 0.0588 * 500 - 0.296 * 5 - 15.8 = 29.4 - 1.48 - 15.8
        (coleman_liau, (500, 100, 5), 12.12),
        # 4.71 * 500/100 + 0.5 * 100/5 - 21.43 = 23.55 + 10 - 21.43
        (automated_readability_index, (500, 100, 5), 12.12),
        # PDW 10 > 5: 0.1579 * 10 + 0.0496 * 20 + 3.6365 = 1.579 + 0.992 + 3.6365
        (dale_chall, (100, 5, 10), 6.2075),
        # PDW exactly 5 (not above): 0.1579 * 5 + 0.0496 * 20 = 0.7895 + 0.992
        (dale_chall, (100, 5, 5), 1.7815),
    ],
)
def test_formula_from_counts(formula, counts, expected):
    assert formula(*counts) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("formula", "counts"),
    [
        (flesch_reading_ease, (0, 0, 0)),
        (flesch_kincaid_grade, (0, 1, 0)),
        (gunning_fog, (10, 0, 1)),
        (smog, (3, 0)),
        (coleman_liau, (0, 0, 0)),
        (automated_readability_index, (0, 0, 0)),
        (dale_chall, (0, 0, 0)),
    ],
)
def test_formula_undefined_is_nan(formula, counts):
    assert math.isnan(formula(*counts))


# --- a text counted by hand -----------------------------------------------------------------
HAND_TEXT = "The judge denied the government's motion. Families were separated at the border."
# Words (12): The judge denied the government's motion | Families were separated at the border
# Syllables (CMU): 1 1 2 1 3 2 | 3 1 4 1 1 2 = 22; polysyllables: government's, Families,
#   separated = 3
# Letters: 3+5+6+3+11+6 + 8+4+9+2+3+6 = 66 (the apostrophe is not a letter); no digits
# Dale-Chall list: "deny" (for denied), "motion", "border" are not on it -> 3 difficult;
#   government's (government), Families (family), separated (separate) are inflections of
#   list words
# Gunning: government's, Families (first word: not a name), separated (stem "separate" has 3
#   syllables already) -> 3 complex
# MTLD: no factor completes either way; both ways end at TTR 10/12, partial factor
#   (1 - 10/12) / 0.28 = 0.595238..., 12 / 0.595238 = 20.16
HAND_COUNTS = {
    "n_sentences": 2, "n_words": 12, "n_syllables": 22, "n_polysyllables": 3,
    "n_letters": 66, "n_characters": 66, "n_difficult_words": 3, "n_complex_words": 3,
    "mean_sentence_length": 6.0, "sd_sentence_length": 0.0,
    "syllables_per_word": 22 / 12, "mtld": 20.16,
    "n_syllables_from_cmudict": 22, "n_syllables_from_fallback": 0,
    "n_sentences_excluded": 0, "n_words_excluded": 0,
}
HAND_INDICES = {
    "flesch_reading_ease": 45.645,  # 206.835 - 1.015*6 - 84.6*22/12 = 206.835 - 6.09 - 155.1
    "flesch_kincaid_grade": 8.383333333,  # 0.39*6 + 11.8*22/12 - 15.59 = 2.34 + 21.6333 - 15.59
    "gunning_fog": 12.4,  # 0.4 * (6 + 100*3/12)
    "smog": 10.1257567016,  # 1.043 * sqrt(3*30/2) + 3.1291
    "coleman_liau": 11.606666667,  # 0.0588*550 - 0.296*16.6667 - 15.8 = 32.34 - 4.9333 - 15.8
    "ari": 7.475,  # 4.71*66/12 + 0.5*6 - 21.43 = 25.905 + 3 - 21.43
    "dale_chall": 7.8816,  # PDW 25: 0.1579*25 + 0.0496*6 + 3.6365 = 3.9475 + 0.2976 + 3.6365
}


@pytest.mark.parametrize("key", sorted(HAND_COUNTS))
def test_hand_counted_text_counts(key):
    assert score_readability(HAND_TEXT)[key] == pytest.approx(HAND_COUNTS[key], abs=1e-9)


@pytest.mark.parametrize("key", sorted(HAND_INDICES))
def test_hand_counted_text_indices(key):
    assert score_readability(HAND_TEXT)[key] == pytest.approx(HAND_INDICES[key], abs=1e-8)


def test_monosyllabic_text():
    # The cat sat on the mat. The dog ran. -- 9 words, 2 sentences, 9 syllables, 26 letters
    r = score_readability("The cat sat on the mat. The dog ran.")
    assert (r["n_sentences"], r["n_words"], r["n_syllables"], r["n_letters"]) == (2, 9, 9, 26)
    assert r["flesch_reading_ease"] == pytest.approx(206.835 - 1.015 * 4.5 - 84.6)  # 117.6675
    assert r["smog"] == pytest.approx(3.1291)
    assert r["dale_chall"] == pytest.approx(0.0496 * 4.5)  # every word familiar
    assert math.isnan(r["mtld"]) is False


def test_empty_text():
    r = score_readability("")
    assert (r["n_words"], r["n_sentences"]) == (0, 0)
    assert all(math.isnan(r[k]) for k in INDICES)
    assert math.isnan(r["mtld"]) and math.isnan(r["sd_sentence_length"])


def test_precomputed_sentences_are_used():
    text = "One two three. Four five."
    assert score_readability(text, [(0, len(text))])["n_sentences"] == 1
    assert score_readability(text)["n_sentences"] == 2


# --- MTLD -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ("a b a b a b", 3.0),  # a b a -> TTR 2/3 <= 0.72 closes a factor, twice, both ways
        ("a b c a", 4 / ((1 - 0.75) / 0.28)),  # no factor; partial (1 - 3/4)/0.28 both ways
        ("a a a a", 2.0),  # a a -> TTR 1/2 closes a factor: 2 factors of 2 tokens
    ],
)
def test_mtld_by_hand(tokens, expected):
    assert mtld(tokens.split()) == pytest.approx(expected)


def test_mtld_without_repetition_is_nan():
    assert math.isnan(mtld("every word here differs".split()))


# --- syllables and word classes --------------------------------------------------------------
@pytest.mark.parametrize(
    ("word", "n", "source"),
    [
        ("separating", 4, "cmudict"),
        ("Separating", 4, "cmudict"),
        ("the", 1, "cmudict"),
        ("haven\u2019t", 2, "cmudict"),  # typographic apostrophe mapped to '
        ("family-separation", 7, "cmudict"),  # 3 + 4, both parts in the dictionary
        ("Sabraw", 2, "estimate"),  # a-aw: two vowel groups
        ("Sabraw\u2019s", 2, "estimate"),  # possessive after w adds nothing
        ("ACLU", 4, "estimate"),  # initialism: A-C-L-U
        ("F.B.I.", 3, "estimate"),
        ("800,000", 5, "number"),  # eight hun-dred thou-sand
        ("2018", 5, "number"),  # two thou-sand eigh-teen
        ("7", 2, "number"),  # sev-en
        ("7-year-old", 4, "estimate"),  # 2 + 1 + 1; one part is a number
    ],
)
def test_count_syllables(word, n, source):
    assert count_syllables(word) == (n, source)


@pytest.mark.parametrize(
    ("word", "n"),
    [("Sabraw", 2), ("Gelernt", 2), ("jumped", 1), ("tables", 2), ("wishes", 2),
     ("make", 1), ("table", 2), ("crossers", 2), ("xyz", 1), ("", 0)],
)
def test_estimate_syllables(word, n):
    assert estimate_syllables(word) == n


@pytest.mark.parametrize(("token", "n"), [("1,475", 10), ("0", 2), ("12", 1), ("3.5", 3),
                                          ("1990s", 8), ("10:30", 3)])
def test_number_syllables(token, n):
    # 1,475: one thou-sand four hun-dred sev-en-ty five = 1+2+1+2+3+1; 3.5: three point five
    assert number_syllables(token) == n


@pytest.mark.parametrize(
    ("word", "familiar"),
    [("children", True), ("family", True), ("families", True), ("parents", True),
     ("stopped", True), ("bigger", True), ("making", True), ("used", True),
     ("happier", True), ("boy's", True), ("good-looking", True),
     ("asylum", False), ("deny", False), ("denied", False), ("motion", False),
     ("unconstitutional", False)],
)
def test_dale_chall_familiar(word, familiar):
    assert is_dale_chall_familiar(word) is familiar


@pytest.mark.parametrize(
    ("word", "complex_"),
    [("unconstitutional", True), ("separation", True), ("government", True),
     ("detected", False),  # detect + -ed
     ("trespasses", False),  # trespass + -es (Gunning's own example)
     ("deporting", False),  # deport + -ing
     ("however", False),  # how + ever: compound of easy words
     ("three-year", False),  # hyphenated, parts under 3 syllables
     ("asylum-seeking", True),  # "asylum" has 3
     ("judge", False), ("800,000", False)],
)
def test_gunning_complex(word, complex_):
    assert is_gunning_complex(word) is complex_


def test_proper_nouns_inside_a_sentence():
    # "Administration" is capitalised inside the sentence: a name, neither complex nor difficult.
    inside = score_readability("The Administration lost.")
    first = score_readability("Administration lost.")
    assert (inside["n_complex_words"], first["n_complex_words"]) == (0, 1)
    strict = score_readability("The Asylum lost.", proper_nouns_familiar=False)
    assert strict["n_difficult_words"] == 1
    assert score_readability("The Asylum lost.")["n_difficult_words"] == 0


# --- quotations left out ----------------------------------------------------------------------
QUOTE_TEXT = 'The judge ruled. "This is cruel and wrong," she said. Officials disagreed.'
# sentence 2 is '"This is cruel and wrong," she said.' (36 characters), of which the quotation
# '"This is cruel and wrong,"' is 26 (72% > 50%): dropped with its 7 words.
QUOTE_SPAN = (QUOTE_TEXT.index('"'), QUOTE_TEXT.index(',"') + 2)


def test_exclude_spans_drops_mostly_quoted_sentences():
    r = score_readability(QUOTE_TEXT, exclude_spans=[QUOTE_SPAN])
    assert (r["n_sentences"], r["n_words"]) == (2, 5)  # The judge ruled | Officials disagreed
    assert (r["n_sentences_excluded"], r["n_words_excluded"]) == (1, 7)
    assert score_readability(QUOTE_TEXT)["n_words"] == 12


def test_exclude_spans_drops_quoted_words_of_kept_sentences():
    text = 'The judge called the policy "brutal" in court.'
    start = text.index('"')
    r = score_readability(text, exclude_spans=[(start, start + 8)])  # 8 of 46 characters
    assert (r["n_sentences"], r["n_words"], r["n_words_excluded"]) == (1, 7, 1)


def test_quoted_share_threshold_is_a_parameter():
    r = score_readability(QUOTE_TEXT, exclude_spans=[QUOTE_SPAN], quoted_share_threshold=0.8)
    assert r["n_sentences"] == 3 and r["n_words"] == 7  # kept, its 5 quoted words dropped


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_fast_tokenisation_equals_tokenize(path):
    # score_readability tokenises whitespace chunks (cached); it must see tokenize()'s tokens.
    text = path.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    r = score_readability(text, sentences)
    assert r["n_words"] == sum(len(tokenize(text, s, e)) for s, e in sentences)
    # the slow path (positions needed for exclusions) agrees with the fast path
    assert r == score_readability(text, sentences, exclude_spans=[(len(text), len(text) + 1)])


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_articles_are_in_plausible_ranges(path):
    r = score_readability(path.read_text(encoding="utf-8"))
    assert 400 < r["n_words"] < 800 and 15 < r["n_sentences"] < 40
    assert 25 < r["flesch_reading_ease"] < 55  # wire/legal news: "difficult"
    assert 10 < r["flesch_kincaid_grade"] < 17
    assert r["n_syllables_from_cmudict"] + r["n_syllables_from_fallback"] == r["n_syllables"]
    assert r["n_words_from_fallback"] < 0.05 * r["n_words"]


# --- cross-check with textstat 0.7.13 ---------------------------------------------------------
@pytest.fixture(scope="module")
def textstat():
    from coverage.resources import ensure_nltk_data

    ensure_nltk_data()
    import textstat as ts

    return ts


CROSS_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS] + [
    HAND_TEXT,
    "The cat sat on the mat. The dog ran to the big red barn and barked twice.",
]


@pytest.mark.parametrize("text", CROSS_TEXTS, ids=lambda t: t[:20])
def test_formulas_reproduce_textstat_from_its_own_counts(textstat, text):
    """Fed textstat's counts, each formula textstat implements as published gives its value."""
    from textstat.backend import counts as tc

    n_sent = textstat.sentence_count(text)
    n_words = textstat.lexicon_count(text)
    n_syl = textstat.syllable_count(text)
    tol = 1e-9
    assert flesch_reading_ease(n_words, n_sent, n_syl) == pytest.approx(
        textstat.flesch_reading_ease(text), abs=tol)
    assert flesch_kincaid_grade(n_words, n_sent, n_syl) == pytest.approx(
        textstat.flesch_kincaid_grade(text), abs=tol)
    assert smog(textstat.polysyllabcount(text), n_sent) == pytest.approx(
        textstat.smog_index(text), abs=tol)
    # ARI: textstat divides its characters (every non-space character) by a word count that
    # keeps punctuation-only "words", and sentence length by the ordinary word count; so its
    # characters per word is fed as characters * (words / words-with-punctuation).
    chars_per_word = textstat.char_count(text) / textstat.lexicon_count(text, removepunct=False)
    assert automated_readability_index(chars_per_word * n_words, n_words, n_sent) == (
        pytest.approx(textstat.automated_readability_index(text), abs=tol))
    # Gunning: textstat's hard words are 3+ syllable words not on the Dale-Chall list
    assert gunning_fog(n_words, n_sent, tc.count_difficult_words(text, "en_US", 3)) == (
        pytest.approx(textstat.gunning_fog(text), abs=tol))
    # Dale-Chall 1948 (with the 3.6365 adjustment): difficult = not on the list
    assert dale_chall(n_words, n_sent, tc.count_difficult_words(text, "en_US", 0)) == (
        pytest.approx(textstat.dale_chall_readability_score(text), abs=tol))
    # Coleman-Liau: textstat uses 0.058 where the paper has 0.0588, so the two differ by
    # exactly 0.0008 L (L = letters per 100 words)
    n_letters = textstat.letter_count(text)
    ours = coleman_liau(n_letters, n_words, n_sent)
    letters_per_100 = n_letters / n_words * 100
    assert ours - textstat.coleman_liau_index(text) == pytest.approx(
        0.0008 * letters_per_100, abs=tol)


def test_textstat_works_offline(textstat, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from textstat.backend import counts, utils

    from coverage.resources import ensure_nltk_data

    ensure_nltk_data()
    # forget what textstat cached, so it looks for cmudict again (nltk.download if missing)
    utils.get_cmudict.cache_clear()
    counts.count_syllables.cache_clear()
    assert textstat.syllable_count("separating families") == 7  # cmudict via NLTK, offline
    assert textstat.flesch_reading_ease(HAND_TEXT) > 0
