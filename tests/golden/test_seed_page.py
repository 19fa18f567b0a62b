"""The real seed page must come out exactly as its hand-made truth."""
import re

from baozhi.pipeline import Settings, process_source
from baozhi.render import to_dict

from conftest import ROOT

WS = re.compile(r"\s+")


def ns(s):
    return WS.sub("", s or "")


def parse_seed():
    raw = (ROOT / "examples" / "seed_page.txt").read_bytes()
    [r] = process_source(raw, "seed_page.txt", Settings(check=True))
    return to_dict(r)


def test_seed_articles_exact(seed_truth):
    d = parse_seed()
    assert len(d["articles"]) == len(seed_truth["articles"]) == 3
    for got, want in zip(d["articles"], seed_truth["articles"]):
        assert [ns(h) for h in got["headline"]] == [ns(h) for h in want["headline"]]
        assert got["byline"] == want["byline"]
        assert [ns(p) for p in got["paragraphs"]] == [ns(p) for p in want["paragraphs"]]


def test_seed_header_empty_and_nothing_unassigned():
    d = parse_seed()
    assert d["header"] == []
    assert d["unassigned"] == []


def test_seed_bylines_datelines_reporters():
    d = parse_seed()
    assert [a["reporters"] for a in d["articles"]] == [["涂燕"], ["彭禹乔"], ["彭禹乔"]]
    assert [a["dateline"] for a in d["articles"]] == ["6月12日"] * 3
    assert all(a["byline_inline"] for a in d["articles"])


def test_seed_source_spans_point_at_text():
    raw = (ROOT / "examples" / "seed_page.txt").read_text("utf-8")
    d = parse_seed()
    first = d["articles"][0]
    s, e = first["source_spans"][0]
    assert raw[s:e].startswith("本报讯（渝西都市报记者 涂 燕）6月")
    assert raw[s:e].endswith("（送审稿）》。")
