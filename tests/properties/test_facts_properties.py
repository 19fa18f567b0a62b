"""Property tests: the extractor never crashes, and every offset points at what it names."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baozhi.facts import extract_article, merge_page

# text built from the pieces government news is made of, plus arbitrary characters
PIECES = ["区委书记", "区长", "、", "，", ",", "。", "主持召开", "区政府第", "5", "次常务会议", "出席", "列席",
          "张", "晓", "勇", "欧阳", "·", "热合曼", "同志", "总书记", "习近平", "审议", "《", "》", "方案",
          "(", ")", "（", "）", "记者", " ", "\n", "6月12日", "2024年", "会议", "召开", "及", "兼", "等",
          "區長", "會議", "“", "”", "領導", "连同", "探访", "局长", "第五十二次", "作", "报告"]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=60).map("".join),
)


def _check_offsets(text: str, f: dict) -> None:
    for p in f["persons"]:
        assert p["mentions"]
        for s, e in p["mentions"]:
            assert 0 <= s < e <= len(text)
            assert re.sub(r"\s+", "", text[s:e]) == p["name"]
    for m in f["meetings"]:
        for s, e in m["evidence"]:
            assert 0 <= s < e <= len(text)
    for s, e in f["date_evidence"]:
        assert 0 <= s < e <= len(text)
    for (s, e), r in zip(f["reporter_mentions"], f["reporters"]):
        assert re.sub(r"\s+", "", text[s:e]) == r


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.one_of(st.none(), st.just("2024-06-13"), st.text(max_size=12)))
def test_never_crashes_and_offsets_point_at_names(text, page_date):
    f = extract_article(text, page_date=page_date)
    assert set(f) >= {"date", "reporters", "persons", "meetings", "cited_meetings", "documents"}
    _check_offsets(text, f)
    for m in f["meetings"]:
        assert isinstance(m["name"], str) and m["name"]
        assert m["ordinal"] is None or isinstance(m["ordinal"], int)
    assert f["date"] is None or re.fullmatch(r"(\d{4}|-)-\d{2}-\d{2}", f["date"])


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, max_size=4))
def test_merge_page_never_crashes(parts):
    page = merge_page([extract_article(t) for t in parts])
    names = [p["name"] for p in page["persons"]]
    assert len(names) == len(set(names))
