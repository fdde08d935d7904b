"""Tests for coverage.agreement.

Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", worked examples:

* Binary data, two observers, no missing data (10 units):
      A: 0 1 0 0 0 0 0 0 1 0
      B: 1 1 1 0 0 1 0 0 0 0
  Coincidences: 4 disagreeing units -> o_01 = o_10 = 4; o_00 = 2*5 = 10, o_11 = 2*1 = 2;
  n_0 = 14, n_1 = 6, n = 20.  alpha = 1 - (n - 1) * o_01 / (n_0 * n_1) = 1 - 19*4/84
  = 1 - 76/84 = 0.0952 (the paper's 0.095).  The hand arithmetic, not our function, gives the
  expected value.

* Nominal data, 4 observers, 12 units, missing values (the paper's section C):
      A: 1 2 3 3 2 1 4 1 2 . . .
      B: 1 2 3 3 2 2 4 1 2 5 . 3
      C: . 3 3 3 2 3 4 2 2 5 1 .
      D: 1 2 3 3 2 4 4 1 2 5 1 .
  Published: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797 (ordinal and ratio also
  asserted by the tests of pln-fing-udelar/fast-krippendorff). Hand check of the nominal value:
  unit 12 has one value and is not pairable. Coincidences (weight 1/(m_u - 1) per ordered pair):
      u1 1,1,1 -> o_11 += 3         u2 2,2,3,2 -> o_22 += 2, o_23 = o_32 += 1
      u3, u4 3x4 -> o_33 += 4 + 4   u5, u9 2x4 -> o_22 += 4 + 4     u7 4x4 -> o_44 += 4
      u6 1,2,3,4 -> each of 12 ordered distinct pairs += 1/3
      u8 1,1,2,1 -> o_11 += 2, o_12 = o_21 += 1      u10 5,5,5 -> o_55 += 3    u11 1,1 -> o_11 += 2
  margins n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3; n = 40.
  sum of off-diagonal o = 2 + 4 + 2 = 8; sum_{c != k} n_c n_k = 40^2 - (81+169+100+25+9) = 1216.
  alpha = 1 - (n - 1) * 8 / 1216 = 1 - 312/1216 = 0.7434 -> 0.743.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from coverage.agreement import (
    cohen_kappa,
    explode_codes,
    export_coding_sheet,
    frame_precision_recall,
    import_coding_sheet,
    krippendorff_alpha,
)

N = None
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


@pytest.mark.parametrize(
    ("level", "expected"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_2011_four_coders_missing(level: str, expected: float) -> None:
    assert round(krippendorff_alpha(K2011, level), 3) == expected


def test_krippendorff_2011_binary_two_coders() -> None:
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha([a, b]) == pytest.approx(1 - 76 / 84)
    assert round(krippendorff_alpha([a, b]), 3) == 0.095


def test_krippendorff_dataframe_nan_and_strings() -> None:
    df = pd.DataFrame(K2011, dtype="float64")  # None -> NaN
    assert round(krippendorff_alpha(df, "interval"), 3) == 0.849
    # nominal is label-invariant: recode numbers as strings, "" as missing
    names = {1: "a", 2: "b", 3: "c", 4: "d", 5: "e"}
    strs = [[names[v] if v is not None else "" for v in row] for row in K2011]
    assert round(krippendorff_alpha(strs), 3) == 0.743
    # ordinal with an explicit order of string categories
    order = ["a", "b", "c", "d", "e", "unused"]
    assert round(krippendorff_alpha(strs, "ordinal", values=order), 3) == 0.815


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # perfect agreement
        ([[1, 2, 3], [1, 2, 3]], 1.0),
        # hand: 2 coders, units (1,1),(1,2),(2,2): o_11=2, o_12=o_21=1, o_22=2; n_1=3, n_2=3,
        # n=6; alpha = 1 - 5*1/(3*3) = 4/9
        ([[1, 1, 2], [1, 2, 2]], 4 / 9),
        # a unit coded once is not pairable and is ignored
        ([[1, 1, 2, 7], [1, 2, 2, None]], 4 / 9),
    ],
)
def test_krippendorff_small_cases_by_hand(data, expected) -> None:
    assert krippendorff_alpha(data) == pytest.approx(expected)


def test_krippendorff_errors_and_undefined() -> None:
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha(K2011, "circular")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="two coders"):
        krippendorff_alpha([[1, N], [N, 2]])
    assert math.isnan(krippendorff_alpha([[1, 1], [1, 1]]))
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha([["a", "b"], ["a", "b"]], "interval")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # hand: p_o = 3/4; a: a2 b2, b: a1 b3 -> p_e = (2*1 + 2*3)/16 = 0.5; (0.75-0.5)/0.5 = 0.5
        (["a", "a", "b", "b"], ["a", "b", "b", "b"], 0.5),
        # hand: p_o = 0; p_e = (1*1 + 1*1)/4 = 0.5 -> -1
        (["x", "y"], ["y", "x"], -1.0),
        # missing units are dropped pairwise -> same as the first case
        (["a", "a", "b", "b", None], ["a", "b", "b", "b", "a"], 0.5),
    ],
)
def test_cohen_kappa_by_hand(a, b, expected) -> None:
    assert cohen_kappa(a, b) == pytest.approx(expected)


def test_coding_sheet_round_trip(tmp_path: Path) -> None:
    sents = pd.DataFrame({"article_id": ["b", "a", "a"], "sentence_id": [0, 1, 0],
                          "text": ["Third, with comma.", "Second \"quoted\".", "First."],
                          "compound": [0.1, 0.2, 0.3]})
    path = tmp_path / "sheet.csv"
    sheet = export_coding_sheet(sents, path, code_columns=("frame", "tone"))
    assert sheet.columns.tolist() == ["article_id", "sentence_id", "text", "frame", "tone"]
    assert sheet[["article_id", "sentence_id"]].values.tolist() == [["a", 0], ["a", 1], ["b", 0]]
    # a coder fills in the sheet
    filled = path.read_text(encoding="utf-8").splitlines()
    filled[1] += "economic; political,neg"
    filled[1] = filled[1].replace(",,economic; political,neg", ",\"economic; political\",neg")
    path.write_text("\n".join(filled) + "\n", encoding="utf-8")
    back = import_coding_sheet(path)
    assert back["text"].tolist() == ["First.", "Second \"quoted\".", "Third, with comma."]
    assert back["frame"].tolist() == ["economic; political", "", ""]
    assert back["sentence_id"].dtype == np.int64
    long = explode_codes(back)
    assert long.values.tolist() == [["a", 0, "economic"], ["a", 0, "political"]]


def test_import_rejects_bad_sheets() -> None:
    with pytest.raises(ValueError, match="lacks columns"):
        import_coding_sheet(io.StringIO("article_id,text\na,x\n"))
    with pytest.raises(ValueError, match="line 2: sentence_id"):
        import_coding_sheet(io.StringIO("article_id,sentence_id,text,frame\na,one,x,\n"))


def test_frame_precision_recall_by_hand() -> None:
    key = ["article_id", "sentence_id"]
    pred = pd.DataFrame([("a", 0, "legal"), ("a", 1, "legal"), ("a", 1, "crime"),
                         ("a", 2, "crime"), ("a", 9, "crime")], columns=[*key, "frame"])
    gold = pd.DataFrame([("a", 0, "legal"), ("a", 1, "crime"), ("a", 3, "crime")],
                        columns=[*key, "frame"])
    units = pd.DataFrame({"article_id": ["a"] * 4, "sentence_id": [0, 1, 2, 3]})
    out = frame_precision_recall(pred, gold, units=units).set_index("frame")
    # unit (a, 9) was not coded -> ignored.
    # legal: pred {0,1}, gold {0}: tp 1, fp 1, fn 0 -> P .5, R 1, F1 2/3
    # crime: pred {1,2}, gold {1,3}: tp 1, fp 1, fn 1 -> P .5, R .5, F1 .5
    assert out.loc["legal", ["tp", "fp", "fn"]].tolist() == [1, 1, 0]
    assert out.loc["legal", "f1"] == pytest.approx(2 / 3)
    assert out.loc["crime", ["precision", "recall", "f1"]].tolist() == [0.5, 0.5, 0.5]
    # micro: tp 2, fp 2, fn 1 -> P .5, R 2/3, F1 4/7; macro F1 = (2/3 + 1/2)/2 = 7/12
    assert out.loc["micro", "precision"] == 0.5
    assert out.loc["micro", "recall"] == pytest.approx(2 / 3)
    assert out.loc["micro", "f1"] == pytest.approx(4 / 7)
    assert out.loc["macro", "f1"] == pytest.approx(7 / 12)
