"""Credits: reporters and editors."""
from baozhi.facts.credits import find_credits
from baozhi.facts.view import View


def _credits(text):
    return [(c.name, c.kind) for c in find_credits(View(text).v)]


def test_byline_with_layout_space():
    assert _credits("本报讯（渝西都市报记者 涂 燕）6月12日，") == [("涂燕", "reporter")]


def test_several_roles():
    assert _credits("(长江云新闻记者 曾正 通讯员 安苗)") == [("曾正", "reporter"), ("安苗", "reporter")]


def test_name_right_after_role_word():
    assert _credits("新华社喀什9月27日电 (记者安琳明 武可苗) 27日") == [("安琳明", "reporter"), ("武可苗", "reporter")]


def test_bracket_of_names_closing_a_paragraph():
    assert _credits("会议还研究了其他事项。 (柏娟祥 崔宜士)\n") == [("柏娟祥", "reporter"), ("崔宜士", "reporter")]


def test_bracket_with_version_tag_is_not_a_credit():
    assert _credits("审议了方案(讨论稿)\n") == []


def test_editors():
    assert _credits("(责任编辑:朱春天)") == [("朱春天", "editor")]
    assert _credits("编辑: 梁福泉 审核人:朱士苗 阅读次数:2287") == [("梁福泉", "editor"), ("朱士苗", "editor")]


def test_reporter_named_wen_is_not_split():
    assert _credits("本报讯(记者 丁文)2月9日") == [("丁文", "reporter")]


def test_square_and_closing_name():
    assert _credits("■王小明\n正文。") == [("王小明", "reporter")]
    assert _credits("进入收尾阶段。\n邱宏哲") == [("邱宏哲", "reporter")]
