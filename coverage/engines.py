"""Where the per-article work runs: in this process, in local processes, or on a dask cluster.

Every engine maps the same pure function, :func:`coverage.pipeline.analyze_article`, over chunks
of article records and returns the same rows in the same order, so the tables do not depend on
the engine (a test checks it). Chunks keep the per-task overhead small and memory bounded.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import itertools
import logging
import os
import pickle
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

__all__ = ["chunked", "run_chunk", "map_chunks", "ArticleCache", "resolve_jobs", "fewer_collections",
           "side_executor"]

logger = logging.getLogger(__name__)

Output = tuple[str, Any]  # ("ok", tables) or ("error", error row) or ("skip", record)


#: Allocations between two young-generation collections while a corpus is analyzed.
GC_THRESHOLD = 50_000


@contextlib.contextmanager
def fewer_collections(threshold: int = GC_THRESHOLD) -> Iterator[None]:
    """Run the cyclic garbage collector less often inside the block, then restore its settings.

    The analysis allocates millions of small containers (rows, tokens, n-grams) that live until
    a chunk's tables are built; at Python's default threshold (700) the collector keeps
    re-scanning them, which cost 12% of ``analyze()`` on real news (3% on synthetic articles).
    Cycles are still collected, only less often; reference counting frees everything else at
    once as usual.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], threshold), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def chunked(records: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Split an iterable into lists of at most ``size`` items, lazily."""
    it = iter(records)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def resolve_jobs(n_jobs: int) -> int:
    """``-1`` means every core this process may use; otherwise at least 1."""
    if n_jobs is None or n_jobs == 0:
        return 1
    if n_jobs < 0:
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - not Linux
            cores = os.cpu_count() or 1
        return max(1, cores + 1 + n_jobs)
    return n_jobs


class ArticleCache:
    """A disk cache of per-article outputs, keyed by the text's hash, the parameters and versions.

    Whole chunks are cached too (their tables, ready to concatenate), so re-running on the same
    corpus reads one file per chunk; when the corpus changed, unchanged articles are still read
    back one by one.

    Parameters
    ----------
    directory : path-like
        Where entries live (``<directory>/<key[:2]>/<key>.pkl``).
    salt : str
        Anything that must invalidate the cache when it changes: parameters, stage names and
        package versions (the pipeline passes them).
    """

    def __init__(self, directory: str | os.PathLike[str], salt: str) -> None:
        self.directory = Path(directory)
        self.salt = salt

    def key(self, record: Mapping[str, Any]) -> str:
        h = hashlib.sha256(self.salt.encode())
        for field in ("article_id", "outlet", "title", "published", "url", "source_agency", "text"):
            h.update(b"\x1f" + str(record.get(field, "")).encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def get(self, record: Mapping[str, Any]) -> Any | None:
        """The stored output of an article record, or None."""
        return self.get_key(self.key(record))

    def put(self, record: Mapping[str, Any], value: Any) -> None:
        """Store the output of an article record."""
        self.put_key(self.key(record), value)

    def chunk_key(self, records: list[Any], extra: Any = None) -> str:
        """A key for a whole chunk: its records as given (before loading), in order, and ``extra``.

        A file payload enters the key by path, size and modification time, not content.
        """
        h = hashlib.sha256(self.salt.encode() + b"\x1echunk" + repr(extra).encode())
        for rec in records:
            if isinstance(rec, tuple):  # (meta, payload, where)
                meta, payload, where = rec
                if isinstance(payload, Path):
                    st = payload.stat() if payload.exists() else None
                    payload = (str(payload), st.st_size if st else -1, st.st_mtime_ns if st else -1)
                rec = (sorted(meta.items(), key=lambda kv: str(kv[0])), payload, where)
            h.update(b"\x1f" + pickle.dumps(rec, protocol=4))
        return "chunk-" + h.hexdigest()

    def get_key(self, key: str) -> Any | None:
        """The value stored under ``key``, or None."""
        try:
            with open(self._path(key), "rb") as fh:
                return pickle.load(fh)
        except (FileNotFoundError, EOFError, pickle.UnpicklingError):
            return None

    def put_key(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` (atomically: concurrent writers never leave half a file)."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def _path(self, key: str) -> Path:
        if key.startswith("chunk-"):
            return self.directory / "chunks" / f"{key}.pkl"
        return self.directory / key[:2] / f"{key}.pkl"


def run_chunk(records: list[Mapping[str, Any]], params: Any, stages: Any = None,
              cache: ArticleCache | None = None, ngram_range: tuple[int, int] | None = None
              ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Analyze a chunk of records; never raises for one article's problem.

    Returns
    -------
    (dict of str to pandas.DataFrame, list of dict)
        The chunk's tables and its error rows (see :func:`coverage.pipeline.chunk_frames`;
        with ``ngram_range``, the chunk's n-gram counts too).
    """
    with fewer_collections():
        return _run_chunk(records, params, stages, cache, ngram_range)


def _run_chunk(records: list[Mapping[str, Any]], params: Any, stages: Any, cache: ArticleCache | None,
               ngram_range: tuple[int, int] | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from .corpus import load_article
    from .errors import ArticleError
    from .pipeline import analyze_article, chunk_frames

    chunk_key = None
    if cache is not None:  # a re-run over the same chunk reads its tables back in one piece
        chunk_key = cache.chunk_key(records, ngram_range)
        hit = cache.get_key(chunk_key)
        if hit is not None:
            return hit
    out: list[Output] = []
    for rec in records:
        if isinstance(rec, tuple):  # (meta, payload, where): load it here, in the worker
            meta, payload, where = rec
            rec = load_article(dict(meta), payload, where, rules=getattr(params, "rules", None),
                               min_words=getattr(params, "min_words", 1))
        if rec.get("_error"):
            out.append(("error", rec))
            continue
        if cache is not None:
            hit = cache.get(rec)
            if hit is not None:
                out.append(hit)
                continue
        try:
            tables = analyze_article(rec, params, stages)
            tables["removals"] = [{"article_id": rec["article_id"], "rule": r.rule, "start": r.start,
                                   "end": r.end, "text": r.text, "reason": r.reason}
                                  for r in rec.get("_removals", []) or []]
            result: Output = ("ok", tables)
        except ArticleError as exc:
            result = ("error", {"article_id": exc.article, "source": rec.get("file", "") or rec.get("url", ""),
                                "stage": exc.stage, "problem": exc.problem})
        if cache is not None:
            cache.put(rec, result)
        out.append(result)
    frames = chunk_frames(out, ngram_range)
    if chunk_key is not None:
        cache.put_key(chunk_key, frames)
    return frames


def _local_context() -> Any:
    """The multiprocessing context of the local engine: workers fork from a warm ``forkserver``
    that has imported the package and loaded the lexicons once (``spawn`` off POSIX)."""
    import multiprocessing as mp

    ctx = mp.get_context("forkserver" if os.name == "posix" else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["__main__", "coverage.warmup"])
    return ctx


@contextlib.contextmanager
def side_executor(engine: str, n_jobs: int) -> Iterator[Any]:
    """A one-process executor for corpus-level work that can run beside the parent's, when the
    local engine has several cores to use (``None`` otherwise: everything runs in this process).

    The article chunks are done by then, so the cores the workers used are free again.
    """
    if engine != "local" or resolve_jobs(n_jobs) < 2:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=1, mp_context=_local_context()) as pool:
        yield pool


def _strip(rec: Any) -> Any:
    """What a worker needs of a record (not the raw text)."""
    if isinstance(rec, tuple):
        return rec
    return {k: v for k, v in rec.items() if k != "raw_text"}


def map_chunks(chunks: Iterable[list[Mapping[str, Any]]], params: Any, *, engine: str = "local",
               n_jobs: int = 1, stages: Any = None, cache: ArticleCache | None = None,
               client: Any = None, ngram_range: tuple[int, int] | None = None
               ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Run :func:`run_chunk` over chunks with the chosen engine, yielding results in order.

    Parameters
    ----------
    chunks : iterable of list of records
    params : Params
    engine : {"local", "dask"}
        ``local`` with ``n_jobs > 1`` uses a process pool; ``dask`` uses ``client`` (a
        ``dask.distributed.Client``) or starts a ``LocalCluster`` with ``n_jobs`` workers.
    n_jobs : int
        Processes (``-1``: all cores).
    ngram_range : (int, int), optional
        Also count each chunk's n-grams (see :func:`run_chunk`).
    """
    jobs = resolve_jobs(n_jobs)
    if engine == "local" and jobs == 1:
        for chunk in chunks:
            yield run_chunk(chunk, params, stages, cache, ngram_range)
        return
    if engine == "local":
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, mp_context=_local_context()) as pool:
            pending = []
            for chunk in chunks:
                pending.append(pool.submit(run_chunk, [_strip(r) for r in chunk], params, stages, cache,
                                           ngram_range))
                if len(pending) > jobs:  # bounded look-ahead keeps memory flat
                    yield pending.pop(0).result()
            for fut in pending:
                yield fut.result()
        return
    if engine == "dask":
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - exercised when the extra is missing
            raise ImportError("engine='dask' needs the dask extra: pip install 'news-coverage[dask]'") from exc
        own = None
        if client is None:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, preload=["coverage.warmup"])
            client = own = Client(cluster)
        try:
            window = []
            for chunk in chunks:
                window.append(client.submit(run_chunk, [_strip(r) for r in chunk], params, stages, cache,
                                            ngram_range, pure=False))
                if len(window) >= 4 * max(1, len(client.scheduler_info().get("workers", {})) or jobs):
                    yield window.pop(0).result()
            for fut in window:
                yield fut.result()
        finally:
            if own is not None:
                cluster = own.cluster
                own.close()
                cluster.close()
        return
    raise ValueError(f"unknown engine {engine!r}; available: 'local', 'dask'")
