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

from .clean import clean_text, load_rules
from .compare import summarize_by_outlet
from .corpus import Corpus, load_corpus
from .errors import ArticleError, CoverageError, MetadataError
from .pipeline import analyze, analyze_article
from .resources import ensure_nltk_data
from .results import Results
from .segment import split_paragraphs, split_sentences, tokenize

__all__ = [
    "__version__",
    "ArticleError",
    "CoverageError",
    "Corpus",
    "MetadataError",
    "Results",
    "analyze",
    "analyze_article",
    "clean_text",
    "ensure_nltk_data",
    "load_corpus",
    "load_rules",
    "split_paragraphs",
    "split_sentences",
    "summarize_by_outlet",
    "tokenize",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
