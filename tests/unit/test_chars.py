from baozhi.layout.chars import despace, em_width, join_lines, unify_compat
from baozhi.text import Text


def t(s):
    return Text.from_source(s)


def test_despace_letter_spaced_headline():
    assert despace(t("深 入 学 习 贯 彻")).value == "深入学习贯彻"


def test_despace_padded_name_and_digits():
    assert despace(t("渝西都市报记者 涂 燕）")).value == "渝西都市报记者涂燕）"
    assert despace(t("审议 2024 年永川区")).value == "审议2024年永川区"
    assert despace(t("长 11% ， 高 于")).value == "长11%，高于"


def test_despace_keeps_latin_spaces():
    assert despace(t("使用 Windows 10 系统")).value == "使用Windows 10系统"
    assert despace(t("Hong  Kong")).value == "Hong Kong"
    assert despace(t("与José María Aznar会面，在Café de Flore")).value == "与José María Aznar会面，在Café de Flore"


def test_despace_offsets_follow():
    d = despace(t("涂 燕"))
    assert d.offsets == (0, 2)


def test_compat_ideographs_mapped_offsets_kept():
    s = "2024\uf98e"  # 年 as a CJK compatibility ideograph
    u = unify_compat(t(s))
    assert u.value == "2024年" and u.offsets == (0, 1, 2, 3, 4)
    assert unify_compat(t("（，）")).value == "（，）"  # full-width punctuation untouched


def test_em_width():
    assert em_width("会议强调，要") == 6
    assert em_width("2024年") == 3


def test_join_lines_cjk_and_latin():
    src = "徐\n秀霞\nHong\nKong"
    parts = [Text.from_source(src, 0, 1), Text.from_source(src, 2, 4), Text.from_source(src, 5, 9),
             Text.from_source(src, 10, 14)]
    assert join_lines(parts[:2]).value == "徐秀霞"
    assert join_lines(parts[2:]).value == "Hong Kong"
