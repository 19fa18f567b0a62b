"""``pdftotext -layout`` dumps: detection and column splitting."""
from __future__ import annotations

from baozhi.layout.columns import is_layout_dump, layout_streams
from baozhi.model import Source
from baozhi.readers.dump import read_dump

LEFT = ["    本报讯（记者 焦   斌）近日，", "农业农村部官网发布公告，对第", "三批全国乡村治理示范村镇名单", "进行公示。",
        "    据悉，我市上榜的有永济市", "栲栳镇和垣曲县皋落乡皋落村、", "平陆县张店镇风口村等。", "    下一步，将继续推进乡村治",
        "理工作，提升治理水平，推动乡", "村振兴。"]
RIGHT = ["    10月9日，兴庆区清苑社区", "联合辖区企业开展垃圾分类宣传", "活动。", "    活动中，志愿者向居民讲解",
         "了垃圾分类的方法和意义，帮助", "居民更好理解垃圾分类。居民胡", "霞说：“我们以后不会扔错了。”", "    平时，居民们通过正确投放",
         "垃圾来积分，积分可以兑换各种", "生活用品。"]


def _dump() -> str:
    # a CJK character is one cell in -layout output; the right column starts at cell 24
    rows = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)]
    return "\n".join(rows) + "\n"


def test_is_layout_dump():
    assert is_layout_dump(_dump())
    assert not is_layout_dump("\n".join(LEFT + RIGHT))
    assert not is_layout_dump("")


def test_layout_streams_split_columns_and_keep_padded_names():
    text = _dump()
    page = read_dump(Source.make(text.encode(), "x.txt", text, "utf-8"))
    assert page.dump_kind == "layout"
    streams = layout_streams(page)
    got = [ln.text.value for s in streams for ln in s]
    assert got == [s.strip() for s in LEFT] + [s.strip() for s in RIGHT]
    # every line is an exact slice of the source
    for s in streams:
        for ln in s:
            a, b = ln.text.span()
            assert text[a:b] == ln.text.value
    assert [ln.indent for ln in streams[0]][:2] == [4.0, 0.0]
