"""PDF reader and the geometric reading order, on small PDFs made here with reportlab.

The text uses the Adobe CID font STSong-Light (UniGB-UCS2-H): no font file is
embedded or needed, and pdfium maps the glyphs back to Unicode through its CMaps.
"""
from __future__ import annotations

import io
import json

import pytest

from baozhi.errors import CorruptPdf, EmptyPdf, EncryptedPdf, NoTextLayer
from baozhi.pipeline import Settings, process_source
from baozhi.readers.pdf import read_pdf

reportlab = pytest.importorskip("reportlab")
from pdf_typeset import FONT, draw_lines, flow  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

W, H = 420.0, 600.0
BODY = 10.0
COL_X = [20.0, 150.0, 280.0]  # three columns of 12 ems, gutter 1 em
COL_CHARS = 12


def _pdf(draw, pages: int = 1, **kw) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), **kw)
    for n in range(pages):
        draw(c, n)
        c.showPage()
    c.save()
    return buf.getvalue()


BODY_A = ("本报讯（记者 王明）6月1日，全市召开工作会议，部署今年重点任务，要求各地抓好落实。"
          "|会议强调，要坚持问题导向，扎实推进各项工作，确保取得实效。"
          "|会议还对安全生产工作作出安排，要求压实责任，守牢底线。")
BRIEF = "本报讯（记者 李华）近日，我市新建三座公园，方便市民休闲健身。"


def _front_page(c, n: int) -> None:
    c.setFont(FONT, 24)
    c.drawString(20, H - 40, "晨报")
    c.setFont(FONT, 11)
    c.drawString(120, H - 40, "第3版")
    c.drawString(200, H - 40, "2024年6月2日")
    c.setLineWidth(1)
    c.line(20, H - 52, W - 20, H - 52)
    # a headline spanning columns 1-2 over a body flowing down column 1 then column 2
    c.setFont(FONT, 20)
    c.drawString(20, H - 85, "全市部署今年重点任务")
    lines = flow(BODY_A, COL_CHARS)
    half = (len(lines) + 1) // 2
    draw_lines(c, COL_X[0], H - 110, lines[:half])
    draw_lines(c, COL_X[1], H - 110, lines[half:])
    # column 3: a brief without a headline, then a photo box and its caption
    draw_lines(c, COL_X[2], H - 85, flow(BRIEF, COL_CHARS))
    c.rect(COL_X[2], H - 330, 120, 120)
    draw_lines(c, COL_X[2], H - 345, ["市民在新建的公园里散步，", "享受周末时光。张三摄"], size=9)


def test_pdf_columns_spanning_headline_brief_caption():
    raw = _pdf(_front_page)
    [r] = process_source(raw, "front.pdf", Settings(check=True))
    assert r.page == 1
    assert [t.value for t in r.header] == ["晨报", "第3版", "2024年6月2日"]
    heads = [[h.text.value for h in a.headline] for a in r.articles]
    paras = [[p.value for p in a.paragraphs] for a in r.articles]
    assert heads[0] == ["全市部署今年重点任务"]
    assert r.articles[0].headline[0].role == "title"
    assert paras[0] == [p.replace(" ", "") for p in BODY_A.split("|")]
    assert r.articles[0].byline.value == "本报讯（记者 王明）"
    assert heads[1] == [] and paras[1] == [BRIEF.replace(" ", "")]
    assert r.articles[1].byline.value == "本报讯（记者 李华）"
    assert heads[2] == [] and paras[2] == ["市民在新建的公园里散步，享受周末时光。张三摄"]
    assert len(r.articles) == 3


def test_pdf_lines_and_source_text():
    raw = _pdf(_front_page)
    [page] = read_pdf(raw, "front.pdf")
    assert page.dump_kind == "pdf" and page.number == 1
    # one printed line per text line, top to bottom (by the top of each line's box)
    assert page.source.text.split("\n")[:4] == ["晨报", "2024年6月2日", "第3版", "全市部署今年重点任务"]
    sizes = {ln.text.value: ln.font_size for ln in page.lines}
    assert sizes["全市部署今年重点任务"] == 20.0
    assert any(abs(r[1] - 52) < 2 for r in page.rules)  # the rule under the masthead


def _titled_page(c, n):
    """Page ``n`` (from 0) of a multi-page PDF: a title naming the page over a brief."""
    c.setFont(FONT, 18)
    c.drawString(20, H - 60, f"第{n + 1}页的新闻标题")
    draw_lines(c, 20, H - 90, flow(BRIEF, 20))


def test_pdf_multi_page():
    results = process_source(_pdf(_titled_page, pages=2), "two.pdf", Settings(check=True))
    assert [r.page for r in results] == [1, 2]
    assert [r.articles[0].headline[0].text.value for r in results] == ["第1页的新闻标题", "第2页的新闻标题"]
    assert results[1].source.name == "two.pdf#page=2"


def test_pdf_encrypted():
    raw = _pdf(lambda c, n: c.drawString(20, 500, "x"), encrypt="secret")
    with pytest.raises(EncryptedPdf, match="password"):
        read_pdf(raw, "enc.pdf")


def test_pdf_corrupt_and_truncated():
    raw = _pdf(_front_page)
    with pytest.raises(CorruptPdf):
        read_pdf(b"%PDF-1.4\n%%EOF\n", "bad.pdf")
    with pytest.raises((CorruptPdf, NoTextLayer)):
        read_pdf(raw[: len(raw) // 3], "cut.pdf")


def _zero_page_pdf() -> bytes:
    import pypdfium2 as pdfium

    buf = io.BytesIO()
    pdfium.PdfDocument.new().save(buf)
    return buf.getvalue()


def test_pdf_zero_pages_is_not_corrupt():
    with pytest.raises(EmptyPdf, match="no pages"):
        read_pdf(_zero_page_pdf(), "zero.pdf")
    assert EmptyPdf.code == "empty-pdf" and not issubclass(EmptyPdf, CorruptPdf)


def test_pdf_bad_inputs_one_line_errors_cli(tmp_path):
    import subprocess
    import sys

    good = _pdf(_front_page)
    files = {"zero.pdf": _zero_page_pdf(), "enc.pdf": _pdf(lambda c, n: c.drawString(20, 500, "x"), encrypt="secret"),
             "cut.pdf": good[: len(good) // 3], "scan.pdf": _pdf(lambda c, n: c.rect(50, 50, 200, 300, fill=1)),
             "good.pdf": good}
    for k, v in files.items():
        (tmp_path / k).write_bytes(v)
    proc = subprocess.run([sys.executable, "-m", "baozhi", "parse", "--json"] + [str(tmp_path / k) for k in files],
                          capture_output=True, text=True)
    assert proc.returncode == 3
    errs = proc.stderr.strip().splitlines()
    assert len(errs) == 4 and all(e.startswith("baozhi: error: ") for e in errs), proc.stderr
    assert "Traceback" not in proc.stderr
    codes = [e.rsplit("[", 1)[1].rstrip("]") for e in errs]
    assert codes[0] == "empty-pdf" and codes[1] == "encrypted-pdf" and codes[3] == "no-text-layer"
    assert codes[2] in ("corrupt-pdf", "no-text-layer")
    assert json.loads(proc.stdout)["articles"]


def test_pdf_no_text_layer():
    raw = _pdf(lambda c, n: c.rect(50, 50, 200, 300, fill=1))
    with pytest.raises(NoTextLayer, match="--ocr"):
        read_pdf(raw, "scan.pdf")


def _second_page_broken() -> bytes:
    """A three-page PDF whose second page object no longer says ``/Type /Page``."""
    raw = _pdf(_titled_page, pages=3)
    k = [i for i in range(len(raw)) if raw.startswith(b"/Type /Page\n", i) or raw.startswith(b"/Type /Page ", i)
         or raw.startswith(b"/Type /Page/", i) or raw.startswith(b"/Type /Page>", i)]
    assert len(k) == 3
    return raw[:k[1]] + b"/Type /Pagx" + raw[k[1] + len(b"/Type /Page"):]


def test_pdf_with_one_broken_page_gives_the_others_and_says_which():
    from baozhi.errors import PartialPdf

    broken = _second_page_broken()
    with pytest.raises(PartialPdf) as e:
        process_source(broken, "three.pdf", Settings(check=True))
    assert "page 2 cannot be read" in str(e.value)
    assert [r.articles[0].headline[0].text.value for r in e.value.results] == ["第1页的新闻标题", "第3页的新闻标题"]


def _pua_pdf() -> bytes:
    """A one-line PDF whose font's ToUnicode map sends one glyph to 张 and one to U+E000 (a
    Private Use Area code: e-papers map rare name characters there)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <00> <FF> endcodespacerange "
            b"2 beginbfchar <41> <5F20> <42> <E000> endbfchar endcmap "
            b"CMapName currentdict /CMap defineresource pop end end")
    content = b"BT /F1 24 Tf 72 700 Td (AB) Tj ET"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"]
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)


def test_pdf_keeps_private_use_characters():
    [page] = read_pdf(_pua_pdf(), "pua.pdf")
    assert [ln.text.value for ln in page.lines] == ["张\ue000"]


def test_text_output_of_a_multi_page_pdf_names_each_page(tmp_path):
    from click.testing import CliRunner

    from baozhi.cli import main

    pdf = tmp_path / "two.pdf"
    pdf.write_bytes(_pdf(_titled_page, pages=2))
    r = CliRunner().invoke(main, ["parse", str(pdf), "--text", "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    text = (tmp_path / "out" / "two.txt").read_text("utf-8")
    assert [ln for ln in text.splitlines() if ln.startswith("==>")] == [f"==> {pdf} page 1 <==", f"==> {pdf} page 2 <=="]
