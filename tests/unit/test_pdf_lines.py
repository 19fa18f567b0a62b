"""Characters → printed lines (``readers.pdf._group_lines``) on hand-made character boxes (points)."""
from baozhi.readers.pdf import _Char, _group_lines

SIZE = 10.0


def _band(y: float, x: float, text: str) -> list[_Char]:
    return [_Char(ch, x + k * SIZE, y, x + (k + 1) * SIZE, y + SIZE, SIZE) for k, ch in enumerate(text)]


def test_a_line_end_comma_hanging_into_a_narrow_gutter_does_not_join_the_next_column():
    # two columns 150 pt wide, 11 pt apart; the middle line of the left column hangs its closing
    # comma 5 pt past the column edge (标点悬挂), the right column's line is indented 2 ems: the
    # gutter left blank above and below is 11 pt between inked edges, 6 pt between the boxes
    chars = (_band(0, 0, "设运营进一步加大支持力度提供") + _band(0, 161, "今年以来集中签约项目进展情况")
             + _band(20, 5, "供优质服务为项目早日投产达效，") + _band(20, 181, "据了解此次签约的")
             + _band(40, 0, "签约项目代表纷纷表示将以本次") + _band(40, 161, "商引资项目包括总部经济项目"))
    lines = ["".join(c.ch for c in ln) for ln in _group_lines(chars)]
    assert "供优质服务为项目早日投产达效，" in lines and "据了解此次签约的" in lines
    assert len(lines) == 6


def test_a_bold_lead_in_cut_off_by_the_bands_rejoins_its_line_across_a_word_space():
    from baozhi.readers.pdf import _join_pieces
    lead = _band(0, 0, "本报讯")                     # ends at 30 pt
    rest = _band(0.4, 36, "记者蔡南报道")             # a word space (0.6 em) further on, a little lower
    joined = [["".join(c.ch for c in ln)] for ln in _join_pieces([lead, rest], [0, 1])]
    assert joined == [["本报讯记者蔡南报道"]]
    # one band: the gap split it (a gutter), it stays split
    assert len(_join_pieces([lead, rest], [0, 0])) == 2
    # no word space after a closing mark: a column line hanging 、 into a narrow gutter
    assert len(_join_pieces([_band(0, 0, "好经验、"), rest], [0, 1])) == 2


def test_a_headline_character_a_hair_lower_stays_in_its_line():
    # a 9 pt column line beside a 12.4 pt headline whose centre is 3.6 pt lower: the headline's
    # characters fall into the column line's band; 六 and 会 (another font's glyphs) sit 0.15 pt
    # lower still, past that band's centre tolerance, but with the headline's own characters
    def chars(text, x, cy, size, low=""):
        out = []
        for k, ch in enumerate(text):
            c = cy + (0.15 if ch in low else 0.0)
            out.append(_Char(ch, x + k * size, c - size / 2, x + (k + 1) * size, c + size / 2, size))
        return out

    column = chars("工作合力确保各项攻坚任务", 0, 603.0, 9.0)
    head = chars("区十六届人大一次会议", 200, 606.65, 12.41, low="六会")
    lines = sorted("".join(c.ch for c in ln) for ln in _group_lines(column + head))
    assert lines == ["区十六届人大一次会议", "工作合力确保各项攻坚任务"]



def test_a_spaced_lead_in_at_a_column_end_does_not_join_the_next_column_across_the_gutter():
    # two columns of 12 ems (0-120 pt, 136-256 pt); the left column's line ends with a spaced bold
    # lead-in (本报讯 记者 蔡 南: word spaces of 0.7 em, a padded name of 1.2 em), the right
    # column's line is a short paragraph end: the 1.6 em gutter is within twice the spacing on the
    # lead-in's side, but the line after it has none. Two lines, not one across the gutter.
    lead = []
    for ch, x in zip("本报讯记者蔡南", (24, 34, 44, 61, 71, 88, 110)):
        lead += _band(20, x, ch)
    chars = (_band(0, 0, "为深入学习贯彻重要指示精") + _band(0, 136, "全省消防安全集中整治工作")
             + lead + _band(20, 136, "参加演练。")
             + _band(40, 0, "报道为深入学习贯彻重要指") + _band(40, 136, "上午九时三十分演练依次开"))
    lines = sorted("".join(c.ch for c in ln) for ln in _group_lines(chars))
    assert lines == sorted(["为深入学习贯彻重要指示精", "全省消防安全集中整治工作", "本报讯记者蔡南", "参加演练。",
                            "报道为深入学习贯彻重要指", "上午九时三十分演练依次开"])
