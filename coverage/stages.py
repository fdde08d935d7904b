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
    from .quotes import extract_quotes

    quotes = extract_quotes(ctx.text, ctx.sentences, lexicon=_param(ctx, "speaker_roles"),
                            include_beliefs=_param(ctx, "include_beliefs"))
    rows = quotes.to_dict("records")
    ctx.tables["quotes"] = rows
    speech = [r for r in rows if r["kind"] in ("direct", "partial", "indirect")]
    verbatim = [(r["start"], r["end"]) for r in rows if r["kind"] in ("direct", "partial")]
    ctx.shared["verbatim_spans"] = verbatim
    n_words = ctx.row.get("n_words") or 0
    quoted_words = sum(r["n_words"] for r in rows if r["kind"] in ("direct", "partial"))
    row = ctx.row
    row["n_quotes"] = len(speech)
    for kind in ("direct", "partial", "indirect", "term"):
        row[f"n_{kind}"] = sum(1 for r in rows if r["kind"] == kind)
    row["n_speakers"] = len({r["speaker"] for r in speech if r["speaker"] and r["speaker"] != "unresolved"})
    row["share_words_quoted"] = quoted_words / n_words if n_words else float("nan")
    first = min(speech, key=lambda r: r["start"], default=None)
    row["first_speaker"] = first["speaker"] if first else ""
    row["first_speaker_type"] = first["speaker_type"] if first else ""


# ----------------------------------------------------------------------------- readability


_READABILITY_KEYS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog",
                     "coleman_liau", "ari", "dale_chall")


def readability_stage(ctx) -> None:
    """Readability of the body; of the headline; and of the reporter's own prose (quotes out)."""
    from .readability import score_readability

    opts = {"mtld_threshold": _param(ctx, "mtld_threshold")}
    body = score_readability(ctx.text, ctx.sentences, **opts)
    for key, value in body.items():
        if key not in ("n_sentences", "n_words"):  # the segment stage's counts stand
            ctx.row[key] = value
    title = str(ctx.article.get("title") or "")
    head = score_readability(title, None, **opts) if title else {}
    ctx.row["headline_n_words"] = head.get("n_words", 0)
    ctx.row["headline_flesch_reading_ease"] = head.get("flesch_reading_ease", float("nan"))
    spans = ctx.shared.get("verbatim_spans")
    if spans is not None:
        prose = score_readability(ctx.text, ctx.sentences, exclude_spans=spans,
                                  quoted_share_threshold=_param(ctx, "quoted_share_threshold"), **opts)
        for key in _READABILITY_KEYS + ("n_words", "mean_sentence_length"):
            ctx.row[f"prose_{key}"] = prose[key]


# ----------------------------------------------------------------------------- sentiment


def sentiment_stage(ctx) -> None:
    """VADER per sentence; the article's summary; reporter vs quoted voice; targets."""
    from . import sentiment

    scores = sentiment.score_sentiment(ctx.text, ctx.sentences, engine=_param(ctx, "sentiment_engine"))
    spans = ctx.shared.get("verbatim_spans") or []
    voiced = sentiment.sentiment_by_voice(scores, spans, threshold=_param(ctx, "voice_threshold"))
    sentences = ctx.tables["sentences"]
    for r, v in zip(sentences, voiced.itertuples(index=False)):
        r.update(compound=v.compound, pos=v.pos, neu=v.neu, neg=v.neg,
                 share_quoted=v.share_quoted, voice=v.voice)
    pos_t, neg_t = _param(ctx, "pos_threshold"), _param(ctx, "neg_threshold")
    summary = sentiment.summarize_sentiment(scores, pos_t, neg_t, text=ctx.text)
    for key, value in summary.items():
        if key != "n_sentences":
            ctx.row[key] = value
    for voice in ("reporter", "quoted"):
        part = voiced[voiced["voice"] == voice]["compound"]
        ctx.row[f"mean_compound_{voice}"] = float(part.mean()) if len(part) else float("nan")
        ctx.row[f"n_sentences_{voice}"] = len(part)
    targets = _param(ctx, "sentiment_targets")
    toward = (sentiment.sentiment_toward(scores, ctx.text) if targets is None
              else sentiment.sentiment_toward(scores, ctx.text, tuple(targets)))
    ctx.tables["sentiment_targets"] = [r for r in toward.to_dict("records") if r["n_sentences"]]


# ----------------------------------------------------------------------------- framing


def framing_stage(ctx) -> None:
    """Policy-frame cues (evidence), the article's frame profile, generic frames, term choices."""
    from . import framing, terms

    text, sentences = ctx.text, ctx.sentences
    lexicon = framing.load_frame_lexicon(_param(ctx, "frame_lexicon"))
    body = framing.find_frame_cues(text, sentences, lexicon)
    title = str(ctx.article.get("title") or "")
    head = framing.find_frame_cues(title, [(0, len(title))], lexicon) if title else body.iloc[0:0]
    rows = ctx.tables.setdefault("frames", [])
    for r in head.itertuples(index=False):
        rows.append({"sentence_id": -1, "part": "headline", "frame": r.frame, "cue": r.cue,
                     "start": r.start, "end": r.end, "matched": r.matched})
    for r in body.itertuples(index=False):
        rows.append({"sentence_id": r.sentence_id, "part": "body", "frame": r.frame, "cue": r.cue,
                     "start": r.start, "end": r.end, "matched": r.matched})
    # Profile: the headline is sentence 0 of a combined article, so it can be weighted.
    combined = pd.concat([head.assign(sentence_id=0),
                          body.assign(sentence_id=body["sentence_id"] + 1)], ignore_index=True)
    profile = framing.score_frames(
        combined, len(sentences) + (1 if title else 0),
        headline_sentences=1 if title else 0, headline_weight=_param(ctx, "headline_weight"),
        lede_sentences=_param(ctx, "lede_sentences"), lede_weight=_param(ctx, "lede_weight"),
        unit=_param(ctx, "frame_unit"), frames=lexicon.labels if hasattr(lexicon, "labels") else None)
    ctx.tables["frame_profiles"] = profile.to_dict("records")
    primary = profile.loc[profile["primary"], "frame"]
    ctx.row["primary_frame"] = primary.iloc[0] if len(primary) else ""
    ctx.row["n_frame_cues"] = len(head) + len(body)
    for r in profile.itertuples(index=False):
        ctx.row[f"frame_{r.frame}"] = float(r.share)

    codebook = _param(ctx, "generic_frames")
    indicators = framing.code_generic_frames(text, sentences, codebook)
    ctx.tables["generic_frames"] = [
        {k: v for k, v in r.items()} for r in indicators.to_dict("records")]
    scores = framing.score_generic_frames(indicators)
    for r in scores.itertuples(index=False):
        ctx.row[f"generic_{r.frame}"] = float(r.score)

    found = terms.find_terms(text, sentences, _param(ctx, "term_families"))
    ctx.tables["terms"] = found.to_dict("records")


# ----------------------------------------------------------------------------- the stages

#: (name, function) in the order they run.
METRIC_STAGES: list = [("quotes", quotes_stage), ("readability", readability_stage),
                       ("sentiment", sentiment_stage), ("framing", framing_stage)]


# ----------------------------------------------------------------------------- corpus level


def corpus_tables(frames: dict[str, pd.DataFrame], params: Any) -> dict[str, pd.DataFrame]:
    """Cross-article tables from the article-level ones.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``frame_outlets`` (frame distributions per outlet), ``term_outlets`` (term choices per
        outlet), ``distinctive_words`` (Fightin' Words per outlet, when there are 2+ outlets).
    """
    from . import distinctive, framing, terms

    out: dict[str, pd.DataFrame] = {}
    get = params.get if hasattr(params, "get") else (lambda k, d=None: d)
    profiles = frames.get("frame_profiles")
    if profiles is not None and len(profiles):
        out["frame_outlets"] = framing.summarize_frames_by_outlet(profiles)
    found = frames.get("terms")
    if found is not None and len(found):
        out["term_outlets"] = terms.summarize_terms_by_outlet(found)
    sentences = frames.get("sentences")
    if sentences is not None and len(sentences) and sentences["outlet"].nunique() >= 2:
        docs = (sentences.sort_values(["article_id", "sentence_id"])
                .groupby(["outlet", "article_id"], sort=True)["text"].agg("\n".join).reset_index())
        out["distinctive_words"] = distinctive.fightin_words(
            docs, ngram_range=tuple(get("distinctive_ngrams", DEFAULTS["distinctive_ngrams"])),
            min_count=get("distinctive_min_count", DEFAULTS["distinctive_min_count"]))
    return out
