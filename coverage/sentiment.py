"""Sentiment: VADER per sentence, never on a whole article, then aggregated.

Engines (``score_sentiment(..., engine=...)``):

``"vader"`` (default)
    Our re-implementation of VADER's algorithm as published in vaderSentiment 3.3.2
    (``SentimentIntensityAnalyzer.polarity_scores``, the authors' code), written for speed: the
    lexicon and emoji table load once per process, each whitespace token's punctuation-stripped
    form, lower case, lexicon valence, ALL-CAPS flag and negation flag are computed once and
    cached, and the rules then work on those precomputed lists instead of re-lower-casing the
    sentence for every lexicon word. Each token also has a role: most can neither change a
    valence nor have their own changed, and a sentence of such tokens (with, at most, "but" and
    boosters or negations with no lexicon word in the three tokens after them) is scored from
    its lexicon valences alone, without running the rules; in the others only the lexicon
    words that a rule can reach go through them, and the idiom rule is only evaluated where
    two consecutive tokens could start an idiom (a sentence holding one of its rarer words).
    Every rule, its order and its floating-point operations are those of 3.3.2,
    including its quirks (the "but" rule rescales by *value* lookup, the three-words-back
    "so"/"this" boost, "no" before a lexicon word); the test-suite asserts ``==`` on all four
    scores against vaderSentiment 3.3.2, and ``benchmarks/validate_vader.py`` finds no
    difference on the 23,703 texts of the VADER ground-truth sets. Nothing is cached per
    sentence or per text.
``"vadersentiment"``
    vaderSentiment 3.3.2 itself (the reference).
``"nltk"``
    NLTK's port (``nltk.sentiment.vader``), with the lexicon from
    :func:`coverage.resources.ensure_nltk_data`. It differs from 3.3.2 on some sentences
    (on 1,555 of the 5,190 NYT editorial snippets, 229 of them in the compound score; see
    ``benchmarks/validate_vader.py``).

Per article, :func:`analyze_sentiment` gives everything the pipeline's sentiment stage records
(sentence scores and voices, the article's summary, means by voice, sentiment toward targets) in
plain Python. :func:`summarize_sentiment`, :func:`sentiment_by_voice` and
:func:`sentiment_toward` are thin DataFrame wrappers over the same rules, so each rule has one
implementation; means are summed in numpy's pairwise order, so they equal ``Series.mean()`` to
the last bit.

Quote normalisation: before scoring, typographic quotation marks and apostrophes are mapped to
ASCII (:func:`normalize_quotes`: ``‘ ’ ‚ ‛ ′`` to ``'`` and ``“ ” „ ‟ ″`` to ``"``), one character
for one, so offsets do not move. VADER only strips ASCII punctuation and only recognises
ASCII contractions ("n't"), so without this ``“Cruel”`` is not found in the lexicon and
``haven’t`` is not a negation. Every engine receives the normalised sentence.

References
----------
Hutto, C. J. & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment
analysis of social media text. *Proceedings of the Eighth International AAAI Conference on
Weblogs and Social Media (ICWSM-14)*, 216-225.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import compress, islice, repeat
from operator import itemgetter, le, lt
from typing import Literal

import numpy as np
import pandas as pd

from .segment import merge_spans as _merge

__all__ = [
    "DEFAULT_TARGETS",
    "QUOTE_MAP",
    "SENTENCE_COLUMNS",
    "analyze_sentiment",
    "normalize_quotes",
    "polarity_scores",
    "score_sentiment",
    "sentiment_by_voice",
    "sentiment_toward",
    "summarize_sentiment",
]

Span = tuple[int, int]
Engine = Literal["vader", "vadersentiment", "nltk"]

#: Columns of :func:`score_sentiment`'s table.
SENTENCE_COLUMNS = ["sentence_id", "start", "end", "compound", "pos", "neu", "neg"]

#: Targets for :func:`sentiment_toward` when none are given (the seed event's actors).
DEFAULT_TARGETS = ("administration", "Trump", "ACLU", "Sessions", "Sabraw", "judge",
                   "parents", "children")

#: Typographic quotation marks and apostrophes and their ASCII replacements.
QUOTE_MAP: dict[str, str] = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
}


def normalize_quotes(text: str) -> str:
    """Map typographic quotation marks and apostrophes to ASCII, one character for one.

    ``‘ ’ ‚ ‛ ′`` become ``'`` and ``“ ” „ ‟ ″`` become ``"`` (:data:`QUOTE_MAP`), so offsets
    into the text stay valid.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        Same length as ``text``.

    Examples
    --------
    >>> print(normalize_quotes("\u201cWe haven\u2019t,\u201d she said."))
    "We haven't," she said.
    """
    if text.isascii():
        return text
    for typographic, ascii_ in QUOTE_MAP.items():
        if typographic in text:  # str.replace per mark is ~100x faster than str.translate
            text = text.replace(typographic, ascii_)
    return text


# ---------------------------------------------------------------------------------------------
# VADER 3.3.2, re-implemented
# ---------------------------------------------------------------------------------------------
# Constants as in vaderSentiment 3.3.2 (vaderSentiment/vaderSentiment.py).
B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"  # string.punctuation


@lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], dict[str, float], dict[str, float]]:
    """NEGATE, BOOSTER_DICT and SPECIAL_CASES, read from vaderSentiment 3.3.2 itself."""
    from vaderSentiment import vaderSentiment as vs

    return frozenset(vs.NEGATE), dict(vs.BOOSTER_DICT), dict(vs.SPECIAL_CASES)


@lru_cache(maxsize=1)
def _lexicons() -> tuple[dict[str, float], dict[str, str]]:
    """The VADER lexicon and emoji table from the vaderSentiment package data (loaded once).

    Parsed exactly as ``SentimentIntensityAnalyzer.make_lex_dict``/``make_emoji_dict`` do.
    """
    pkg = resources.files("vaderSentiment")
    lex: dict[str, float] = {}
    for line in pkg.joinpath("vader_lexicon.txt").read_text("utf-8").rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lex[word] = float(measure)
    emojis: dict[str, str] = {}
    for line in pkg.joinpath("emoji_utf8_lexicon.txt").read_text("utf-8").rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        emojis[emoji] = description
    return lex, emojis


class _Vader:
    """Per-process state: lexicon, rules, and a cache of per-token facts."""

    _MAX_CACHE = 500_000

    def __init__(self) -> None:
        self.lexicon, self.emojis = _lexicons()
        self.negate, self.booster, self.special = _rules()
        # polarity_scores replaces characters one at a time, so only 1-char keys can match
        self.emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        # _special_idioms_check can only change a valence when two consecutive tokens form the
        # first two words of a multi-word SPECIAL_CASES or BOOSTER_DICT key (sequences always
        # hold a space, so one-word keys never match). Every such pair holds a trigger word (the
        # pair's words but the frequent function words of _NOT_TRIGGERS), so a sentence without
        # a trigger has no idiom, and one with a trigger is checked pair by pair.
        keys = [k.split() for k in (*self.special, *self.booster) if " " in k]
        self.idiom_pairs = frozenset((a, b) for k in keys for a, b in zip(k, k[1:]))
        self.idiom_triggers = frozenset(
            w for pair in self.idiom_pairs
            for w in (set(pair) - _NOT_TRIGGERS or pair))  # both words when both are frequent
        # The words that can change the valence of a lexicon word up to three tokens later
        # (boosters, negations, "no", "never", "so"/"this", "least").
        self.affecting_words = frozenset(
            {*self.booster, *self.negate, "no", "never", "so", "this", "least"})
        self.cache = _TokenCache(self)
        self.chunk_cache = _ChunkCache(self.cache)

    def token(self, tok: str) -> tuple[str, float | None, bool, bool, bool, bool, bool, int]:
        """(lower, valence or None, ALL CAPS, negation, scored, idiom trigger, affecting, role).

        The token is stripped of ASCII punctuation unless that leaves two characters or fewer
        (``SentiText._strip_punc_if_word``), then lower-cased; ``scored`` is True for a lexicon
        word that is not a booster (the only words whose valence VADER computes);
        ``affecting`` is True for a token that may change the valence of the three after it.
        ``role`` says what a rule may do with the token (see :meth:`scores`): :data:`_PLAIN`
        nothing; :data:`_AFFECTS` change the valence of the three after it (it has none
        itself); :data:`_BUT` rescale the sentiments around it; :data:`_OTHER` anything else
        (a scored word that a rule may change itself, an idiom trigger).
        """
        stripped = tok.strip(_PUNCTUATION)
        item = tok if len(stripped) <= 2 else stripped
        lower = item.lower()
        val = self.lexicon.get(lower)
        upper = item.isupper()
        negation = lower in self.negate or "n't" in lower
        scored = val is not None and lower not in self.booster
        trigger = lower in self.idiom_triggers
        affecting = negation or lower in self.affecting_words
        if trigger or (scored and (affecting or upper or lower == "kind")):
            role = _OTHER
        elif affecting:
            role = _AFFECTS
        elif lower == "but":
            role = _BUT
        else:
            role = _PLAIN
        return (lower, val, upper, negation, scored, trigger, affecting, role)

    def _replace_emojis(self, text: str) -> str:
        # vaderSentiment 3.3.2 polarity_scores, first loop, verbatim in effect
        out = []
        prev_space = True
        emojis = self.emojis
        for chr_ in text:
            if chr_ in emojis:
                if not prev_space:
                    out.append(" ")
                out.append(emojis[chr_])
                prev_space = False
            else:
                out.append(chr_)
                prev_space = chr_ == " "
        return "".join(out)

    def polarity_scores(self, text: str) -> dict[str, float]:
        compound, pos, neu, neg = self.scores(text)
        return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}

    def scores(self, text: str) -> tuple[float, float, float, float]:
        """``(compound, pos, neu, neg)`` of one sentence, as vaderSentiment 3.3.2 rounds them.

        Three paths, by the roles of the tokens (:meth:`token`), which give the same floats as
        3.3.2's rules: a sentence of plain tokens only needs no rule, its sentiments are the
        lexicon valences of its scored words and zeros (the tokens' :class:`_TokenCache`
        values); so does one whose other tokens are "but" and affecting tokens with no scored
        word among the three after each, but for :func:`_but_check`; the others take
        :meth:`_ruled_scores`. Only non-zero sentiments are kept (with their positions, for
        :func:`_but_check`): :func:`_score_valence` needs no more.
        """
        if not text.isascii() and not self.emoji_chars.isdisjoint(text):
            text = self._replace_emojis(text)
        # 3.3.2 strips the text first; that changes neither the tokens nor the "!"/"?" counts
        tokens = text.split()
        return self._valued_scores(list(map(self.cache.__getitem__, tokens)), text, tokens)

    def chunk_scores(self, text: str, sentences: Sequence[Span], chunks: Sequence[list[str]]
                     ) -> list[tuple[float, float, float, float]]:
        """:meth:`scores` of every sentence span of ``text``, a text after
        :func:`normalize_quotes`, given each sentence's tokens before it: ``chunks[k]`` is
        ``raw[s:e].split()`` of the text before normalization.

        Normalization maps single characters to single non-space characters, so these are
        the sentence's tokens but for the marks it maps, and the chunk cache takes them as
        they are (:class:`_ChunkCache`); a sentence is only split again when rules apply (or
        it holds an emoji)."""
        get = self.chunk_cache.__getitem__
        emojis = self.emoji_chars
        out = []
        for (s, e), tokens in zip(sentences, chunks):
            sentence = text[s:e]
            if not sentence.isascii() and not emojis.isdisjoint(sentence):
                out.append(self.scores(sentence))
            else:
                out.append(self._valued_scores(list(map(get, tokens)), sentence))
        return out

    def _valued_scores(self, values: list[float], text: str, tokens: list[str] | None = None
                       ) -> tuple[float, float, float, float]:
        """:meth:`scores` of a sentence (emojis replaced) from its tokens' :class:`_TokenCache`
        values; ``tokens`` is ``text.split()``, split here if not given and needed."""
        if _RULED not in values:
            # lexicon valences are never 0, so these are the non-zero sentiments, in order
            nonzero = list(filter(None, values))
            if not nonzero:  # no word to score: what score_valence makes of n zeros
                return _ALL_NEUTRAL if values else _EMPTY
            return _score_valence(nonzero, len(values), text)
        if tokens is None:
            tokens = text.split()
        n = len(values)
        facts = self.cache.facts
        but = -1
        r = -1
        for _ in range(values.count(_RULED)):
            r = values.index(_RULED, r + 1)
            role = facts[tokens[r]][7]
            if role == _AFFECTS:
                for value in values[r + 1:r + 4]:
                    if value and value != _RULED:  # a scored word it may change
                        return self._ruled_scores(tokens, text)
            elif role != _BUT:
                return self._ruled_scores(tokens, text)
            elif but < 0:
                but = r
        if but < 0:
            nonzero = list(filter(_RULED.__ne__, filter(None, values)))
            return _score_valence(nonzero, n, text) if nonzero else _ALL_NEUTRAL
        positions = [i for i in compress(range(n), values) if values[i] != _RULED]
        nonzero = [values[i] for i in positions]
        if not nonzero:
            return _ALL_NEUTRAL
        _but_check(but, positions, nonzero)
        return _score_valence(nonzero, n, text)

    def _ruled_scores(self, tokens: list[str], text: str) -> tuple[float, float, float, float]:
        """:meth:`scores` of a sentence with rules to apply (same arguments, split).

        A scored word gets its bare valence unless an affecting token is among the three
        before it, it is "no" or in ALL CAPS (in a sentence not all in capitals), or the
        sentence holds an idiom; then :meth:`_valence` computes it.
        """
        infos = list(map(self.cache.facts.__getitem__, tokens))
        n = len(infos)
        hits = list(compress(range(n), map(_SCORED, infos)))
        if not hits:
            return _ALL_NEUTRAL
        lowers = list(map(_LOWER, infos))
        n_upper = sum(map(_UPPER, infos))
        is_cap_diff = 0 < n - n_upper < n
        idiom_starts = self._idiom_starts(infos, lowers) if any(map(_TRIGGER, infos)) else ()
        affected = [False] * (n + 3)  # affected[i]: an affecting token among i-3 .. i-1
        for j in compress(range(n), map(_AFFECTING, infos)):
            affected[j + 1] = affected[j + 2] = affected[j + 3] = True
        positions: list[int] = []
        values: list[float] = []
        for i in hits:
            info = infos[i]
            lw = info[0]
            if i < n - 1 and lw == "kind" and lowers[i + 1] == "of":
                continue
            if affected[i] or idiom_starts or lw == "no" or (info[2] and is_cap_diff):
                valence = self._valence(infos, lowers, i, n, info[1], info[2], is_cap_diff,
                                        idiom_starts)
                if not valence:
                    continue
            else:
                valence = info[1]
            positions.append(i)
            values.append(valence)
        if "but" in lowers:
            _but_check(lowers.index("but"), positions, values)
        return _score_valence(values, n, text)

    def _idiom_starts(self, infos, lowers):  # noqa: ANN001
        """Positions j where tokens j, j+1 are the first two words of an idiom/booster key."""
        pairs = self.idiom_pairs
        starts = set()
        last = len(infos) - 1
        for k in compress(range(len(infos)), map(_TRIGGER, infos)):
            if k > 0 and (lowers[k - 1], lowers[k]) in pairs:
                starts.add(k - 1)
            if k < last and (lowers[k], lowers[k + 1]) in pairs:
                starts.add(k)
        return sorted(starts)

    def _valence(self, infos, lowers, i, n, val, upper, is_cap_diff, idiom_starts):  # noqa: ANN001
        """``SentimentIntensityAnalyzer.sentiment_valence`` for a lexicon word at ``i``.

        The loop ``for start_i in range(0, 3)`` and the calls to ``scalar_inc_dec`` and
        ``_negation_check`` are unrolled; the operations and their order are unchanged.
        """
        lw = lowers[i]
        valence = val
        if lw == "no" and i != n - 1 and lowers[i + 1] in self.lexicon:
            valence = 0.0
        if ((i > 0 and lowers[i - 1] == "no")
                or (i > 1 and lowers[i - 2] == "no")
                or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))):
            valence = val * N_SCALAR
        if upper and is_cap_diff:
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR
        booster = self.booster
        if i > 0:  # start_i == 0: the word before
            prev = infos[i - 1]
            if prev[1] is None:
                s = 0.0
                if prev[0] in booster:
                    s = booster[prev[0]]
                    if valence < 0:
                        s *= -1
                    if prev[2] and is_cap_diff:
                        if valence > 0:
                            s += C_INCR
                        else:
                            s -= C_INCR
                valence = valence + s
                if prev[3]:
                    valence = valence * N_SCALAR
        if i > 1:  # start_i == 1: two words before
            prev = infos[i - 2]
            if prev[1] is None:
                s = 0.0
                if prev[0] in booster:
                    s = booster[prev[0]]
                    if valence < 0:
                        s *= -1
                    if prev[2] and is_cap_diff:
                        if valence > 0:
                            s += C_INCR
                        else:
                            s -= C_INCR
                if s != 0:
                    s = s * 0.95
                valence = valence + s
                if lowers[i - 2] == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
                    valence = valence * 1.25
                elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
                    valence = valence
                elif prev[3]:
                    valence = valence * N_SCALAR
        if i > 2:  # start_i == 2: three words before
            prev = infos[i - 3]
            if prev[1] is None:
                s = 0.0
                if prev[0] in booster:
                    s = booster[prev[0]]
                    if valence < 0:
                        s *= -1
                    if prev[2] and is_cap_diff:
                        if valence > 0:
                            s += C_INCR
                        else:
                            s -= C_INCR
                if s != 0:
                    s = s * 0.9
                valence = valence + s
                if (lowers[i - 3] == "never"
                        and (lowers[i - 2] == "so" or lowers[i - 2] == "this")
                        or (lowers[i - 1] == "so" or lowers[i - 1] == "this")):
                    valence = valence * 1.25
                elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt"
                                                     or lowers[i - 1] == "doubt"):
                    valence = valence
                elif prev[3]:
                    valence = valence * N_SCALAR
                if idiom_starts and any(i - 3 <= j <= i + 1 for j in idiom_starts):
                    valence = self._special_idioms_check(valence, lowers, i, n)
        # _least_check
        if i > 1 and infos[i - 1][1] is None and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and infos[i - 1][1] is None and lowers[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence

    def _special_idioms_check(self, valence, w, i, n):  # noqa: ANN001
        special = self.special
        onezero = f"{w[i - 1]} {w[i]}"
        twoonezero = f"{w[i - 2]} {w[i - 1]} {w[i]}"
        twoone = f"{w[i - 2]} {w[i - 1]}"
        threetwoone = f"{w[i - 3]} {w[i - 2]} {w[i - 1]}"
        threetwo = f"{w[i - 3]} {w[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in special:
                valence = special[seq]
                break
        if n - 1 > i:
            zeroone = f"{w[i]} {w[i + 1]}"
            if zeroone in special:
                valence = special[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{w[i]} {w[i + 1]} {w[i + 2]}"
            if zeroonetwo in special:
                valence = special[zeroonetwo]
        booster = self.booster
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in booster:
                valence = valence + booster[n_gram]
        return valence


def _but_check(but: int, positions: list[int], values: list[float]) -> None:
    """SentimentIntensityAnalyzer._but_check of 3.3.2 on the non-zero sentiments, in place.

    3.3.2 walks every sentiment and finds its position by *value* (``list.index``), so equal
    scores before "but" (at ``but``) are rescaled more than once. Zeros only ever find and
    rescale zeros, and non-zero values never become zero, so walking the non-zero ones
    (``values``, at ``positions``) changes them exactly as 3.3.2 does.
    """
    for k in range(len(values)):
        sentiment = values[k]
        m = values.index(sentiment)
        si = positions[m]
        if si < but:
            values[m] = sentiment * 0.5
        elif si > but:
            values[m] = sentiment * 1.5


def _score_valence(nonzero: list[float], n: int, text: str) -> tuple[float, float, float, float]:
    """SentimentIntensityAnalyzer.score_valence (+ _punctuation_emphasis,
    _sift_sentiment_scores) of ``n > 0`` sentiments given by their non-zero values, in order.

    Zeros add nothing to a sum that starts at int 0 (no partial sum is then -0.0) and are only
    counted as neutral, so the floats are those of 3.3.2 on the whole list.
    """
    sum_s = float(sum(nonzero))
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        if qm_count <= 3:
            qm_amplifier = qm_count * 0.18
        else:
            qm_amplifier = 0.96
    punct_emph_amplifier = ep_amplifier + qm_amplifier
    if sum_s > 0:
        sum_s += punct_emph_amplifier
    elif sum_s < 0:
        sum_s -= punct_emph_amplifier
    compound = sum_s / _sqrt((sum_s * sum_s) + 15)
    if compound < -1.0:
        compound = -1.0
    elif compound > 1.0:
        compound = 1.0
    pos_sum = 0.0
    neg_sum = 0.0
    for sentiment_score in nonzero:  # float(s) + 1 in 3.3.2: the same float (s is float or int)
        if sentiment_score > 0:
            pos_sum += sentiment_score + 1
        else:
            neg_sum += sentiment_score - 1
    # abs() of a float is math.fabs()
    if pos_sum > abs(neg_sum):
        pos_sum += punct_emph_amplifier
    elif pos_sum < abs(neg_sum):
        neg_sum -= punct_emph_amplifier
    neu_count = n - len(nonzero)
    total = pos_sum + abs(neg_sum) + neu_count
    pos = abs(pos_sum / total)
    neg = abs(neg_sum / total)
    neu = abs(neu_count / total)
    return (round(compound, 4), round(pos, 3), round(neu, 3), round(neg, 3))


class _Facts(dict):
    """Token -> :meth:`_Vader.token` facts, filled on first sight (bounded)."""

    def __init__(self, vader: _Vader) -> None:
        super().__init__()
        self.vader = vader

    def __missing__(self, tok: str):  # noqa: ANN204
        if len(self) >= _Vader._MAX_CACHE:
            self.clear()
        info = self[tok] = self.vader.token(tok)
        return info


class _TokenCache(dict):
    """Token -> what a sentence of unruled tokens needs of it: its valence when scored, 0.0
    when not, :data:`_RULED` for a ruled token; filled on first sight (bounded). The facts
    themselves are in ``facts``; ``clear()`` empties both."""

    def __init__(self, vader: _Vader) -> None:
        super().__init__()
        self.facts = _Facts(vader)

    def __missing__(self, tok: str) -> float:
        if len(self) >= _Vader._MAX_CACHE:
            self.clear()
        info = self.facts[tok]
        value = self[tok] = _RULED if info[7] != _PLAIN else info[1] if info[4] else 0.0
        return value

    def clear(self) -> None:
        super().clear()
        self.facts.clear()


class _ChunkCache(dict):
    """A chunk of a text before :func:`normalize_quotes` -> the :class:`_TokenCache` value of
    the token it becomes; filled on first sight (bounded)."""

    def __init__(self, tokens: _TokenCache) -> None:
        super().__init__()
        self.tokens = tokens

    def __missing__(self, chunk: str) -> float:
        if len(self) >= _Vader._MAX_CACHE:
            self.clear()
        value = self[chunk] = self.tokens[normalize_quotes(chunk)]
        return value


_LOWER, _UPPER, _SCORED, _TRIGGER, _AFFECTING = map(itemgetter, (0, 2, 4, 5, 6))
_FIRST, _SECOND = itemgetter(0), itemgetter(1)
#: A ruled token's :class:`_TokenCache` value (a float, so that ``in`` compares floats only;
#: lexicon valences are finite).
_RULED = math.inf
#: Token roles (:meth:`_Vader.token`).
_PLAIN, _AFFECTS, _BUT, _OTHER = range(4)
_sqrt = math.sqrt
#: Frequent function words in idiom pairs ("the shit", "kind of"), not used as triggers.
_NOT_TRIGGERS = frozenset({"the", "of", "to", "for", "just", "right", "stop"})
# score_valence of n > 0 zeros: compound 0/sqrt(15) = 0.0, pos 0/n, neu n/n, neg 0/n; of none: 0s
_ALL_NEUTRAL = (0.0, 0.0, 1.0, 0.0)
_EMPTY = (0.0, 0.0, 0.0, 0.0)


@lru_cache(maxsize=1)
def _vader() -> _Vader:
    return _Vader()


@lru_cache(maxsize=1)
def _reference_analyzer():  # noqa: ANN202
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _nltk_analyzer():  # noqa: ANN202
    from .resources import ensure_nltk_data

    ensure_nltk_data()
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def polarity_scores(sentence: str, engine: Engine = "vader", *,
                    normalize: bool = True) -> dict[str, float]:
    """VADER scores of one sentence.

    Parameters
    ----------
    sentence : str
        One sentence (VADER is a sentence-level model).
    engine : {"vader", "vadersentiment", "nltk"}
        See the module docstring; ``"vader"`` equals ``"vadersentiment"`` exactly.
    normalize : bool
        Apply :func:`normalize_quotes` first.

    Returns
    -------
    dict
        ``neg, neu, pos`` (rounded to 3 decimals) and ``compound`` (4 decimals), as VADER.

    Examples
    --------
    >>> polarity_scores("The book was good.")
    {'neg': 0.0, 'neu': 0.508, 'pos': 0.492, 'compound': 0.4404}
    """
    if normalize:
        sentence = normalize_quotes(sentence)
    if engine == "vader":
        return _vader().polarity_scores(sentence)
    if engine == "vadersentiment":
        return _reference_analyzer().polarity_scores(sentence)
    if engine == "nltk":
        return _nltk_analyzer().polarity_scores(sentence)
    raise ValueError(
        f"unknown sentiment engine {engine!r}; use 'vader', 'vadersentiment' or 'nltk'")


def _scorer(engine: Engine):  # noqa: ANN202
    """``sentence -> (compound, pos, neu, neg)`` for an engine."""
    if engine == "vader":
        return _vader().scores
    if engine in ("vadersentiment", "nltk"):
        analyzer = _reference_analyzer() if engine == "vadersentiment" else _nltk_analyzer()

        def score(sentence: str) -> tuple[float, float, float, float]:
            r = analyzer.polarity_scores(sentence)
            return (r["compound"], r["pos"], r["neu"], r["neg"])
        return score
    raise ValueError(
        f"unknown sentiment engine {engine!r}; use 'vader', 'vadersentiment' or 'nltk'")


def _sentence_scores(text: str, sentences: Sequence[Span], engine: Engine = "vader",
                     normalize: bool = True, chunks: Sequence[list[str]] | None = None
                     ) -> list[tuple[float, float, float, float]]:
    """``(compound, pos, neu, neg)`` of every sentence span, in order (plain Python);
    ``chunks``: ``text[s:e].split()`` of every sentence, if at hand (see
    :meth:`_Vader.chunk_scores`)."""
    score = _scorer(engine)
    if normalize:
        text = normalize_quotes(text)
        if chunks is not None and engine == "vader":
            return _vader().chunk_scores(text, sentences, chunks)
    return [score(text[s:e]) for s, e in sentences]


def score_sentiment(
    text: str,
    sentences: Sequence[Span] | None = None,
    *,
    engine: Engine = "vader",
    normalize: bool = True,
) -> pd.DataFrame:
    """VADER scores for every sentence of ``text``.

    Parameters
    ----------
    text : str
        Clean article text.
    sentences : list of (int, int), optional
        Spans from :func:`coverage.segment.split_sentences` (computed if omitted).
    engine : {"vader", "vadersentiment", "nltk"}
        ``"vader"``: our fast implementation, identical to vaderSentiment 3.3.2;
        ``"vadersentiment"``: the authors' package; ``"nltk"``: NLTK's port.
    normalize : bool
        Map typographic quotes/apostrophes to ASCII before scoring (:func:`normalize_quotes`).

    Returns
    -------
    pandas.DataFrame
        One row per sentence: ``sentence_id`` (0-based, in order), ``start``, ``end``,
        ``compound``, ``pos``, ``neu``, ``neg``.

    Examples
    --------
    >>> score_sentiment("The book was good. The plot was bad.")[["sentence_id", "compound"]]
       sentence_id  compound
    0            0    0.4404
    1            1   -0.5423
    """
    if sentences is None:
        from .segment import split_sentences

        sentences = split_sentences(text)
    rows = _sentence_scores(text, sentences, engine, normalize)
    n = len(sentences)
    values = np.array(rows, dtype=np.float64).reshape(n, 4)
    spans = np.array(sentences, dtype=np.int64).reshape(n, 2)
    return _frame([np.arange(n, dtype=np.int64), spans[:, 0].copy(), spans[:, 1].copy(),
                   *(values[:, k].copy() for k in range(4))])


def _frame(columns: list[np.ndarray]) -> pd.DataFrame:
    """The sentence table from its column arrays (:data:`SENTENCE_COLUMNS`, in order).

    ``DataFrame._from_arrays`` skips the per-column checks of ``DataFrame(dict)`` (a third of
    the time of a 30-sentence article's scoring); the public constructor is the fallback.
    """
    try:
        return pd.DataFrame._from_arrays(columns, columns=_COLUMN_INDEX,
                                         index=pd.RangeIndex(len(columns[0])),
                                         verify_integrity=False)
    except (AttributeError, TypeError):  # pragma: no cover - a pandas without it
        return pd.DataFrame(dict(zip(SENTENCE_COLUMNS, columns)))


_COLUMN_INDEX = pd.Index(SENTENCE_COLUMNS)


# ---------------------------------------------------------------------------------------------
# Aggregation rules, on plain lists (the DataFrame functions and analyze_sentiment share them)
# ---------------------------------------------------------------------------------------------

def _pairwise_sum(a: Sequence[float], lo: int, n: int) -> float:
    # numpy's pairwise summation of float64 (numpy/_core/src/umath/loops_utils.h.src): 8
    # accumulators up to 128 values, halving above; the same operations in the same order, so
    # the same float as ``np.add.reduce`` (and so ``ndarray.mean``/``Series.mean``).
    if n < 8:
        res = -0.0
        for i in range(lo, lo + n):
            res += a[i]
        return res
    if n <= 128:
        r0, r1, r2, r3, r4, r5, r6, r7 = a[lo:lo + 8]
        stop = lo + n - n % 8
        for j in range(lo + 8, stop, 8):
            r0 += a[j]
            r1 += a[j + 1]
            r2 += a[j + 2]
            r3 += a[j + 3]
            r4 += a[j + 4]
            r5 += a[j + 5]
            r6 += a[j + 6]
            r7 += a[j + 7]
        res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        for j in range(stop, lo + n):
            res += a[j]
        return res
    n2 = n // 2
    n2 -= n2 % 8
    return _pairwise_sum(a, lo, n2) + _pairwise_sum(a, lo + n2, n - n2)


def _mean(values: Sequence[float]) -> float:
    """The mean exactly as numpy/pandas compute it (``nan`` for no values)."""
    n = len(values)
    return (0.0 + _pairwise_sum(values, 0, n)) / n if n else math.nan


def _summary(ids: Sequence[int], comp: Sequence[float], pos_threshold: float,
             neg_threshold: float, evidence: Callable[[int], str | None] | None,
             ) -> dict[str, float | int | str | None]:
    """:func:`summarize_sentiment`'s rules; ``evidence(k)`` is the text of the k-th sentence."""
    n = len(comp)
    out: dict[str, float | int | str | None] = {"n_sentences": n}
    if n == 0:
        out.update(mean_compound=math.nan, share_positive=math.nan, share_negative=math.nan,
                   share_neutral=math.nan)
        for side in ("most_negative", "most_positive"):
            out.update({f"{side}_sentence_id": None, f"{side}_compound": math.nan,
                        f"{side}_text": None})
        return out
    n_pos = n_neg = 0
    for c in comp:
        if c >= pos_threshold:
            n_pos += 1
        if c <= neg_threshold:
            n_neg += 1
    out.update(
        mean_compound=_mean(comp),
        share_positive=n_pos / n,
        share_negative=n_neg / n,
        share_neutral=(n - n_pos - n_neg) / n,
    )
    # ties go to the first sentence, and a nan is both extremes, as numpy's argmin/argmax
    total = sum(comp)  # nan if there is one
    k_nan = next((k for k, c in enumerate(comp) if c != c), None) if total != total else None
    k_min = comp.index(min(comp)) if k_nan is None else k_nan
    k_max = comp.index(max(comp)) if k_nan is None else k_nan
    for side, k in (("most_negative", k_min), ("most_positive", k_max)):
        out.update({f"{side}_sentence_id": int(ids[k]), f"{side}_compound": float(comp[k]),
                    f"{side}_text": evidence(k)})
    return out


def _voices(starts: Sequence[int], ends: Sequence[int], quote_spans: Iterable[Span],
            threshold: float) -> tuple[list[float], list[str]]:
    """:func:`sentiment_by_voice`'s rule: each sentence's quoted share and its voice."""
    spans = _merge(quote_spans)
    shares = [0.0] * len(starts)
    if spans:
        q_starts = [qs for qs, _ in spans]
        q_ends = [qe for _, qe in spans]
        # merged spans are sorted and disjoint: those overlapping sentence k are contiguous,
        # spans[los[k]:his[k]]; a sentence that none overlaps has the share 0.0
        los = list(map(bisect_right, repeat(q_ends), starts))
        his = list(map(bisect_left, repeat(q_starts), ends))
        for k in compress(range(len(starts)), map(lt, los, his)):
            s, e = starts[k], ends[k]
            inside = 0
            for qs, qe in spans[los[k]:his[k]]:
                inside += min(e, qe) - max(s, qs)
            shares[k] = inside / (e - s) if e > s else 0.0
    return shares, ["quoted" if x > threshold else "reporter" for x in shares]


@lru_cache(maxsize=256)
def _target_pattern(target: str) -> tuple[re.Pattern[str], bool]:
    """The target as a whole word, and whether it ignores case (it does unless it has a
    capital letter)."""
    ignore_case = not any(c.isupper() for c in target)
    return (re.compile(r"\b" + re.escape(target) + r"\b", re.IGNORECASE if ignore_case else 0),
            ignore_case)


#: The characters other than A-Z that ``re.IGNORECASE`` matches to an ASCII letter (Python
#: 3.11: dotted capital I, dotless i, long s, Kelvin sign), and that letter.
_IGNORECASE_EXTRA = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def _folded(text: str) -> str | bytes | None:
    """``text`` with every character that ``re.IGNORECASE`` equates to an ASCII letter
    replaced by that letter in lower case, one character for one (other non-ASCII characters
    may become ``?``); None if that cannot be done."""
    if text.isascii():
        return text.lower()
    if not any(char in text for char, _ in _IGNORECASE_EXTRA):
        return text.encode("ascii", "replace").lower()  # one byte per character
    for char, letter in _IGNORECASE_EXTRA:
        text = text.replace(char, letter)
    folded = text.lower()
    return folded if len(folded) == len(text) else None


def _occurrences(haystack: str | bytes, needle: str | bytes) -> list[int]:
    """Every start of ``needle`` in ``haystack``, overlapping ones included."""
    out = []
    i = haystack.find(needle)  # type: ignore[arg-type]
    while i >= 0:
        out.append(i)
        i = haystack.find(needle, i + 1)  # type: ignore[arg-type]
    return out


def _toward(text: str, starts: Sequence[int], ends: Sequence[int], ids: Sequence[int],
            comp: Sequence[float], targets: Sequence[str]) -> list[dict]:
    """:func:`sentiment_toward`'s rows.

    ``pattern.search(text, start, end)`` finds a match in a sentence exactly when
    ``pattern.match(text, p, end)`` succeeds at some ``p`` in it (``re`` decides ``\b`` at
    ``p`` from the character before ``p`` either way), and a match can only start where the
    bare target occurs; so only those places are tried. They come from ``str.find`` on the
    text, or for a case-insensitive ASCII target on the text folded as ``re.IGNORECASE`` folds
    it. Without sorted, disjoint sentences or a foldable text, every sentence is searched.
    """
    rows = []
    n = len(ids)
    ordered = all(map(le, ends, islice(starts, 1, None))) and all(map(le, starts, ends))
    folded: str | bytes | None | bool = False  # not computed yet
    for target in targets:
        pattern, ignore_case = _target_pattern(target)
        places: list[int] | None = None
        if not ordered:
            pass
        elif not ignore_case:
            places = _occurrences(text, target)
        elif target.isascii():
            if folded is False:
                folded = _folded(text)
            if isinstance(folded, bytes):
                places = _occurrences(folded, target.encode("ascii"))
            elif folded is not None:
                places = _occurrences(folded, target)
        if places is None:
            hit = [k for k in range(n) if pattern.search(text, starts[k], ends[k])]
        else:
            hit = []
            size = len(target)
            match = pattern.match
            last = -1
            for p in places:
                k = bisect_right(starts, p) - 1
                if k > last and p + size <= ends[k] and match(text, p, ends[k]):
                    hit.append(k)
                    last = k
        rows.append({
            "target": target,
            "n_sentences": len(hit),
            "mean_compound": (sum(map(comp.__getitem__, hit)) / len(hit)) if hit else math.nan,
            "sentence_ids": list(map(int, map(ids.__getitem__, hit))),
        })
    return rows


def summarize_sentiment(
    sentence_scores: pd.DataFrame,
    pos_threshold: float = 0.05,
    neg_threshold: float = -0.05,
    *,
    text: str | None = None,
) -> dict[str, float | int | str | None]:
    """Aggregate sentence scores into article-level figures, with the extreme sentences as evidence.

    A sentence is positive when ``compound >= pos_threshold``, negative when
    ``compound <= neg_threshold``, neutral otherwise (VADER's recommended 0.05 cut-offs).

    Parameters
    ----------
    sentence_scores : pandas.DataFrame
        From :func:`score_sentiment` (a ``text`` column, if present, supplies the evidence).
    pos_threshold, neg_threshold : float
    text : str, optional
        The scored text, to quote the extreme sentences when there is no ``text`` column.

    Returns
    -------
    dict
        ``n_sentences, mean_compound, share_positive, share_negative, share_neutral,
        most_negative_sentence_id, most_negative_compound, most_negative_text,
        most_positive_sentence_id, most_positive_compound, most_positive_text``; shares and
        means ``nan`` and evidence ``None`` without sentences. Ties go to the first sentence.

    Examples
    --------
    >>> t = "The book was good. The plot was bad. It rained."
    >>> s = summarize_sentiment(score_sentiment(t), text=t)
    >>> s["share_positive"], s["most_negative_text"]
    (0.3333333333333333, 'The plot was bad.')
    """
    if len(sentence_scores) == 0:
        return _summary([], [], pos_threshold, neg_threshold, None)
    comp = sentence_scores["compound"].to_numpy(dtype=float).tolist()
    ids = sentence_scores["sentence_id"].tolist()
    if "text" in sentence_scores.columns:
        texts = sentence_scores["text"].tolist()

        def evidence(k: int) -> str | None:
            return str(texts[k])
    elif text is not None:
        starts = sentence_scores["start"].tolist()
        ends = sentence_scores["end"].tolist()

        def evidence(k: int) -> str | None:
            return text[int(starts[k]):int(ends[k])]
    else:
        def evidence(k: int) -> str | None:
            return None
    return _summary(ids, comp, pos_threshold, neg_threshold, evidence)


def sentiment_by_voice(
    sentence_scores: pd.DataFrame,
    quote_spans: Iterable[Span],
    threshold: float = 0.5,
) -> pd.DataFrame:
    """Label each sentence as the reporter's voice or quoted speech.

    Parameters
    ----------
    sentence_scores : pandas.DataFrame
        From :func:`score_sentiment` (needs ``start`` and ``end``).
    quote_spans : iterable of (int, int)
        Quotation spans in the same text (e.g. ``extract_quotes(...)[["start", "end"]]``).
    threshold : float
        A sentence is ``"quoted"`` when more than this share of its characters lie inside
        quote spans, else ``"reporter"``.

    Returns
    -------
    pandas.DataFrame
        A copy of ``sentence_scores`` with ``share_quoted`` (0-1) and ``voice``
        (``"reporter"`` or ``"quoted"``). Group by ``voice`` for per-voice means.

    Examples
    --------
    >>> t = 'He left. "It was awful," she said.'
    >>> v = sentiment_by_voice(score_sentiment(t), [(9, 24)])
    >>> list(v["voice"])
    ['reporter', 'quoted']
    """
    out = sentence_scores.copy()
    shares, voices = _voices(out["start"].tolist(), out["end"].tolist(), quote_spans, threshold)
    out["share_quoted"] = pd.Series(shares, index=out.index, dtype="float64")
    out["voice"] = voices
    return out


def sentiment_toward(
    sentence_scores: pd.DataFrame,
    text: str,
    targets: Sequence[str] = DEFAULT_TARGETS,
) -> pd.DataFrame:
    """Mean compound of the sentences that mention each target.

    A target matches as a whole word or phrase (``\\b`` on both sides, so "ACLU's" mentions
    "ACLU"); case-sensitively when the target has a capital letter ("Sessions", not the
    common noun "sessions"), otherwise case-insensitively ("administration").

    Parameters
    ----------
    sentence_scores : pandas.DataFrame
        From :func:`score_sentiment` for ``text``.
    text : str
        The scored text.
    targets : sequence of str
        Names or phrases.

    Returns
    -------
    pandas.DataFrame
        One row per target: ``target, n_sentences, mean_compound`` (``nan`` when no sentence
        mentions it), ``sentence_ids`` (list of int, the evidence).

    Examples
    --------
    >>> t = "The administration lost. The ACLU won a good ruling."
    >>> sentiment_toward(score_sentiment(t), t, ["ACLU", "administration"])["sentence_ids"].tolist()
    [[1], [0]]
    """
    rows = _toward(text, sentence_scores["start"].tolist(), sentence_scores["end"].tolist(),
                   sentence_scores["sentence_id"].tolist(), sentence_scores["compound"].tolist(),
                   targets)
    return pd.DataFrame(rows, columns=["target", "n_sentences", "mean_compound", "sentence_ids"])


def analyze_sentiment(
    text: str,
    sentences: Sequence[Span],
    verbatim_spans: Iterable[Span] = (),
    *,
    engine: Engine = "vader",
    pos_threshold: float = 0.05,
    neg_threshold: float = -0.05,
    voice_threshold: float = 0.5,
    targets: Sequence[str] | None = None,
    chunks: Sequence[list[str]] | None = None,
) -> dict[str, list[dict] | dict]:
    """Everything the pipeline's sentiment stage records for one article, without pandas.

    The same rules, in the same code, as :func:`score_sentiment`, :func:`sentiment_by_voice`,
    :func:`summarize_sentiment` and :func:`sentiment_toward`, so the values are identical
    (means are summed in numpy's pairwise order).

    Parameters
    ----------
    text : str
        Clean article text.
    sentences : list of (int, int)
        Sentence spans (:func:`coverage.segment.split_sentences`).
    verbatim_spans : iterable of (int, int)
        The sources' own words (:func:`coverage.quotes.verbatim_spans`), for the voice of each
        sentence.
    engine : {"vader", "vadersentiment", "nltk"}
    pos_threshold, neg_threshold : float
        Cut-offs for positive and negative sentences.
    voice_threshold : float
        A sentence more than this share inside ``verbatim_spans`` is ``"quoted"``.
    targets : sequence of str, optional
        For :func:`sentiment_toward`; None = :data:`DEFAULT_TARGETS`.
    chunks : sequence of list of str, optional
        ``text[s:e].split()`` of every sentence, when the caller has them already (the
        pipeline's segment stage does, see :func:`coverage.readability.sentence_words`).

    Returns
    -------
    dict
        ``sentences``: one dict per sentence (``compound, pos, neu, neg, share_quoted,
        voice``); ``targets``: :func:`sentiment_toward`'s rows for the targets mentioned at
        least once; ``row``: the article's figures (:func:`summarize_sentiment`'s keys but
        ``n_sentences``, then ``mean_compound_reporter, n_sentences_reporter,
        mean_compound_quoted, n_sentences_quoted``).

    Examples
    --------
    >>> t = 'He left. "It was awful," she said.'
    >>> out = analyze_sentiment(t, [(0, 8), (9, 34)], [(9, 24)])
    >>> [s["voice"] for s in out["sentences"]], out["row"]["mean_compound_quoted"]
    (['reporter', 'quoted'], -0.4588)
    """
    scores = _sentence_scores(text, sentences, engine, chunks=chunks)
    n = len(scores)
    starts = list(map(_FIRST, sentences))
    ends = list(map(_SECOND, sentences))
    comp = list(map(_FIRST, scores))
    shares, voices = _voices(starts, ends, verbatim_spans or (), voice_threshold)
    rows = [{"compound": c, "pos": p, "neu": u, "neg": g, "share_quoted": q, "voice": v}
            for (c, p, u, g), q, v in zip(scores, shares, voices)]
    ids = range(n)
    summary = _summary(ids, comp, pos_threshold, neg_threshold,
                       lambda k: text[starts[k]:ends[k]])
    del summary["n_sentences"]
    row = summary
    for voice in ("reporter", "quoted"):
        part = list(compress(comp, map(voice.__eq__, voices)))
        row[f"mean_compound_{voice}"] = _mean(part)
        row[f"n_sentences_{voice}"] = len(part)
    toward = _toward(text, starts, ends, ids, comp, DEFAULT_TARGETS if targets is None
                     else tuple(targets))
    return {"sentences": rows, "targets": [r for r in toward if r["n_sentences"]], "row": row}
