"""Boilerplate removal as a table of named rules, every removal recorded.

The rules live in ``coverage/data/clean_rules.toml`` (name, pattern, action, reason); users can
pass their own. Cleaning works line by line on the raw text and returns a :class:`Cleaned`
record: the clean text (paragraphs separated by one blank line), the fields the rules filled
(``title``, ``dateline``, ``correction``) and one :class:`Removal` per removed piece, with its
offsets in the raw text, so nothing disappears silently.

Besides the rule table there is one structural rule, ``headline``: when the first remaining line
is a short line with no terminal punctuation, followed by more text, it is the headline and
moves to ``title``.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from os import PathLike
from typing import Literal

__all__ = ["Rule", "Removal", "Cleaned", "load_rules", "default_rules", "clean_text", "normalize_text"]

HEADLINE_MAX_WORDS = 25
_TERMINAL_END = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*$")
_LINE = re.compile(r"[^\n]*(?:\n|$)")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule (see ``coverage/data/clean_rules.toml``)."""

    name: str
    pattern: re.Pattern[str]
    action: Literal["drop", "field", "prefix"]
    reason: str
    field: str | None = None
    where: Literal["any", "first", "last"] = "any"


@dataclass(frozen=True)
class Removal:
    """A piece of raw text removed by a rule: ``raw[start:end] == text``."""

    rule: str
    text: str
    start: int
    end: int
    reason: str


@dataclass
class Cleaned:
    """The result of :func:`clean_text`."""

    text: str
    fields: dict[str, str] = field(default_factory=dict)
    removals: list[Removal] = field(default_factory=list)


def load_rules(path: str | PathLike[str] | None = None) -> tuple[Rule, ...]:
    """Read a rule table from TOML (default: the package's ``clean_rules.toml``).

    Parameters
    ----------
    path : path-like, optional
        A TOML file with ``[[rule]]`` blocks (fields: name, pattern, action, reason, field, where).

    Returns
    -------
    tuple of Rule

    Raises
    ------
    ValueError
        If a rule lacks a field, names an unknown action, or its pattern does not compile.
    """
    if path is None:
        raw = resources.files("coverage.data").joinpath("clean_rules.toml").read_text("utf-8")
        origin = "coverage/data/clean_rules.toml"
    else:
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
        origin = str(path)
    rules = []
    for i, entry in enumerate(tomllib.loads(raw).get("rule", []), start=1):
        try:
            name, pattern, action, reason = (entry[k] for k in ("name", "pattern", "action", "reason"))
        except KeyError as exc:
            raise ValueError(f"{origin}: rule {i} lacks the field {exc.args[0]!r}") from None
        if action not in ("drop", "field", "prefix"):
            raise ValueError(f"{origin}: rule {name!r} has unknown action {action!r}")
        if action != "drop" and not entry.get("field"):
            raise ValueError(f"{origin}: rule {name!r} with action {action!r} needs a 'field'")
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{origin}: rule {name!r} pattern does not compile: {exc}") from None
        rules.append(Rule(name, compiled, action, reason, entry.get("field"), entry.get("where", "any")))
    return tuple(rules)


@lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    """The package's rule table, parsed once per process."""
    return load_rules()


def normalize_text(text: str) -> str:
    """Unicode NFC, ``\\n`` line endings, no invisible characters, non-breaking spaces as spaces.

    Typographic quotation marks and apostrophes are kept: quotes and sentiment need them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def clean_text(text: str, rules: tuple[Rule, ...] | None = None, *, headline: bool = True) -> Cleaned:
    """Remove boilerplate from one article's text, recording every removal.

    Parameters
    ----------
    text : str
        The raw article text (already decoded; HTML already converted to text).
    rules : tuple of Rule, optional
        The rule table; default :func:`default_rules`.
    headline : bool
        Apply the structural headline rule (first short unpunctuated line -> ``title``).

    Returns
    -------
    Cleaned
        ``text`` (paragraphs joined by a blank line), ``fields`` (``title``, ``dateline``,
        ``correction`` when found) and ``removals`` with offsets into ``text`` as passed in.

    Examples
    --------
    >>> c = clean_text("Big news today\\n\\n(CNN) A judge ruled.\\n\\nRELATED: Other story")
    >>> c.text, c.fields["title"], c.fields["dateline"], [r.rule for r in c.removals]
    ('A judge ruled.', 'Big news today', '(CNN)', ['headline', 'dateline', 'related_link'])
    """
    rules = default_rules() if rules is None else rules
    lines = []  # (start, end) of non-blank content of each line, None for blank lines
    for m in _LINE.finditer(text):
        if m.start() == len(text) and not m.group():
            break
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        lines.append((s, e) if e > s else None)
    content = [i for i, span in enumerate(lines) if span is not None]
    first, last = set(content[:3]), set(content[-6:])
    fields: dict[str, str] = {}
    removals: list[Removal] = []
    kept: dict[int, tuple[int, int]] = {}
    for i in content:
        s, e = lines[i]
        line = text[s:e]
        for rule in rules:
            if rule.where == "first" and i not in first or rule.where == "last" and i not in last:
                continue
            m = rule.pattern.fullmatch(line)
            if m is None:
                continue
            if rule.action == "prefix":
                value = m.group("value")
                cut = s + m.end("value")
                while cut < e and (text[cut].isspace() or text[cut] in "\u2014\u2013-"):
                    cut += 1
                fields.setdefault(rule.field, value)
                removals.append(Removal(rule.name, text[s:cut], s, cut, rule.reason))
                s = cut
                line = text[s:e]
                continue  # the rest of the line may still match another rule
            if rule.action == "field":
                fields.setdefault(rule.field, m.group("value") if "value" in m.groupdict() else line)
            removals.append(Removal(rule.name, line, s, e, rule.reason))
            break
        else:
            kept[i] = (s, e)
    if headline:
        _move_headline(text, lines, kept, fields, removals)
    removals.sort(key=lambda r: r.start)
    return Cleaned(_join(text, lines, kept), fields, removals)


def _move_headline(text, lines, kept, fields, removals) -> None:
    order = sorted(kept)
    if len(order) < 2:
        return
    i = order[0]
    s, e = kept[i]
    line = text[s:e]
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    ends_block = nxt is None or i + 1 not in kept
    if (ends_block and not _TERMINAL_END.search(line)
            and len(line.split()) <= HEADLINE_MAX_WORDS and line[:1].isupper()):
        fields.setdefault("title", line)
        removals.append(Removal("headline", line, s, e, "The headline line: moved to `title`."))
        del kept[i]


def _join(text: str, lines, kept: dict[int, tuple[int, int]]) -> str:
    paragraphs: list[list[str]] = []
    previous = None
    for i in sorted(kept):
        s, e = kept[i]
        contiguous = previous is not None and all(lines[j] is not None for j in range(previous + 1, i + 1))
        if contiguous and paragraphs:
            paragraphs[-1].append(text[s:e])
        else:
            paragraphs.append([text[s:e]])
        previous = i
    return "\n\n".join("\n".join(p) for p in paragraphs)
