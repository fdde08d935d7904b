"""Policy frames and generic news frames, found by cue lexicons, with the evidence kept.

Two frame typologies, both as data files in ``coverage/data``:

* **Policy frames**: the 15 dimensions of the Policy Frames Codebook (Boydstun et al. 2014),
  used to annotate the Media Frames Corpus (Card et al. 2015). ``policy_frames.csv`` holds one
  cue per row (``frame, cue, match, pattern, source, note``). The cues were written by us from
  the codebook's definitions of each dimension (no published lexicon is copied); see
  ``coverage/data/SOURCES_framing.md``. :func:`find_frame_cues` returns every cue occurrence with
  its offsets; :func:`score_frames` turns one article's cues into a distribution over the
  dimensions and a primary frame; :func:`score_frames_by_article`,
  :func:`summarize_frames_by_outlet` and :func:`frames_side_by_side` roll articles up to outlets.
* **Generic frames** (Semetko & Valkenburg 2000): conflict, human interest, attribution of
  responsibility, morality and economic consequences. ``generic_frames.toml`` operationalizes
  each of the codebook's yes/no questions that a text can answer as a documented rule over cue
  words; :func:`code_generic_frames` answers them with evidence spans and
  :func:`score_generic_frames` scores each frame as the mean of its answered questions, as in the
  original study.

Matching rules (both typologies and :mod:`coverage.terms`): case-insensitive; a cue never starts
or ends inside a word; the words of a multiword cue may be separated by any whitespace or a
hyphen. ``match`` is one of

``lemma``
    the cue's *last* word also matches simple inflections: ``+s/es/ed/ing``; a final ``e`` is
    dropped before ``ed/ing`` ("prosecute" -> prosecutes, prosecuted, prosecuting); a final
    consonant + ``y`` becomes ``ies/ied`` ("policy" -> policies); ``ie`` becomes ``ying``
    ("die" -> dying). Irregular forms need their own row or a ``regex``.
``exact``
    the cue as written (words still joined by whitespace or a hyphen).
``regex``
    the ``pattern`` column is a Python regular expression (compiled case-insensitive).
``none``
    no matching; the row only declares a frame (the codebook's residual "other").

All cues of a lexicon compile into one regular expression (an alternation, longer cues first),
searched sentence by sentence. (In practice the text is scanned once for all lexicons at once
and each lexicon's expression is tried only where one of its cues can start, or not at all
where plain word cues decide the match; the results are those of the sentence-by-sentence
search, see ``_Plan``.) Where two cues overlap, the leftmost match wins and, at the same
position, the longer one ("shocks the conscience" before "conscience"; a regex cue that does
not start with a plain letter or digit is tried before the others); a span therefore counts
for one cue. A cue listed under several frames yields one row per frame.

References
----------
Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014). Tracking the
development of media frames within and across policy issues. APSA 2014 Annual Meeting Paper.
Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A. (2015). The Media Frames
Corpus: Annotations of frames across issues. *Proceedings of ACL-IJCNLP 2015* (Vol. 2), 438-444.
Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content analysis of
press and television news. *Journal of Communication*, 50(2), 93-109.
"""

from __future__ import annotations

import itertools
import logging
import math
import operator
import os
import re
import tomllib
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = [
    "CompiledLexicon",
    "LEXICON_COLUMNS",
    "CUE_COLUMNS",
    "PROFILE_COLUMNS",
    "EVIDENCE_COLUMNS",
    "cue_pattern",
    "compile_lexicon",
    "load_frame_lexicon",
    "find_frame_cues",
    "score_frames",
    "score_frames_by_article",
    "summarize_frames_by_outlet",
    "frames_side_by_side",
    "load_generic_frames",
    "find_generic_frame_evidence",
    "code_generic_frames",
    "score_generic_frames",
    "analyze_framing",
]

logger = logging.getLogger(__name__)

try:  # the parse tree of a cue's regex (see _alt_prefixes); private, so optional
    from re import _constants as _sre_c  # noqa: PLC2701
    from re import _parser as _sre_p  # noqa: PLC2701
except ImportError:  # pragma: no cover - then every lexicon is searched sentence by sentence
    _sre_c = _sre_p = None  # type: ignore[assignment]

Span = tuple[int, int]

#: Columns of a cue lexicon file (``policy_frames.csv``); ``source`` and ``note`` are optional.
LEXICON_COLUMNS = ("frame", "cue", "match", "pattern", "source", "note")
#: Columns of the table returned by :func:`find_frame_cues`.
CUE_COLUMNS = ("sentence_id", "frame", "cue", "start", "end", "matched")
_MATCH_TYPES = ("lemma", "exact", "regex", "none")
_JOINER = r"[\s\-]+"


# --------------------------------------------------------------------------------------------
# Cue patterns and lexicon compilation (shared with coverage.terms)
# --------------------------------------------------------------------------------------------
def _inflect(word: str) -> str:
    """Regex for ``word`` and its simple inflections (+s/es/ed/ing, e/y/ie endings)."""
    low = word.lower()
    if not low.isalpha() or len(low) < 3:
        return re.escape(word)
    if low.endswith("ie"):
        return re.escape(word[:-2]) + "(?:ie|ies|ied|ying)"
    if low.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    if low.endswith("y") and low[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return re.escape(word) + "(?:es|ed|ing)?"
    return re.escape(word) + "(?:s|es|ed|ing)?"


def cue_pattern(cue: str, match: str = "lemma", pattern: str = "") -> str:
    """The regular expression (without word-boundary guards) for one cue.

    Parameters
    ----------
    cue : str
        The cue as written, e.g. ``"due process"``.
    match : {"lemma", "exact", "regex"}
        How the cue matches (see the module docstring).
    pattern : str
        The regular expression when ``match == "regex"``.

    Returns
    -------
    str
        A regular expression source string.

    Examples
    --------
    >>> cue_pattern("prosecute")
    'prosecut(?:e|es|ed|ing)'
    >>> cue_pattern("due process")
    'due[\\\\s\\\\-]+process(?:es|ed|ing)?'
    """
    if match == "regex":
        if not pattern:
            raise ValueError(f"cue {cue!r}: match 'regex' needs a pattern")
        return pattern
    words = [w for w in re.split(r"[\s\-]+", cue.strip()) if w]
    if not words:
        raise ValueError("empty cue")
    if match == "lemma":
        parts = [re.escape(w) for w in words[:-1]] + [_inflect(words[-1])]
    elif match == "exact":
        parts = [re.escape(w) for w in words]
    else:
        raise ValueError(f"cue {cue!r}: unknown match type {match!r}; use one of {_MATCH_TYPES}")
    return _JOINER.join(parts)


@dataclass(frozen=True)
class CompiledLexicon:
    """A cue lexicon compiled into one regular expression.

    Attributes
    ----------
    regex : re.Pattern
        The alternation of all cues, each in a named group ``c0, c1, ...``.
    groups : dict
        Group name -> tuple of ``(label, cue)`` pairs the group stands for.
    labels : tuple of str
        The labels (frames, families) in file order, including cue-less ones.
    table : pandas.DataFrame
        The lexicon as loaded.
    sources : tuple of (str, str)
        ``(group name, cue regex)`` for every alternative, in the order ``regex`` tries them
        (used to match many lexicons in one pass over a text; empty when unknown, e.g. for a
        hand-built instance, which then matches sentence by sentence with ``regex``).
    """

    regex: re.Pattern[str]
    groups: dict[str, tuple[tuple[str, str], ...]]
    labels: tuple[str, ...]
    table: pd.DataFrame
    sources: tuple[tuple[str, str], ...] = ()


def compile_lexicon(table: pd.DataFrame, label_col: str = "frame") -> CompiledLexicon:
    """Compile a cue table into one case-insensitive regular expression.

    Parameters
    ----------
    table : pandas.DataFrame
        Columns ``label_col, cue, match`` and, for regex cues, ``pattern``.
    label_col : str
        The column holding the label each cue stands for (``frame``, ``family``, ...).

    Returns
    -------
    CompiledLexicon

    Examples
    --------
    >>> lex = compile_lexicon(pd.DataFrame({"frame": ["x"], "cue": ["court"], "match": ["lemma"]}))
    >>> bool(lex.regex.search("The courts ruled"))
    True
    """
    for col in (label_col, "cue", "match"):
        if col not in table.columns:
            raise ValueError(f"lexicon lacks column {col!r}; it has {list(table.columns)}")
    tab = table.copy()
    if "pattern" not in tab.columns:
        tab["pattern"] = ""
    tab = tab.fillna({"pattern": "", "cue": "", "match": "lemma"})
    labels = tuple(dict.fromkeys(str(x) for x in tab[label_col]))
    by_pattern: dict[str, list[tuple[str, str]]] = {}
    for row in tab.itertuples(index=False):
        match = str(getattr(row, "match")).strip().lower() or "lemma"
        if match == "none":
            continue
        cue = str(getattr(row, "cue"))
        src = cue_pattern(cue, match, str(getattr(row, "pattern")))
        try:
            re.compile(src)
        except re.error as exc:
            raise ValueError(f"cue {cue!r}: bad regular expression {src!r}: {exc}") from exc
        pairs = by_pattern.setdefault(src, [])
        pair = (str(getattr(row, label_col)), cue)
        if pair not in pairs:
            pairs.append(pair)
    if not by_pattern:
        regex = re.compile(r"(?!x)x")  # matches nothing
        return CompiledLexicon(regex, {}, labels, tab)
    # longer cues first so that, at one position, the longer alternative wins; cues are
    # bucketed by their first letter behind a lookahead so that each word start tries only
    # its bucket (and the cues whose first character is not a plain letter or digit)
    ordered = sorted(by_pattern, key=lambda s: (-len(s), s))
    groups = {f"c{i}": tuple(by_pattern[src]) for i, src in enumerate(ordered)}
    buckets: dict[str, list[tuple[str, str]]] = {}
    for i, src in enumerate(ordered):
        buckets.setdefault(_first_char(src), []).append((f"c{i}", src))
    misc = buckets.pop("", [])
    parts = [f"(?P<{name}>{src})" for name, src in misc] + [
        f"(?={re.escape(ch)})(?:{'|'.join(f'(?P<{name}>{src})' for name, src in alts)})"
        for ch, alts in sorted(buckets.items())
    ]
    sources = tuple(misc) + tuple(alt for _, alts in sorted(buckets.items()) for alt in alts)
    body = "|".join(parts)
    regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    return CompiledLexicon(regex, groups, labels, tab, sources)


def _first_char(src: str) -> str:
    """The (lowercase) first character every match of ``src`` starts with, or ''."""
    if not src or not src[0].isalnum() or (len(src) > 1 and src[1] in "?*{"):
        return ""
    depth, i, in_class = 0, 0, False
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return ""
        i += 1
    return src[0].lower()


# --------------------------------------------------------------------------------------------
# Matching many lexicons in one pass (the engine behind every cue search in this module)
# --------------------------------------------------------------------------------------------
# Scanning a text with each lexicon's regex, sentence by sentence, costs one pass of the regex
# engine per lexicon and sentence. Instead, every cue alternative is reduced to the literal
# prefixes any of its matches must start with (``_alt_prefixes``); one scanner regex finds, in
# one pass over the lowercased text, each position where such a prefix starts a word; only
# there is the lexicon's regex (restricted to the alternatives whose prefix matched, in the
# original order and with the original group names) tried, with ``pos``/``endpos`` = the
# sentence, exactly as ``regex.finditer(text, start, end)`` would try it. The results are
# identical to the sentence-by-sentence search; whenever that cannot be guaranteed (a cue
# whose first character is not known, a back-reference, a text with characters that match an
# ASCII letter or digit case-insensitively, unsorted or overlapping sentence spans) the
# lexicon or text is searched sentence by sentence as before.
# Most cues are plain word sequences (``_word_forms``: what cue_pattern writes for lemma and
# exact cues). For a lexicon whose alternatives at a candidate are all plain, the match follows
# from the scanner's longest prefix and whether a word character follows it, so it is looked up
# in a table built with the plan (``_static_entry``) instead of running the regex.
_PREFIX_CAP = 256  # most literal prefixes tracked for one alternative
_NOT_ANALYZED = None
#: In a prefix: a run of whitespace and hyphens (``[\\s\\-]+``), standing for any whitespace,
#: ``-`` or run of them in the cue (a looser, so still necessary, condition).
_SEP = " "
_SEP_RUN = re.compile(r"[\s\-]+")
_WORD_CHAR = re.compile(r"\w")


def _is_sep(ch: str) -> bool:
    return ch == "-" or ch.isspace()


def _prefix_walk(items: Any) -> list[tuple[str, bool]]:
    """(prefix, open) pairs: every match of ``items`` starts with one prefix; ``open`` prefixes
    are exactly what the items consumed, so the next item may extend them."""
    state: list[tuple[str, bool]] = [("", True)]
    for op, av in items:
        if not any(o for _, o in state):
            break
        exp = _prefix_expand(op, av)
        new: dict[tuple[str, bool], None] = {}
        for pfx, is_open in state:
            if not is_open or exp is None:
                new[(pfx, False)] = None
            else:
                for more, more_open in exp:
                    if more.startswith(_SEP) and pfx.endswith(_SEP):
                        more = more[1:]  # two runs in a row are one run
                    new[(pfx + more, more_open)] = None
        if len(new) > _PREFIX_CAP:
            return [(pfx, False) for pfx, _ in state]
        state = list(new)
    return state


def _prefix_expand(op: Any, av: Any) -> list[tuple[str, bool]] | None:
    """What one parsed regex item contributes to a literal prefix, or None (unknown)."""
    c = _sre_c
    if op is c.LITERAL:
        ch = chr(av)
        if _is_sep(ch):
            return [(_SEP, True)]
        return [(ch.lower(), True)] if ch.isascii() else None
    if op is c.IN:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is c.LITERAL and (chr(iav).isascii() or _is_sep(chr(iav))):
                chars.add(_SEP if _is_sep(chr(iav)) else chr(iav).lower())
            elif iop is c.RANGE and iav[1] < 128 and iav[1] - iav[0] < 16:
                chars.update(_SEP if _is_sep(chr(x)) else chr(x).lower()
                             for x in range(iav[0], iav[1] + 1))
            elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                chars.update("0123456789")  # texts with other digits are not scanned this way
            elif iop is c.CATEGORY and iav is c.CATEGORY_SPACE:
                chars.add(_SEP)
            else:
                return None
        if chars == {_SEP}:
            return [(_SEP, True)]
        if not 0 < len(chars) <= 16 or _SEP in chars:
            return None
        return [(ch, True) for ch in sorted(chars)]
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return [("", True)]  # zero-width: a prefix of what follows is still a prefix
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _prefix_walk(sub)
    if op is c.BRANCH:
        out: list[tuple[str, bool]] = []
        for alt in av[1]:
            out.extend(_prefix_walk(alt))
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        once = _prefix_walk(sub)
        if once == [(_SEP, True)]:  # \s+, [\s\-]*, -?, ...: no run, or one run
            return ([("", True)] if lo == 0 else []) + ([(_SEP, True)] if hi > 0 else [])
        if lo == 0 and hi > 1:  # x*: go on without it, or stop here
            return [("", True), ("", False)]
        out = [("", True)] if lo == 0 else []
        if hi == 0:
            return out or [("", True)]
        out += once if hi == 1 else [(pfx, False) for pfx, _ in once]
        return out
    if op is c.ATOMIC_GROUP:
        return [(pfx, False) for pfx, _ in _prefix_walk(av)]
    return None


def _has_groupref(items: Any) -> bool:
    c = _sre_c
    for op, av in items:
        if op in (c.GROUPREF, c.GROUPREF_EXISTS):
            return True
        if op is c.SUBPATTERN and _has_groupref(av[3]):
            return True
        if op is c.BRANCH and any(_has_groupref(a) for a in av[1]):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and _has_groupref(av[2]):
            return True
        if op in (c.ASSERT, c.ASSERT_NOT) and _has_groupref(av[1]):
            return True
        if op is c.ATOMIC_GROUP and _has_groupref(av):
            return True
    return False


@lru_cache(maxsize=8192)
def _alt_prefixes(src: str) -> frozenset[str] | None:
    """The lowercase literal prefixes every case-insensitive match of ``src`` starts with.

    A space in a prefix stands for a run of whitespace and hyphens. None when the prefixes are
    not known (a match may start with any character, or ``src`` refers to other groups).

    Examples
    --------
    >>> sorted(_alt_prefixes(r"(?:the\\s+)?trump\\s+administration"))
    ['the trump administration', 'trump administration']
    >>> _alt_prefixes(r"\\d+-year-old") == frozenset("0123456789")
    True
    >>> _alt_prefixes(r"\\w+") is None
    True
    """
    try:
        parsed = _sre_p.parse(src, re.IGNORECASE)  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001 - no parser, or a parse we cannot follow: search as before
        return _NOT_ANALYZED
    try:
        if _has_groupref(parsed.data):
            return _NOT_ANALYZED
        prefixes = frozenset(pfx for pfx, _ in _prefix_walk(parsed.data))
    except Exception:  # noqa: BLE001 - a parse tree of another shape: search as before
        return _NOT_ANALYZED
    if not prefixes or "" in prefixes:
        return _NOT_ANALYZED
    return prefixes


def _is_joiner(op: Any, av: Any) -> bool:
    """Whether a parsed regex item joins two words: ``\\s``, ``[\\s\\-]``, once or ``+``."""
    c = _sre_c
    if op is c.MAX_REPEAT and av[0] == 1 and av[1] == c.MAXREPEAT and len(av[2]) == 1:
        op, av = av[2][0]
    space = (c.CATEGORY, c.CATEGORY_SPACE)
    return op is c.IN and space in av and all(x in (space, (c.LITERAL, 45)) for x in av)


def _forms_of(items: Any) -> list[str] | None:
    """The strings a parsed sequence of letters, digits, joiners, alternatives and optional
    parts matches (a joiner is a space), or None for anything else."""
    c = _sre_c
    out = [""]
    for op, av in items:
        if op is c.LITERAL or op is c.IN:
            if op is c.IN and not all(iop is c.LITERAL for iop, _ in av):
                return None
            chars = [chr(av)] if op is c.LITERAL else [chr(iav) for _, iav in av]
            if not all(ch.isascii() and (ch.isalnum() or ch in "'.") for ch in chars):
                return None
            opts: list[str] | None = sorted({ch.lower() for ch in chars})
        elif _is_joiner(op, av):
            opts = [_SEP]
        elif op is c.SUBPATTERN:
            opts = None if av[0] is not None or av[1] or av[2] else _forms_of(av[3])
        elif op is c.BRANCH:
            alts = [_forms_of(alt) for alt in av[1]]
            opts = None if any(a is None for a in alts) else [f for a in alts for f in a]
        elif op is c.MAX_REPEAT and av[0] == 0 and av[1] == 1:
            once = _forms_of(av[2])
            opts = None if once is None else ["", *once]
        else:
            return None
        if opts is None:
            return None
        out = [a + b for a in out for b in opts]
        if len(out) > _PREFIX_CAP:
            return None
    return out


@lru_cache(maxsize=8192)
def _word_forms(src: str) -> frozenset[str] | None:
    """Every string a cue alternative matches, when it is a plain sequence of words.

    Plain: ASCII letters, digits, ``'`` and ``.``, words joined by ``\\s`` or ``[\\s\\-]``
    (once or ``+``; a space in the forms), groups of alternatives and optional parts, as
    :func:`cue_pattern` writes lemma and exact cues; every form starts with a letter or digit,
    no form ends where another goes on after a non-word character, and the forms are exactly
    the alternative's prefixes (see :func:`_alt_prefixes`). Where the text has a single space
    between words, such an alternative matches at a word start (between ``(?<!\\w)`` and
    ``(?!\\w)``) exactly when the lowercased text there starts with a form that ends at a word
    end; at most one form can. None for any other alternative.

    Examples
    --------
    >>> sorted(_word_forms(cue_pattern("due process")))
    ['due process', 'due processed', 'due processes', 'due processing']
    >>> sorted(_word_forms(r"(?:the\\s+)?u\\.s\\."))
    ['the u.s.', 'u.s.']
    >>> _word_forms(r"attorneys?(?!\\s+general)") is None
    True
    """
    try:
        forms = _forms_of(_sre_p.parse(src, re.IGNORECASE).data)  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001 - no parser, or a parse tree of another shape
        return None
    if not forms or any(not f[:1].isalnum() or f[-1] == _SEP or _SEP * 2 in f for f in forms):
        return None
    for short in forms:  # no form may end where another one goes on after a non-word character
        if any(f.startswith(short) and len(f) > len(short) and not _WORD_CHAR.match(f, len(short))
               for f in forms):
            return None
    return frozenset(forms) if frozenset(forms) == _alt_prefixes(src) else None


class _SubPattern:
    """Some alternatives of one lexicon, compiled on first use (``.match`` as ``re.Pattern``);
    ``names`` are their group names."""

    __slots__ = ("source", "names", "match")

    def __init__(self, source: str, names: tuple[str, ...]) -> None:
        self.source = source
        self.names = names
        self.match = self._compile_and_match

    def _compile_and_match(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        self.match = re.compile(self.source, re.IGNORECASE).match  # type: ignore[method-assign]
        return self.match(text, pos, endpos)


#: Letters by how often English words start with them: the order in which the scanner's
#: alternatives are tried (they start with different characters, so the order changes only the
#: speed: sre tries the branches of an alternation one by one).
_LETTER_ORDER = {ch: k for k, ch in enumerate("tasoiwcbphfmdrelngyuvjkqxz")}


def _trie_regex(words: Iterable[str]) -> str:
    """An alternation of ``words`` that matches the longest word that starts at a position."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any]) -> str:
        chars = sorted((ch for ch in node if ch), key=lambda ch: (_LETTER_ORDER.get(ch, 99), ch))
        alts = [(r"[\s\-]+" if ch == _SEP else re.escape(ch)) + emit(node[ch]) for ch in chars]
        if "" in node:
            if not alts:
                return ""
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


#: The non-ASCII characters that match an ASCII letter case-insensitively (İ, ı, ſ and the
#: Kelvin sign; tests/test_framing_fast.py checks this against every code point).
_ASCII_TWINS = "\u0130\u0131\u017f\u212a"
#: A non-ASCII character that an ASCII letter or ``\d`` could match.
_ASCII_LIKE = re.compile(rf"[^\x00-\x7f](?<=[{_ASCII_TWINS}\d])")


def _lowered_for_scan(text: str) -> str | None:
    """``text.lower()`` when scanning it for ASCII prefixes finds every candidate, else None.

    Lowercasing keeps every character a word character or not, and only the twins change
    length or become ASCII; a text with a twin or a non-ASCII digit is searched as before.
    """
    if not text.isascii():
        for twin in _ASCII_TWINS:
            if twin in text:
                return None
    low = text.lower()
    return low if len(low) == len(text) else None


def _regular_spans(spans: Sequence[Span], n_chars: int) -> bool:
    """Sentence spans in text order, not overlapping, inside the text."""
    prev = 0
    for s, e in spans:
        if s < prev or e < s:
            return False
        prev = e
    return prev <= n_chars


Row = tuple[int, str, str, int, int, str]  # sentence_id, label, cue, start, end, matched


def _finditer_rows(text: str, spans: Sequence[Span], lex: CompiledLexicon) -> list[Row]:
    """The reference search: every sentence scanned by the lexicon's regex."""
    rows: list[Row] = []
    groups = lex.groups
    for sid, (s, e) in enumerate(spans):
        for m in lex.regex.finditer(text, s, e):
            matched = m.group(0)
            for label, cue in groups[m.lastgroup or ""]:
                rows.append((sid, label, cue, m.start(), m.end(), matched))
    return rows


@lru_cache(maxsize=32)
def _plan_core(
    sources: tuple[tuple[tuple[str, str], ...], ...], hand_built: tuple[bool, ...]
) -> tuple[tuple[bool, ...], dict[str, tuple[tuple[int, _SubPattern], ...]],
           dict[str, tuple[_StaticEntry, ...]], re.Pattern[str] | None]:
    """What matching depends on, from the lexicons' alternatives only (so lexicons compiled
    from equal tables share it): which lexicons are searched sentence by sentence, the
    prefix -> (lexicon, alternatives) table, the same with each lexicon's match worked out in
    advance where it can be (see _static_entry), and the scanner."""
    slow = [False] * len(sources)
    entries: dict[str, dict[int, set[int]]] = {}
    for i, alts in enumerate(sources):
        if not alts:
            slow[i] = hand_built[i]  # a hand-built instance: search as before
            continue
        per_alt = [_alt_prefixes(src) for _name, src in alts]
        if any(p is None for p in per_alt):
            slow[i] = True
            continue
        for a, prefixes in enumerate(per_alt):
            for pfx in prefixes:  # type: ignore[union-attr]
                entries.setdefault(pfx, {}).setdefault(i, set()).add(a)
    subs: dict[tuple[int, tuple[int, ...]], _SubPattern] = {}
    closure: dict[str, tuple[tuple[int, _SubPattern], ...]] = {}
    static: dict[str, tuple[_StaticEntry, ...]] = {}
    for key in entries:
        merged: dict[int, set[int]] = {}
        for k in range(1, len(key) + 1):
            for i, alt_ids in entries.get(key[:k], {}).items():
                merged.setdefault(i, set()).update(alt_ids)
        items = []
        for i in sorted(merged):
            alt_ids = tuple(sorted(merged[i]))
            sub = subs.get((i, alt_ids))
            if sub is None:
                srcs = sources[i]
                body = "|".join(f"(?P<{srcs[a][0]}>{srcs[a][1]})" for a in alt_ids)
                sub = subs[(i, alt_ids)] = _SubPattern(rf"(?<!\w)(?:{body})(?!\w)",
                                                       tuple(srcs[a][0] for a in alt_ids))
            items.append((i, sub))
        closure[key] = tuple(items)
        static[key] = tuple(_static_entry(key, i, [sources[i][a] for a in sorted(merged[i])], sub)
                            for i, sub in items)
    if not entries:
        return tuple(slow), closure, static, None
    # a candidate is a position after a non-word character (or 0) where a prefix starts; the
    # scanner consumes that one character, so sre skips ahead to it. It tests "not an ASCII
    # word character", which is faster than \W; a non-ASCII word character before a candidate
    # is dropped afterwards (see _Plan.scan, which also puts a space before the text, so that
    # a prefix at position 0 is found too).
    # Each candidate also reports the word character after its prefix, if any (see _static_entry).
    trie = _trie_regex(entries)
    return tuple(slow), closure, static, re.compile(rf"[^0-9A-Za-z_](?=({trie})(\w?))")


#: How one lexicon matches at a candidate with a given prefix (see _static_entry).
_StaticEntry = tuple[int, "str | None", "str | None", int, "_SubPattern | None"]


def _static_entry(
    key: str, i: int, alts: Sequence[tuple[str, str]], sub: _SubPattern
) -> _StaticEntry:
    """How lexicon ``i``, restricted to the alternatives ``alts`` that ``sub`` tries, matches at
    a candidate whose longest prefix is ``key``.

    When every alternative is a plain word sequence (:func:`_word_forms`), the match follows from
    ``key`` alone, provided the prefix lies inside the sentence, is written with single spaces
    and is followed by one more character of the sentence: ``(i, full, short, short_len,
    None)``. The first alternative, in ``sub``'s order, with a form that is ``key`` itself
    (``full``, a group name) matches if the text goes on with a non-word character; failing
    that, the first one with a shorter form that ends at a word end inside ``key`` (``short``,
    of length ``short_len``) does; an alternative after ``short`` never wins. Otherwise the
    entry is ``(i, None, None, 0, sub)``: match ``sub``.
    """
    full = short = None
    short_len = 0
    for name, src in alts:
        forms = _word_forms(src)
        if forms is None:
            return (i, None, None, 0, sub)
        for form in forms:
            if key.startswith(form):
                if len(form) == len(key):
                    full = full or name
                elif not _WORD_CHAR.match(key, len(form)):
                    short, short_len = name, len(form)
        if short is not None:
            break
    return (i, full, short, short_len, None)


class _Plan:
    """Several compiled lexicons, prepared to be matched in one pass over a text."""

    def __init__(self, lexicons: tuple[CompiledLexicon, ...]) -> None:
        self.lexicons = lexicons
        self.groups = [lex.groups for lex in lexicons]
        self.index = {id(lex): i for i, lex in enumerate(lexicons)}
        self.slow, self.closure, static, self.scanner = _plan_core(
            tuple(lex.sources for lex in lexicons), tuple(bool(lex.groups) for lex in lexicons))
        self.any_slow = any(self.slow)
        # a lexicon whose cues each stand for labels in sorted order has its one-pass matches
        # in _sorted_rows order already (one match per start)
        self.label_sorted = tuple(all(map(_labels_sorted, g.values())) for g in self.groups)
        # prefix -> what matches at a candidate with that prefix (see _candidate_entry); one
        # table for a prefix that ends at a word end, one for a prefix that does not
        self.at_word_end = {key: _candidate_entry(key, self._resolve(key, items, True))
                            for key, items in static.items()}
        self.in_word = {key: _candidate_entry(key, self._resolve(key, items, False))
                        for key, items in static.items()}

    def _resolve(self, key: str, items: tuple[_StaticEntry, ...], word_end: bool
                 ) -> tuple[tuple[int, int, Any, _SubPattern | None], ...]:
        """A prefix's entries (see _static_entry) for a prefix that ends at a word end or not:
        (lexicon, match length, (label, cue) pairs, None) for the lexicons that match there, or
        (lexicon, 0, pairs, sub) to match sub, with the pairs of its alternative if it has one
        (that group always closes last), else None; lexicons that cannot match there are left
        out."""
        out = []
        for i, full, short, short_len, sub in items:
            if sub is not None:
                one = self.groups[i][sub.names[0]] if len(sub.names) == 1 else None
                out.append((i, 0, one, sub))
            elif full is not None and word_end:
                out.append((i, len(key), self.groups[i][full], None))
            elif short is not None:
                out.append((i, short_len, self.groups[i][short], None))
        return tuple(out)

    def scan(self, text: str, spans: Sequence[Span]) -> _TextScan:
        """Every lexicon's matches in ``text``: one scanner pass, then each candidate tried."""
        low = _lowered_for_scan(text) if self.scanner is not None else None
        if low is None or not _regular_spans(spans, len(text)):
            return _TextScan(self, text, spans, None)
        found: list[list[Row]] = [[] for _ in self.lexicons]
        n = len(spans)
        if not n:
            return _TextScan(self, text, spans, found)
        at_word_end, in_word, groups = self.at_word_end, self.in_word, self.groups
        reached = [0] * len(self.lexicons)  # end of each lexicon's last match
        j = 0
        s_j, e_j = spans[0]
        # The candidates, in text order: scanner.split returns [gap, prefix, word character
        # after it or "", gap, ...] without match objects, so a candidate's position is the
        # length of the gaps and of the characters the scanner consumed before it. The space
        # put before the text makes position 0 a candidate like the others; in ``spaced`` the
        # character before the candidate at p is at p.
        spaced = " " + low
        non_ascii = not low.isascii()
        pieces = iter(self.scanner.split(spaced))  # type: ignore[union-attr]
        p = -1
        for gap, key, word_after in zip(pieces, pieces, pieces):
            p += len(gap) + 1
            if p >= e_j:
                while p >= e_j and j < n - 1:
                    j += 1
                    s_j, e_j = spans[j]
                if p >= e_j:
                    break
            if p < s_j or non_ascii and spaced[p] > "\x7f" and _WORD_CHAR.match(spaced, p):
                continue  # outside the sentences, or after a non-ASCII word character
            got = (in_word if word_after else at_word_end).get(key)
            if got is None or p + got[0] >= e_j:  # other separators, or up to the sentence end
                self._match_at(text, p, e_j, key, j, reached, found)
                continue
            _, i, q, label, cue, entries = got
            if entries is None:  # the usual case: one plain cue with one label
                if p >= reached[i]:
                    q = reached[i] = p + q
                    found[i].append((j, label, cue, p, q, text[p:q]))
                continue
            for i, length, pairs, sub in entries:
                if p < reached[i]:  # inside this lexicon's previous match: finditer skips it
                    continue
                if sub is None:
                    q = p + length
                else:
                    hit = sub.match(text, p, e_j)
                    if hit is None:
                        continue
                    q = hit.end()
                    if pairs is None:  # the alternative that matched
                        pairs = groups[i][hit.lastgroup]  # type: ignore[index]
                reached[i] = q
                matched = text[p:q]
                rows = found[i]
                for label, cue in pairs:
                    rows.append((j, label, cue, p, q, matched))
        return _TextScan(self, text, spans, found)

    def _match_at(self, text: str, p: int, e_j: int, key: str, j: int, reached: list[int],
                  found: list[list[Row]]) -> None:
        """Try every lexicon whose alternatives may start at ``p`` with its regex."""
        subs = self.closure.get(key)
        if subs is None:  # a separator run other than one space
            subs = self.closure[_SEP_RUN.sub(_SEP, key)]
        for i, sub in subs:
            if p < reached[i]:
                continue
            hit = sub.match(text, p, e_j)
            if hit is not None:
                q = reached[i] = hit.end()
                matched = text[p:q]
                rows = found[i]
                for label, cue in self.groups[i][hit.lastgroup]:  # type: ignore[index]
                    rows.append((j, label, cue, p, q, matched))


#: What matches at a candidate (see _candidate_entry).
_CandidateEntry = tuple[int, int, int, Any, Any, Any]


def _candidate_entry(
    key: str, entries: tuple[tuple[int, int, Any, _SubPattern | None], ...]
) -> _CandidateEntry:
    """``(prefix length, lexicon, match length, label, cue, None)`` when one lexicon matches a
    plain cue that stands for one (label, cue) pair (the usual case: no loop over the entries),
    else ``(prefix length, 0, 0, None, None, entries)`` (see ``_Plan._resolve``)."""
    if len(entries) == 1 and entries[0][3] is None and len(entries[0][2]) == 1:
        i, length, pairs, _ = entries[0]
        return (len(key), i, length, *pairs[0], None)
    return (len(key), 0, 0, None, None, entries)


def _labels_sorted(pairs: Sequence[tuple[Any, str]]) -> bool:
    """Whether the (label, cue) pairs are in label order (a stable sort keeps their order)."""
    try:
        return all(a[0] <= b[0] for a, b in zip(pairs, pairs[1:]))
    except TypeError:  # labels that do not compare: sort the rows as before
        return False


class _TextScan:
    """The cue occurrences of each lexicon of a plan in one text."""

    __slots__ = ("plan", "text", "spans", "found", "_rows")

    def __init__(self, plan: _Plan, text: str, spans: Sequence[Span],
                 found: list[list[Row]] | None) -> None:
        self.plan, self.text, self.spans, self.found = plan, text, spans, found
        self._rows: dict[int, list[Row]] = {}

    def rows(self, i: int) -> list[Row]:
        """Lexicon ``i``'s matches, as ``regex.finditer`` per sentence finds them, in start
        order (matches with the same start in sentence order)."""
        if self.found is not None and not self.plan.slow[i]:
            return self.found[i]  # found in text order
        out = self._rows.get(i)
        if out is None:
            rows = _finditer_rows(self.text, self.spans, self.plan.lexicons[i])
            out = self._rows[i] = sorted(rows, key=_row_start)
        return out

    def sorted_rows(self, i: int) -> list[Row]:
        """``_sorted_rows(self.rows(i))``, without sorting where the rows are in that order."""
        if self.found is not None and not self.plan.slow[i] and self.plan.label_sorted[i]:
            return self.found[i]
        return _sorted_rows(self.rows(i))


_PLANS: dict[tuple[int, ...], tuple[tuple[CompiledLexicon, ...], _Plan]] = {}
_PLANS_MAX = 32


def _plan_for(lexicons: Sequence[CompiledLexicon]) -> _Plan:
    """The (cached) plan for these lexicon objects; the cache holds them, so ids stay valid."""
    lexs = tuple({id(lex): lex for lex in lexicons}.values())
    key = tuple(map(id, lexs))
    hit = _PLANS.get(key)
    if hit is not None:
        return hit[1]
    plan = _Plan(lexs)
    while len(_PLANS) >= _PLANS_MAX:
        _PLANS.pop(next(iter(_PLANS)), None)
    _PLANS[key] = (lexs, plan)
    return plan


def _read_table(source: str | Path | pd.DataFrame) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        return source.copy()
    return pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8")


def _data_text(name: str) -> str:
    return resources.files("coverage.data").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _default_policy_lexicon() -> CompiledLexicon:
    from io import StringIO

    table = pd.read_csv(StringIO(_data_text("policy_frames.csv")), dtype=str,
                        keep_default_na=False)
    return compile_lexicon(table, "frame")


def _file_key(source: object) -> tuple[str, int, int] | None:
    """(absolute path, mtime, size) of a local file, the key its compiled form is cached on."""
    if not isinstance(source, (str, os.PathLike)):
        return None
    try:
        st = os.stat(source)
    except (OSError, ValueError, TypeError):
        return None
    return (os.path.abspath(os.fspath(source)), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=16)
def _lexicon_from_file(key: tuple[str, int, int]) -> CompiledLexicon:
    return compile_lexicon(_read_table(key[0]), "frame")


class _ByIdentity:
    """Values built from objects (user DataFrames), cached while the object lives.

    The key is the object's identity: a DataFrame changed in place after its first use keeps
    its first compilation (pass a copy, or compile it yourself, to use the change).
    """

    def __init__(self) -> None:
        self._items: dict[int, tuple[weakref.ref[Any], Any]] = {}

    def get(self, obj: Any, build: Callable[[Any], Any]) -> Any:
        key = id(obj)
        hit = self._items.get(key)
        if hit is not None and hit[0]() is obj:
            return hit[1]
        value = build(obj)
        items = self._items
        try:
            ref = weakref.ref(obj, lambda _ref, key=key: items.pop(key, None))
        except TypeError:  # pragma: no cover - not weakly referenceable: not cached
            return value
        items[key] = (ref, value)
        return value


_LEXICONS_BY_FRAME = _ByIdentity()


def _resolve_lexicon(
    lexicon: str | Path | pd.DataFrame | CompiledLexicon | None,
) -> CompiledLexicon:
    """:func:`load_frame_lexicon`, with DataFrames compiled once per object."""
    if isinstance(lexicon, pd.DataFrame):
        return _LEXICONS_BY_FRAME.get(lexicon, lambda df: compile_lexicon(_read_table(df)))
    return load_frame_lexicon(lexicon)


def load_frame_lexicon(
    lexicon: str | Path | pd.DataFrame | CompiledLexicon | None = None,
) -> CompiledLexicon:
    """Load and compile a policy-frame cue lexicon.

    Parameters
    ----------
    lexicon : str, pathlib.Path, pandas.DataFrame, CompiledLexicon or None
        ``None`` for the packaged ``policy_frames.csv``; a path to a CSV or a DataFrame with
        columns ``frame, cue, match`` (+ ``pattern`` for regex cues; ``source, note`` optional).

    Returns
    -------
    CompiledLexicon
        The packaged lexicon is compiled once per process, a CSV file once per path (and
        modification time); a DataFrame is compiled on every call.

    Examples
    --------
    >>> lex = load_frame_lexicon()
    >>> lex.labels[0], lex.labels[-1], len(lex.labels)
    ('economic', 'other', 15)

    References
    ----------
    Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014). Tracking the
    development of media frames within and across policy issues. APSA 2014 Annual Meeting Paper.
    """
    if lexicon is None:
        return _default_policy_lexicon()
    if isinstance(lexicon, CompiledLexicon):
        return lexicon
    key = _file_key(lexicon)
    if key is not None:
        return _lexicon_from_file(key)
    return compile_lexicon(_read_table(lexicon), "frame")


def _sentence_spans(text: str, sentences: Sequence[Span] | None) -> list[Span]:
    if sentences is not None:
        return [(int(s), int(e)) for s, e in sentences]
    try:
        from coverage.segment import split_sentences
    except ImportError:  # pragma: no cover - the segmenter ships with the package
        logger.debug("coverage.segment unavailable: treating the text as one sentence")
        return [(0, len(text))]
    return list(split_sentences(text))


_by_start_label = operator.itemgetter(3, 1)
_row_start = operator.itemgetter(3)


def _sorted_rows(rows: list[Row]) -> list[Row]:
    """Occurrences ordered by start, then label (stable: sentence order among equals)."""
    return sorted(rows, key=_by_start_label)


def _rows_frame(rows: list[Row], label_name: str) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=["sentence_id", label_name, "cue", "start", "end", "matched"])
    out = out.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})
    for col in (label_name, "cue", "matched"):
        out[col] = out[col].astype(object)
    return out


def _scan(
    text: str, spans: Sequence[Span], lex: CompiledLexicon, label_name: str
) -> pd.DataFrame:
    rows = _plan_for((lex,)).scan(text, spans).sorted_rows(0)
    return _rows_frame(rows, label_name)


def find_frame_cues(
    text: str,
    sentences: Sequence[Span] | None = None,
    lexicon: str | Path | pd.DataFrame | CompiledLexicon | None = None,
) -> pd.DataFrame:
    """Find every policy-frame cue in one article.

    Parameters
    ----------
    text : str
        The article's (clean) text.
    sentences : list of (int, int), optional
        Sentence spans into ``text``; by default ``coverage.segment.split_sentences(text)``.
        Only text inside a sentence span is searched.
    lexicon : path, DataFrame, CompiledLexicon or None
        The cue lexicon; ``None`` for the packaged Policy Frames Codebook cues.

    Returns
    -------
    pandas.DataFrame
        One row per cue occurrence (and frame), ordered by ``start``: ``sentence_id`` (int, the
        index into ``sentences``), ``frame``, ``cue`` (the lexicon entry), ``start``, ``end``
        (offsets into ``text``) and ``matched`` (``text[start:end]``).

    Examples
    --------
    >>> text = "The suit argues the policy violates their due process rights."
    >>> cues = find_frame_cues(text, [(0, len(text))])
    >>> cues["matched"].tolist()
    ['suit', 'policy', 'due process', 'rights']
    >>> cues["frame"].str.slice(0, 8).tolist()
    ['legality', 'policy_p', 'legality', 'legality']

    References
    ----------
    Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A. (2015). The Media Frames
    Corpus: Annotations of frames across issues. *Proceedings of ACL-IJCNLP 2015*, 438-444.
    """
    lex = load_frame_lexicon(lexicon)
    return _scan(text, _sentence_spans(text, sentences), lex, "frame")


# --------------------------------------------------------------------------------------------
# Article profiles and outlet roll-ups
# --------------------------------------------------------------------------------------------
PROFILE_COLUMNS = (
    "frame", "n_cues", "n_sentences", "weight", "share", "share_sentences", "primary",
)


def score_frames(
    cues: pd.DataFrame,
    n_sentences: int | None = None,
    *,
    headline_sentences: int = 0,
    headline_weight: float = 1.0,
    lede_sentences: int = 0,
    lede_weight: float = 1.0,
    unit: Literal["sentence", "cue"] = "sentence",
    frames: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One article's distribution over frames and its primary frame.

    Each sentence that holds at least one cue of a frame counts once for that frame
    (``unit="sentence"``, the default, so a repeated word does not dominate), or every cue counts
    (``unit="cue"``). A count is multiplied by ``headline_weight`` for the first
    ``headline_sentences`` sentences and by ``lede_weight`` for the ``lede_sentences`` after them.

    Parameters
    ----------
    cues : pandas.DataFrame
        The output of :func:`find_frame_cues` for one article (``sentence_id``, ``frame``,
        ``start``).
    n_sentences : int, optional
        The article's number of sentences, for ``share_sentences``.
    headline_sentences, lede_sentences : int
        How many leading sentences are the headline and, after it, the lede.
    headline_weight, lede_weight : float
        Their weights (1 = no extra weight).
    unit : {"sentence", "cue"}
        What is counted.
    frames : sequence of str, optional
        The frames to report, in order; by default the packaged lexicon's 15 dimensions. Frames
        present in ``cues`` but not listed are appended (so a user lexicon's frames are kept).

    Returns
    -------
    pandas.DataFrame
        One row per frame: ``frame``, ``n_cues`` (cue occurrences), ``n_sentences`` (sentences
        with a cue), ``weight`` (the weighted count), ``share`` (weight / total weight; 0 when the
        article has no cue), ``share_sentences`` (n_sentences / the article's sentences; NaN when
        ``n_sentences`` is not given) and ``primary`` (True for the one frame with the largest
        weight; ties go to the frame whose first cue comes first; no frame is primary when there
        is no cue: an absence of cues is not the codebook's "other").

    Examples
    --------
    >>> cues = pd.DataFrame({"sentence_id": [0, 1, 1], "frame": ["economic", "political",
    ...                      "political"], "start": [0, 10, 20]})
    >>> p = score_frames(cues, 4, frames=["economic", "political"])
    >>> p[["frame", "weight", "share", "primary"]].values.tolist()
    [['economic', 1.0, 0.5, True], ['political', 1.0, 0.5, False]]

    References
    ----------
    Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A. (2015). The Media Frames
    Corpus: Annotations of frames across issues. *Proceedings of ACL-IJCNLP 2015*, 438-444
    (primary frame: one per article).
    """
    if frames is None:
        frames = load_frame_lexicon().labels
    has = len(cues) > 0
    per_frame = _group_cues(cues["frame"].tolist(), cues["sentence_id"].tolist(),
                            cues["start"].tolist()) if has else {}
    rows = _frame_profile(
        frames, per_frame, n_sentences, headline_sentences=headline_sentences,
        headline_weight=headline_weight, lede_sentences=lede_sentences, lede_weight=lede_weight,
        unit=unit)
    out = pd.DataFrame(rows, columns=list(PROFILE_COLUMNS))
    return out.astype({"n_cues": "int64", "n_sentences": "int64", "share": "float64",
                       "share_sentences": "float64", "primary": "bool"})


_NO_CUE = int(np.iinfo(np.int64).max)  # "first cue position" of a frame without cues


def _group_cues(
    cue_frames: Iterable[Any], cue_sentences: Iterable[Any], cue_starts: Iterable[Any]
) -> dict[Any, tuple[list[Any], list[Any]]]:
    """Frame -> (its cues' sentence ids, their starts), frames in order of their first cue."""
    per_frame: dict[Any, tuple[list[Any], list[Any]]] = {}
    for frame, sid, start in zip(cue_frames, cue_sentences, cue_starts):
        got = per_frame.get(frame)
        if got is None:
            per_frame[frame] = ([sid], [start])
        else:
            got[0].append(sid)
            got[1].append(start)
    return per_frame


def _group_rows(parts: Iterable[tuple[list[Row], int]]) -> dict[Any, tuple[list[int], list[int]]]:
    """:func:`_group_cues` of rows, each part's sentence ids shifted by its offset."""
    per_frame: dict[Any, tuple[list[int], list[int]]] = {}
    for rows, offset in parts:
        for sid, frame, _cue, start, _end, _matched in rows:
            got = per_frame.get(frame)
            if got is None:
                per_frame[frame] = ([sid + offset], [start])
            else:
                got[0].append(sid + offset)
                got[1].append(start)
    return per_frame


def _frame_profile(
    frames: Sequence[Any],
    per_frame: dict[Any, tuple[list[Any], list[Any]]],
    n_sentences: int | None,
    *,
    headline_sentences: int = 0,
    headline_weight: float = 1.0,
    lede_sentences: int = 0,
    lede_weight: float = 1.0,
    unit: str = "sentence",
) -> list[tuple[Any, int, int, float, float, float, bool]]:
    """The rows of :func:`score_frames` (``PROFILE_COLUMNS``) from the cues grouped by frame
    (see :func:`_group_cues`)."""
    if unit not in ("sentence", "cue"):
        raise ValueError(f"unit must be 'sentence' or 'cue', not {unit!r}")
    frames = list(frames)
    if per_frame:
        try:
            known: Any = set(frames)
        except TypeError:  # unhashable frame names: compare one by one
            known = frames
        frames += [f for f in per_frame if f not in known]
    head_end = headline_sentences
    lede_end = headline_sentences + lede_sentences
    w_head, w_lede = float(headline_weight), float(lede_weight)
    by_sentence = unit == "sentence"
    unweighted = w_head == 1.0 and w_lede == 1.0

    counts = []
    for frame in frames:
        got = per_frame.get(frame) if frame == frame else None  # a NaN label is no frame
        if got is None:
            counts.append((frame, 0, 0, 0.0, _NO_CUE))
            continue
        n_cues = len(got[0])
        distinct = set(map(int, got[0]))
        if unweighted:  # a sum of ones
            weight = float(len(distinct) if by_sentence else n_cues)
        else:  # summed in the order score_frames always has: sentences ascending, or cue order
            weight = float(sum([w_head if x < head_end else w_lede if x < lede_end else 1.0
                                for x in (sorted(distinct) if by_sentence else map(int, got[0]))]))
        # pandas' min skips NaN; so does min() unless the first start is one (a comparison with
        # NaN is false, so a NaN never replaces a number and a number never replaces a NaN)
        first = min(got[1])
        if first != first:
            first = min([x for x in got[1] if x == x], default=math.nan)
        counts.append((frame, n_cues, len(distinct), weight, int(first)))
    weights = [c[3] for c in counts]
    total = float(sum(weights)) if unweighted else _total_weight(weights)  # counts: exact
    positive = total > 0
    best = -1
    if positive:  # largest weight, then earliest first cue, then frame order; NaN never wins
        ranked = [(-c[3], c[4], k) for k, c in enumerate(counts) if c[3] == c[3]]
        if ranked:
            best = min(ranked)[2]
    return [
        (frame, n_cues, n_sent, weight, weight / total if positive else 0.0,
         n_sent / n_sentences if n_sentences else math.nan, k == best)
        for k, (frame, n_cues, n_sent, weight, _first) in enumerate(counts)
    ]


def _total_weight(weights: list[float]) -> float:
    """The sum of the weights as pandas sums a float64 column (numpy's pairwise sum), NaN
    counted as 0; whole numbers (the usual case) are summed exactly in Python instead."""
    if all(map(float.is_integer, weights)) and sum(map(abs, weights)) < 2.0**53:
        return float(sum(weights))  # every partial sum is exact, so the order does not matter
    arr = np.array(weights, dtype=np.float64)
    return float(np.add.reduce(np.where(np.isnan(arr), 0.0, arr)))


def score_frames_by_article(
    cues: pd.DataFrame,
    articles: pd.DataFrame,
    **params: object,
) -> pd.DataFrame:
    """Frame profiles of many articles (articles without any cue included).

    Parameters
    ----------
    cues : pandas.DataFrame
        Cue evidence for many articles: :func:`find_frame_cues` output with an ``article_id``
        column (the pipeline's ``frames`` table).
    articles : pandas.DataFrame
        One row per article: ``article_id``, ``outlet`` and optionally ``n_sentences``.
    **params
        Passed to :func:`score_frames` (``headline_sentences``, ``lede_weight``, ``unit``, ...).

    Returns
    -------
    pandas.DataFrame
        ``article_id, outlet`` followed by the columns of :func:`score_frames`.

    Examples
    --------
    >>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "n_sentences": [2]})
    >>> cues = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "frame": ["economic"],
    ...                      "start": [0]})
    >>> score_frames_by_article(cues, arts, frames=["economic"])["share"].tolist()
    [1.0]

    References
    ----------
    Card, D. et al. (2015). The Media Frames Corpus. *Proceedings of ACL-IJCNLP 2015*, 438-444.
    """
    for col in ("article_id", "outlet"):
        if col not in articles.columns:
            raise ValueError(f"articles lacks column {col!r}")
    groups = dict(tuple(cues.groupby("article_id", sort=False))) if len(cues) else {}
    empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in
                          [("sentence_id", "int64"), ("frame", object), ("start", "int64")]})
    parts = []
    for art in articles.itertuples(index=False):
        aid = getattr(art, "article_id")
        n = getattr(art, "n_sentences", None)
        n = None if n is None or pd.isna(n) else int(n)
        prof = score_frames(groups.get(aid, empty), n, **params)  # type: ignore[arg-type]
        prof.insert(0, "outlet", getattr(art, "outlet"))
        prof.insert(0, "article_id", aid)
        parts.append(prof)
    if not parts:
        return pd.DataFrame(columns=["article_id", "outlet", *PROFILE_COLUMNS])
    return pd.concat(parts, ignore_index=True)


def summarize_frames_by_outlet(profiles: pd.DataFrame) -> pd.DataFrame:
    """Roll article frame profiles up to outlets.

    Parameters
    ----------
    profiles : pandas.DataFrame
        The output of :func:`score_frames_by_article`.

    Returns
    -------
    pandas.DataFrame
        One row per outlet and frame: ``outlet``, ``frame``, ``n_articles`` (the outlet's
        articles), ``n_articles_with_frame`` (articles with at least one cue of the frame),
        ``n_cues``, ``mean_share`` and ``sd_share`` (mean and sample SD over articles of the
        frame's ``share``), ``share_primary`` (fraction of the outlet's articles whose primary
        frame it is; articles without any cue have none).

    Examples
    --------
    >>> prof = pd.DataFrame({"article_id": ["a", "a"], "outlet": ["X", "X"], "frame": ["e", "p"],
    ...                      "n_cues": [1, 0], "share": [1.0, 0.0], "primary": [True, False]})
    >>> summarize_frames_by_outlet(prof)[["frame", "mean_share", "share_primary"]].values.tolist()
    [['e', 1.0, 1.0], ['p', 0.0, 0.0]]

    References
    ----------
    Card, D. et al. (2015). The Media Frames Corpus. *Proceedings of ACL-IJCNLP 2015*, 438-444.
    """
    order = list(dict.fromkeys(profiles["frame"]))
    g = profiles.groupby(["outlet", "frame"], sort=False)
    out = g.agg(
        n_articles=("article_id", "nunique"),
        n_articles_with_frame=("n_cues", lambda s: int((s > 0).sum())),
        n_cues=("n_cues", "sum"),
        mean_share=("share", "mean"),
        sd_share=("share", "std"),
        share_primary=("primary", "mean"),
    ).reset_index()
    out["frame"] = pd.Categorical(out["frame"], categories=order, ordered=True)
    out = out.sort_values(["outlet", "frame"], kind="stable").reset_index(drop=True)
    out["frame"] = out["frame"].astype(object)
    return out


def frames_side_by_side(summary: pd.DataFrame, value: str = "mean_share") -> pd.DataFrame:
    """Outlets' frame distributions side by side (frames as rows, outlets as columns).

    Parameters
    ----------
    summary : pandas.DataFrame
        The output of :func:`summarize_frames_by_outlet`.
    value : str
        The column to show (``mean_share``, ``share_primary``, ``n_cues``, ...).

    Returns
    -------
    pandas.DataFrame
        Index ``frame`` (codebook order), one column per outlet.

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["X", "Y"], "frame": ["e", "e"], "mean_share": [0.2, 0.4]})
    >>> frames_side_by_side(s).loc["e"].tolist()
    [0.2, 0.4]

    References
    ----------
    Card, D. et al. (2015). The Media Frames Corpus. *Proceedings of ACL-IJCNLP 2015*, 438-444.
    """
    order = list(dict.fromkeys(summary["frame"]))
    wide = summary.pivot(index="frame", columns="outlet", values=value)
    wide = wide.reindex(order)
    wide.columns.name = "outlet"
    return wide


# --------------------------------------------------------------------------------------------
# Generic frames (Semetko & Valkenburg 2000)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Indicator:
    id: str
    frame: str
    question: str
    answerable: bool
    rule: str
    scope: str
    min_matches: int
    cues: CompiledLexicon | None
    with_cues: CompiledLexicon | None
    without_cues: CompiledLexicon | None
    or_cues: CompiledLexicon | None
    #: an answerable "any" question with one cue list: yes when its matches are enough
    plain: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        plain = (self.answerable and self.rule == "any" and self.without_cues is None
                 and self.or_cues is None)
        object.__setattr__(self, "plain", plain)


def _cue_list_lexicon(items: Iterable[str], label: str) -> CompiledLexicon | None:
    return _cue_tuple_lexicon(tuple(items), label)


@lru_cache(maxsize=1024)
def _cue_tuple_lexicon(items: tuple[str, ...], label: str) -> CompiledLexicon | None:
    """One compiled lexicon per distinct cue list (shared by the questions that repeat it)."""
    rows = []
    for item in items:
        if item.startswith("re:"):
            rows.append((label, item, "regex", item[3:]))
        else:
            rows.append((label, item, "lemma", ""))
    if not rows:
        return None
    return compile_lexicon(pd.DataFrame(rows, columns=["frame", "cue", "match", "pattern"]))


def _parse_codebook(raw: str) -> tuple[dict[str, object], tuple[_Indicator, ...]]:
    book = tomllib.loads(raw)
    inds = []
    for i, ind in enumerate(book.get("indicator", [])):
        for key in ("id", "frame", "question"):
            if key not in ind:
                raise ValueError(f"generic-frame indicator #{i} lacks {key!r}")
        answerable = bool(ind.get("answerable", True))
        rule = str(ind.get("rule", "any" if answerable else "none"))
        if rule not in ("any", "cooccur", "both", "none"):
            raise ValueError(f"indicator {ind['id']!r}: unknown rule {rule!r}")
        inds.append(_Indicator(
            id=ind["id"], frame=ind["frame"], question=ind["question"], answerable=answerable,
            rule=rule, scope=str(ind.get("scope", "sentence")),
            min_matches=int(ind.get("min_matches", 1)),
            cues=_cue_list_lexicon(ind.get("cues", []), "cues"),
            with_cues=_cue_list_lexicon(ind.get("with_cues", []), "with_cues"),
            without_cues=_cue_list_lexicon(ind.get("without_cues", []), "without_cues"),
            or_cues=_cue_list_lexicon(ind.get("or_cues", []), "or_cues"),
        ))
    return book.get("meta", {}), tuple(inds)


@lru_cache(maxsize=1)
def _default_codebook() -> tuple[dict[str, object], tuple[_Indicator, ...]]:
    return _parse_codebook(_data_text("generic_frames.toml"))


def load_generic_frames(
    codebook: str | Path | None = None,
) -> pd.DataFrame:
    """The generic-frame indicators (questions and rules) as a table.

    Parameters
    ----------
    codebook : str or pathlib.Path, optional
        A TOML file in the layout of the packaged ``generic_frames.toml``.

    Returns
    -------
    pandas.DataFrame
        One row per question: ``frame``, ``indicator``, ``question``, ``answerable``, ``rule``,
        ``scope``, ``min_matches``.

    Examples
    --------
    >>> book = load_generic_frames()
    >>> len(book), int(book["answerable"].sum())
    (20, 19)

    References
    ----------
    Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics. *Journal of
    Communication*, 50(2), 93-109 (the 20 questions, p. 100).
    """
    _, inds = _load_codebook(codebook)
    return pd.DataFrame(
        [(i.frame, i.id, i.question, i.answerable, i.rule, i.scope, i.min_matches) for i in inds],
        columns=["frame", "indicator", "question", "answerable", "rule", "scope", "min_matches"],
    )


def _load_codebook(
    codebook: str | Path | None,
) -> tuple[dict[str, object], tuple[_Indicator, ...]]:
    if codebook is None:
        return _default_codebook()
    key = _file_key(codebook)
    if key is not None:
        return _codebook_from_file(key)
    return _parse_codebook(Path(codebook).read_text(encoding="utf-8"))


@lru_cache(maxsize=16)
def _codebook_from_file(
    key: tuple[str, int, int],
) -> tuple[dict[str, object], tuple[_Indicator, ...]]:
    return _parse_codebook(Path(key[0]).read_text(encoding="utf-8"))


def _codebook_lexicons(inds: Sequence[_Indicator]) -> list[CompiledLexicon]:
    return [lex for ind in inds for lex in (ind.cues, ind.with_cues, ind.without_cues, ind.or_cues)
            if lex is not None]


EVIDENCE_COLUMNS = ("frame", "indicator", "role", "sentence_id", "cue", "start", "end", "matched")


#: Columns of the table returned by :func:`code_generic_frames`.
_GENERIC_COLUMNS = ("frame", "indicator", "question", "answerable", "value", "n_evidence",
                    "evidence")
Evidence = tuple[str, Row]  # role, the cue's row


def _by_start_role(ev: Evidence) -> tuple[int, str]:
    return ev[1][3], ev[0]


def _answer(
    ind: _Indicator, cues: list[Row], with_cues: list[Row], without_cues: list[Row],
    or_cues: list[Row],
) -> tuple[float, list[tuple[str, list[Row]]]]:
    """Evaluate one indicator from the matches of its cue lists in start order (``[]`` for a
    list the indicator does not have): the value and the evidence as non-empty (role, rows)
    parts, each in start order (see :func:`_evidence`)."""
    if not ind.answerable or ind.rule == "none":
        return np.nan, []
    if without_cues and cues:
        blocked = {h[0] for h in without_cues}
        cues = [h for h in cues if h[0] not in blocked]
    if ind.rule == "any":
        yes = len(cues) >= ind.min_matches
        parts = [("cue", cues)] if yes else []
    else:
        other = with_cues
        if ind.rule == "cooccur":
            both = {h[0] for h in cues} & {h[0] for h in other}
            cues = [h for h in cues if h[0] in both]
            other = [h for h in other if h[0] in both]
            yes = len(both) >= ind.min_matches
        else:  # "both": anywhere in the article
            yes = len(cues) >= ind.min_matches and len(other) >= 1
        parts = [("cue", cues), ("with_cue", other)] if yes else []
    if or_cues:
        parts.append(("or_cue", or_cues))
        yes = True
    return (1.0 if yes else 0.0), [(role, rows) for role, rows in parts if rows]


def _evidence(parts: list[tuple[str, list[Row]]]) -> list[Evidence]:
    """The (role, row) pairs of :func:`_answer`'s evidence parts, by start, then role."""
    if len(parts) == 1:  # already in start order
        return list(zip(itertools.repeat(parts[0][0]), parts[0][1]))
    return sorted([(role, r) for role, rows in parts for r in rows], key=_by_start_role)


def _code_rows(
    inds: Sequence[_Indicator], lists: Sequence[Sequence[int]], found: Sequence[list[Row]],
    evidence: bool = True,
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Rows of :func:`code_generic_frames` and (if ``evidence``) of
    :func:`find_generic_frame_evidence`.

    ``lists[k]`` holds the indices into ``found`` (the matches of each lexicon, in start order)
    of indicator ``k``'s cue lists (cues, with_cues, without_cues, or_cues); ``-1``, for a list
    it lacks, must index an empty list.
    """
    rows: list[tuple[Any, ...]] = []
    evs: list[tuple[Any, ...]] = []
    for ind, (c, w, wo, o) in zip(inds, lists):
        if ind.plain:  # most questions: _answer's result, without calling it
            cues = found[c]
            yes = len(cues) >= ind.min_matches
            value, parts = (1.0, [("cue", cues)] if cues else []) if yes else (0.0, [])
        else:
            value, parts = _answer(ind, found[c], found[w], found[wo], found[o])
        if not parts:
            cited: Sequence[Row] = ()
            text = ""
        else:
            cited = parts[0][1] if len(parts) == 1 else [r for _, r in _evidence(parts)]
            text = _cited_text(cited)
        rows.append((ind.frame, ind.id, ind.question, ind.answerable, value, len(cited), text))
        if evidence and parts:
            evs.extend((ind.frame, ind.id, role, r[0], r[2], r[3], r[4], r[5])
                       for role, r in _evidence(parts))
    return rows, evs


def _cited_text(cited: Sequence[Row]) -> str:
    """The ``evidence`` column: ``matched[start:end]`` of each row, joined by ``"; "``."""
    if len(cited) == 1:  # the usual case, without a list and a join
        r = cited[0]
        return f"{r[5]}[{r[3]}:{r[4]}]"
    return "; ".join([f"{r[5]}[{r[3]}:{r[4]}]" for r in cited]) if cited else ""


def _cue_list_indices(
    inds: Sequence[_Indicator], index: dict[int, int]
) -> tuple[tuple[int, int, int, int], ...]:
    """Each indicator's cue lists as indices of a plan's lexicons (``-1``: no such list)."""
    return tuple(
        tuple(-1 if lex is None else index[id(lex)]  # type: ignore[misc]
              for lex in (ind.cues, ind.with_cues, ind.without_cues, ind.or_cues))
        for ind in inds)


def _term_rows(found: Sequence[list[Row]], family_index: Sequence[tuple[str, int]]) -> list[Row]:
    """All term families' occurrences, ordered by start, then family; ``found[i]`` holds the
    rows of the lexicon a family's index ``i`` points to (see :func:`_all_rows`)."""
    rows: list[Row] = []
    for _family, i in family_index:
        rows.extend(found[i])
    return _sorted_rows(rows)


def _all_rows(scan: _TextScan) -> list[list[Row]]:
    """Every lexicon's rows of a scan, and one empty list at the end (index ``-1``)."""
    if scan.found is not None and not scan.plan.any_slow:  # what rows(i) returns for each i
        return [*scan.found, []]
    return [*(scan.rows(i) for i in range(len(scan.plan.lexicons))), []]


def find_generic_frame_evidence(
    text: str,
    sentences: Sequence[Span] | None = None,
    codebook: str | Path | None = None,
) -> pd.DataFrame:
    """The words that answered each generic-frame question "yes" in one article.

    Parameters
    ----------
    text : str
        The article's text.
    sentences : list of (int, int), optional
        Sentence spans; by default ``coverage.segment.split_sentences(text)``.
    codebook : path, optional
        A generic-frame codebook TOML; by default the packaged one.

    Returns
    -------
    pandas.DataFrame
        One row per evidence span: ``frame``, ``indicator``, ``role`` (``cue``, ``with_cue`` or
        ``or_cue``: which cue list of the rule matched), ``sentence_id``, ``cue``, ``start``,
        ``end``, ``matched``. Questions answered "no" have no rows.

    Examples
    --------
    >>> ev = find_generic_frame_evidence("It was an early victory.", [(0, 24)])
    >>> ev[["indicator", "matched"]].values.tolist()
    [['conflict_4', 'victory']]

    References
    ----------
    Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics. *Journal of
    Communication*, 50(2), 93-109.
    """
    return _code(text, sentences, codebook)[1]


def _code(
    text: str, sentences: Sequence[Span] | None, codebook: str | Path | None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    _, inds = _load_codebook(codebook)
    spans = _sentence_spans(text, sentences)
    plan = _plan_for(_codebook_lexicons(inds))
    found = _all_rows(plan.scan(text, spans))
    rows, evs = _code_rows(inds, _cue_list_indices(inds, plan.index), found)
    table = pd.DataFrame(rows, columns=list(_GENERIC_COLUMNS))
    table = table.astype({"value": "float64", "n_evidence": "int64", "answerable": "bool"})
    evidence = pd.DataFrame(evs, columns=list(EVIDENCE_COLUMNS))
    evidence = evidence.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})
    return table, evidence


def code_generic_frames(
    text: str,
    sentences: Sequence[Span] | None = None,
    codebook: str | Path | None = None,
) -> pd.DataFrame:
    """Answer Semetko & Valkenburg's generic-frame questions for one article.

    Parameters
    ----------
    text : str
        The article's text.
    sentences : list of (int, int), optional
        Sentence spans; by default ``coverage.segment.split_sentences(text)``.
    codebook : path, optional
        A generic-frame codebook TOML; by default the packaged ``generic_frames.toml``.

    Returns
    -------
    pandas.DataFrame
        One row per question: ``frame``, ``indicator``, ``question``, ``answerable`` (False for
        questions a text cannot answer, e.g. about pictures), ``value`` (1.0 yes, 0.0 no, NaN
        not answerable), ``n_evidence`` (evidence spans) and ``evidence`` (``matched[start:end]``
        items joined by ``"; "``; the spans in full come from
        :func:`find_generic_frame_evidence`).

    Examples
    --------
    >>> t = code_generic_frames("The judge handed an early victory to activists.", [(0, 47)])
    >>> row = t.set_index("indicator").loc["conflict_4"]
    >>> float(row["value"]), row["evidence"]
    (1.0, 'victory[26:33]')

    References
    ----------
    Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content analysis of
    press and television news. *Journal of Communication*, 50(2), 93-109.
    """
    return _code(text, sentences, codebook)[0]


def score_generic_frames(indicators: pd.DataFrame) -> pd.DataFrame:
    """Score each generic frame as the mean of its answered questions (0 to 1).

    Parameters
    ----------
    indicators : pandas.DataFrame
        The output of :func:`code_generic_frames`; with an ``article_id`` (and ``outlet``)
        column, one score per article and frame.

    Returns
    -------
    pandas.DataFrame
        ``[article_id, outlet,] frame, score, n_yes, n_answered, n_questions``. Questions that
        text cannot answer are left out of the mean (the original averages all of a frame's
        questions coded from text and pictures).

    Examples
    --------
    >>> ind = pd.DataFrame({"frame": ["conflict"] * 4, "value": [1.0, 0.0, 1.0, 1.0]})
    >>> score_generic_frames(ind)[["frame", "score"]].values.tolist()
    [['conflict', 0.75]]

    References
    ----------
    Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics. *Journal of
    Communication*, 50(2), 93-109 (frame scales: the mean of the items, range 0 to 1).
    """
    keys = [c for c in ("article_id", "outlet") if c in indicators.columns] + ["frame"]
    order = list(dict.fromkeys(indicators["frame"]))
    g = indicators.groupby(keys, sort=False)["value"]
    out = pd.DataFrame({
        "score": g.mean(),
        "n_yes": g.apply(lambda s: int((s == 1).sum())),
        "n_answered": g.count(),
        "n_questions": g.size(),
    }).reset_index()
    out["frame"] = pd.Categorical(out["frame"], categories=order, ordered=True)
    out = out.sort_values(keys, kind="stable").reset_index(drop=True)
    out["frame"] = out["frame"].astype(object)
    return out


# --------------------------------------------------------------------------------------------
# One article, all framing measures, without DataFrames (the pipeline's per-article path)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class _FramingResources:
    lexicon: CompiledLexicon
    indicators: tuple[_Indicator, ...]
    families: dict[str, CompiledLexicon]
    plan: _Plan
    policy: int  # the lexicon's index in the plan
    questions: tuple[tuple[int, int, int, int], ...]  # see _cue_list_indices
    family_index: tuple[tuple[str, int], ...]
    title_plan: _Plan  # the lexicon alone, for headlines


_RESOURCES: dict[tuple[int, int, int], _FramingResources] = {}
_RESOURCES_MAX = 16
_DEFAULT_RESOURCES: list[_FramingResources] = []  # the packaged lexicons' (they never change)


def _framing_resources(lexicon: Any, codebook: Any, families: Any) -> _FramingResources:
    if lexicon is None and codebook is None and families is None and _DEFAULT_RESOURCES:
        return _DEFAULT_RESOURCES[0]  # the pipeline's case, without resolving the three again
    from coverage.terms import _resolve_families

    lex = _resolve_lexicon(lexicon)
    _, inds = _load_codebook(codebook)
    fams = _resolve_families(families, by_identity=True)
    key = (id(lex), id(inds), id(fams))
    res = _RESOURCES.get(key)
    if res is not None:  # the entry holds the three objects, so their ids are still theirs
        return res
    plan = _plan_for([lex, *_codebook_lexicons(inds), *fams.values()])
    res = _FramingResources(lex, inds, fams, plan, plan.index[id(lex)],
                            _cue_list_indices(inds, plan.index),
                            tuple((fam, plan.index[id(f)]) for fam, f in fams.items()),
                            _plan_for((lex,)))
    while len(_RESOURCES) >= _RESOURCES_MAX:
        _RESOURCES.pop(next(iter(_RESOURCES)), None)
    _RESOURCES[key] = res
    if lexicon is None and codebook is None and families is None:
        _DEFAULT_RESOURCES[:] = [res]
    return res


def analyze_framing(
    text: str,
    sentences: Sequence[Span] | None,
    title: str = "",
    *,
    lexicon: str | Path | pd.DataFrame | CompiledLexicon | None = None,
    codebook: str | Path | None = None,
    families: str | Path | pd.DataFrame | None = None,
    headline_weight: float = 1.0,
    lede_sentences: int = 0,
    lede_weight: float = 1.0,
    unit: Literal["sentence", "cue"] = "sentence",
) -> dict[str, Any]:
    """Every framing measure of one article as plain Python rows (the pipeline's framing stage).

    The same values as the DataFrame functions, in one pass over the text: the policy-frame
    cues of the headline and body (:func:`find_frame_cues`), the frame profile with the headline
    as sentence 0 of a combined article (:func:`score_frames`), the generic-frame questions and
    scores (:func:`code_generic_frames`, :func:`score_generic_frames`) and the contested terms
    (:func:`coverage.terms.find_terms`).

    Parameters
    ----------
    text : str
        The article's clean text.
    sentences : list of (int, int)
        Sentence spans into ``text`` (``None``: ``coverage.segment.split_sentences(text)``).
    title : str
        The headline; ``""`` for none.
    lexicon : path, DataFrame, CompiledLexicon or None
        Policy-frame cues (see :func:`load_frame_lexicon`).
    codebook : path or None
        Generic-frame codebook TOML (see :func:`load_generic_frames`).
    families : path, DataFrame or None
        Term families (see :func:`coverage.terms.load_term_families`).
    headline_weight, lede_sentences, lede_weight, unit
        As in :func:`score_frames`; the lede is counted from the combined article's sentence
        ``1 if title else 0`` on, as the pipeline has always done.

    Returns
    -------
    dict
        ``frames`` (rows: ``sentence_id`` (-1 for the headline), ``part`` (``headline`` or
        ``body``), ``frame``, ``cue``, ``start``, ``end``, ``matched``), ``frame_profiles``
        (rows with :data:`PROFILE_COLUMNS`), ``generic_frames`` (rows with the columns of
        :func:`code_generic_frames`), ``terms`` (rows with ``coverage.terms.TERM_COLUMNS``) and
        ``row`` (``primary_frame``, ``n_frame_cues``, ``frame_<frame>`` shares and
        ``generic_<frame>`` scores).

    Notes
    -----
    Lexicons, codebooks and term families are compiled once per process: the packaged ones
    once, files once per path and modification time, a ``CompiledLexicon`` is used as given,
    and a DataFrame once per object (by identity, while it lives): a DataFrame changed in place
    after its first use keeps its first compilation, so pass a new DataFrame (or a
    ``CompiledLexicon``) for a changed lexicon.

    Examples
    --------
    >>> text = "The court ruled the policy illegal. Officials blamed migrants."
    >>> out = analyze_framing(text, [(0, 35), (36, 62)], "A costly plan")
    >>> [(r["part"], r["matched"]) for r in out["frames"]][:3]
    [('headline', 'costly'), ('headline', 'plan'), ('body', 'court')]
    >>> out["row"]["primary_frame"], out["row"]["n_frame_cues"]
    ('policy_prescription_and_evaluation', 6)
    >>> [(r["family"], r["matched"]) for r in out["terms"]]
    [('immigrant_label', 'migrants')]

    References
    ----------
    Card, D. et al. (2015). The Media Frames Corpus. *Proceedings of ACL-IJCNLP 2015*, 438-444.
    Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics. *Journal of
    Communication*, 50(2), 93-109.
    """
    res = _framing_resources(lexicon, codebook, families)
    spans = _sentence_spans(text, sentences)
    title = str(title or "")
    scan = res.plan.scan(text, spans)
    found = _all_rows(scan)
    body = scan.sorted_rows(res.policy)
    head = res.title_plan.scan(title, [(0, len(title))]).sorted_rows(0) if title else []

    frames = [{"sentence_id": -1, "part": "headline", "frame": r[1], "cue": r[2],
               "start": r[3], "end": r[4], "matched": r[5]} for r in head]
    frames += [{"sentence_id": r[0], "part": "body", "frame": r[1], "cue": r[2],
                "start": r[3], "end": r[4], "matched": r[5]} for r in body]

    n_head = 1 if title else 0
    # the headline (its rows are in its one sentence, 0), if any, is sentence 0 of the
    # combined article, the body's sentences follow
    per_frame = _group_rows(((head, 0), (body, n_head)))
    profile = _frame_profile(
        res.lexicon.labels, per_frame, len(spans) + n_head, headline_sentences=n_head,
        headline_weight=headline_weight, lede_sentences=lede_sentences, lede_weight=lede_weight,
        unit=unit)
    row: dict[str, Any] = {
        "primary_frame": next((p[0] for p in profile if p[6]), ""),
        "n_frame_cues": len(head) + len(body),
    }
    for p in profile:
        row[f"frame_{p[0]}"] = float(p[4])

    coded, _ = _code_rows(res.indicators, res.questions, found, evidence=False)
    generic = []
    scores: dict[Any, list[float]] = {}  # frame -> [sum of answered values, n answered]
    for frame, indicator, question, answerable, value, n_evidence, evidence in coded:
        generic.append({"frame": frame, "indicator": indicator, "question": question,
                        "answerable": answerable, "value": value, "n_evidence": n_evidence,
                        "evidence": evidence})
        if frame != frame:  # pragma: no cover - a NaN frame is dropped by the groupby
            continue
        acc = scores.get(frame)
        if acc is None:
            acc = scores[frame] = [0.0, 0]
        if value == value:
            acc[0] += value
            acc[1] += 1
    for frame, (total, n) in scores.items():
        row[f"generic_{frame}"] = total / n if n else math.nan

    terms = [{"sentence_id": r[0], "family": r[1], "term": r[2], "start": r[3], "end": r[4],
              "matched": r[5]} for r in _term_rows(found, res.family_index)]
    return {
        "frames": frames,
        "frame_profiles": [
            {"frame": p[0], "n_cues": p[1], "n_sentences": p[2], "weight": p[3], "share": p[4],
             "share_sentences": p[5], "primary": p[6]} for p in profile],
        "generic_frames": generic,
        "terms": terms,
        "row": row,
    }
