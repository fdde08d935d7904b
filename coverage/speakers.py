"""Speaker resolution and source typing for extracted quotations.

A quotation's source is first found as a *mention* in the text ("ACLU attorney Lee Gelernt",
"Gelernt", "the judge", "she", "Homeland Security"). This module turns mentions into one
*canonical* speaker per article and gives each speaker a *type* from a transparent role lexicon
(``coverage/data/speaker_roles.csv``):

1. People: capitalized runs of two or more name words, with any title in front split off as a
   descriptor ("U.S. District Judge" + "Dana Sabraw"); later surname-only mentions
   ("Gelernt", "Mr. Gelernt") resolve to the full name.
2. Organizations: acronyms defined in brackets ("American Civil Liberties Union (ACLU)") make
   the acronym an alias of the full name; lexicon rows with a ``canonical`` value merge variants
   ("the government", "the U.S." -> "U.S. government").
3. Definite descriptions ("the judge", "the civil rights group") resolve to the most recent person
   whose title contains the head noun, else to the most recent earlier speaker of the same type.
4. Pronouns: he/she -> the most recent person mention; they/it -> the most recent speaker that is
   not a single person (else the most recent speaker).
5. Types: the first lexicon type (file order = priority) whose pattern occurs in the speaker's
   descriptors; the head of "X of Y" / "X for Y" is tried before the whole description.
   Patterns with an upper-case letter match case-sensitively, others case-insensitively.

Examples
--------
>>> lex = load_role_lexicon()
>>> type_of("U.S. District Judge", lex)
'court'
>>> type_of("ACLU attorney", lex)
'advocacy group or NGO'
"""

from __future__ import annotations

import bisect
import csv
import io
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pandas as pd

__all__ = [
    "SPEAKER_TYPES",
    "RoleLexicon",
    "SpeakerResolver",
    "load_role_lexicon",
    "type_of",
    "corpus_aliases",
    "summarize_speakers",
]

logger = logging.getLogger(__name__)

#: The source types, in the default priority order of the lexicon file.
SPEAKER_TYPES: tuple[str, ...] = (
    "anonymous",
    "court",
    "law enforcement",
    "legislator or politician",
    "federal government",
    "advocacy group or NGO",
    "plaintiff or affected person",
    "expert",
    "media",
    "other",
)

UNRESOLVED = "unresolved"

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_GROUP = frozenset({"they", "it", "them"})
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | frozenset({"i", "we", "you", "who"})
#: Quantifiers that head a partitive mention ("most of them", "One of the lawyers"): the mention
#: stands for its group (the quote extraction reads such subjects with the same words).
PARTITIVE_HEADS = frozenset(
    "most many some all none both each several few one two three four five half any either neither".split())
_PARTITIVE_RE = re.compile(r"(?i:" + "|".join(sorted(PARTITIVE_HEADS)) + r")\s+of\s+(?=\S)")

_DETERMINERS = frozenset(
    "the a an his her their its this that these those our my your some many several other".split()
)

# Capitalized words that are titles or function words, never part of a person's name.
_TITLE_WORDS = frozenset(
    """Judge Justice Chief Secretary Attorney General President Vice Sen. Senator Rep.
    Representative Gov. Governor Mayor Mr. Ms. Mrs. Miss Dr. Prof. Professor Officer Sheriff
    Director Commissioner Chairman Chairwoman Chair Spokesman Spokeswoman Spokesperson Minister
    Prime Ambassador Deputy Assistant Acting Former Sgt. Lt. Col. Gen. Capt. Adm. Rev. Pope King
    Queen Prince Princess Lord Lady Sir Dame District Circuit Federal Magistrate Leader Speaker
    Majority Minority Whip Press Executive Officer CEO Founder Coach Candidate Nominee Councilman
    Councilwoman Alderman Trooper Detective Agent Commander Superintendent Chancellor Dean
    Homeland Security Health Human Services State Justice Defense Department Attorney
    U.S. US American Republican Republicans Democrat Democrats Democratic GOP Conservative
    Liberal Independent""".split()
)
_INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,3}")
_DOTTED_ACRONYMS = frozenset("U.S. U.N. U.K. D.C. E.U. N.Y. L.A. N.J. U.S.A.".split())
#: Title words that are also surnames ("Rep. Peter T. King", "Howard Dean", "Mark Judge").
_SURNAME_TITLES = frozenset("King Dean Judge Lord Pope Prince Chancellor Speaker Coach".split())
_ORG_WORDS = frozenset(
    """Union Department Administration House Committee Party Times News Association Council
    Agency Bureau Office Institute University College Center Centre Group Foundation Inc. Inc
    Corp. Corp Co. Company Commission Network Post Journal Congress Senate Police FBI ICE Court
    Service Services Security Ministry Government Republic Church Organization Organisation
    League Coalition Fund Bank Board Project Network Press Reuters Party Campaign Caucus
    Authority Alliance Society Federation Trust Watch International Clinic Hospital School
    Academy Council Conference Forum Initiative Partners Group Democrats Republicans
    Patrol Protection Enforcement Customs Affairs Relations Justice Homeland""".split()
)
_STOP_CAPS = frozenset(
    """The A An But And Or So Yet Meanwhile However Still Then Now Also In On At After Before
    When While As Because Although Though If Since Later Earlier Asked Speaking Today Yesterday
    Instead Finally Indeed Moreover Last This That These Those It He She They We I You His Her
    Their Its Our My Your For From To Of With Without By Under Over Into Through During Among
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug.
    Sept. Sep. Oct. Nov. Dec. What Who Why How Where There Here Not No Yes One Two Many Some
    Most All Every Each Both Neither Either Such According Another RELATED CORRECTION UPDATE
    Is Are Was Were Does Did Do Has Have Had Can Could Would Should Must Might Despite Whether
    Whatever Whenever Wherever Whoever Unlike Like See Says Even Just Only Perhaps Maybe
    Interestingly Ironically Clearly Obviously Surely Similarly Likewise Nevertheless Nonetheless
    Otherwise Besides Furthermore Additionally Thus Hence Therefore Overall Again Already
    Sometimes Often Never Ever Team Against Versus""".split()
)
#: Stop words that are also names or parts of them ("Theresa May"): a run is not cut after them.
_NAME_LIKE_STOPS = frozenset("May June April August".split())

# A capitalized word; a short one may end in a period ("Jr.", "J.", "Gov.", "Prof.", initials such
# as "G.K." and "U.S."), a longer one ends before it: "... Ohio Gov. John Kasich. Barkley said"
# holds two runs, not one. Starting with a character class lets the regex engine skip to the next
# capital letter instead of trying every position.
_NAME_TOKEN = r"[A-Z](?:[a-zA-Z\u00c0-\u024f\u2019'\-]{0,3}\.(?:[A-Z]\.)*|[a-zA-Z\u00c0-\u024f\u2019'\-]*)"
_CAP_RUN_RE = re.compile(
    rf"{_NAME_TOKEN}(?:[ \t]+(?:{_NAME_TOKEN}|(?:de|van|von|da|del|della|di|la|le|bin|al|dos|du)(?![\w\u2019'-])))*"
)
_LOWER_AFTER_HYPHEN_RE = re.compile(r"-[a-z]")
_ACRONYM_DEF_RE = re.compile(r"((?:[A-Z][\w\u2019'.\-]*\s+){1,7}[A-Z][\w\u2019'.\-]*)\s+\(([A-Z][A-Z.&]{1,9})\)$")
_LEX_TOKEN_RE = re.compile(r"[^\W_]+(?:[.'\u2019&\-][^\W_]+)*\.?")
_ACRONYM_PAREN_RE = re.compile(r"\(([A-Z][A-Z.&]{1,9})\)")
_POSSESSIVE_RE = re.compile(r"[\u2019']s?$")
# every string _POSSESSIVE_RE matches in ends so ("$" also matches before a final newline)
_POSSESSIVE_ENDS = tuple(p + n for p in ("\u2019", "'", "\u2019s", "'s") for n in ("", "\n"))
_TRAILING_PAREN_RE = re.compile(r"\s*\([^)]*\)$")
# where the head of a description ends ("spokesman | for the Department of Justice")
_HEAD_PART_END_RE = re.compile(r"\s(?:of|for|at|with|from|in)\s")
# the word after every "the " (a look-ahead, so "the the judge" yields "the" and "judge")
_THE_NEXT_RE = re.compile(r"the (?=([^\W_]+))")


# --------------------------------------------------------------------------------------------
# the role lexicon
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleLexicon:
    """A compiled role lexicon.

    Attributes
    ----------
    table : pandas.DataFrame
        ``pattern, speaker_type, canonical`` rows as loaded (file order is the priority).
    types : tuple of str
        Types in priority order.
    cased, lower : dict
        Pattern word tuples -> type rank, matched case-sensitively (patterns with an upper-case
        letter) or case-insensitively.
    max_words : int
        Words in the longest pattern.
    canonical : dict
        Lower-cased whole-mention variant -> canonical name ("the u.s." -> "U.S. government").
    """

    table: pd.DataFrame
    types: tuple[str, ...]
    cased: dict[tuple[str, ...], int]
    lower: dict[tuple[str, ...], int]
    max_words: int
    canonical: dict[str, str] = field(default_factory=dict)


def _compile_lexicon(table: pd.DataFrame) -> RoleLexicon:
    missing = {"pattern", "speaker_type"} - set(table.columns)
    if missing:
        raise ValueError(f"role lexicon lacks column(s) {sorted(missing)}")
    order: list[str] = []
    cased: dict[tuple[str, ...], int] = {}
    lower: dict[tuple[str, ...], int] = {}
    canonical: dict[str, str] = {}
    max_words = 1
    for row in table.itertuples(index=False):
        pattern = str(row.pattern).strip()
        typ = str(row.speaker_type).strip()
        words = tuple(_LEX_TOKEN_RE.findall(pattern))
        if not words or not typ:
            continue
        if typ not in order:
            order.append(typ)
        rank = order.index(typ)
        if any(c.isupper() for c in pattern):
            cased[words] = min(rank, cased.get(words, rank))
        else:
            lower[words] = min(rank, lower.get(words, rank))
        max_words = max(max_words, len(words))
        canon = getattr(row, "canonical", "")
        if isinstance(canon, str) and canon.strip():
            canonical[pattern.lower()] = canon.strip()
    return RoleLexicon(table=table, types=tuple(order), cased=cased, lower=lower, max_words=max_words,
                       canonical=canonical)


def _match_rank(text: str, lex: RoleLexicon) -> int | None:
    """Rank (priority) of the best lexicon type found in ``text``, None if none."""
    best: int | None = None
    for part in text.split(" | "):
        r = _part_rank(part, lex)
        if r is not None and (best is None or r < best):
            best = r
            if best == 0:
                return 0
    return best


@lru_cache(maxsize=8)
def _prefixes(lex: RoleLexicon) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """Every leading run of words of the lexicon's cased and lower-case patterns."""
    cased = frozenset(k[:j] for k in lex.cased for j in range(1, len(k) + 1))
    lower = frozenset(k[:j] for k in lex.lower for j in range(1, len(k) + 1))
    return cased, lower


@lru_cache(maxsize=65536)
def _part_rank(part: str, lex: RoleLexicon) -> int | None:
    """:func:`_match_rank` of one part of a description (the name, the mention, a descriptor).

    Pure and cached: a speaker is typed again as its descriptors grow, from parts seen before.
    The n-grams starting at a word grow only while they begin some pattern."""
    cased_pre, lower_pre = _prefixes(lex)
    cased, lower = lex.cased, lex.lower
    words = _LEX_TOKEN_RE.findall(part)
    lows = [w.lower() for w in words]
    best: int | None = None  # the least rank found
    for i in range(len(words)):
        cased_on = lower_on = True
        for n in range(1, min(lex.max_words, len(words) - i) + 1):
            if cased_on:
                tup = tuple(words[i : i + n])
                r = cased.get(tup)
                if r is None and tup[-1].endswith("."):
                    r = _lookup(cased, tup)
                if r is not None and (best is None or r < best):
                    best = r
                cased_on = tup in cased_pre
            if lower_on:
                low = tuple(lows[i : i + n])
                r = lower.get(low)
                if r is None and low[-1].endswith("."):
                    r = _lookup(lower, low)
                if r is not None and (best is None or r < best):
                    best = r
                lower_on = low in lower_pre
            if not (cased_on or lower_on):
                break
    return best


def _lookup(table: dict[tuple[str, ...], int], words: tuple[str, ...]) -> int | None:
    """The rank of a pattern, matched as is or with its last word's final period dropped.

    A longer n-gram can match only if this one begins a pattern: the period is dropped from the
    last word only, so its shorter n-grams are matched as they are."""
    r = table.get(words)
    if r is None and words[-1].endswith("."):
        r = table.get(words[:-1] + (words[-1][:-1],))
    return r


@lru_cache(maxsize=1)
def place_names() -> frozenset[tuple[str, ...]]:
    """Places of several words that are not people ("New York", "St. Louis"), as word tuples
    without final periods (("St", "Louis")), from ``coverage/data/place_names.csv`` (sources in
    ``SOURCES_quotes.md``)."""
    raw = resources.files("coverage.data").joinpath("place_names.csv").read_text("utf-8")
    return frozenset(tuple(w.rstrip(".") for w in row["name"].split()) for row in csv.DictReader(io.StringIO(raw)))


def _not_a_name(tokens: tuple[str, ...] | list[str]) -> bool:
    """Capitalized words that are a place or end in one ("Republican South Carolina"), or hold
    a hyphen before lower case ("Los Angeles-based"): not a person's name."""
    places = place_names()
    bare = tuple(t.rstrip(".") for t in tokens[-4:])
    if any(bare[-n:] in places for n in (2, 3, 4) if len(bare) >= n):
        return True
    return any("-" in t and _LOWER_AFTER_HYPHEN_RE.search(t) for t in tokens)


@lru_cache(maxsize=1)
def _default_lexicon() -> RoleLexicon:
    raw = resources.files("coverage.data").joinpath("speaker_roles.csv").read_text("utf-8")
    table = pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False)
    return _compile_lexicon(table)


def load_role_lexicon(lexicon: str | Path | pd.DataFrame | RoleLexicon | None = None) -> RoleLexicon:
    """Load a speaker-role lexicon.

    Parameters
    ----------
    lexicon : str, Path, DataFrame, RoleLexicon or None
        ``None`` for the packaged ``speaker_roles.csv``; a CSV path or a DataFrame with columns
        ``pattern, speaker_type`` and optionally ``canonical``. Row order is priority order: the
        first type whose pattern occurs in a speaker's description wins.

    Returns
    -------
    RoleLexicon

    Examples
    --------
    >>> import pandas as pd
    >>> lex = load_role_lexicon(pd.DataFrame({"pattern": ["union"], "speaker_type": ["labour"]}))
    >>> type_of("the teachers' union", lex)
    'labour'
    """
    if lexicon is None:
        return _default_lexicon()
    if isinstance(lexicon, RoleLexicon):
        return lexicon
    if isinstance(lexicon, pd.DataFrame):
        return _compile_lexicon(lexicon.fillna(""))
    path = Path(lexicon)
    with path.open(encoding="utf-8", newline="") as fh:
        table = pd.DataFrame(list(csv.DictReader(fh)))
    return _compile_lexicon(table.fillna(""))


def _head_part(description: str) -> str:
    m = _HEAD_PART_END_RE.search(description)
    return description[: m.start()] if m else description


def type_of(description: str, lexicon: RoleLexicon | None = None, whole: bool = False) -> str:
    """The source type of a speaker description ("ACLU attorney", "the judge").

    Parameters
    ----------
    description : str
        Mentions and titles of one speaker, joined by " | ".
    lexicon : RoleLexicon, optional
        From :func:`load_role_lexicon`; the packaged lexicon by default.
    whole : bool
        Match the whole description at once instead of the heads of "X of Y" first.

    Returns
    -------
    str
        The first matching type in priority order, ``"other"`` when nothing matches.

    Examples
    --------
    >>> type_of("Homeland Security Secretary")
    'federal government'
    >>> type_of("critics of the policy")
    'other'
    """
    lex = lexicon or _default_lexicon()
    return _type_cached(description, lex, whole)


@lru_cache(maxsize=65536)
def _type_cached(description: str, lex: RoleLexicon, whole: bool = False) -> str:
    if whole:
        r = _match_rank(description, lex)
        return "other" if r is None else lex.types[r]
    parts = [p.strip() for p in description.split(" | ") if p.strip()]
    heads = [_head_part(p) for p in parts]
    texts = [" | ".join(heads)]
    # "spokesman for the Department of Justice": a generic head takes its type from the rest
    if any(h != p and h.split() and h.split()[-1].lower() in _GENERIC_HEADS for h, p in zip(heads, parts)):
        texts.append(description)
    for text in texts:
        r = _match_rank(text, lex)
        if r is not None:
            return lex.types[r]
    return "other"


_GENERIC_HEADS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople official officials member members lawyer
    lawyers attorney attorneys aide aides adviser advisers advisor representative representatives
    head chief director leader leaders president chairman chairwoman chair executive employee
    employees staff staffer staffers counsel secretary minister officer officers agent agents
    analyst analysts researcher researchers professor fellow partner founder""".split()
)


# RoleLexicon holds a DataFrame (unhashable): hash by identity for the cache.
RoleLexicon.__hash__ = lambda self: id(self)  # type: ignore[method-assign]
RoleLexicon.__eq__ = lambda self, other: self is other  # type: ignore[method-assign]


# --------------------------------------------------------------------------------------------
# entities in one article
# --------------------------------------------------------------------------------------------


@dataclass
class _Entity:
    canonical: str
    is_person: bool
    descriptors: list[str] = field(default_factory=list)
    surname: str = ""
    _seen: set[str] = field(default_factory=set, repr=False)
    #: The lower-cased words of the descriptors, which definite descriptions are matched against.
    words: set[str] = field(default_factory=set, repr=False)

    def describe(self, descriptor: str) -> None:
        """Add a descriptor once. Repeats add nothing to typing or matching, and a list that
        grew with every mention ("the judge" 1,000 times) made resolving quadratic."""
        if descriptor not in self._seen:
            self._seen.add(descriptor)
            self.descriptors.append(descriptor)
            self.words.update(descriptor.lower().split())


#: Words that end the head of a description ("a federal judge in California").
_HEAD_BREAKS = frozenset({"in", "of", "for", "from", "at", "on", "with", "who", "that", "which"})


def _strip_det(mention: str) -> str:
    words = mention.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _is_initials(tok: str) -> bool:
    return _INITIALS_RE.fullmatch(tok) is not None and tok not in _DOTTED_ACRONYMS


def _split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalized run into (title/descriptor tokens, person-name tokens)."""
    i = len(tokens)
    if i >= 2 and tokens[-1] in _SURNAME_TITLES and tokens[-2] not in _TITLE_WORDS and tokens[-2] not in _ORG_WORDS:
        i -= 1  # a title word after a name is a surname: "Peter T. King", "Martin Luther King"
    while i > 0 and tokens[i - 1] not in _TITLE_WORDS and tokens[i - 1] not in _ORG_WORDS and not (
        _is_acronym(tokens[i - 1]) and not _is_initials(tokens[i - 1])
    ):
        i -= 1  # (initials are a name's: "G.K. Butterfield", "George H.W. Bush"; "U.S." is not)
    return tokens[:i], tokens[i:]


class _Run(NamedTuple):
    """A capitalized run of several words, parsed."""

    title: tuple[str, ...]  # title or descriptor tokens ("U.S. District Judge")
    name: tuple[str, ...]  # name tokens ("Dana Sabraw")
    person: str  # the name joined when it is a person's (2+ words, none an organization's), else ""
    title_text: str  # the title tokens joined


@lru_cache(maxsize=65536)
def _parse_run(run: str) -> _Run | None:
    """A capitalized run of several words as title and name tokens; None if only stop words.

    Pure and cached: the same names and titles recur across a corpus."""
    tokens = run.split()
    while tokens and (tokens[0] in _STOP_CAPS):
        tokens = tokens[1:]
    if not tokens:
        return None
    for k in range(len(tokens) - 1, 0, -1):
        if tokens[k] in _STOP_CAPS and tokens[k] not in _NAME_LIKE_STOPS:
            tokens = tokens[k + 1 :]  # a name starts after a stop word: "... Does Like | Donald Trump"
            break
    if not tokens:
        return None
    tokens = [_POSSESSIVE_RE.sub("", t) if t.endswith(("\u2019s", "'s")) else t for t in tokens]
    tokens = [t[:-1] if t.endswith(".") and len(t) > 2 and t not in _TITLE_WORDS and "." not in t[:-1]
              else t for t in tokens]
    title, name = _split_title(tokens)
    kept = tuple(t for t in name if t not in _STOP_CAPS)
    person = " ".join(kept) if len(kept) >= 2 and not any(t in _ORG_WORDS for t in kept) and not (
        _not_a_name(kept)) else ""
    return _Run(tuple(title), kept, person, " ".join(title))


#: Where the words that may describe a name stop, when the sentences are not known: a sentence's
#: end (after a lower-case word or a number, not "U.S."), a line break.
_DESCRIPTOR_STOP_RE = re.compile(r"[a-z0-9][.!?][\"'\u201d\u2019)]*\s|\n")
#: Characters of a word that end the description before a name (the clause before it ends there).
_DESCRIPTOR_STOP_CHARS = frozenset(";:\"\u201c\u201d()")


#: A capitalized word and "of" right before a capitalized run: the run opens with the rest of a
#: title or name ("Chief of | Staff Cheryl Mills", "Director of | National Intelligence James
#: Clapper", "Supervisor of | Elections Susan Bucher").
_TITLE_OF_BEFORE_RE = re.compile(r"[A-Z][\w.\u2019'-]*[ \t]+of[ \t]+$")


@lru_cache(maxsize=4096)
def _after_title_of(run: _Run) -> _Run:
    """A parsed run that follows "<Title> of": a name of three words or more keeps only its last
    two (three with a middle initial: "John F. Kerry"), the words before end the title."""
    name = run.name
    keep = 3 if len(name) >= 3 and len(name[-2].rstrip(".")) == 1 else 2
    if len(name) <= keep:
        return run
    title = run.title + name[:-keep]
    return _Run(title, name[-keep:], " ".join(name[-keep:]), " ".join(title))


def _is_acronym(tok: str) -> bool:
    core = tok.replace(".", "").replace("&", "")
    return len(core) >= 2 and core.isupper() and core.isalpha()


class SpeakerResolver:
    """Resolve speaker mentions of one article to canonical speakers and types.

    Parameters
    ----------
    text : str
        The article text (offsets index it).
    lexicon : RoleLexicon, optional
        The role lexicon; the packaged one by default.
    sentence_starts : list of int, optional
        Sorted sentence starts (:func:`coverage.segment.split_sentences`): words that describe a
        name ("ACLU attorney Lee Gelernt") are looked for in its sentence only. Without them, a
        sentence end is recognized by its punctuation.

    Notes
    -----
    Build one per article and call :meth:`resolve` on mentions in text order: pronoun and
    descriptor resolution use the speakers resolved so far.
    """

    def __init__(self, text: str, lexicon: RoleLexicon | None = None,
                 sentence_starts: list[int] | None = None) -> None:
        self.text = text
        self._starts = sentence_starts
        self.lexicon = lexicon or _default_lexicon()
        self.entities: dict[str, _Entity] = {}
        self.alias: dict[str, str] = {}  # lower-cased variant -> canonical
        self.surnames: dict[str, list[str]] = {}
        self.name_counts: dict[str, int] = {}  # full-name mentions of each person (see _by_surname)
        self.speakers: list[tuple[int, str]] = []  # (start, canonical) of resolved speakers
        # The person mentions are needed only to resolve "he" and "she": the scan keeps those it
        # finds in capitalized words, and "the <title>" mentions are looked for when first needed.
        self._mentions: list[tuple[int, str]] = []
        self._heads: dict[str, str] = {}  # a person's title head ("judge") -> the person
        self._person_pos: list[int] | None = None
        self._person_at: list[str] = []
        self._scan()

    @property
    def person_pos(self) -> list[int]:
        """Sorted starts of person mentions (names, known surnames, "the judge")."""
        if self._person_pos is None:
            self._index_person_mentions()
        return self._person_pos  # type: ignore[return-value]

    @property
    def person_at(self) -> list[str]:
        """The canonical person of each mention in :attr:`person_pos`."""
        if self._person_pos is None:
            self._index_person_mentions()
        return self._person_at

    # -- building ---------------------------------------------------------------------------
    def _scan(self) -> None:
        text = self.text
        for pm in _ACRONYM_PAREN_RE.finditer(text):
            m = _ACRONYM_DEF_RE.search(text, max(0, pm.start() - 120), pm.end())
            if m is None or m.end() != pm.end():
                continue
            full = _strip_det(m.group(1).strip())
            words = full.split()
            while words and words[0] in _STOP_CAPS:
                words = words[1:]
            full = " ".join(words)
            if full:
                ent = self._entity(full, is_person=False)
                self.alias[m.group(2).lower()] = ent.canonical
                self.alias[full.lower()] = ent.canonical
        mentions = self._mentions
        surnames = self.surnames
        counts = self.name_counts
        starts = self._starts
        for m in _CAP_RUN_RE.finditer(text):
            g = m.group()
            if " " not in g and "\t" not in g:
                # one capitalized word: only a mention of a known surname matters
                key = g[:-2] if g.endswith(("\u2019s", "'s")) else g.rstrip(".")
                names = surnames.get(key)
                if names is not None:
                    mentions.append((m.start(), names[0] if len(names) == 1 else self._by_surname(names)))
                continue
            run = _parse_run(g)
            if run is None:
                continue
            if run.person:
                start = m.start()
                if len(run.name) >= 3 and _TITLE_OF_BEFORE_RE.search(text, max(0, start - 30), start):
                    run = _after_title_of(run)
                # lower-case words and acronyms among the three words before the run describe
                # the person ("ACLU attorney"), within its sentence and clause ("She was proud.
                # Donald Trump" has none); (rsplit: only the last three words are split off)
                lo = max(0, start - 40)
                if starts is not None:
                    lo = max(lo, starts[max(0, bisect.bisect_right(starts, start) - 1)])
                else:
                    for bm in _DESCRIPTOR_STOP_RE.finditer(text, lo, start):
                        lo = bm.end()
                pre = []
                for w in reversed(text[lo:start].rsplit(None, 3)[-3:]):
                    if not _DESCRIPTOR_STOP_CHARS.isdisjoint(w):
                        break  # ('... that decision," said Vice President Joe Biden')
                    if w.islower() or _is_acronym(w):
                        pre.append(w)
                pre.reverse()
                if pre:
                    desc = " ".join(pre + [run.title_text] if run.title else pre)
                else:
                    desc = run.title_text
                ent = self._person(run.person, desc)
                counts[ent.canonical] = counts.get(ent.canonical, 0) + 1
                mentions.append((start, ent.canonical))
            elif len(run.name) == 1 and run.name[0] in surnames:
                mentions.append((m.start(), self._by_surname(surnames[run.name[0]])))
        # later definite mentions by title ("the judge", "the secretary") are person mentions: the
        # heads of the titles found by the scan (resolving describes people further)
        heads = self._heads
        for ent in self.entities.values():
            if ent.is_person:
                for d in ent.descriptors:
                    words = d.split()
                    if words and words[-1].isalpha() and len(words[-1]) > 2:
                        heads.setdefault(words[-1].lower(), ent.canonical)

    def _index_person_mentions(self) -> None:
        """Sort the scan's person mentions, with "the <head>" mentions of titled people, into
        :attr:`person_pos` and :attr:`person_at`."""
        text = self.text
        mentions = self._mentions
        heads = self._heads
        low_text = text.lower() if heads else ""
        # a head (letters only) is found only if it is the whole word after some "the ": one
        # pass rules most heads out
        followed = set(_THE_NEXT_RE.findall(low_text))
        for head, canon in heads.items():
            if head not in followed and head.isalpha():
                continue
            pos = low_text.find("the " + head)
            while pos >= 0:
                after = pos + 4 + len(head)
                if (pos == 0 or not low_text[pos - 1].isalnum()) and (
                    after >= len(low_text) or not low_text[after].isalnum()
                ):
                    mentions.append((pos, canon))
                pos = low_text.find("the " + head, after)
        mentions.sort()
        self._person_pos = [p for p, _ in mentions]
        self._person_at = [c for _, c in mentions]

    def _entity(self, canonical: str, is_person: bool) -> _Entity:
        ent = self.entities.get(canonical)
        if ent is None:
            ent = _Entity(canonical=canonical, is_person=is_person)
            self.entities[canonical] = ent
        return ent

    def _by_surname(self, names: list[str]) -> str:
        """The person a bare surname means among ``names`` (in order of introduction): the one
        named in full most often so far, the first introduced among equals ("Clinton" in an
        article about Hillary Clinton that also names Bill Clinton once)."""
        if len(names) == 1:
            return names[0]
        counts = self.name_counts
        return max(names, key=lambda n: (counts.get(n, 0), -names.index(n)))

    def _person(self, full: str, descriptor: str) -> _Entity:
        known = self.alias.get(full.lower())
        if known and known in self.entities:
            ent = self.entities[known]
        else:
            ent = self._entity(full, is_person=True)
            ent.surname = full.split()[-1]
            self.alias[full.lower()] = full
            self.surnames.setdefault(ent.surname, [])
            if full not in self.surnames[ent.surname]:
                self.surnames[ent.surname].append(full)
        if descriptor:
            ent.describe(descriptor)
        return ent

    # -- resolving --------------------------------------------------------------------------
    def _recent_person(self, pos: int) -> str | None:
        i = bisect.bisect_left(self.person_pos, pos)
        best = self.person_at[i - 1] if i else None
        # a person resolved from a descriptor ("the judge said") may be more recent
        for start, canon in reversed(self.speakers):
            if start < pos and canon in self.entities and self.entities[canon].is_person:
                if i == 0 or start > self.person_pos[i - 1]:
                    return canon
                break
        return best

    def _recent_group(self, pos: int) -> str | None:
        for start, canon in reversed(self.speakers):
            if start < pos:
                ent = self.entities.get(canon)
                if ent is None or not ent.is_person:
                    return canon
        for start, canon in reversed(self.speakers):
            if start < pos:
                return canon
        return None

    def add_descriptor_mentions(self, pattern: re.Pattern[str], canon: str) -> None:
        """Record later definite mentions ("the judge") of a person as person mentions."""
        for m in pattern.finditer(self.text):
            i = bisect.bisect_left(self.person_pos, m.start())
            self.person_pos.insert(i, m.start())
            self.person_at.insert(i, canon)

    def resolve(self, mention: str | None, start: int, context: str = "") -> tuple[str, str]:
        """Resolve one mention.

        Parameters
        ----------
        mention : str or None
            The speaker mention as it appears in the text (None when the quote has none).
        start : int
            Its offset (or the quote's, when there is no mention).
        context : str
            Words around the mention that describe it (an apposition: ", a lawyer for the ACLU,"
            or ", who spoke on condition of anonymity,"); used for typing only.

        Returns
        -------
        (str, str)
            Canonical speaker (``"unresolved"`` when unknown) and speaker type.
        """
        if not mention:
            return UNRESOLVED, "other"
        canon = self._canonical(mention.strip(), start)
        if canon is None:
            return UNRESOLVED, "other"
        self.speakers.append((start, canon))
        ent = self.entities.get(canon)
        desc = " | ".join([canon, mention] + (ent.descriptors if ent else []))
        typ = type_of(desc, self.lexicon)
        ctx = context.strip(" ,\u2014")
        if ctx and (typ == "other" or not (ent is not None and ent.is_person)):
            # an apposition describes the speaker: ", a lawyer for the ACLU," / ", who spoke on
            # condition of anonymity," (a named person is never anonymous)
            ctyp = type_of(ctx, self.lexicon, whole=True)
            if ctyp == "anonymous" and ent is not None and ent.is_person:
                ctyp = "other"
            if ctyp == "anonymous" or (typ == "other" and ctyp != "other"):
                typ = ctyp
        return canon, typ

    def _canonical(self, mention: str, start: int) -> str | None:
        if " of " in mention:
            pm = _PARTITIVE_RE.match(mention)
            if pm is not None:
                mention = mention[pm.end() :]
        low = mention.lower()
        if low in PRONOUNS:
            if low in PRONOUNS_PERSON:
                return self._recent_person(start)
            if low in PRONOUNS_GROUP:
                return self._recent_group(start)
            return None
        clean = mention.strip(" ,;:\u2014-")
        if clean.endswith(_POSSESSIVE_ENDS):
            clean = _POSSESSIVE_RE.sub("", clean)
        if clean.endswith(")"):
            clean = _TRAILING_PAREN_RE.sub("", clean)
        bare = _strip_det(clean)
        if not bare:
            return None
        lbare = bare.lower()
        if lbare in self.lexicon.canonical:
            canon = self.lexicon.canonical[lbare]
            self._entity(canon, is_person=False).describe(bare)
            return canon
        if lbare in self.alias:
            ent = self.entities.get(self.alias[lbare])
            if ent is not None:
                if clean != ent.canonical and bare != ent.canonical:
                    ent.describe(bare)
                return ent.canonical
        tokens = bare.split()
        # a known person's full name inside the mention ("ACLU attorney Lee Gelernt")
        caps = [t for t in tokens if t[:1].isupper()]
        for n in (3, 2):
            for i in range(len(tokens) - n + 1):
                key = " ".join(tokens[i : i + n]).lower()
                canon = self.alias.get(key)
                if canon and canon in self.entities and self.entities[canon].is_person:
                    desc = " ".join(tokens[:i])
                    if desc:
                        self.entities[canon].describe(desc)
                    return canon
        # surname ("Gelernt", "Mr. Gelernt", "Judge Sabraw")
        if caps:
            last = _POSSESSIVE_RE.sub("", caps[-1]) if caps[-1].endswith(("\u2019s", "'s")) else caps[-1]
            if last in self.surnames:
                return self._by_surname(self.surnames[last])
        # The head of a description comes before its modifier: "a federal judge | in California".
        core = tokens
        for k in range(1, len(tokens)):
            if tokens[k] in _HEAD_BREAKS:
                core = tokens[:k]
                break
        head = core[-1].lower()
        lowered = [t for t in core if t[:1].islower()]
        if not caps or (lowered and core[-1][:1].islower()):
            # a definite description: "the judge", "the civil rights group"
            for ent in reversed(self.entities.values()):
                if ent.is_person and head in ent.words:
                    return ent.canonical
            if mention.split()[0].lower() in {"the", "this", "that"}:
                typ = type_of(bare, self.lexicon)
                if typ != "other":
                    for s, canon in reversed(self.speakers):
                        ent = self.entities.get(canon)
                        if s < start and ent is not None and not ent.is_person and canon != bare:
                            ctyp = type_of(" | ".join([canon] + ent.descriptors), self.lexicon)
                            if ctyp == typ:
                                ent.describe(bare)
                                return canon
            first = clean.split()[0]
            canon = first.lower() + clean[len(first):] if first.lower() in _DETERMINERS else clean
            self._entity(canon, is_person=False)
            return canon
        # a name or organization seen for the first time
        is_person = len(caps) >= 2 and not any(t in _ORG_WORDS or _is_acronym(t) for t in caps) and not (
            _not_a_name(caps))
        if is_person:
            title, name = _split_title(tokens)
            if len(name) >= 2:
                return self._person(" ".join(name), " ".join(title)).canonical
        ent = self._entity(bare, is_person=False)
        self.alias.setdefault(lbare, bare)
        return ent.canonical


def corpus_aliases(texts) -> dict[str, str]:
    """Acronyms defined anywhere in a corpus, mapped to their full names.

    An outlet that writes only "ACLU" and one that defines "American Civil Liberties Union
    (ACLU)" then count the same source.

    Parameters
    ----------
    texts : iterable of str
        Article texts.

    Returns
    -------
    dict
        ``{"ACLU": "American Civil Liberties Union", ...}`` (the first definition seen wins).

    Examples
    --------
    >>> corpus_aliases(["The American Civil Liberties Union (ACLU) sued.", "The ACLU said no."])
    {'ACLU': 'American Civil Liberties Union'}
    """
    out: dict[str, str] = {}
    for text in texts:
        if not isinstance(text, str):
            continue
        for pm in _ACRONYM_PAREN_RE.finditer(text):
            m = _ACRONYM_DEF_RE.search(text, max(0, pm.start() - 120), pm.end())
            if m is None or m.end() != pm.end():
                continue
            words = _strip_det(m.group(1).strip()).split()
            while words and words[0] in _STOP_CAPS:
                words = words[1:]
            if words:
                out.setdefault(m.group(2), " ".join(words))
    return out


# --------------------------------------------------------------------------------------------
# per-speaker summary
# --------------------------------------------------------------------------------------------


def summarize_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per (article and) canonical speaker.

    Parameters
    ----------
    quotes : pandas.DataFrame
        Rows from :func:`coverage.quotes.extract_quotes` (optionally with ``article_id``).
        Rows of kind ``term`` (scare quotes, titles) are not speech and are left out.

    Returns
    -------
    pandas.DataFrame
        Columns ``[article_id,] speaker, speaker_type, n_quotes, n_words_quoted,
        first_quote_start, first_quote_rank``: ``n_quotes`` counts attributions (direct,
        partial, indirect), ``n_words_quoted`` the words of their content, ``speaker_type`` is
        the speaker's most frequent type, and ``first_quote_rank`` is 1 for the speaker whose
        first attribution comes first in the article. "unresolved" is kept as one row.

    Examples
    --------
    >>> from coverage.quotes import extract_quotes
    >>> q = extract_quotes('"We will appeal," Ann Lee said. "It is wrong."')
    >>> summarize_speakers(q)[["speaker", "n_quotes"]].values.tolist()
    [['Ann Lee', 2]]
    """
    keys = ["article_id"] if "article_id" in quotes.columns else []
    cols = keys + ["speaker", "speaker_type", "n_quotes", "n_words_quoted", "first_quote_start", "first_quote_rank"]
    q = quotes[quotes["kind"] != "term"] if len(quotes) else quotes
    if q.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c.startswith(("n_", "first")) else "object") for c in cols})
    g = q.groupby(keys + ["speaker"], sort=False, dropna=False)
    out = g.agg(
        speaker_type=("speaker_type", lambda s: s.mode().iat[0] if len(s.mode()) else "other"),
        n_quotes=("quote_id", "size"),
        n_words_quoted=("n_words", "sum"),
        first_quote_start=("start", "min"),
    ).reset_index()
    if keys:
        out["first_quote_rank"] = out.groupby(keys)["first_quote_start"].rank(method="first").astype("int64")
    else:
        out["first_quote_rank"] = out["first_quote_start"].rank(method="first").astype("int64")
    return out.sort_values(keys + ["first_quote_rank"]).reset_index(drop=True)[cols]
