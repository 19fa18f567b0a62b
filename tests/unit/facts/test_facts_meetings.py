"""Meetings: name, organizer, kind, ordinal; held versus cited or future."""
import pytest

from baozhi.facts.meetings import describe, find_meetings, kind_of, ordinal_of, organizer_of, to_int


def _meetings(v):
    return [describe(m, lambda s, e: v[s:e]) for m in find_meetings(v)]


@pytest.mark.parametrize("name,kind", [
    ("区政府第58次常务会议", "常务会议"), ("市委常委会", "常委会会议"), ("十三届县委第32次常委会会议", "常委会会议"),
    ("区长办公会", "办公会"), ("区政府党组(扩大)会议", "党组会议"), ("第一届民主议政会第二次会议", "会议"),
    ("第十九届第一次人民代表大会", "人民代表大会"), ("全省安全生产电视电话会议", "电视电话会议"),
    ("莎车干部群众座谈会", "座谈会"), ("全体会", "全体会"), ("联席会议预备会", "预备会"), ("大工委成立大会", "成立大会"),
    ("全市安全生产工作推进会", "推进会"), ("区政协十届三次会议各组召集人会议", "召集人会议"),
    ("市委财经委员会会议", "会议"),  # a body's sitting (was 员会会议: the two characters before 会议)
])
def test_kind_of(name, kind):
    assert kind_of(name) == kind


@pytest.mark.parametrize("name,subject,org", [
    ("中共临河区第十四届委员会第16次常委会", None, "中共临河区第十四届委员会"),
    ("闽粤赣十三市党政领导第二十三次联席会议预备会", None, "闽粤赣十三市党政领导"),
    ("第十九届第一次人民代表大会", "孟村镇", "孟村镇"),
    ("区政府党组(扩大)会议", None, "区政府党组"),
    ("市委常委会", None, "市委常委会"),
    ("党组会议", "省政协", "省政协"),
    ("莎车干部群众座谈会", None, None),
    ("大工委成立大会", None, None),
    ("区长办公会", None, None),
    ("2024年第3次常务会议", "区政府", "区政府"),
])
def test_organizer_of(name, subject, org):
    assert organizer_of(name, subject) == org


def test_ordinals():
    assert ordinal_of("区政府第五十二次常务会议") == 52
    assert ordinal_of("县政协十一届一次会议") is None
    assert to_int("二十三") == 23 and to_int("58") == 58


def test_chaired_meeting():
    assert _meetings("6月12日,区长常晓勇主持召开区政府第58次常务会议,传达贯彻精神。") == [
        {"name": "区政府第58次常务会议", "organizer": "区政府", "kind": "常务会议", "ordinal": 58}]


def test_bare_meeting_takes_the_body_as_prefix():
    assert _meetings("6月12日,永川区委常委会召开会议,传达贯彻精神。") == [
        {"name": "永川区委常委会会议", "organizer": "永川区委常委会", "kind": "常委会会议", "ordinal": None}]


def test_joint_meetings_split():
    got = _meetings("区长包柏主持召开区政府党组(扩大)会议和区政府常务会议,深入学习。")
    assert [m["name"] for m in got] == ["区政府党组(扩大)会议", "区政府常务会议"]


def test_subject_meeting_and_session_as_organizer():
    assert _meetings("12月24日下午,市政府第二次全体会议召开,传达学习。")[0]["name"] == "市政府第二次全体会议"
    got = _meetings("县政协十一届一次会议举行预备会议。")
    assert got == [{"name": "预备会议", "organizer": "县政协十一届一次会议", "kind": "预备会议", "ordinal": None}]


def test_cited_and_future_meetings_are_not_held():
    assert _meetings("区委全会是在关键时期召开的一次重要会议。") == []
    assert _meetings("即将召开的市两会是大事。") == []
    assert _meetings("会议审议关于提请审议召开区人大第三次会议的决定(草案)。") == []
    assert _meetings("会议传达学习中央经济工作会议精神。") == []


def test_quotes_removed_in_names():
    assert _meetings("街道召开“大工委”成立大会。")[0]["name"] == "大工委成立大会"


def test_meeting_name_ends_at_the_type_word_before_a_verb():
    assert _meetings("7月1日,区政府召开专题会议,研究部署防汛工作。")[0]["name"] == "专题会议"
    assert _meetings("区政府召开常务会议研究部署全区会议工作。")[0]["name"] == "常务会议"
    got = _meetings("3月15日上午,市委理论学习中心组举行2023年第二次集中学习会。")
    assert got == [{"name": "2023年第二次集中学习会", "organizer": "市委理论学习中心组", "kind": "学习会",
                    "ordinal": 2}]
