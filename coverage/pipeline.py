"""``analyze()``: the one entry point that turns a corpus into tidy :class:`Results` tables.

The work is a pure function per article (:func:`analyze_article`: a record in, table rows out),
so it streams, parallelizes and caches; corpus-level tables (outlet roll-ups, comparisons across
outlets) are computed afterwards from the article-level tables. An article that fails at any
stage becomes one row of ``errors`` (with the stage and the reason) and the rest of the corpus
is analyzed: every input article ends up exactly once in ``articles`` or in ``errors``.
"""

from __future__ import annotations

import itertools
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .compare import OutletAccumulator, summarize_by_outlet
from .corpus import ERROR_COLUMNS, Corpus
from .errors import ArticleError
from .engines import fewer_collections, side_executor
from .results import TABLE_COLUMNS, Results
from .segment import split_paragraphs, split_sentences

__all__ = ["Params", "analyze", "analyze_article", "analyze_to_parquet", "ArticleContext"]

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
    min_words : int
        Articles with fewer words after cleaning are reported in ``errors``.
    check_language : bool
        Report articles that do not look English in ``errors`` (see :mod:`coverage.language`)
        instead of scoring them with English lexicons.
    rules : tuple of Rule, optional
        Boilerplate rules for sources loaded by the pipeline (default: the package's table).
    """

    line_breaks: str = "auto"
    max_chars: int = 2_000_000
    min_words: int = 1
    check_language: bool = True
    rules: tuple | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> Params:
        """Split keyword arguments into the pipeline's own and the stages' parameters.

        Stage parameters are completed with their defaults (``coverage.stages.DEFAULTS``), so
        the recorded parameters say every value used.

        Raises
        ------
        TypeError
            For a name that is neither (a misspelt parameter would otherwise be ignored).
        """
        from .stages import DEFAULTS

        known = {k: kwargs.pop(k) for k in list(kwargs) if k in cls.__dataclass_fields__ and k != "extra"}
        unknown = sorted(set(kwargs) - set(DEFAULTS))
        if unknown:
            valid = sorted(set(cls.__dataclass_fields__) - {"extra"} | set(DEFAULTS))
            raise TypeError(f"analyze: unknown parameter(s) {unknown}; valid parameters: {valid}")
        return cls(**known, extra={**DEFAULTS, **kwargs})

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
    shared: dict[str, Any] = field(default_factory=dict)


Stage = Callable[[ArticleContext], None]


def _segment_stage(ctx: ArticleContext) -> None:
    from .readability import sentence_words

    text = ctx.text
    para_bounds = [e for _, e in ctx.paragraphs]
    rows = ctx.tables.setdefault("sentences", [])
    # The word tokens (coverage.segment.WORD_RE) of every sentence, tokenized once: the counts
    # here, the tokens for the readability stage; and the whitespace-separated chunks they come
    # from, which are VADER's tokens, for the sentiment stage.
    chunks = ctx.shared["sentence_chunks"] = []
    words, sizes = ctx.shared["sentence_words"] = sentence_words(text, ctx.sentences, chunks)
    p = 0
    for i, ((s, e), n) in enumerate(zip(ctx.sentences, sizes)):
        while p < len(para_bounds) - 1 and s >= para_bounds[p]:
            p += 1
        rows.append({"sentence_id": i, "paragraph_id": p, "start": s, "end": e,
                     "text": text[s:e], "n_words": n})
    ctx.row.update(n_paragraphs=len(ctx.paragraphs), n_sentences=len(ctx.sentences), n_words=len(words))


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
    if params.check_language:
        from .language import check_english

        problem = check_english(text)
        if problem:
            raise ArticleError(aid, problem, "language")
    paragraphs = split_paragraphs(text)
    ctx = ArticleContext(article, text, params, paragraphs,
                         split_sentences(text, line_breaks=params.line_breaks, paragraphs=paragraphs),
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


def _records(source: Any, p: "Params", read: dict[str, Any]) -> Iterable[Any]:
    """Work items: records of a Corpus, or (meta, payload, where) to load in the workers."""
    if isinstance(source, Corpus):
        return _corpus_records(source)
    from .corpus import iter_payloads

    return iter_payloads(source, **read)


def _corpus_records(corpus: Corpus) -> Iterable[dict[str, Any]]:
    from .clean import Removal

    by_id = dict(tuple(corpus.removals.groupby("article_id"))) if len(corpus.removals) else {}
    for rec in corpus.articles.to_dict(orient="records"):
        rows = by_id.get(rec["article_id"])
        rec["_removals"] = [] if rows is None else [
            Removal(r.rule, r.text, r.start, r.end, r.reason) for r in rows.itertuples()]
        yield rec
    for rec in corpus.errors.to_dict(orient="records"):
        rec["_error"] = True
        yield rec


def _iter_outputs(source, p, stages, *, engine, n_jobs, chunk_size, cache_dir, client, progress, read,
                  skip_chunks=frozenset(), count_ngrams=False):
    from .engines import ArticleCache, chunked, map_chunks

    cache = None
    if cache_dir is not None:
        from .results import environment_versions

        salt = repr((sorted(asdict(p).items(), key=str), [n for n, _ in stages], environment_versions()))
        cache = ArticleCache(cache_dir, salt)
    chunks = chunked(_records(source, p, read), chunk_size)
    if skip_chunks:
        chunks = ([] if i in skip_chunks else c for i, c in enumerate(chunks))
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(desc="articles", unit="article")
    try:
        ngram_range = tuple(p.get("distinctive_ngrams", (1, 2))) if count_ngrams else None
        for outputs in map_chunks(chunks, p, engine=engine, n_jobs=n_jobs, stages=stages, cache=cache,
                                  client=client, ngram_range=ngram_range):
            if bar is not None:
                frames, errors = outputs
                bar.update(len(frames.get("articles", ())) + len(errors))
            yield outputs
    finally:
        if bar is not None:
            bar.close()


#: Key of a chunk's n-gram counts (``{outlet: {n: Counter}}``) among its frames, when asked for.
NGRAM_COUNTS = "_ngram_counts"


def chunk_frames(outputs, ngram_range: tuple[int, int] | None = None
                 ) -> tuple[dict[str, Any], list[dict]]:
    """Per-article outputs of a chunk as one DataFrame per table, plus the error rows.

    Runs where the chunk ran (a worker process or a dask worker), so the parent receives compact
    DataFrames rather than hundreds of thousands of row dicts. With ``ngram_range``, the
    frames also hold, under :data:`NGRAM_COUNTS`, the chunk's n-gram counts per outlet (of its
    sentences, as :func:`coverage.distinctive.fightin_words` counts them), so the parent merges
    counts instead of tokenizing the whole corpus again.
    """
    rows: dict[str, list[dict]] = {}
    errors: list[dict] = []
    for kind, value in outputs:
        if kind == "error":
            errors.append({k: value.get(k, "") for k in ERROR_COLUMNS})
        else:
            for name, table_rows in value.items():
                rows.setdefault(name, []).extend(table_rows)
    frames: dict[str, Any] = {name: table_frame(name, r) for name, r in rows.items() if r}
    if ngram_range is not None and rows.get("sentences"):
        frames[NGRAM_COUNTS] = _ngram_counts(rows["sentences"], ngram_range)
    return frames, errors


def _ngram_counts(sentences: list[dict], ngram_range: tuple[int, int]) -> dict[str, dict[int, Counter]]:
    """N-gram counts per outlet of sentence rows (in article order), one text per article."""
    from .distinctive import ngram_counts

    texts: dict[str, list[str]] = {}
    for (outlet, _), group in itertools.groupby(sentences, key=lambda r: (r["outlet"], r["article_id"])):
        texts.setdefault(str(outlet), []).append("\n".join(r["text"] for r in group))
    return {outlet: ngram_counts(docs, tuple(ngram_range)) for outlet, docs in texts.items()}


def merge_ngram_counts(total: dict[str, dict[int, Counter]], part: dict[str, dict[int, Counter]]) -> None:
    """Add a chunk's n-gram counts (see :func:`chunk_frames`) to ``total``, in place."""
    for outlet, by_order in part.items():
        mine = total.setdefault(outlet, {})
        for n, counts in by_order.items():
            mine.setdefault(n, Counter()).update(counts)


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)


def analyze(source: Any = None, *, engine: str = "local", n_jobs: int = 1, chunk_size: int = 256,
            cache_dir: str | None = None, client: Any = None, progress: bool = False,
            stages: list[tuple[str, Stage]] | None = None, text_col: str | None = None,
            outlet_col: str | None = None, id_col: str | None = None, **params: Any) -> Results:
    """Analyze a corpus: readability, sentiment, quotes and framing, per sentence to outlet.

    Parameters
    ----------
    source : None, Corpus, or anything :func:`coverage.load_corpus` accepts
        ``None`` analyzes the embedded corpus.
    engine : {"local", "dask"}
        Where the per-article work runs: this machine's processes, or a dask.distributed
        cluster (``client``, or a ``LocalCluster`` with ``n_jobs`` workers; the ``dask`` extra).
    n_jobs : int
        Processes (``1``: in this process; ``-1``: every core). Notebooks need nothing more; a
        script that uses ``n_jobs > 1`` must call ``analyze`` under ``if __name__ == "__main__":``
        (worker processes import the script, as with any Python multiprocessing).
    chunk_size : int
        Articles per task, at most: when several workers share a corpus of known size (a
        DataFrame, a list or a Corpus), chunks are made smaller so that each worker gets about
        four, and none waits long for the last one.
    cache_dir : path-like, optional
        A disk cache keyed by each article's text, metadata, the parameters and the package
        versions: re-running on the same corpus reads the results back instead of recomputing.
    client : dask.distributed.Client, optional
        For ``engine="dask"``: any cluster (Slurm, Kubernetes, ...) the caller connected to.
    progress : bool
        Show a progress bar (``tqdm.auto``).
    stages : list of (name, callable), optional
        Per-article stages (default :func:`default_stages`).
    text_col, outlet_col, id_col : str, optional
        Column names for table sources (see :func:`coverage.load_corpus`).
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
    with fewer_collections():
        return _analyze(source, engine=engine, n_jobs=n_jobs, chunk_size=chunk_size, cache_dir=cache_dir,
                        client=client, progress=progress, stages=stages,
                        read={"text_col": text_col, "outlet_col": outlet_col, "id_col": id_col},
                        params=params)


def _analyze(source: Any, *, engine: str, n_jobs: int, chunk_size: int, cache_dir: str | None, client: Any,
             progress: bool, stages: list[tuple[str, Stage]] | None, read: dict[str, Any],
             params: dict[str, Any]) -> Results:
    p = Params.from_kwargs(**params)
    stages = default_stages() if stages is None else stages
    chunk_size = _balanced_chunk_size(source, chunk_size, engine, n_jobs, client)
    parts: dict[str, list[pd.DataFrame]] = {}
    errors: list[dict] = []
    counts: dict[str, dict[int, Counter]] = {}
    for frames, chunk_errors in _iter_outputs(source, p, stages, engine=engine, n_jobs=n_jobs,
                                              chunk_size=chunk_size, cache_dir=cache_dir, client=client,
                                              progress=progress, read=read, count_ngrams=True):
        merge_ngram_counts(counts, frames.pop(NGRAM_COUNTS, {}))
        for name, frame in frames.items():
            parts.setdefault(name, []).append(frame)
        errors.extend(chunk_errors)
    tables = {name: _concat(frames) for name, frames in parts.items()}
    with side_executor(engine, n_jobs) as side:
        return assemble_results(tables, errors, p, [name for name, _ in stages], ngram_counts=counts,
                                executor=side)


#: Tasks per worker that :func:`analyze` aims at, and the smallest chunk it makes for that.
TASKS_PER_WORKER = 4
MIN_CHUNK = 16


def _balanced_chunk_size(source: Any, chunk_size: int, engine: str, n_jobs: int, client: Any) -> int:
    """``chunk_size``, or less when several workers share a corpus of known size.

    With few chunks per worker, the last ones run alone while the other workers wait (840
    articles in chunks of 256 on two workers: one worker has 184 more articles to do). Chunks
    of a quarter of each worker's share keep that wait short. The tables do not depend on the
    chunking.
    """
    from .engines import resolve_jobs

    if engine == "dask" and client is not None:
        workers = len(client.scheduler_info().get("workers", {})) or 1
    else:
        workers = resolve_jobs(n_jobs)
    if workers <= 1:
        return chunk_size
    if isinstance(source, Corpus):
        n = len(source.articles) + len(source.errors)
    elif isinstance(source, (pd.DataFrame, list, tuple)):
        n = len(source)
    else:
        return chunk_size  # a folder or file: its size is not known before reading it
    return max(1, min(chunk_size, max(MIN_CHUNK, -(-n // (TASKS_PER_WORKER * workers)))))


def analyze_to_parquet(source: Any, directory: str, *, chunk_size: int = 500, engine: str = "local",
                       n_jobs: int = 1, client: Any = None, progress: bool = False,
                       stages: list[tuple[str, Stage]] | None = None, text_col: str | None = None,
                       outlet_col: str | None = None, id_col: str | None = None,
                       **params: Any) -> Path:
    """Analyze a corpus of any size into Parquet, chunk by chunk, with flat memory and resume.

    Each chunk of ``chunk_size`` articles is written as ``<directory>/<table>/part-NNNNNN.parquet``
    as soon as it is done, and recorded in ``<directory>/_progress.json``; an interrupted run
    called again with the same arguments skips the chunks already written. At the end the
    ``outlets`` table is computed from the article parts and a ``manifest.json`` written.

    Returns
    -------
    pathlib.Path
        ``directory``. Read a table back with ``pandas.read_parquet(directory / "articles")``.
    """
    import json

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    ledger = out / "_progress.json"
    p = Params.from_kwargs(**params)
    stages = default_stages() if stages is None else stages
    stage_names = [name for name, _ in stages]
    signature = {"chunk_size": chunk_size, "params": repr(sorted(asdict(p).items(), key=str)),
                 "stages": stage_names, "source": str(source)}
    done: set[int] = set()
    if ledger.exists():
        state = json.loads(ledger.read_text())
        if state.get("signature") == signature:
            done = set(state.get("done", []))
        else:
            raise ValueError(f"{out} holds a run with other settings; use a new directory")
    read = {"text_col": text_col, "outlet_col": outlet_col, "id_col": id_col}
    # The outlet summary is accumulated chunk by chunk, so memory does not grow with the corpus;
    # chunks finished by an earlier, interrupted run are read back for it one at a time.
    outlets = OutletAccumulator()
    for index in sorted(done):
        part = out / "articles" / f"part-{index:06d}.parquet"
        if part.exists():
            outlets.add(_metric_columns(pd.read_parquet(part)))
    index = -1
    for index, outputs in enumerate(_iter_outputs(source, p, stages, engine=engine, n_jobs=n_jobs,
                                                  chunk_size=chunk_size, cache_dir=None, client=client,
                                                  progress=progress, read=read, skip_chunks=frozenset(done))):
        if index in done:
            continue
        tables, errors = outputs
        if "articles" in tables:
            outlets.add(_metric_columns(tables["articles"]))
        if errors:
            tables = {**tables, "errors": table_frame("errors", errors)}
        for name, frame in tables.items():  # empty tables are left out: no column types
            folder = out / name
            folder.mkdir(exist_ok=True)
            tmp = folder / f".part-{index:06d}.tmp"
            _flat_for_parquet(frame).to_parquet(tmp, index=False)
            tmp.replace(folder / f"part-{index:06d}.parquet")
        done.add(index)
        ledger.write_text(json.dumps({"signature": signature, "done": sorted(done)}))
    outlets.result().to_parquet(out / "outlets.parquet", index=False)
    record = asdict(p)
    record.update(record.pop("extra"))
    record["stages"] = stage_names
    Results({}, record)._write_manifest(out, chunks=index + 1)
    return out


def _metric_columns(articles: pd.DataFrame) -> pd.DataFrame:
    """The outlet and the numeric metric columns of an articles table."""
    keep = [c for c in articles.columns
            if c not in _META and pd.api.types.is_numeric_dtype(articles[c])
            and not pd.api.types.is_bool_dtype(articles[c])]
    return articles[["outlet"] + keep]


def _flat_for_parquet(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists as JSON, and all-missing columns typed as strings, so parts share one schema."""
    from .results import _flat

    frame = _flat(frame)
    for col in frame.columns:
        if frame[col].dtype == object and frame[col].isna().all():
            frame[col] = frame[col].astype("string")
    return frame


def table_frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows of one table as a DataFrame with the standard column order (keys first)."""
    if not rows:
        return pd.DataFrame(columns=TABLE_COLUMNS.get(name, ["article_id"]))
    df = pd.DataFrame(rows)
    lead = [c for c in TABLE_COLUMNS.get(name, ["article_id"]) if c in df.columns]
    if "article_id" in df.columns and "article_id" not in lead:
        lead = ["article_id"] + lead
    if name != "articles" and "outlet" in df.columns and "outlet" not in lead:
        lead.insert(1, "outlet")
    return df[lead + [c for c in df.columns if c not in lead]]


def assemble_results(tables: dict[str, pd.DataFrame], errors: list[dict], params: Params,
                     stage_names: list[str], ngram_counts: dict | None = None,
                     executor: Any = None) -> Results:
    """Article-level tables and error rows into :class:`Results`, adding the corpus-level tables.

    ``ngram_counts`` (merged from the chunks, see :func:`chunk_frames`) spares the corpus-level
    tables from tokenizing the sentences again. With an ``executor``
    (``concurrent.futures``), part of the corpus-level work runs there, beside the rest.
    """
    frames = dict(tables)
    for name in ("articles", "sentences", "quotes", "frames", "removals"):
        frames.setdefault(name, pd.DataFrame(columns=TABLE_COLUMNS[name]))
    frames["errors"] = pd.DataFrame(errors, columns=ERROR_COLUMNS)
    try:
        from .stages import corpus_tables
    except ImportError:  # pragma: no cover
        corpus_tables = None
    if corpus_tables is not None:
        frames.update(corpus_tables(frames, params, ngram_counts=ngram_counts, executor=executor))
    metric_cols = [c for c in frames["articles"].columns
                   if c not in _META and pd.api.types.is_numeric_dtype(frames["articles"][c])
                   and not pd.api.types.is_bool_dtype(frames["articles"][c])]
    frames["outlets"] = summarize_by_outlet(frames["articles"], metric_cols)
    record = asdict(params)
    record.update(record.pop("extra"))
    record["stages"] = stage_names
    return Results(frames, record)
