"""The tangle pre-check's per-line features give exactly :func:`_cont`'s evidence."""
from baozhi.layout.tangles import (JOIN_MAX, _alternations, _cont, _cont_features, _line_features, _repeat,
                                   page_vocabulary)

LINES = [
    "本报讯（记者陆槐生）",
    "5月3日，县里召开乡村治理工作会议，部署",
    "今年的重点任务。",
    "会议要求，各乡镇要加强管",
    "理的力度，确保各项措施落到实处。",
    "他说：“我们将继续努力。”",
    "（记者卢碧云通讯员范艳）",
    "12.",
    "5%的增长",
    "保市民和车辆通行安全。本报记者雷",
    "金华摄",
]


def test_features_match_cont():
    w = 20.0
    feats = [_line_features(s, w) for s in LINES]
    for i, a in enumerate(LINES):
        for k, b in enumerate(LINES):
            full = _cont_features(feats[i], feats[k], w)
            assert full == _cont(a, b, w)
            rough = _cont_features(feats[i], feats[k], w, join=False)
            assert rough <= full <= rough + JOIN_MAX


def test_alternations_bound_keeps_answer():
    # a line continued by the one two below (管 + 理) rather than the next
    flats = ["会议要求，各乡镇要加强管", "本报讯（记者陆槐生）", "理的力度，确保各项措施落到实处。", "他说。"]
    vocab = page_vocabulary(flats)
    w = 20.0
    got = _alternations(flats, w, vocab)

    def ev(a, b):
        return _cont(a, b, w) + _repeat(a, b, vocab)

    want = [i for i in range(len(flats) - 2)
            if any(ev(flats[i], flats[k]) >= ev(flats[i], flats[i + 1]) + 1.5
                   for k in range(i + 2, min(len(flats), i + 4)))]
    assert got == want == [0]


def test_char_tables_match_definitions():
    from baozhi.articles.cues import letter_spaced, min_width
    from baozhi.layout.chars import em_width, ideograph_count

    s = "本报讯 （记者 陆槐生）12.5% ab　“好”。\t乡 村 振 兴"
    assert em_width(s) == 21.5  # ideographs and CJK punctuation 1, Latin 0.5, spaces 0
    assert min_width(s) == 19.0  # punctuation compressed to 0.5
    assert ideograph_count(s) == 13
    assert letter_spaced("深 入 学 习 贯 彻") is True
    assert letter_spaced("深入 学习 贯彻") is False


def test_furniture_one_pattern_matches_any_rule():
    from baozhi.articles.cues import _FURNITURE, is_furniture

    for s in ["第3版", "2024年5月3日 星期五", "星期五 责任编辑：王 明", "农历甲辰年", "责编 李华 校对 张三",
              "CN 11-0001", "5月3日", "本报讯（记者陆槐生）", "会议要求，各乡镇要加强管理。"]:
        assert is_furniture(s) == any(p.match(s) for p in _FURNITURE)
    assert is_furniture("第3版") and not is_furniture("会议要求，各乡镇要加强管理。")


def test_a_photo_credit_broken_in_its_name_goes_on_from_the_credit_start():
    from baozhi.layout.tangles import CREDIT_SPLIT, _credit_rest, _credit_start
    w = 16.0
    assert _credit_start("保市民和车辆通行安全。本报记者雷") and not _credit_start("“择校热”和“大班额”现象。图")
    assert _credit_start("活动现场。通讯员") and _credit_start("现场。摄影张") and not _credit_start("记者会上，各方表示")
    assert _credit_rest("金华摄") and _credit_rest("宋婷/摄") and not _credit_rest("开学第一课。记者罗仰东宋婷/摄")
    assert _cont("保市民和车辆通行安全。本报记者雷", "金华摄", w) == CREDIT_SPLIT
    assert _cont("“择校热”和“大班额”现象。图", "金华摄", w) == 0.0


def test_a_tangle_of_four_columns_is_found_by_its_period():
    from baozhi.layout.order import Piece
    from baozhi.layout.tangles import _long_period, untangle_gapless
    from baozhi.model import Line
    from baozhi.text import Text
    # 13-em columns of a wide page printed row by row without telling blank lines: each line
    # goes on four lines below, which the alternation check (two or three below) misses
    cols = [
        ["全市规上工业增加值增长较快，增", "速同比提升一个百分点。全市工", "业用电量同比增长较快，高于全", "省平均水平两个百分点。其中，"],
        ["会议指出，政协全体会议是全区人", "民政治生活中的一件大事。开好", "这次大会，党政重视、社会关注", "、委员期待。各位委员一定要切"],
        ["活动中，清苑社区志愿者向居民讲", "解了垃圾分类的方法和意义，帮", "助居民更好理解垃圾分类方法的", "内容，让垃圾分类意识更加深入"],
        ["据悉，今年镇原县计划实施项目二", "百多个，总投资三百多亿元，当", "年投资九十多亿元，目前已开工", "六十多个，完成投资三亿多元。"],
    ]
    flats = [cols[c][r] for r in range(4) for c in range(4)]
    assert _long_period(flats, 13.0, page_vocabulary(flats)) == (4, [0, 1, 2, 4, 6, 7])
    p = Piece("body", [Line(Text.from_source(t), gap_before=True) for t in flats], ["body"] * 16)
    out = untangle_gapless([p], 13.0)
    assert [[ln.text.value for ln in q.lines] for q in out[:4]] == [c[:3] for c in cols]
    assert [ln.text.value for ln in out[4].lines] == flats[12:]


def test_a_tangle_of_five_columns_beats_a_few_chance_alternations():
    from baozhi.layout.order import Piece
    from baozhi.layout.tangles import _long_period, untangle_gapless
    from baozhi.model import Line
    from baozhi.text import Text
    # five 14-em columns printed row by row, a blank line after every line (the first column's
    # first line cut at its padded name: 本报讯（全媒体记者 / 郑 / 磊）…, its rest printed after the
    # row): a few lines are continued two or three below by chance (6, 10, 20), but more are
    # continued five below (_long_period), and reading the tangle with five streams gains more
    flats = ["本报讯（全媒体记者", "郑", "议。", "感，以对党、对全区人民高度负", "大会顺利进行。各组召集人要向",
             "提高会议实效。要担当使命，积", "磊）1月14日，区政协十届", "会议指出，政协全体会议是",
             "责的态度，以饱满的政治热情、", "委员传达好此次小组召集人会议", "极履职，切实做好各项工作，不",
             "三次会议各组召集人会议召开，", "全区人民政治生活中的一件大", "良好的精神状态开好这次大会。",
             "精神，组织好委员认真参会、认", "辜负组织厚望。要同心同德，尽", "宣读大会临时党委名单，介绍大",
             "事。开好这次大会，党政重视、", "会议强调，全体委员会议期", "真记录、认真讨论，协助好大会",
             "职尽责，把这次大会开成一个民", "会议程、日程安排。区政协副主", "社会关注、委员期待。各位委员",
             "间要严肃会风会纪，严守廉政纪", "秘书处做好提案征集等工作，切", "主、求实、团结、鼓劲的大会。",
             "席陶秀兰，秘书长高学军出席会", "一定要切实增强责任感和使命", "律、会议纪律和相关要求，确保",
             "实严肃会议纪律，规范会议秩序，"]
    vocab = page_vocabulary(flats)
    assert _alternations(flats, 14.0, vocab) == [6, 10, 20]
    assert _long_period(flats, 14.0, vocab) == (5, [3, 5, 12, 14, 21, 23, 24])
    p = Piece("body", [Line(Text.from_source(t), gap_before=True) for t in flats], ["body"] * 30)
    out = untangle_gapless([p], 14.0)
    # five streams (before: the alternations' search, at most four streams, did not beat reading
    # in order, and the block stayed one piece); on the whole page its other lines' words
    # (page_vocabulary) set every line right, here alone some go astray
    assert [[flats.index(ln.text.value) for ln in q.lines] for q in out] == [
        [0, 1, 6], [2, 7, 11, 14, 19, 22, 25, 26, 27], [3, 8, 12, 15, 20, 23, 28], [4, 9],
        [5, 10, 13, 16, 17, 18, 21, 24, 29]]


def test_page_vocabulary_holds_the_pairs_and_triples_of_the_lines():
    pairs, triples = page_vocabulary(["乡村治理", "会议"])
    assert pairs == {"乡村", "村治", "治理", "理\n", "\n会", "会议"}
    assert triples == {"乡村治", "村治理", "治理\n", "理\n会", "\n会议"}
    assert page_vocabulary(["会"]) == (frozenset(), frozenset()) and page_vocabulary(["会议"]) == ({"会议"}, frozenset())
