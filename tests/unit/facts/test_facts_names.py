"""Name rules: surname + given name, right-end cues, lists, 同志, ·-names, non-names."""
import pytest

from baozhi.facts.names import is_surname, left_ok, name_at, name_ending_at, right_cue, shape_ok
from baozhi.facts.persons import detect_persons
from baozhi.facts.view import View


@pytest.mark.parametrize("s,ok", [("王", True), ("欧阳", True), ("司徒", True), ("委", False), ("欧", True)])
def test_is_surname(s, ok):
    assert is_surname(s) is ok


@pytest.mark.parametrize("name,strong,ok", [
    ("郭晨永", True, True), ("史芳", True, True), ("林陈慧雯", True, True), ("欧阳静怡", True, True),
    ("亚森江·热合曼", True, True), ("殷殷", True, False), ("区委", True, False), ("代表", True, False),
    ("党中央", True, False), ("全会", False, False), ("包可", False, False), ("包可", True, True),
    ("张伟等", True, False),
])
def test_shape_ok(name, strong, ok):
    assert shape_ok(name, strong=strong) is ok


@pytest.mark.parametrize("v,j,strength", [("张三,", 2, 3), ("张三主持会议", 2, 2), ("张三在会上", 2, 1),
                                          ("张三总书记", 2, 2), ("张三峰会", 2, 0), ("张三", 2, 3)])
def test_right_cue(v, j, strength):
    assert right_cue(v, j) == strength


@pytest.mark.parametrize("v,i,L", [
    ("市长邵永和在研究", 2, 3),            # 3 beats 2 when both end at a cue
    ("县长覃安峰主持召开", 2, 3),
    ("区长史芳主持召开", 2, 2),
    ("县委副书记薛志等出席", 5, 2),         # 等 is not a given-name character
    ("局长包佳盛连同大埔区", 2, 3),          # 连同 ends a name
    ("局长林陈慧雯探访长者", 2, 4),          # two surnames + two given characters
    ("责任编辑欧阳静怡\n", 4, 4),            # compound surname + two
    ("副主席亚森江·热合曼,副主席", 3, 7),    # ·-joined transliteration
    ("村民阿力木江·阿不都拉家中", 2, 9),      # 家中 ends it
    ("副市长司徒文清到西安", 3, 4),
    ("总书记殷殷嘱托", 3, 0),
])
def test_name_at(v, i, L):
    assert name_at(v, i) == L


def test_name_ending_at_needs_left_boundary():
    assert name_ending_at("传达彭瑜代省长", 4) == 2
    assert name_ending_at("以习近平同志", 4) == 3
    assert left_ok("由包可", 1) and not left_ok("国家", 1)


def _persons(text):
    P = detect_persons(View(text).v)
    return {n: [View(text).v[s:e] for s, e in P.titles[n]] for n in P.order}


def test_title_list_applies_to_every_name():
    assert _persons("副市长邱容定、魏琳、郭可,市政府秘书长岳敏南出席会议。") == {
        "邱容定": ["副市长"], "魏琳": ["副市长"], "郭可": ["副市长"], "岳敏南": ["市政府秘书长"]}


def test_group_label_is_not_a_title():
    assert _persons("区领导范丹、方永春出席会议。") == {"范丹": [], "方永春": []}


def test_tongzhi_marks_names_and_is_not_a_title():
    assert _persons("选举出莫波海同志为镇人大主席,侯和、曾中两位同志为副镇长。") == {
        "莫波海": [], "侯和": [], "曾中": []}


def test_name_before_post():
    assert _persons("会议传达彭瑜代省长批示要求。") == {"彭瑜": ["代省长"]}
    assert _persons("深入贯彻习近平总书记重要讲话精神。") == {"习近平": ["总书记"]}


def test_list_closed_by_deng_group_label():
    assert _persons("沈心、余方茂、王柏等区领导参加会议。") == {"沈心": [], "余方茂": [], "王柏": []}


def test_leader_in_fixed_phrase():
    assert _persons("深入学习习近平外交思想。") == {"习近平": []}


def test_bare_name_before_strong_verb():
    assert _persons("会议结束。安芳指出,要加强学习。") == {"安芳": []}


def test_surname_plus_kinship_is_not_a_name():
    assert _persons("探访居于钟屋村的91岁侯婆婆。") == {}


def test_a_county_before_a_word_starting_with_its_post_is_no_person():
    # 凤冈县 / 长山米业: not 凤冈 the 县长; a name before 县长 that makes no place name still is one
    from baozhi.facts import extract_article
    f = extract_article("据了解，凤冈县长山米业有限公司建设项目总投资6600万元。")
    assert f["persons"] == []
    f = extract_article("王刚县长在会上讲话。")
    assert [(p["name"], p["titles"]) for p in f["persons"]] == [("王刚", ["县长"])]
