"""The metric families as pipeline stages: each reads an :class:`ArticleContext`, adds columns to
the article row and rows to its tables. Corpus-level tables come from :func:`corpus_tables`."""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["METRIC_STAGES", "corpus_tables"]

METRIC_STAGES: list = []


def corpus_tables(frames: dict[str, pd.DataFrame], params: Any) -> dict[str, pd.DataFrame]:
    """Tables computed across articles (outlet comparisons); none yet."""
    return {}
