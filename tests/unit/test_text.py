import dataclasses

from baozhi.text import Text


def test_slice_join_and_spans():
    src = "ab\ncd"
    a = Text.from_source(src, 0, 2)
    b = Text.from_source(src, 3, 5)
    j = Text.join([a, b])
    assert j.value == "abcd"
    assert j.offsets == (0, 1, 3, 4)
    assert j.spans() == [(0, 2), (3, 5)]
    assert j.span() == (0, 5)
    assert j[1:3].value == "bc" and j[1:3].offsets == (1, 3)


def test_strip_keeps_offsets():
    t = Text.from_source("  涂 燕 ", 0).strip()
    assert t.value == "涂 燕"
    assert t.offsets == (2, 3, 4)


def test_length_mismatch_rejected():
    import pytest

    with pytest.raises(ValueError):
        Text("ab", (1,))


def test_strip_of_a_stripped_text_is_the_same_text():
    t = Text.from_source("深入学习", 0)
    assert t.strip() is t
    assert Text.from_source(" 深入 ", 0).strip().offsets == (1, 2)


def test_line_flat_is_the_de_spaced_text():
    from baozhi.model import Line

    ln = Line(Text.from_source("深 入\u3000学 习", 0))
    assert ln.flat == "深入学习"
    assert dataclasses.replace(ln, text=Text.from_source("涂 燕", 0)).flat == "涂燕"
    assert "flat" not in repr(ln)


def test_span_of_a_text_joined_out_of_source_order_covers_it():
    src = "甲乙丙\n丁戊己"
    t = Text.join([Text.from_source(src, 4, 7), Text.from_source(src, 0, 3)])
    assert t.span() == (0, 7)
    assert t.spans() == [(4, 7), (0, 3)]
