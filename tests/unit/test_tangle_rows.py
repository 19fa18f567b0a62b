"""The tangle model with known rows (merged rows, layout/rows.py) and the tangle stage's gates."""
from baozhi.layout.tangles import untangle_lines

A = ["县里召开乡村治理工作会议，研究部", "署防汛抗旱和安全生产工作，听取各", "区县工作情况汇报并作出具体安排。"]
B0 = ["市人大常委会召开主任会议，听取关", "于全市预算执行情况的报告，审议有", "关议案并决定提请常委会会议审议。"]
B1 = ["区政协召开各组召集人会议，宣读大", "会临时党委名单，介绍大会议程和日", "程安排，要求委员认真履职尽责。"]


def test_rows_of_two_modules_side_by_side_alternate():
    # module A (one column) and module B (two columns) set with other leading: the dump
    # prints an A row, then a B row, and so on; each stream is idle every other row
    lines, rows = [], []
    for k in range(3):
        lines.append(A[k])
        rows.append(2 * k)
        lines += [B0[k], B1[k]]
        rows += [2 * k + 1] * 2
    assert untangle_lines(lines, 16.0, rows=rows) == [[0, 3, 6], [1, 4, 7], [2, 5, 8]]


def test_a_known_row_wider_than_the_stream_limit_still_places_every_line():
    lines = [A[0], B0[0], B1[0]]
    streams = untangle_lines(lines, 16.0, rows=[0, 0, 0], max_streams=2)
    assert streams == [[0, 2], [1]]


def test_each_column_opens_in_the_tangles_first_row():
    # the line printed before the tangle (head) is column 0's first line, in the first row with
    # the first lines of columns 1-3; with no evidence either way they open their columns
    lines = ["增速同比提升1.5个百分点。全市", "高于全省平均水平0.5个百分点，", "比持续提升，一季度，全市完成地",
             "解到，一季度我市经济运行呈现出", "工业用电量3.85亿千瓦时，同比增", "居全省第2位。从产业来看，工业",
             "方公共预算收入12.82亿元，同比", "总体平稳、好于预期、好于同期的", "长7%，高于全省平均水平2.2个百",
             "投资同比增长21.4%，比1至2月加", "增长12.2%。其中，税收收入"]
    streams = untangle_lines(lines, 15.0, head="4月23日，记者从市统计局了")
    assert streams == [[-1, 3, 7], [0, 4, 8], [1, 5, 9], [2, 6, 10]]


def test_the_rest_of_a_line_cut_at_a_credit_gap_is_no_column_end():
    from baozhi.layout.order import closes_first as _rest_of_cut_line
    from baozhi.layout.tangles import _cont
    assert _rest_of_cut_line("涛）近日，")
    assert not _rest_of_cut_line("（记者卢碧云通讯员范艳）")
    assert not _rest_of_cut_line("近日，市里召开")
    # ``本报讯（记者 林`` / ``涛）近日，`` / ``由市中区…``: short, yet it goes on
    assert _cont("涛）近日，", "由市中区委宣传部组织开展的“春", 15.0) == 0.0
    assert _cont("他说近日，", "由市中区委宣传部组织开展的“春", 15.0) == -2.0


def _piece(kind, text):
    from baozhi.layout.order import Piece
    from baozhi.model import Line
    from baozhi.text import Text
    return Piece(kind, [Line(Text.from_source(text, 0, len(text)), gap_before=True)], [kind])


def test_a_line_labelled_headline_inside_a_tangle_reads_as_a_column_line():
    from baozhi.layout.tangles import _column_line
    assert _column_line(_piece("headline", "现社会消费品零售总额97.93亿"), 15.0)  # full width
    assert _column_line(_piece("headline", "18962.99万元，年度投资"), 13.0)  # clause punctuation
    assert _column_line(_piece("headline", "通讯员范艳）"), 15.0)  # a credit's second line
    assert not _column_line(_piece("headline", "迎峰度冬保供电"), 13.0)  # a headline
    assert not _column_line(_piece("headline", "区十六届人大一次会议主席团举行第四次会议"), 13.0)  # wider than W
    assert not _column_line(_piece("body", "通讯员范艳）"), 15.0)


def test_a_credit_cut_at_its_padded_name_goes_on_in_the_same_row():
    from baozhi.layout.tangles import _cont
    # ``本报讯（记者 林`` / ``涛）近日，``: one printed line cut at a gap; the bracket closes on the
    # next line (+1.5, and no short-line penalty: +3.5 against the same lines without brackets)
    assert round(_cont("本报讯（记者林", "涛）近日，", 15.0) - _cont("本报讯记者林", "涛近日，", 15.0), 6) == 3.5
    lines = ["涛）近日，", "整治、五清行动、场镇提升、特色", "23.93万亩，产量10.9万吨、增长",
             "由市中区委宣传部组织开展的“春", "产业发展、农文旅融合发展等方面", "1.87%；生猪出栏30.68万头，增",
             "到嘉州万象‘耕’新”乐山市市中", "取得的新成果，进行实地采访。", "长9.3%，年末生猪存栏19.92万头，"]
    assert untangle_lines(lines, 15.0, head="本报讯（记者林") == [[-1, 0, 3, 6], [1, 4, 7], [2, 5, 8]]


def _body(*texts):
    from baozhi.layout.order import Piece
    from baozhi.model import Line
    from baozhi.text import Text
    return Piece("body", [Line(Text.from_source(t, 0, len(t))) for t in texts], ["body"] * len(texts))


def test_a_wide_caption_printed_line_by_line_beside_a_column_is_read_apart():
    from baozhi.layout.tangles import split_wide_interleave
    col = ["到1080元，目前已", "要的石油化工、纺织", "筑安装基地。撤乡设", "进一步加强城镇建设", "作用。"]
    cap = ["12月12日，江永县潇浦镇永回路，电力", "业。寒冷天气来临，用电负荷不断增长，"]
    # pdftotext: wide, column, wide, column; the column line after a wide one joins its piece
    pieces = [_body(col[0], col[1], cap[0], col[2]), _body(cap[1], col[3]), _body(col[4])]
    out = split_wide_interleave(pieces, 10.0)
    assert [[ln.text.value for ln in p.lines] for p in out] == [col[:4], cap, [col[4]]]
    # a single wide line is no chain
    one = [_body(col[0], cap[0], col[1]), _body(col[2])]
    assert [[ln.text.value for ln in p.lines] for p in split_wide_interleave(one, 10.0)] == [
        [col[0], cap[0], col[1]], [col[2]]]


def test_merged_rows_without_telling_blank_lines_end_with_the_last_merged_row():
    from baozhi.layout.rows import split_rows
    from baozhi.readers.dump import split_lines
    rows = ["第一栏的第一行文字写在这里，会议 第二栏第一行的文字也写在这里，要",
            "强调要压实各方责任，确保安全度汛。 求各部门密切配合，做好防汛工作。",
            "下一篇文章的第一行文字写在这里。"]
    text = "\n\n".join(rows) + "\n"  # a blank line after every line: blank lines mark nothing
    out = split_rows(split_lines(text), 16.0, gaps_mean_blocks=False)
    assert [ln.text.value for ln in out] == [
        "第一栏的第一行文字写在这里，会议", "强调要压实各方责任，确保安全度汛。",
        "第二栏第一行的文字也写在这里，要", "求各部门密切配合，做好防汛工作。",
        "下一篇文章的第一行文字写在这里。"]


def test_a_line_labelled_headline_inside_a_gapless_tangle_is_searched_with_it():
    from baozhi.layout.tangles import untangle_gapless

    def piece(kind, texts):
        from baozhi.layout.order import Piece
        from baozhi.model import Line
        from baozhi.text import Text
        return Piece(kind, [Line(Text.from_source(t, 0, len(t)), gap_before=True) for t in texts], [kind] * len(texts))

    lines = ["4月23日，记者从市统计局了", "分点。其中，非织造布、新材料及", "为31.6%。", "解到，一季度我市经济运行呈现出",
             "医药制造、食品制造业、纺织服装", "消费品市场增势平稳。全市实", "总体平稳、好于预期、好于同期的",
             "产值分别同比增长12.5%、12.3%、", "现社会消费品零售总额97.93亿", "基本态势。初步核算，一季度地区",
             "11.4%和10.6%，重点行业增长带", "元，同比增长12.3%。财政税收占", "生产总值按可比价格计算增长", "动明显。"]
    # the classifier took line 8 (a full column line) for a headline: it splits the block
    pieces = [piece("body", lines[:8]), piece("headline", [lines[8]]), piece("body", lines[9:])]
    out = untangle_gapless(pieces, 15.0)
    assert [[lines.index(ln.text.value) for ln in p.lines] for p in out] == [
        [0, 3, 6, 9, 12], [1, 4, 7, 10, 13], [2, 5, 8, 11]]
    assert all(lab == "body" for p in out for lab in p.labels)
    # a real headline between two texts stays: no tangle is found across it
    plain = [piece("body", lines[:1]), piece("headline", [lines[8]]), piece("body", lines[9:10])]
    assert [p.kind for p in untangle_gapless(plain, 15.0)] == ["body", "headline", "body"]


def test_a_column_idle_for_many_known_rows_is_not_taken_up_again():
    from baozhi.layout.tangles import untangle_lines
    # 13-em columns, rows known (merged rows): column B ends with a paragraph's last line in
    # row 1, column A runs on alone for five rows, then a full line of a new column beside A's
    # last line opens a stream of its own instead of going on from B idle since row 1
    text = ("工业生产稳步回升。一季度，全市规上工业增加值增长较快，增速同比提升一个百分点。全市工业用电量同比增长较快，"
            "高于全省平均水平两个百分点。其中，非织造布、新材料及医药制造、食品制造业、纺织服装产值分别")
    a = [text[i:i + 13] for i in range(0, 13 * 7, 13)]
    b = ["会议指出，政协全体会议是全区", "人民生活大事。"]
    lines = [a[0], b[0], a[1], b[1], a[2], a[3], a[4], a[5], a[6], "垃圾分类新时尚全民参与齐点亮"]
    rows = [0, 0, 1, 1, 2, 3, 4, 5, 6, 6]
    assert untangle_lines(lines, 13.0, rows=rows) == [[0, 2, 4, 5, 6, 7, 8], [1, 3], [9]]


def test_a_caption_line_labelled_headline_inside_a_tangle_joins_it_beside_a_caption_line():
    from baozhi.layout.tangles import _caption_line
    cap = _piece("body", "为提升企业及居民群众消防安全应急处置能力，5月10日，沈")  # 26.5 ems
    col = _piece("body", "有力有效推进。要在狠抓落实")
    wide_head = _piece("headline", "阳市沈河区五里河街道联合嘉里中心开展消防安全应急演练活")  # 27 ems
    assert _caption_line(wide_head, [cap, col], 13.0)
    assert not _caption_line(wide_head, [col], 13.0)  # no caption line in the tangle
    assert not _caption_line(_piece("headline", "区委理论学习中心组举行集体学习会议"), [cap, col], 13.0)  # 17 ems
    assert not _caption_line(_piece("body", "阳市沈河区五里河街道联合嘉里中心开展消防安全应急演练活"), [cap], 13.0)


def test_blank_lines_after_nearly_every_line_mark_blocks_when_running_text_is_kept_together():
    from baozhi.layout.order import gaps_mean_blocks
    from baozhi.readers.dump import split_lines
    body = [f"第{k}栏的文字写在这里，会议强调" for k in range(60)]
    every = "\n\n".join(body) + "\n"
    assert not gaps_mean_blocks(split_lines(every))  # a blank line after every line
    kept = body[:10] + [body[10] + "\n" + "心竞争优势。"] + body[11:20] + [body[20] + "\n" + "点。"] \
        + body[21:30] + [body[30] + "\n" + "莫嘉豪、石"] + body[31:]
    assert gaps_mean_blocks(split_lines("\n\n".join(kept) + "\n"))  # 3 lines of running text kept with the next
    heads = body[:10] + ["传达贯彻中央外事工作会议精神\n审议外事工作要点"] * 3 + body[10:]
    assert not gaps_mean_blocks(split_lines("\n\n".join(heads) + "\n"))  # only headline lines kept together
    two = body[:10] + [body[10] + "\n" + "点。"] * 2 + body[11:]
    assert not gaps_mean_blocks(split_lines("\n\n".join(two) + "\n"))


def test_two_blocks_of_two_lines_in_a_row_stay_inside_a_tangle():
    from baozhi.layout.order import Piece
    from baozhi.layout.tangles import untangle
    from baozhi.model import Line
    from baozhi.text import Text

    def block(*texts):
        lines = [Line(Text.from_source(t, 0, len(t)), gap_before=(k == 0)) for k, t in enumerate(texts)]
        return Piece("body", lines, ["body"] * len(texts))

    a = ["今年国庆假期，本地游、", "周边游成了旅游新时尚。开州", "区各大热门景点陆续迎来客流", "高峰，享受艺术文化盛宴。",
         "开州举子园作为开州区文", "化旅游的重要名片，一直以来", "都以独特的举子文化吸引了大", "批市民和游客。今年国庆期间，"]
    b = ["达了对祖国的热爱与敬仰。", "随着锣鼓声响起，演员们", "纷纷上场表演，宛如一幅韵", "味十足的山水画卷，赢得现场",
         "市民和游客的热烈掌", "声。", "红色旅游景点成为这个国", "庆假期热门的出游选择，市民"]
    pieces = [block(a[k]) if j == 0 else block(b[k]) for k in range(4) for j in range(2)]
    pieces += [block(a[4], a[5]), block(b[4], b[5])]  # the last lines of two columns on the same rows
    pieces += [block(a[k]) if j == 0 else block(b[k]) for k in range(6, 8) for j in range(2)]
    out = untangle(pieces, 13.0)
    assert [[ln.text.value for ln in p.lines] for p in out] == [a, b]


def _one(kind, text, gap=True):
    from baozhi.layout.order import Piece
    from baozhi.model import Line
    from baozhi.text import Text
    return Piece(kind, [Line(Text.from_source(text, 0, len(text)), gap_before=gap)], [kind])


_COL_A = ["当天，记者们先后来到水口镇龙窝村、平兴", "镇滑石村、嘉州绿心公园和牟子镇苏坪村乡村振", "兴示范点，围绕村容村貌、农村人居环境整治、",
          "五清行动、场镇提升、特色产业发展、农文旅融", "合发展等方面取得的新成果，进行实地采访。",
          "媒体记者们纷纷表示，市中区在乡村振兴方", "面取得了不错的工作成果，将通过手中的笔和镜"]
_COL_B = ["伴随着乡村振兴的号角，市中区的乡村处处", "焕发生机。2021年，市中区第一产业增加值39", "亿元，增长6.9%；完成粮食播种面积23.93万亩，",
          "产量10.9万吨、增长1.87%；生猪出栏30.68万", "头，增长9.3%，年末生猪存栏19.92万头，增长",
          "20.1%；农村居民人均可支配收入达23184元，", "增长10%。目前，市中区引进培育国家级示范合"]


def test_a_title_line_beside_a_tangles_columns_is_a_headline_before_the_streams():
    from baozhi.layout.tangles import _title_line, untangle
    assert _title_line(_one("body", "共话乡村振兴"), 21.0)
    assert not _title_line(_one("body", "广出去。"), 21.0)  # a paragraph's last line
    assert not _title_line(_one("body", "袁"), 21.0)  # a padded credit's name
    assert not _title_line(_one("body", "本报记者方宇"), 21.0)  # a credit
    assert not _title_line(_one("body", "浙江绍兴"), 21.0 - 17.5)  # not short of the column
    pieces = [_one("headline", "探寻嘉州春天"), _one("body", _COL_A[0]), _one("body", "共话乡村振兴"), _one("body", _COL_B[0])]
    for k in range(1, 5):
        pieces += [_one("body", _COL_A[k]), _one("body", _COL_B[k])]
    out = untangle(pieces, 21.0)
    assert [(p.kind, [ln.text.value for ln in p.lines]) for p in out] == [
        ("headline", ["探寻嘉州春天", "共话乡村振兴"]), ("body", _COL_A[:5]), ("body", _COL_B[:5])]


def test_a_tangles_last_line_labelled_headline_joins_its_column_when_a_word_runs_on():
    from baozhi.layout.order import Piece
    from baozhi.layout.tangles import _trailing_line, untangle
    from baozhi.model import Line
    from baozhi.text import Text

    def heads(*texts):
        return Piece("headline", [Line(Text.from_source(t, 0, len(t)), gap_before=True) for t in texts], ["headline"] * len(texts))

    last = "头，把市中区的好经验、好做法、好成效宣传推"
    assert _trailing_line(heads(last, "区政协十届三次会议"), 21.0)
    assert not _trailing_line(heads("区十六届人大一次会议主席团举行第四次会议"), 21.0)  # a title: unpunctuated
    pieces = []
    for k in range(5):
        pieces += [_one("body", _COL_A[k]), _one("body", _COL_B[k])]
    pieces.append(_body(_COL_A[5], _COL_A[6]))  # the columns' last lines, a block each
    pieces.append(_body(_COL_B[5], _COL_B[6]))
    out = untangle(pieces + [heads(last, "区政协十届三次会议")], 21.0)
    assert [(p.kind, [ln.text.value for ln in p.lines]) for p in out] == [
        ("body", _COL_A + [last]), ("body", _COL_B), ("headline", ["区政协十届三次会议"])]
    # a line no column goes on in (an article's lead) stays a headline line
    other = "本报讯（记者王明）5月3日，市政府召开"
    out = untangle(pieces + [heads(other, "区政协十届三次会议")], 21.0)
    assert [(p.kind, [ln.text.value for ln in p.lines]) for p in out][-1] == ("headline", [other, "区政协十届三次会议"])


def test_a_title_its_lead_repeats_is_taken_out_of_a_tangle():
    from baozhi.layout.tangles import _echoed_title, _trigram_counts
    title = "区十六届人大一次会议主席团举行第四次会议"
    lead = ["1月14日上午，区十六届人大一次会议主席", "团举行第四次会议。区委书记沈志刚，区委副书"]
    counts = _trigram_counts([title] + lead)
    assert _echoed_title(_one("body", title), counts, 21.0)
    assert not _echoed_title(_one("body", title), _trigram_counts([title]), 21.0)  # nothing repeats it
    assert not _echoed_title(_one("body", title), counts, 20.0)  # an unpunctuated full column line
    assert not _echoed_title(_one("body", "区十六届人大"), counts, 21.0)  # too short to tell


def test_a_headline_block_of_column_lines_between_tangle_lines_is_cut_into_its_lines():
    from baozhi.layout.order import Piece
    from baozhi.layout.tangles import _split_column_heads
    from baozhi.model import Line
    from baozhi.text import Text

    def heads(*texts):
        return Piece("headline", [Line(Text.from_source(t, 0, len(t)), gap_before=True) for t in texts], ["headline"] * len(texts))

    a, b = _one("body", "蒸日上，各项事业蓬勃发展。"), _one("body", "石村撤乡设镇。1月26日，石")
    cols = heads("近日，经省政府批准，广饶县", "1993 年 完 成 社 会 总 产 值")
    out = _split_column_heads([a, cols, b], 13.0)
    assert [[ln.text.value for ln in p.lines] for p in out] == [
        ["蒸日上，各项事业蓬勃发展。"], ["近日，经省政府批准，广饶县"], ["1993 年 完 成 社 会 总 产 值"], ["石村撤乡设镇。1月26日，石"]]
    title = heads("联合消防演练", "筑牢安全防火墙")  # a real headline stays one block
    assert len(_split_column_heads([a, title, b], 13.0)) == 3
    assert len(_split_column_heads([cols, b], 13.0)) == 2  # not between tangle lines


def test_a_title_line_right_above_an_article_lead_is_not_searched_into_a_gapless_tangle(monkeypatch):
    from baozhi.layout import tangles
    from baozhi.layout.order import Piece
    from baozhi.model import Line
    from baozhi.text import Text

    def piece(kind, texts):
        return Piece(kind, [Line(Text.from_source(t), gap_before=True) for t in texts], [kind] * len(texts))

    searched = []
    real = tangles._gapless_piece
    monkeypatch.setattr(tangles, "_gapless_piece",
                        lambda p, w, vocab: searched.append(len(p.lines)) or real(p, w, vocab))
    # a line as wide as the column labelled headline, right above a dated lead: the title of the
    # module below, not a column line of the tangle above (the blocks are searched apart)
    above = ["潍日高速、诸城至青岛城际铁路、", "早见效，为实现新常态下更高层次", "疏港铁路等一批重大交通基础设施",
             "新发展贡献力量。", "的规划建设，诸城区位优势将更加", "市委副书记钱吉山主持签约仪"]
    below = ["4月23日，记者从市统计局了", "全市固定资产投资同比增长11%，", "解到，一季度我市经济运行呈现出",
             "高于全省平均水平0.5个百分点，", "总体平稳、好于预期、好于同期的", "居全省第2位。从产业来看，工业"]
    title = ["一季度我市经济增速居全省第2位"]
    out = tangles.untangle_gapless([piece("body", above), piece("headline", title), piece("body", below)], 15.0)
    assert searched == [6, 1, 6]
    assert [p.kind for p in out] == ["body", "headline", "body"]
    # the same line above a column line (no lead) is searched with the blocks around it
    searched.clear()
    tangles.untangle_gapless([piece("body", above), piece("headline", title), piece("body", below[1:])], 15.0)
    assert searched[0] == 12


def test_a_block_of_two_columns_printed_in_turn_is_read_apart_in_a_dump_with_blank_lines():
    from baozhi.layout.order import Piece
    from baozhi.layout.tangles import untangle
    from baozhi.model import Line
    from baozhi.text import Text
    a = ["县里召开乡村治理工作会议，研究部", "署防汛抗旱和安全生产工作，听取各", "区县工作情况汇报并作出具体安排。",
         "会议要求，各部门要加强协调配合，"]
    b = ["市人大常委会召开主任会议，听取关", "于全市预算执行情况的报告，审议有", "关议案并决定提请常委会会议审议。",
         "会议强调，要依法履职，加强监督。"]
    lines = [t for pair in zip(a, b) for t in pair]  # one block (a blank line before it only)

    def block(gap):
        return Piece("body", [Line(Text.from_source(t), gap_before=gap and k == 0) for k, t in enumerate(lines)],
                     ["body"] * len(lines))

    out = untangle([block(True)], 16.0, merged_rows=True)
    assert [[ln.text.value for ln in p.lines] for p in out] == [a, b]
    # a page without merged rows (wide gutters: pdftotext keeps columns apart) is not searched
    assert [[ln.text.value for ln in p.lines] for p in untangle([block(True)], 16.0)] == [lines]
    # a dump without any blank line (PyMuPDF) is left to its own stages
    assert [[ln.text.value for ln in p.lines] for p in untangle([block(False)], 16.0, merged_rows=True)] == [lines]


def test_the_column_width_of_a_page_of_merged_rows_is_the_width_of_their_pieces():
    from baozhi.articles.paragraphs import full_width
    from baozhi.layout.rows import column_width
    a = ["县里召开乡村治理工作会议，研究", "署防汛抗旱和安全生产工作，听取", "区县工作情况汇报，作出具体安排", "会议要求，各部门要加强协调配合"]
    b = ["市人大常委会召开主任会议，听取", "于全市预算执行情况的报告，审议", "关议案并决定提请常委会会议审议。", "会议强调，要依法履职，加强监督"]
    merged = [x + " " + y for x, y in zip(a, b)] * 2  # two 15-em column lines and a space: 30.5 ems
    alone = ["政协副主席陶秀兰，秘书长高学军出", "席会议。", "全市固定资产投资同比增长百分之",
             "会议指出，政协全体会议是全区人", "民政治生活中的一件大事，开好这", "次大会，党政重视、社会关注、委",
             "员期待。"]  # column lines printed alone
    page = ["青川日报", "第1版"] + merged + alone
    w = full_width(page)
    assert w == 30.0
    assert column_width(page, w) == 15.0
    # a page whose wide lines are no merged rows (no spaces) keeps its width
    wide = [x + y for x, y in zip(a, b)] * 2
    assert column_width(["青川日报"] + wide + alone, 30.0) == 30.0


def test_a_title_line_two_lines_above_its_lead_inside_a_gapless_block_is_cut_out():
    from baozhi.layout.order import Piece
    from baozhi.layout.tangles import _cut_titles, _over_lead
    from baozhi.model import Line
    from baozhi.text import Text
    texts = ["明确开学时间，在防控疫情的前提下有", "区委理论学习中心组举行集体学习会议", "的校园，重回熟悉的教室，同学、老师、",
             "12月16日，区委理论学习中心组", "第五卷第十章《全面推进美丽中国建"]
    p = Piece("body", [Line(Text.from_source(t), gap_before=True) for t in texts], ["body"] * len(texts))
    out = _cut_titles(p)
    assert [(q.kind, [ln.text.value for ln in q.lines]) for q in out] == [
        ("body", texts[:1]), ("headline", texts[1:2]), ("body", texts[2:])]
    # a line with clause punctuation, or a lead that does not repeat its words, is no title
    assert not _over_lead(["区委理论学习中心组举行集体学习，会议", "的校园", "12月16日，区委理论学习中心组"], 0)
    assert not _over_lead(["区委理论学习中心组举行集体学习会议", "的校园", "12月16日，全市中小学统一开学"], 0)
