"""Headless, lead-less stream starts of geometric dumps joined to the text they continue."""
from baozhi.articles.assemble import Unit
from baozhi.articles.orphans import join_headless
from baozhi.model import Line
from baozhi.text import Text

W = 14.0  # column width in ems


def unit(lines: list[str], stream: int, indent_first: float = 0.0, headline: str | None = None) -> Unit:
    u = Unit("body", [Line(Text.from_source(t), indent=indent_first if i == 0 else 0.0) for i, t in enumerate(lines)],
             stream=stream)
    if headline:
        u.headlines = [[Line(Text.from_source(headline))]]
    return u


def texts(units: list[Unit]) -> list[str]:
    return ["".join(ln.flat for ln in u.lines) for u in units]


HEAD = unit(["本报讯（记者陆槐生）11", "月4日，我市举行第三季度招商", "引资项目集中签约仪式。田峰、", "导出席仪式。"],
            0, 3.0, headline="我市举行招商引资项目签约仪式")


def test_indented_start_follows_a_text_that_ends_a_sentence():
    more = unit(["市委书记、市人大常委会主", "任田峰在致辞中指出，近年来，", "力推进“五城同建”，汽车、食"], 1, 3.0)
    out = join_headless([HEAD, more], W)
    assert len(out) == 1 and texts(out)[0].endswith("汽车、食")


def test_running_on_start_continues_a_text_cut_mid_sentence():
    a = unit(["市委书记、市人大常委会主", "力推进“五城同建”，汽车、食"], 1, 3.0, headline="签约仪式举行")
    b = unit(["品、纺织服装、智能装备和生物", "医药等主导产业进一步做大做强。"], 2)
    out = join_headless([a, b], W)
    assert texts(out) == ["市委书记、市人大常委会主力推进“五城同建”，汽车、食品、纺织服装、智能装备和生物医药等主导产业进一步做大做强。"]


def test_running_on_start_after_a_sentence_end_stays_apart():
    b = unit(["者莫嘉豪、石锋、袁蓓、梁泽民通", "讯员穗体宣）昨日上午，赛事开跑。"], 1)
    assert len(join_headless([HEAD, b], W)) == 2


def test_indented_start_after_an_open_text_stays_apart():
    a = unit(["市委书记、市人大常委会主", "力推进“五城同建”，汽车、食"], 0, 3.0, headline="签约仪式举行")
    b = unit(["平时，居民们通过正确投放", "垃圾来积分，积分可换物品。"], 1, 2.0)
    assert len(join_headless([a, b], W)) == 2


def test_units_with_a_headline_lead_or_caption_credit_are_not_orphans():
    with_head = unit(["品、纺织服装、智能装备和生物", "医药等主导产业做大做强。"], 1, headline="产业做大做强")
    lead = unit(["12月12日，江永县潇浦镇永回路，", "电力工人在高空进行施工作业。"], 1)
    caption = unit(["电力工人在高空进行施工作业，", "确保电网安全稳定运行。毛如瑞摄"], 1)
    opened = unit(["市委书记、市人大常委会主", "力推进“五城同建”，汽车、食"], 0, 3.0, headline="签约仪式举行")
    for u in (with_head, lead, caption):
        assert len(join_headless([opened, u], W)) == 2


def test_unpunctuated_unit_is_a_headline_not_an_orphan():
    head_as_body = unit(["延长县重点项目集中开复工", "全年实施重点项目52个"], 1, 2.0)
    assert len(join_headless([HEAD, head_as_body], W)) == 2


def test_plain_dump_units_without_indents_join_only_when_running_on():
    def plain(lines: list[str], headline: str | None = None) -> Unit:
        u = Unit("body", [Line(Text.from_source(t)) for t in lines])  # indent None: a plain dump
        if headline:
            u.headlines = [[Line(Text.from_source(headline))]]
        return u
    a = plain(["情怀的珍贵照片，表达了对祖", "国的热爱与敬"], headline="畅游开州")
    b = plain(["仰。", "随着锣鼓声响起，演员们纷纷", "上场表演。"])
    assert texts(join_headless([a, b], W)) == ["情怀的珍贵照片，表达了对祖国的热爱与敬仰。随着锣鼓声响起，演员们纷纷上场表演。"]
    closed = plain(["受红色文化的独特魅力。"], headline="畅游开州")
    c = plain(["随着锣鼓声响起，演员们纷纷", "上场表演，赢得热烈掌声。"])
    assert len(join_headless([closed, c], W)) == 2
