"""Small inputs for large-type titles that default ``pdftotext`` scatters through the columns
(layout/scatter.py): the body runs on across the title's characters, which are gathered into
title lines."""
from baozhi.layout.order import Piece
from baozhi.layout.scatter import (bridge_scatter, cut_lines, gather_scatter, join_fragments, number_runs, scatter_piece,
                                   stray_title_chars, subtitle_parts, title_lines)
from baozhi.model import Line
from baozhi.text import Text


def piece(kind: str, texts: list[str], label: str | None = None) -> Piece:
    lab = label or kind
    return Piece(kind, [Line(Text.from_source(t)) for t in texts], [lab] * len(texts))


def heads(p: Piece) -> list[str]:
    return [ln.flat for ln in p.lines]


# a 16-em column cut by a two-line title set across it (探寻嘉州春天 / 共话乡村振兴)
A = ["本报讯（记者林涛）近日，", "体记者走进市中区，宣传推广市中区", "的乡村之美、生态之美，展示乡村振"]
B = ["兴亮点成果。", "当天，记者们先后来到水口镇龙", "农文旅融合发展等方面取得的新成"]
C = ["果，进行实地采访。", "伴随着乡村振兴的号角，市中区"]
D = ["的乡村处处焕发生机。2021年，市", "居民人均可支配收入达23184元。"]


def test_scatter_piece_is_one_or_two_ideographs_a_line():
    assert scatter_piece(piece("headline", ["探", "共"]))
    assert scatter_piece(piece("headline", ["寻 嘉", "州"]))
    assert not scatter_piece(piece("headline", ["简讯"]))  # a section label
    assert not scatter_piece(piece("headline", ["济", "："]))  # a vertical kicker's colon
    assert not scatter_piece(piece("body", ["探"]))
    assert scatter_piece(piece("headline", ["“", "冻", "马"]))  # a quoted title's marks with its characters
    assert scatter_piece(piece("headline", ["“"]))
    assert not scatter_piece(piece("headline", ["“", "”"]))


def test_body_runs_on_across_the_scattered_title_and_the_title_is_rebuilt():
    pieces = [piece("body", A), piece("furniture", ["星期一"]), piece("headline", ["探", "共", "寻", "话"]),
              piece("body", B), piece("headline", ["嘉", "乡", "州", "村"]), piece("body", C),
              piece("headline", ["春", "振", "天", "兴"]), piece("body", D)]
    links, titles = bridge_scatter(pieces, 16.0)
    # 乡村振 / 兴亮点 and 新成 / 果，: words across; 市中区 / 的乡村: the chain the title cuts goes on
    assert links == {0: 3, 3: 5, 5: 7}
    assert len(titles) == 1 and titles[0][0] is pieces[0] and titles[0][1] == [pieces[2], pieces[4], pieces[6]]
    assert titles[0][2] == [pieces[3], pieces[5], pieces[7]]
    ordered = [pieces[0], pieces[3], pieces[5], pieces[7], pieces[1], pieces[2], pieces[4], pieces[6]]
    out = gather_scatter(pieces, ordered, titles, frozenset())
    # the title goes before the chain's lead (本报讯…), its other pieces dropped
    assert [p.kind for p in out] == ["headline", "body", "body", "body", "body", "furniture"]
    assert heads(out[0]) == ["探寻嘉州春天", "共话乡村振兴"]
    assert out[0].labels == ["headline", "headline"]


def test_no_link_without_a_word_across_or_a_chain():
    # …各学校大门口， / 声 / 再 / 村治理示范乡镇…: no word across from the piece right before;
    # the open tail further back (…第三批全国乡 + 村治理 → 乡村) takes it
    far = piece("body", ["司法部联合开展了第三批乡村治理示范", "拟认定100个乡（镇）为第三批全国乡"])
    near = piece("body", ["春暖花开，各地相继制定开学计划、", "保障校院周边交通安全；各学校大门口，"])
    b = piece("body", ["村治理示范乡镇、1003个村为第三批", "市樊村镇西磑村。"])
    pieces = [far, piece("headline", ["园", "书"]), near, piece("headline", ["声", "再"]), b]
    links, titles = bridge_scatter(pieces, 17.0)
    assert links == {0: 4}
    assert [t[1] for t in titles] == [[pieces[3]]]


def test_straight_title_is_left_to_the_vertical_rules():
    lines = [Line(Text.from_source(c)) for c in "清苑社区"]
    assert title_lines(lines, frozenset()) == lines


def test_alternating_characters_become_two_lines_upper_first():
    src = "\n".join("探共寻话嘉乡州村春振天兴")  # one character a line, as the dump prints them
    lines = [Line(Text.from_source(src, k, k + 1)) for k in range(0, len(src), 2)]
    out = title_lines(lines, frozenset())
    assert [ln.flat for ln in out] == ["探寻嘉州春天", "共话乡村振兴"]
    assert out[0].text.offsets == (0, 4, 8, 12, 16, 20)  # each character keeps its source offset
    assert out[1].text.offsets == (2, 6, 10, 14, 18, 22)


def test_body_line_cut_before_the_title_characters_is_body():
    # …说。 / 和沟村村民除了收取土地租金、药材收 (labelled headline with 包 / 鼓) / 入分红之外…: a
    # column line (17 ems of 19) that ends no sentence, 收入 runs on into the piece after the run
    pieces = [piece("body", ["物效益高得多。”合作社负责人韩志远鼓励大家说。"]),
              piece("headline", ["和沟村村民除了收取土地租金、药材收", "包", "鼓"]),
              piece("body", ["入分红之外，还可以在合作社里上班，每个", "村民韩德顺满意地说。"])]
    out = cut_lines(pieces, 19.0)
    assert [(p.kind, heads(p)) for p in out] == [
        ("body", ["物效益高得多。”合作社负责人韩志远鼓励大家说。"]),
        ("body", ["和沟村村民除了收取土地租金、药材收"]), ("headline", ["包", "鼓"]),
        ("body", ["入分红之外，还可以在合作社里上班，每个", "村民韩德顺满意地说。"])]
    assert out[1].labels == ["body"]
    links, titles = bridge_scatter(out, 19.0)
    assert links == {1: 3}


def test_title_line_before_the_characters_stays_headline():
    # a title line: no word runs from it into the body after the run
    pieces = [piece("headline", ["迎峰度冬保供电", "张", "大"]),
              piece("body", ["12月12日，江永县潇浦镇永回路，电力工人"])]
    assert cut_lines(pieces, 19.0) == pieces
    # the column line is body when a word (收入) runs on into the piece after the run, and not
    # when that piece opens a text (a dated lead)
    pieces = [piece("headline", ["和沟村村民除了收取土地租金、药材收", "包", "鼓"]),
              piece("body", ["入股外，又在昌王村流转了30多亩土地"])]
    assert [p.kind for p in cut_lines(pieces, 19.0)] == ["body", "headline", "body"]
    pieces[1] = piece("body", ["12月11日，天冷飕飕的。"])
    assert cut_lines(pieces, 19.0) == pieces


def test_title_fragments_read_apart_by_body_pieces_are_joined():
    # 联 … 合消防演 (联合), across body pieces of one text
    body1 = piece("body", ["为提升企业及居民群众消防安全意识，"])
    body2 = piece("body", ["和应急处置能力，近日，沈阳市沈河区"])
    ordered = [piece("headline", ["联"]), body1, piece("headline", ["合消防演", "筑牢安全防火墙"]), body2]
    out = join_fragments(ordered)
    assert [(p.kind, heads(p)) for p in out] == [
        ("headline", ["联合消防演"]), ("body", heads(body1)), ("headline", ["筑牢安全防火墙"]), ("body", heads(body2))]
    # characters printed one a line: the next piece's run of them moves on after the first
    ordered = [piece("headline", ["清", "苑", "社"]), body1, piece("headline", ["区", "积分兑换制激发垃圾分类新动能"])]
    out = join_fragments(ordered)
    assert [heads(p) for p in out] == [["清", "苑", "社", "区"], heads(body1), ["积分兑换制激发垃圾分类新动能"]]


def test_title_fragments_stay_apart_without_a_word_or_across_a_lead():
    body = piece("body", ["为提升企业及居民群众消防安全意识，"])
    lead = piece("body", ["本报讯（记者林涛）近日，由市中区委宣"])
    ordered = [piece("headline", ["联"]), lead, piece("headline", ["合消防演"])]
    assert join_fragments(ordered) == ordered
    ordered = [piece("headline", ["迎峰度"]), body, piece("headline", ["冬保供电"])]  # 度冬: no word
    assert join_fragments(ordered) == ordered


def test_numbers_among_title_characters_are_read_with_them():
    def flats(texts):
        return [ln.flat for ln in number_runs([Line(Text.from_source(t)) for t in texts])]
    assert flats(["新", "增", "学", "位", "4500", "多", "个"]) == ["新增学位4500多个"]
    assert flats(["标题", "市", "1", "镇", "3", "村"]) == ["标题", "市1镇3村"]
    # a number closing the run, a long number, one ideograph only: left alone
    assert flats(["市", "镇", "3"]) == ["市", "镇", "3"]
    assert flats(["市", "20245", "村"]) == ["市", "20245", "村"]
    assert flats(["第", "2", "版"]) == ["第2版"]
    assert flats(["2", "镇", "村"]) == ["2", "镇", "村"]


def test_title_character_among_the_header_lines_is_headline_and_starts_the_title():
    from baozhi.articles.assemble import classify_lines
    texts = ["东湖晚报", "2025年11月22日", "探", "星期六", "责任编辑 吴昊", "寻 嘉 州 春", "共话乡村振兴",
             "本报讯（记者 林 涛）近日，由市中区委宣传部组织"]
    labels = classify_lines([Line(Text.from_source(t)) for t in texts], 16.0)
    assert labels[:5] == ["furniture", "furniture", "headline", "furniture", "furniture"]
    # 探寻 (join score under WORD_JOIN) across header lines only: joined
    lead = piece("body", ["本报讯（记者林涛）近日，由市中区委宣"])
    ordered = [piece("furniture", ["东湖晚报"]), piece("headline", ["探"]), piece("furniture", ["星期六"]),
               piece("headline", ["寻嘉州春", "共话乡村振兴"]), lead]
    out = join_fragments(ordered)
    assert [heads(p) for p in out] == [["东湖晚报"], ["探寻嘉州春"], ["星期六"], ["共话乡村振兴"], heads(lead)]
    # with a text printed before: the word must be common (WORD_JOIN)
    ordered = [lead, piece("headline", ["探"]), piece("furniture", ["星期六"]), piece("headline", ["寻嘉州春"])]
    assert join_fragments(ordered) == ordered


def test_title_characters_printed_before_the_chains_first_piece_join_the_title():
    # 探 / 共 and 寻 / 话 stand above the column's first line: printed before it, no link reaches them
    pieces = [piece("furniture", ["渝东都市报"]), piece("headline", ["探", "共"]), piece("furniture", ["星期日"]),
              piece("headline", ["寻", "话"]), piece("body", A), piece("headline", ["嘉", "乡", "州", "村"]),
              piece("body", B), piece("headline", ["春", "振", "天", "兴"]), piece("body", C)]
    links, titles = bridge_scatter(pieces, 16.0)
    assert links == {4: 6, 6: 8}
    ordered = [pieces[0], pieces[1], pieces[2], pieces[3], pieces[4], pieces[6], pieces[8], pieces[5], pieces[7]]
    out = gather_scatter(pieces, ordered, titles, frozenset())
    assert [heads(p) for p in out if p.kind == "headline"] == [["探寻嘉州春天", "共话乡村振兴"]]


def test_title_last_character_bridged_over_ends_the_text_title_line():
    # …增 / 天 / 长9.3%…: the title 探寻嘉州春 printed above the text, its 天 in the column
    head = piece("headline", ["探寻嘉州春", "共话乡村振兴"])
    lead = piece("body", ["本报讯（记者林涛）近日，由市中区委宣", "生猪出栏30.68万头，增"])
    tian = piece("headline", ["天"])
    rest = piece("body", ["长9.3%，年末生猪存栏19.92万头。"])
    pieces = [head, lead, tian, rest]
    links, titles = bridge_scatter(pieces, 16.0)
    assert links == {1: 3}
    out = gather_scatter(pieces, [head, lead, rest, tian], titles, frozenset())
    assert [heads(p) for p in out] == [["探寻嘉州春天", "共话乡村振兴"], heads(lead), heads(rest)]
    # no word across (兴 + 天): the character stays where it was read
    head2 = piece("headline", ["共话乡村振兴"])
    pieces = [head2, lead, tian, rest]
    links, titles = bridge_scatter(pieces, 16.0)
    out = gather_scatter(pieces, [head2, lead, rest, tian], titles, frozenset())
    assert [heads(p) for p in out] == [["共话乡村振兴"], heads(lead), heads(rest), ["天"]]


def test_a_subtitle_segment_printed_inside_its_text_joins_the_text_headline():
    head = piece("headline", ["延长县重点项目集中开复工", "全年实施重点项目52个"])
    lead = piece("body", ["本报讯（记者吴航）3月14日，延长县", "今年，全县全年确定实施重点项", "目52个，其中续建项目"])
    part = piece("headline", ["计划总投资134.12亿元"])
    rest = piece("body", ["19个，新建项目33个，项目总", "投资134.12亿元，年度计划投资", "53.6亿元。"])
    other = piece("body", ["1月29日，老人们在济南市长清区就餐。"])
    out = subtitle_parts([head, lead, part, rest, other], 14.0)
    assert [(p.kind, heads(p)) for p in out] == [
        ("headline", ["延长县重点项目集中开复工", "全年实施重点项目52个", "计划总投资134.12亿元"]),
        ("body", heads(lead)), ("body", heads(rest)), ("body", heads(other))]
    # a body-labelled segment: the text runs across it on a word (投 / 资), not into it
    head = piece("headline", ["延长县重点项目集中开复工", "全年实施重点项目52个"])
    cut = piece("body", ["本报讯（记者吴航）3月14日，项目总投", "资134.12亿元，年度计划投"])
    part = piece("body", ["计划总投资134.12亿元"])
    rest = piece("body", ["资53.6亿元，重大前期项目17个。"])
    out = subtitle_parts([head, cut, part, rest], 14.0)
    assert heads(out[0])[-1] == "计划总投资134.12亿元" and len(out) == 3


def test_a_line_inside_a_text_stays_without_shared_words_or_after_a_sentence_end():
    head = piece("headline", ["延长县重点项目集中开复工"])
    lead = piece("body", ["本报讯（记者吴航）3月14日，延长县", "重点项目52个，其中续建项目"])
    rest = piece("body", ["19个，新建项目33个，项目总投资134.12亿元。"])
    ordered = [head, lead, piece("headline", ["共话乡村振兴"]), rest]  # another title's line: no words shared
    assert subtitle_parts(ordered, 14.0) == ordered
    closed = piece("body", ["本报讯（记者吴航）3月14日，延长县", "开工。"])
    ordered = [head, closed, piece("headline", ["计划总投资134.12亿元"]), rest]  # the text above ends there
    assert subtitle_parts(ordered, 14.0) == ordered
    # a body line the text does not run across (no word from 投 into 19个)
    cut = piece("body", ["本报讯（记者吴航）3月14日，项目总投", "资134.12亿元，年度计划投"])
    ordered = [head, cut, piece("body", ["计划总投资134.12亿元"]), rest]
    assert subtitle_parts(ordered, 14.0) == ordered


def test_a_title_character_left_on_another_headline_goes_to_its_scattered_title():
    grams = frozenset({"非遗", "遗项", "项目"})  # the body prints 非遗项目
    head = piece("headline", ["区委理论学习中心", "组举行集体学习会议", "非"])
    body = piece("body", ["12月16日，区委理论学习中心组举行集体学习会议。"])
    chars = piece("headline", ["遗", "传", "人"])
    out = stray_title_chars([head, body, chars], grams)
    assert [heads(p) for p in out] == [["区委理论学习中心", "组举行集体学习会议"], heads(body), ["非", "遗", "传", "人"]]
    # a first character that ends a scattered title printed before (冻马 + 加鞭: 马加? no; 加鞭 after)
    head = piece("headline", ["鞭", "联合消防演练"])
    chars = piece("headline", ["加"])
    out = stray_title_chars([chars, body, head], frozenset({"加鞭"}))
    assert [heads(p) for p in out] == [["加", "鞭"], heads(body), ["联合消防演练"]]


def test_an_edge_character_stays_when_it_makes_a_word_in_its_own_headline_or_none_elsewhere():
    body = piece("body", ["12月16日，区委理论学习中心组举行集体学习会议。"])
    head = piece("headline", ["迎峰度冬保供", "电"])  # 供电: a word with the line before
    ordered = [head, body, piece("headline", ["力", "工"])]
    assert stray_title_chars(ordered, frozenset({"电力"})) == ordered and heads(head)[-1] == "电"
    head = piece("headline", ["区委理论学习中心", "非"])  # no word with any scattered title
    ordered = [head, body, piece("headline", ["遗", "传"])]
    assert stray_title_chars(ordered, frozenset()) == ordered and heads(head)[-1] == "非"
