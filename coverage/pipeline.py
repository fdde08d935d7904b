"""``analyze()``: the one entry point that turns a corpus into tidy :class:`Results` tables.

The work is a pure function per article (:func:`analyze_article`: a record in, table rows out),
so it streams, parallelizes and caches; corpus-level tables (outlet roll-ups, comparisons across
outlets) are computed afterwards from the article-level tables. An article that fails at any
stage becomes one row of ``errors`` (with the stage and the reason) and the rest of the corpus
is analyzed: every input article ends up exactly once in ``articles`` or in ``errors``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from .compare import summarize_by_outlet
from .corpus import ERROR_COLUMNS, REMOVAL_COLUMNS, Corpus, iter_articles
from .errors import ArticleError
from .results import TABLE_COLUMNS, Results
from .segment import WORD_RE, split_paragraphs, split_sentences

__all__ = ["Params", "analyze", "analyze_article", "ArticleContext"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Params:
    """Parameters of an analysis, recorded with the results.

    Attributes
    ----------
    line_breaks : {"auto", "space"}
        How single line breaks are treated by the sentence splitter.
    max_chars : int
        Articles longer than this (after cleaning) are reported in ``errors`` rather than
        analyzed; 0 for no limit.
    """

    line_breaks: str = "auto"
    max_chars: int = 2_000_000
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> Params:
        known = {k: kwargs.pop(k) for k in list(kwargs) if k in cls.__dataclass_fields__ and k != "extra"}
        return cls(**known, extra=kwargs)

    def get(self, name: str, default: Any = None) -> Any:
        """A stage parameter, from ``extra`` or the default."""
        return self.extra.get(name, default)


@dataclass
class ArticleContext:
    """What the stages of one article share: the text, its segmentation and the rows so far."""

    article: Mapping[str, Any]
    text: str
    params: Params
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    row: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]


Stage = Callable[[ArticleContext], None]


def _segment_stage(ctx: ArticleContext) -> None:
    text = ctx.text
    para_bounds = [e for _, e in ctx.paragraphs]
    rows = ctx.tables.setdefault("sentences", [])
    n_words = 0
    p = 0
    for i, (s, e) in enumerate(ctx.sentences):
        while p < len(para_bounds) - 1 and s >= para_bounds[p]:
            p += 1
        words = sum(1 for _ in WORD_RE.finditer(text, s, e))
        n_words += words
        rows.append({"sentence_id": i, "paragraph_id": p, "start": s, "end": e,
                     "text": text[s:e], "n_words": words})
    ctx.row.update(n_paragraphs=len(ctx.paragraphs), n_sentences=len(ctx.sentences), n_words=n_words)


#: The per-article stages, in order. Metric families append theirs in ``coverage/stages.py``.
def default_stages() -> list[tuple[str, Stage]]:
    stages: list[tuple[str, Stage]] = [("segment", _segment_stage)]
    try:
        from .stages import METRIC_STAGES
    except ImportError:  # pragma: no cover - the metric stages are part of the package
        METRIC_STAGES = []
    return stages + list(METRIC_STAGES)


_META = ("article_id", "outlet", "title", "published", "url", "source_agency", "dateline",
         "correction", "n_removed", "decoding", "extractor")


def analyze_article(article: Mapping[str, Any], params: Params | None = None,
                    stages: list[tuple[str, Stage]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Analyze one article: a pure function from an article record to table rows.

    Parameters
    ----------
    article : mapping
        A record from :func:`coverage.corpus.iter_articles` (``article_id``, ``outlet``,
        ``text`` and metadata).
    params : Params, optional
    stages : list of (name, callable), optional
        Default :func:`default_stages`.

    Returns
    -------
    dict of str to list of dict
        Rows per table name: ``articles`` (one row), ``sentences``, ``quotes``, ``frames``, ...;
        every row carries ``article_id`` (and ``outlet`` where the table has it).

    Raises
    ------
    ArticleError
        Naming the article, the stage and the problem.
    """
    params = params or Params()
    stages = default_stages() if stages is None else stages
    aid = str(article["article_id"])
    text = article["text"]
    if params.max_chars and len(text) > params.max_chars:
        raise ArticleError(aid, f"text has {len(text):,} characters, over max_chars="
                                f"{params.max_chars:,}; raise the limit to analyze it", "segment")
    ctx = ArticleContext(article, text, params, split_paragraphs(text),
                         split_sentences(text, line_breaks=params.line_breaks),
                         {k: article.get(k, "") for k in _META}, {})
    for name, stage in stages:
        try:
            stage(ctx)
        except ArticleError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure is reported with its stage
            logger.debug("article %s failed at %s", aid, name, exc_info=True)
            raise ArticleError(aid, f"{type(exc).__name__}: {exc}", name) from exc
    out = {"articles": [ctx.row]}
    outlet = article.get("outlet", "")
    for table, rows in ctx.tables.items():
        for r in rows:
            r["article_id"] = aid
            r.setdefault("outlet", outlet)
        out[table] = rows
    return out


def _collect(records: Iterable[Mapping[str, Any]], params: Params, stages,
             progress: bool) -> tuple[dict[str, list[dict]], list[dict], list[dict]]:
    tables: dict[str, list[dict]] = {}
    errors: list[dict] = []
    removals: list[dict] = []
    if progress:
        from tqdm.auto import tqdm

        records = tqdm(records, desc="articles", unit="article")
    for rec in records:
        if rec.get("_error"):
            errors.append({k: rec.get(k, "") for k in ERROR_COLUMNS})
            continue
        for r in rec.get("_removals", []) or []:
            removals.append({"article_id": rec["article_id"], "rule": r.rule, "start": r.start,
                             "end": r.end, "text": r.text, "reason": r.reason})
        try:
            out = analyze_article(rec, params, stages)
        except ArticleError as exc:
            errors.append({"article_id": exc.article, "source": rec.get("file", "") or rec.get("url", ""),
                           "stage": exc.stage, "problem": exc.problem})
            continue
        for name, rows in out.items():
            tables.setdefault(name, []).extend(rows)
    return tables, errors, removals


def _corpus_records(corpus: Corpus) -> Iterable[dict[str, Any]]:
    removals = corpus.removals.groupby("article_id") if len(corpus.removals) else None
    by_id = {k: g for k, g in removals} if removals is not None else {}
    from .clean import Removal

    for rec in corpus.articles.to_dict(orient="records"):
        rows = by_id.get(rec["article_id"])
        rec["_removals"] = [] if rows is None else [
            Removal(r.rule, r.text, r.start, r.end, r.reason) for r in rows.itertuples()]
        yield rec
    for rec in corpus.errors.to_dict(orient="records"):
        rec["_error"] = True
        yield rec


def analyze(source: Any = None, *, engine: str = "local", n_jobs: int = 1, progress: bool = False,
            stages: list[tuple[str, Stage]] | None = None, **params: Any) -> Results:
    """Analyze a corpus: readability, sentiment, quotes and framing, per sentence to outlet.

    Parameters
    ----------
    source : None, Corpus, or anything :func:`coverage.load_corpus` accepts
        ``None`` analyzes the embedded corpus.
    engine : {"local"}
        Where the per-article work runs.
    n_jobs : int
        Processes for the local engine (1: in this process).
    progress : bool
        Show a progress bar (``tqdm.auto``).
    **params
        Analysis parameters (see :class:`Params` and the metric stages), recorded in the results.

    Returns
    -------
    Results
        Tables ``articles, sentences, quotes, frames, outlets, errors, removals`` and more from
        the metric families; ``results.params`` and ``results.versions`` record what made them.

    Examples
    --------
    >>> results = analyze()
    >>> sorted(results.articles["outlet"])
    ['CNN', 'The Japan Times']
    """
    if engine != "local":
        raise ValueError(f"analyze: unknown engine {engine!r}; available: 'local'")
    p = Params.from_kwargs(**params)
    stages = default_stages() if stages is None else stages
    if isinstance(source, Corpus):
        records: Iterable[Mapping[str, Any]] = _corpus_records(source)
    else:
        records = iter_articles(source)
    tables, errors, removals = _collect(records, p, stages, progress)
    return assemble_results(tables, errors, removals, p, [name for name, _ in stages])


def assemble_results(tables: dict[str, list[dict]], errors: list[dict], removals: list[dict],
                     params: Params, stage_names: list[str]) -> Results:
    """Turn collected rows into :class:`Results`, adding the corpus-level tables."""
    frames: dict[str, pd.DataFrame] = {}
    for name, rows in tables.items():
        df = pd.DataFrame(rows)
        lead = [c for c in TABLE_COLUMNS.get(name, ["article_id"]) if c in df.columns]
        if "article_id" not in lead:
            lead = ["article_id"] + lead
        if name != "articles" and "outlet" in df.columns and "outlet" not in lead:
            lead.insert(1, "outlet")
        frames[name] = df[lead + [c for c in df.columns if c not in lead]]
    for name in ("articles", "sentences", "quotes", "frames"):
        frames.setdefault(name, pd.DataFrame(columns=TABLE_COLUMNS[name]))
    frames["errors"] = pd.DataFrame(errors, columns=ERROR_COLUMNS)
    frames["removals"] = pd.DataFrame(removals, columns=REMOVAL_COLUMNS)
    try:
        from .stages import corpus_tables
    except ImportError:  # pragma: no cover
        corpus_tables = None
    if corpus_tables is not None:
        frames.update(corpus_tables(frames, params))
    metric_cols = [c for c in frames["articles"].columns
                   if c not in _META and pd.api.types.is_numeric_dtype(frames["articles"][c])
                   and not pd.api.types.is_bool_dtype(frames["articles"][c])]
    frames["outlets"] = summarize_by_outlet(frames["articles"], metric_cols)
    record = asdict(params)
    record.update(record.pop("extra"))
    record["stages"] = stage_names
    return Results(frames, record)
