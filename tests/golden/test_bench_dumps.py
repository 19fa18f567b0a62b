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
FLOORS = {"pdftotext_layout": 0.92, "pdftotext": 0.81, "seedlike": 0.78, "pymupdf": 0.82}


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
