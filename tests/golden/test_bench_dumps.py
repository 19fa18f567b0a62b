"""Every text dump of the shared benchmark parses with every character accounted for,
and the accuracy per dump kind does not drop below what the parser reaches today."""
import json
import subprocess
import sys

import pytest

from baozhi.pipeline import Settings, process_source
from baozhi.render import to_dict

from conftest import BENCH, need_shared

KINDS = ["pdftotext_layout", "pdftotext", "seedlike", "pymupdf"]


def pages():
    root = BENCH / "pages"
    return sorted(p for p in root.glob("p*") if (p / "truth.json").exists()) if root.exists() else []


@pytest.mark.parametrize("kind", KINDS)
def test_conservation_on_every_bench_dump(kind):
    need_shared(BENCH / "pages")
    for p in pages():
        raw = (p / f"{kind}.txt").read_bytes()
        [r] = process_source(raw, str(p), Settings(check=True))
        assert r.articles, p


# Floors: the page_score reached when these tests were written (raise them as the parser improves).
FLOORS = {"pdftotext_layout": 0.92, "pdftotext": 0.85, "seedlike": 0.80, "pymupdf": 0.82}


@pytest.mark.parametrize("kind", KINDS)
def test_page_score_floor(kind, tmp_path):
    need_shared(BENCH / "pages")
    for p in pages():
        [r] = process_source((p / f"{kind}.txt").read_bytes(), str(p))
        (tmp_path / f"{p.name}.json").write_text(json.dumps(to_dict(r), ensure_ascii=False), "utf-8")
    out = subprocess.run([sys.executable, str(BENCH / "score_pages.py"), "--truth", str(BENCH / "pages"),
                          "--pred", str(tmp_path)], capture_output=True, text=True, check=True).stdout
    score = float(out.strip().splitlines()[-1].split(":")[1])
    assert score >= FLOORS[kind], out


def test_facts_of_a_layout_dump_are_read_article_by_article():
    # a -layout dump's rows are 60+ ems wide (columns side by side): it is a page, not one clean
    # web text to be read whole (which read 曹东升's title across columns as 垃圾分委书记)
    def persons(kind):
        f = need_shared(BENCH / "pages" / "p01" / f"{kind}.txt")
        r = process_source(f.read_bytes(), str(f), Settings(facts=True))[0]
        return [(p["name"], p["titles"]) for p in r.facts["persons"]]

    layout = persons("pdftotext_layout")
    assert ("曹东升", ["省税务局党委书记", "局长"]) in layout
    assert layout == persons("pdftotext")


def test_a_dump_with_a_caption_set_across_the_page_is_read_article_by_article():
    # p12's photo caption prints as one 69-em line: the page is still a page dump, its facts
    # come article by article (each person's titles tied to an article in the archive)
    from baozhi.facts_glue import is_clean_text

    f = need_shared(BENCH / "pages" / "p12" / "pdftotext.txt")
    r = process_source(f.read_bytes(), str(f), Settings(facts=True))[0]
    assert not is_clean_text(r)
    assert len(r.facts["articles"]) == len(r.articles) > 1
