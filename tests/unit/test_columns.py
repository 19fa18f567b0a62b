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


def _page(text: str):
    return read_dump(Source.make(text.encode(), "x.txt", text, "utf-8"))


def _rows(text: str) -> list[list[str]]:
    """Segments of each row as the column splitter cuts them (before reading order)."""
    from baozhi.layout.columns import _local_coverage, _merge_row, _segments

    rows = text.split("\n")
    segs = [_segments(r) for r in rows]
    return [[r[a:b] for a, b in _merge_row(ss, cov, r)] for r, ss, cov in zip(rows, segs, _local_coverage(segs))]


def test_deeply_indented_rows_make_a_layout_dump():
    # the right column runs on alone below the left one: rows that start far right count as laid out
    rows = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT[:4], RIGHT[:4])]
    rows += [" " * 24 + b for b in RIGHT[4:]] * 3
    assert is_layout_dump("\n".join(rows) + "\n")


def test_gutter_is_local_to_nearby_rows():
    # a caption spanning both columns far below does not hide the gutter of these rows
    cap = "图为居民在社区参加垃圾分类宣传活动，志愿者向居民讲解分类方法。"
    rows = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)] + [""] * 12 + [cap] * 12
    got = _rows("\n".join(rows))
    assert got[1] == [LEFT[1], RIGHT[1]]
    assert got[-1] == [cap]


def test_letter_spaced_headline_stays_whole_across_gutters():
    head = "非    遗     传     人   展     示   传   统   技    艺"
    rows = [head] + [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)]
    assert _rows("\n".join(rows))[0] == [head]


def test_blank_row_is_a_vertical_gap():
    # the text below is laid out differently (one column): the blank row is a gap
    text = "\n".join([a + " " * (24 - len(a)) + b for a, b in zip(LEFT[:4], RIGHT[:4])] + [""]
                     + [" " * 24 + b for b in RIGHT[4:]]) + "\n"
    lines = [ln for s in layout_streams(_page(text)) for ln in s]
    ys = sorted({ln.bbox[1] for ln in lines})
    assert ys[3] == 3.0 and ys[4] == 5.5  # the blank row (row 4) counts 1.5 rows


def _segs(rows_text: list[str]):
    from baozhi.layout.columns import _local_coverage, _merge_row, _Seg, _segments

    segs = [_segments(row) for row in rows_text]
    return [[_Seg(r, a, b, row[a:b]) for a, b in _merge_row(ss, cov)]
            for r, (row, ss, cov) in enumerate(zip(rows_text, segs, _local_coverage(segs)))]


def test_headline_sized_and_widened_over_its_columns():
    from baozhi.layout.columns import _size_headlines

    # a 2-column module: body 14 ems wide, column pitch 24 cells; its title sits alone in a row
    rows = _segs(["我市举行集中签约仪式"] + [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)])
    _size_headlines(rows)
    head = rows[0][0]
    assert head.head and head.x1 > 24  # ten 2-em characters reach into the second column
    assert not any(s.head for row in rows[1:] for s in row)


def test_headline_pieces_of_one_row_join_and_stop_short_of_text_beside():
    from baozhi.layout.columns import _size_headlines

    body = [a + " " * (24 - len(a)) + b + " " * (36 - len(b)) + a for a, b in zip(LEFT, RIGHT)]
    head = "探寻嘉州春天" + " " * 10 + "共话乡村振兴"
    rows = _segs([head + " " * (60 - len(head)) + "市区中山大道"] + body)
    _size_headlines(rows)
    assert [s.text for s in rows[0]] == ["探寻嘉州春天" + " " * 10 + "共话乡村振兴", "市区中山大道"]
    assert rows[0][0].head and rows[0][0].x1 <= rows[0][1].a - 2


def test_tail_and_first_lines_are_not_headlines():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["注意听从现场交警指挥本报记者", "姚仕安摄", "", "  据农业农村部官网9月4", "日发布的《第三批全国乡村治理",
                  "范村镇名单公示公告》，农业农"] + LEFT)
    _size_headlines(rows)
    assert not any(s.head for row in rows for s in row)


def test_furniture_pieces_are_never_merged():
    rows = ["南屏日报            2024年8月28日   星期六   责任编辑 吴昊", " " * 60 + "城区       第7版"]
    got = _rows("\n".join(rows))
    assert got[0] == ["南屏日报", "2024年8月28日", "星期六", "责任编辑 吴昊"]
    assert got[1] == ["城区", "第7版"]


def test_title_over_subtitle_is_a_headline_line():
    from baozhi.layout.columns import _size_headlines

    # a column-wide title is ambiguous alone; the wider subtitle right below it makes it a headline
    rows = _segs(["", "镇原县 14 个重点项目集中开工", "邵建国曹东升彭晓峰钟小川潘胜利等出席开工仪式", "   本报讯（记者 冯晓晓）"] + LEFT)
    _size_headlines(rows)
    assert [s.head for row in rows[1:4] for s in row] == [True, True, False]


def test_indented_line_under_running_text_is_a_paragraph_start():
    from baozhi.layout.columns import _size_headlines

    # the last line of a column opens a paragraph that runs on in the next column
    rows = _segs(LEFT[:3] + ["进行公示，工作成果良好。", "    签约项目代表纷纷表示将"])
    _size_headlines(rows)
    assert not rows[-1][0].head


def test_headline_over_its_own_body_is_not_capped_by_it():
    from baozhi.layout.columns import _size_headlines

    body = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)]
    rows = _segs(["我市举行集中签约仪式"] + body)
    _size_headlines(rows)
    assert rows[0][0].x1 > 24  # the row below starts under the headline: that is its body
    rows = _segs(["", "镇原县重点项目", " " * 20 + RIGHT[0], "集中开工"] + [" " * 20 + b for b in RIGHT[1:]])
    _size_headlines(rows)
    assert rows[1][0].head and rows[1][0].x1 <= 18  # rows beside it hold only the next module


def test_caption_lines_interleaved_with_another_column_are_not_headlines():
    from baozhi.layout.columns import _size_headlines

    cap = ["沈阳市沈河区五里河街道联合嘉里中心开展消防安全应急演", "练活动，街道、社区工作人员和志愿者、救援人员以及企业",
           "职工等300余人参加了演练。"]
    rows = []
    for k, c in enumerate(cap):
        rows += [" " * 30 + c, LEFT[k]]
    rows = _segs(rows + LEFT[3:] + LEFT[1:3] * 2)
    _size_headlines(rows)
    assert not any(s.head for row in rows for s in row)


def test_column_wide_title_over_an_indented_first_line_is_a_headline():
    from baozhi.layout.columns import _size_headlines

    # as wide as a body line, but alone under a blank band with an indented first line below
    rows = _segs(["", "", "一季度我市经济增速居全省第 2 位", "    4月23日，记者从市统计局了"] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert rows[2][0].head


def test_blank_row_cuts_the_tail_rule():
    from baozhi.layout.columns import _size_headlines

    rows = _segs([LEFT[1], "", "探寻嘉州春天      共话乡村", "    本报讯（记者 林 涛）近日，"] + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert rows[2][0].head


def test_headlines_of_two_modules_side_by_side_are_cut_at_a_column_edge():
    from baozhi.layout.columns import _size_headlines

    body = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)] * 2
    head = "区委理论学习中心" + " " * 16 + "非    遗     传     人"
    rows = _segs([head, ""] + body)
    _size_headlines(rows)
    assert [s.text for s in rows[0]] == ["区委理论学习中心", "非    遗     传     人"]
    # a second title piece on a column's left edge is another module's headline
    rows = _segs(["市区中山大道" + " " * 18 + "城区五所学校", ""] + body)
    _size_headlines(rows)
    assert [s.text for s in rows[0]] == ["市区中山大道", "城区五所学校"]


def test_blank_row_under_a_headline_row_is_not_a_gap():
    body = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)] * 2
    text = "\n".join(["", "我市举行集中签约仪式", ""] + body) + "\n"
    lines = [ln for s in layout_streams(_page(text)) for ln in s]
    head = next(ln for ln in lines if ln.text.value.startswith("我市"))
    first = min(ln.bbox[1] for ln in lines if ln is not head)
    assert first - head.bbox[1] == 1.5  # one row, plus half a row for the blank one


def test_centred_headline_alone_in_its_rows_covers_its_body():
    body = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)] * 2
    text = "\n".join(["", " " * 14 + "畅 游 开 州", ""] + body) + "\n"
    streams = layout_streams(_page(text))
    lines = [ln for s in streams for ln in s]
    head = next(ln for ln in lines if ln.text.value.startswith("畅"))
    assert head.bbox[0] == 4.0 and head.span_cols == 2  # from the first body row (indented) to its end
    assert lines[0] is head  # read before both columns of its body


def test_pieces_wider_together_than_a_column_line_stay_apart():
    from baozhi.layout.columns import _local_coverage, _merge_row, _segments

    # a caption spanning both columns nearby covers the gap: the width alone tells two columns
    row = "   本报讯（记者 吴 航 通讯    19个，新建项目33个，项目总"
    rows = ["图为居民在社区参加垃圾分类宣传活动，志愿者向居民讲解分类方法及意义。"] * 3 + [row]
    segs = [_segments(r) for r in rows]
    cov = list(_local_coverage(segs))[-1]
    assert [row[a:b] for a, b in _merge_row(segs[-1], cov, row, 14.0)] == ["本报讯（记者 吴 航 通讯", "19个，新建项目33个，项目总"]
    assert [row[a:b] for a, b in _merge_row(segs[-1], cov, row)] == [row.strip()]


def test_widely_letter_spaced_title_row_is_one_line():
    row = " " * 15 + "探" + " " * 10 + "寻 嘉 州 春" + " " * 41 + "天"
    assert _rows("\n".join([row] + [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)]))[0] == [row.strip()]


def test_centred_title_may_hold_a_comma():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["", "          三江口村办小报，沟通了", "    10月22日上午，记者来到三", "都镇三江口村采风，看到该村委会"] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert rows[1][0].head


def test_centred_title_in_two_pieces_is_one_line_over_its_body():
    body = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)] * 2
    head = " " * 8 + "探寻嘉州春天" + " " * 14 + "共话乡村振兴"
    text = "\n".join(["", head, ""] + body) + "\n"
    lines = [ln for s in layout_streams(_page(text)) for ln in s]
    assert lines[0].text.value == head.strip() and lines[0].span_cols == 2


def test_headline_does_not_reach_over_columns_its_body_leaves_empty():
    from baozhi.layout.columns import _size_headlines

    # a one-column article: its title would reach into the next column, which is empty below it
    far = [" " * 60 + b for b in RIGHT]
    rows = _segs(["", "组举行集体学习会议", "    12月16日，区委理论学习中"] + [a + " " * (60 - len(a)) + b for a, b in zip(LEFT, RIGHT)] + far)
    _size_headlines(rows)
    assert rows[1][0].head and rows[1][0].x1 <= 20  # the widest line of its own column


def test_headline_bound_by_its_body_below_a_gap():
    from baozhi.layout.columns import _size_headlines

    far = [" " * 60 + b for b in RIGHT]
    rows = _segs(["", "福路交会处经常塞车", "", "", "", "连日来，不少市民向本报报料，"] + LEFT[1:] + far + far)
    _size_headlines(rows)
    assert rows[1][0].head and rows[1][0].x1 <= 15


def test_column_wide_title_between_blank_rows_is_a_headline():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["", "区十六届人大一次会议主席团", "", "    1月14日上午，区十六届"] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert rows[1][0].head


def test_photo_credit_line_is_not_a_headline():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["全力以赴确保电网安全稳定运行。", "毛如瑞摄", "", "", "本报记者 方宇 文/图", ""] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert not rows[1][0].head and not rows[4][0].head


def test_short_line_under_a_title_line_is_no_paragraph_tail():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["", "第三批全国乡村治理示范村镇名单公", "我市 1 镇 3 村上榜", "    运城晚报讯（记者 焦斌）近日"] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert rows[2][0].head


def test_short_tail_of_a_wide_caption_paragraph_gets_the_block_width():
    from baozhi.layout.columns import _body_width, _size_headlines, _widen_block_tails

    cap = "1月29日，老人们在济南市长清区马山镇综合养老服务中心餐厅"
    rows = _segs([cap, "内就餐。", "近年来，山东省济南市长清区聚焦老年助餐服务，探索建立"] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    _widen_block_tails(rows, _body_width([s for r in rows for s in r]))
    assert rows[1][0].x1 == rows[0][0].x1 == len(cap)


def test_title_with_a_comma_over_an_indented_first_line_is_a_headline():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["", "三江口村办小报，沟通了民意", "   10月22日上午，记者来到"] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert rows[1][0].head


def test_blank_row_crossed_by_running_columns_is_spacing():
    two = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)]
    text = "\n".join(two[:4] + [""] + two[4:]) + "\n"
    lines = [ln for s in layout_streams(_page(text)) for ln in s]
    ys = sorted({ln.bbox[1] for ln in lines})
    assert ys[4] - ys[3] == 2.0  # the blank row counts as a plain row, not a gap
    text = "\n".join(two[:4] + ["", "   本报讯（记者 林涛）近日，" + " " * 9 + RIGHT[4]] + two[5:]) + "\n"
    lines = [ln for s in layout_streams(_page(text)) for ln in s]
    ys = sorted({ln.bbox[1] for ln in lines})
    assert ys[4] - ys[3] == 2.5  # an article opens below it: a gap


def test_column_wide_title_alone_between_blank_bands_is_a_headline():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(LEFT + ["", "", "济南：老年助餐服务暖民心呀", "", "", ""] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert rows[len(LEFT) + 2][0].head


def test_line_with_an_open_bracket_is_not_a_headline():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["", "本 报 讯 （ 全 媒 体 记 者", "郑磊）1月14日，区政协十届三次会"] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert not rows[1][0].head


def test_section_label_is_never_merged_with_a_headline():
    rows = ["简讯                      联合消防演练"] + [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)]
    assert _rows("\n".join(rows))[0] == ["简讯", "联合消防演练"]


def test_bracketed_closing_credit_is_not_a_headline():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(LEFT + ["（贺勇谭娅）", "", ""] + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert not rows[len(LEFT)][0].head


def test_title_line_wrapped_after_a_comma_mark_over_a_headline_line():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["", "市委、市人大常委会、市政府、", "市政协机关开展消防安全应急演练演练", "    本报讯 记者 蔡南报道 为深入"]
                 + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert [r[0].head for r in rows[1:4]] == [True, True, False]


def test_blank_row_above_a_headline_continuation_is_its_leading():
    body = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)] * 2
    text = "\n".join(["", "我市举行第三季度招商", " " * 24 + "本报讯（记者 林涛）近日", "", "引资项目集中签约仪式", ""] + body) + "\n"
    lines = [ln for s in layout_streams(_page(text)) for ln in s]
    y = {ln.text.value: ln.bbox[1] for ln in lines}
    assert y["引资项目集中签约仪式"] - y["本报讯（记者 林涛）近日"] == 1.5  # half a row for the blank one, not 1.5


def test_digits_padded_by_spaces_mark_a_headline_face():
    from baozhi.layout.columns import _digits_spaced, _size_headlines

    assert _digits_spaced("城区 5 所新改扩建学校如期开学") and _digits_spaced("居全省第 2 位")
    assert not _digits_spaced("1993 年 完 成 社 会 总 产 值")  # a justified body line spaces every character
    assert not _digits_spaced("总面积39.38平方公里，总人")
    # a title as wide as a column under a column's last line (no sentence end): not its tail
    rows = _segs(LEFT[:2] + ["", "城区 5 所新改扩建学校开学", "新增学位 4500 多个"])
    _size_headlines(rows)
    assert [s.head for s in rows[3] + rows[4]] == [True, True]


def test_short_letter_spaced_title_under_a_column_line_is_a_headline():
    from baozhi.layout.columns import _size_headlines

    # under a column line that runs on (no sentence end): not that paragraph's tail
    rows = _segs(LEFT[1:3] + ["迎 峰 度 冬 保 供 电"])
    _size_headlines(rows)
    assert [s.head for row in rows for s in row] == [False, False, True]


def test_column_wide_title_under_a_kicker_opens_its_article():
    from baozhi.layout.columns import _size_headlines

    # kicker 清苑社区 alone under a blank band, the title as wide as a column, the indented first line
    rows = _segs(["", "清苑社区", "", "积分兑换制激发垃圾分类新动能", "  10月9日，兴庆区清苑社区"] + LEFT[1:])
    _size_headlines(rows)
    assert [rows[1][0].head, rows[3][0].head, rows[4][0].head] == [True, True, False]


def test_column_lines_over_a_headline_are_no_kickers():
    from baozhi.layout.columns import _size_headlines

    # column lines without commas run on above a headline: only the headline is one
    rows = _segs(["屠宰场、种鸡场、污水处理厂和", "甘肃金星啤酒厂新厂区建设项", "", "城区 5 所新改扩建学校开学",
                  "新增学位 4500 多个"])
    _size_headlines(rows)
    assert [s.head for row in rows for s in row] == [False, False, True, True]


def test_headline_beside_another_module_headline_stops_over_its_own_body():
    from baozhi.layout.columns import _size_headlines

    # two modules side by side whose rows alternate (their baselines differ); each has a headline
    # in the first row: the text under the second headline is not the first one's body
    a, b = "区十六届人大一次会议主席", "区政协十届三次会议"
    rows = [a + " " * (26 - len(a)) + b, ""]
    for x, y in zip(LEFT, RIGHT):
        rows += [x, " " * 22 + y]
    segs = _segs(rows)
    _size_headlines(segs)
    assert [s.head for s in segs[0]] == [True, True]
    assert segs[0][0].x1 < 22  # over its own column only, not the next module's (cell 22)


def test_a_headline_line_under_a_headline_does_not_make_its_row_a_body_row():
    from baozhi.layout.columns import _size_headlines

    # 区委理论学习中心 / 组举行集体学习会议 over a one-column module; the next module's headline
    # beside it in the first row, its body beside it in the second: they bound its width
    rows = _segs(["", "区委理论学习中心" + " " * 12 + "三江口村办小报，沟通了民意",
                  "组举行集体学习会议" + " " * 11 + "10月22日上午，记者来到三都镇",
                  "  12月16日，区委理论学习中" + " " * 4 + "三江口村采风，看到该村委会办"] + [x + " " * (20 - len(x)) + y for x, y in zip(LEFT[1:], RIGHT[1:])])
    _size_headlines(rows)
    assert rows[1][0].head and rows[1][0].x1 <= 18


def test_headlines_of_one_row_over_two_modules_stay_apart():
    from baozhi.layout.columns import _modules_apart, _Seg

    s, t = _Seg(0, 2, 14, "济南：老年助餐服务暖民心", True), _Seg(0, 50, 56, "校园书声再起", True)
    photo_beside = [[s, t], [], [_Seg(2, 50, 64, "本报记者 方   宇 文/图")], [_Seg(3, 50, 64, "春暖花开，各地相继制定开学计")]]
    assert _modules_apart(photo_beside, s, t, [0, 26, 48], 14.0)
    side_by_side = photo_beside[:3] + [[_Seg(3, 2, 16, "近年来，山东省济南市长清区聚"), _Seg(3, 50, 64, "春暖花开，各地相继制定开学计")]]
    assert not _modules_apart(side_by_side, s, t, [0, 26, 48], 14.0)  # one module's columns under both
    assert not _modules_apart(photo_beside, s, t, [0], 14.0)  # no column starts between them


def test_column_lines_rows_apart_across_another_modules_rows_are_one_run():
    from baozhi.layout.columns import _chain_rows

    # the left column's lines are two rows apart: the row between holds only text of a module beside
    # it (set on other baselines); the box of each line reaches down to the next, no gap opens
    text = [LEFT[1], " " * 24 + RIGHT[1], LEFT[2], " " * 24 + RIGHT[2], LEFT[3], "",
            "    据悉，我市上榜的有永济市"]
    rows = _segs(text)
    got = _chain_rows(rows, [float(r) for r in range(len(rows))], 14.0, 1.2)
    assert got == {id(rows[0][0]): 2.0, id(rows[1][0]): 3.0, id(rows[2][0]): 4.0}  # both columns
    # not from a line ending a sentence to an unindented one, not to a byline, not across a blank row
    for last, first, between in (("平陆县张店镇风口村等地是示范村。", "理工作，提升治理水平，推动乡", RIGHT[1]),
                                 (LEFT[1], "本报讯（记者 焦   斌）近日，", RIGHT[1]), (LEFT[1], LEFT[2], "")):
        rows = _segs([last, " " * 24 + between, first])
        assert _chain_rows(rows, [0.0, 1.0, 2.0], 14.0, 1.2) == {}


def test_line_under_a_photo_credit_is_no_paragraph_tail():
    from baozhi.layout.columns import _size_headlines

    # a caption's last line ends with its credit: the short line under it is no tail of that text
    rows = _segs(["注意听从现场交警指挥本报记者姚仕安摄", "联合消防演练筑牢防火墙", "", "", "为提升企业及居民群众消防安全应急处置能力，"])
    _size_headlines(rows)
    assert rows[1][0].head


def test_headline_alone_in_its_stream_heads_the_caption_under_the_photo():
    from baozhi.layout.columns import _head_over_blank
    from baozhi.model import Line
    from baozhi.text import Text

    def ln(s, x0, y, x1, size=1.0):
        return Line(Text(s, list(range(len(s)))), bbox=(x0, y, x1, y + 1.0), font_size=size)

    head = [ln("非遗传人展示传统技艺", 0, 10, 24, 2.0)]
    caption = [ln("“十一”长假里，在沈阳世博园举办展演", 0, 16, 26), ln("活动。本报记者纪平摄", 0, 17, 10)]
    beside = [ln("省、市21家媒体记者走进", 40, 8, 54), ln("市中区，宣传推广市中区", 40, 9, 54)]
    assert _head_over_blank([beside, head, caption]) == [beside, head + caption]
    assert _head_over_blank([head, caption, beside]) == [head + caption, beside]
    # text of another stream between the headline and the lines below: they are not its photo's caption
    between = [ln("当天，记者们先后来到水口镇", 20, 5, 34), ln("水口镇龙窝村、平兴镇滑石", 20, 13, 34)]
    assert _head_over_blank([head, between, caption]) == [head, between, caption]


def test_wide_caption_lines_keep_a_size_for_paragraph_breaks():
    from baozhi.articles.paragraphs import split_paragraphs

    cap = ["1月29日，老人们在济南市长清区马山镇综合养老服务中心餐厅内", "就餐。",
           "近年来，山东省济南市长清区聚焦老年助餐服务，探索建立“餐食加工", "服务模式。新华社记者简峥摄"]
    text = "\n".join([a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)] + ["", ""] + cap) + "\n"
    streams = layout_streams(_page(text))
    caption = next(s for s in streams if s[0].text.value == cap[0])
    assert all(ln.font_size and ln.font_size > 0 for ln in caption)
    assert all(ln.font_size is None for s in streams if s is not caption for ln in s)  # column text
    assert [p.value for p in split_paragraphs(caption, 14.0, True)] == [cap[0] + cap[1], cap[2] + cap[3]]


def test_title_centred_over_a_centred_subtitle_is_a_headline_line():
    from baozhi.layout.columns import _centred_over, _Seg, _size_headlines

    title, sub = _Seg(0, 13, 27, "镇原县14个重点项目集中开工"), _Seg(1, 22, 45, "邵建国曹东升彭晓峰钟小川潘胜利等出席开工仪式")
    assert _centred_over(title, sub) and not _centred_over(_Seg(0, 0, 6, "非遗传人展示"), sub)
    rows = _segs(["", " " * 13 + "镇原县14个重点项目集中开工", " " * 22 + "邵建国曹东升彭晓峰钟小川潘胜利等出席开工仪式", "",
                  "    本报讯（记者 冯晓晓）3月10"] + LEFT[1:])
    _size_headlines(rows)
    assert [rows[1][0].head, rows[2][0].head] == [True, True]


def test_caption_lines_in_a_column_keep_a_size_for_paragraph_breaks():
    from baozhi.articles.paragraphs import split_paragraphs

    cap = ["为提升企业及居民群众消防安", "全应急处置能力。", "演练现场设置了被困人员应急", "疏散等环节。本报记者任远摄"]
    text = "\n".join([a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)] + ["", ""] + cap) + "\n"
    streams = layout_streams(_page(text))
    caption = next(s for s in streams if s[0].text.value == cap[0])
    assert all(ln.font_size and ln.font_size > 0 for ln in caption)
    assert [p.value for p in split_paragraphs(caption, 14.0, True)] == [cap[0] + cap[1], cap[2] + cap[3]]


def test_title_of_lone_characters_at_even_wide_gaps_is_one_line():
    head = " " * 13 + "“           冻           马          ”           加         鞭"
    rows = [head] + [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)]
    assert _rows("\n".join(rows))[0] == [head.strip()]
    # lone figures of a table at uneven gaps are not
    assert len(_rows("\n".join(["甲   乙                    丙  丁"] + rows[1:]))[0]) > 1


def test_kicker_ending_in_a_colon_over_a_headline_is_a_headline_line():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["", "济南：", "老年助餐服务暖民心", "", ""] + LEFT)
    assert not _segs(["济南："])[0][0].head
    _size_headlines(rows)
    assert [rows[1][0].head, rows[2][0].head] == [True, True]


def test_short_kicker_ending_in_a_comma_alone_under_a_blank_band_is_a_headline_line():
    from baozhi.layout.columns import _size_headlines

    rows = _segs(["", "三江口村办小报，", "沟通了民意宣传了政策", "", ""] + LEFT)
    _size_headlines(rows)
    assert [rows[1][0].head, rows[2][0].head] == [True, True]
    # the same line right under running text is not (a sentence runs on)
    rows = _segs(LEFT[1:3] + ["三江口村办小报，", "沟通了民意宣传了政策", "", ""] + LEFT)
    _size_headlines(rows)
    assert not rows[2][0].head


def test_digit_spaced_title_over_running_text_is_a_headline_line():
    from baozhi.layout.columns import _size_headlines

    # the subtitle's second piece stands over the next column's first line
    rows = _segs(["", "计划总投资 134.12 亿元", "19个，新建项目33个，项目总投", "资53.6亿元，重大前期项目17", "个。据了解，此次集中开工项目"]
                 + LEFT[1:])
    _size_headlines(rows)
    assert rows[1][0].head and not rows[2][0].head


def test_kicker_wrapped_after_a_pause_mark_reaches_its_title_across_other_rows():
    from baozhi.layout.columns import _size_headlines

    # rows of the module beside it (from cell 30) stand between the kicker and its title
    rows = _segs(["", " " * 2 + "市委、市人大常委会、市政府、"] + [" " * 30 + x for x in LEFT[1:4]]
                 + [" " * 2 + "市政协机关开展消防安全应急演练", "", ""] + LEFT)
    _size_headlines(rows)
    assert [rows[1][0].head, rows[5][0].head] == [True, True]


def test_column_lines_are_not_chained_across_a_kicker_widened_over_the_column():
    from baozhi.layout.columns import _chain_rows, _Seg

    # the line above runs on (into the next column); a kicker of the module below, set left of
    # the column but sized over it, lies between: the lines below are another module's
    def rows_with(kicker_x1: float):
        return [[_Seg(0, 20, 34, LEFT[1])], [_Seg(1, 50, 64, RIGHT[1])],
                [_Seg(2, 14, 18, "清苑社区", True, kicker_x1)], [_Seg(3, 20, 34, RIGHT[4])]]

    rows = rows_with(26.0)
    assert _chain_rows(rows, [0.0, 1.0, 2.0, 3.0], 14.0, 1.2) == {}
    rows = rows_with(19.0)  # a kicker beside the column only: the column's lines still chain
    assert _chain_rows(rows, [0.0, 1.0, 2.0, 3.0], 14.0, 1.2) == {id(rows[0][0]): 3.0}


def test_staircase_lines_chain_across_single_blank_rows_only_mid_sentence():
    from baozhi.layout.columns import _chain_rows, _Seg

    # the column's lines sit rows apart with a module beside's lines and one blank row between
    def rows_with(upper: str, lower: str, head_row: list):
        return [[_Seg(0, 20, 34, upper)], [_Seg(1, 50, 64, RIGHT[1])], [], head_row + [_Seg(3, 50, 64, RIGHT[2])],
                [_Seg(4, 20, 34, lower)] + ([_Seg(4, 0, 14, LEFT[4])] if head_row else [])]

    rows = rows_with(LEFT[1], LEFT[2], [])
    assert _chain_rows(rows, [0.0, 1.0, 2.0, 3.0, 4.0], 14.0, 1.2) == {id(rows[0][0]): 4.0}
    # not from a sentence end, nor to an indented line, nor across two blank rows
    rows = rows_with("平陆县张店镇风口村等地是示范村。", LEFT[4], [])
    assert _chain_rows(rows, [0.0, 1.0, 2.0, 3.0, 4.0], 14.0, 1.2) == {}
    rows = rows_with(LEFT[1], LEFT[2], [])
    rows.insert(2, [])
    assert _chain_rows(rows, [0.0, 1.0, 2.0, 2.5, 3.0, 4.0], 14.0, 1.2) == {}
    # a headline between whose body starts on the line's row: the line opens that module's column
    rows = rows_with(LEFT[1], LEFT[2], [_Seg(3, 0, 10, "区政协十届三次会议召开", True, 10.0)])
    assert _chain_rows(rows, [0.0, 1.0, 2.0, 3.0, 4.0], 14.0, 1.2) == {}


def test_line_under_a_credit_with_an_open_bracket_is_no_headline():
    from baozhi.layout.columns import _headline_like, _Seg

    # a padded credit wraps: the short line under its indented first line continues it
    above, s = _Seg(0, 4, 14, "广州日报讯（全媒体记"), _Seg(1, 0, 7, "者 莫嘉豪、石")
    assert not _headline_like(s, above, None, 12.0, 1.2)
    # the same short line under a closed credit stays a title candidate
    assert _headline_like(s, _Seg(0, 4, 14, "广州日报讯（记者）"), None, 12.0, 1.2)


def test_title_pieces_over_one_caption_line_are_one_headline_even_at_a_column_edge():
    from baozhi.layout.columns import _same_body_below, _size_headlines

    body = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)] * 2
    caption = "连日来，不少市民向本报报料，市区中山大道与永福路交会处每到上下班时段经常出现拥堵。"
    head = "市区中山大道塞车" + " " * 16 + "交警前往疏导"
    rows = _segs([head, "", "", caption, ""] + body)
    _size_headlines(rows)
    # the second piece starts on a column's left edge, but one caption line runs under both
    assert [s.text for s in rows[0]] == [head]
    assert rows[0][0].head
    # two modules' titles with their own bodies under them stay apart
    rows = _segs(["市区中山大道" + " " * 18 + "城区五所学校", ""] + body)
    _size_headlines(rows)
    assert not _same_body_below(rows, rows[0][0], rows[0][1])


def test_merged_row_is_cut_into_column_lines_at_the_column_edge():
    # columns at cells 0 and 16; in one row the right column's line follows the left one's after
    # a single space (a one-cell gutter): it is cut off and placed at its column's edge
    rows = [a + " " * (16 - len(a)) + b for a, b in zip(LEFT, RIGHT)]
    rows[1] = LEFT[1] + " " + RIGHT[1]
    text = "\n".join(rows) + "\n"
    lines = {ln.text.value: ln for s in layout_streams(_page(text)) for ln in s}
    left, right = lines[LEFT[1]], lines[RIGHT[1]]
    assert right.bbox[0] == 16.0 and right.column == 1
    assert left.bbox[2] <= 15.0 and left.column == 0
    assert text[right.text.span()[0]:right.text.span()[1]] == RIGHT[1]


def test_padded_credit_is_merged_across_a_gutter():
    from baozhi.layout.columns import _merge_row

    row = "本报记者 方     宇 文/图"
    segs = [(0, 6), (11, 16)]
    cov = [5] * 6 + [0] * 5 + [5] * 5 + [0, 0]
    assert _merge_row(segs, cov, row, 14.0) == [(0, 16)]
    # not a credit together: the gutter parts them
    row = "本报记者 方     春暖花开"
    assert _merge_row([(0, 6), (11, 15)], cov, row, 14.0) == [(0, 6), (11, 15)]


def test_credit_under_a_headline_is_set_with_it_for_the_cut():
    from baozhi.layout.columns import _credits_with_headlines, _Seg

    head = _Seg(0, 4, 10, "校园书声再起", True)
    credit = _Seg(3, 5, 17, "本报记者 方 宇 文/图")
    other = _Seg(2, 30, 44, "春暖花开，各地相继制定开学计")  # another module's row between
    rows = [[head], [], [other], [credit]]
    _credits_with_headlines(rows)
    assert credit.head
    body_credit = _Seg(1, 5, 17, "本报记者 方 宇 文/图")
    rows = [[_Seg(0, 4, 18, "春暖花开，各地相继制定开学计")], [body_credit]]
    _credits_with_headlines(rows)
    assert not body_credit.head


def test_kicker_over_a_title_does_not_bound_the_title():
    from baozhi.layout.columns import _size_headlines

    body = [a + " " * (24 - len(a)) + b for a, b in zip(LEFT, RIGHT)]
    rows = _segs([" " * 12 + "禹州市和沟村", "  药材大丰收村民腰包鼓", ""] + body)
    _size_headlines(rows)
    kicker, title = rows[0][0], rows[1][0]
    assert kicker.head and title.head
    # the kicker starts where the title's cells end but stands within its large characters
    assert title.x1 > kicker.a + 4


def test_column_lines_are_not_chained_across_or_into_a_section_label():
    from baozhi.layout.columns import _chain_rows

    # the left column runs on mid-sentence; a row beside it holds only another column's text: one run
    rows = _segs([" " * 24 + LEFT[1], RIGHT[1], " " * 24 + LEFT[2]])
    assert _chain_rows(rows, [0.0, 1.0, 2.0], 14.0, 1.2) == {id(rows[0][0]): 2.0}
    # a section label (简讯) between opens modules below it: a gap stays
    rows = _segs([" " * 24 + LEFT[1], "简讯", " " * 24 + LEFT[2]])
    assert _chain_rows(rows, [0.0, 1.0, 2.0], 14.0, 1.2) == {}
    # nor is a label the line a column line runs on into
    rows = _segs([LEFT[1], " " * 24 + RIGHT[1], "简讯"])
    assert _chain_rows(rows, [0.0, 1.0, 2.0], 14.0, 1.2) == {}


def test_title_alone_in_its_row_does_not_cover_a_body_under_another_modules_headline():
    from baozhi.layout.columns import _size_headlines

    body = [a + " " * (24 - len(a)) + b + " " * (24 - len(b)) + a for a, b in zip(LEFT, RIGHT)]
    title = " " * 46 + "延长县开工"
    rows = _segs([title, "凤冈十八个项目集中开工", ""] + body)
    _size_headlines(rows)
    assert rows[0][0].head and rows[0][0].x0 is None  # not widened over the row under both
    rows = _segs([" " * 14 + "畅 游 开 州", ""] + body)
    _size_headlines(rows)
    assert rows[0][0].x0 == 4.0  # alone over its body: it covers it


def test_column_line_alone_over_its_pushed_down_column_is_no_headline():
    from baozhi.layout.columns import _size_headlines

    # a column's first line, then a blank row and rows of another column only (a side headline's
    # module pushes this column's lines down): its column goes on from its left edge 3 rows below
    rows = _segs(LEFT + ["", "", " " * 24 + "市中区的好经验好做法好成效", "", "  其他栏目的文字", "  另一栏的文字",
                         " " * 24 + "宣传推广出去。"] + LEFT + LEFT[1:3] * 3)
    _size_headlines(rows)
    assert not rows[len(LEFT) + 2][0].head


def test_a_headline_whose_text_stands_past_another_headline_does_not_crash():
    # found by fuzzing: a -layout row where the only text under a headline lies beyond the next
    # headline of its row (no body piece to bound the headline's width)
    from baozhi.pipeline import Settings, process_source

    text = ("      会中通讯员摄2日\n\n”\u3000）本报记者图·中”  \n文  会\n报记图/长中\u3000本报员《\n/  摄\n议\u3000）\n"
            "月  版\n者  报")
    [r] = process_source(text.encode("utf-8"), "t.txt", Settings(check=True))
    assert r is not None


def test_the_page_cuts_run_with_room_for_deep_recursion(monkeypatch):
    # the recursive cuts take two frames per band: a page of thousands of rows (found by fuzzing:
    # 3000 rows of four columns) went past Python's default limit of 1000
    import sys

    import baozhi.layout.geometry as geometry
    from baozhi.pipeline import process_source

    seen = []
    real = geometry._Ctx.cut

    def cut(self, idx):
        seen.append(sys.getrecursionlimit())
        return real(self, idx)

    monkeypatch.setattr(geometry._Ctx, "cut", cut)
    before = sys.getrecursionlimit()
    text = "\n".join(["区政府召开常务会议研究部署工作。    市人大常委会召开主任会议听取报告。"] * 12)
    process_source(text.encode("utf-8"), "t.txt")
    assert seen and min(seen) >= geometry.CUT_RECURSION_LIMIT >= 10_000
    assert sys.getrecursionlimit() == before


def test_caption_line_short_in_ems_ends_its_paragraph_though_digits_fill_its_cells():
    # -layout gives every character one cell: `1月29日` takes as many cells as five ideographs,
    # so the caption's first line (31.5 ems) fills as many cells as the full lines (32.5 ems)
    caption = ["1月29日，老人们在济南市长清区马山镇综合养老服务中心餐厅内就餐。",
               "近年来，山东省济南市长清区聚焦老年助餐服务，探索建立“餐食加工+餐",
               "车配送+网格员上门”服务模式，依托街道综合养老服务中心、社区日间照",
               "料中心、农村幸福院等各类实体，建设、优化、提升服务网点332处，在全",
               "区实现“家门口”养老助餐服务全覆盖。新华社记者简峥摄"]
    text = _dump() + "\n\n" + "\n".join(caption) + "\n"
    from baozhi.pipeline import Settings, process_source
    from baozhi.render import to_dict

    [r] = process_source(text.encode(), "x.txt", Settings(check=True))
    [art] = [a for a in to_dict(r)["articles"] if a["paragraphs"][0].startswith("1月29日")]
    assert art["paragraphs"] == [caption[0], "".join(caption[1:])]


def test_column_line_alone_over_a_gap_runs_on_by_a_word_is_no_headline():
    # a side module's rows push the right column's second line six rows down; the line above
    # the gap is as wide as the column and has no sentence end, like a title, but 拓 / 展 is a word
    left = ["    本报讯（记者 陆槐生）11月4日，", "我市举行第三季度招商引资项目集", "中签约仪式。市级领导出席仪式。", "    市委书记在致辞中指出，近年来，",
            "我市以走在前列为目标定位，以提", "高发展质量和效益为核心，深入实", "施创新驱动发展战略，推动合作向", "更高层次迈进。", "    会议要求，各地要抓好项目落实，",
            "确保早开工、早投产、早见效。"]
    right = {0: "动合作向更高层次、更高水平拓", 6: "展。市委、市政府将高度重视项", 7: "目的建设运营，进一步加大支持",
             8: "力度，提供优质服务，创造良好", 9: "环境。"}
    rows = [a + " " * (24 - len(a)) + right.get(k, "") for k, a in enumerate(left)]
    text = "我市举行招商引资项目集中签约仪式\n\n" + "\n".join(r.rstrip() for r in rows) + "\n\n\n" + _dump()
    assert is_layout_dump(text)
    from baozhi.pipeline import Settings, process_source
    from baozhi.render import to_dict

    [r] = process_source(text.encode(), "x.txt", Settings(check=True))
    d = to_dict(r)
    heads = [h for a in d["articles"] for h in a["headline"]]
    assert "动合作向更高层次、更高水平拓" not in heads
    assert any("动合作向更高层次、更高水平拓展。市委、市政府" in p for a in d["articles"] for p in a["paragraphs"])


def _side_headline_dump() -> str:
    """A 3-column module with a two-line side headline (侧标题) set left of it on the page's first
    column; the headline's rows and blank rows around them cut every column twice."""
    X = (20, 38, 56)
    cols = [
        ["  本报讯（记者 王 明）", None, None, None, "近日，区委宣传部组织开展全", "区乡村振兴大型采风活动，邀",
         "请多家媒体记者走进各个乡", None, None, None, None, "镇，宣传推广乡村之美和生态", "之美，展示乡村振兴的亮点成",
         "果。", "  当天，记者们先后来到水口"],
        ["貌、人居环境整治、五清行", None, None, None, "动、场镇提升、特色产业发", "展等方面取得的新成果，进",
         "行实地采访。", None, None, None, None, "  记者们纷纷表示，全区在", "乡村振兴方面取得了不错的",
         "工作成果，将通过手中的笔", "和镜头把好经验宣传出去。"],
        ["产量十万吨、增长一点八；", None, None, None, "生猪出栏三十万头，增长九", "个百分点，年末生猪存栏十",
         "九万头；农村居民人均可支", None, None, None, None, "配收入达两万元，增长一成。", "  目前，全区引进培育国家",
         "级示范合作社三个、龙头企", "业二十四家。"],
    ]
    side = {3: "调研乡村振兴", 9: "共话发展新篇"}
    rows = []
    for r in range(15):
        row = side.get(r, "")
        for x, col in zip(X, cols):
            t = col[r]
            if t:
                row = row.ljust(x) + t
        rows.append(row.rstrip())
    # a module below on the page's grid, whose first column is the side headline's
    below = [["  本报讯 三月十二日", "群众来到城郊山坡，", "了一千余株树苗，为", "新绿。活动现场，志"],
             ["全区干部群众参加义", "共同植下树苗，大家", "城市增添一抹新的", "愿者们分工明确，个"],
             ["务植树活动。", "干劲十足。", "绿色。", "个干劲十足。"]]
    rows += ["", "", "市民踊跃参加义务植树活动"]
    for cells in below:
        row = ""
        for x, t in zip((0,) + X, cells):
            row = row.ljust(x) + t
        rows.append(row)
    return "报头日报    2025年5月12日    第3版\n\n" + "\n".join(rows) + "\n"


def test_side_headline_rows_do_not_cut_the_columns_of_its_module():
    streams = [[ln.text.value.strip() for ln in s] for s in layout_streams(_page(_side_headline_dump()))]
    body = next(s for s in streams if "本报讯（记者 王 明）" in s)
    assert body == [
        "本报讯（记者 王 明）", "近日，区委宣传部组织开展全", "区乡村振兴大型采风活动，邀", "请多家媒体记者走进各个乡",
        "镇，宣传推广乡村之美和生态", "之美，展示乡村振兴的亮点成", "果。", "当天，记者们先后来到水口",
        "貌、人居环境整治、五清行", "动、场镇提升、特色产业发", "展等方面取得的新成果，进", "行实地采访。",
        "记者们纷纷表示，全区在", "乡村振兴方面取得了不错的", "工作成果，将通过手中的笔", "和镜头把好经验宣传出去。",
        "产量十万吨、增长一点八；", "生猪出栏三十万头，增长九", "个百分点，年末生猪存栏十", "九万头；农村居民人均可支",
        "配收入达两万元，增长一成。", "目前，全区引进培育国家", "级示范合作社三个、龙头企", "业二十四家。"]
    assert ["调研乡村振兴"] in streams


def test_no_column_runs_on_mid_sentence_into_a_module_starting_under_it():
    from baozhi.layout.columns import _chain_rows

    # two columns each run on mid-sentence over a row of a module beside; under them a stacked module
    # starts: an indented first line on the left, so the right column's next line (unindented, it
    # could run on) starts that module too; a credit is never run into mid-sentence either
    text = [LEFT[1] + " " * 10 + RIGHT[1], " " * 48 + "据悉，我市上榜", "  " + RIGHT[0].strip() + " " * 10 + RIGHT[4]]
    rows = _segs(text)
    assert [len(r) for r in rows] == [2, 1, 2]
    assert _chain_rows(rows, [0.0, 1.0, 2.0], 14.0, 1.2) == {}
    rows = _segs([LEFT[1], " " * 48 + "据悉，我市上榜", RIGHT[4]])
    assert _chain_rows(rows, [0.0, 1.0, 2.0], 14.0, 1.2) == {id(rows[0][0]): 2.0}  # alone it runs on
    rows = _segs([LEFT[1], " " * 48 + "据悉，我市上榜", "本报记者 方宇 文/图"])
    assert _chain_rows(rows, [0.0, 1.0, 2.0], 14.0, 1.2) == {}


def test_titles_of_two_modules_on_one_row_cover_their_own_bodies():
    from baozhi.layout.columns import _size_headlines

    # two 2-column modules side by side (columns at 0, 17, 40, 57); the left title is centred over its
    # module's columns, the fixed scale makes it end short of its second column; the right one reaches
    # its body's right edge; the modules' lines are set on other baselines (rows of their own)
    body = "近日，农业农村部官网发布公"
    rows = _segs([" " * 7 + "我市经济增速" + " " * 29 + "区委理论学习中心组学习会议召开", ""]
                 + [body + "    " + body, " " * 40 + body + "    " + body] * 4)
    _size_headlines(rows)
    left, right = rows[0]
    assert left.head and right.head
    assert (left.x0, left.x1) == (0.0, 30.0)
    assert right.x1 == 70.0
    # phrases of one title over one module (its columns' lines side by side under both) are left alone
    rows = _segs([" " * 7 + "我市经济增速" + " " * 29 + "区委理论学习中心组学习会议召开", ""]
                 + [(body + "    ") * 2 + "      " + body + "    " + body] * 4)
    _size_headlines(rows)
    assert rows[0][0].x0 is None


def test_title_beside_another_modules_lines_covers_its_centred_body():
    from baozhi.layout.columns import _titles_over_bodies, _Seg

    # a 4-character title alone in its row (another module's lines in the rows around it) over a
    # letter-spaced subtitle and a two-column body (81–92, 99–111): its middle at the 2x scale lies
    # within half a column of the body's middle, so it covers both columns; a title left of its body's
    # first column edge (a one-column title set flush left) is left alone
    rows = [[_Seg(0, 84, 91, "畅 游 开 州", True, 96.0)],
            [_Seg(1, 63, 75, "作的开展，倡导居民们争当"), _Seg(1, 81, 96, "尽 享 “ 诗 和 远 方 ”")],
            [_Seg(2, 81, 92, "今年国庆假期，本地游、"), _Seg(2, 99, 111, "的珍贵照片，表达了对祖国")]]
    _titles_over_bodies(rows, 12.0, 1.5)
    assert (rows[0][0].x0, rows[0][0].x1) == (81.0, 111.0)
    rows[0][0] = _Seg(0, 81, 88, "畅 游 开 州", True, 93.0)
    _titles_over_bodies(rows, 12.0, 1.5)
    assert rows[0][0].x0 is None and rows[0][0].x1 == 93.0


def test_letter_spaced_title_middle_counts_its_spaces():
    from baozhi.layout.columns import _head_middle, _titles_over_bodies, _Seg

    spaced = _Seg(0, 6, 33, "积 分 兑 换 制 激 发 垃 圾 分 类 新 动 能", True, 34.0)
    assert _head_middle(spaced, 1.5) == 6 + 27 * 2 * 1.5 / 2  # each printed cell, spaces too, at 2x
    assert _head_middle(_Seg(0, 6, 20, "积分兑换制激发垃圾分类新动能", True, 48.0), 1.5) == 27.0
    # over a four-column body (0–75, middle 37.5) beside another module's line, the letter-spaced
    # title (middle 46.5 at 2x) covers it
    body = [_Seg(2, a, a + 12, "社区联合辖区企业与荣物业") for a in (0, 22, 46, 63)]
    rows = [[spaced, _Seg(0, 83, 93, "经过激烈的竞逐，来自")], [_Seg(1, 79, 92, "摩洛哥的选手以2小时10分")], body]
    _titles_over_bodies(rows, 12.0, 1.5)
    assert (spaced.x0, spaced.x1) == (0.0, 75.0)


def test_title_piece_over_a_running_column_joins_the_title_before_it():
    from baozhi.layout.columns import _size_headlines

    # a title in two pieces over a two-column module, the second on the right column's edge: under the
    # first an article opens (inline byline, indented), under the second the text runs on from its
    # left edge (a full line with clause punctuation): one title, not two modules' headlines
    body = "近日，农业农村部官网发布公告"
    rows = _segs(["探寻嘉州春天" + " " * 16 + "共话乡村振兴",
                  "   本报讯（记者 林 涛）" + " " * 7 + "的好经验、好做法、好成效呀"]
                 + [body + " " * 8 + body] * 4)
    _size_headlines(rows)
    assert [(s.text, s.head) for s in rows[0]] == [("探寻嘉州春天" + " " * 16 + "共话乡村振兴", True)]
    # under the second piece an article opens too: two titles
    rows = _segs(["探寻嘉州春天" + " " * 16 + "共话乡村振兴",
                  "   本报讯（记者 林 涛）" + " " * 10 + "本报讯（记者 焦 斌）"]
                 + [body + " " * 8 + body] * 4)
    _size_headlines(rows)
    assert [s.text for s in rows[0]] == ["探寻嘉州春天", "共话乡村振兴"]


def test_column_line_above_across_other_columns_rows_is_no_lone_title():
    from baozhi.layout.columns import _headline_like, _Seg

    # a paragraph's first line (indented, no punctuation, nearly W) is its column's last line; nothing of
    # its column is within 2 rows above, but the column's line three rows up is, with only other
    # columns' lines between (a staircase): it is no title alone between blank bands
    s = _Seg(107, 2, 13, "固定资产投资增速保持稳")
    above = _Seg(104, 0, 10, "点行业增长带动明显。")
    assert _headline_like(s, None, None, 13.0, 1.6)
    assert not _headline_like(s, None, None, 13.0, 1.6, pushed=above)


def test_justified_line_with_a_pause_mark_under_a_column_line_is_no_title():
    from baozhi.layout.columns import _headline_like, _Seg

    # a justified body line (letter-spaced, 、 inside) under the column's full line running on is its
    # continuation; a short letter-spaced title there is still a headline line
    above = _Seg(12, 16, 32, "食品制造业、纺织服装产值分别同比")
    line = _Seg(13, 16, 42, "增 长 12.5% 、 12.3% 、 11.4% 和")
    assert not _headline_like(line, above, None, 16.0, 1.5)
    assert _headline_like(_Seg(13, 16, 29, "迎 峰 度 冬 保 供 电"), above, None, 16.0, 1.5)
