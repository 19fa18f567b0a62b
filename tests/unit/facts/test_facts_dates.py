"""Dates: event day, dateline, publication date, year sources."""
import pytest

from baozhi.facts.dates import find_date, month_days, publication_dates, stated_years


@pytest.mark.parametrize("v,date,source", [
    ("12月6日,市委书记主持召开市委常委会", "--12-06", "text"),
    ("2016年12月16日上午,孟村镇召开会议", "2016-12-16", "text"),
    ("发布时间: 2019-12-31\n12月30日,省政府召开会议。", "2019-12-30", "text"),
    ("东北网鸡西4月13日讯(记者 某某)4 月10日,会议召开。", "--04-10", "text"),   # dateline is not the event
    ("长江云新闻 2026-01-07 19:50:06\n今天(7日),省政协召开会议。", "2026-01-07", "relative-to-publication"),
    ("新华社喀什9月27日电 27日恰逢中秋节。", "--09-27", "relative-to-dateline"),
    ("特首探访\n\n2024年2月7日\n\n行政长官探访基层家庭。", "2024-02-07", "publication"),
    ("近日,区长主持召开区长办公会。", None, None),
    ("该项目2月19日开工。截至8月15日,厂房进入装修阶段。", "--08-15", "text"),
    ("2019-12-23 07:29\n12月19日,副市长主持召开会议。", "2019-12-19", "text"),
    ("发布时间: 2018-01-05\n12月30日,会议召开。", "2017-12-30", "text"),   # event month after publication month
])
def test_find_date(v, date, source):
    d = find_date(v, has_meeting="会" in v and "截至" not in v)
    assert (d["date"], d["date_source"]) == (date, source)


def test_year_stated_for_current_events():
    v = "6月12日,会议传达2024年全市外事工作会议精神,听取2023年全区外事工作情况汇报,审议2024年永川区外事工作要点。"
    assert find_date(v)["date"] == "2024-06-12"
    assert find_date(v)["year_source"] == "stated-in-text"


def test_a_year_before_the_ordinal_of_the_meeting_held_dates_it():
    # 县委常委会2025年第12次会议: the year stated for the meeting itself (digits of 第12次 between)
    v = "7月8日，县委书记赵建国主持召开县委常委会2025年第12次会议。"
    assert stated_years(v, 7) == [2025]
    assert find_date(v)["date"] == "2025-07-08"


def test_next_years_plan_does_not_date_a_december_meeting():
    assert stated_years("12月20日,审议2025年工作要点。", 12) == []
    assert stated_years("2015年仍然是全区经济发展较为艰难的一年", 2) == [2015]


def test_future_day_is_not_the_event():
    assert find_date("会议将于6月20日召开。5月3日,筹备组开会。")["date"] == "--05-03"


def test_page_date_gives_the_year():
    assert find_date("6月12日,区政府召开常务会议。", page_date="2024-06-13")["date"] == "2024-06-12"


def test_publication_dates():
    assert publication_dates("发布日期:2018-07-30访问次数")[0][:3] == (2018, 7, 30)


def test_a_month_day_weeks_after_the_page_date_fell_in_the_year_before():
    assert find_date("12月16日，区委理论学习中心组举行集体学习会议。", page_date="2024-11-24")["date"] == "2023-12-16"
    # an event announced for the next days keeps the page's year
    assert find_date("12月1日，区委将举行全体会议。", page_date="2024-11-28")["date"] == "2024-12-01"


def test_month_days_skip_invalid_and_announced_days():
    v = "2024年3月5日开幕，13月2日有误，会议定于3月9日闭幕，4 月 1 日起施行。"
    assert list(month_days(v)) == [(2024, 3, 5, 0, 9), (None, 4, 1, 31, 38)]
    assert list(month_days(v, 10, 30)) == []
