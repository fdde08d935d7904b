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

import re
from collections.abc import Iterable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.patches  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

__all__ = ["OKABE_ITO", "outlet_colors", "save_figure", "plot_sentence_lengths", "plot_outlet_metrics",
           "plot_readability", "plot_sentiment_arc", "plot_sentiment_by_voice", "plot_quoted_words_by_source",
           "plot_frame_profiles", "plot_term_choices", "plot_distinctive_words", "plot_common_sources"]

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
    if suffix == ".svg":
        _renumber_svg_ids(path)
    return path


_SVG_ID = re.compile(r'\bid="([^"]+)"')


def _renumber_svg_ids(path: Path) -> None:
    """Rename every SVG id to ``i0, i1, ...`` in document order, and every reference to it.

    matplotlib derives some ids (clip paths) from object identity, which varies from run to run.
    """
    svg = path.read_text(encoding="utf-8")
    names = {old: f"i{k}" for k, old in enumerate(dict.fromkeys(_SVG_ID.findall(svg)))}
    if not names:
        return
    pattern = re.compile(r'(\bid="|#)(' + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r')(?=["\)])')
    path.write_text(pattern.sub(lambda m: m.group(1) + names[m.group(2)], svg), encoding="utf-8")


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
                        xlabel: str = "mean per article", colors: dict[str, str] | None = None,
                        labels: dict[str, str] | None = None) -> Figure:
    """Grouped horizontal bars: one group per metric, one bar per outlet, 95% CI whiskers.

    Parameters
    ----------
    outlets : pandas.DataFrame
        The ``outlets`` table (``outlet, metric, n, mean, ci_low, ci_high``).
    metrics : list of str
        Which metrics, top to bottom.
    title, xlabel : str
        Labels (say the unit in ``xlabel``).
    labels : dict, optional
        Words for the metrics' column names on the axis.
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
    ax.set_yticks([i + band * (len(names) - 1) / 2 for i in range(len(metrics))],
                  [(labels or {}).get(m, m.replace("_", " ")) for m in metrics])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.axvline(0, color="#444444", lw=0.6)
    ax.legend(frameon=False, fontsize=8, loc="best")
    if title:
        ax.set_title(title)
    return fig


READABILITY_GRADES = ["flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari", "dale_chall"]


def plot_readability(outlets: pd.DataFrame, colors: dict[str, str] | None = None) -> Figure:
    """Readability by outlet: Flesch Reading Ease (left) and the grade-level indices (right).

    Body text against the reporter's own prose (quotations left out), so a reader can see how
    much of an outlet's readability is its sources' words.
    """
    names = sorted(outlets["outlet"].unique())
    colors = colors or outlet_colors(names)
    fig = Figure(figsize=(9.0, 4.2), dpi=DPI, layout="constrained")
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1, 2.4]})
    table = outlets.set_index(["outlet", "metric"])["mean"]
    band = 0.8 / max(1, len(names))
    for j, outlet in enumerate(names):
        for k, (metric, hatch) in enumerate((("flesch_reading_ease", None), ("prose_flesch_reading_ease", "//"))):
            value = table.get((outlet, metric))
            if value is not None:
                left.bar(k + j * band, value, width=band * 0.9, color=colors[outlet], hatch=hatch,
                         edgecolor="white", label=outlet if k == 0 else None)
        xs = [i + j * band for i in range(len(READABILITY_GRADES))]
        ys = [table.get((outlet, m), float("nan")) for m in READABILITY_GRADES]
        right.bar(xs, ys, width=band * 0.9, color=colors[outlet], label=outlet)
    left.set_xticks([band * (len(names) - 1) / 2, 1 + band * (len(names) - 1) / 2],
                    ["all body text", "reporter's prose\n(quotes left out)"], fontsize=8)
    left.set_ylabel("Flesch Reading Ease (0-100, higher = easier)")
    right.set_xticks([i + band * (len(names) - 1) / 2 for i in range(len(READABILITY_GRADES))],
                     ["Flesch-\nKincaid", "Gunning\nFog", "SMOG", "Coleman-\nLiau", "ARI", "Dale-\nChall"],
                     fontsize=8)
    right.set_ylabel("grade level (US school years)")
    right.legend(frameon=False, fontsize=8, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=4)
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle("Readability by outlet (mean per article)")
    return fig


def plot_sentiment_arc(sentences: pd.DataFrame, colors: dict[str, str] | None = None,
                       window: int = 3) -> Figure:
    """VADER compound along each article (sentence position scaled to 0-1), per outlet.

    Points are sentences; the line is a centred rolling mean over ``window`` sentences.
    """
    colors = colors or outlet_colors(sentences["outlet"])
    fig, ax = _new_figure()
    for (outlet, article), group in sentences.groupby(["outlet", "article_id"], sort=True):
        group = group.sort_values("sentence_id")
        n = max(1, len(group) - 1)
        x = group["sentence_id"] / n
        ax.scatter(x, group["compound"], s=10, color=colors[outlet], alpha=0.5, linewidths=0)
        ax.plot(x, group["compound"].rolling(window, center=True, min_periods=1).mean(),
                color=colors[outlet], lw=1.4, label=outlet)
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    ax.legend(unique.values(), unique.keys(), frameon=False, fontsize=8)
    ax.axhline(0, color="#444444", lw=0.6)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("position in the article (0 = first sentence, 1 = last)")
    ax.set_ylabel("VADER compound (-1 to 1)")
    ax.set_title(f"Sentiment across the article (rolling mean of {window} sentences)")
    return fig


def plot_sentiment_by_voice(outlets: pd.DataFrame, colors: dict[str, str] | None = None) -> Figure:
    """Mean sentence sentiment in the reporter's voice and in quoted voices, per outlet."""
    return plot_outlet_metrics(outlets, ["mean_compound", "mean_compound_reporter", "mean_compound_quoted"],
                               title="Sentiment: the reporter's voice and the quoted voices",
                               xlabel="mean VADER compound per sentence (-1 to 1)", colors=colors,
                               labels={"mean_compound": "all sentences",
                                       "mean_compound_reporter": "reporter's voice",
                                       "mean_compound_quoted": "quoted voices"})


def plot_quoted_words_by_source(quotes: pd.DataFrame, articles: pd.DataFrame,
                                colors: dict[str, str] | None = None) -> Figure:
    """Who speaks: share of each outlet's quoted and reported words by source type.

    Bars are the share of speech words (direct, partial and indirect quotations) per source type;
    the label at the end of each bar names whose voice comes first in that outlet's articles.
    """
    speech = quotes[quotes["kind"].isin(["direct", "partial", "indirect"])].copy()
    speech["speaker_type"] = speech["speaker_type"].fillna("unresolved").replace("", "unresolved")
    table = speech.pivot_table(index="outlet", columns="speaker_type", values="n_words",
                               aggfunc="sum", fill_value=0)
    shares = table.div(table.sum(axis=1), axis=0).sort_index()
    types = list(shares.sum().sort_values(ascending=False).index)
    palette = dict(zip(types, (OKABE_ITO * 3)[: len(types)]))
    fig, ax = _new_figure((8.0, 1.6 + 0.6 * len(shares)))
    left = pd.Series(0.0, index=shares.index)
    for t in types:
        ax.barh(shares.index, shares[t], left=left, color=palette[t], label=t, edgecolor="white")
        left += shares[t]
    first = articles.groupby("outlet")["first_speaker_type"].agg(lambda s: s.mode().iat[0] if len(s) else "")
    for i, outlet in enumerate(shares.index):
        ax.text(1.01, i, f"first voice: {first.get(outlet, '')}", va="center", fontsize=8)
    ax.set_xlim(0, 1.45)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_xlabel("share of words attributed to sources (direct, partial, indirect)")
    ax.legend(frameon=False, fontsize=7, ncol=3, loc="upper center", bbox_to_anchor=(0.45, -0.25))
    ax.set_title("Whose words: quoted and reported speech by source type")
    return fig


def plot_frame_profiles(frame_outlets: pd.DataFrame) -> Figure:
    """Heatmap of policy-frame shares per outlet; the primary frame of each outlet is boxed."""
    table = frame_outlets.pivot(index="frame", columns="outlet", values="mean_share")
    order = list(dict.fromkeys(frame_outlets["frame"]))
    table = table.reindex(order)
    fig, ax = _new_figure((3.2 + 1.4 * table.shape[1], 6.0))
    image = ax.imshow(table.to_numpy(dtype=float), cmap="Blues", vmin=0, aspect="auto")
    ax.set_xticks(range(table.shape[1]), table.columns, rotation=20, ha="right", fontsize=8)
    ax.set_yticks(range(len(order)), [f.replace("_", " ") for f in order], fontsize=8)
    for j, outlet in enumerate(table.columns):
        col = table[outlet]
        for i, value in enumerate(col):
            ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=7,
                    color="white" if value > 0.6 * table.to_numpy().max() else "black")
        if col.max() > 0:
            for i in [k for k, v in enumerate(col) if v == col.max()]:  # ties: all boxed
                ax.add_patch(matplotlib.patches.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, lw=2,
                                                          color="#D55E00"))
    fig.colorbar(image, ax=ax, label="mean share of the article's frame cues")
    ax.set_title("Policy frames by outlet (boxed: largest share; ties all boxed)")
    return fig


def plot_term_choices(term_outlets: pd.DataFrame, colors: dict[str, str] | None = None) -> Figure:
    """Contested-term choices: for each family, each term's share of the family's uses per outlet."""
    families = sorted(term_outlets["family"].unique())
    names = sorted(term_outlets["outlet"].unique())
    colors = colors or outlet_colors(names)
    n_terms = [term_outlets[term_outlets.family == f]["term"].nunique() for f in families]
    fig = Figure(figsize=(8.0, 1.5 + 0.32 * sum(n_terms) * max(1, len(names)) / 2), dpi=DPI, layout="constrained")
    axes = fig.subplots(len(families), 1, gridspec_kw={"height_ratios": n_terms}, squeeze=False)[:, 0]
    band = 0.8 / max(1, len(names))
    for ax, family in zip(axes, families):
        sub = term_outlets[term_outlets.family == family]
        terms = sorted(sub["term"].unique())
        for j, outlet in enumerate(names):
            rows = sub[sub.outlet == outlet].set_index("term").reindex(terms)
            ax.barh([i + j * band for i in range(len(terms))], rows["share_in_family"].fillna(0),
                    height=band * 0.9, color=colors[outlet], label=outlet)
        ax.set_yticks([i + band * (len(names) - 1) / 2 for i in range(len(terms))], terms, fontsize=7)
        ax.invert_yaxis()
        ax.set_title(family.replace("_", " "), fontsize=9, loc="left")
        ax.set_xlim(0, 1)
        ax.spines[["top", "right"]].set_visible(False)
    axes[-1].set_xlabel("share of the family's term uses in the outlet's articles")
    axes[0].legend(frameon=False, fontsize=7)
    return fig


def plot_distinctive_words(words: pd.DataFrame, colors: dict[str, str] | None = None, top: int = 8,
                           min_label_count: int = 3) -> Figure:
    """Fightin' Words: z-score of the log-odds ratio against frequency; top words labelled.

    The ``top`` n-grams by z of each outlet are labelled, among those used at least
    ``min_label_count`` times in the corpus; n-grams at the same point share one label. The
    dashed line is z = 1.96.
    """
    names = sorted(words["outlet"].unique())
    colors = colors or outlet_colors(names)
    fig, ax = _new_figure((8.0, 5.0))
    for outlet in names:
        sub = words[words["outlet"] == outlet]
        ax.scatter(sub["count"] + sub["count_others"], sub["z"], s=8, alpha=0.35, color=colors[outlet],
                   linewidths=0, label=outlet)
        frequent = sub[sub["count"] + sub["count_others"] >= min_label_count]
        labels: dict[tuple[int, float], list[str]] = {}
        for r in frequent.nlargest(top, "z").itertuples():
            labels.setdefault((r.count + r.count_others, round(r.z, 3)), []).append(r.ngram)
        for (x, y), grams in labels.items():
            text = ", ".join(grams[:3]) + (f" (+{len(grams) - 3})" if len(grams) > 3 else "")
            ax.annotate(text, (x, y), fontsize=7, color=colors[outlet], xytext=(3, 2),
                        textcoords="offset points")
    ax.set_xscale("log")
    ax.axhline(1.96, color="#888888", lw=0.6, ls="--")
    ax.set_xlabel("frequency in the whole corpus (log scale)")
    ax.set_ylabel("z-score of the log-odds ratio, outlet vs the others")
    ax.set_title("Distinctive words and phrases (Monroe et al. 2008)")
    ax.legend(frameon=False, fontsize=8, markerscale=2)
    return fig


def plot_common_sources(common: pd.DataFrame, shared: pd.DataFrame | None = None,
                        colors: dict[str, str] | None = None, max_sources: int = 3,
                        max_passages: int = 4, width: int = 95) -> Figure:
    """The passages each outlet quoted from sources that two or more outlets quoted.

    One panel per common source (the most quoted first); each outlet's verbatim passages are
    listed in its colour. A passage that another outlet also used (a row of
    ``shared_quotations``) is marked with "=".
    """
    import textwrap

    names = sorted(common["outlet"].unique()) if len(common) else []
    colors = colors or outlet_colors(names)
    shared_ids = set()
    if shared is not None and len(shared):
        shared_ids = set(zip(shared["article_id"], shared["quote_id"]))
    sources = list(common["speaker"].value_counts().index[:max_sources]) if len(common) else []
    lines: list[tuple[str, str | None, bool]] = []  # text, colour, is_heading
    for speaker in sources:
        sub = common[common["speaker"] == speaker]
        lines.append((f"{speaker} ({sub['speaker_type'].iat[0]})", None, True))
        for outlet, group in sub.groupby("outlet", sort=True):
            lines.append((outlet, colors[outlet], True))
            for r in group.head(max_passages).itertuples():
                mark = "= " if (r.article_id, r.quote_id) in shared_ids else "- "
                wrapped = textwrap.wrap(r.text, width) or [""]
                lines.append((mark + wrapped[0] + (" ..." if len(wrapped) > 1 else ""), colors[outlet], False))
    if not lines:
        lines = [("No source was quoted verbatim by more than one outlet.", None, True)]
    fig = Figure(figsize=(9.0, 0.8 + 0.26 * len(lines)), dpi=DPI)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.9))
    ax.axis("off")
    step = 1.0 / max(len(lines), 1)
    for i, (text, color, heading) in enumerate(lines):
        ax.text(0.0 if heading and color is None else (0.02 if heading else 0.04), 1 - (i + 0.5) * step,
                text, fontsize=8.5 if heading else 7.5, color=color or "black",
                fontweight="bold" if heading else "normal", va="center", ha="left",
                transform=ax.transAxes)
    fig.suptitle("Common sources: the passages each outlet chose (= used by another outlet too)",
                 fontsize=10)
    return fig
