"""Write every figure of a run and a self-contained HTML report (no network needed to view it)."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from pathlib import Path

from . import plots
from .results import Results

__all__ = ["FIGURES", "write_figures", "write_report"]


def _sentence_lengths(results: Results, colors):
    if results.sentences.empty:
        return None
    return plots.plot_sentence_lengths(results.sentences, colors)


#: name -> (function of results and colours returning a Figure or None, caption)
FIGURES: dict[str, tuple[Callable, str]] = {
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
