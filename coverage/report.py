"""Write every figure of a run and a self-contained HTML report (no network needed to view it)."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from . import plots
from .results import Results

__all__ = ["FIGURES", "write_figures", "write_report"]


def _needs(results: Results, table: str, *columns: str) -> pd.DataFrame | None:
    frame = results.tables.get(table)
    if frame is None or frame.empty or not set(columns) <= set(frame.columns):
        return None
    return frame


def _readability(results, colors):
    return plots.plot_readability(results.outlets, colors) if _needs(
        results, "articles", "flesch_reading_ease") is not None else None


def _sentiment_arc(results, colors):
    s = _needs(results, "sentences", "compound")
    return plots.plot_sentiment_arc(s, colors) if s is not None else None


def _sentiment_voice(results, colors):
    a = _needs(results, "articles", "mean_compound_reporter")
    return plots.plot_sentiment_by_voice(results.outlets, colors) if a is not None else None


def _sources(results, colors):
    q = _needs(results, "quotes", "speaker_type", "n_words")
    return plots.plot_quoted_words_by_source(q, results.articles, colors) if q is not None else None


def _frames(results, colors):
    f = _needs(results, "frame_outlets", "mean_share")
    return plots.plot_frame_profiles(f) if f is not None else None


def _terms(results, colors):
    t = _needs(results, "term_outlets", "share_in_family")
    return plots.plot_term_choices(t, colors) if t is not None else None


def _distinctive(results, colors):
    d = _needs(results, "distinctive_words", "z")
    return plots.plot_distinctive_words(d, colors) if d is not None else None


def _common_sources(results, colors):
    c = _needs(results, "common_sources", "speaker", "text")
    if c is None and _needs(results, "quotes", "speaker") is None:
        return None
    common = c if c is not None else pd.DataFrame(columns=["speaker", "speaker_type", "outlet", "text"])
    return plots.plot_common_sources(common, results.tables.get("shared_quotations"), colors)


def _sentence_lengths(results, colors):
    s = _needs(results, "sentences", "n_words")
    return plots.plot_sentence_lengths(s, colors) if s is not None else None


#: name -> (function of results and colours returning a Figure or None, caption)
FIGURES: dict[str, tuple[Callable, str]] = {
    "readability": (_readability, "Readability indices by outlet: all body text, and the reporter's "
                                  "own prose with quotations left out."),
    "sentiment_arc": (_sentiment_arc, "VADER compound of every sentence along each article."),
    "sentiment_by_voice": (_sentiment_voice, "Mean sentence sentiment: all sentences, the reporter's "
                                             "voice, and quoted voices."),
    "sources": (_sources, "Share of attributed words by source type, and whose voice comes first."),
    "frames": (_frames, "Policy-frame profile of each outlet (Boydstun et al. 2014 codebook)."),
    "terms": (_terms, "Contested-term choices: each term's share of its family's uses."),
    "distinctive_words": (_distinctive, "Distinctive words: log-odds z-score against frequency."),
    "common_sources": (_common_sources, "Sources quoted by two or more outlets, and the passages each "
                                        "outlet chose."),
    "sentence_lengths": (_sentence_lengths, "Sentence length (words) along each article, by outlet."),
}


def write_figures(results: Results, directory: str | Path, fmt: str = "png") -> list[Path]:
    """Render every figure in :data:`FIGURES` that the results support, into ``directory``."""
    directory = Path(directory)
    outlets = results.articles["outlet"] if len(results.articles) else []
    colors = plots.outlet_colors(outlets)
    written = []
    for name, (make, _caption) in FIGURES.items():
        fig = make(results, colors)
        if fig is not None:
            written.append(plots.save_figure(fig, directory / f"{name}.{fmt}"))
    return written


def write_report(results: Results, figures: list[Path], path: str | Path) -> Path:
    """A single HTML file with the outlet table, the article table and every figure inlined."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    captions = {name: cap for name, (_, cap) in FIGURES.items()}
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>coverage report</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
             "table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:2px 6px}"
             "img{max-width:100%}</style></head><body>",
             "<h1>How the outlets covered it</h1>",
             f"<p>{len(results.articles)} articles, {len(results.errors)} errors. "
             f"Versions: {html.escape(', '.join(f'{k} {v}' for k, v in results.versions.items()))}.</p>"]
    for fig in figures:
        data = base64.b64encode(Path(fig).read_bytes()).decode("ascii")
        parts.append(f"<figure><img alt='{fig.stem}' src='data:image/png;base64,{data}'>"
                     f"<figcaption>{html.escape(captions.get(fig.stem, fig.stem))}</figcaption></figure>")
    cols = [c for c in results.outlets.columns]
    parts.append("<h2>Outlets</h2>" + results.outlets[cols].to_html(index=False, float_format="%.3f"))
    keep = [c for c in results.articles.columns if c not in ("raw_text", "text")]
    parts.append("<h2>Articles</h2>" + results.articles[keep].to_html(index=False, float_format="%.3f"))
    if len(results.errors):
        parts.append("<h2>Errors</h2>" + results.errors.to_html(index=False))
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
