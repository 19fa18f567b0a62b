"""Page records: newspaper and date resolution, content hashes (store/records.py, store/db.py)."""
import re
import sqlite3

import pytest

from baozhi.errors import StoreError
from baozhi.store import SCHEMA_VERSION, connect
from baozhi.store.records import content_hash, from_name, header_date, masthead, normalize_date


@pytest.mark.parametrize("s,iso", [("20240612", "2024-06-12"), ("2024-06-12", "2024-06-12"), ("2024_6_1", "2024-06-01"),
                                   ("2024.06.12", "2024-06-12"), ("2024年6月12日", "2024-06-12"),
                                   ("20241312", None), ("June", None), ("2024-02-30", None)])
def test_normalize_date(s, iso):
    assert normalize_date(s) == iso


def test_page_header_gives_newspaper_and_date():
    header = ["临川新闻", "2022年9月23日", "星期三", "民生", "责任编辑 陈雯", "第2版"]
    assert masthead(header) == "临川新闻"
    assert header_date(header) == "2022-09-23"
    assert masthead(["民生", "第2版"]) is None
    assert masthead(["晨报", "第3版"]) == "晨报"
    assert header_date(["第2版"]) is None


def test_name_pattern():
    pat = re.compile(r"(?P<newspaper>[^_/]+)_(?P<date>\d{8})")
    assert from_name("/x/人民日报_20240612_p1.txt", pat) == ("人民日报", "2024-06-12")
    assert from_name("/x/other.txt", pat) == (None, None)
    assert from_name("/晚报_20240612/p1.txt", pat) == ("晚报", "2024-06-12")
    assert from_name("/x/a.txt", None) == (None, None)


def test_content_hash():
    assert content_hash("ab", None) == "ab"
    assert content_hash("ab", 3) == "ab#3"


def test_schema_version_and_errors(tmp_path):
    db = tmp_path / "a.sqlite"
    conn = connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    connect(db, create=False).close()  # reopening migrates nothing
    with pytest.raises(StoreError, match="no archive"):
        connect(tmp_path / "missing.sqlite", create=False)
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello, not sqlite" * 100)
    with pytest.raises(StoreError, match="not a baozhi archive"):
        connect(bad)
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).execute("CREATE TABLE x(a)").connection.commit()
    with pytest.raises(StoreError, match="something else"):
        connect(empty, create=False)
    with pytest.raises(StoreError, match="something else"):
        connect(empty)  # never adds the archive's tables to another application's database
    newer = tmp_path / "newer.sqlite"
    c = sqlite3.connect(newer)
    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    c.close()
    with pytest.raises(StoreError, match="newer"):
        connect(newer)
