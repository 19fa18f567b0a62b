"""Small inputs for the reading-order rules of plain dumps without telling blank lines
(PyMuPDF dumps, seed-like dumps with a blank line after every line)."""
from baozhi.layout.order import Piece, hidden_headlines
from baozhi.layout.tangles import untangle_gapless
from baozhi.model import Line
from baozhi.text import Text


def lines_of(texts: list[str], gaps: bool = False) -> list[Line]:
    return [Line(Text.from_source(t), gap_before=gaps) for t in texts]


# a 13-em column: full lines 13 wide, first lines 11 (the 2-em indent is lost in the dump)
END_OF_A = ["方经济发展，起到积极的促进", "作用。"]
HEAD = ["清苑社区", "积分兑换制激发垃圾分类新动能"]
LEAD_B = ["10月9日，兴庆区清苑社", "区联合辖区企业与荣物业公"]


def test_headline_between_a_text_end_and_a_dated_lead_is_found():
    lines = lines_of(END_OF_A + HEAD + LEAD_B)
    labels = hidden_headlines(lines, ["body"] * 6, 13.0)
    assert labels == ["body", "body", "headline", "headline", "body", "body"]


def test_paragraph_first_line_without_punctuation_is_no_headline():
    # 11 ems (W - 2) and continued by a full line: a paragraph's first line
    lines = lines_of(["工业生产稳步回升。", "固定资产投资增速保持稳", "定。全市固定资产投资同比增", "长11%，高于全省平均水平。"])
    assert hidden_headlines(lines, ["body"] * 4, 13.0) == ["body"] * 4


def test_line_before_a_short_last_line_is_no_headline():
    # 该村…高兴地 / 说。 : the next line is a paragraph's last line, not a first line
    lines = lines_of(["收获的鲜货在地头就变成了钱！”", "该村党支部书记何振华高兴地", "说。", "2020年，和沟村党支部为"])
    assert hidden_headlines(lines, ["body"] * 4, 15.0) == ["body"] * 4


def test_interleaved_columns_in_a_seedlike_dump_are_read_apart():
    a = ["本报讯（记者王明）5月3日，市政", "府召开第十次常务会议，研究部署防", "汛抗旱和安全生产工作，听取各区县",
         "工作情况汇报并作出具体安排。会议", "强调，各级各部门要压实责任，确保", "安全度汛，推动防汛工作落到实处。"]
    b = ["市人大常委会召开主任会议，听取关", "于全市预算执行情况的报告，审议有", "关议案并决定提请常委会会议审议。",
         "会议指出，要依法履行监督职责，推", "动预算管理提质增效，服务全市经济", "社会发展大局，更好保障改善民生。"]
    mixed = [x for pair in zip(a, b) for x in pair]
    pieces = [Piece("body", lines_of(mixed, gaps=True), ["body"] * len(mixed))]
    out = untangle_gapless(pieces, 16.0)
    texts = ["".join(ln.text.value for ln in p.lines) for p in out]
    assert "".join(a) in texts and "".join(b) in texts


def test_a_photo_credit_ends_a_column_piece():
    from baozhi.layout.order import split_pieces
    texts = ["电力工人在高空进行施工作", "确保电网安全稳定运行。毛如瑞摄", "区联合辖区企业与荣物业公", "司，开展了以垃圾分类为主题"]
    pieces = split_pieces(lines_of(texts), ["body"] * 4, False, 13.0)
    assert [len(p.lines) for p in pieces] == [2, 2]


def test_a_wide_caption_closed_by_its_credit_is_cut_from_the_column_after_it():
    from baozhi.layout.order import split_pieces
    # 13-em column; the caption runs 26 ems across two columns and ends with its credit
    texts = ["为提升企业及居民群众消防安全应急处置能力，沈阳市沈河区五里河街道", "开展演练。本报记者任远摄",
             "都镇三江口村采风，看到该村委会"]
    pieces = split_pieces(lines_of(texts), ["body"] * 3, False, 13.0)
    assert [len(p.lines) for p in pieces] == [2, 1]


def test_a_run_of_headline_lines_after_a_column_piece_cut_mid_sentence():
    # PyMuPDF draws the headline blocks after the column pieces: the run follows an open tail and
    # comes before a line set as a paragraph's first line (W - 2 ems)
    texts = ["长6.9%；完成粮食播种面", "校园书声再起", "探寻嘉州春天", "共话乡村振兴", "1.5万户村民实现户均年",
             "增收两千元以上，全村上下"]
    labels = hidden_headlines(lines_of(texts), ["body"] * 6, 12.0)
    assert labels == ["body", "headline", "headline", "headline", "body", "body"]


def test_credit_pieces_and_words_running_on_are_no_headline():
    # a byline cut at a padded name, a photo credit's end, a line whose last word runs on
    texts = ["等出席。", "本报讯记者蔡", "南报道为", "深入学习贯彻会议精神，", "确保安全稳定运行。", "者纪平摄", "要强调",
             "会议传达学习《习近平谈治国理政》", "第五卷第十章《全面推进美丽中国建", "设》，强调要在深化认识上作表率，深"]
    assert hidden_headlines(lines_of(texts), ["body"] * 10, 17.0) == ["body"] * 10


def test_a_photo_credit_ends_a_piece_in_a_dump_with_no_blank_line_at_all():
    from baozhi.layout.order import split_pieces
    # PyMuPDF: no blank lines, so the caller says blank lines mean blocks; there are none
    texts = ["确保电网安全稳定运行。毛如瑞摄", "区联合辖区企业与荣物业公", "司，开展了以垃圾分类为主题"]
    pieces = split_pieces(lines_of(texts), ["body"] * 3, True, 13.0)
    assert [len(p.lines) for p in pieces] == [1, 2]


def test_an_own_line_closing_credit_before_a_blank_line_ends_its_block_in_a_default_dump():
    from baozhi.layout.order import split_pieces
    # default pdftotext: the credit is the block's last line; the line after the blank line
    # goes on another column's text and must not be headed by the credit
    lines = lines_of(["倡导居民们争当垃圾分类的", "倡导者、参与者。", "记者常春霖文/图", "大成，区委副书记邱永春出", "席。"])
    lines[3].gap_before = True
    pieces = split_pieces(lines, ["body", "body", "byline", "body", "body"], True, 13.0)
    assert [[ln.text.value for ln in p.lines] for p in pieces] == [
        ["倡导居民们争当垃圾分类的", "倡导者、参与者。", "记者常春霖文/图"], ["大成，区委副书记邱永春出", "席。"]]
    # a credit after a blank line still heads the block after it
    lines = lines_of(["倡导者、参与者。", "记者常春霖文/图", "大成，区委副书记邱永春出"])
    lines[1].gap_before = True
    pieces = split_pieces(lines, ["body", "byline", "body"], True, 13.0)
    assert [len(p.lines) for p in pieces] == [1, 2]


def test_a_credit_in_brackets_broken_over_two_lines_ends_the_text():
    from baozhi.layout.order import split_pieces
    texts = ["提升0.2个百分点。（记者卢碧云", "通讯员范艳）", "9月1日，全市中小学统一开学，城", "区新建、改扩建的五所学校也迎来"]
    # the classifier took the closing line for a headline: it closes the bracket, so it is body
    labels = hidden_headlines(lines_of(texts), ["body", "headline", "body", "body"], 15.0)
    assert labels == ["body"] * 4
    pieces = split_pieces(lines_of(texts), labels, True, 15.0)
    assert [len(p.lines) for p in pieces] == [2, 2]


def test_the_text_after_a_closing_credit_opens_an_article():
    d_lines = ["本报讯（记者王明）5月3日，市政府召", "开第十次常务会议，研究部署防汛工", "作。（记者王明通讯员李华）",
               "5月4日，全市中小学统一开学，城区", "新建、改扩建的五所学校也迎来了首"]
    from baozhi.pipeline import Settings, process_source
    from baozhi.render import to_dict
    [r] = process_source("\n".join(d_lines).encode("utf-8"), "t.txt", Settings(check=True))
    texts = ["".join(a["paragraphs"]) for a in to_dict(r)["articles"]]
    assert texts == ["".join(d_lines[:3]), "".join(d_lines[3:])]


def piece(kind: str, texts: list[str]) -> Piece:
    return Piece(kind, lines_of(texts), [kind] * len(texts))


def test_headlines_drawn_together_move_to_the_leads_of_their_articles():
    from baozhi.layout.order import place_headlines

    a = piece("body", ["本报讯（记者王明）5月3日，市政府召", "开第十次常务会议，研究部署防汛工作。"])
    b = piece("body", ["5月4日，市人大常委会召开主任会议，", "听取关于全市预算执行情况的报告。"])
    heads = piece("headline", ["市人大常委会召开主任会议", "市政府召开常务会议"])
    out = place_headlines([a, b, heads], 16.0)
    got = [(p.kind, "".join(ln.text.value for ln in p.lines)) for p in out]
    assert got == [("headline", "市政府召开常务会议"), ("body", "".join(a.lines[0].text.value + a.lines[1].text.value)),
                   ("headline", "市人大常委会召开主任会议"), ("body", "".join(b.lines[0].text.value + b.lines[1].text.value))]


def test_a_headline_before_a_text_without_a_lead_line_stays():
    from baozhi.layout.order import place_headlines

    a = piece("body", ["本报讯（记者王明）5月3日，市政府召", "开会议。"])
    head = piece("headline", ["交警前往疏导交通"])
    b = piece("body", ["连日来，市民反映路口经常塞车，交警", "前往疏导交通。"])
    out = place_headlines([a, head, b], 16.0)
    assert out == [a, head, b]


def test_a_headline_line_whose_words_are_in_both_articles_stays_in_its_group():
    from baozhi.layout.order import place_headlines

    a = piece("body", ["本报讯（记者王明）5月3日，区政府召", "开常务会议，常晓勇出席会议并讲话。"])
    b = piece("body", ["本报讯（记者李华）5月4日，区委外事", "工作委员会召开全体会议，常晓勇出席。"])
    heads = piece("headline", ["区委外事工作委员会召开全体会议", "常晓勇出席"])
    out = place_headlines([a, b, heads], 16.0)
    assert [len(p.lines) for p in out if p.kind == "headline"] == [2]
    assert out[1].kind == "headline" and out[2] is b


def _body(texts):
    return Piece("body", lines_of(texts), ["body"] * len(texts))


def _order_of(out, pieces):
    return [pieces.index(p) for p in out]


def test_a_piece_closed_by_a_photo_credit_over_two_lines_is_no_open_tail():
    from baozhi.layout.order import _dangles
    assert not _dangles(_body(["电力工人在高空进行施工。本报记者雷", "金华摄"]))
    assert not _dangles(_body(["项目总投资200万元。（贺勇谭娅）"]))
    assert _dangles(_body(["方经济发展，起到积极的促进"]))


def test_a_far_continuation_needs_a_word_across_the_break():
    from baozhi.layout.order import relink
    # 13-em column. The open tail 年度计划投 finds 资… (投资) four pieces on; without it, it is
    # not paired with the unindented caption line that only the later bonus would pair
    p0 = _body(["全市重点项目完成投资4.12亿元，年度计划投"])
    p1 = Piece("headline", lines_of(["简讯"]), ["headline"])
    p2 = _body(["为提升企业及居民群众消防安全", "能力，开展演练。"])
    p3 = _body(["5月4日，市人大常委会开会。"])
    p4 = _body(["资53.6亿元，重大前期工作稳", "步推进。"])
    pieces = [p0, p1, p3, p2, p4]
    assert _order_of(relink(pieces, 13.0), pieces) == [0, 4, 1, 2, 3]
    assert _order_of(relink(pieces[:4], 13.0), pieces) == [0, 1, 2, 3]


def test_a_piece_closed_by_a_credit_does_not_pull_a_caption_after_it():
    from baozhi.layout.order import relink
    p0 = _body(["电力工人在高空进行施工。本报记者雷", "金华摄"])
    p1 = Piece("headline", lines_of(["简讯"]), ["headline"])
    p2 = _body(["5月4日，市人大常委会开会。"])
    p3 = _body(["为提升企业及居民群众消防安全", "能力，开展演练。"])
    pieces = [p0, p1, p2, p3]
    assert _order_of(relink(pieces, 13.0), pieces) == [0, 1, 2, 3]


def test_a_wide_caption_in_two_paragraphs_is_one_text():
    from baozhi.layout.order import _mark_wide_blocks
    # 13-em column; a caption set 26 ems wide, its first paragraph ending in a short line
    first = ["为提升企业及居民群众消防安全应急处置能力，沈阳市沈河区五里河街", "道开展演练。"]
    second = ["演练现场设置了被困人员应急疏散、水枪扑救等环节，所有人员各司其", "职。本报记者任远摄"]
    column = ["都镇三江口村采风，看到该村委会", "的宣传栏上贴满了报纸。"]
    pieces = [Piece("body", lines_of(t), ["body"] * len(t)) for t in (first, second, column)]
    _mark_wide_blocks(pieces, 13.0)
    assert [p.lines[0].opens for p in pieces] == [True, False, True]
    # a second wide text with a date of its own is another caption
    dated = ["12月12日，江永县潇浦镇永回路，电力工人在高空进行施工作业，确保", "运行。毛如瑞摄"]
    pieces = [Piece("body", lines_of(t), ["body"] * len(t)) for t in (first, dated)]
    _mark_wide_blocks(pieces, 13.0)
    assert [p.lines[0].opens for p in pieces] == [True, True]
def test_a_trailing_headline_run_is_read_in_the_order_of_the_articles():
    from baozhi.layout.order import place_trailing_headlines

    # PyMuPDF drew every headline after the bodies, in module order; the second title is set
    # one ideograph a line and a subtitle shares no word with any text
    a = piece("body", ["本报讯（记者王明）5月3日，市政府召", "开第十次常务会议，研究部署防汛工作。"])
    b = piece("body", ["本报讯（记者李华）5月4日，市人大常委", "会召开主任会议，听取预算执行情况。"])
    heads = piece("headline", ["市政府召开常务会议", "压实责任确保度汛", *"人大常委会召开主任会议"])
    out = place_trailing_headlines([a, b, heads])
    got = [(p.kind, "".join(ln.text.value for ln in p.lines)) for p in out]
    assert got == [("headline", "市政府召开常务会议压实责任确保度汛"), ("body", a.lines[0].text.value + a.lines[1].text.value),
                   ("headline", "人大常委会召开主任会议"), ("body", b.lines[0].text.value + b.lines[1].text.value)]


def test_a_trailing_headline_goes_to_a_dated_lead_inside_a_piece():
    from baozhi.layout.order import place_trailing_headlines

    # the photo caption after the article's last sentence starts with its date: the piece is cut there
    a = piece("body", ["本报讯（记者王明）5月3日，市政府召", "开第十次常务会议，研究部署防汛工作。",
                       "12月12日，电力部门开展“迎峰度冬”", "保供电作业，确保电网安全运行。毛如瑞摄"])
    heads = piece("headline", ["市政府召开常务会议", "迎峰度冬保供电网"])
    out = place_trailing_headlines([a, heads])
    got = [(p.kind, len(p.lines)) for p in out]
    assert got == [("headline", 1), ("body", 2), ("headline", 1), ("body", 2)]
    assert out[3].lines[0].opens and out[2].lines[0].text.value == "迎峰度冬保供电网"


def test_a_trailing_headline_run_against_the_order_of_the_articles_is_not_forced():
    from baozhi.layout.order import place_trailing_headlines

    a = piece("body", ["本报讯（记者王明）5月3日，市政府召", "开第十次常务会议，研究部署防汛工作。"])
    b = piece("body", ["本报讯（记者李华）5月4日，市人大常委", "会召开主任会议，听取预算执行情况。"])
    heads = piece("headline", ["市人大常委会召开主任会议", "市政府召开常务会议"])
    pieces = [a, b, heads]
    assert place_trailing_headlines(pieces) is pieces


def test_a_closing_credit_at_a_piece_start_stays_with_the_text_before_the_trailing_headline():
    from baozhi.layout.order import place_trailing_headlines

    # 记者X文/图 closes the text above; the next article opens with its own inline byline
    a = piece("body", ["本报讯（记者王明）5月3日，市政府召", "开第十次常务会议，研究部署防汛工作。"])
    b = Piece("body", lines_of(["记者常春霖文/图", "本报讯（记者李华）5月4日，市人大常委", "会召开主任会议，听取预算执行情况。"]),
              ["byline", "body", "body"])
    heads = piece("headline", ["市政府召开常务会议", "市人大常委会召开主任会议"])
    out = place_trailing_headlines([a, b, heads])
    assert [(p.kind, len(p.lines)) for p in out] == [("headline", 1), ("body", 2), ("body", 1), ("headline", 1), ("body", 2)]
    assert out[2].labels == ["byline"] and out[4].lines[0].opens


def test_unpunctuated_lines_between_headline_lines_are_headlines_whatever_their_width():
    # 14-em column: the second title is as wide as a column line
    texts = ["者、参与者。记者常春霖文/图", "我市举行第三季度招商引资项目集中签约仪式", "济南：老年助餐服务暖民心",
             "一季度我市经济增速居全省第2位", "校园书声再起", "清苑社区"]
    labels = ["body", "headline", "body", "body", "headline", "body"]
    assert hidden_headlines(lines_of(texts), labels, 14.0) == ["body"] + ["headline"] * 5


def test_a_body_line_between_headline_lines_with_clause_punctuation_stays_body():
    # a full 15-em column line with a comma, also among the headlines drawn after the bodies
    texts = ["我市举行第三季度招商引资项目集中签约仪式", "市委书记、市人大常委会主任田峰", "校园书声再起"]
    labels = ["headline", "body", "headline"]
    assert hidden_headlines(lines_of(texts), labels, 15.0) == labels


def test_a_dated_lead_after_a_line_cut_mid_sentence_starts_another_piece():
    from baozhi.layout.order import split_pieces
    # PyMuPDF drew another article's column piece right after a column cut mid-sentence; a date
    # after a comma goes on in the same sentence
    texts = ["量和效益为核心，深入实施", "12月16日，区委理论学习中", "心组举行集体学习会议，传达",
             "按照全省消防安全整治安排，", "5月30日，市委、市人大常委会"]
    pieces = split_pieces(lines_of(texts), ["body"] * 5, True, 13.0)
    assert [len(p.lines) for p in pieces] == [1, 4]
    # seed-like dumps (blank lines say nothing) leave such lines to the tangle search
    assert [len(p.lines) for p in split_pieces(lines_of(texts, gaps=True), ["body"] * 5, False, 13.0)] == [5]


def test_the_lines_after_the_last_text_end_with_headlines_among_them_are_headlines():
    # a 21-em column; PyMuPDF drew the headline blocks after all bodies: a title set one
    # character a line, a title with commas, a title as wide as the column
    texts = ["后立即报警，并疏散全楼工作人员。", "我市举行第三季度招商引资项目集中签约仪式", "我", "市", "1", "镇",
             "区十六届人大一次会议主席团举行第四次会议", "市委、市人大常委会、市政府、", "市政协机关开展消防安全应急演练"]
    labels = ["body", "headline", "headline", "headline", "headline", "headline", "body", "body", "headline"]
    assert hidden_headlines(lines_of(texts), labels, 21.0) == ["body"] + ["headline"] * 8


def test_a_column_cut_mid_sentence_at_the_dump_end_keeps_its_lines():
    # the last text is open (…发展前景更加): the lines after it go on from it, they are no titles
    texts = ["建设，诸城区位优势将更加凸显，发展前景更加", "广阔希望合作各方以项目签约为新起点", "我市举行第三季度招商引资项目集中签约仪式"]
    labels = ["body", "body", "headline"]
    assert hidden_headlines(lines_of(texts), labels, 21.0) == labels


def test_a_headline_block_after_a_credit_in_brackets_broken_over_two_lines():
    # the line closing the bracket is body; the unpunctuated run after the credit is a headline block
    texts = ["提升0.2个百分点。（记者卢碧云", "通讯员范艳）", "城区5 所新改扩", "建学校如期开学", "新增学位4500 多个",
             "连日来，不少市民向本报报料，市区中山大道与永福路交会处每到上下班"]
    labels = hidden_headlines(lines_of(texts), ["body"] * 6, 15.0)
    assert labels == ["body", "body", "headline", "headline", "headline", "body"]


def test_a_full_line_after_a_paragraph_end_starts_another_piece_in_a_dump_without_blank_lines():
    from baozhi.layout.order import cut_after_paragraph_ends
    # 16-em column: 名录3个。 ends a paragraph 4 ems short; 资3.6亿元。… is a full line, no first line
    texts = ["乡村治理示范镇各1个，入选省级农", "村生产生活遗产名录3个。", "资3.6亿元。当天集中开工的福建圣", "农1.2亿羽肉鸡全产业链饲料厂、屠"]
    [cut_a, cut_b] = cut_after_paragraph_ends([piece("body", texts)], 16.0)
    assert [len(cut_a.lines), len(cut_b.lines)] == [2, 2]
    # photo news is set without indents: a text closed by its photo credit is not cut
    photo = ["1月29日，老人们在餐厅内就餐。", "近年来，山东省济南市长清区聚焦老年", "助餐服务，服务全覆盖。新华社记者简峥摄"]
    assert len(cut_after_paragraph_ends([piece("body", photo)], 16.0)) == 1


def test_caption_line_running_on_in_a_word_into_a_line_of_its_width_is_body():
    # 17-em column, an unindented caption set 15 ems wide: 应 / 急 runs on in a word (应急), and
    # the next line, as wide, is no paragraph's first line though it is set W - 2 wide
    texts = ["保障了群众生命财产安全。", "为提升企业及居民群众消防安全应", "急处置能力，5月10日，沈阳市沈", "河区五里河街道联合嘉里中心开展"]
    assert hidden_headlines(lines_of(texts), ["body"] * 4, 17.0) == ["body"] * 4


def test_unpunctuated_line_set_across_columns_before_a_headline_is_headline():
    # 13-em column: a 20-em title with no punctuation between a line cut mid-sentence and a
    # headline line is headline text (PyMuPDF draws the page's headlines together)
    texts = ["方经济发展，起到积极的促进", "区十六届人大一次会议主席团举行第四次会议", "“冻马”加鞭", "10月9日，兴庆区清苑社"]
    assert hidden_headlines(lines_of(texts), ["body", "body", "headline", "body"], 13.0) == ["body", "headline", "headline", "body"]


def test_column_wide_unpunctuated_line_before_a_headline_stays_body():
    # no line of the run is set across columns: a body line cut mid-sentence stays body
    texts = ["方经济发展，起到积极的促进", "村社会养老保险与各类保险制", "“冻马”加鞭", "10月9日，兴庆区清苑社"]
    assert hidden_headlines(lines_of(texts), ["body", "body", "headline", "body"], 13.0) == ["body", "body", "headline", "body"]


def test_vertical_headline_with_quote_marks_on_lines_of_their_own_is_one_line():
    from baozhi.layout.order import _quoted_vertical
    lines = lines_of(["“", "冻", "马", "”", "加", "鞭", "广州日报讯（记者莫嘉豪）"])
    assert [ln.flat for ln in _quoted_vertical(lines)] == ["“冻马”加鞭", "广州日报讯（记者莫嘉豪）"]


def test_one_character_lines_without_quote_marks_are_left_to_the_assembly():
    from baozhi.layout.order import _quoted_vertical
    lines = lines_of(["校", "园", "书", "声"])
    assert [ln.flat for ln in _quoted_vertical(lines)] == ["校", "园", "书", "声"]


def test_one_ideograph_after_an_open_bracket_list_is_body():
    # a narrow credit: 莫嘉豪、 / 石 / 锋、袁 … the 石 is part of a name, not a vertical headline
    texts = ["广州日报讯（全媒体记者莫嘉豪、", "石", "锋、袁蓓通讯员穗体宣）昨日上午，"]
    assert hidden_headlines(lines_of(texts), ["body", "headline", "body"], 15.0) == ["body"] * 3


def test_plain_stream_joins_a_vertical_headline_into_one_line():
    from baozhi.layout.order import plain_streams
    from baozhi.model import Page, Source
    texts = (["方经济发展，起到积极的促进作用，推动地方", "经济健康发展。"] + list("校园书声再起")
             + ["春暖花开，各地相继制定开学计划，", "明确开学时间，在防控疫情的前提下有序"])
    src = Source.make("\n".join(texts).encode(), "t.txt", "\n".join(texts), "utf-8")
    stream = plain_streams(Page(source=src, lines=lines_of(texts)), 19.0)[0]
    assert "校园书声再起" in [ln.flat for ln in stream]
    assert "".join(ln.flat for ln in stream) == "".join(texts)


def test_one_ideograph_after_a_list_in_a_bracket_opened_lines_before_is_body():
    texts = ["广州日报讯（全媒体记者莫嘉豪、石", "锋、", "袁", "蓓、梁泽民通讯员穗体宣）昨日上午，"]
    assert hidden_headlines(lines_of(texts), ["body", "body", "headline", "body"], 15.0) == ["body"] * 4


def test_vertical_run_is_read_straight_when_its_words_are_in_the_body():
    from baozhi.layout.order import _straight_vertical
    from baozhi.articles.assemble import bigrams
    grams = bigrams("经省政府批准，广饶县石村撤乡设镇。")
    out = _straight_vertical(lines_of(list("石村撤乡设镇")), grams)
    assert [ln.flat for ln in out] == ["石村撤乡设镇"]


def test_interleaved_vertical_run_is_left_to_the_assembly():
    from baozhi.layout.order import _straight_vertical
    from baozhi.articles.assemble import bigrams
    grams = bigrams("街道联合嘉里中心开展消防安全应急演练活动，筑牢防火墙。")
    out = _straight_vertical(lines_of(list("筑联牢合安消全防防演火练墙")), grams)
    assert len(out) == 13


def test_vertical_kicker_closed_by_a_colon_is_one_line():
    from baozhi.layout.order import _quoted_vertical
    lines = lines_of(["济", "南", "：", "老年助餐服务暖民心"])
    assert [ln.flat for ln in _quoted_vertical(lines)] == ["济南：", "老年助餐服务暖民心"]


def test_colon_alone_after_a_vertical_kicker_is_headline():
    texts = ["信、村民感言、森林防火。", "济", "南", "：", "老年助餐服务暖民心", "1月29日，老人们在济南"]
    labels = hidden_headlines(lines_of(texts), ["body", "headline", "headline", "body", "body", "body"], 13.0)
    assert labels[:4] == ["body", "headline", "headline", "headline"]


def test_short_title_before_a_caption_set_across_columns_is_headline():
    # 12-em column: 非遗传人展示传统技艺 (10 ems, W - 2) before a 26-em caption line is no
    # paragraph's first line (its next line is set across columns), but a caption's title
    texts = ["学第一课。记者罗仰东宋婷/摄", "非遗传人展示传统技艺",
             "“十一”长假里，在沈阳世博园、北市场等地举办的非物质", "文化遗产展演活动，给市民增添了更多的快乐。海城高跷、"]
    assert hidden_headlines(lines_of(texts), ["body"] * 4, 12.0) == ["body", "headline", "body", "body"]


def test_short_unpunctuated_lines_between_column_lines_are_headlines_in_a_dump_without_blank_lines():
    # 16-em column; PyMuPDF drew two modules' headline blocks between two column lines that
    # are both cut mid-sentence (neither side closes or opens a text)
    texts = ["来积分，这些积分在活动中可以兑换", "迎峰度冬保供电", "探寻嘉州春天", "共话乡村振兴",
             "高于全省平均水平2.2个百分点。其"]
    assert hidden_headlines(lines_of(texts), ["body"] * 5, 16.0, gapless=True) == ["body"] + ["headline"] * 3 + ["body"]
    # 15-em column: a kicker 11 ems short and a title 1 em short of the column
    texts = ["次大会，党政重视、社会关注、委", "清苑社区", "积分兑换制激发垃圾分类新动能", "高于全省平均水平2.2个百分点。"]
    assert hidden_headlines(lines_of(texts), ["body"] * 4, 15.0, gapless=True) == ["body", "headline", "headline", "body"]
    # blank lines after every line (seed-like): left to the other rules
    assert hidden_headlines(lines_of(texts), ["body"] * 4, 15.0) == ["body"] * 4
    # a word running in from the line before: text, not a headline
    texts = ["来积分，这些积分在活动中可以兑", "换奖品种类繁多", "实用性强", "高于全省平均水平2.2个百分点。其"]
    assert hidden_headlines(lines_of(texts), ["body"] * 4, 16.0, gapless=True) == ["body"] * 4


def test_a_dated_lead_after_a_sentence_end_starts_another_piece_unless_the_text_goes_on():
    from baozhi.layout.order import cut_after_paragraph_ends
    # 16-em column: the dated lead shares no word with the paragraph it follows
    texts = ["步加强城镇建设，加速地方经济发展，", "起到积极的促进作用。", "9月1日，全市中小学统一开学，城",
             "区新建、改扩建的五所学校也迎来"]
    assert [len(p.lines) for p in cut_after_paragraph_ends([piece("body", texts)], 16.0)] == [2, 2]
    # the next paragraph names what the last one did (石村, 撤乡设镇): one text
    texts = ["本报讯（记者滕教林）近日，", "经省政府批准，广饶县石村撤乡设镇。", "1月26日，石村镇人民隆重集会，举",
             "行撤乡设镇挂牌仪式。"]
    assert [len(p.lines) for p in cut_after_paragraph_ends([piece("body", texts)], 16.0)] == [4]


def test_an_unpunctuated_line_off_the_column_widths_ending_a_block_is_a_headline_in_a_dump_without_blank_lines():
    # 16-em column: PyMuPDF drew a title 3 ems short after a column cut mid-sentence, before the
    # masthead block; a full line there is the column's last line, and a word running in is text
    texts = ["同比提升1.5个百分点。全市工业用", "电量3.85亿千瓦时，同比增长7%，", "一季度我市经济增速居全省", "青川日报"]
    labels = ["body", "body", "body", "furniture"]
    assert hidden_headlines(lines_of(texts), labels, 16.0, gapless=True) == ["body", "body", "headline", "furniture"]
    assert hidden_headlines(lines_of(texts), labels, 16.0) == labels
    full = texts[:2] + ["一季度我市经济增速居全省前列的", "青川日报"]
    assert hidden_headlines(lines_of(full), labels, 16.0, gapless=True) == labels
    # digits print narrower than an em: such a line counts as short only 3 ems short
    digits = texts[:2] + ["一季度我市经济增速居全省第2位", "青川日报"]
    assert hidden_headlines(lines_of(digits), labels, 16.0, gapless=True) == labels


def test_a_lone_short_unpunctuated_line_after_a_line_cut_mid_sentence_is_a_headline():
    # 15-em column: a title 3 ems short between two column lines cut mid-sentence
    texts = ["委员期待。各位委员一定要切实增", "济南：老年助餐服务暖民心", "合作社里上班，每个人每月可收入"]
    assert hidden_headlines(lines_of(texts), ["body"] * 3, 15.0, gapless=True) == ["body", "headline", "body"]
    # after a sentence end it may be a paragraph's first line (据农业农村部官网9月4 / 日发布…)
    texts = ["示，我市1镇3村上榜。", "据农业农村部官网9月4", "日发布的《第三批全国乡村治"]
    assert hidden_headlines(lines_of(texts), ["body"] * 3, 13.0, gapless=True) == ["body"] * 3


def test_a_short_title_line_broken_after_a_comma_between_headline_lines_is_headline():
    # 13-em column without blank lines: 三江口村办小报， / 沟通了民意 are one title's lines
    texts = ["詹华清苏红梅参加", "三江口村办小报，", "沟通了民意", "10月22日上午，记者来到三"]
    labels = ["headline", "body", "headline", "body"]
    assert hidden_headlines(lines_of(texts), labels, 13.0, gapless=True) == ["headline"] * 3 + ["body"]
    assert hidden_headlines(lines_of(texts), labels, 13.0) == labels
    # a column line with a comma there is text
    texts = ["詹华清苏红梅参加", "市委书记、市人大常委会主任，", "沟通了民意", "10月22日上午，记者来到三"]
    assert hidden_headlines(lines_of(texts), labels, 13.0, gapless=True) == labels


def test_a_line_too_wide_for_the_column_without_sentence_end_is_a_title_over_two_columns():
    # 16-em column: 18 ems even with its comma compressed, no word running in or on
    texts = ["纸已有一年多了，基本上是每两月一", "家户户都能看到这份报纸，目前已刊", "三江口村办小报，沟通了民意宣传了政策",
             "12月12日，江永县潇浦镇永回路，电力"]
    assert hidden_headlines(lines_of(texts), ["body"] * 4, 16.0, gapless=True) == ["body", "body", "headline", "body"]
    # a word running on into the next line: text (the column is wider than W was taken to be)
    texts = ["6月11日，记者途经市区南滨路时看到，", "该路段市体育场过洞下人行路面井盖损", "坏严重。据了解，此处的井盖破损"]
    assert hidden_headlines(lines_of(texts), ["body"] * 3, 16.0, gapless=True) == ["body"] * 3
    # a width many lines share is a column's measure, not a title's
    col = ["女子全程马拉松赛冠军被来自埃塞俄比", "亚的选手收入囊中，成绩是两小时多。", "该路段市体育场过洞下人行路面上有"]
    texts = col + ["三江口村办小报沟通了民意宣传政策", "12月12日，江永县潇浦镇永回路，电力"]
    assert hidden_headlines(lines_of(texts), ["body"] * 5, 16.0, gapless=True) == ["body"] * 5


def test_a_far_continuation_joined_only_by_a_dictionary_rarity_is_not_taken():
    from baozhi.layout import order
    # 15-em column: 百 / 等 forms a word of jieba frequency 4 (score 1.39), the piece is printed
    # before the open tail: no later bonus, and below MIN_EVIDENCE
    head = _body(["等，深化集体林权制度改革方案、", "每个月的公示。"])
    title = Piece("headline", lines_of(["简讯"]), ["headline"])
    tail = _body(["4月23日，全市规上工业增加值增", "长7%，高于全省平均水平2.2个百"])
    pieces = [head, title, tail]
    assert _order_of(order.relink(pieces, 15.0), pieces) == [0, 1, 2]


def test_a_paragraph_end_before_a_full_line_in_photo_news_is_cut_when_the_words_change():
    from baozhi.layout.order import cut_after_paragraph_ends
    # 16-em column: a text closed by a photo credit is set without indents, but the full line
    # after 起到积极的促进作用。 shares no word with the text above it: another article's caption
    texts = ["步加强城镇建设，加速地方经济发展，", "起到积极的促进作用。", "为提升企业及居民群众消防安全应急",
             "处置能力，开展演练。本报记者任远摄"]
    assert [len(p.lines) for p in cut_after_paragraph_ends([piece("body", texts)], 16.0)] == [2, 2]
    # its own next paragraph names what the last one did (演练): one text
    texts = ["为提升消防安全应急处置能力，街道开展", "消防演练，企业职工等300余人参加了", "演练。", "演练现场设置了消防安全应急疏散、水",
             "枪扑救等环节。本报记者任远摄"]
    assert len(cut_after_paragraph_ends([piece("body", texts)], 16.0)) == 1
    # without a photo credit the full line is another column's however many words it shares
    assert len(cut_after_paragraph_ends([piece("body", texts[:4])], 16.0)) == 2


def test_columns_printed_chunk_by_chunk_in_turn_are_relinked():
    from baozhi.layout.order import relink
    # 15-em column; two columns printed in chunks in turn (a1 b1 a2 b2 a3) between the single
    # characters of a large headline. a1 → a2 and a2 → a3 are proved by words (防汛, 部门);
    # b1 → b2 has no word across the break (听取 / 全市), but b2 opens with a full line two
    # chunks on in the same alternation
    a1 = _body(["本报讯（记者王明）5月3日，市政", "府召开常务会议，认真研究部署防"])
    b1 = _body(["本报讯（记者李华）5月4日，市人", "大常委会召开主任会议，专门听取"])
    a2 = _body(["汛抗旱工作，听取各区县汇报并作", "出具体安排。会议强调，各级各部"])
    b2 = _body(["全市预算执行情况的报告，审议有", "关议案。"])
    a3 = _body(["门要压实责任，确保安全度汛。"])
    h = [piece("headline", [c]) for c in "大丰收村"]
    pieces = [a1, h[0], b1, h[1], a2, h[2], b2, h[3], a3]
    assert _order_of(relink(pieces, 15.0), pieces) == [0, 4, 8, 1, 2, 6, 3, 5, 7]
    # without an alternation proved by words, b2 stays where it is printed
    pieces = [b1, h[0], a3, h[1], b2]
    assert _order_of(relink(pieces, 15.0), pieces) == [0, 1, 2, 3, 4]


def test_a_lone_colon_is_no_open_tail():
    from baozhi.layout.order import _dangles
    # the colon of a vertical kicker (济 / 南 / ：) printed as a body line of its own
    assert not _dangles(_body(["："]))
    assert _dangles(_body(["府召开常务会议，认真研究部署防"]))


def test_blank_lines_mark_blocks_unless_one_follows_nearly_every_line():
    from baozhi.layout.order import gaps_mean_blocks
    # a default dump that is nearly all one tangle of one-line blocks: 9 of 10 lines follow a
    # blank line, and the two lines printed together are one block
    lines = lines_of(["甲乙丙"] * 10, gaps=True)
    lines[1].gap_before = False
    assert gaps_mean_blocks(lines)
    # a blank line after every line (the seed page, seed-like dumps): 19 of 20 lines
    lines = lines_of(["甲乙丙"] * 20, gaps=True)
    lines[0].gap_before = False
    assert not gaps_mean_blocks(lines)


def test_a_far_continuation_keeps_the_measure_and_credits_follow_credit_starts():
    from baozhi.layout.order import _credit_fits, _dangles, _same_measure, relink
    # 14-em column; a caption set 30 ems wide does not go on from a column line, but a wide
    # text's narrower last line ending a sentence may
    col = "读书声又在校园内响起。“奋勇"
    wide = "为提升企业及居民群众消防安全应急处置能力，5月10日，沈阳市沈河区"
    assert not _same_measure(col, wide, 14.0)
    assert _same_measure(wide, "急处置能力。", 14.0) and _same_measure(wide, wide, 14.0)
    assert _same_measure(col, "拼搏，为梦想而战”，成为重返", 14.0)
    # a bare photo credit goes on from a credit's start or a sentence end, not mid-clause
    assert _credit_fits("电力工人在高空进行施工。本报记者雷", "金华摄")
    assert _credit_fits("确保电网安全稳定运行。毛如", "瑞摄")
    assert not _credit_fits("入12.82亿元，同比增长", "毛如瑞摄")
    # a text credit broken over two lines (…记者常 / 春霖文/图) closes its text
    assert not _dangles(_body(["倡导居民们争当垃圾分类的倡导者、参与者。记者常", "春霖文/图"]))
    tail = _body(["全市完成地方公共预算收入12.82亿元，同比增长"])
    pieces = [tail, Piece("headline", lines_of(["简讯"]), ["headline"]), _body(["毛如瑞摄"])]
    assert _order_of(relink(pieces, 14.0), pieces) == [0, 1, 2]


def test_a_column_tail_does_not_go_on_into_the_caption_printed_after_it():
    from baozhi.layout.order import relink
    # 14-em column; the caption set 30 ems wide printed right after the column's open tail is
    # another block: the tail goes on where a word runs across the break (推 / 动)
    tail = _body(["加强沟通交流，加快项目实施，不断推"])
    caption = _body(["为提升企业及居民群众消防安全应急处置能力，5月10日，沈阳市沈河区", "开展演练。"])
    head = Piece("headline", lines_of(["简讯"]), ["headline"])
    cont = _body(["动合作向更高层次、更高水平拓", "展。"])
    pieces = [tail, caption, head, cont]
    assert _order_of(relink(pieces, 14.0), pieces) == [0, 3, 1, 2]


def test_an_own_line_closing_credit_ends_the_piece_before_it():
    from baozhi.layout.order import split_pieces
    texts = ["倡导居民们争当垃圾分类的", "倡导者、参与者。", "记者常春霖文/图", "连日来，不少市民向本报报", "料，市区中山大道与永福路"]
    lines = lines_of(texts)
    pieces = split_pieces(lines, ["body", "body", "byline", "body", "body"], True, 13.0)
    assert [[ln.flat for ln in p.lines] for p in pieces] == [texts[:3], texts[3:]]
    assert lines[3].opens and not lines[0].opens
    # a photo credit too; a reporters' credit (no 摄, no 文/图) still heads the body after it
    texts = ["演练现场设置了紧急疏散等环节。", "本报记者姚仕安摄", "为提升企业及居民群众消防安全应"]
    assert [len(p.lines) for p in split_pieces(lines_of(texts), ["body", "byline", "body"], True, 16.0)] == [2, 1]
    texts = ["演练现场设置了紧急疏散等环节。", "本报记者姚仕安", "为提升企业及居民群众消防安全应"]
    assert [len(p.lines) for p in split_pieces(lines_of(texts), ["body", "byline", "body"], True, 16.0)] == [1, 2]


def test_an_article_lead_broken_over_two_lines_after_a_text_end_opens_a_piece():
    from baozhi.layout.order import split_pieces
    texts = ["山西省运城市河津市樊村", "镇西磑村。", "新华网贵州频道9月28日", "电9月28日，凤冈县2015年第"]
    lines = lines_of(texts)
    pieces = split_pieces(lines, ["body"] * 4, True, 13.0)
    assert [[ln.flat for ln in p.lines] for p in pieces] == [texts[:2], texts[2:]]
    assert lines[2].opens
    # after a line cut mid-sentence the same words are no lead of another text
    texts = ["山西省运城市河津市樊村", "镇西磑村，新华网贵州频道", "新华网贵州频道9月28日", "电9月28日，凤冈县2015年第"]
    assert len(split_pieces(lines_of(texts), ["body"] * 4, True, 13.0)) == 1


def test_a_text_and_photo_credit_naming_the_paper_heads_the_text_after_it():
    from baozhi.layout.order import split_pieces
    texts = ["演练现场设置了紧急疏散等环节。", "本报记者方宇文/图", "春暖花开，各地相继制定开"]
    assert [len(p.lines) for p in split_pieces(lines_of(texts), ["body", "byline", "body"], True, 16.0)] == [1, 2]


def test_a_short_unpunctuated_line_after_a_headline_line_with_no_word_running_on_is_a_subtitle():
    # 14-em column: 计划总投资134.12亿元 (10 ems) after a headline line, then another column's
    # line that no word runs into
    texts = ["是推动高质量发展的重要抓手。", "全年实施重点项目52个", "计划总投资134.12亿元", "下午开展演练。詹华清全程指导"]
    labels = hidden_headlines(lines_of(texts), ["body", "headline", "body", "body"], 14.0, gapless=True)
    assert labels == ["body", "headline", "headline", "body"]
    # a word running on into the next line (建 / 设) keeps it body text
    texts = ["是推动高质量发展的重要抓手。", "全年实施重点项目52个", "计划总投资用于城乡建", "设和基础设施的完善与再提升，"]
    labels = hidden_headlines(lines_of(texts), ["body", "headline", "body", "body"], 14.0, gapless=True)
    assert labels[2] == "body"


def test_one_character_per_line_is_read_in_input_order():
    # a text pasted one character a line (with blank lines between: seed-like spacing) has no
    # column to untangle; reordering it scrambled the characters inside the paragraph
    import re
    from pathlib import Path

    from baozhi.pipeline import process_source

    seed = Path(__file__).resolve().parents[2] / "examples" / "seed_page.txt"
    text = re.sub(r"\s", "", seed.read_text("utf-8"))[:900]
    (r,) = process_source("\n\n".join(text).encode(), "one.txt")
    got = "".join(t.value for t in r.header) + "".join(
        "".join(h.text.value for h in a.headline) + "".join(p.value for p in a.paragraphs) for a in r.articles
    ) + "".join(t.value for t in r.unassigned)
    assert got == text


def test_a_short_title_broken_over_lines_between_column_lines_in_a_seedlike_dump():
    # a blank line after every line: a run of two unpunctuated lines each 3 ems or more short of
    # the 15-em column, between a column line cut mid-sentence and the column's next line (a
    # tangle prints the title between another column's lines), with no word running in
    texts = ["点，围绕村容村貌、农村人居环境", "探寻嘉州春天", "共话乡村振兴", "整治、五清行动、场镇提升、特色"]
    labels = hidden_headlines(lines_of(texts, gaps=True), ["body"] * 4, 15.0)
    assert labels == ["body", "headline", "headline", "body"]
    # a padded name's pieces (two characters), a credit's rest closing a bracket, or a line of
    # digits only 3 ems short (their widths are uncertain) are no such run
    texts = ["点，围绕村容村貌、农村人居环境", "航通", "讯员范艳）", "整治、五清行动、场镇提升、特色"]
    assert hidden_headlines(lines_of(texts, gaps=True), ["body"] * 4, 15.0) == ["body"] * 4
    texts = ["点，围绕村容村貌、农村人居环境", "探寻嘉州春天", "全年实施重点项目共计52个", "整治、五清行动、场镇提升、特色"]
    assert hidden_headlines(lines_of(texts, gaps=True), ["body"] * 4, 15.0) == ["body"] * 4


def test_a_title_above_a_lead_whose_words_the_text_below_repeats_in_a_seedlike_dump():
    # a blank line after every line: an unpunctuated line as wide as the 15-em column after
    # another column's open line, right above a dated lead, with 79% of its bigrams in the ten
    # lines below and 14% in the ten above: the title of the text below
    texts = ["本次签约为契机，扎根诸城，共谋", "27位。随着青岛胶东国际机场、", "发展，力促项目早开工、早达产、",
             "一季度我市经济增速居全省第2位", "4月23日，记者从市统计局了", "全市固定资产投资同比增长11%，",
             "解到，一季度我市经济运行呈现出", "高于全省平均水平0.5个百分点，", "居全省第2位。从产业来看，工业"]
    labels = hidden_headlines(lines_of(texts, gaps=True), ["body"] * 9, 15.0)
    assert labels == ["body"] * 3 + ["headline"] + ["body"] * 5
    # the same line above a lead whose text does not repeat it is a column line
    other = texts[:4] + ["10月22日上午，记者来到", "三都镇三江口村采风，看到该村"]
    assert hidden_headlines(lines_of(other, gaps=True), ["body"] * 6, 15.0) == ["body"] * 6


def test_a_seedlike_column_piece_ends_at_a_short_sentence_end_before_a_full_line():
    from baozhi.layout.order import plain_streams
    from baozhi.model import Page, Source
    # a blank line after every line, 16-em column: text A's column breaks mid-sentence
    # (…增长两个百), text B follows and ends (…的促进作用。, 3 ems), then A goes on in a full line
    # (分点。其中，…): a full line opens no paragraph, so it continues another column
    a = ["工业生产稳步回升。一季度，全市规", "上工业增加值增长9.2%，全市工业用", "电量同比增长7%，高于全省平均",
         "水平，工业用电量比同期增长两个百"]
    b = ["本报讯（记者滕教林）近日，经省政", "府批准，广饶县石村撤乡设镇。撤乡", "设镇，将为进一步加强城镇建设，加",
         "速地方经济发展，起到积极的促进作", "用。"]
    rest = ["分点。其中，非织造布、新材料及医", "药制造、食品制造业产值分别同比增", "长，重点行业增长带动明显。"]
    texts = a + b + rest
    src = Source.make("\n\n".join(texts).encode(), "t.txt", "\n\n".join(texts), "utf-8")
    stream = plain_streams(Page(source=src, lines=lines_of(texts, gaps=True)), 16.0)[0]
    assert [ln.flat for ln in stream] == a + rest + b


def test_a_gapless_tangles_last_row_is_read_with_it():
    # two 16-em columns printed in turn, a blank line after every line: the search covers the
    # lines up to a row after the last clear alternation (line 10), which leaves lines 14 and
    # 15, less than a row (3 lines); they are the tangle's last row, not a piece of their own
    a = ["本报讯（记者王明）5月3日，市政", "府召开第十次常务会议，研究部署防", "汛抗旱和安全生产工作，听取各区县",
         "工作情况汇报并作出具体安排。会议", "强调，各级各部门要压实责任，确保", "安全度汛，推动防汛工作落到实处。",
         "会议还研究了其他事项。", "大家一致同意。"]
    b = ["市人大常委会召开主任会议，听取关", "于全市预算执行情况的报告，审议有", "关议案并决定提请常委会会议审议。",
         "会议指出，要依法履行监督职责，推", "动预算管理提质增效，服务全市经济", "社会发展大局，更好保障改善民生。",
         "会议要求抓好落实。", "全体人员参加了会议。"]
    mixed = [x for pair in zip(a, b) for x in pair]
    out = untangle_gapless([Piece("body", lines_of(mixed, gaps=True), ["body"] * 16)], 16.0)
    assert [[ln.text.value for ln in p.lines] for p in out] == [a, b]


def test_a_title_line_above_a_headline_line_after_another_columns_line_in_a_seedlike_dump():
    # a blank line after every line: the title's first line follows a line of a tangle's other
    # column cut mid-sentence (no closed text before it), and no word runs in from that line
    texts = ["列精彩纷呈的文旅活动，满足市民", "禹州市和沟村", "药材大丰收村民腰包鼓", "本报讯（记者周建平）11月11日，天"]
    labels = ["body", "body", "headline", "body"]
    assert hidden_headlines(lines_of(texts, gaps=True), labels, 15.0) == ["body", "headline", "headline", "body"]
    # a word running in (乡村振兴，加快建 / 设美丽宜居乡村) keeps the line in its text
    texts = ["全市上下深入推进乡村振兴，加快建", "设美丽宜居乡村", "药材大丰收村民腰包鼓", "本报讯（记者周建平）11月11日，天"]
    assert hidden_headlines(lines_of(texts, gaps=True), labels, 15.0) == labels


def test_a_short_letter_spaced_line_is_a_title_in_a_seedlike_dump():
    # a title tracked out (迎 峰 度 冬 保 供 电), 6 ems short of a 13-em column, no word in or on
    texts = ["放垃圾来积分，这些积分在活", "迎 峰 度 冬 保 供 电", "村镇人民隆重集会，举行撤乡"]
    assert hidden_headlines(lines_of(texts, gaps=True), ["body"] * 3, 13.0) == ["body", "headline", "body"]
    # a justified column line spaced out to (nearly) the full measure of a 10-em column is text
    texts = ["今年计划实施重点项目，集", "中 开 工 项 目 总 投 资", "达到十二亿元，其中工业"]
    assert hidden_headlines(lines_of(texts, gaps=True), ["body"] * 3, 10.0) == ["body"] * 3


def test_a_head_taken_by_adjacency_goes_to_the_tail_that_completes_a_word_and_shares_its_words():
    from baozhi.layout.order import relink
    # 12-em column. 示，将以… follows …主席柯 in the dump, but …纷纷表 makes 表示 with it and its
    # piece names the signing (签约) the head's piece goes on about; 柯 + 示 is no word
    p0 = _body(["本报讯（记者陆槐生）11月4", "日，我市举行招商项目集中", "签约仪式。签约项目代表纷纷表"])
    p1 = Piece("headline", lines_of(["简讯"]), ["headline"])
    p2 = _body(["1月14日上午，区十六届人", "大一次会议主席团举行第四", "次会议。大会主席团常务主席柯"])
    p3 = _body(["示，将以本次签约为契机，", "力促项目早开工、早达产。"])
    pieces = [p0, p1, p2, p3]
    assert _order_of(relink(pieces, 12.0), pieces) == [0, 3, 1, 2]
    # without shared words the neighbour keeps its head
    p0b = _body(["本报讯（记者陆槐生）11月4", "日，市民来到公园赏花，游", "客们纷纷表"])
    pieces = [p0b, p1, p2, p3]
    assert _order_of(relink(pieces, 12.0), pieces) == [0, 1, 2, 3]


def test_an_open_tail_without_a_word_across_goes_on_in_the_head_that_names_what_it_names():
    from baozhi.layout.order import relink
    # 14-em column. No dictionary word runs across …处理厂二期 / 项目、镇原县… nor …马拉松赛 /
    # 冠军被…; each tail shares its words (镇原县, 污水; 马拉松) with one head only
    p0 = _body(["本报讯（记者冯晓晓）3月10日，", "镇原县14个重点项目集中开工。", "镇原县金龙工业集中区污水处理厂二期"])
    p1 = _body(["广州日报讯（记者莫嘉豪）昨日，", "广州马拉松赛正式开跑。女子全程马拉松赛"])
    p2 = Piece("headline", lines_of(["联合消防演练"]), ["headline"])
    p3 = _body(["项目、镇原县蒲河流域污水治理工", "程等重点项目建设情况。"])
    p4 = _body(["冠军被来自埃塞俄比亚的马拉松选手", "收入囊中。"])
    pieces = [p0, p1, p2, p3, p4]
    assert _order_of(relink(pieces, 14.0), pieces) == [0, 3, 1, 4, 2]
    # a head that shares as much with both tails is left where it is
    p5 = _body(["项目、全市马拉松赛和污水治理工", "程等重点项目建设情况。"])
    pieces = [p0, p1, p2, p5]
    assert _order_of(relink(pieces, 14.0), pieces) == [0, 1, 2, 3]


def test_a_head_opening_with_a_digit_is_paired_by_vocabulary_like_a_continuation_head():
    from baozhi.layout.order import _cont_head, _goes_on, relink
    # 14-em column: 12.5%、… is no paragraph's start (the rest of an amount) though it is short
    p0 = _body(["工业生产稳步回升。全市规上工业", "增加值增长9.2%，食品和纺织服装", "产值分别同比增长"])
    p1 = Piece("headline", lines_of(["清苑社区"]), ["headline"])
    p2 = _body(["10月9日，兴庆区清苑社区开展了", "垃圾分类宣传活动。"])
    p3 = _body(["12.5%、10.6%，食品和纺织", "服装行业增长带动明显。"])
    assert not _cont_head(p3, 14.0)  # short enough to be a paragraph's indented first line
    assert _goes_on(p3, 14.0) and not _goes_on(p2, 14.0)
    pieces = [p0, p1, p2, p3]
    assert _order_of(relink(pieces, 14.0), pieces) == [0, 3, 1, 2]


def test_a_neighbour_whose_tail_makes_a_word_with_another_head_gives_its_head_up():
    from baozhi.layout.order import relink
    # 14-em column. 原县蒲河… follows …村民来信、村 in the dump, but 村 + 民感言 makes 村民 and
    # the village paper's piece names what 民感言… names (小报, 栏目); 原县… is left to the
    # pairing, which gives it to …项目、镇 (镇原县 in both)
    p0 = _body(["本报讯（记者冯晓晓）3月10日，", "镇原县14个重点项目集中开工，", "包括污水处理厂二期项目、镇"])
    p1 = Piece("headline", lines_of(["三江口村办小报"]), ["headline"])
    p2 = _body(["这份村办小报设有政策宣传、致富", "信息、民情直通、村民来信、村"])
    p3 = _body(["原县蒲河流域水环境综合治理项目、", "镇原县工业园区污水处理厂项目。"])
    p4 = _body(["民感言等小报栏目。", "村民们都说小报办得好。"])
    pieces = [p0, p1, p2, p3, p4]
    assert _order_of(relink(pieces, 14.0), pieces) == [0, 3, 1, 2, 4]
