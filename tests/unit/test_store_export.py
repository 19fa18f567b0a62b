"""export: one file per table; Parquet needs pyarrow (a one-line hint when it is missing)."""
import json
import sys

import pytest

from baozhi.errors import StoreError
from baozhi.store import connect, export
from baozhi.store.export import PARQUET_HINT, TABLES
from baozhi.store.write import write_page


def _record():
    return {"content_hash": "h1", "source_sha256": "h1", "page_no": None, "path": "x.txt", "kind": "text",
            "encoding": "utf-8", "newspaper": "晨报", "newspaper_from": "option", "date": "2024-06-02",
            "date_from": "option", "facts_date": "2024-06-01", "header": [], "unassigned": [], "warnings": [],
            "text": "宋文主持会议。\n第二段。", "parser_version": "test",
            "articles": [{"headline": ["标题"], "headline_roles": ["title"], "byline": None, "reporters": [],
                          "dateline": None, "paragraphs": ["宋文主持会议。", "第二段。"],
                          "source_spans": [[0, 7], [8, 12]]}],
            "facts": {"articles": [{"persons": [{"name": "宋文", "titles": ["区长"], "mentions": [[0, 2]]}],
                                    "meetings": [{"name": "会议", "organizer": None, "kind": "会议", "ordinal": None,
                                                  "date": "2024-06-01", "chairs": ["宋文"], "attendees": [],
                                                  "observers": [], "documents": ["工作要点"], "evidence": [[2, 6]]}],
                                    "documents": []}]}}


@pytest.fixture
def conn(tmp_path):
    c = connect(tmp_path / "a.sqlite")
    assert write_page(c, _record()) == "new"
    assert write_page(c, _record()) == "skipped"
    return c


def test_export_csv_and_jsonl(conn, tmp_path):
    counts = export(conn, tmp_path / "csv", "csv")
    assert set(counts) == set(TABLES)
    assert counts["articles"] == 1 and counts["paragraph_texts"] == 2 and counts["meeting_participants"] == 1
    export(conn, tmp_path / "j", "jsonl")
    paras = [json.loads(x) for x in (tmp_path / "j" / "paragraph_texts.jsonl").read_text("utf-8").splitlines()]
    assert [p["text"] for p in paras] == ["宋文主持会议。", "第二段。"]
    [t] = [json.loads(x) for x in (tmp_path / "j" / "titles.jsonl").read_text("utf-8").splitlines()]
    assert (t["title"], t["first_seen"], t["last_seen"], t["n"]) == ("区长", "2024-06-02", "2024-06-02", 1)
    with pytest.raises(StoreError, match="unknown export format"):
        export(conn, tmp_path / "x", "xlsx")


def test_parquet_without_pyarrow_is_a_one_line_hint(conn, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(StoreError) as e:
        export(conn, tmp_path / "p", "parquet")
    assert str(e.value) == PARQUET_HINT and "pip install 'baozhi[parquet]'" in str(e.value)


def test_parquet(conn, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export(conn, tmp_path / "p", "parquet")
    t = pq.read_table(tmp_path / "p" / "meetings.parquet").to_pylist()
    assert [(m["name"], m["date"], m["ordinal"]) for m in t] == [("会议", "2024-06-01", None)]
    # the titles view's computed columns keep their values' types (COUNT(*) AS n is an integer)
    titles = pq.read_table(tmp_path / "p" / "titles.parquet")
    assert str(titles.schema.field("n").type) == "int64" and str(titles.schema.field("first_seen").type) == "string"
    assert [(r["title"], r["n"]) for r in titles.to_pylist()] == [("区长", 1)]


def test_reparse_replaces_derived_rows(conn):
    rec = _record()
    rec["facts"]["articles"][0]["persons"][0]["titles"] = ["副区长"]
    assert write_page(conn, rec, reparse=True) == "reparsed"
    assert conn.execute("SELECT title FROM title_mentions").fetchall()[0][0] == "副区长"
    assert conn.execute("SELECT COUNT(*) FROM article_fts").fetchone()[0] == 1
    assert conn.execute("SELECT COUNT(*) FROM meeting_participants").fetchone()[0] == 1


def test_parquet_of_an_empty_archive_types_counts_as_integers(tmp_path):
    # an empty view has no value to take a computed column's type from (n was typed string)
    pq = pytest.importorskip("pyarrow.parquet")
    export(connect(tmp_path / "e.sqlite"), tmp_path / "p", "parquet")
    titles = pq.read_table(tmp_path / "p" / "titles.parquet")
    assert (titles.num_rows, str(titles.schema.field("n").type)) == (0, "int64")
    assert str(titles.schema.field("article_ids").type) == "string"
