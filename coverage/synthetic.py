"""Deterministic synthetic news corpora, for tests, notebooks and benchmarks.

Articles are assembled from the embedded corpus's paragraphs (quotations and attributions
included), with names, places and numbers varied, so they have the length, sentence structure and
quotation patterns of real copy. The same ``seed`` always gives the same corpus. They are not
real reporting: use them to exercise and time the pipeline, never as evidence.
"""

from __future__ import annotations

import random
from functools import lru_cache

import pandas as pd

__all__ = ["generate_corpus", "OUTLETS"]

OUTLETS = ("The Daily Ledger", "Metro Courier", "Harbor Tribune", "Capital Wire", "Valley Times",
           "Northern Star", "Coastal Post", "Prairie Herald")

_SWAPS = [
    ("Dana Sabraw", ["Maria Lopez", "Alan Cho", "Ruth Becker", "Samuel Ortiz"]),
    ("Sabraw", ["Lopez", "Cho", "Becker", "Ortiz"]),
    ("Lee Gelernt", ["Nina Patel", "Omar Haddad", "Grace Kim", "Paul Mensah"]),
    ("Gelernt", ["Patel", "Haddad", "Kim", "Mensah"]),
    ("Kirstjen Nielsen", ["Thomas Reed", "Laura Sims", "Victor Hale"]),
    ("Jeff Sessions", ["Martin Crowe", "Helen Brandt", "Frank Doyle"]),
    ("San Diego", ["Phoenix", "El Paso", "Tucson", "Houston"]),
    ("California", ["Arizona", "Texas", "New Mexico"]),
    ("Wednesday", ["Monday", "Tuesday", "Thursday", "Friday"]),
    ("800,000", ["650,000", "720,000", "900,000"]),
]


@lru_cache(maxsize=1)
def _paragraphs() -> tuple[str, ...]:
    from .corpus import load_corpus

    texts = load_corpus().articles["text"]
    return tuple(p for t in texts for p in t.split("\n\n") if p.strip())


def _vary(paragraph: str, rng: random.Random) -> str:
    for old, new in _SWAPS:
        if old in paragraph:
            paragraph = paragraph.replace(old, rng.choice(new))
    return paragraph


def generate_corpus(n_articles: int = 100, n_outlets: int = 4, *, seed: int = 0,
                    paragraphs: tuple[int, int] = (10, 22)) -> pd.DataFrame:
    """A synthetic corpus of article-sized texts from ``n_outlets`` outlets.

    Parameters
    ----------
    n_articles : int
        Number of articles.
    n_outlets : int
        Number of outlets (at most 8), assigned round-robin.
    seed : int
        Random seed: the same seed gives the same corpus.
    paragraphs : (int, int)
        Inclusive range of paragraphs per article.

    Returns
    -------
    pandas.DataFrame
        Columns ``article_id, outlet, title, published, url, text``; loadable with
        :func:`coverage.load_corpus`.

    Examples
    --------
    >>> df = generate_corpus(8, 4, seed=1)
    >>> df.shape, df["outlet"].nunique()
    ((8, 6), 4)
    """
    if not 1 <= n_outlets <= len(OUTLETS):
        raise ValueError(f"n_outlets must be between 1 and {len(OUTLETS)}, not {n_outlets}")
    rng = random.Random(seed)
    pool = _paragraphs()
    rows = []
    for i in range(n_articles):
        k = rng.randint(*paragraphs)
        body = "\n\n".join(_vary(rng.choice(pool), rng) for _ in range(k))
        outlet = OUTLETS[i % n_outlets]
        rows.append({"article_id": f"syn{seed}-{i:07d}", "outlet": outlet,
                     "title": f"Judge lets family-separation challenge proceed ({i})",
                     "published": f"2018-06-{7 + i % 3:02d}",
                     "url": f"https://example.invalid/{outlet.lower().replace(' ', '-')}/{i}",
                     "text": body})
    return pd.DataFrame(rows)
