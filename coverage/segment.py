"""Paragraphs, sentences and word tokens, as character offsets into the text.

A rule-based splitter tuned for English news copy. Its rules, in order:

1. A paragraph break (a blank line) always ends a sentence.
2. A line break after a line with no terminal punctuation ends a sentence when the next line
   starts with a capital, a digit or an opening quote: headlines, datelines and bylines on a
   line of their own never merge into the body (``line_breaks="auto"``; ``"space"`` treats every
   single line break as a space, for hard-wrapped text).
3. Terminal punctuation (``. ! ? …``), with any closing quotation marks or brackets after it,
   ends a sentence when whitespace follows and the next word starts with a capital letter, a
   digit or an opening quotation mark; a closing quotation mark therefore stays with its sentence.
4. ... except after an abbreviation: titles (``Mr. Ms. Mrs. Dr. Sen. Rep. Gov. Gen. ...``) and
   ``No.``/``Nos.`` before a number never end a sentence; dotted acronyms (``U.S.``), initials
   (``F.``), months (``Jan.`` ... ``Dec.``) and company or address words (``Inc. Corp. St. Jr.``)
   end one only when the next word is a frequent sentence opener ("The", "But", "He", ...). The
   word lists are data in ``coverage/data/abbreviations.toml``.

The functions are pure and keep no state between calls; the compiled patterns and word lists
load once per process.

References
----------
Kiss, T. & Strunk, J. (2006). Unsupervised multilingual sentence boundary detection.
*Computational Linguistics* 32(4), 485-525 (the orthographic heuristic of rule 4).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Literal

__all__ = [
    "Span",
    "WORD_RE",
    "split_paragraphs",
    "split_sentences",
    "tokenize",
    "count_words",
    "merge_spans",
]

Span = tuple[int, int]

#: A word token: a dotted acronym ("U.S."), a number ("800,000", "1,475", "7th"), or a run of
#: letters/digits with internal apostrophes or hyphens ("Trump's", "7-year-old"). The three
#: alternatives are, in this order,
#: ``(?:[^\W\d_]\.){2,}``, ``\d+(?:[.,:]\d+)*(?:['’\-][^\W_]+)*(?:st|nd|rd|th|s)?\b`` and
#: ``[^\W_]+(?:['’\-][^\W_]+)*``; all start with a letter or digit, so that character is matched
#: first and each alternative goes on after it (a lookbehind tests which class it is in), which
#: lets ``re`` skip ahead to the next letter or digit instead of trying every position.
WORD_RE = re.compile(
    r"[^\W_](?:"
    r"(?<=[^\W\d_])\.(?:[^\W\d_]\.)+"
    r"|(?<=\d)\d*(?:[.,:]\d+)*(?:['\u2019\-][^\W_]+)*(?:st|nd|rd|th|s)?\b"
    r"|[^\W_]*(?:['\u2019\-][^\W_]+)*)"
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
_OPENERS = "\"'\u201c\u2018\u00ab([\u2014\u2013-"
#: The word after a position (see _next_word): whitespace and opening marks skipped, then
#: letters, digits and apostrophes (``[^\W_]`` is ``str.isalnum``, ``\s`` ``str.isspace``).
_WORD_AFTER = rf"[\s{re.escape(_OPENERS)}]*((?:[^\W_]|['\u2019])*)"
_NEXT_WORD = re.compile(_WORD_AFTER)
#: Terminal punctuation (a run of ``. ! ?``, or one ``…``) with any closing marks, followed by
#: whitespace; the lookahead also captures that whitespace (group 1) and the next word (group
#: 2), for _is_boundary. Written to start with a character class, which lets ``re`` skip
#: ahead to the next candidate character (``(?:[.!?]+|…)`` makes it try every position).
_TERMINAL = re.compile(
    rf"[.!?\u2026](?:(?<=[.!?])[.!?]*)?[\"'\u201d\u2019\u00bb)\]]*(?=(\s+){_WORD_AFTER})")
#: What ends the word before a full stop, going back (see _word_before), besides whitespace.
_BEFORE_WORD = "\"'\u201c\u2018(["
_ENDS_WITH_TERMINAL = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019\u00bb)\]]*\s*$")


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, frozenset[str]]:
    raw = resources.files("coverage.data").joinpath("abbreviations.toml").read_text("utf-8")
    table = tomllib.loads(raw)
    return {
        "titles": frozenset(w.lower() for w in table["titles"]["words"]),
        "before_number": frozenset(w.lower() for w in table["before_number"]["words"]),
        "ambiguous": frozenset(w.lower() for w in table["ambiguous"]["words"]),
        "openers": frozenset(table["sentence_openers"]["words"]),
    }


def split_paragraphs(text: str) -> list[Span]:
    """Split ``text`` into paragraphs at blank lines.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of (int, int)
        Paragraph spans, stripped of surrounding whitespace, in order; empty paragraphs dropped.

    Examples
    --------
    >>> split_paragraphs("One.\\n\\nTwo.  \\n")
    [(0, 4), (6, 10)]
    """
    spans: list[Span] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_strip(text, pos, m.start()))
        pos = m.end()
    spans.extend(_strip(text, pos, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def _next_word(text: str, pos: int, end: int) -> str:
    """The word starting at ``pos`` (after whitespace and opening marks), '' if none."""
    return _NEXT_WORD.match(text, pos, end).group(1)  # type: ignore[union-attr]


def _is_boundary(text: str, m: re.Match[str], para_start: int, para_end: int) -> bool:
    """Whether the terminal punctuation ``m`` (of :data:`_TERMINAL`, searched up to
    ``para_end``) ends a sentence."""
    if m.end(1) >= para_end:
        return False  # the paragraph end closes the sentence anyway
    if "\n" in m.group(1):
        return True  # terminal punctuation at the end of a line
    nxt = m.group(2)
    if not nxt or not (nxt[0].isupper() or nxt[0].isdigit()):
        return False
    mark = m.group()
    if not mark.startswith(".") or mark.startswith(".."):
        return True
    word = _word_before(text, max(para_start, m.start() - 40), m.start())
    if not word:
        return True
    key = word.lower()
    table = _abbreviations()
    if key in table["titles"]:
        return False
    if key in table["before_number"] and nxt[0].isdigit():
        return False
    dotted = "." in word  # "U.S" of "U.S."
    initial = len(word) == 1 and word.isalpha() and word.isupper()
    if dotted or initial or key in table["ambiguous"]:
        return nxt in table["openers"]
    return True


def _word_before(text: str, start: int, end: int) -> str:
    """The characters before ``end``, back to whitespace, an opening mark or ``start``: the
    word before a full stop at ``end`` (``r"([^\\s\"'“‘(\\[]+)\\.$"`` searched in
    ``text[start:end + 1]``, its group; "" where that finds nothing)."""
    j = end
    while j > start:
        ch = text[j - 1]
        if ch.isspace() or ch in _BEFORE_WORD:
            break
        j -= 1
    return text[j:end]


def split_sentences(
    text: str, *, line_breaks: Literal["auto", "space"] = "auto",
    paragraphs: Sequence[Span] | None = None,
) -> list[Span]:
    """Split ``text`` into sentences.

    Parameters
    ----------
    text : str
        Clean article text; paragraphs separated by blank lines.
    line_breaks : {"auto", "space"}
        ``"auto"``: a single line break ends a sentence after terminal punctuation, or before a
        capitalised line when the previous line has no terminal punctuation (headlines, bylines).
        ``"space"``: single line breaks are spaces (hard-wrapped text).
    paragraphs : list of (int, int), optional
        ``split_paragraphs(text)``, when the caller has it already.

    Returns
    -------
    list of (int, int)
        Sentence spans in order, non-overlapping, stripped of surrounding whitespace.

    Examples
    --------
    >>> text = 'Ms. L met U.S. officials. "It took too long." She left.'
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Ms. L met U.S. officials.', '"It took too long."', 'She left.']
    """
    spans: list[Span] = []
    for p_start, p_end in split_paragraphs(text) if paragraphs is None else paragraphs:
        cuts = [m.end() for m in _TERMINAL.finditer(text, p_start, p_end)
                if _is_boundary(text, m, p_start, p_end)]
        if line_breaks == "auto":
            cuts.extend(_line_cuts(text, p_start, p_end))
            cuts = sorted(set(cuts))
        pos = p_start
        for cut in cuts:
            spans.extend(_strip(text, pos, cut))
            pos = cut
        spans.extend(_strip(text, pos, p_end))
    return spans


def _line_cuts(text: str, start: int, end: int) -> list[int]:
    if text.find("\n", start, end) == -1:
        return []
    cuts = []
    for m in _LINE_BREAK.finditer(text, start, end):
        line_start = text.rfind("\n", start, m.start()) + 1
        line = text[max(line_start, start):m.start()]
        if _ENDS_WITH_TERMINAL.search(line):
            continue  # handled by the punctuation rule
        nxt = _next_word(text, m.end(), end)
        if nxt and (nxt[0].isupper() or nxt[0].isdigit()):
            cuts.append(m.start())
    return cuts


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word tokens of ``text[start:end]`` as spans into ``text``.

    Parameters
    ----------
    text : str
        Any text.
    start, end : int
        The window to tokenize; offsets stay relative to ``text``.

    Returns
    -------
    list of (int, int)
        Token spans; punctuation is not a token.

    Examples
    --------
    >>> t = "The U.S. deported 800,000 Dreamers' kin."
    >>> [t[s:e] for s, e in tokenize(t)]
    ['The', 'U.S.', 'deported', '800,000', 'Dreamers', 'kin']
    """
    end = len(text) if end is None else end
    return [m.span() for m in WORD_RE.finditer(text, start, end)]


def merge_spans(spans) -> list[Span]:
    """Sort spans and merge the overlapping or touching ones; empty spans are dropped.

    Examples
    --------
    >>> merge_spans([(5, 9), (0, 3), (2, 4), (9, 10), (7, 7)])
    [(0, 4), (5, 10)]
    """
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Number of word tokens in ``text[start:end]`` (see :data:`WORD_RE`)."""
    end = len(text) if end is None else end
    return len(WORD_RE.findall(text, start, end))
