"""Warm start for worker processes: importing this module loads the pipeline and its lexicons.

The local engine's process pool forks its workers from a ``forkserver`` that preloads this
module, so every worker starts with the modules imported and the default lexicons, syllable
dictionary and compiled patterns already in memory (shared copy-on-write) instead of loading
them again, which takes about a second per worker.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def warm() -> None:
    """Analyze one short article with the default parameters, filling the lexicon caches."""
    from .corpus import load_article
    from .pipeline import Params, analyze_article

    text = ('The judge said on Wednesday that the policy was cruel. "It shocks the conscience," '
            'she wrote in a ruling that lets the lawsuit proceed. ') * 3
    try:
        record = load_article({"article_id": "warm-up", "outlet": "warm-up", "title": "Warm up"},
                              text, "coverage.warmup")
        analyze_article(record, Params())
    except Exception:  # noqa: BLE001 - a failed warm-up only means a slower start
        logger.debug("warm-up failed; workers will load their resources themselves", exc_info=True)


warm()
