"""Article-level tables rolled up to outlets: mean, spread and a confidence interval."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["summarize_by_outlet", "t_quantile"]

# Two-sided 97.5% quantiles of Student's t for small df (Fisher & Yates tables); beyond 30 the
# normal value 1.959964 is within 0.04.
_T975 = [math.nan, 12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622,
         2.2281, 2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
         2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423]


def t_quantile(df: int) -> float:
    """The 0.975 quantile of Student's t with ``df`` degrees of freedom (NaN for df < 1)."""
    if df < 1:
        return math.nan
    if df < len(_T975):
        return _T975[df]
    if df < 120:
        return 1.9600 + 2.3 / df  # within 0.002 of the exact value for 30 <= df < 120
    return 1.959964


def summarize_by_outlet(articles: pd.DataFrame, metrics: Sequence[str] | None = None,
                        *, by: str = "outlet") -> pd.DataFrame:
    """Roll article-level metrics up to one row per outlet and metric.

    Parameters
    ----------
    articles : pandas.DataFrame
        One row per article with an ``outlet`` column and numeric metric columns.
    metrics : sequence of str, optional
        Columns to summarize; default every numeric column.
    by : str
        The grouping column.

    Returns
    -------
    pandas.DataFrame
        Columns ``outlet, metric, n, mean, sd, ci_low, ci_high``: ``n`` articles with a value,
        their mean, sample standard deviation, and a 95% t-interval for the mean (NaN when n < 2).

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B"], "x": [1.0, 3.0, 5.0]})
    >>> summarize_by_outlet(df).round(3).to_dict("records")[0]
    {'outlet': 'A', 'metric': 'x', 'n': 2, 'mean': 2.0, 'sd': 1.414, 'ci_low': -10.706, 'ci_high': 14.706}
    """
    columns = ["outlet", "metric", "n", "mean", "sd", "ci_low", "ci_high"]
    if articles.empty:
        return pd.DataFrame(columns=columns)
    if metrics is None:
        metrics = [c for c in articles.columns
                   if c != by and pd.api.types.is_numeric_dtype(articles[c])
                   and not pd.api.types.is_bool_dtype(articles[c])]
    rows = []
    for outlet, group in articles.groupby(by, sort=True):
        for metric in metrics:
            values = pd.to_numeric(group[metric], errors="coerce").dropna().to_numpy(dtype=float)
            n = len(values)
            mean = float(values.mean()) if n else math.nan
            sd = float(values.std(ddof=1)) if n > 1 else math.nan
            half = t_quantile(n - 1) * sd / math.sqrt(n) if n > 1 else math.nan
            rows.append({"outlet": outlet, "metric": metric, "n": n, "mean": mean, "sd": sd,
                         "ci_low": mean - half, "ci_high": mean + half})
    out = pd.DataFrame(rows, columns=columns)
    out["n"] = out["n"].astype(np.int64)
    return out
