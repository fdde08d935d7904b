"""Readability: counts from our own segmentation, and the published formulas.

Two layers:

* **Formulas** (:func:`flesch_reading_ease` ... :func:`dale_chall`) are plain functions of
  counts, with their published coefficients kept as data in :data:`COEFFICIENTS`. They return
  ``nan`` when a denominator is zero (textstat returns 0.0, which reads as a real score).
* **Counts** (:func:`count_readability`) come from :func:`coverage.segment.split_sentences` and
  :func:`coverage.segment.tokenize`, not from textstat's regexes; syllables from
  :mod:`coverage.syllables` (CMU dictionary first). :func:`score_readability` puts them together.

Counting rules (each differs from textstat 0.7.13 where noted):

=====================  ========================================================================
count                  rule
=====================  ========================================================================
``n_sentences``        sentences (our splitter) holding at least one word token. textstat: a
                       regex on ``.!?`` ignoring fragments of two words or fewer.
``n_words``            word tokens (:data:`coverage.segment.WORD_RE`): "U.S.", "800,000",
                       "7-year-old" and "Trump's" are one word each.
``n_syllables``        :func:`coverage.syllables.count_syllables` per token; numbers as read.
``n_polysyllables``    tokens of 3+ syllables, names and numbers included (SMOG's rule).
``n_letters``          alphabetic characters in tokens (Coleman-Liau's L).
``n_characters``       letters and digits in tokens (ARI's "characters"); textstat counts every
                       non-space character, punctuation included, for ARI.
``n_complex_words``    Gunning's "hard words": 3+ syllables, except (a) capitalised words not
                       first in their sentence (proper nouns), (b) numbers, (c) compounds of
                       easy words: hyphenated with every part under 3 syllables, or closed
                       compounds of two familiar (Dale-Chall) words of 3+ letters ("however"),
                       (d) words that reach 3 syllables only through -es, -ed or -ing (the stem
                       has under 3). textstat instead counts 3+ syllable words *not on the
                       Dale-Chall list*.
``n_difficult_words``  Dale-Chall: tokens not on the familiar list after removing regular
                       inflections (-s, -es, -ies, -'s, -s', -ed, -d, -ied, -ing, -er, -est,
                       -ier, -iest, with doubled consonants and dropped "e" restored); numbers
                       and proper nouns (as above) are familiar; a hyphenated word is familiar
                       when all its parts are. textstat matches the bare list only.
=====================  ========================================================================

"Numbers" are tokens that start with a digit ("800,000", "7th", "7-year-old"). The
familiar-word list is the one textstat ships (``coverage/data/dale_chall_familiar_words.txt``, see
``SOURCES_readability.md``).

Other measures: ``mean_sentence_length`` and ``sd_sentence_length`` (sample SD, ``n - 1``) in
words per sentence; ``mtld`` (:func:`mtld`) on the lower-cased tokens of the whole text, in order.

Reporter's prose apart from quotations: ``exclude_spans`` (quotation spans, e.g. from
``coverage.quotes``) drops every sentence of which more than ``quoted_share_threshold`` (0.5) of
the characters lie inside the spans, and, in the sentences kept, every word token that starts
inside a span; what remains of a kept sentence counts as one sentence. The counts
``n_sentences_excluded`` and ``n_words_excluded`` say how much was left out.

Headlines are scored by a separate call (the pipeline does this); a one-line headline is one
sentence.

:func:`analyze_readability` gives what the pipeline's readability stage records for one article
(body, headline, reporter's prose) from one tokenization: each distinct token's facts are
computed once per process (:class:`_Word`, cached by the token's text; each whitespace chunk's
tokens too) with its summed counts packed into one integer, so a text's counts are one ``sum``
over its tokens; the prose reuses the body's tokens, its sums are the body's less those of the
tokens left out, and only in the sentences partly inside a quotation are tokens located
(:func:`_partly_quoted`). :func:`count_readability` and :func:`score_readability` use the same
code.

References
----------
See each formula's docstring. McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D: A
validation study of sophisticated approaches to lexical diversity assessment. *Behavior Research
Methods* 42(2), 381-392.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain, compress, repeat
from operator import itemgetter, lt
from typing import NamedTuple

from .segment import WORD_RE, merge_spans as _merge, split_sentences
from .syllables import cmu_dictionary, count_syllables

__all__ = [
    "COEFFICIENTS",
    "analyze_readability",
    "automated_readability_index",
    "coleman_liau",
    "count_readability",
    "dale_chall",
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "is_dale_chall_familiar",
    "is_gunning_complex",
    "mtld",
    "score_readability",
    "smog",
]

Span = tuple[int, int]

#: Published coefficients, one entry per formula (see each function's References).
COEFFICIENTS: dict[str, dict[str, float]] = {
    "flesch_reading_ease": {"base": 206.835, "sentence_length": 1.015, "syllables_per_word": 84.6},
    "flesch_kincaid_grade": {"sentence_length": 0.39, "syllables_per_word": 11.8, "base": -15.59},
    "gunning_fog": {"scale": 0.4},
    "smog": {"slope": 1.0430, "sample_sentences": 30.0, "base": 3.1291},
    "coleman_liau": {"letters": 0.0588, "sentences": 0.296, "base": -15.8},
    "ari": {"characters_per_word": 4.71, "words_per_sentence": 0.5, "base": -21.43},
    "dale_chall": {"difficult": 0.1579, "sentence_length": 0.0496, "adjustment": 3.6365,
                   "adjustment_above_pct": 5.0},
}


# ---------------------------------------------------------------------------------------------
# Formulas
# ---------------------------------------------------------------------------------------------

def flesch_reading_ease(n_words: int, n_sentences: int, n_syllables: int) -> float:
    """Flesch Reading Ease: 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words).

    Parameters
    ----------
    n_words, n_sentences, n_syllables : int
        Counts for the text.

    Returns
    -------
    float
        Higher is easier (0-100 for most prose); ``nan`` without words or sentences.

    Examples
    --------
    >>> round(flesch_reading_ease(100, 5, 150), 3)
    59.635

    References
    ----------
    Flesch, R. (1948). A new readability yardstick. *Journal of Applied Psychology* 32(3),
    221-233.
    """
    if n_words == 0 or n_sentences == 0:
        return math.nan
    c = COEFFICIENTS["flesch_reading_ease"]
    return (c["base"] - c["sentence_length"] * (n_words / n_sentences)
            - c["syllables_per_word"] * (n_syllables / n_words))


def flesch_kincaid_grade(n_words: int, n_sentences: int, n_syllables: int) -> float:
    """Flesch-Kincaid Grade Level: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59.

    Parameters
    ----------
    n_words, n_sentences, n_syllables : int

    Returns
    -------
    float
        US school grade; ``nan`` without words or sentences.

    Examples
    --------
    >>> round(flesch_kincaid_grade(100, 5, 150), 2)
    9.91

    References
    ----------
    Kincaid, J. P., Fishburne, R. P., Rogers, R. L. & Chissom, B. S. (1975). *Derivation of new
    readability formulas (Automated Readability Index, Fog Count and Flesch Reading Ease
    Formula) for Navy enlisted personnel*. Research Branch Report 8-75, Naval Technical Training
    Command, Millington, TN.
    """
    if n_words == 0 or n_sentences == 0:
        return math.nan
    c = COEFFICIENTS["flesch_kincaid_grade"]
    return (c["sentence_length"] * (n_words / n_sentences)
            + c["syllables_per_word"] * (n_syllables / n_words) + c["base"])


def gunning_fog(n_words: int, n_sentences: int, n_complex_words: int) -> float:
    """Gunning Fog Index: 0.4 (words/sentences + 100 complex words/words).

    Parameters
    ----------
    n_words, n_sentences : int
    n_complex_words : int
        Gunning's hard words (see :func:`is_gunning_complex`): three or more syllables, but not
        proper nouns, compounds of easy words, or verbs made three syllables by -es/-ed/-ing.
        textstat 0.7.13 passes instead the 3+ syllable words missing from the Dale-Chall list,
        so it counts names ("Administration", "Democratic") and inflections ("detected");
        the formula itself is the same.

    Returns
    -------
    float
        US school grade; ``nan`` without words or sentences.

    Examples
    --------
    >>> round(gunning_fog(100, 5, 10), 2)
    12.0

    References
    ----------
    Gunning, R. (1952). *The Technique of Clear Writing*. New York: McGraw-Hill.
    """
    if n_words == 0 or n_sentences == 0:
        return math.nan
    c = COEFFICIENTS["gunning_fog"]
    return c["scale"] * ((n_words / n_sentences) + (100 * n_complex_words / n_words))


def smog(n_polysyllables: int, n_sentences: int) -> float:
    """SMOG grade: 1.0430 sqrt(polysyllables x 30 / sentences) + 3.1291.

    The polysyllable count is normalised to a 30-sentence sample, as McLaughlin prescribes
    for texts of other lengths (his formula is defined on 30 sentences).

    Parameters
    ----------
    n_polysyllables : int
        Words of three or more syllables (repeats counted).
    n_sentences : int

    Returns
    -------
    float
        US school grade; ``nan`` without sentences.

    Examples
    --------
    >>> round(smog(10, 30), 4)
    6.4274

    References
    ----------
    McLaughlin, G. H. (1969). SMOG grading: a new readability formula. *Journal of Reading*
    12(8), 639-646.
    """
    if n_sentences == 0:
        return math.nan
    c = COEFFICIENTS["smog"]
    return c["slope"] * (c["sample_sentences"] * (n_polysyllables / n_sentences)) ** 0.5 + c["base"]


def coleman_liau(n_letters: int, n_words: int, n_sentences: int) -> float:
    """Coleman-Liau Index: 0.0588 L - 0.296 S - 15.8.

    L is letters per 100 words, S sentences per 100 words. textstat 0.7.13 uses 0.058 for L
    (its value is lower by 0.0008 L, about 0.4 grade for news prose); we follow the paper.

    Parameters
    ----------
    n_letters, n_words, n_sentences : int

    Returns
    -------
    float
        US school grade; ``nan`` without words.

    Examples
    --------
    >>> round(coleman_liau(500, 100, 5), 3)
    12.12

    References
    ----------
    Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for machine
    scoring. *Journal of Applied Psychology* 60(2), 283-284.
    """
    if n_words == 0:
        return math.nan
    c = COEFFICIENTS["coleman_liau"]
    letters = n_letters / n_words * 100
    sentences = n_sentences / n_words * 100
    return (c["letters"] * letters) - (c["sentences"] * sentences) + c["base"]


def automated_readability_index(n_characters: int, n_words: int, n_sentences: int) -> float:
    """Automated Readability Index: 4.71 (characters/words) + 0.5 (words/sentences) - 21.43.

    Parameters
    ----------
    n_characters : int
        Letters and digits ("strokes") in words; not punctuation. textstat 0.7.13 counts every
        non-space character and divides by a word count that includes punctuation-only tokens
        (the formula is the same).
    n_words, n_sentences : int

    Returns
    -------
    float
        US school grade; ``nan`` without words or sentences.

    Examples
    --------
    >>> round(automated_readability_index(500, 100, 5), 2)
    12.12

    References
    ----------
    Smith, E. A. & Senter, R. J. (1967). *Automated Readability Index*. AMRL-TR-66-220,
    Aerospace Medical Research Laboratories, Wright-Patterson AFB, Ohio.
    """
    if n_words == 0 or n_sentences == 0:
        return math.nan
    c = COEFFICIENTS["ari"]
    return (c["characters_per_word"] * (n_characters / n_words)
            + c["words_per_sentence"] * (n_words / n_sentences) + c["base"])


def dale_chall(n_words: int, n_sentences: int, n_difficult_words: int) -> float:
    """Dale-Chall (1948) score: 0.1579 PDW + 0.0496 ASL, plus 3.6365 when PDW > 5.

    PDW is the percentage of words not on the Dale list of 3,000 familiar words, ASL the
    average sentence length in words. The result is the raw score (4.9 or lower: grade 4 and
    below; 9.0-9.9: grades 13-15), not the grade band.

    Parameters
    ----------
    n_words, n_sentences : int
    n_difficult_words : int
        Words not familiar (see :func:`is_dale_chall_familiar`): familiar are list words and
        their regular inflections, numbers and proper nouns, as Dale and Chall instruct.
        textstat 0.7.13 matches the bare list, so "families" or "separated" count as difficult
        there; the formula, with its 3.6365 adjustment above 5 %, is the same.

    Returns
    -------
    float
        ``nan`` without words or sentences.

    Examples
    --------
    >>> round(dale_chall(100, 5, 10), 4)
    6.2075

    References
    ----------
    Dale, E. & Chall, J. S. (1948). A formula for predicting readability. *Educational Research
    Bulletin* 27(1), 11-20 and 27(2), 37-54.
    """
    if n_words == 0 or n_sentences == 0:
        return math.nan
    c = COEFFICIENTS["dale_chall"]
    pdw = 100 * n_difficult_words / n_words
    score = (c["difficult"] * pdw) + (c["sentence_length"] * (n_words / n_sentences))
    if pdw > c["adjustment_above_pct"]:
        score += c["adjustment"]
    return score


def _mtld_one_way(tokens: Iterable[str], total: int, threshold: float) -> float:
    # A new type never lowers the TTR, so the threshold is only tested on repeated tokens.
    factors = 0.0
    types: set[str] = set()
    add = types.add
    n_types = n_tokens = 0
    for tok in tokens:
        n_tokens += 1
        if tok not in types:
            add(tok)
            n_types += 1
        elif n_types / n_tokens <= threshold:
            factors += 1.0
            types.clear()
            n_types = n_tokens = 0
    if n_tokens:  # the partial factor of the last, unfinished segment
        factors += (1.0 - n_types / n_tokens) / (1.0 - threshold)
    return total / factors if factors > 0 else math.nan


def mtld(tokens: Sequence[str], threshold: float = 0.72) -> float:
    """Measure of Textual Lexical Diversity, bidirectional (McCarthy & Jarvis 2010).

    Walk the tokens; whenever the running type-token ratio of the current segment falls to
    ``threshold`` or below, count one factor and start a new segment. The left-over segment
    adds the partial factor (1 - TTR) / (1 - threshold). MTLD = tokens / factors, computed
    forwards and backwards and averaged.

    Parameters
    ----------
    tokens : sequence of str
        Word tokens, already case-folded if case should not matter.
    threshold : float
        The TTR factor size, 0.72 in the paper.

    Returns
    -------
    float
        ``nan`` when there is not a single repetition (no factor at all).

    Examples
    --------
    >>> mtld("a b a b a b".split())  # a factor ends at "a b a" (TTR 2/3), twice each way
    3.0

    References
    ----------
    McCarthy, P. M. & Jarvis, S. (2010). MTLD, vocd-D, and HD-D. *Behavior Research Methods*
    42(2), 381-392.
    """
    forward = _mtld_one_way(tokens, len(tokens), threshold)
    backward = _mtld_one_way(reversed(tokens), len(tokens), threshold)
    return (forward + backward) / 2


# ---------------------------------------------------------------------------------------------
# Word classes
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _familiar_words() -> frozenset[str]:
    raw = resources.files("coverage.data").joinpath("dale_chall_familiar_words.txt")
    return frozenset(w.strip() for w in raw.read_text("utf-8").splitlines() if w.strip())


#: The last letters of the inflections :func:`_stems` removes.
_INFLECTION_LAST_LETTERS = frozenset("tsrdg")


def _stems(w: str) -> list[str]:
    """Base forms a regular inflection of ``w`` could come from (most specific first)."""
    out: list[str] = []
    if w.endswith("'s"):
        return [w[:-2]]
    if w.endswith("'"):
        return [w[:-1]]
    if w[-1:] not in _INFLECTION_LAST_LETTERS:
        return out
    for suffix, repl in (("iest", "y"), ("ier", "y"), ("ies", "y"), ("ied", "y")):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            out.append(w[: -len(suffix)] + repl)
    for suffix in ("ing", "est", "ed", "er", "es", "s", "d"):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)]
            out.append(stem)
            if suffix in ("ing", "est", "ed", "er"):
                out.append(stem + "e")  # "used", "larger", "making"
                if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                    out.append(stem[:-1])  # "stopped", "bigger"
    return out


@lru_cache(maxsize=100_000)
def is_dale_chall_familiar(word: str) -> bool:
    """Whether a lower-case word is familiar for Dale-Chall (list word or regular inflection).

    Parameters
    ----------
    word : str
        Lower-case word; typographic apostrophes are mapped to ``'``.

    Returns
    -------
    bool

    Examples
    --------
    >>> [is_dale_chall_familiar(w) for w in ("children", "parents", "stopped", "judge", "asylum")]
    [True, True, True, True, False]
    """
    w = word.replace("\u2019", "'")
    familiar = _familiar_words()
    if w in familiar:
        return True
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        return bool(parts) and all(is_dale_chall_familiar(p) for p in parts)
    return any(stem in familiar for stem in _stems(w))


@lru_cache(maxsize=100_000)
def is_gunning_complex(word: str) -> bool:
    """Whether a lower-case word is one of Gunning's "hard words" (before the proper-noun rule).

    Three or more syllables, except compounds of easy words and words that reach three
    syllables only through -es, -ed or -ing. Numbers are never hard. Capitalised words
    (proper nouns) are excluded by the caller, which knows the word's position.

    Parameters
    ----------
    word : str
        Lower-case word.

    Returns
    -------
    bool

    Examples
    --------
    >>> [is_gunning_complex(w) for w in ("unconstitutional", "detected", "however", "three-year")]
    [True, False, False, False]

    References
    ----------
    Gunning, R. (1952). *The Technique of Clear Writing*, chapter 3 (the Fog Index's rules).
    """
    if not word or word[0].isdigit():
        return False
    if count_syllables(word).n < 3:
        return False
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        if all(count_syllables(p).n < 3 for p in parts):
            return False
    table = cmu_dictionary()
    for suffix in ("es", "ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            for cand in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
                n = table.get(cand)
                if n is not None and n < 3:
                    return False
    if "-" not in word and "'" not in word and len(word) >= 6:
        familiar = _familiar_words()
        for i in range(3, len(word) - 2):
            if word[:i] in familiar and word[i:] in familiar:
                return False
    return True


class _Word(NamedTuple):
    """Facts about one token; the count fields are 0/1 or counts, ready to be summed."""

    lower: str
    syllables: int
    syllables_cmudict: int  # = syllables when looked up in the CMU dictionary, else 0
    in_cmudict: int
    polysyllable: int
    letters: int
    characters: int
    capitalized: bool
    familiar: bool  # Dale-Chall, before the proper-noun rule
    complex: bool  # Gunning, before the proper-noun rule
    difficult_inside: int  # Dale-Chall difficult when not sentence-initial, proper nouns familiar
    difficult_inside_strict: int  # ... when proper nouns are not treated as familiar
    complex_inside: int  # Gunning complex when not sentence-initial (capitalised: a name)
    token: str  # the token's text
    packed: int  # the summed fields (_SUMMED), each in _FIELD_BITS bits of one int


_MAX_CACHE = 500_000

#: The fields of :class:`_Word` that are summed over a text's tokens. Each token's values are
#: packed into one int, ``_FIELD_BITS`` bits per field, so one ``sum`` adds all nine at once.
#: Every value is at most 3 per character of its token plus 1 (syllables: "w" is three; digits
#: two at most; letters and characters one), so the sums cannot carry from one field into the
#: next for texts under ``_PACKED_MAX_CHARS`` characters; longer texts are summed field by field.
_SUMMED = ("syllables", "syllables_cmudict", "in_cmudict", "polysyllable", "letters",
           "characters", "difficult_inside", "difficult_inside_strict", "complex_inside")
_FIELD_BITS = 40
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_PACKED_MAX_CHARS = 1 << (_FIELD_BITS - 3)


def _make_word(token: str) -> _Word:
    lower = token.lower().replace("\u2019", "'").replace("\u2018", "'")
    syl = count_syllables(token)
    number = token[0].isdigit()
    capitalized = token[0].isupper()
    familiar = number or is_dale_chall_familiar(lower)
    n = syl.n
    if number:
        complex_ = False
    elif n < 3 and token == lower:  # is_gunning_complex(lower)'s first test, already answered
        complex_ = False
    else:
        complex_ = is_gunning_complex(lower)
    in_cmu = int(syl.source == "cmudict")
    letters = len(token) if token.isalpha() else sum(map(str.isalpha, token))
    characters = len(token) if token.isalnum() else sum(map(str.isalnum, token))
    difficult = int(not familiar and not capitalized)
    difficult_strict = int(not familiar)
    complex_inside = int(complex_ and not capitalized)
    n_cmu = n if in_cmu else 0
    poly = int(n >= 3)
    packed = (n | n_cmu << _B1 | in_cmu << _B2 | poly << _B3 | letters << _B4
              | characters << _B5 | difficult << _B6 | difficult_strict << _B7
              | complex_inside << _B8)  # the _SUMMED fields, packed
    return _new_tuple(_Word, (lower, n, n_cmu, in_cmu, poly, letters, characters, capitalized,
                              familiar, complex_, difficult, difficult_strict, complex_inside,
                              token, packed))  # = _Word(...), without its Python-level __new__


_new_tuple = tuple.__new__


_B1, _B2, _B3, _B4, _B5, _B6, _B7, _B8 = (k * _FIELD_BITS for k in range(1, 9))


_WORD_FINDALL = WORD_RE.findall


def _chunk_words(chunk: str) -> tuple[_Word, ...]:
    """Facts about the word tokens of one whitespace-free chunk, in order.

    No token of :data:`coverage.segment.WORD_RE` contains whitespace, and its only lookaround
    that looks past the token (``\\b``) sees whitespace and the end of the string alike, so the
    tokens of a span are exactly the tokens of its whitespace-separated chunks, in order.
    """
    return tuple(map(_WORDS.__getitem__, _WORD_FINDALL(chunk)))


class _Cache(dict):
    """A bounded memo: ``cache[key]`` computes ``make(key)`` on first sight."""

    def __init__(self, make) -> None:  # noqa: ANN001
        super().__init__()
        self.make = make

    def __missing__(self, key: str):  # noqa: ANN204
        if len(self) >= _MAX_CACHE:
            self.clear()
        value = self[key] = self.make(key)
        return value


_WORDS = _Cache(_make_word)  # token text -> _Word
_CHUNKS = _Cache(_chunk_words)  # whitespace-separated chunk -> its words' facts


_FIELDS = {name: itemgetter(i) for i, name in enumerate(_Word._fields)}


# ---------------------------------------------------------------------------------------------
# Counting and scoring
# ---------------------------------------------------------------------------------------------

def count_readability(
    text: str,
    sentences: Sequence[Span] | None = None,
    *,
    exclude_spans: Sequence[Span] | None = None,
    quoted_share_threshold: float = 0.5,
    proper_nouns_familiar: bool = True,
    mtld_threshold: float = 0.72,
) -> dict[str, float | int]:
    """The counts behind the readability formulas (see the module docstring for the rules).

    Parameters
    ----------
    text : str
        Clean text.
    sentences : list of (int, int), optional
        Sentence spans from :func:`coverage.segment.split_sentences` (computed if omitted).
    exclude_spans : list of (int, int), optional
        Spans to leave out, typically quotations: a sentence whose characters lie more than
        ``quoted_share_threshold`` inside these spans is dropped entirely; in the sentences
        kept, word tokens that start inside a span are dropped. The remaining words of a kept
        sentence count as one sentence.
    quoted_share_threshold : float
        See ``exclude_spans`` (share of the sentence span's characters, 0-1).
    proper_nouns_familiar : bool
        Count capitalised words that are not first in their sentence as familiar (Dale-Chall).
    mtld_threshold : float
        MTLD factor size.

    Returns
    -------
    dict
        ``n_sentences, n_words, n_syllables, n_polysyllables, n_letters, n_characters,
        n_difficult_words, n_complex_words, mean_sentence_length, sd_sentence_length``
        (sample SD, ``nan`` below two sentences), ``syllables_per_word, mtld,
        n_syllables_from_cmudict, n_syllables_from_fallback, n_words_from_cmudict,
        n_words_from_fallback, n_sentences_excluded, n_words_excluded``.
    """
    if sentences is None:
        sentences = split_sentences(text)
    infos, sizes = _sentence_infos(text, sentences)
    big = len(text) >= _PACKED_MAX_CHARS
    selected = _body_selection(sizes, infos, big)
    if exclude_spans:
        selected = _prose_selection(text, sentences, sizes, selected, _merge(exclude_spans),
                                    quoted_share_threshold)
    return _tally(*selected, big=big, proper_nouns_familiar=proper_nouns_familiar,
                  mtld_threshold=mtld_threshold)


def _sentence_infos(text: str, sentences: Sequence[Span], chunks: list[list[str]] | None = None
                    ) -> tuple[list[_Word], list[int]]:
    """Facts about every word token of the sentences, in order, and how many each sentence
    has; each sentence's whitespace-separated chunks are appended to ``chunks``, if given."""
    chunk_words = _CHUNKS.__getitem__
    infos: list[_Word] = []
    extend = infos.extend
    sizes: list[int] = []
    size = 0
    keep = None if chunks is None else chunks.append
    for s, e in sentences:
        parts = text[s:e].split()
        if keep is not None:
            keep(parts)
        extend(chain.from_iterable(map(chunk_words, parts)))
        sizes.append(len(infos) - size)
        size = len(infos)
    return infos, sizes


def sentence_words(text: str, sentences: Sequence[Span], chunks: list[list[str]] | None = None
                   ) -> tuple[list[_Word], list[int]]:
    """Every word token of the sentences (as the facts readability counts), and how many each
    sentence has: ``sizes[k] == len(WORD_RE.findall(text, *sentences[k]))``.

    The pipeline's segment stage takes the sentences' word counts from here and hands the
    tokens on to :func:`analyze_readability` (``words=``), so the text is tokenized once; with
    a list ``chunks``, it also receives ``text[s:e].split()`` of every sentence, for
    :func:`coverage.sentiment.analyze_sentiment` (``chunks=``).
    """
    return _sentence_infos(text, sentences, chunks)


def _sentence_words(text: str, sentences: Sequence[Span]) -> tuple[list[str], list[int]]:
    """Every word token of the sentences, in order, and how many each sentence has (the
    tokens' text; ``tests/test_stages_fast.py`` builds its selections from it)."""
    infos, sizes = _sentence_infos(text, sentences)
    return list(map(_TOKEN, infos)), sizes


#: What :func:`_tally` counts: the tokens' facts in order, the length of every sentence
#: counted, the facts of each one's first token, sentences and words excluded, and the tokens'
#: packed sums (None for a text too long to pack them).
_Selection = tuple[list[_Word], list[int], list[_Word], int, int, int | None]


def _body_selection(sizes: list[int], infos: list[_Word], big: bool = False) -> _Selection:
    firsts = list(map(infos.__getitem__, compress(accumulate(sizes, initial=0), sizes)))
    return (infos, list(filter(None, sizes)), firsts, 0, 0,
            None if big else sum(map(_PACKED, infos)))


def _prose_selection(text: str, sentences: Sequence[Span], sizes: list[int], body: _Selection,
                     quotes: list[Span], threshold: float) -> _Selection:
    """The reporter's prose: sentences more than ``threshold`` inside ``quotes`` (merged
    spans) dropped, and in the others the tokens that start inside a span.

    ``body`` is :func:`_body_selection` of the same tokens. The sentences that no span
    overlaps keep all their tokens (a token starting inside a span would overlap it), so the
    selection is ``body`` with only the overlapped sentences changed; of these, those partly
    inside are located token by token (:func:`_partly_quoted`). The packed sums are the
    body's less those of the tokens left out.
    """
    infos, lengths, firsts, total = body[0], body[1], body[2], body[5]
    q_starts = [qs for qs, _ in quotes]
    q_ends = [qe for _, qe in quotes]
    # the spans overlapping sentence k are quotes[los[k]:his[k]]
    los = list(map(bisect.bisect_right, repeat(q_ends), map(_FIRST, sentences)))
    his = list(map(bisect.bisect_left, repeat(q_starts), map(_SECOND, sentences)))
    offsets = list(accumulate(sizes, initial=0))  # sentence k's tokens: offsets[k]:offsets[k + 1]
    heads = list(accumulate(map(bool, sizes), initial=0))  # its entry in lengths and firsts
    kept: list[_Word] = []
    k_lengths: list[int] = []
    k_firsts: list[_Word] = []
    dropped: list[_Word] = []
    n_sent_excluded = n_words_excluded = 0
    done = 0  # the sentences before this one are in the selection
    for k in compress(range(len(sizes)), map(lt, los, his)):
        kept += infos[offsets[done]:offsets[k]]
        k_lengths += lengths[heads[done]:heads[k]]
        k_firsts += firsts[heads[done]:heads[k]]
        done = k + 1
        s, e = sentences[k]
        lo, hi = los[k], his[k]
        inside = 0
        for qs, qe in quotes[lo:hi]:
            inside += min(e, qe) - max(s, qs)
        if inside > threshold * (e - s):
            n_sent_excluded += 1
            n_words_excluded += sizes[k]
            dropped += infos[offsets[k]:offsets[k + 1]]
            continue
        words = _partly_quoted(text, s, e, infos[offsets[k]:offsets[k + 1]], q_starts[lo:hi],
                               q_ends[lo:hi], dropped)
        n_words_excluded += sizes[k] - len(words)
        if words:
            kept += words
            k_lengths.append(len(words))
            k_firsts.append(words[0])
    if not done:  # no span overlaps a sentence
        return body
    kept += infos[offsets[done]:]
    k_lengths += lengths[heads[done]:]
    k_firsts += firsts[heads[done]:]
    if total is not None:
        total -= sum(map(_PACKED, dropped))
    return kept, k_lengths, k_firsts, n_sent_excluded, n_words_excluded, total


def _partly_quoted(text: str, s: int, e: int, infos: list[_Word], q_starts: list[int],
                   q_ends: list[int], dropped: list[_Word]) -> list[_Word]:
    """Of the tokens of ``text[s:e]`` (their facts ``infos``, in order), those that start
    outside the spans (sorted and disjoint, each overlapping the sentence); the others are
    appended to ``dropped``.

    A token starts at the first occurrence of its text after the end of the one before: every
    token starts with a letter or digit, and :data:`coverage.segment.WORD_RE` matches at the
    first letter or digit it meets, so there is none between two tokens.
    """
    find = text.find
    starts: list[int] = []
    pos = s
    for tok in map(_TOKEN, infos):
        pos = find(tok, pos, e)
        starts.append(pos)
        pos += len(tok)
    kept: list[_Word] = []
    m = 0  # the tokens before m are done
    for qs, qe in zip(q_starts, q_ends):
        a = bisect.bisect_left(starts, qs, m)
        kept += infos[m:a]
        m = bisect.bisect_left(starts, qe, a)  # tokens a .. m-1 start inside the span
        dropped += infos[a:m]
    kept += infos[m:]
    return kept


_PACKED = itemgetter(len(_Word._fields) - 1)
_LOWER = itemgetter(0)
_SYLLABLES = itemgetter(1)
_TOKEN = itemgetter(len(_Word._fields) - 2)
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
_DIFFICULT, _DIFFICULT_STRICT, _COMPLEX, _COMPLEX_INSIDE = (
    _FIELDS[f] for f in ("difficult_inside", "difficult_inside_strict", "complex",
                         "complex_inside"))


def _tally(infos: list[_Word], lengths: list[int], firsts: list[_Word], n_sent_excluded: int,
           n_words_excluded: int, total: int | None, *, big: bool = False,
           proper_nouns_familiar: bool = True,
           mtld_threshold: float | None = 0.72) -> dict[str, float | int]:
    """:func:`count_readability`'s counts from a selection of tokens (``mtld_threshold`` None:
    MTLD not computed, ``nan``); ``big``: sum field by field, not ``total``."""
    # Every token is first counted as if it were not sentence-initial (a capitalised word is
    # then a proper noun) ...
    if not big:
        if total is None:
            total = sum(map(_PACKED, infos))
        (n_syl, n_syl_cmu, n_words_cmu, n_poly, n_letters, n_chars, n_diff_proper,
         n_diff_strict, n_complex) = [(total >> (k * _FIELD_BITS)) & _FIELD_MASK
                                      for k in range(len(_SUMMED))]
    else:  # a text too long for packed sums
        (n_syl, n_syl_cmu, n_words_cmu, n_poly, n_letters, n_chars, n_diff_proper,
         n_diff_strict, n_complex) = [sum(map(_FIELDS[f], infos)) for f in _SUMMED]
    # ... then a capitalised first word of a sentence is an ordinary word again: one that is
    # not familiar is difficult (difficult_inside_strict - difficult_inside = 1), and one that
    # is complex counts (complex - complex_inside = 1)
    if proper_nouns_familiar:
        n_diff = (n_diff_proper + sum(map(_DIFFICULT_STRICT, firsts))
                  - sum(map(_DIFFICULT, firsts)))
    else:
        n_diff = n_diff_strict
    n_complex += sum(map(_COMPLEX, firsts)) - sum(map(_COMPLEX_INSIDE, firsts))
    n_sent = len(lengths)
    n_words = len(infos)
    mean_len = n_words / n_sent if n_sent else math.nan
    if n_sent > 1:
        sd_len = math.sqrt(sum([(x - mean_len) ** 2 for x in lengths]) / (n_sent - 1))
    else:
        sd_len = math.nan
    if n_words and mtld_threshold is not None:
        mtld_ = mtld(list(map(_LOWER, infos)), mtld_threshold)
    else:
        mtld_ = math.nan
    return {
        "n_sentences": n_sent,
        "n_words": n_words,
        "n_syllables": n_syl,
        "n_polysyllables": n_poly,
        "n_letters": n_letters,
        "n_characters": n_chars,
        "n_difficult_words": n_diff,
        "n_complex_words": n_complex,
        "mean_sentence_length": mean_len,
        "sd_sentence_length": sd_len,
        "syllables_per_word": n_syl / n_words if n_words else math.nan,
        "mtld": mtld_,
        "n_syllables_from_cmudict": n_syl_cmu,
        "n_syllables_from_fallback": n_syl - n_syl_cmu,
        "n_words_from_cmudict": n_words_cmu,
        "n_words_from_fallback": n_words - n_words_cmu,
        "n_sentences_excluded": n_sent_excluded,
        "n_words_excluded": n_words_excluded,
    }


def score_readability(
    text: str,
    sentences: Sequence[Span] | None = None,
    **params: object,
) -> dict[str, float | int]:
    """Readability indices and their counts for one text (a headline or a body).

    Parameters
    ----------
    text : str
        Clean text.
    sentences : list of (int, int), optional
        Spans from :func:`coverage.segment.split_sentences`; computed if omitted.
    **params
        Passed to :func:`count_readability`: ``exclude_spans`` (quotation spans to leave out,
        so the scores describe the reporter's own prose), ``quoted_share_threshold`` (0.5),
        ``proper_nouns_familiar`` (True), ``mtld_threshold`` (0.72).

    Returns
    -------
    dict
        ``flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog, coleman_liau, ari,
        dale_chall`` (``nan`` for a text without words) and every key of
        :func:`count_readability`.

    Examples
    --------
    >>> r = score_readability("The cat sat on the mat. The dog ran.")
    >>> r["n_sentences"], r["n_words"], r["n_syllables"]
    (2, 9, 9)
    >>> round(r["flesch_reading_ease"], 3)
    117.668
    """
    counts = count_readability(text, sentences, **params)  # type: ignore[arg-type]
    scores = _indices(counts)
    scores.update(counts)
    return scores


def _indices(counts: dict[str, float | int]) -> dict[str, float | int]:
    """The seven formulas on :func:`count_readability`'s counts."""
    w, s = counts["n_words"], counts["n_sentences"]
    return {
        "flesch_reading_ease": flesch_reading_ease(w, s, counts["n_syllables"]),
        "flesch_kincaid_grade": flesch_kincaid_grade(w, s, counts["n_syllables"]),
        "gunning_fog": gunning_fog(w, s, counts["n_complex_words"]),
        "smog": smog(counts["n_polysyllables"], s),
        "coleman_liau": coleman_liau(counts["n_letters"], w, s),
        "ari": automated_readability_index(counts["n_characters"], w, s),
        "dale_chall": dale_chall(w, s, counts["n_difficult_words"]),
    }


def analyze_readability(
    text: str,
    sentences: Sequence[Span],
    title: str = "",
    verbatim_spans: Sequence[Span] | None = None,
    *,
    mtld_threshold: float = 0.72,
    quoted_share_threshold: float = 0.5,
    words: tuple[list[_Word], list[int]] | None = None,
) -> dict[str, float | int]:
    """Everything the pipeline's readability stage records for one article.

    The body's indices and counts (:func:`score_readability`), the headline's word count and
    Flesch Reading Ease, and, when ``verbatim_spans`` is given, the indices of the reporter's
    own prose (``exclude_spans=verbatim_spans``). The body and the prose share one
    tokenization and one lookup of every token's facts; values are those of
    :func:`score_readability`, computed by the same code.

    Parameters
    ----------
    text : str
        Clean article text.
    sentences : list of (int, int)
        Sentence spans (:func:`coverage.segment.split_sentences`).
    title : str
        The headline ("" for none).
    verbatim_spans : list of (int, int), optional
        The sources' own words (:func:`coverage.quotes.verbatim_spans`); None: no ``prose_``
        keys.
    mtld_threshold : float
        MTLD factor size.
    quoted_share_threshold : float
        A sentence more than this share inside ``verbatim_spans`` is left out of the prose.
    words : (list, list of int), optional
        :func:`sentence_words` of ``text`` and ``sentences``, when the caller has it already.

    Returns
    -------
    dict
        :func:`score_readability`'s keys for the body but ``n_sentences`` and ``n_words``;
        ``headline_n_words, headline_flesch_reading_ease`` (0 and ``nan`` without a
        headline); then ``prose_`` + the seven indices, ``prose_n_words`` and
        ``prose_mean_sentence_length`` when ``verbatim_spans`` is not None.

    Examples
    --------
    >>> t = 'The cat sat. "We won," he said.'
    >>> r = analyze_readability(t, [(0, 12), (13, 31)], "Cats", [(13, 21)])
    >>> r["n_words_from_cmudict"], r["headline_n_words"], r["prose_n_words"]
    (7, 1, 5)
    """
    big = len(text) >= _PACKED_MAX_CHARS
    infos, sizes = _sentence_infos(text, sentences) if words is None else words
    body = _body_selection(sizes, infos, big)
    counts = _tally(*body, big=big, mtld_threshold=mtld_threshold)
    out = _indices(counts)
    out.update(counts)
    del out["n_sentences"], out["n_words"]  # the segment stage's counts stand
    if title:
        h_infos, h_sizes = _sentence_infos(title, split_sentences(title))
        out["headline_n_words"] = len(h_infos)
        out["headline_flesch_reading_ease"] = flesch_reading_ease(
            len(h_infos), len(h_sizes) - h_sizes.count(0), sum(map(_SYLLABLES, h_infos)))
    else:
        out["headline_n_words"] = 0
        out["headline_flesch_reading_ease"] = math.nan
    if verbatim_spans is not None:
        quotes = _merge(verbatim_spans)
        if quotes:
            prose = _tally(*_prose_selection(text, sentences, sizes, body, quotes,
                                             quoted_share_threshold),
                           big=big, mtld_threshold=None)
        else:
            prose = counts
        for key, value in _indices(prose).items():
            out[f"prose_{key}"] = value
        out["prose_n_words"] = prose["n_words"]
        out["prose_mean_sentence_length"] = prose["mean_sentence_length"]
    return out
