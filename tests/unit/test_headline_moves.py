"""Headline groups printed inside a body that placement moves to their own article."""
from baozhi.pipeline import Settings, process_source
from baozhi.render import to_dict


def parse(lines: list[str]) -> dict:
    [r] = process_source("\n".join(lines).encode(), "t.txt", Settings(check=True))
    return to_dict(r)


def test_a_line_a_word_runs_into_across_a_moved_headline_does_not_start_a_text():
    # a large-font title's characters (药 / 材) printed one per line inside another article's
    # body, between …热爱与敬 and 仰。 (敬仰 runs across): the title goes to the text about
    # 中药材, and the body goes on after it instead of starting a headless article at 仰。
    d = parse(["畅游开州", "", "今年国庆假期，本地游、周边游成了旅", "游新时尚。开州区各大热门景点陆续迎来客",
               "流高峰，表达了对祖国的热爱与敬", "", "药", "", "材", "", "仰。", "随着锣鼓声响起，演员们纷纷上场表演，",
               "赢得现场市民和游客的热烈掌声。", "", "本报讯（记者 周建平）12月11日，天冷飕", "飕的。可在禹州市方岗镇中药材冬收现场，",
               "却是一派繁忙的丰收景象。中药材丰收了。"])
    assert [a["headline"] for a in d["articles"]] == [["畅游开州"], ["药材"]]
    assert d["articles"][0]["paragraphs"][0].endswith("表达了对祖国的热爱与敬仰。")
