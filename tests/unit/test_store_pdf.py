"""PDF pages in the archive: one page row per PDF page, resumable per page."""
import sqlite3

import pytest

pytest.importorskip("reportlab")

from test_pdf import _front_page, _pdf, _second_page_broken  # noqa: E402  (the PDF builder of the reader's tests)

from baozhi.store import connect, ingest  # noqa: E402
from baozhi.store.db import transaction  # noqa: E402
from baozhi.store.write import _delete_derived  # noqa: E402


def test_multi_page_pdf_pages_are_hashed_per_page_and_resume(tmp_path):
    (tmp_path / "front.pdf").write_bytes(_pdf(_front_page, pages=3))
    db = tmp_path / "a.sqlite"
    s = ingest([str(tmp_path)], db, workers=1)
    assert (s.pages_new, s.total_articles, s.failures) == (3, 9, [])
    c = sqlite3.connect(db)
    rows = c.execute("SELECT content_hash, source_sha256, page_no, kind, newspaper, date, date_from FROM pages"
                     " ORDER BY page_no").fetchall()
    sha = rows[0][1]
    assert [r[0] for r in rows] == [f"{sha}#1", f"{sha}#2", f"{sha}#3"]
    assert {r[3:] for r in rows} == {("pdf", "晨报", "2024-06-02", "page")}
    assert c.execute("SELECT n_pages FROM sources").fetchone()[0] == 3
    # as if killed after page 1: only the missing pages are added on the next run
    conn = connect(db)
    with transaction(conn):
        conn.execute("DELETE FROM sources")
        for (pid,) in conn.execute("SELECT id FROM pages WHERE page_no > 1").fetchall():
            _delete_derived(conn, pid)
            conn.execute("DELETE FROM pages WHERE id = ?", (pid,))
    conn.close()
    s = ingest([str(tmp_path)], db, workers=1)
    assert (s.pages_new, s.pages_skipped) == (2, 1)
    assert ingest([str(tmp_path)], db, workers=1).files_skipped == 1
    assert c.execute("SELECT COUNT(*) FROM article_fts").fetchone()[0] == 9


def test_a_pdf_with_a_broken_page_keeps_its_pages_and_its_failure(tmp_path):
    (tmp_path / "three.pdf").write_bytes(_second_page_broken())
    db = tmp_path / "a.sqlite"
    s = ingest([str(tmp_path)], db, workers=1)
    assert s.pages_new == 2 and [f[1] for f in s.failures] == ["partial-pdf"]
    c = sqlite3.connect(db)
    assert c.execute("SELECT page_no FROM pages ORDER BY page_no").fetchall() == [(1,), (3,)]
    rows = c.execute("SELECT code, message FROM failures").fetchall()
    assert len(rows) == 1 and rows[0][0] == "partial-pdf" and "page 2 cannot be read" in rows[0][1]
