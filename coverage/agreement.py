"""Human coding and agreement: coding sheets, Krippendorff's alpha, Cohen's kappa, P/R/F1.

* :func:`export_coding_sheet` / :func:`import_coding_sheet`: a CSV with ``article_id,
  sentence_id, text`` and empty code columns for human coders, and back; :func:`explode_codes`
  turns a multi-code cell (``"economic; political"``) into one row per code.
* :func:`krippendorff_alpha`: any number of coders, missing values, nominal / ordinal / interval
  / ratio metrics, computed from the coincidence matrix as in Krippendorff (2011).
* :func:`cohen_kappa`: two coders, nominal.
* :func:`frame_precision_recall`: automated codes (e.g. :func:`coverage.framing.find_frame_cues`)
  against human codes, per frame, with micro and macro averages.

References
----------
Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
Communication Departmental Papers 43, University of Pennsylvania.
Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and Psychological
Measurement*, 20(1), 37-46.
Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability measure
for coding data. *Communication Methods and Measures*, 1(1), 77-89.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

__all__ = [
    "SHEET_KEYS",
    "export_coding_sheet",
    "import_coding_sheet",
    "explode_codes",
    "krippendorff_alpha",
    "cohen_kappa",
    "frame_precision_recall",
    "PRF_COLUMNS",
]

logger = logging.getLogger(__name__)

#: The key and text columns every coding sheet has, in order.
SHEET_KEYS = ("article_id", "sentence_id", "text")
Level = Literal["nominal", "ordinal", "interval", "ratio"]


# --------------------------------------------------------------------------------------------
# Coding sheets
# --------------------------------------------------------------------------------------------
def export_coding_sheet(
    sentences: pd.DataFrame,
    path: str | Path | None = None,
    code_columns: Sequence[str] = ("frame",),
) -> pd.DataFrame:
    """Write a coding sheet: one row per sentence, empty columns for the codes.

    Parameters
    ----------
    sentences : pandas.DataFrame
        With ``article_id``, ``sentence_id`` and ``text`` (the pipeline's ``sentences`` table,
        or a sample of it); other columns are dropped.
    path : str or pathlib.Path, optional
        Where to write the CSV (UTF-8, with header); nothing is written when None.
    code_columns : sequence of str
        The empty columns coders fill in. Several codes in one cell are separated by ``;``.

    Returns
    -------
    pandas.DataFrame
        The sheet: ``article_id, sentence_id, text, *code_columns`` (codes as empty strings).

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "text": ["Hi."]})
    >>> export_coding_sheet(s).columns.tolist()
    ['article_id', 'sentence_id', 'text', 'frame']

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
    Communication Departmental Papers 43.
    """
    missing = [c for c in SHEET_KEYS if c not in sentences.columns]
    if missing:
        raise ValueError(f"sentences lacks columns {missing}")
    clash = [c for c in code_columns if c in SHEET_KEYS]
    if clash:
        raise ValueError(f"code columns may not be named {clash}")
    sheet = sentences[list(SHEET_KEYS)].copy()
    sheet["article_id"] = sheet["article_id"].astype(str)
    sheet["sentence_id"] = sheet["sentence_id"].astype("int64")
    for col in code_columns:
        sheet[col] = ""
    sheet = sheet.sort_values(["article_id", "sentence_id"], kind="stable").reset_index(drop=True)
    if path is not None:
        sheet.to_csv(path, index=False, encoding="utf-8")
        logger.info("wrote coding sheet with %d rows to %s", len(sheet), path)
    return sheet


def import_coding_sheet(
    path: str | Path,
    code_columns: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Read a filled-in coding sheet back.

    Parameters
    ----------
    path : str or pathlib.Path
        A CSV written by :func:`export_coding_sheet` (and filled in).
    code_columns : sequence of str, optional
        The code columns to keep and require; by default every column after ``text``.

    Returns
    -------
    pandas.DataFrame
        ``article_id`` (str), ``sentence_id`` (int), ``text`` (str) and the code columns (str;
        empty cells become ``""``, surrounding whitespace is stripped).

    Examples
    --------
    >>> import io
    >>> csv = io.StringIO("article_id,sentence_id,text,frame\\na,0,Hi., political \\n")
    >>> import_coding_sheet(csv).values.tolist()
    [['a', 0, 'Hi.', 'political']]

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
    Communication Departmental Papers 43.
    """
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in SHEET_KEYS if c not in sheet.columns]
    if missing:
        raise ValueError(f"coding sheet {path!s} lacks columns {missing}")
    if code_columns is None:
        code_columns = [c for c in sheet.columns if c not in SHEET_KEYS]
    absent = [c for c in code_columns if c not in sheet.columns]
    if absent:
        raise ValueError(f"coding sheet {path!s} lacks code columns {absent}")
    bad = ~sheet["sentence_id"].str.strip().str.fullmatch(r"-?\d+")
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0]) + 2
        raise ValueError(f"coding sheet {path!s}, line {row}: sentence_id is not an integer")
    out = sheet[[*SHEET_KEYS, *code_columns]].copy()
    out["sentence_id"] = out["sentence_id"].str.strip().astype("int64")
    for col in code_columns:
        out[col] = out[col].str.strip()
    return out.reset_index(drop=True)


def explode_codes(sheet: pd.DataFrame, column: str = "frame", sep: str = ";") -> pd.DataFrame:
    """One row per (sentence, code) from a sheet whose cells may hold several codes.

    Parameters
    ----------
    sheet : pandas.DataFrame
        A coding sheet (see :func:`import_coding_sheet`).
    column : str
        The code column.
    sep : str
        The separator between codes in one cell.

    Returns
    -------
    pandas.DataFrame
        ``article_id, sentence_id, <column>``; uncoded sentences have no row.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1],
    ...                   "frame": ["economic; political", ""]})
    >>> explode_codes(s).values.tolist()
    [['a', 0, 'economic'], ['a', 0, 'political']]

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
    """
    rows = []
    for aid, sid, cell in zip(sheet["article_id"], sheet["sentence_id"], sheet[column]):
        if cell is None or (isinstance(cell, float) and math.isnan(cell)):
            continue
        for code in str(cell).split(sep):
            code = code.strip()
            if code:
                rows.append((aid, int(sid), code))
    out = pd.DataFrame(rows, columns=["article_id", "sentence_id", column])
    return out.drop_duplicates().reset_index(drop=True).astype({"sentence_id": "int64"})


# --------------------------------------------------------------------------------------------
# Krippendorff's alpha and Cohen's kappa
# --------------------------------------------------------------------------------------------
def _is_missing(v: object) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, (float, np.floating)) and math.isnan(v):
        return True
    return isinstance(v, str) and v.strip() == ""


def _coders_by_units(data: pd.DataFrame | Sequence[Sequence[object]]) -> list[list[object]]:
    if isinstance(data, pd.DataFrame):
        return [list(row) for row in data.itertuples(index=False)]
    rows = [list(r) for r in data]
    if rows and len({len(r) for r in rows}) != 1:
        raise ValueError("every coder's row must have one value per unit (None for missing)")
    return rows


def krippendorff_alpha(
    data: pd.DataFrame | Sequence[Sequence[object]],
    level: Level = "nominal",
    values: Sequence[Hashable] | None = None,
) -> float:
    """Krippendorff's alpha for any number of coders, with missing values.

    ``alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_ck o_ck d2_ck / sum_ck n_c n_k d2_ck``, with
    ``o_ck`` the coincidence matrix (each unit with ``m_u >= 2`` values adds ``1 / (m_u - 1)``
    for every ordered pair of values from different coders), ``n_c`` its margins, ``n`` the
    number of pairable values and ``d2`` the metric of the level of measurement.

    Parameters
    ----------
    data : pandas.DataFrame or list of lists
        Coders x units (one row per coder, one column per unit); ``None``, NaN or ``""`` mark
        missing values. Units coded by fewer than two coders are not pairable and ignored.
    level : {"nominal", "ordinal", "interval", "ratio"}
        The level of measurement. Non-nominal levels need numbers, except ``ordinal`` with
        ``values`` giving the order of the categories.
    values : sequence, optional
        For ``ordinal``: all categories in rank order (may include unused ones; they do not
        change the result). By default the sorted values found.

    Returns
    -------
    float
        Alpha (1 = perfect agreement, 0 = chance agreement). NaN when there is no variation
        (a single value in all pairable data, so ``D_e = 0``).

    Examples
    --------
    >>> krippendorff_alpha([[1, 2, 3, None], [1, 2, 3, 4]])
    1.0
    >>> round(krippendorff_alpha([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    ...                           [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]), 3)
    0.095

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School for
    Communication Departmental Papers 43, University of Pennsylvania.
    Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability
    measure for coding data. *Communication Methods and Measures*, 1(1), 77-89.
    """
    if level not in ("nominal", "ordinal", "interval", "ratio"):
        raise ValueError(f"level must be nominal, ordinal, interval or ratio, not {level!r}")
    rows = _coders_by_units(data)
    if len(rows) < 2:
        raise ValueError("need at least two coders (rows)")
    n_units = len(rows[0])
    coincid: Counter[tuple[object, object]] = Counter()
    for u in range(n_units):
        vals = [r[u] for r in rows if not _is_missing(r[u])]
        m = len(vals)
        if m < 2:
            continue
        for i, a in enumerate(vals):
            for j, b in enumerate(vals):
                if i != j:
                    coincid[(a, b)] += 1.0 / (m - 1)
    if not coincid:
        raise ValueError("no unit has values from at least two coders")
    margins: Counter[object] = Counter()
    for (a, _b), w in coincid.items():
        margins[a] += w
    n = sum(margins.values())
    cats = list(margins)
    if level != "nominal" or values is not None:
        if values is not None:
            unknown = [c for c in cats if c not in set(values)]
            if unknown:
                raise ValueError(f"values found that are not in `values`: {unknown}")
            cats = [v for v in values if v in margins]
        else:
            try:
                cats = sorted(cats)  # type: ignore[type-var]
            except TypeError as exc:
                raise ValueError(f"{level} alpha needs orderable values or `values`") from exc
    if level in ("interval", "ratio"):
        try:
            num = {c: float(c) for c in cats}  # type: ignore[arg-type]
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{level} alpha needs numeric values") from exc

    def d2(a: object, b: object) -> float:
        if a == b:
            return 0.0
        if level == "nominal":
            return 1.0
        if level == "interval":
            return (num[a] - num[b]) ** 2
        if level == "ratio":
            s = num[a] + num[b]
            return ((num[a] - num[b]) / s) ** 2 if s != 0 else 0.0
        # ordinal: (sum of margins from a to b, minus half of the two ends)^2
        ia, ib = cats.index(a), cats.index(b)
        lo, hi = min(ia, ib), max(ia, ib)
        between = sum(margins[cats[g]] for g in range(lo, hi + 1))
        return (between - (margins[a] + margins[b]) / 2.0) ** 2

    observed = sum(w * d2(a, b) for (a, b), w in coincid.items())
    expected = sum(margins[a] * margins[b] * d2(a, b) for a in cats for b in cats)
    if expected == 0:
        logger.warning("Krippendorff's alpha undefined: no variation in the pairable values")
        return float("nan")
    return float(1.0 - (n - 1) * observed / expected)


def cohen_kappa(coder_a: Sequence[object], coder_b: Sequence[object]) -> float:
    """Cohen's kappa for two coders (nominal), over units both coded.

    Parameters
    ----------
    coder_a, coder_b : sequence
        The two coders' codes, unit by unit; ``None``/NaN/``""`` units are dropped pairwise.

    Returns
    -------
    float
        ``(p_o - p_e) / (1 - p_e)``; NaN when ``p_e == 1`` (both coders used one code only).

    Examples
    --------
    >>> round(cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]), 4)
    0.5

    References
    ----------
    Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational and
    Psychological Measurement*, 20(1), 37-46.
    """
    if len(coder_a) != len(coder_b):
        raise ValueError("the two coders must code the same units")
    pairs = [(a, b) for a, b in zip(coder_a, coder_b)
             if not _is_missing(a) and not _is_missing(b)]
    if not pairs:
        raise ValueError("no unit coded by both coders")
    n = len(pairs)
    p_o = sum(a == b for a, b in pairs) / n
    ca = Counter(a for a, _ in pairs)
    cb = Counter(b for _, b in pairs)
    p_e = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    if p_e == 1:
        return float("nan")
    return float((p_o - p_e) / (1 - p_e))


# --------------------------------------------------------------------------------------------
# Automated vs human codes
# --------------------------------------------------------------------------------------------
PRF_COLUMNS = ("frame", "support", "n_predicted", "tp", "fp", "fn", "precision", "recall", "f1")


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def frame_precision_recall(
    predicted: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    keys: Sequence[str] = ("article_id", "sentence_id"),
    label: str = "frame",
    units: pd.DataFrame | None = None,
    labels: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Precision, recall and F1 per frame of automated codes against human codes.

    Both inputs are long tables of (unit, code) pairs, so a unit may carry several frames
    (multi-label): for each frame, a unit is a true positive when both tables give it the frame.

    Parameters
    ----------
    predicted : pandas.DataFrame
        Automated codes with ``keys`` and ``label`` columns (e.g. :func:`find_frame_cues` output
        with ``article_id``; duplicates are collapsed).
    gold : pandas.DataFrame
        Human codes, same columns (e.g. :func:`explode_codes` of a coding sheet).
    keys : sequence of str
        The unit key columns.
    label : str
        The code column.
    units : pandas.DataFrame, optional
        The units that were coded (``keys`` columns), e.g. the coding sheet: predictions on
        other units are ignored. By default all units present in either table.
    labels : iterable of str, optional
        The frames to report (default: all seen, sorted).

    Returns
    -------
    pandas.DataFrame
        One row per frame, then ``micro`` and ``macro`` rows: ``frame``, ``support`` (gold
        units with the frame), ``n_predicted``, ``tp``, ``fp``, ``fn``, ``precision``,
        ``recall``, ``f1`` (NaN where undefined; macro averages skip NaN).

    Examples
    --------
    >>> p = pd.DataFrame({"article_id": ["a", "a"], "sentence_id": [0, 1], "frame": ["x", "x"]})
    >>> g = pd.DataFrame({"article_id": ["a"], "sentence_id": [0], "frame": ["x"]})
    >>> frame_precision_recall(p, g)[["frame", "tp", "fp", "precision", "recall"]].head(1)
      frame  tp  fp  precision  recall
    0     x   1   1        0.5     1.0

    References
    ----------
    Card, D. et al. (2015). The Media Frames Corpus. *Proceedings of ACL-IJCNLP 2015*, 438-444.
    """
    keys = list(keys)

    def pairs(df: pd.DataFrame) -> set[tuple]:
        missing = [c for c in [*keys, label] if c not in df.columns]
        if missing:
            raise ValueError(f"table lacks columns {missing}")
        return set(map(tuple, df[[*keys, label]].astype(object).itertuples(index=False)))

    pred, true = pairs(predicted), pairs(gold)
    if units is not None:
        allowed = set(map(tuple, units[keys].astype(object).itertuples(index=False)))
        pred = {p for p in pred if p[:-1] in allowed}
        true = {t for t in true if t[:-1] in allowed}
    names = sorted(labels) if labels is not None else sorted({p[-1] for p in pred | true})
    rows = []
    for f in names:
        ps = {p[:-1] for p in pred if p[-1] == f}
        ts = {t[:-1] for t in true if t[-1] == f}
        tp, fp, fn = len(ps & ts), len(ps - ts), len(ts - ps)
        prec, rec = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = _ratio(2 * tp, 2 * tp + fp + fn)
        rows.append((f, len(ts), len(ps), tp, fp, fn, prec, rec, f1))
    out = pd.DataFrame(rows, columns=list(PRF_COLUMNS))
    tp, fp, fn = out["tp"].sum(), out["fp"].sum(), out["fn"].sum()
    micro = ("micro", int(out["support"].sum()), int(out["n_predicted"].sum()), int(tp),
             int(fp), int(fn), _ratio(tp, tp + fp), _ratio(tp, tp + fn),
             _ratio(2 * tp, 2 * tp + fp + fn))
    macro = ("macro", int(out["support"].sum()), int(out["n_predicted"].sum()), int(tp),
             int(fp), int(fn), out["precision"].mean(), out["recall"].mean(), out["f1"].mean())
    out = pd.concat([out, pd.DataFrame([micro, macro], columns=list(PRF_COLUMNS))],
                    ignore_index=True)
    return out.astype({"support": "int64", "n_predicted": "int64", "tp": "int64",
                       "fp": "int64", "fn": "int64", "precision": "float64",
                       "recall": "float64", "f1": "float64"})
