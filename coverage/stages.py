"""The metric families as pipeline stages, and the corpus-level tables built from their output.

Each stage reads an :class:`~coverage.pipeline.ArticleContext` (the clean text, its paragraphs
and sentences, the metadata), adds columns to the article's row and rows to its tables. Stages
run in order and may use what earlier ones stored in ``ctx.shared`` (quote spans, sentence
scores). :func:`corpus_tables` turns the article-level tables into the cross-article ones
(speakers, outlet roll-ups, shared quotations, distinctive words).

Parameters a stage reads come from ``analyze(..., name=value)`` (``ctx.params.get``); their
defaults are in :data:`DEFAULTS` and every value used is recorded in ``results.params``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["METRIC_STAGES", "DEFAULTS", "corpus_tables"]

#: Stage parameters and their defaults (pass any of them to ``analyze``).
DEFAULTS: dict[str, Any] = {
    # quotes
    "speaker_roles": None,          # path or DataFrame; None = coverage/data/speaker_roles.csv
    "include_beliefs": False,       # also extract "X believes/thinks that ..." as attributions
    # readability
    "quoted_share_threshold": 0.5,  # a sentence more quoted than this is not the reporter's prose
    "mtld_threshold": 0.72,         # MTLD factor threshold (McCarthy & Jarvis 2010)
    # sentiment
    "sentiment_engine": "vader",    # "vader" (= vaderSentiment 3.3.2, exact), "vadersentiment", "nltk"
    "pos_threshold": 0.05,          # compound >= this: a positive sentence
    "neg_threshold": -0.05,         # compound <= this: a negative sentence
    "voice_threshold": 0.5,         # share of a sentence's characters inside quotes: quoted voice
    "sentiment_targets": None,      # words whose sentences get a mean compound; None = defaults
    # framing
    "frame_lexicon": None,          # path or DataFrame; None = coverage/data/policy_frames.csv
    "frame_unit": "sentence",       # count each sentence once per frame, or every cue
    "headline_weight": 1.0,         # weight of the headline's cues in the frame profile
    "lede_sentences": 0,            # how many first body sentences are the lede
    "lede_weight": 1.0,             # weight of the lede's cues
    "generic_frames": None,         # path; None = coverage/data/generic_frames.toml
    "term_families": None,          # path or DataFrame; None = coverage/data/term_families.csv
    "distinctive_ngrams": (1, 2),   # n-gram orders for Fightin' Words
    "distinctive_min_count": 2,     # drop n-grams rarer than this in the whole corpus
}


def _param(ctx, name: str) -> Any:
    return ctx.params.get(name, DEFAULTS[name])


# ----------------------------------------------------------------------------- quotes


def quotes_stage(ctx) -> None:
    """Quotations and reported speech, with cue, speaker and source type."""
    from .quotes import extract_quote_rows_verbatim
    from .segment import WORD_RE
    from .speakers import corpus_aliases

    # The sources' own words (verbatim spans): direct quotes whole, and only the marked words of
    # partial ones; found with the rows, from the same quotation marks.
    rows, verbatim = extract_quote_rows_verbatim(ctx.text, ctx.sentences, lexicon=_param(ctx, "speaker_roles"),
                                                 include_beliefs=_param(ctx, "include_beliefs"))
    ctx.tables["quotes"] = rows
    speech = [r for r in rows if r["kind"] in ("direct", "partial", "indirect")]
    ctx.shared["verbatim_spans"] = verbatim
    n_words = ctx.row.get("n_words") or 0
    span_words = [len(WORD_RE.findall(ctx.text, s, e)) for s, e in verbatim]
    quoted_words = sum(span_words)
    row = ctx.row
    row["n_quotes"] = len(speech)
    counts = dict.fromkeys(("direct", "partial", "indirect", "term"), 0)
    for r in rows:
        counts[r["kind"]] += 1
    for kind, n in counts.items():
        row[f"n_{kind}"] = n
    row["n_speakers"] = len({r["speaker"] for r in speech if r["speaker"] and r["speaker"] != "unresolved"})
    row["n_words_quoted"] = quoted_words
    row["share_words_quoted"] = quoted_words / n_words if n_words else float("nan")
    first = min(speech, key=lambda r: r["start"], default=None)
    row["first_speaker"] = first["speaker"] if first else ""
    row["first_speaker_type"] = first["speaker_type"] if first else ""
    ctx.tables["speakers"] = _speaker_rows(ctx.text, speech, verbatim, span_words)
    ctx.tables["speaker_aliases"] = [{"acronym": k, "full_name": v}
                                     for k, v in corpus_aliases([ctx.text]).items()]


def _speaker_rows(text: str, speech: list[dict], verbatim: list[tuple[int, int]],
                  span_words: list[int]) -> list[dict]:
    """One row per canonical speaker of an article: type, quotes by kind, words, first position.

    ``verbatim`` are sorted, disjoint spans (as :func:`coverage.quotes.verbatim_spans_from_rows`
    returns them) and ``span_words`` their word counts, reused for spans a quote holds whole.
    """
    import bisect

    from .segment import WORD_RE

    by: dict[str, dict] = {}
    ends = [e for _, e in verbatim]
    order = sorted(speech, key=lambda r: r["start"])
    for rank, r in enumerate(order, start=1):
        name = r["speaker"] if isinstance(r["speaker"], str) and r["speaker"] else "unresolved"
        entry = by.setdefault(name, {"speaker": name, "speaker_type": r["speaker_type"] or "other",
                                     "n_quotes": 0, "n_direct": 0, "n_partial": 0, "n_indirect": 0,
                                     "n_words_attributed": 0, "n_words_verbatim": 0,
                                     "first_quote_start": r["start"], "first_quote_rank": rank})
        entry["n_quotes"] += 1
        entry[f"n_{r['kind']}"] += 1
        entry["n_words_attributed"] += int(r["n_words"])
        # visit only the verbatim spans overlapping this quote
        k = bisect.bisect_right(ends, r["start"])
        while k < len(verbatim) and verbatim[k][0] < r["end"]:
            s, e = verbatim[k]
            if r["start"] <= s and e <= r["end"]:
                entry["n_words_verbatim"] += span_words[k]
            else:
                lo, hi = max(s, r["start"]), min(e, r["end"])
                if lo < hi:
                    entry["n_words_verbatim"] += len(WORD_RE.findall(text, lo, hi))
            k += 1
    return list(by.values())


# ----------------------------------------------------------------------------- readability


def readability_stage(ctx) -> None:
    """Readability of the body; of the headline; and of the reporter's own prose (quotes out)."""
    from .readability import analyze_readability

    ctx.row.update(analyze_readability(
        ctx.text, ctx.sentences, str(ctx.article.get("title") or ""),
        ctx.shared.get("verbatim_spans"), mtld_threshold=_param(ctx, "mtld_threshold"),
        quoted_share_threshold=_param(ctx, "quoted_share_threshold"),
        words=ctx.shared.get("sentence_words")))


# ----------------------------------------------------------------------------- sentiment


def sentiment_stage(ctx) -> None:
    """VADER per sentence; the article's summary; reporter vs quoted voice; targets."""
    from .sentiment import analyze_sentiment

    targets = _param(ctx, "sentiment_targets")
    out = analyze_sentiment(
        ctx.text, ctx.sentences, ctx.shared.get("verbatim_spans") or (),
        engine=_param(ctx, "sentiment_engine"), pos_threshold=_param(ctx, "pos_threshold"),
        neg_threshold=_param(ctx, "neg_threshold"), voice_threshold=_param(ctx, "voice_threshold"),
        targets=None if targets is None else tuple(targets), chunks=ctx.shared.get("sentence_chunks"))
    for row, scores in zip(ctx.tables["sentences"], out["sentences"]):
        row.update(scores)
    ctx.row.update(out["row"])
    ctx.tables["sentiment_targets"] = out["targets"]


# ----------------------------------------------------------------------------- framing


def framing_stage(ctx) -> None:
    """Policy-frame cues (evidence), the article's frame profile, generic frames, term choices.

    The headline, when there is one, is sentence 0 of the frame profile, so ``headline_weight``
    can weight it; the lede is the first ``lede_sentences`` body sentences after it.
    """
    from .framing import analyze_framing

    out = analyze_framing(
        ctx.text, ctx.sentences, str(ctx.article.get("title") or ""),
        lexicon=_param(ctx, "frame_lexicon"), codebook=_param(ctx, "generic_frames"),
        families=_param(ctx, "term_families"), headline_weight=_param(ctx, "headline_weight"),
        lede_sentences=_param(ctx, "lede_sentences"), lede_weight=_param(ctx, "lede_weight"),
        unit=_param(ctx, "frame_unit"))
    ctx.tables.setdefault("frames", []).extend(out["frames"])
    for name in ("frame_profiles", "generic_frames", "terms"):
        ctx.tables[name] = out[name]
    ctx.row.update(out["row"])


# ----------------------------------------------------------------------------- the stages

#: (name, function) in the order they run.
METRIC_STAGES: list = [("quotes", quotes_stage), ("readability", readability_stage),
                       ("sentiment", sentiment_stage), ("framing", framing_stage)]


# ----------------------------------------------------------------------------- corpus level


def corpus_tables(frames: dict[str, pd.DataFrame], params: Any,
                  ngram_counts: dict | None = None, executor: Any = None) -> dict[str, pd.DataFrame]:
    """Cross-article tables from the article-level ones.

    ``ngram_counts`` (``{outlet: {n: Counter}}`` of the sentences, merged from the chunks) is
    used for the distinctive words instead of tokenizing the ``sentences`` table again. With an
    ``executor`` (``concurrent.futures``), the shared quotations are matched there while this
    process scores the distinctive words.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``quotes`` and ``speakers`` with acronyms unified across the corpus ("ACLU" and
        "American Civil Liberties Union" are one source), ``source_outlets`` (sourcing by source
        type per outlet), ``common_sources`` (passages each outlet quoted from sources that 2+
        outlets quoted), ``shared_quotations`` (quotations 2+ outlets used, fuzzy match),
        ``frame_outlets`` (frame distributions per outlet), ``term_outlets`` (term choices per
        outlet), ``distinctive_words`` (Fightin' Words per outlet, when there are 2+ outlets).
    """
    from . import distinctive, framing, terms

    out: dict[str, pd.DataFrame] = {}
    get = params.get if hasattr(params, "get") else (lambda k, d=None: d)
    tables, shared = _source_tables(frames, executor)
    out.update(tables)
    profiles = frames.get("frame_profiles")
    if profiles is not None and len(profiles):
        out["frame_outlets"] = framing.summarize_frames_by_outlet(profiles)
    found = frames.get("terms")
    if found is not None and len(found):
        out["term_outlets"] = terms.summarize_terms_by_outlet(found)
    ngram_range = tuple(get("distinctive_ngrams", DEFAULTS["distinctive_ngrams"]))
    min_count = get("distinctive_min_count", DEFAULTS["distinctive_min_count"])
    sentences = frames.get("sentences")
    if ngram_counts is not None:
        if len(ngram_counts) >= 2:
            out["distinctive_words"] = distinctive.fightin_words_from_counts(
                ngram_counts, ngram_range=ngram_range, min_count=min_count)
    elif sentences is not None and len(sentences) and sentences["outlet"].nunique() >= 2:
        docs = (sentences.sort_values(["article_id", "sentence_id"])
                .groupby(["outlet", "article_id"], sort=True)["text"].agg("\n".join).reset_index())
        out["distinctive_words"] = distinctive.fightin_words(docs, ngram_range=ngram_range,
                                                             min_count=min_count)
    if shared is not None:  # matched in the executor meanwhile
        out["shared_quotations"] = shared.result()
    return out


def _source_tables(frames: dict[str, pd.DataFrame], executor: Any = None
                   ) -> tuple[dict[str, pd.DataFrame], Any]:
    """The sourcing tables, and the future of ``shared_quotations`` when an ``executor``
    computes it (else it is among the tables and the future is None)."""
    from .compare import shared_quotations

    out: dict[str, pd.DataFrame] = {}
    quotes, speakers = frames.get("quotes"), frames.get("speakers")
    if quotes is None or speakers is None or quotes.empty or speakers.empty:
        return out, None
    aliases: dict[str, str] = {}
    table = frames.get("speaker_aliases")
    if table is not None and len(table):
        for r in table.sort_values(["article_id", "acronym"]).itertuples(index=False):
            aliases.setdefault(r.acronym, r.full_name)
    unify = (lambda x: aliases.get(x, x) if isinstance(x, str) else x)
    quotes = quotes.assign(speaker=quotes["speaker"].map(unify))
    speakers = speakers.assign(speaker=speakers["speaker"].map(unify))
    out["quotes"], out["speakers"] = quotes, speakers

    articles = frames["articles"]
    per_type = (speakers.groupby(["outlet", "speaker_type"])
                .agg(n_speakers=("speaker", "nunique"), n_quotes=("n_quotes", "sum"),
                     n_words_attributed=("n_words_attributed", "sum"),
                     n_words_verbatim=("n_words_verbatim", "sum")).reset_index())
    totals = per_type.groupby("outlet")[["n_words_attributed", "n_words_verbatim"]].transform("sum")
    per_type["share_words_attributed"] = per_type["n_words_attributed"] / totals["n_words_attributed"]
    per_type["share_words_verbatim"] = (per_type["n_words_verbatim"] / totals["n_words_verbatim"]
                                        ).where(totals["n_words_verbatim"] > 0)
    first = (articles[articles["first_speaker_type"] != ""].groupby("outlet")["first_speaker_type"]
             .value_counts(normalize=True).rename("share_first_voice").reset_index()
             .rename(columns={"first_speaker_type": "speaker_type"}))
    per_type = per_type.merge(first, on=["outlet", "speaker_type"], how="left")
    per_type["share_first_voice"] = per_type["share_first_voice"].fillna(0.0)
    out["source_outlets"] = per_type

    verbatim = quotes[quotes["kind"].isin(["direct", "partial"])]
    named = verbatim[verbatim["speaker"].notna() & (verbatim["speaker"] != "unresolved")]
    n_outlets = named.groupby("speaker")["outlet"].nunique()
    common = named[named["speaker"].isin(n_outlets[n_outlets >= 2].index)]
    out["common_sources"] = common[["speaker", "speaker_type", "outlet", "article_id", "quote_id",
                                    "kind", "text"]].sort_values(["speaker", "outlet", "article_id",
                                                                  "quote_id"]).reset_index(drop=True)
    if executor is None:
        out["shared_quotations"] = shared_quotations(quotes)
        return out, None
    # only the columns it reads travel to the other process
    cols = [c for c in ("article_id", "outlet", "text", "kind", "quote_id", "speaker") if c in quotes.columns]
    return out, executor.submit(shared_quotations, quotes[cols])
