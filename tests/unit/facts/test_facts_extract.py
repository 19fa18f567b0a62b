"""End to end on small articles: roles, offsets, traditional script, merge_page."""
import pytest

from baozhi.facts import extract_article, merge_page


def test_roles_chair_attendees_observers():
    t = ("12月6日,市委书记郭晨永主持召开市委常委会,市委副书记、常务副市长黎竹,市委常委武宜瑞出席会议,"
         "市政协主席孔慧列席会议。")
    f = extract_article(t)
    m = f["meetings"][0]
    assert (m["chairs"], m["attendees"], m["observers"]) == (["郭晨永"], ["黎竹", "武宜瑞"], ["孔慧"])
    assert f["date"] == "--12-06"


def test_entrusted_chair_and_speaker():
    t = ("1月12日上午,受县委书记岳秀功委托,县委副书记、县长覃安峰主持召开十三届县委第32次常委会会议。"
         "会上,县委常委、常务副县长包青溪通报有关情况。会议学习习近平总书记重要讲话精神。")
    m = extract_article(t)["meetings"][0]
    assert m["chairs"] == ["覃安峰"] and m["attendees"] == ["包青溪"]


def test_offsets_point_at_the_names_with_layout_spaces():
    t = "本报讯（记者 彭禹乔）6月12日，区委书记张 智奎主持会议。区长常晓勇出席。"
    f = extract_article(t)
    for p in f["persons"]:
        for s, e in p["mentions"]:
            assert t[s:e].replace(" ", "") == p["name"]
    assert [p["name"] for p in f["persons"]] == ["张智奎", "常晓勇"]
    assert f["reporters"] == ["彭禹乔"]


def test_traditional_text_keeps_its_script():
    t = "1月11日上午,區委副書記、區長包柏主持召開區政府黨組(擴大)會議和區政府常務會議。"
    f = extract_article(t)
    assert f["persons"][0] == {"name": "包柏", "titles": ["區委副書記", "區長"], "mentions": [[16, 18]]}
    assert [(m["name"], m["organizer"], m["kind"]) for m in f["meetings"]] == [
        ("區政府黨組(擴大)會議", "區政府黨組", "黨組會議"), ("區政府常務會議", "區政府", "常務會議")]


def test_headline_is_not_a_fact_source():
    f = extract_article("会议还研究了其他事项。", headline="区政府召开第58次常务会议")
    assert f["meetings"] == []


def test_merge_page():
    a = extract_article("本报讯(记者 涂燕)6月12日,区委副书记、区长常晓勇主持召开区政府第58次常务会议。")
    b = extract_article("本报讯(记者 彭禹乔)6月12日,区委书记张智奎主持召开区委外事工作委员会第六次全体会议,"
                        "传达2024年全市外事工作会议精神。区委副书记、区长常晓勇出席。")
    p = merge_page([a, b])
    assert p["date"] == "2024-06-12" and p["year_source"] == "same-page"
    assert p["reporters"] == ["涂燕", "彭禹乔"]
    assert [(x["name"], x["titles"]) for x in p["persons"]] == [
        ("常晓勇", ["区委副书记", "区长"]), ("张智奎", ["区委书记"])]
    assert len(p["meetings"]) == 2
    # the first meeting's year-less dateline (--06-12) takes the page date's year, as the page date did
    assert [m["date"] for m in p["meetings"]] == ["2024-06-12", "2024-06-12"]
    assert a["meetings"][0]["date"] == "--06-12"  # the article's own facts are not changed
    assert merge_page([])["date"] is None


def test_empty_and_odd_input():
    assert extract_article("")["persons"] == []
    assert extract_article("\n\n  \u3000")["meetings"] == []


def test_cited_meetings_are_named_by_their_own_words():
    t = ("会议传达学习贯彻区委十五届七次全会精神。会议学习贯彻习近平总书记在中共中央政治局会议上的重要讲话精神。"
         "坚决把学习贯彻习近平总书记重要讲话重要指示精神和市委全会、区委全会精神作为头等大事。"
         "会议传达贯彻中央外事工作会议、全国地方外事工作会议及2024年全市外事工作会议精神。")
    f = extract_article(t)
    names = [m["name"] for m in f["cited_meetings"]]
    assert names == ["区委十五届七次全会", "中共中央政治局会议", "市委全会", "区委全会",
                     "中央外事工作会议", "全国地方外事工作会议", "2024年全市外事工作会议"]
    for m in f["cited_meetings"]:
        (s, e), = m["evidence"]
        assert t[s:e] == m["name"]
    assert f["meetings"] == []


def test_a_chair_named_without_a_title_at_a_clause_start():
    # 常 is a weak surname (also a common word): 主持召开 right after it is the evidence
    f = extract_article("6月12日，常晓勇主持召开区政府第58次常务会议。")
    assert [(m["name"], m["chairs"]) for m in f["meetings"]] == [("区政府第58次常务会议", ["常晓勇"])]
    f = extract_article("6月12日，区委常委会召开会议，张智奎主持。")
    assert [m["chairs"] for m in f["meetings"]] == [["张智奎"]]
    assert extract_article("会议强调，各级干部主持会议要简短。")["persons"] == []


def test_each_meeting_takes_the_date_written_in_its_own_sentence():
    t = ("2017年11月22日上午,区长戴山宜主持召开区政府第24次常务会议,研究消防安全工作。\n"
         "2017年8月24日上午,区长戴山宜主持召开区政府第19次常务会议,研究防汛工作。\n"
         "9月3日,区长戴山宜主持召开区政府第20次常务会议。")
    f = extract_article(t)
    assert [(m["name"], m["date"]) for m in f["meetings"]] == [
        ("区政府第24次常务会议", "2017-11-22"), ("区政府第19次常务会议", "2017-08-24"),
        ("区政府第20次常务会议", "--09-03")]


def test_names_listed_before_a_speaker_verb_all_speak():
    # 甲、乙作交流发言: both are attendees (only the last name was taken); a name separated by
    # a comma is not in the list; 领学 (leads the study) is an act at the meeting like 宣读
    t = ("9月3日，镇党委书记朱晓东主持召开镇党委理论学习中心组集体学习会。镇党委副书记、镇长秦海洋领学，"
         "镇人大主席尤丽萍，镇党委委员许志强、何雪梅作交流发言。")
    f = extract_article(t)
    assert f["meetings"][0]["attendees"] == ["秦海洋", "许志强", "何雪梅"]
    assert ("秦海洋", ["镇党委副书记", "镇长"]) in [(p["name"], p["titles"]) for p in f["persons"]]


def test_a_company_title_keeps_its_youxian_gongsi_and_a_given_name_may_start_with_qi():
    # 有 stops a title's organisation prefix (有关部门负责人), not inside 有限公司; 其 starts given
    # names (严其明, 何其芳) where a group label or list puts a name, never ends one (向其表示)
    f = extract_article("3月5日，市长王明会见了中国石油化工集团有限公司党组书记、董事长赵东平一行。")
    assert ("赵东平", ["中国石油化工集团有限公司党组书记", "董事长"]) in [(p["name"], p["titles"]) for p in f["persons"]]
    f = extract_article("凤冈县领导严其明、聂景山、甘廷文等出席了开工建设现场会。")
    assert [p["name"] for p in f["persons"]] == ["严其明", "聂景山", "甘廷文"]
    assert extract_article("向其表示感谢。记者向其了解情况。")["persons"] == []


@pytest.mark.parametrize("text,title", [
    ("中国对外贸易中心主任李华出席。", "中国对外贸易中心主任"),   # 对 begins 对外
    ("联勤保障部队后勤部部长刘伟出席。", "联勤保障部队后勤部部长"),  # 后 begins 后勤
    ("省有关部门负责人王建出席会议。", "省有关部门负责人"),         # 有 begins 有关
])
def test_a_stop_character_beginning_a_word_of_the_organisations_name_does_not_cut_its_title(text, title):
    # (the titles were 外贸易中心主任, 勤部部长, 关部门负责人)
    assert extract_article(text)["persons"][0]["titles"] == [title]


def test_a_stop_character_before_an_administrative_unit_still_stops_the_title():
    # 后市 is a dictionary word too, but 市 starts the title: 会后 | 市委书记
    assert extract_article("会后市委书记张建国强调，要抓落实。")["persons"][0]["titles"] == ["市委书记"]
