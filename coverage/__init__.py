"""coverage: compare how news outlets covered the same event.

Framing, quote attribution, readability and sentiment, per sentence, quote, article and outlet,
as tidy pandas tables that carry their evidence.

Examples
--------
>>> import coverage
>>> results = coverage.analyze()          # the embedded corpus: CNN vs The Japan Times/Bloomberg
>>> results.articles[["outlet", "n_sentences"]].shape
(2, 2)
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from .agreement import cohen_kappa, export_coding_sheet, frame_precision_recall, import_coding_sheet, krippendorff_alpha
from .clean import clean_text, load_rules
from .compare import shared_quotations, summarize_by_outlet
from .corpus import Corpus, load_corpus
from .distinctive import fightin_words
from .errors import ArticleError, CoverageError, MetadataError
from .framing import code_generic_frames, find_frame_cues, score_frames, score_generic_frames
from .pipeline import analyze, analyze_article, analyze_to_parquet
from .quotes import extract_quote_rows, extract_quotes, summarize_quotes_by_outlet
from .readability import score_readability
from .resources import ensure_nltk_data
from .results import Results
from .segment import split_paragraphs, split_sentences, tokenize
from .sentiment import score_sentiment, sentiment_by_voice, sentiment_toward, summarize_sentiment
from .speakers import summarize_speakers
from .synthetic import generate_corpus
from .terms import find_terms

__all__ = [
    "__version__",
    # errors and containers
    "ArticleError", "CoverageError", "MetadataError", "Corpus", "Results",
    # corpus and pipeline
    "load_corpus", "analyze", "analyze_article", "analyze_to_parquet", "generate_corpus",
    "clean_text", "load_rules", "split_paragraphs", "split_sentences", "tokenize",
    "ensure_nltk_data",
    # readability and sentiment
    "score_readability", "score_sentiment", "summarize_sentiment", "sentiment_by_voice",
    "sentiment_toward",
    # quotes
    "extract_quotes", "extract_quote_rows", "summarize_speakers", "summarize_quotes_by_outlet", "shared_quotations",
    # framing
    "find_frame_cues", "score_frames", "code_generic_frames", "score_generic_frames", "find_terms",
    "fightin_words",
    # agreement with human coders
    "export_coding_sheet", "import_coding_sheet", "krippendorff_alpha", "cohen_kappa",
    "frame_precision_recall",
    # comparison
    "summarize_by_outlet",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
