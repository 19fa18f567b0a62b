"""The geometric reading-order engine on hand-made line boxes (1 unit = 1 em)."""
from __future__ import annotations

from baozhi.layout.geometry import column_grid, geometric_streams
from baozhi.model import Line
from baozhi.text import Text


def _lines(specs):
    """specs: (text, x0, y0, font_size) with width = len(text) ems and height 1."""
    src = "\n".join(s[0] for s in specs)
    out, pos = [], 0
    for text, x, y, fs in specs:
        out.append(Line(Text.from_source(src, pos, pos + len(text)), bbox=(x, y, x + len(text) * fs / 10, y + fs / 10),
                        font_size=fs))
        pos += len(text) + 1
    return out


def test_column_grid_ignores_indents_and_spanning_captions():
    spans = [(0, 10)] * 8 + [(2, 10)] * 3 + [(11, 21)] * 8 + [(13, 21)] * 2 + [(0, 21)] * 3
    assert column_grid(spans) == [(0, 10), (11, 21)]


def test_spanning_headline_then_columns_then_brief():
    body = "一二三四五六七八九十"
    specs = [
        ("报头", 0, 0, 10), ("第2版", 15, 0, 10),
        ("大标题横跨两栏", 0, 2, 20),
        ("  " + body[:8], 0, 5, 10), (body, 0, 6.5, 10), (body, 0, 8, 10),
        (body, 11, 5, 10), (body[:5], 11, 6.5, 10),
        ("  " + body[:8], 22, 2, 10), (body, 22, 3.5, 10),
    ]
    lines = _lines(specs)
    streams = geometric_streams(lines, unit_em=1.0)
    got = [[ln.text.value.strip() for ln in s] for s in streams]
    assert got == [
        ["报头", "第2版"],
        ["大标题横跨两栏", body[:8], body, body, body, body[:5]],
        [body[:8], body],
    ]
    assert [ln.span_cols for ln in streams[1]][:2] == [2, 1]
    assert lines[2].rel_size == 2.0
    assert lines[3].indent == 0.0 and lines[3].column == 0


def test_indent_is_measured_from_the_column_edge():
    body = "一二三四五六七八九十"
    specs = [(body[:8], 2, 0, 10), (body, 0, 1.5, 10), (body, 0, 3, 10), (body[:8], 2, 4.5, 10), (body, 0, 6, 10)]
    lines = _lines(specs)
    geometric_streams(lines, unit_em=1.0)
    assert [ln.indent for ln in lines] == [2.0, 0.0, 0.0, 2.0, 0.0]


def test_gap_in_a_column_starts_a_new_module():
    body = "一二三四五六七八九十"
    specs = [(body, 0, 0, 10), (body, 0, 1.5, 10), (body, 0, 12, 10), (body, 0, 13.5, 10)]
    streams = geometric_streams(_lines(specs), unit_em=1.0)
    assert [len(s) for s in streams] == [2, 2]


def test_empty():
    assert geometric_streams([], unit_em=1.0) == []


def test_headline_starting_over_the_free_column_to_its_left_heads_it():
    body = "一二三四五六七八九十"
    # columns at 0-10, 14-24, 28-38; the headline starts in the gutter nearer the first column
    # (neither centred over a run of columns nor at a column's left edge): it heads that column too
    specs = [("重点项目开工", 11, 0, 20)] + [(body, x, y, 10) for x in (0, 14, 28) for y in (3, 4.5, 6)]
    streams = geometric_streams(_lines(specs), unit_em=1.0)
    assert [len(s) for s in streams] == [10]
    assert streams[0][0].column == 0 and streams[0][0].span_cols == 2


def test_row_high_band_over_an_article_opening_cuts_stacked_modules():
    body = "一二三四五六七八九十"
    # two modules stacked over the same two columns, one blank row (1 pitch) apart: the
    # lower one opens with an inline byline, so the band cuts before the columns do
    upper = [(body, x, y, 10) for x in (0, 11) for y in (0, 1, 2)]
    lower = [("本报讯（记者林涛）", 0, 4, 10), (body, 0, 5, 10), (body, 11, 4, 10), (body, 11, 5, 10)]
    streams = geometric_streams(_lines(upper + lower), unit_em=1.0)
    assert [[ln.text.value[:3] for ln in s] for s in streams] == [
        ["一二三"] * 6, ["本报讯", "一二三", "一二三", "一二三"]]
    # the same band over running text (no opening under it) is the columns' spacing
    lower[0] = (body, 0, 4, 10)
    streams = geometric_streams(_lines(upper + lower), unit_em=1.0)
    assert [len(s) for s in streams] == [10]


def test_overlapping_columns_of_two_grids_are_clipped():
    # two modules on slightly different grids: a column ends where the next one starts
    spans = [(0, 16)] * 8 + [(15, 31)] * 8
    assert column_grid(spans) == [(0, 14.5), (15, 31)]


def test_column_line_reaching_a_cell_into_the_next_column_stays_in_its_own():
    from baozhi.layout.geometry import _Box, _place

    cols = [(36.0, 50.5), (51.0, 69.0)]
    line = _Box(0, 36.0, 0.0, 52.0, 1.0, 1.0)
    assert _place(line, cols) == (0, 2)  # PDF units: a 1-em reach spans
    assert _place(line, cols, 2.0) == (0, 1)  # -layout cells scatter by up to 2
    head = _Box(1, 36.0, 0.0, 52.0, 1.0, 2.0, head=True)
    assert _place(head, cols, 2.0) == (0, 2)  # a headline's width is an estimate: not narrowed
    caption = _Box(2, 36.0, 0.0, 70.0, 1.0, 1.0)
    assert _place(caption, cols, 2.0) == (0, 2)


def test_section_label_opens_a_module_under_a_row_high_band():
    body = "一二三四五六七八九十"
    # stacked over the same two columns one blank row apart; the lower module opens with 简讯
    upper = [(body, x, y, 10) for x in (0, 11) for y in (0, 1, 2)]
    lower = [("简讯", 0, 4, 10), ("  " + body[:8], 0, 5, 10), (body, 0, 6, 10), (body, 11, 5, 10), (body, 11, 6, 10)]
    streams = geometric_streams(_lines(upper + lower), unit_em=1.0)
    assert [len(s) for s in streams] == [6, 5]
    assert streams[1][0].text.value == "简讯"


def test_column_grid_splits_a_column_whose_lines_across_both_columns_outnumber_its_own():
    # two columns (38–53 and 55–70 ems) of one short article; captions set across both
    # (38–70) outnumber the left column's own lines, so the left edge's commonest end is 70
    left = [(38.0, 53.0)] * 6 + [(40.0, 53.0), (38.0, 49.0)]
    right = [(55.0, 70.0)] * 5 + [(57.0, 70.0)]
    captions = [(38.0, 70.0)] * 11
    assert column_grid(left + right + captions) == [(38.0, 53.0), (55.0, 70.0)]
    # without a column starting a gutter after the shared end, the wide column stays
    assert column_grid(left + captions) == [(38.0, 70.0)]


def test_rule_under_a_side_headline_module_cuts_before_the_column_rules_below_it():
    # a side headline (侧标题) in column 0 and its body in columns 1-3, a rule across the page
    # under them, vertical rules between the columns of the modules below (new8-like page):
    # the top module reads as one stream, not column 3's top cut off with the columns below
    body = "一二三四五六七八九十"
    specs = [("侧标题", 0, 0, 20)]
    for c, x in enumerate((11, 22, 33)):
        specs += [(("本报讯" + body[:5]) if c == 0 else body, x, 0, 10)] + [(body, x, 1.5 * k, 10) for k in range(1, 4)]
    for x in (0, 11, 22, 33):
        specs += [("本报讯" + body[:7], x, 8, 10)] + [(body, x, 8 + 1.5 * k, 10) for k in range(1, 22)]
    lines = _lines(specs)
    rules = [(0, 6.5, 43, 6.6), (10.45, 7.5, 10.55, 41), (32.45, 7.5, 32.55, 41)]
    streams = geometric_streams(lines, unit_em=1.0, rules=rules)
    assert [(ln.bbox[0], ln.bbox[1]) for ln in streams[0]] == [(0, 0)] + [(x, 1.5 * k) for x in (11, 22, 33) for k in range(4)]
    assert all(ln.bbox[1] >= 8 for s in streams[1:] for ln in s)


def test_a_headline_over_a_photo_opens_a_module_beside_body_columns():
    # cols 0-1: an article's body; cols 2-3: a photo news item (headline, photo, two caption
    # lines: more caption text than headline) at the same top, a module under it. The photo
    # item's piece is not a column continuing the body to its left.
    body = "一二三四五六七八九十"
    specs = []
    for x in (0, 11):
        specs += [("本报讯" + body[:7], x, 0, 10)] + [(body, x, 1.5 * k, 10) for k in range(1, 20)]
    cap = "为提升企业及居民群众消防安全应急处置能力，区五里河街道联合开展演练。"
    specs += [("消防演练", 22, 0, 20), (cap[:21], 22, 12, 10), (cap[21:], 22, 13.5, 10)]
    specs += [("本报讯" + body[:7], 22, 17, 10)] + [(body, 22, 17 + 1.5 * k, 10) for k in range(1, 6)]
    specs += [(body, 33, 17 + 1.5 * k, 10) for k in range(0, 6)]
    streams = geometric_streams(_lines(specs), unit_em=1.0, figures=[(22, 3, 43, 11)])
    assert [s[0].text.value for s in streams] == ["本报讯" + body[:7], "消防演练", "本报讯" + body[:7]]
    assert [ln.text.value for ln in streams[1]] == ["消防演练", cap[:21], cap[21:]]


def test_own_line_credit_opens_a_module_under_a_row_high_band():
    body = "一二三四五六七八九十"
    # stacked over the same two columns one blank row apart; the lower module opens with its credit
    upper = [(body, x, y, 10) for x in (0, 11) for y in (0, 1, 2)]
    lower = [("本报记者 方宇 文/图", 0, 4, 10), ("  " + body[:8], 0, 5, 10), (body, 0, 6, 10), (body, 11, 5, 10),
             (body, 11, 6, 10)]
    streams = geometric_streams(_lines(upper + lower), unit_em=1.0)
    assert [len(s) for s in streams] == [6, 5]
    assert streams[1][0].text.value == "本报记者 方宇 文/图"


def test_dated_lead_opens_a_module_under_a_row_high_band():
    body = "一二三四五六七八九十"
    # stacked over the same two columns one blank row apart; the lower module opens with a dated lead
    upper = [(body, x, y, 10) for x in (0, 11) for y in (0, 1, 2)]
    lower = [("  10月9日，一二三", 0, 4, 10), (body, 0, 5, 10), (body, 11, 4, 10), (body, 11, 5, 10)]
    streams = geometric_streams(_lines(upper + lower), unit_em=1.0)
    assert [len(s) for s in streams] == [6, 4]
    assert streams[1][0].text.value == "  10月9日，一二三"


def test_a_side_headline_in_a_column_no_body_line_shares_is_a_column_of_its_own():
    # a side headline (侧标题) of three big lines in column 0, its body in columns 1-3, and no body
    # line anywhere in column 0: the body grid has three columns, and the headline lines, put in
    # the nearest (column 1), stood among its lines and cut its text into one article per line
    body = "一二三四五六七八九十"
    specs = [("畅游开州", 0, 0.7, 20), ("尽享诗", 0, 3.1, 20), ("和远方", 0, 5.5, 20)]
    for x in (11, 22, 33):
        specs += [(body, x, 1.5 * k, 10) for k in range(6)]
    lines = _lines(specs)
    streams = geometric_streams(lines, unit_em=1.0)
    assert [[(ln.bbox[0], ln.bbox[1]) for ln in s] for s in streams] == [
        [(0, 0.7), (0, 3.1), (0, 5.5)] + [(x, 1.5 * k) for x in (11, 22, 33) for k in range(6)]]
    assert [ln.column for ln in lines[:4]] == [0, 0, 0, 1]
