"""Title grammar: organisation prefix + post word; chains split at 、 and 兼."""
import pytest

from baozhi.facts.titles import post_start, prefix_start, suffix_post_at, titles_before


def _titles(v, j, known=frozenset()):
    r = titles_before(v, j, known=known)
    return None if r is None else ([v[s:e] for s, e in r[0]], r[1])


@pytest.mark.parametrize("v,expected", [
    ("区委副书记、区长兼经开区党工委书记、管委会主任史芳", ["区委副书记", "区长", "经开区党工委书记", "管委会主任"]),
    ("12月6日,市委书记郭晨永", ["市委书记"]),
    ("受县委书记岳秀功", ["县委书记"]),
    ("他来到维吾尔族村民阿力木江", ["维吾尔族村民"]),
    ("文化体育及旅游局局长陶松茂", ["文化体育及旅游局局长"]),       # 及 inside an organisation
    ("陈茂波连同民政及青年事务局局长麦美娟", ["民政及青年事务局局长"]),  # 连同 stops the prefix
    ("延边广播电视台汉语新闻综合广播节目记者、主持人于某", ["延边广播电视台汉语新闻综合广播节目记者", "主持人"]),
    ("街道“大工委”书记王某", ["街道“大工委”书记"]),                  # quotes kept in titles
    ("公务员事务局局长林陈慧雯", ["公务员事务局局长"]),
    ("中共中央政治局常委、全国政协主席、中央代表团团长何峰婷", ["中共中央政治局常委", "全国政协主席", "中央代表团团长"]),
])
def test_titles_before(v, expected):
    name_len = {"史芳": 2, "郭晨永": 3, "岳秀功": 3, "阿力木江": 4, "陶松茂": 3, "麦美娟": 3, "于某": 2,
                "王某": 2, "林陈慧雯": 4, "何峰婷": 3}
    j = next(len(v) - n for k, n in name_len.items() if v.endswith(k))
    assert _titles(v, j) == (expected, False)


def test_prefix_stops_at_known_name_before_ji():
    v = "史永松及社会福利署署长方若家"
    assert _titles(v, len(v) - 3, known=frozenset(["史永松"])) == (["社会福利署署长"], False)


def test_group_label():
    assert _titles("区政府领导宋文", 5) == ([], True)


def test_no_post_no_title():
    assert titles_before("会议由宋文", 3) is None


def test_chang_rule_needs_a_unit():
    assert post_start("司长", 2) == (0, False)
    assert post_start("和长", 2) == (-1, False)  # 长江, not a post


@pytest.mark.parametrize("post", ["检察长", "审计长", "厂长", "矿长", "园长", "店长"])
def test_heads_of_procuratorates_audit_offices_factories_mines_parks_and_shops_are_posts(post):
    # 区检察院检察长郭平列席会议: the observer was no person at all (察长 names no unit)
    assert post_start(post, len(post)) == (0, False)


def test_prefix_start_balances_brackets():
    v = "会议(扩大)由区委书记"
    assert v[prefix_start(v, 9):9] == "区委"
    v = "区政府党组(扩大)会议召集人"
    assert v[prefix_start(v, 11):11] == "区政府党组(扩大)会议"


def test_suffix_post_at():
    assert suffix_post_at("代省长批示", 0) == "代省长"
    assert suffix_post_at("总书记", 0) == "总书记"
    assert suffix_post_at("批示", 0) == ""
