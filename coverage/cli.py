"""The ``newscov`` command line: analyze a corpus, write tables, figures and a report."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newscov",
        description="Compare how news outlets covered the same event: readability, sentiment, "
                    "quotes and framing, per sentence, article and outlet.")
    sub = parser.add_subparsers(dest="command", required=True)
    a = sub.add_parser("analyze", help="analyze a corpus and write tables, figures and a report",
                       description="Analyze a corpus. Writes CSV and Parquet tables to OUT/tables, "
                                   "figures to OUT/figures (or --figures) and OUT/report.html.")
    a.add_argument("source", nargs="?", default=None,
                   help="a folder with metadata.csv, a .csv/.jsonl file or a Media Cloud export; "
                        "default: the embedded two-article corpus")
    a.add_argument("--out", default="results", help="output folder (default: %(default)s)")
    a.add_argument("--figures", default=None,
                   help="folder for figures (default: OUT/figures)")
    a.add_argument("--text-col", default=None, help="name of the text column in a CSV/JSONL source")
    a.add_argument("--outlet-col", default=None, help="name of the outlet column in a CSV/JSONL source")
    a.add_argument("--no-figures", action="store_true", help="write tables only")
    a.add_argument("--progress", action="store_true", help="show a progress bar")
    a.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``newscov``; returns the exit status."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from . import analyze, load_corpus
    from .errors import CoverageError

    try:
        corpus = load_corpus(args.source, text_col=args.text_col, outlet_col=args.outlet_col)
        results = analyze(corpus, progress=args.progress)
    except (CoverageError, FileNotFoundError, ValueError, TypeError) as exc:
        print(f"newscov: error: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out)
    results.to_csv(out / "tables")
    results.to_parquet(out / "tables")
    written = []
    if not args.no_figures:
        from .report import write_figures, write_report

        fig_dir = Path(args.figures) if args.figures else out / "figures"
        written = write_figures(results, fig_dir)
        write_report(results, written, out / "report.html")
    n_err = len(results.errors)
    print(f"newscov: {len(results.articles)} articles from {results.articles['outlet'].nunique()} "
          f"outlets analyzed, {n_err} errors; tables in {out / 'tables'}"
          + (f", {len(written)} figures" if written else ""))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
