"""Every text of the shared facts corpus end to end, scored with the shared scorer.

The corpus lives outside the repository (``../shared/corpus/facts``); the tests skip when it is
absent. Floors are the scores reached, exactly: a drop fails the build.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from baozhi.facts import extract_article, merge_page

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "facts"
SCORER = SHARED / "eval" / "score_facts.py"

pytestmark = pytest.mark.skipif(not (CORPUS.is_dir() and SCORER.is_file()), reason="shared corpus absent")

#: per-field F1 reached on the 31 dev texts (30 web texts + the seed page)
FLOORS = {"reporters": 1.0, "persons": 1.0, "titles": 1.0, "documents": 1.0, "meetings": 1.0,
          "meeting_fields": 1.0}
DATE_ACCURACY = 1.0
OVERALL = 1.0

_CJK = "\u4e00-\u9fff"


def _scorer():
    spec = importlib.util.spec_from_file_location("score_facts", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def seed_articles(raw: str) -> list[str]:
    """The seed page as the page parser hands it over: three articles, headlines cut off."""
    text = "".join(ln.strip() for ln in raw.splitlines() if ln.strip())
    text = re.sub(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])", "", text)
    out = []
    for p in re.split(r"(?=本报讯)", text):
        if p.startswith("本报讯"):
            out.append(p[: p.rfind("。") + 1])
    return out


def _ids():
    if not CORPUS.is_dir():
        return []
    return sorted(p.name[: -len(".truth.json")] for p in CORPUS.glob("*.truth.json"))


def _predict(tid: str) -> tuple[list[str], dict, list[dict]]:
    raw = (CORPUS / f"{tid}.txt").read_text(encoding="utf-8")
    if tid == "seed_page":
        arts = seed_articles(raw)
        per = [extract_article(a) for a in arts]
        return arts, merge_page(per), per
    f = extract_article(raw)
    return [raw], f, [f]


@pytest.fixture(scope="module")
def predictions():
    return {tid: _predict(tid) for tid in _ids()}


def test_corpus_scores_hold_their_floors(predictions, tmp_path):
    sc = _scorer()
    for tid, (_, page, _) in predictions.items():
        (tmp_path / f"{tid}.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    summary, _ = sc.evaluate(str(CORPUS), str(tmp_path))
    got = {f: round(summary["fields"][f]["f1"], 3) for f in FLOORS}
    assert got == FLOORS
    assert summary["date_accuracy"] >= DATE_ACCURACY
    assert summary["overall_f1"] >= OVERALL


@pytest.mark.parametrize("tid", _ids())
def test_each_text_end_to_end(predictions, tid):
    sc = _scorer()
    arts, page, per = predictions[tid]
    truth = sc.Doc(json.loads((CORPUS / f"{tid}.truth.json").read_text(encoding="utf-8")))
    res = sc.score_pair(sc.Doc(page), truth)
    for f in ("reporters", "persons", "titles", "documents", "meetings", "meeting_fields"):
        tp, n_pred, n_true = res[f]
        assert tp == n_pred == n_true, (tid, f, res[f])
    assert res["date_ok"], tid
    # provenance: every offset points at the string it names
    for text, f in zip(arts, per):
        for p in f["persons"]:
            for s, e in p["mentions"]:
                assert re.sub(r"\s+", "", text[s:e]) == p["name"]
        for m in f["meetings"]:
            assert m["evidence"] and all(0 <= s < e <= len(text) for s, e in m["evidence"])


def test_exact_values_seed_page(predictions):
    _, page, _ = predictions["seed_page"]
    assert page["date"] == "2024-06-12"
    assert page["reporters"] == ["涂燕", "彭禹乔"]
    assert {p["name"]: p["titles"] for p in page["persons"]}["常晓勇"] == ["永川区委副书记", "区长", "区委副书记"]
    assert [(m["name"], m["organizer"], m["kind"], m["ordinal"]) for m in page["meetings"]] == [
        ("区政府第58次常务会议", "区政府", "常务会议", 58),
        ("永川区委常委会会议", "永川区委常委会", "常委会会议", None),
        ("区委外事工作委员会第六次全体会议", "区委外事工作委员会", "全体会议", 6)]
    assert page["meetings"][0]["attendees"] == ["宋文", "王寒峰", "宋朝均", "徐秀霞", "李世红", "漆远英", "甘宇"]
    assert page["documents"] == ["永川区公共卫生能力提升三年行动计划（2023—2025年）（送审稿）",
                                 "防范化解金融风险问责规定（试行）"]


def test_exact_values_traditional_text(predictions):
    _, page, _ = predictions["005"]
    assert page["persons"][0]["name"] == "包柏" and page["persons"][0]["titles"] == ["區委副書記", "區長"]
    assert [m["kind"] for m in page["meetings"]] == ["黨組會議", "常務會議"]


def test_exact_values_hong_kong_titles(predictions):
    _, page, _ = predictions["023"]
    titles = {p["name"]: p["titles"] for p in page["persons"]}
    assert titles["包佳盛"] == ["民政及青年事务局局长"]
    assert titles["林陈慧雯"] == ["公务员事务局局长"]
    assert page["meetings"] == [] and page["date"] == "2024-02-07"
