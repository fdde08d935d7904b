"""Load a corpus of news articles from folders, CSV/JSONL files, Media Cloud exports or pandas.

Every source becomes a stream of :class:`ArticleRecord` dicts (one per article, built by pure
per-article functions), then a :class:`Corpus` whose ``articles`` table has at least
``article_id, outlet, title, published, url, source_agency, raw_text, text`` plus the fields
the cleaner filled (``dateline``, ``correction``) and any extra metadata columns. Articles that
cannot be read become rows of ``Corpus.errors`` (article_id, source, stage, problem): one bad
article never loses the rest.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from os import PathLike
from pathlib import Path
from typing import Any, TypedDict

import pandas as pd

from .clean import Rule, clean_text, normalize_text
from .errors import ArticleError, MetadataError

__all__ = [
    "ArticleRecord",
    "Corpus",
    "load_corpus",
    "iter_articles",
    "iter_payloads",
    "load_article",
    "decode_bytes",
    "html_to_text",
    "EMBEDDED_CORPUS",
    "ARTICLE_COLUMNS",
]

logger = logging.getLogger(__name__)

#: The embedded default corpus: the two seed articles and their metadata.
EMBEDDED_CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"

ARTICLE_COLUMNS = [
    "article_id", "outlet", "title", "published", "url", "source_agency",
    "raw_text", "text", "dateline", "correction", "n_removed", "decoding", "extractor",
]
ERROR_COLUMNS = ["article_id", "source", "stage", "problem"]
REMOVAL_COLUMNS = ["article_id", "rule", "start", "end", "text", "reason"]
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
MAX_BYTES = 50_000_000

# Column names accepted for each field, first match wins (Media Cloud names included).
ALIASES: dict[str, tuple[str, ...]] = {
    "article_id": ("article_id", "id", "stories_id", "story_id", "guid"),
    "outlet": ("outlet", "media_name", "source", "publisher", "media", "site"),
    "title": ("title", "headline"),
    "published": ("published", "publish_date", "publication_date", "date", "pub_date"),
    "url": ("url", "link"),
    "source_agency": ("source_agency", "wire", "agency"),
    "text": ("text", "body", "content", "story_text"),
}


class ArticleRecord(TypedDict, total=False):
    """One article as loaded (before analysis)."""

    article_id: str
    outlet: str
    title: str
    published: str
    url: str
    source_agency: str
    raw_text: str
    text: str
    dateline: str
    correction: str
    n_removed: int
    decoding: str
    extractor: str


@dataclass
class Corpus:
    """A loaded corpus: tidy tables of articles, removals and errors.

    Attributes
    ----------
    articles : pandas.DataFrame
        One row per readable article (see :data:`ARTICLE_COLUMNS`; extra metadata kept).
    removals : pandas.DataFrame
        One row per piece of boilerplate the cleaner removed (article_id, rule, start, end
        into ``raw_text``, text, reason).
    errors : pandas.DataFrame
        One row per article that could not be loaded (article_id, source, stage, problem).
    """

    articles: pd.DataFrame
    removals: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REMOVAL_COLUMNS))
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ERROR_COLUMNS))
    source: str = ""

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        outlets = self.articles["outlet"].nunique() if len(self.articles) else 0
        return (f"Corpus({len(self.articles)} articles from {outlets} outlets, "
                f"{len(self.errors)} errors, source={self.source!r})")


# --------------------------------------------------------------------------- decoding and HTML


def decode_bytes(data: bytes, article: str = "?") -> tuple[str, str]:
    """Decode article bytes: UTF-8 (with or without BOM), else cp1252, recording which.

    Parameters
    ----------
    data : bytes
        The file's bytes.
    article : str
        Article id or file name, for error messages.

    Returns
    -------
    (str, str)
        The text and the decoding used: ``"utf-8"``, ``"utf-8-sig"`` (BOM removed) or
        ``"cp1252 (not valid UTF-8)"`` / ``"latin-1 (not valid UTF-8)"``.

    Raises
    ------
    ArticleError
        If the bytes look binary (NUL bytes or mostly control characters).
    """
    if b"\x00" in data[:65536]:
        raise ArticleError(article, "binary content (NUL bytes): not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        text, how = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, how = data.decode("cp1252"), "cp1252 (not valid UTF-8)"
        except UnicodeDecodeError:
            text, how = data.decode("latin-1"), "latin-1 (not valid UTF-8)"
        logger.info("%s: not valid UTF-8, decoded as %s", article, how.split()[0])
    sample = text[:20000]
    if sample:
        control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
        if control / len(sample) > 0.05:
            raise ArticleError(article, f"binary content ({control} control characters in the "
                                        f"first {len(sample)}): not a text file")
    return text, how


_LOOKS_HTML = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<p[ >]|<div[ >])", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "article", "section", "tr", "pre", "figcaption"}
_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form",
              "button", "svg", "iframe", "template", "head", "select", "menu"}


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document or fragment."""
    return bool(_LOOKS_HTML.match(text))


class _TextExtractor(HTMLParser):
    """Fallback HTML-to-text: drops script/style/navigation, turns blocks into paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(markup: str, *, extractor: str = "auto") -> tuple[str, str]:
    """Convert an HTML page to article text.

    Parameters
    ----------
    markup : str
        The HTML.
    extractor : {"auto", "trafilatura", "builtin"}
        ``"auto"`` uses trafilatura (the optional ``html`` extra) when installed and it finds
        text, else the built-in fallback, which keeps the text of the page minus scripts,
        styles, navigation, headers, footers and forms, one paragraph per block element.

    Returns
    -------
    (str, str)
        The text and the extractor used.
    """
    if extractor in ("auto", "trafilatura"):
        try:
            import trafilatura
        except ImportError:
            if extractor == "trafilatura":
                raise
        else:
            out = trafilatura.extract(markup, include_comments=False, include_tables=False,
                                      favor_precision=True)
            if out and out.strip():
                return out.replace("\n", "\n\n"), f"trafilatura {trafilatura.__version__}"
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p), "builtin html.parser"


# --------------------------------------------------------------------------- one article


def make_article(meta: Mapping[str, Any], raw: str, *, decoding: str = "str",
                 rules: tuple[Rule, ...] | None = None, is_html: bool | None = None,
                 min_words: int = 1) -> ArticleRecord:
    """Build one article record: HTML to text, normalize, clean, check.

    Parameters
    ----------
    meta : mapping
        Metadata with at least ``article_id``; ``outlet``, ``title``, ``published``, ``url``,
        ``source_agency`` and extra keys are kept.
    raw : str
        The article as decoded.
    decoding : str
        How the bytes were decoded (recorded).
    rules : tuple of Rule, optional
        Cleaning rules (default: the package's table).
    is_html : bool, optional
        Force (or forbid) HTML conversion; default: detect.
    min_words : int
        Fewer words than this after cleaning is an error.

    Returns
    -------
    ArticleRecord

    Raises
    ------
    ArticleError
        Empty, whitespace-only or too-short text, naming the article.
    """
    article_id = str(meta["article_id"])
    extractor = ""
    text = raw
    if is_html or (is_html is None and looks_like_html(raw)):
        text, extractor = html_to_text(raw)
    text = normalize_text(text)
    if not text.strip():
        raise ArticleError(article_id, "empty text" if not raw else "text is only whitespace"
                           if not raw.strip() else "no text left after HTML extraction")
    cleaned = clean_text(text, rules)
    from .segment import WORD_RE, count_words  # local: keep module import light

    if (min_words <= 1 and WORD_RE.search(cleaned.text) is None) or (
            min_words > 1 and count_words(cleaned.text) < min_words):
        raise ArticleError(article_id, f"no article text left after cleaning "
                                       f"({len(cleaned.removals)} boilerplate lines removed)")
    record: dict[str, Any] = {k: v for k, v in meta.items() if k != "text"}
    title = meta.get("title")
    if not _present(title):
        title = cleaned.fields.get("title", "")
    record.update(
        article_id=article_id,
        outlet=_text(meta.get("outlet")) or "unknown",
        title=_text(title),
        published=_text(meta.get("published")),
        url=_text(meta.get("url")),
        source_agency=_text(meta.get("source_agency")),
        raw_text=text,
        text=cleaned.text,
        dateline=cleaned.fields.get("dateline", ""),
        correction=cleaned.fields.get("correction", ""),
        n_removed=len(cleaned.removals),
        decoding=decoding,
        extractor=extractor,
        _removals=cleaned.removals,
    )
    return record  # type: ignore[return-value]


def _present(value: Any) -> bool:
    if value is None:
        return False
    try:
        if pd.isna(value):
            return False
    except (TypeError, ValueError):
        pass
    return str(value).strip() != ""


def _text(value: Any) -> str:
    return str(value).strip() if _present(value) else ""


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
                       r"(?:Z|[+-]\d{2}:\d{2})?)?\Z")


def normalize_date(value: Any, article: str) -> str:
    """Parse a publication date in any common format to ISO ``YYYY-MM-DD[THH:MM:SS]``.

    Raises
    ------
    MetadataError
        If the value is present but not a date.
    """
    if not _present(value):
        return ""
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        # The common case, ISO 8601, without pandas' format inference (~100x faster, same result;
        # an impossible date such as 2018-02-30 goes on to pandas, which reports it).
        try:
            dt = datetime.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            if dt.tzinfo is not None:
                dt = dt.astimezone(datetime.timezone.utc).replace(tzinfo=None)
            return dt.strftime("%Y-%m-%d") if dt.time() == datetime.time() else dt.strftime("%Y-%m-%dT%H:%M:%S")
    ts = pd.to_datetime(str(value).strip(), errors="coerce", utc=False, format="mixed")
    if ts is pd.NaT or pd.isna(ts):
        raise MetadataError(article, "published", f"not a date: {value!r}")
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts.strftime("%Y-%m-%d") if ts == ts.normalize() else ts.strftime("%Y-%m-%dT%H:%M:%S")


# --------------------------------------------------------------------------- sources


def _rename(columns: Iterable[str], text_col: str | None, outlet_col: str | None,
            id_col: str | None) -> dict[str, str]:
    cols = list(columns)
    lower = {c.lower().strip(): c for c in cols}
    mapping: dict[str, str] = {}
    explicit = {"text": text_col, "outlet": outlet_col, "article_id": id_col}
    for target, names in ALIASES.items():
        chosen = explicit.get(target)
        if chosen is not None:
            if chosen not in cols:
                raise MetadataError("<table>", chosen, f"column {chosen!r} not found; columns are {cols}")
            mapping[chosen] = target
            continue
        for name in names:
            if name in lower and lower[name] not in mapping:
                mapping[lower[name]] = target
                break
    return mapping


def _rows(df: pd.DataFrame, origin: str, *, text_col=None, outlet_col=None, id_col=None,
          folder: Path | None = None) -> Iterator[tuple[dict[str, Any], str | bytes | None, str]]:
    """Yield (metadata, text-or-bytes-or-None, where) per row, with metadata normalized."""
    mapping = _rename(df.columns, text_col, outlet_col, id_col)
    df = df.rename(columns=mapping)
    has_file = "file" in df.columns
    if "text" not in df.columns and not has_file and folder is None:
        raise MetadataError(origin, "text", "no text column (tried "
                            + ", ".join(ALIASES["text"]) + "); pass text_col=")
    seen: dict[str, int] = {}
    for pos, row in enumerate(df.to_dict(orient="records")):
        where = f"{origin}, row {pos + 2 if folder is not None or origin.endswith('.csv') else pos}"
        meta = {str(k): v for k, v in row.items()}
        if _present(meta.get("article_id")):
            aid = str(meta["article_id"]).strip()
            if aid.endswith(".0") and aid[:-2].isdigit():
                aid = aid[:-2]  # ids read as floats from CSV
        elif has_file and _present(meta.get("file")):
            aid = Path(str(meta["file"])).stem
        else:
            aid = f"{Path(origin).stem}-{pos}"
        if aid in seen:
            aid_new = f"{aid}#{seen[aid] + 1}"
            seen[aid] += 1
            yield {"article_id": aid_new}, None, f"{where}: duplicate article_id {aid!r} (first at row {seen.get(aid)})"
            continue
        seen[aid] = 1
        meta["article_id"] = aid
        text: str | bytes | None = meta.pop("text", None)
        if not _present(text):
            text = None
        if text is None and folder is not None:
            candidates = []
            if has_file and _present(meta.get("file")):
                candidates.append(folder / str(meta["file"]))
            else:
                candidates.extend(folder / f"{aid}{suf}" for suf in (".txt", ".html", ".htm", ".md"))
            for path in candidates:
                if path.is_file():
                    text = path
                    break
            else:
                yield meta, None, f"{where}: file {candidates[0].name!r} listed but missing"
                continue
        yield meta, text, where


def iter_articles(source: Any = None, *, text_col: str | None = None, outlet_col: str | None = None,
                  id_col: str | None = None, rules: tuple[Rule, ...] | None = None,
                  min_words: int = 1, **read_options: Any) -> Iterator[ArticleRecord | dict]:
    """Stream article records from any source :func:`load_corpus` accepts.

    Yields :class:`ArticleRecord` dicts, or error dicts ``{"article_id", "source", "stage",
    "problem", "_error": True}`` for articles that could not be read. Nothing is held in memory
    beyond the current article (CSV and JSONL sources are read in chunks), so a million-article
    corpus streams.
    """
    for meta, payload, where in _iter_payloads(source, text_col=text_col, outlet_col=outlet_col,
                                               id_col=id_col, **read_options):
        yield load_article(meta, payload, where, rules=rules, min_words=min_words)


def load_article(meta: dict[str, Any], payload: Any, where: str, *, rules: tuple[Rule, ...] | None = None,
                 min_words: int = 1) -> ArticleRecord | dict:
    """Read, decode, convert and clean one article; an error dict instead of raising.

    Parameters
    ----------
    meta : dict
        The article's metadata (``article_id`` at least).
    payload : str, bytes, pathlib.Path or None
        The text, its bytes, the file holding it, or None when it is missing.
    where : str
        Where the article came from (file, row), for error rows.

    Returns
    -------
    ArticleRecord or dict
        The record, or ``{"article_id", "source", "stage", "problem", "_error": True}``.
    """
    aid = str(meta.get("article_id", "?"))
    try:
        if payload is None:
            raise ArticleError(aid, where.split(": ", 1)[-1] if ": " in where else "no text")
        if "published" in meta:
            meta["published"] = normalize_date(meta["published"], aid)
        decoding = "str"
        is_html = None
        if isinstance(payload, Path):
            size = payload.stat().st_size
            if size > MAX_BYTES:
                raise ArticleError(aid, f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit")
            is_html = payload.suffix.lower() in (".html", ".htm") or None
            payload, decoding = decode_bytes(payload.read_bytes(), aid)
        elif isinstance(payload, bytes):
            payload, decoding = decode_bytes(payload, aid)
        elif not isinstance(payload, str):
            raise ArticleError(aid, f"text is a {type(payload).__name__}, not a string")
        return make_article(meta, payload, decoding=decoding, rules=rules, is_html=is_html,
                            min_words=min_words)
    except (ArticleError, MetadataError) as exc:
        problem = exc.problem if isinstance(exc, ArticleError) else f"column {exc.column!r}: {exc.problem}"
        return {"article_id": aid, "source": where, "stage": "load", "problem": problem, "_error": True}


def iter_payloads(source: Any = None, *, text_col: str | None = None, outlet_col: str | None = None,
                  id_col: str | None = None, **read_options: Any):
    """Stream ``(metadata, payload, where)`` per article without reading or cleaning the text.

    The cheap half of :func:`iter_articles`: engines send these to workers, which call
    :func:`load_article`, so decoding and cleaning run in parallel too.
    """
    yield from _iter_payloads(source, text_col=text_col, outlet_col=outlet_col, id_col=id_col,
                              **read_options)


def _iter_payloads(source: Any, *, text_col=None, outlet_col=None, id_col=None, chunksize: int = 2_000,
                   **read_options: Any):
    if source is None:
        source = EMBEDDED_CORPUS
    if isinstance(source, pd.DataFrame):
        yield from _rows(source, "<DataFrame>", text_col=text_col, outlet_col=outlet_col, id_col=id_col)
        return
    if isinstance(source, (list, tuple)) and all(isinstance(x, Mapping) for x in source):
        yield from _rows(pd.DataFrame(list(source)), "<records>", text_col=text_col,
                         outlet_col=outlet_col, id_col=id_col)
        return
    if not isinstance(source, (str, PathLike)):
        raise TypeError(f"load_corpus: cannot read a {type(source).__name__}; pass a folder, a "
                        ".csv/.jsonl file, a pandas DataFrame or a list of dicts")
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"load_corpus: {path} does not exist")
    if path.is_dir():
        yield from _iter_folder(path, text_col=text_col, outlet_col=outlet_col, id_col=id_col)
        return
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        sep = "\t" if suffix == ".tsv" else ","
        reader = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, chunksize=chunksize,
                             **read_options)
        offset = 0
        for chunk in reader:
            chunk.index = range(offset, offset + len(chunk))
            offset += len(chunk)
            yield from _rows(chunk, str(path), text_col=text_col, outlet_col=outlet_col,
                             id_col=id_col, folder=path.parent if _needs_files(chunk, text_col) else None)
        return
    if suffix in (".jsonl", ".ndjson", ".json"):
        yield from _iter_jsonl(path, text_col=text_col, outlet_col=outlet_col, id_col=id_col,
                               chunksize=chunksize)
        return
    if suffix in TEXT_SUFFIXES:
        meta = {"article_id": path.stem, "file": path.name}
        yield meta, path, str(path)
        return
    raise ValueError(f"load_corpus: {path}: unsupported file type {suffix!r} "
                     "(use a folder, .csv, .tsv, .jsonl, .txt, .html or .md)")


def _needs_files(chunk: pd.DataFrame, text_col: str | None) -> bool:
    names = {c.lower() for c in chunk.columns}
    return (text_col or "text") not in chunk.columns and not names & set(ALIASES["text"])


def _iter_jsonl(path: Path, *, text_col, outlet_col, id_col, chunksize):
    batch: list[dict] = []

    def flush():
        if batch:
            df = pd.DataFrame(batch)
            yield from _rows(df, str(path), text_col=text_col, outlet_col=outlet_col, id_col=id_col)
            batch.clear()

    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                yield ({"article_id": f"{path.stem}-line{lineno}"}, None,
                       f"{path}, line {lineno}: malformed JSON ({exc})")
                continue
            batch.append(obj)
            if len(batch) >= chunksize:
                yield from flush()
        yield from flush()


def _iter_folder(folder: Path, *, text_col, outlet_col, id_col):
    meta_path = folder / "metadata.csv"
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                   and not p.name.startswith(".") and p.name.lower() != "readme.md")
    if not meta_path.exists():
        for p in files:
            yield {"article_id": p.stem, "file": p.name}, p, str(p)
        return
    try:
        meta = pd.read_csv(meta_path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise MetadataError(str(meta_path), "-", f"unreadable CSV: {exc}") from None
    if "file" not in meta.columns:
        raise MetadataError(str(meta_path), "file",
                            f"missing column 'file' naming each article's file; columns are {list(meta.columns)}")
    listed = set(meta["file"])
    yield from _rows(meta, str(meta_path), text_col=text_col, outlet_col=outlet_col, id_col=id_col,
                     folder=folder)
    for p in files:
        if p.name not in listed:
            yield ({"article_id": p.stem}, None,
                   f"{p}: present in the folder but not listed in metadata.csv (add a row, or move it)")


# --------------------------------------------------------------------------- the corpus


def load_corpus(source: Any = None, *, text_col: str | None = None, outlet_col: str | None = None,
                id_col: str | None = None, rules: tuple[Rule, ...] | None = None,
                min_words: int = 1, **read_options: Any) -> Corpus:
    """Load a corpus of news articles.

    Parameters
    ----------
    source : None, path-like, pandas.DataFrame or list of dict
        ``None``: the embedded corpus (two articles on the June 6, 2018 family-separation
        ruling). A folder of ``.txt``/``.html``/``.md`` files with a ``metadata.csv`` whose
        ``file`` column names each file (plus ``outlet, title, published, url``; extra columns
        kept); a ``.csv``/``.tsv``/``.jsonl`` file with a text column; a Media Cloud export
        (``id``/``stories_id``, ``media_name``, ``publish_date``, ``title``, ``url``; text from a
        ``text`` column or ``<id>.txt`` files beside the CSV); a DataFrame.
    text_col, outlet_col, id_col : str, optional
        Column names, when they are not among the recognised aliases.
    rules : tuple of Rule, optional
        Boilerplate rules (see :func:`coverage.clean.load_rules`).
    min_words : int
        Articles with fewer words after cleaning go to ``errors``.
    **read_options
        Passed to :func:`pandas.read_csv` for CSV sources.

    Returns
    -------
    Corpus

    Raises
    ------
    MetadataError
        When the metadata table as a whole is unusable (no ``file`` column, unknown column
        named). Problems of single articles become rows of ``Corpus.errors`` instead.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> sorted(corpus.articles["outlet"])
    ['CNN', 'The Japan Times']
    """
    articles: list[dict] = []
    removals: list[dict] = []
    errors: list[dict] = []
    for rec in iter_articles(source, text_col=text_col, outlet_col=outlet_col, id_col=id_col,
                             rules=rules, min_words=min_words, **read_options):
        if rec.get("_error"):
            errors.append({k: rec[k] for k in ERROR_COLUMNS})
            continue
        rec = dict(rec)
        for r in rec.pop("_removals", []):
            removals.append({"article_id": rec["article_id"], "rule": r.rule, "start": r.start,
                             "end": r.end, "text": r.text, "reason": r.reason})
        articles.append(rec)
    table = pd.DataFrame(articles)
    for col in ARTICLE_COLUMNS:
        if col not in table.columns:
            table[col] = pd.Series(dtype="object" if col != "n_removed" else "int64")
    extra = [c for c in table.columns if c not in ARTICLE_COLUMNS]
    table = table[ARTICLE_COLUMNS + extra].reset_index(drop=True)
    label = "embedded corpus" if source is None else (str(source) if isinstance(source, (str, PathLike))
                                                      else type(source).__name__)
    return Corpus(table, pd.DataFrame(removals, columns=REMOVAL_COLUMNS),
                  pd.DataFrame(errors, columns=ERROR_COLUMNS), label)
