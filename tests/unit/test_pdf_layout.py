"""One small PDF per layout feature of e-paper pages (made here with reportlab's CID font
STSong-Light, no font file needed): each test names the kind of fault it guards against."""
from __future__ import annotations

import functools
import io

import pytest

from baozhi.pipeline import Settings, process_source
from baozhi.readers.pdf import read_pdf

reportlab = pytest.importorskip("reportlab")
import pdf_typeset as typeset  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from pdf_typeset import FONT  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

W, H = 420.0, 600.0
BODY = 10.0
LEAD = 14.0
COLS = [20.0, 155.0, 290.0]  # three columns of 12 ems, gutter 1.5 ems
N = 12

TEXT_A = ("本报讯（记者王明）6月1日，全市召开工作会议，部署今年重点任务，要求各地抓好落实。"
          "|会议强调，要坚持问题导向，扎实推进各项工作，确保取得实效，推动经济社会高质量发展。"
          "|会议还对安全生产工作作出安排，要求压实责任，守牢底线，确保人民群众生命财产安全。")
TEXT_B = ("本报讯（记者李华）近日，我市新建三座公园，方便市民休闲健身，受到广泛欢迎。"
          "|据介绍，三座公园总面积二十余公顷，配套建设了步道、球场和儿童游乐设施。")

MORE = ("|会议要求，各级各部门要切实增强责任感和紧迫感，加强统筹协调，形成工作合力，"
        "以实干实绩推动各项决策部署落地见效，为全市经济社会发展作出新的更大贡献。")
LONG_A = TEXT_A + MORE
LONG_B = TEXT_B + MORE


def flow(text: str, width: int = N) -> list[str]:
    return typeset.flow(text, width)


draw_lines = functools.partial(typeset.draw_lines, lead=LEAD)


def spaced(c, x: float, y: float, text: str, size: float, pitch: float) -> None:
    """A letter-spaced headline drawn one character at a time."""
    c.setFont(FONT, size)
    for k, ch in enumerate(text):
        c.drawString(x + k * pitch, y, ch)


def make(draw) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H))
    c.setFont(FONT, 11)
    c.drawString(20, H - 30, "第3版")
    c.drawString(80, H - 30, "2024年6月2日 星期日")
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def parse(raw: bytes):
    [r] = process_source(raw, "t.pdf", Settings(check=True))
    return r


def flat(lines: list[str]) -> str:
    return "".join(s.replace(" ", "") for s in lines)


def columns_of(text: str, y: float, cols: list[float], c) -> float:
    lines = flow(text)
    per = (len(lines) + len(cols) - 1) // len(cols)
    bottom = y
    for k, x in enumerate(cols):
        bottom = min(bottom, draw_lines(c, x, y, lines[k * per:(k + 1) * per]))
    return bottom


def test_gutters_found_locally_under_spanning_captions():
    """Fault: lines of neighbouring columns on one baseline read as one line, because
    captions spanning the columns lower on the page cover the gutter."""
    def draw(c):
        columns_of(LONG_A, H - 70, COLS[:2], c)
        y = H - 330
        for _ in range(6):  # a caption under a photo, across both columns
            c.setFont(FONT, BODY)
            c.drawString(COLS[0], y, "图为市民在新建的公园里散步健身享受周末时光的情景。")
            y -= LEAD
    [page] = read_pdf(make(draw), "t.pdf")
    texts = [ln.text.value for ln in page.lines]
    assert flow(LONG_A)[0].strip() in texts  # column 1's first line alone, not joined to column 2's
    r = parse(make(draw))
    assert "".join(p.value for p in r.articles[0].paragraphs) == flat(flow(LONG_A))


def test_photo_news_headline_photo_caption_is_one_article():
    """Fault: a photo between a headline and its caption split them (and lines drawn
    inside the photo were taken for rules)."""
    def draw(c):
        c.setFont(FONT, 16)
        c.drawString(COLS[0], H - 70, "城市新添三座公园")
        c.setFillGray(0.6)
        c.rect(COLS[0], H - 260, 370, 180, stroke=0, fill=1)
        c.setLineWidth(0.6)
        for k in range(6):  # windows of a drawn building inside the photo
            c.line(COLS[0] + 20, H - 200 + 6 * k, COLS[0] + 80, H - 200 + 6 * k)
        c.setFillGray(0)
        c.setFont(FONT, BODY)
        c.drawString(COLS[0], H - 275, "6月1日，市民在新建的公园里散步，享受周末的悠闲时光。")
        c.drawString(COLS[0], H - 289, "本报记者 张三 摄")
    [page] = read_pdf(make(draw), "t.pdf")
    assert page.figures and not any(r[1] > 330 and r[3] < 530 for r in page.rules)
    r = parse(make(draw))
    [a] = [a for a in r.articles if a.headline]
    assert [h.text.value for h in a.headline] == ["城市新添三座公园"]
    assert "".join(p.value for p in a.paragraphs) == "6月1日，市民在新建的公园里散步，享受周末的悠闲时光。本报记者张三摄"


def test_vertical_rule_separates_columns_before_blank_bands():
    """Fault: a blank band across the page (photos at different heights) cut two modules
    that a vertical rule keeps apart, interleaving their lines."""
    def draw(c):
        c.setFont(FONT, 14)
        c.drawString(COLS[0], H - 70, "全市部署重点任务")
        y = draw_lines(c, COLS[0], H - 95, flow(TEXT_A))
        c.setFillGray(0.6)
        c.rect(COLS[0], y - 110, 120, 110, stroke=0, fill=1)  # a photo low in column 1
        c.setFillGray(0)
        c.setLineWidth(0.5)
        c.line(147, H - 60, 147, 40)  # the vertical rule
        c.setFont(FONT, 14)
        c.drawString(COLS[1], H - 70, "新建三座公园")
        c.setFillGray(0.6)
        c.rect(COLS[1], y - 40, 255, y - 40 - (H - 85), stroke=0, fill=1)  # a photo high in columns 2-3
        c.setFillGray(0)
        draw_lines(c, COLS[1], y - 55, flow(TEXT_B, 25))
    r = parse(make(draw))
    by_head = {a.headline[0].text.value: "".join(p.value for p in a.paragraphs) for a in r.articles if a.headline}
    assert by_head["全市部署重点任务"] == flat(flow(TEXT_A))
    assert by_head["新建三座公园"] == flat(flow(TEXT_B, 25))


def test_kicker_narrower_than_a_column_and_centred_headline_over_its_module():
    """Faults: a kicker over one column left out of the headline; a headline centred over
    three columns but shorter than them lost the first column of its body."""
    def draw(c):
        c.setFont(FONT, 11)
        c.drawString(180, H - 62, "城市建设")  # kicker, inside column 2
        c.setFont(FONT, 18)
        c.drawString(161, H - 85, "新建三座公园")  # centred over columns 1-3, covers column 2 only
        columns_of(LONG_B + MORE, H - 110, COLS, c)
    r = parse(make(draw))
    [a] = r.articles
    assert [h.text.value for h in a.headline] == ["城市建设", "新建三座公园"]
    assert [h.role for h in a.headline] == ["kicker", "title"]
    assert "".join(p.value for p in a.paragraphs) == flat(flow(LONG_B + MORE))
    assert a.byline.value.replace(" ", "") == "本报讯（记者李华）"


def test_letter_spaced_headline_whose_gaps_fall_on_gutters():
    """Fault: a letter-spaced headline across the columns drawn in pieces, its gaps
    taken for gutters."""
    def draw(c):
        spaced(c, COLS[0], H - 80, "全市部署今年重点任务", 24, 40.5)
        columns_of(LONG_A + MORE, H - 110, COLS, c)
    r = parse(make(draw))
    [a] = r.articles
    assert [h.text.value for h in a.headline] == ["全市部署今年重点任务"]
    assert "".join(p.value for p in a.paragraphs) == flat(flow(LONG_A + MORE))


def test_subtitle_just_above_body_size_and_own_line_credit_with_padded_name():
    """Faults: a subtitle set at 1.05 x body read as body text; an own-line credit with a
    padded name (方  宇) under the headline not read as the byline."""
    def draw(c):
        c.setFont(FONT, 20)
        c.drawString(COLS[0], H - 80, "全市部署今年重点任务")
        c.setFont(FONT, 10.5)  # subtitle and credit centred under the title
        c.drawString(COLS[0] + 47.5, H - 100, "确保各项工作取得实效")
        c.setFont(FONT, BODY)
        c.drawString(COLS[0] + 50, H - 118, "本报记者 方")
        c.drawString(COLS[0] + 115, H - 118, "宇 文/图")
        body = LONG_A.replace("本报讯（记者王明）", "")
        columns_of(body, H - 140, COLS[:2], c)
    r = parse(make(draw))
    [a] = r.articles
    assert [h.text.value for h in a.headline] == ["全市部署今年重点任务", "确保各项工作取得实效"]
    assert [h.role for h in a.headline] == ["title", "subtitle"]
    assert a.byline is not None and a.byline.value.replace(" ", "") == "本报记者方宇文/图"


def test_caption_paragraphs_without_indent():
    """Fault: a caption set without indents came out as one paragraph."""
    def draw(c):
        c.setFont(FONT, 16)
        c.drawString(COLS[0], H - 70, "城市新添三座公园")
        c.setFont(FONT, BODY)
        lines = ["6月1日，市民在新建的公园里散步，享受周末的悠闲", "时光。",
                 "据介绍，三座公园总面积二十余公顷，配套建设了步道。本报记者 张三 摄"]
        draw_lines(c, COLS[0], H - 95, lines)
    r = parse(make(draw))
    [a] = r.articles
    assert [p.value for p in a.paragraphs] == ["6月1日，市民在新建的公园里散步，享受周末的悠闲时光。",
                                               "据介绍，三座公园总面积二十余公顷，配套建设了步道。本报记者张三摄"]


def test_page_date_and_number_from_the_furniture():
    def draw(c):
        c.setFont(FONT, 16)
        c.drawString(COLS[0], H - 70, "城市新添三座公园")
        draw_lines(c, COLS[0], H - 95, flow(TEXT_B))
    r = parse(make(draw))
    assert r.page_date == "2024-06-02" and r.page_number == "3"
    from baozhi.render import to_dict

    d = to_dict(r)
    assert d["page_date"] == "2024-06-02" and d["page_number"] == "3"


def test_page_date_number_and_padded_credit_cues():
    from baozhi.articles import cues

    assert cues.page_date(["晨报", "2023年2月10日 星期四 责任编辑 孙婷"]) == "2023-02-10"
    assert cues.page_date(["6月1日"]) is None
    assert [cues.page_number([s]) for s in ("第5版", "第 A3 版", "第十二版", "第３版")] == ["5", "A3", "12", "3"]
    assert cues.page_number(["要闻"]) is None
    assert cues.own_line_byline("本报记者 方  宇 文/图") and cues.own_line_byline("本报记者方宇文/图")
    assert not cues.own_line_byline("记者节特别报道：一线采访纪实")


def test_side_headline_in_the_column_left_of_its_body():
    """Fault: a headline set in the column to the left of its body (side headline) was
    left as an article of its own."""
    def draw(c):
        c.setFont(FONT, 18)
        c.drawString(COLS[0], H - 80, "全市部署")
        c.drawString(COLS[0], H - 102, "重点任务")
        columns_of(LONG_A, H - 80, COLS[1:], c)
        c.setLineWidth(0.5)
        c.line(COLS[0], H - 275, W - 20, H - 275)
        c.setFont(FONT, 18)
        c.drawString(COLS[0], H - 300, "新建三座公园")
        columns_of(LONG_B, H - 320, COLS, c)
    r = parse(make(draw))
    a, b = r.articles
    assert [h.text.value for h in a.headline] == ["全市部署", "重点任务"]
    assert "".join(p.value for p in a.paragraphs) == flat(flow(LONG_A))
    assert [h.text.value for h in b.headline] == ["新建三座公园"]


def test_subtitle_in_body_size_but_another_typeface():
    """Fault: a subtitle set in the body size, told apart only by its typeface, read as the
    first line of the body; a byline's lead line in a bold face stays the byline."""
    pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))

    def draw(c):
        c.setFont(FONT, 20)
        c.drawString(COLS[0], H - 80, "全市部署今年重点任务")
        c.setFont("MSung-Light", BODY)
        c.drawString(COLS[0], H - 98, "市長出席會議並講話")
        columns_of(LONG_A, H - 120, COLS[:2], c)
    r = parse(make(draw))
    [a] = r.articles
    assert [h.text.value for h in a.headline] == ["全市部署今年重点任务", "市長出席會議並講話"]
    assert a.byline.value.replace(" ", "") == "本报讯（记者王明）"
    assert "".join(p.value for p in a.paragraphs) == flat(flow(LONG_A))


def test_photo_news_over_a_bare_caption_box():
    """Fault: a photo-news item (headline, photo, caption) over a second photo with its own
    caption read as one article; the headline must stay with the first caption."""
    def draw(c):
        c.setFont(FONT, 16)
        c.drawString(COLS[0], H - 70, "城市新添三座公园")
        y = H - 80
        for text in ("6月1日，市民在新建的公园里散步，享受周末的悠闲时光。本报记者 张三 摄",
                     "6月2日，工人在高空进行施工作业，确保电网安全稳定运行。李四 摄"):
            c.setFillGray(0.6)
            c.rect(COLS[0], y - 120, 370, 120, stroke=0, fill=1)
            c.setFillGray(0)
            c.setFont(FONT, BODY)
            c.drawString(COLS[0], y - 135, text)
            y -= 150
    r = parse(make(draw))
    assert [[h.text.value for h in a.headline] for a in r.articles] == [["城市新添三座公园"], []]
    assert [a.paragraphs[0].value for a in r.articles] == [
        "6月1日，市民在新建的公园里散步，享受周末的悠闲时光。本报记者张三摄",
        "6月2日，工人在高空进行施工作业，确保电网安全稳定运行。李四摄"]


def test_headline_phrase_gap_on_a_gutter():
    """Fault: a headline of two phrases whose gap falls on the gutter between the columns
    under it was cut into two headlines, one per column."""
    def draw(c):
        c.setFont(FONT, 16)
        c.drawString(81, H - 80, "全市部署")
        c.drawString(161, H - 80, "今年重点任务")
        columns_of(LONG_A, H - 105, COLS[:2], c)
        c.setLineWidth(0.5)
        c.line(COLS[0], H - 300, 275, H - 300)
        c.setFont(FONT, 16)
        c.drawString(COLS[0], H - 325, "新建三座公园")
        columns_of(LONG_B, H - 350, COLS[:2], c)
    r = parse(make(draw))
    assert ["".join(h.text.value for h in a.headline).replace(" ", "") for a in r.articles] == [
        "全市部署今年重点任务", "新建三座公园"]
    assert "".join(p.value for p in r.articles[0].paragraphs) == flat(flow(LONG_A))


def test_own_line_credit_after_a_decoration_mark():
    """Fault: an own-line credit printed after a mark (■本报记者 X 文/图) was read as body text
    and the headline above it left as an article of its own."""
    def draw(c):
        c.setFont(FONT, 20)
        c.drawString(COLS[0] + 20, H - 80, "全市部署今年重点任务")
        c.setFont(FONT, BODY)
        c.drawString(COLS[0] + 70, H - 100, "■本报记者 方 宇 文/图")
        columns_of(LONG_A.replace("本报讯（记者王明）", ""), H - 125, COLS[:2], c)
    r = parse(make(draw))
    [a] = r.articles
    assert [h.text.value for h in a.headline] == ["全市部署今年重点任务"]
    assert a.byline.value.replace(" ", "") == "本报记者方宇文/图" and [m.value for m in a.marks] == ["■"]


def test_letter_spaced_headline_beside_another_across_a_vertical_rule():
    """Fault: a letter-spaced headline and the headline beside it, past a vertical rule, read
    as one line (the rule fell inside the wide letter-spacing)."""
    def draw(c):
        spaced(c, COLS[0], H - 80, "迎峰度冬", 18, 34.0)
        c.setFont(FONT, 18)
        c.drawString(COLS[1] + 5, H - 80, "新建三座公园")
        c.setLineWidth(0.5)
        c.line(147.5, H - 60, 147.5, 40)
        draw_lines(c, COLS[0], H - 105, flow(TEXT_A))
        columns_of(LONG_B, H - 105, COLS[1:], c)
    r = parse(make(draw))
    heads = {a.headline[0].text.value: a for a in r.articles if a.headline}
    assert set(heads) == {"迎峰度冬", "新建三座公园"}
    assert "".join(p.value for p in heads["迎峰度冬"].paragraphs) == flat(flow(TEXT_A))


def test_subtitle_set_like_the_body_under_a_spanning_headline():
    """Fault: a subtitle in the body's size and face, right under a headline over two columns,
    read as a body line, and the body under it cut off as an article of its own."""
    def draw(c):
        c.setFont(FONT, 18)
        c.drawString(60, H - 80, "全市部署今年重点任务")
        c.setFont(FONT, BODY)
        c.drawString(105, H - 97, "市领导出席会议")
        columns_of(LONG_A, H - 125, COLS[:2], c)
    r = parse(make(draw))
    [a] = r.articles
    assert [h.text.value for h in a.headline] == ["全市部署今年重点任务", "市领导出席会议"]
    assert [h.role for h in a.headline] == ["title", "subtitle"]
    assert "".join(p.value for p in a.paragraphs) == flat(flow(LONG_A))


def test_narrow_gutter_beside_a_line_running_into_it_is_still_a_gutter():
    """Fault: with a gutter of 1.25 ems, a column line set a little wider (punctuation
    squeezed: it runs 0.3 em into the gutter) made the gutter beside it look covered by the
    lines next to it, and it was read as one with the next column's line."""
    left = flow(TEXT_A)[:6]
    right = flow(TEXT_B)[:6]
    x2 = COLS[0] + N * BODY + 1.25 * BODY

    def draw(c):
        y = H - 70
        for k, (a, b) in enumerate(zip(left, right)):
            c.setFont(FONT, BODY)
            a_x = COLS[0] + (2 * BODY if a.startswith(" ") else 0)
            if k == 4:  # a line running 3 points into the gutter
                c.drawString(a_x, y, a.lstrip(" "), charSpace=3.0 / (len(a.strip()) - 1))
            else:
                c.drawString(a_x, y, a.lstrip(" "))
            c.drawString(x2 + (2 * BODY if b.startswith(" ") else 0), y, b.lstrip(" "))
            y -= LEAD
    [page] = read_pdf(make(draw), "t.pdf")
    texts = [ln.text.value.replace(" ", "") for ln in page.lines]
    for a, b in zip(left, right):
        assert a.strip() in texts and b.strip() in texts
