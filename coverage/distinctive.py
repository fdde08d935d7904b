"""Distinctive words per outlet: weighted log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn's (2008) "Fightin' Words" estimator, each outlet against all other
outlets pooled, for unigrams and bigrams. For an n-gram ``w``, outlet ``i`` and the rest ``j``
(all other outlets), with counts ``y_iw``, ``y_jw``, totals ``n_i``, ``n_j`` and prior
``alpha_w`` (``alpha_0 = sum_w alpha_w``)::

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))           (their eq. 16)
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)                     (their eq. 18)
    z_w     = delta_w / sqrt(var_w)

The informative prior is ``a_w = alpha_0 * f_w / N`` where ``f_w / N`` is the n-gram's share of
a background corpus: by default the pooled corpus being compared (Monroe et al. sec. 3.5.3), or
the counts you pass as ``prior``. ``alpha0=None`` sets ``alpha_0 = N`` (the prior counts are the
pooled counts themselves). Each n-gram order has its own vocabulary, totals and prior.

Tokens: lowercased runs of letters/digits with internal apostrophes, hyphens or periods
(``_TOKEN_RE``: "u.s", "7-year-old", "trump's"); a final period is not part of a token. Bigrams
are pairs of adjacent tokens not separated by sentence punctuation (``.!?;:``) or a line break
(the period after a dotted acronym, "U.S. judge", does not separate when a lowercase word
follows).
This simple regex is used (not ``coverage.segment.tokenize``) so that results do not change with
the segmenter; pass ``tokenizer`` to use another.

References
----------
Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature selection
and evaluation for identifying the content of political conflict. *Political Analysis*, 16(4),
372-403.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["DISTINCTIVE_COLUMNS", "ngrams", "count_ngrams", "ngram_counts", "fightin_words",
           "fightin_words_from_counts"]

logger = logging.getLogger(__name__)

_TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
_BREAK_RE = re.compile(r"[.!?;:\n]")
_HARD_BREAK_RE = re.compile(r"[!?;:\n]")
#: Columns of the table returned by :func:`fightin_words`.
DISTINCTIVE_COLUMNS = (
    "outlet", "ngram", "n", "count", "count_others", "n_tokens", "n_tokens_others", "prior",
    "log_odds_ratio", "variance", "z", "rank",
)


def ngrams(
    text: str,
    n: int = 1,
    tokenizer: Callable[[str], list[str]] | None = None,
    stopwords: Iterable[str] | None = None,
) -> list[str]:
    """The lowercase n-grams of a text (space-joined for n > 1).

    Parameters
    ----------
    text : str
        Any text.
    n : int
        The order (1 = unigrams, 2 = bigrams, ...).
    tokenizer : callable, optional
        ``text -> list of tokens``; when given, n-grams may cross punctuation.
    stopwords : iterable of str, optional
        Lowercase tokens to drop before forming n-grams (within a run).

    Returns
    -------
    list of str

    Examples
    --------
    >>> ngrams("The U.S. judge ruled. Courts agree", 2)
    ['the u.s', 'u.s judge', 'judge ruled', 'courts agree']

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. *Political
    Analysis*, 16(4), 372-403.
    """
    out: list[str] = []
    for toks in _runs(text, tokenizer, stopwords):
        out.extend(" ".join(toks[k:k + n]) for k in range(len(toks) - n + 1))
    return out


def _runs(text: str, tokenizer: Callable[[str], list[str]] | None = None,
          stopwords: Iterable[str] | None = None) -> list[list[str]]:
    """Lowercase token runs of ``text``: n-grams never cross a run's end (sentence punctuation)."""
    if tokenizer is not None:
        runs = [[t.lower() for t in tokenizer(text)]]
    elif _MARK in text or _SEP in text:  # the markers of the fast path are in the text itself
        runs = _runs_by_token(text)
    else:
        runs = _runs_by_gap(text)
    if stopwords:
        stop = {w.lower() for w in stopwords}
        runs = [[t for t in run if t not in stop] for run in runs]
    return runs


_MARK, _SEP = "\x01", "\x02"
# a gap (in the text with every token replaced by _MARK) holding a break: whole gaps match, as
# a match found inside a gap would also be found from the gap's start
_BREAK_GAP_RE = re.compile(r"([^\x01]*?[.!?;:\n][^\x01]*)")


def _acronym_gap(gap: str, before: str, after: str) -> bool:
    """"U.S. judge": the period after a dotted token, then a lowercase word, does not break."""
    return "." in before and gap.startswith(".") and after[0].islower() and not _HARD_BREAK_RE.search(gap)


def _runs_by_gap(text: str) -> list[list[str]]:
    """The runs with the regex engine doing the per-token work: only the breaks are visited."""
    pieces = _TOKEN_SPLIT_RE.split(text)  # [gap, token, gap, token, ..., gap]: one regex pass
    if len(pieces) == 1:
        return []
    tokens = pieces[1::2]
    lowered = _SEP.join(tokens).lower().split(_SEP)
    # the text with every token replaced by _MARK, then cut at the breaking gaps:
    # [tokens, gap, tokens, gap, ..., tokens]
    parts = _BREAK_GAP_RE.split(_MARK.join(pieces[::2]))
    runs, first, seen, last = [], 0, 0, len(tokens)
    for k in range(1, len(parts), 2):
        seen += parts[k - 1].count(_MARK)  # tokens before this gap
        if 0 < seen < last and not _acronym_gap(parts[k], tokens[seen - 1], tokens[seen]):
            runs.append(lowered[first:seen])
            first = seen
    runs.append(lowered[first:])
    return runs


def _runs_by_token(text: str) -> list[list[str]]:
    """The runs, token by token (for texts holding the fast path's marker characters)."""
    runs, run, prev_end = [], [], 0
    breaks = _BREAK_RE.search
    for m in _TOKEN_RE.finditer(text):
        start = m.start()
        if run and start > prev_end and breaks(text, prev_end, start):
            if not _acronym_gap(text[prev_end:start], prev, m.group(0)):
                runs.append(run)
                run = []
        prev = m.group(0)
        run.append(prev.lower())
        prev_end = m.end()
    if run:
        runs.append(run)
    return runs


def _count_order(runs: Iterable[list[str]], n: int) -> Counter[str]:
    """Counts of the n-grams of order ``n`` in token runs (the counting happens in C)."""
    c: Counter[str] = Counter()
    for run in runs:
        c.update(run if n == 1 else map(" ".join, zip(*(run[k:] for k in range(n)))))
    return c


def count_ngrams(
    texts: Iterable[str],
    n: int = 1,
    tokenizer: Callable[[str], list[str]] | None = None,
    stopwords: Iterable[str] | None = None,
) -> Counter[str]:
    """Pooled n-gram counts of several texts.

    Parameters
    ----------
    texts : iterable of str
        The texts.
    n : int
        The n-gram order.
    tokenizer, stopwords
        As in :func:`ngrams`.

    Returns
    -------
    collections.Counter

    Examples
    --------
    >>> count_ngrams(["a b", "b"])["b"]
    2

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. *Political
    Analysis*, 16(4), 372-403.
    """
    c: Counter[str] = Counter()
    for t in texts:
        c.update(ngrams(t, n, tokenizer, stopwords))
    return c


def _texts_by_outlet(
    docs: pd.DataFrame | Mapping[str, str | Iterable[str]], outlet_col: str, text_col: str
) -> dict[str, list[str]]:
    if isinstance(docs, pd.DataFrame):
        for col in (outlet_col, text_col):
            if col not in docs.columns:
                raise ValueError(f"docs lacks column {col!r}")
        return {str(k): [str(t) for t in g[text_col].fillna("")]
                for k, g in docs.groupby(outlet_col, sort=True)}
    return {str(k): ([v] if isinstance(v, str) else list(v)) for k, v in docs.items()}


def fightin_words(
    docs: pd.DataFrame | Mapping[str, str | Iterable[str]],
    *,
    outlet_col: str = "outlet",
    text_col: str = "text",
    ngram_range: tuple[int, int] = (1, 2),
    alpha0: float | None = None,
    prior: Mapping[str, float] | None = None,
    min_count: int = 1,
    stopwords: Iterable[str] | None = None,
    tokenizer: Callable[[str], list[str]] | None = None,
) -> pd.DataFrame:
    """Distinctive n-grams of each outlet against all the others (Fightin' Words).

    Parameters
    ----------
    docs : pandas.DataFrame or mapping
        Articles with ``outlet_col`` and ``text_col`` columns, or ``{outlet: text or texts}``.
        At least two outlets.
    outlet_col, text_col : str
        Column names when ``docs`` is a DataFrame.
    ngram_range : (int, int)
        Smallest and largest n-gram order, inclusive; each order is scored separately.
    alpha0 : float, optional
        The prior's total pseudo-count ``alpha_0``; ``None`` = the background's total count.
    prior : mapping, optional
        Background n-gram counts (any orders, keys as produced by :func:`ngrams`); by default
        the pooled counts of ``docs``. N-grams absent from it get no prior mass and a
        pseudo-count of 0.5 is used for them instead, to keep the logs finite.
    min_count : int
        Drop n-grams whose pooled count is below this.
    stopwords : iterable of str, optional
        Tokens removed before forming n-grams.
    tokenizer : callable, optional
        ``text -> list of tokens`` instead of the built-in regex.

    Returns
    -------
    pandas.DataFrame
        One row per outlet and n-gram: ``outlet``, ``ngram``, ``n`` (order), ``count`` (in the
        outlet), ``count_others`` (in all other outlets), ``n_tokens``, ``n_tokens_others``
        (n-gram totals of that order), ``prior`` (``alpha_w``), ``log_odds_ratio`` (delta),
        ``variance``, ``z`` (positive: distinctive of the outlet) and ``rank`` (1 = largest z
        within outlet and order). Sorted by outlet, order, rank.

    Examples
    --------
    >>> fw = fightin_words({"A": "wall wall border", "B": "border border children"},
    ...                    ngram_range=(1, 1))
    >>> round(fw.loc[(fw.outlet == "A") & (fw.ngram == "wall"), "z"].item(), 4)
    1.1889

    References
    ----------
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
    selection and evaluation for identifying the content of political conflict. *Political
    Analysis*, 16(4), 372-403.
    """
    by_outlet = _texts_by_outlet(docs, outlet_col, text_col)
    if len(by_outlet) < 2:
        raise ValueError(f"need at least two outlets to compare, got {list(by_outlet)}")
    _check_range(ngram_range)
    counts = {o: ngram_counts(texts, ngram_range, tokenizer, stopwords) for o, texts in by_outlet.items()}
    return fightin_words_from_counts(counts, ngram_range=ngram_range, alpha0=alpha0, prior=prior,
                                     min_count=min_count)


def _check_range(ngram_range: tuple[int, int]) -> None:
    lo, hi = ngram_range
    if not 1 <= lo <= hi:
        raise ValueError(f"bad ngram_range {ngram_range!r}")


def ngram_counts(
    texts: Iterable[str],
    ngram_range: tuple[int, int] = (1, 2),
    tokenizer: Callable[[str], list[str]] | None = None,
    stopwords: Iterable[str] | None = None,
) -> dict[int, Counter[str]]:
    """N-gram counts of some texts, per order: what :func:`fightin_words_from_counts` takes.

    Counts of different batches of texts add up (``Counter.update``), so a corpus can be counted
    in pieces, where it is processed, and the pieces merged.

    Parameters
    ----------
    texts : iterable of str
    ngram_range : (int, int)
        Smallest and largest order, inclusive.
    tokenizer, stopwords
        As in :func:`ngrams`.

    Returns
    -------
    dict of int to collections.Counter
        ``{n: Counter(n-gram -> count)}`` for every order in the range.

    Examples
    --------
    >>> ngram_counts(["The judge ruled. The judge"])[2]
    Counter({'the judge': 2, 'judge ruled': 1})
    """
    _check_range(ngram_range)
    runs = [r for text in ([texts] if isinstance(texts, str) else texts)
            for r in _runs(text, tokenizer, stopwords)]
    return {n: _count_order(runs, n) for n in range(ngram_range[0], ngram_range[1] + 1)}


def fightin_words_from_counts(
    counts: Mapping[str, Mapping[int, Counter[str]]],
    *,
    ngram_range: tuple[int, int] = (1, 2),
    alpha0: float | None = None,
    prior: Mapping[str, float] | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Fightin' Words from n-gram counts per outlet (see :func:`fightin_words`).

    Parameters
    ----------
    counts : mapping
        ``{outlet: {n: Counter}}`` as :func:`ngram_counts` returns for each outlet's texts
        (merged across batches); at least two outlets.
    ngram_range, alpha0, prior, min_count
        As in :func:`fightin_words`.

    Returns
    -------
    pandas.DataFrame
        As :func:`fightin_words`.
    """
    if len(counts) < 2:
        raise ValueError(f"need at least two outlets to compare, got {list(counts)}")
    _check_range(ngram_range)
    outlets = sorted(counts)
    parts = {}  # column -> list of arrays, one per order, rows in output order
    for n in range(ngram_range[0], ngram_range[1] + 1):
        part = _score_order([counts[o].get(n, Counter()) for o in outlets], n, alpha0, prior, min_count)
        if part is not None:
            parts[n] = part
    if not parts:
        out = pd.DataFrame(columns=list(DISTINCTIVE_COLUMNS[:-1]))
        out["rank"] = pd.Series(dtype="int64")
        return out
    # rows by outlet, then order, then z (descending) and n-gram
    order = [(k, n) for k in range(len(outlets)) for n in sorted(parts)]
    outlet_codes = np.repeat(np.array([k for k, _ in order], dtype=np.intp),
                             [len(parts[n]["ngram"][k]) for k, n in order])
    columns = {"outlet": _take_strings(outlets, [outlet_codes]),
               # ("ngram" holds each outlet's row order in its order's vocabulary, "_words")
               "ngram": _take_strings(None, [(parts[n]["_words"], parts[n]["ngram"][k]) for k, n in order])}
    for col in DISTINCTIVE_COLUMNS[2:]:
        columns[col] = np.concatenate([parts[n][col][k] for k, n in order])
    return pd.DataFrame(columns)


def _string_dtype() -> Any:
    """The dtype pandas gives a column of Python strings (``str``, Arrow-backed, in pandas 3)."""
    return pd.Series(np.array(["a"], dtype=object)).dtype


def _take_strings(values: Sequence[str] | None, takes: list) -> Any:
    """A string column: ``values[codes]`` for each array of codes in ``takes`` (or, with
    ``values`` None, ``words[codes]`` for each ``(words, codes)`` pair), concatenated.

    The same column as a NumPy object array would give, built faster where pandas keeps strings
    in Arrow: each distinct string is converted once and the rows are taken in Arrow (a corpus's
    vocabulary is repeated once per outlet).
    """
    pairs = [(values, t) for t in takes] if values is not None else takes
    dtype = _string_dtype()
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        import pyarrow as pa

        converted: dict[int, Any] = {}
        pieces = []
        for vocab, codes in pairs:
            arr = converted.get(id(vocab))
            if arr is None:
                arr = converted[id(vocab)] = pa.array(list(vocab), type=pa.large_string())
            pieces.append(arr.take(pa.array(codes, type=pa.int64())))
        return pd.array(pa.concat_arrays(pieces) if pieces else pa.array([], type=pa.large_string()),
                        dtype=dtype)
    return np.concatenate([np.asarray(vocab, dtype=object)[codes] for vocab, codes in pairs])


def _score_order(counts: Sequence[Counter[str]], n: int, alpha0: float | None,
                 prior: Mapping[str, float] | None, min_count: int) -> dict[str, list[np.ndarray]] | None:
    """The rows of one n-gram order: per column, one array per outlet (each against the others
    pooled), sorted by z (descending), then n-gram. None when no n-gram reaches ``min_count``.
    ``ngram`` holds positions in the vocabulary ``_words`` (the strings are taken once, at the
    end: see :func:`_take_strings`).

    The formulas of the module docstring, on arrays over the vocabulary.
    """
    # every outlet's n-grams coded at once: y[k, code] is outlet k's count
    keys = [w for c in counts for w in c]
    codes, uniques = pd.factorize(np.array(keys, dtype=object), sort=False) if keys else (
        np.zeros(0, dtype=np.intp), np.array([], dtype=object))
    y = np.zeros((len(counts), len(uniques)), dtype=np.int64)
    at = 0
    for k, c in enumerate(counts):
        y[k, codes[at : at + len(c)]] = np.fromiter(c.values(), dtype=np.int64, count=len(c))
        at += len(c)
    pooled = y.sum(axis=0)
    keep = np.flatnonzero(pooled >= min_count)
    if not len(keep):
        return None
    words = uniques[keep]
    by_word = np.argsort(words, kind="stable")  # the vocabulary in string order
    keep, words = keep[by_word], words[by_word]
    y, y_all = y[:, keep], pooled[keep]
    if prior is None:
        bg_total = float(pooled.sum())
        bg = y_all.astype(float)
    else:
        background = {k: float(v) for k, v in prior.items() if len(k.split(" ")) == n}
        bg_total = float(sum(background.values()))
        bg = np.fromiter(map(background.get, words, itertools.repeat(0.0)), dtype=float, count=len(words))
    a0 = float(alpha0) if alpha0 is not None else bg_total
    a_w = a0 * bg / bg_total if bg_total else np.zeros(len(words))
    a_w[a_w <= 0] = 0.5
    totals = [sum(c.values()) for c in counts]
    grand = sum(totals)
    out: dict[str, list[np.ndarray]] = {col: [] for col in DISTINCTIVE_COLUMNS[1:]}
    for k, n_i in enumerate(totals):
        n_j = grand - n_i
        y_i = y[k]
        y_j = y_all - y_i
        delta = (np.log((y_i + a_w) / (n_i + a0 - y_i - a_w))
                 - np.log((y_j + a_w) / (n_j + a0 - y_j - a_w)))
        var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
        z = delta / np.sqrt(var)
        rows = np.argsort(-z, kind="stable")  # ties keep the vocabulary's string order
        m = len(rows)
        out["ngram"].append(rows)  # (positions in ``words``: see fightin_words_from_counts)
        for col, values in (("count", y_i), ("count_others", y_j), ("prior", a_w),
                            ("log_odds_ratio", delta), ("variance", var), ("z", z)):
            out[col].append(values[rows])
        out["n"].append(np.full(m, n, dtype=np.int64))
        out["n_tokens"].append(np.full(m, n_i, dtype=np.int64))
        out["n_tokens_others"].append(np.full(m, n_j, dtype=np.int64))
        out["rank"].append(np.arange(1, m + 1, dtype=np.int64))
    out["_words"] = words  # type: ignore[assignment]
    return out
