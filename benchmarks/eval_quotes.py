"""Score coverage.quotes.extract_quotes against human-annotated attributions.

Usage
-----
    .venv/bin/python benchmarks/eval_quotes.py tests/gold/quotes_*.jsonl
    .venv/bin/python benchmarks/eval_quotes.py ../shared/validation/polnear/train.jsonl \\
        --split dev --filter-reporting
    .venv/bin/python benchmarks/eval_quotes.py ../shared/validation/polnear/train.jsonl \\
        --split held-out --filter-reporting

Input: JSONL, one article per line, in the format of PolNeAR as distributed in
``../shared/validation/polnear/train.jsonl`` (see ``../shared/validation/README.md``):
``id, text, quotes: [{quote_start, quote_end, quote_spans, speaker_start, speaker_end,
speaker_spans, cue, type, cue_is_reporting_verb, ...}]``. The project's own gold files
(``tests/gold/quotes_*.jsonl``) use the same format plus ``speaker`` (canonical name) and
``speaker_type`` per quote.

Scoring (after the Gender Gap Tracker's ``evaluate_quotes.py``):

* Gold quote = the union of its ``quote_spans`` (PolNeAR quotes may be discontinuous:
  ``"A," he said. "B."``). Predicted rows of kind ``term`` are not attributions and are dropped;
  predicted quotation rows (``direct``, or ``partial`` ending in a quotation mark) that share a
  cue occurrence (same ``cue_start`` and ``speaker_start``: ``"A," she said. "B."``) are one
  attribution with several spans, as in PolNeAR.
* Overlap = |gold chars & predicted chars| / max(|gold|, |predicted|) ("of the longer span").
  (GGT divides by the gold length only; ``--overlap-ref gold`` reproduces that.) A gold quote is
  matched greedily, in text order, to the unmatched prediction with the highest overlap if it is
  >= the threshold (0.3 lenient, 0.8 strict). "exact" means equal character sets after trimming
  whitespace and edge punctuation ``.,;:`` on both sides.
* Speaker accuracy on matched quotes: PolNeAR annotates the speaker *mention* ("he",
  "Trump's campaign"), so a match counts as correct when the predicted ``speaker_start/end``
  span overlaps any gold speaker span by at least one character, or when gold has no speaker and
  the prediction has none either (as GGT's evaluation does). On the project gold, the canonical
  ``speaker`` and ``speaker_type`` are also compared (case-insensitive string equality).
* Named speakers (PolNeAR, which has no canonical names): on matches with the right mention
  whose gold mention is a name ("ACLU attorney Lee Gelernt, who ..."; not "he", "the judge"),
  the share whose resolved ``speaker`` holds the mention's surname ("Lee Gelernt"): a check of
  the resolver on text it was not written on.
* Per kind: gold ``direct`` / ``mixed`` / ``indirect`` against predicted ``direct`` /
  ``partial`` / ``indirect``; recall per gold kind, precision per predicted kind. The
  "direct+partial" block scores quotations only: gold of type indirect is set aside (a
  prediction matching it is neither a hit nor a false alarm), as are predictions of kind
  indirect.
* ``--retype-gold``: PolNeAR's ``type`` was derived from quotation marks by a heuristic that
  misses the doubled apostrophes (``''...''``) of New York Times copy, so such quotations are
  typed ``indirect``. With this flag the type is re-derived from the gold text: ``direct`` when
  every span starts and ends with a quotation mark, ``mixed`` when any mark occurs, else
  ``indirect``. Only the per-kind and direct+partial figures change.
* ``--filter-reporting`` keeps only gold attributions with ``cue_is_reporting_verb`` true
  (PolNeAR also annotates beliefs, "polls show", ...); predictions that match a filtered-out
  attribution are set aside, not counted as false alarms.
* ``--split dev`` = the first 80% of lines, ``--split held-out`` = the last 20% (rules were
  developed on dev only).

Research data such as PolNeAR is read at run time from the path given; it is never copied into
the project.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from coverage.quotes import extract_quotes
from coverage.segment import split_sentences

KIND_OF_GOLD = {"direct": "direct", "mixed": "partial", "indirect": "indirect"}
THRESHOLDS = (("exact", None), ("0.3", 0.3), ("0.8", 0.8))
_EDGE = " \t\n.,;:"


@dataclass
class Attr:
    chars: frozenset[int]
    kind: str
    speaker: frozenset[int] | None
    canonical: str | None = None
    stype: str | None = None
    ignorable: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)
    name: str | None = None  # gold: the surname of a named speaker mention ("Gelernt")


def _chars(spans: list[tuple[int, int]]) -> frozenset[int]:
    out: set[int] = set()
    for s, e in spans:
        out.update(range(s, e))
    return frozenset(out)


def _trimmed(text: str, chars: frozenset[int]) -> frozenset[int]:
    return frozenset(i for i in chars if text[i] not in " \t\n") if chars else chars


def _exact(text: str, a: Attr, b: Attr) -> bool:
    def norm(x: Attr) -> tuple[int, ...]:
        idx = sorted(x.chars)
        while idx and text[idx[0]] in _EDGE:
            idx.pop(0)
        while idx and text[idx[-1]] in _EDGE:
            idx.pop()
        return tuple(i for i in idx if text[i] not in " \t\n")

    return norm(a) == norm(b)


_MARKS = ("\"", "\u201c", "\u201d", "''", "``", "\u00ab", "\u00bb")


def _retype(text: str, spans: list[tuple[int, int]]) -> str:
    """direct / partial / indirect from the quotation marks in the gold text, ``''`` included."""
    pieces = [text[s:e].strip(" \t\n.,;:") for s, e in spans]
    joined = " ".join(p for p in pieces if p)
    if not any(m in joined for m in _MARKS):
        return "indirect"
    if all(p[:1] in "\"\u201c\u00ab'`" and p[-1:] in "\"\u201d\u00bb'" for p in pieces if p):
        return "direct"
    return "partial"


_NAME_WORD_RE = re.compile(r"[A-Z][\w\u2019'-]*[a-z][\w\u2019'-]*")
_HEAD_END_RE = re.compile(r",|\(|\s(?:of|from|at|who|and|with)\s|\s[\u2014\u2013-]+\s")
_NOT_NAMES = frozenset("the a an he she they we i it his her their its some many one this that".split())


def mention_name(mention: str) -> str | None:
    """The surname of a named speaker mention: the last capitalized word of its head (before a
    comma, parenthesis, dash, "of", "from", "who", ...; possessive and "Jr." removed); None for
    pronouns and descriptions ("the judge").

    >>> mention_name("ACLU attorney Lee Gelernt, who argued the case,"), mention_name("the judge")
    ('Gelernt', None)
    """
    words = mention.split()
    if not words or words[0].lower() in _NOT_NAMES:
        return None
    head = _HEAD_END_RE.split(mention, maxsplit=1)[0]
    names = [w for w in _NAME_WORD_RE.findall(head) if w not in ("Jr", "Sr")]
    return re.sub(r"[\u2019']s$", "", names[-1]) if names else None


def gold_attrs(rec: dict, filter_reporting: bool, retype: bool = False) -> list[Attr]:
    text = rec.get("text")
    out = []
    for q in rec.get("quotes", []):
        spans = [tuple(s) for s in (q.get("quote_spans") or [[q["quote_start"], q["quote_end"]]])]
        sp = q.get("speaker_spans") or (
            [[q["speaker_start"], q["speaker_end"]]] if q.get("speaker_start") is not None else []
        )
        kind = KIND_OF_GOLD.get(q.get("type", "indirect"), "indirect")
        if retype and text is not None:
            kind = _retype(text, spans)
        out.append(
            Attr(
                chars=_chars(spans),
                kind=kind,
                speaker=_chars([tuple(s) for s in sp]) if sp else None,
                canonical=q.get("speaker"),
                stype=q.get("speaker_type"),
                ignorable=filter_reporting and not q.get("cue_is_reporting_verb", True),
                spans=spans,
                name=mention_name(" ".join(text[a:b] for a, b in sp)) if sp and text is not None else None,
            )
        )
    return out


def pred_attrs(df: pd.DataFrame) -> list[Attr]:
    df = df[df["kind"] != "term"]
    groups: dict[tuple, list] = {}
    order = []
    for r in df.itertuples(index=False):
        quoted = r.kind == "direct" or (r.kind == "partial" and r.text[-1:] in "\"\u201d'")
        key = (r.cue_start, r.speaker_start) if (quoted and r.cue_start >= 0) else ("row", r.quote_id)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(r)
    out = []
    for key in order:
        rs = groups[key]
        spans = [(r.start, r.end) for r in rs]
        r0 = rs[0]
        kind = "partial" if any(r.kind == "partial" for r in rs) else r0.kind
        spk = _chars([(r0.speaker_start, r0.speaker_end)]) if r0.speaker_start >= 0 else None
        out.append(Attr(_chars(spans), kind, spk, r0.speaker, r0.speaker_type, spans=spans))
    return out


def overlap(g: Attr, p: Attr, ref: str) -> float:
    if not g.chars or not p.chars:
        return 0.0
    inter = len(g.chars & p.chars)
    if ref == "gold":
        return inter / len(g.chars)
    return inter / max(len(g.chars), len(p.chars))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    spk: int = 0
    canon: int = 0
    canon_n: int = 0
    named: int = 0  # matches with the right mention and a named gold speaker
    named_ok: int = 0  # ... whose canonical speaker holds the gold surname
    stype: int = 0
    tp_kind: dict = field(default_factory=dict)
    n_gold_kind: dict = field(default_factory=dict)
    n_pred_kind: dict = field(default_factory=dict)
    tp_pred_kind: dict = field(default_factory=dict)
    spk_kind: dict = field(default_factory=dict)

    def add(self, d: dict, k: str, n: int = 1) -> None:
        d[k] = d.get(k, 0) + n


def score_article(text: str, gold: list[Attr], pred: list[Attr], thr: float | None, ref: str, t: Tally) -> None:
    used: set[int] = set()
    ignored_pred: set[int] = set()
    for g in gold:
        best, best_s = -1, 0.0
        for j, p in enumerate(pred):
            if j in used:
                continue
            if thr is None:
                s = 1.0 if _exact(text, g, p) else 0.0
                ok = s == 1.0
            else:
                s = overlap(g, p, ref)
                ok = s >= thr
            if ok and s > best_s:
                best, best_s = j, s
        if g.ignorable:
            if best >= 0:
                ignored_pred.add(best)
                used.add(best)
            continue
        t.add(t.n_gold_kind, g.kind)
        if best < 0:
            t.fn += 1
            continue
        used.add(best)
        p = pred[best]
        t.tp += 1
        t.add(t.tp_kind, g.kind)
        t.add(t.tp_pred_kind, p.kind)
        ok_spk = (g.speaker is None and p.speaker is None) or (
            g.speaker is not None and p.speaker is not None and bool(g.speaker & p.speaker)
        )
        t.spk += ok_spk
        if ok_spk and g.name is not None and g.canonical is None:
            t.named += 1
            t.named_ok += g.name in (p.canonical or "").replace("\u2019s", " ").replace("'s", " ").split()
        t.add(t.spk_kind, g.kind, int(ok_spk))
        if g.canonical is not None:
            t.canon_n += 1
            t.canon += (p.canonical or "").lower() == g.canonical.lower()
            t.stype += (p.stype or "") == (g.stype or "")
    for j, p in enumerate(pred):
        if j in ignored_pred:
            continue
        t.add(t.n_pred_kind, p.kind)
        if j not in used:
            t.fp += 1


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, nargs="+", help="JSONL gold file(s) (PolNeAR format)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles (after --split)")
    ap.add_argument("--split", choices=["all", "dev", "held-out"], default="all")
    ap.add_argument("--dev-fraction", type=float, default=0.8)
    ap.add_argument("--filter-reporting", action="store_true", help="keep gold with cue_is_reporting_verb only")
    ap.add_argument("--retype-gold", action="store_true",
                    help="re-derive gold direct/mixed/indirect from its quotation marks, counting '' (NYT style)")
    ap.add_argument("--overlap-ref", choices=["longer", "gold"], default="longer")
    ap.add_argument("--errors", type=int, default=0, help="print N missed/false quotes at 0.3 for inspection")
    args = ap.parse_args(argv)

    missing = [str(p) for p in args.gold if not p.exists()]
    if missing:
        print(f"gold file not found: {', '.join(missing)}\n(the validation data lives in "
              "../shared/validation/; it is not part of the project and may be absent)", file=sys.stderr)
        return 2
    lines = [ln for p in args.gold for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    cut = int(len(lines) * args.dev_fraction)
    if args.split == "dev":
        lines = lines[:cut]
    elif args.split == "held-out":
        lines = lines[cut:]
    if args.limit:
        lines = lines[: args.limit]
    recs = [json.loads(ln) for ln in lines]

    t0 = time.perf_counter()
    preds = []
    for rec in recs:
        text = rec["text"]
        preds.append(extract_quotes(text, split_sentences(text)))
    elapsed = time.perf_counter() - t0

    print(f"gold: {' '.join(map(str, args.gold))}  split: {args.split}  articles: {len(recs)}  "
          f"filter-reporting: {args.filter_reporting}  retype-gold: {args.retype_gold}  "
          f"overlap-ref: {args.overlap_ref}")
    print(f"speed: {len(recs) / elapsed:,.0f} articles/s (segment + extract, one core)")
    blocks = [("all attributions", None), ("direct+partial", {"direct", "partial"})]
    for title, only in blocks:
        print(f"\n== {title} ==")
        print(f"{'match':>6} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6} {'n_gold':>7} {'n_pred':>7}")
        for name, thr in THRESHOLDS:
            t = Tally()
            for rec, df in zip(recs, preds):
                gold = gold_attrs(rec, args.filter_reporting, args.retype_gold)
                pred = pred_attrs(df)
                if only is not None:
                    for g in gold:
                        if g.kind not in only:
                            g.ignorable = True
                    pred = [p for p in pred if p.kind in only]
                score_article(rec["text"], gold, pred, thr, args.overlap_ref, t)
            p, r, f = prf(t.tp, t.fp, t.fn)
            acc = t.spk / t.tp if t.tp else 0.0
            print(f"{name:>6} {p:6.3f} {r:6.3f} {f:6.3f} {acc:6.3f} {t.tp + t.fn:7d} {t.tp + t.fp:7d}")
            if t.canon_n:
                print(f"{'':>6} resolved speaker correct {t.canon / t.canon_n:.3f}, "
                      f"speaker type correct {t.stype / t.canon_n:.3f} (on {t.canon_n} matches)")
            elif t.named and thr is not None:
                print(f"{'':>6} resolved speaker holds the gold mention's surname {t.named_ok / t.named:.3f} "
                      f"(on {t.named} matches with a named speaker)")
            if only is None and thr is not None:
                for gk, pk in (("direct", "direct"), ("partial", "partial"), ("indirect", "indirect")):
                    ng = t.n_gold_kind.get(gk, 0)
                    npk = t.n_pred_kind.get(pk, 0)
                    rk = t.tp_kind.get(gk, 0) / ng if ng else 0.0
                    pk_ = t.tp_pred_kind.get(pk, 0) / npk if npk else 0.0
                    fk = 2 * pk_ * rk / (pk_ + rk) if pk_ + rk else 0.0
                    sk = t.spk_kind.get(gk, 0) / t.tp_kind[gk] if t.tp_kind.get(gk) else 0.0
                    label = "mixed~partial" if gk == "partial" else gk
                    print(f"{'':>6}   {label:<14} P {pk_:.3f} R {rk:.3f} F1 {fk:.3f} spk {sk:.3f} "
                          f"(gold {ng}, pred {npk})")
    if args.errors:
        _show_errors(recs, preds, args)
    return 0


def _show_errors(recs: list[dict], preds: list[pd.DataFrame], args: argparse.Namespace) -> None:
    shown = 0
    for rec, df in zip(recs, preds):
        text = rec["text"]
        gold = [g for g in gold_attrs(rec, args.filter_reporting) if not g.ignorable]
        pred = pred_attrs(df)
        for g in gold:
            if not any(overlap(g, p, args.overlap_ref) >= 0.3 for p in pred):
                s, e = min(g.chars), max(g.chars) + 1
                print(f"MISS {g.kind:8} {text[max(0, s - 80):s]!r} [[{text[s:e][:150]!r}]]")
                shown += 1
        for p in pred:
            if not any(overlap(g, p, args.overlap_ref) >= 0.3 for g in gold_attrs(rec, False)):
                s, e = min(p.chars), max(p.chars) + 1
                print(f"FALSE {p.kind:8} {text[max(0, s - 80):s]!r} [[{text[s:e][:150]!r}]]")
                shown += 1
        if shown >= args.errors:
            break


if __name__ == "__main__":
    sys.exit(main())
