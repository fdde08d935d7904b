"""Contested term choices: which words an outlet picks for the same people, policy and actors.

Term families live in ``coverage/data/term_families.csv`` (``family, term, match, pattern,
source, note``; the matching rules of :mod:`coverage.framing`). A family is a set of competing
names for one referent: ``immigrant_label`` (undocumented immigrant / illegal immigrant / illegal
alien / migrant / asylum seeker / refugee ...), ``separation_label`` (family separation /
separating families / tearing families apart / zero tolerance ...) and ``actor_naming`` (the Trump
administration / the government / the U.S. ...). Each family compiles to one regular expression,
so within a family a span counts once, for the longest (then first-listed) term; families are
independent of each other. Add a family by adding rows (or pass your own table).

References
----------
Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. *Journal of
Communication*, 43(4), 51-58 (word choice as a framing device).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from io import StringIO
from pathlib import Path

import pandas as pd

from coverage.framing import (
    CompiledLexicon,
    _ByIdentity,
    _all_rows,
    _data_text,
    _file_key,
    _plan_for,
    _read_table,
    _rows_frame,
    _sentence_spans,
    _term_rows,
    compile_lexicon,
)

__all__ = ["TERM_COLUMNS", "load_term_families", "find_terms", "count_terms",
           "summarize_terms_by_outlet"]

logger = logging.getLogger(__name__)

Span = tuple[int, int]
#: Columns of the table returned by :func:`find_terms`.
TERM_COLUMNS = ("sentence_id", "family", "term", "start", "end", "matched")


def _compile_families(table: pd.DataFrame) -> dict[str, CompiledLexicon]:
    for col in ("family", "term", "match"):
        if col not in table.columns:
            raise ValueError(f"term table lacks column {col!r}; it has {list(table.columns)}")
    tab = table.rename(columns={"term": "cue"})
    return {
        fam: compile_lexicon(sub, "family")
        for fam, sub in tab.groupby("family", sort=False)
    }


@lru_cache(maxsize=1)
def _default_families() -> dict[str, CompiledLexicon]:
    table = pd.read_csv(StringIO(_data_text("term_families.csv")), dtype=str,
                        keep_default_na=False)
    return _compile_families(table)


@lru_cache(maxsize=16)
def _families_from_file(key: tuple[str, int, int]) -> dict[str, CompiledLexicon]:
    return _compile_families(_read_table(key[0]))


_FAMILIES_BY_FRAME = _ByIdentity()


def _resolve_families(
    families: str | Path | pd.DataFrame | None, by_identity: bool = False
) -> dict[str, CompiledLexicon]:
    """Compiled term families: the packaged ones and files are compiled once per process
    (a file once per path and modification time); a DataFrame on every call, or once per
    object with ``by_identity`` (see :func:`coverage.framing.analyze_framing`)."""
    if families is None:
        return _default_families()
    if isinstance(families, pd.DataFrame):
        if by_identity:
            return _FAMILIES_BY_FRAME.get(families, lambda df: _compile_families(df.copy()))
        return _compile_families(_read_table(families))
    key = _file_key(families)
    if key is not None:
        return _families_from_file(key)
    return _compile_families(_read_table(families))


def load_term_families(
    families: str | Path | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The term-family table.

    Parameters
    ----------
    families : path or DataFrame, optional
        A CSV / DataFrame with columns ``family, term, match`` (+ ``pattern``, ``source``,
        ``note``); by default the packaged ``term_families.csv``.

    Returns
    -------
    pandas.DataFrame
        Columns ``family, term, match, pattern, source, note`` (as present in the input).

    Examples
    --------
    >>> sorted(load_term_families()["family"].unique())
    ['actor_naming', 'immigrant_label', 'separation_label']

    References
    ----------
    Entman, R. M. (1993). Framing. *Journal of Communication*, 43(4), 51-58.
    """
    if families is None:
        return pd.read_csv(StringIO(_data_text("term_families.csv")), dtype=str,
                           keep_default_na=False)
    return _read_table(families)


def find_terms(
    text: str,
    sentences: Sequence[Span] | None = None,
    families: str | Path | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find every contested term in one article, with its evidence span.

    Parameters
    ----------
    text : str
        The article's text.
    sentences : list of (int, int), optional
        Sentence spans; by default ``coverage.segment.split_sentences(text)``.
    families : path or DataFrame, optional
        Term families (see :func:`load_term_families`); by default the packaged ones.

    Returns
    -------
    pandas.DataFrame
        One row per occurrence, ordered by ``start``: ``sentence_id``, ``family``, ``term``
        (the family member), ``start``, ``end`` (offsets into ``text``), ``matched``
        (``text[start:end]``).

    Examples
    --------
    >>> t = "Officials said illegal aliens and asylum seekers were held."
    >>> find_terms(t, [(0, len(t))])[["term", "matched"]].values.tolist()
    [['illegal alien', 'illegal aliens'], ['asylum seeker', 'asylum seekers']]

    References
    ----------
    Entman, R. M. (1993). Framing. *Journal of Communication*, 43(4), 51-58.
    """
    fams = _resolve_families(families)
    spans = _sentence_spans(text, sentences)
    if fams:
        plan = _plan_for(list(fams.values()))
        rows = _term_rows(_all_rows(plan.scan(text, spans)),
                          [(fam, plan.index[id(lex)]) for fam, lex in fams.items()])
        out = _rows_frame(rows, "family")
    else:
        out = pd.DataFrame(columns=["sentence_id", "family", "cue", "start", "end", "matched"])
        out = out.reset_index(drop=True)
    out = out.rename(columns={"cue": "term"})
    return out[list(TERM_COLUMNS)]


def count_terms(terms: pd.DataFrame, by: Sequence[str] = ("article_id",)) -> pd.DataFrame:
    """Count term occurrences per unit (article by default) and family.

    Parameters
    ----------
    terms : pandas.DataFrame
        :func:`find_terms` output, with the ``by`` columns added (e.g. ``article_id``).
    by : sequence of str
        The unit columns; ``()`` for one text.

    Returns
    -------
    pandas.DataFrame
        ``*by, family, term, n, share_in_family`` (n / the family's occurrences in the unit).

    Examples
    --------
    >>> t = pd.DataFrame({"family": ["f", "f", "f"], "term": ["a", "a", "b"]})
    >>> count_terms(t, by=()).values.tolist()
    [['f', 'a', 2, 0.6666666666666666], ['f', 'b', 1, 0.3333333333333333]]

    References
    ----------
    Entman, R. M. (1993). Framing. *Journal of Communication*, 43(4), 51-58.
    """
    keys = [*by, "family", "term"]
    out = terms.groupby(keys, sort=True).size().rename("n").reset_index()
    fam_total = out.groupby([*by, "family"])["n"].transform("sum")
    out["share_in_family"] = out["n"] / fam_total
    return out.astype({"n": "int64"})


def summarize_terms_by_outlet(terms: pd.DataFrame) -> pd.DataFrame:
    """Term choices per outlet.

    Parameters
    ----------
    terms : pandas.DataFrame
        :func:`find_terms` output for many articles, with ``article_id`` and ``outlet``.

    Returns
    -------
    pandas.DataFrame
        One row per outlet, family and term: ``outlet, family, term, n`` (occurrences),
        ``n_articles`` (the outlet's articles using the term), ``share_in_family`` (n / the
        outlet's occurrences of the family).

    Examples
    --------
    >>> t = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
    ...                   "family": ["f"] * 3, "term": ["m", "n", "m"]})
    >>> summarize_terms_by_outlet(t)[["outlet", "term", "share_in_family"]].values.tolist()
    [['X', 'm', 0.5], ['X', 'n', 0.5], ['Y', 'm', 1.0]]

    References
    ----------
    Entman, R. M. (1993). Framing. *Journal of Communication*, 43(4), 51-58.
    """
    for col in ("article_id", "outlet"):
        if col not in terms.columns:
            raise ValueError(f"terms lacks column {col!r}")
    g = terms.groupby(["outlet", "family", "term"], sort=True)
    out = g.agg(n=("article_id", "size"), n_articles=("article_id", "nunique")).reset_index()
    out["share_in_family"] = out["n"] / out.groupby(["outlet", "family"])["n"].transform("sum")
    return out.astype({"n": "int64", "n_articles": "int64"})
