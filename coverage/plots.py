"""Figure functions: each takes result tables and returns a matplotlib Figure (never shows it).

Outlet colours come from the Okabe-Ito colour-blind-safe palette and stay the same for an outlet
across every figure of a run (assigned in sorted outlet order). :func:`save_figure` writes files
that are byte-for-byte reproducible (Agg backend, fixed size and DPI, no timestamps).

References
----------
Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): How to make figures and presentations
that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

__all__ = ["OKABE_ITO", "outlet_colors", "save_figure", "plot_sentence_lengths", "plot_outlet_metrics"]

#: Okabe-Ito palette (black last: used only beyond seven outlets).
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
FIGSIZE = (7.0, 4.0)
DPI = 150


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """A stable outlet -> colour mapping (sorted outlet names take the palette in order)."""
    names = sorted(set(map(str, outlets)))
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(names)}


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Save ``fig`` reproducibly: the same figure gives the same bytes on every run.

    The format follows the suffix (``.png``, ``.svg``, ``.pdf``); timestamps and software tags
    are left out of the file's metadata and SVG ids use a fixed salt.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}}
    with matplotlib.rc_context({"svg.hashsalt": "coverage", "svg.fonttype": "none"}):
        fig.savefig(path, dpi=DPI, metadata=metadata.get(suffix.lstrip("."), {}))
    plt.close(fig)
    return path


def _new_figure(size=FIGSIZE) -> tuple[Figure, plt.Axes]:
    fig = Figure(figsize=size, dpi=DPI, layout="constrained")
    ax = fig.subplots()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def plot_sentence_lengths(sentences: pd.DataFrame, colors: dict[str, str] | None = None) -> Figure:
    """Sentence length (words) along each article, one line per article, coloured by outlet.

    Parameters
    ----------
    sentences : pandas.DataFrame
        The ``sentences`` table (``outlet``, ``article_id``, ``sentence_id``, ``n_words``).
    colors : dict, optional
        Outlet colours (default :func:`outlet_colors`).
    """
    colors = colors or outlet_colors(sentences["outlet"])
    fig, ax = _new_figure()
    for (outlet, article), group in sentences.groupby(["outlet", "article_id"], sort=True):
        ax.plot(group["sentence_id"] + 1, group["n_words"], marker="o", ms=3, lw=1.2,
                color=colors[outlet], label=f"{outlet}")
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    ax.legend(unique.values(), unique.keys(), frameon=False)
    ax.set_xlabel("sentence number in the article")
    ax.set_ylabel("sentence length (words)")
    ax.set_title("Sentence length along each article")
    return fig


def plot_outlet_metrics(outlets: pd.DataFrame, metrics: list[str], *, title: str = "",
                        xlabel: str = "mean per article", colors: dict[str, str] | None = None) -> Figure:
    """Grouped horizontal bars: one group per metric, one bar per outlet, 95% CI whiskers.

    Parameters
    ----------
    outlets : pandas.DataFrame
        The ``outlets`` table (``outlet, metric, n, mean, ci_low, ci_high``).
    metrics : list of str
        Which metrics, top to bottom.
    title, xlabel : str
        Labels (say the unit in ``xlabel``).
    """
    data = outlets[outlets["metric"].isin(metrics)]
    names = sorted(data["outlet"].unique())
    colors = colors or outlet_colors(names)
    height = max(2.5, 0.45 * len(metrics) * max(1, len(names)) + 1.2)
    fig, ax = _new_figure((7.0, min(height, 12.0)))
    band = 0.8 / max(1, len(names))
    for j, outlet in enumerate(names):
        rows = data[data["outlet"] == outlet].set_index("metric").reindex(metrics)
        ys = [i + j * band for i in range(len(metrics))]
        err = None
        if rows["ci_low"].notna().any():
            err = [(rows["mean"] - rows["ci_low"]).fillna(0), (rows["ci_high"] - rows["mean"]).fillna(0)]
        ax.barh(ys, rows["mean"], height=band * 0.9, color=colors[outlet], xerr=err,
                label=f"{outlet} (n={int(rows['n'].max()) if rows['n'].notna().any() else 0})",
                error_kw={"elinewidth": 0.8, "capsize": 2})
    ax.set_yticks([i + band * (len(names) - 1) / 2 for i in range(len(metrics))], metrics)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.axvline(0, color="#444444", lw=0.6)
    ax.legend(frameon=False, fontsize=8, loc="best")
    if title:
        ax.set_title(title)
    return fig
