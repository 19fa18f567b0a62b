"""Page records: newspaper and date resolution, content hashes (store/records.py, store/db.py)."""
import hashlib
import re
import sqlite3
from pathlib import Path

import pytest

from baozhi.errors import StoreError
from baozhi.store import SCHEMA_VERSION, connect, connect_readonly
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


SEED = Path(__file__).resolve().parents[2] / "examples" / "seed_page.txt"


def test_text_hash_is_of_the_decoded_text(tmp_path):
    from baozhi.store import ingest
    from baozhi.store.db import text_hash

    text = SEED.read_text("utf-8")
    assert "\r" not in text and not text.startswith("\ufeff")
    variants = {"utf8.txt": text.encode("utf-8"), "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
                "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"), "gbk.txt": text.encode("gbk"),
                "utf16.txt": text.encode("utf-16"), "cr-gb18030.txt": text.replace("\n", "\r").encode("gb18030")}
    for name, raw in variants.items():
        (tmp_path / name).write_bytes(raw)
    db = tmp_path / "a.sqlite"
    s = ingest([str(tmp_path / "utf8.txt")], db)
    assert (s.pages_new, s.total_pages) == (1, 1)
    s = ingest([str(tmp_path)], db)
    assert (s.files, s.files_skipped, s.pages_new, s.pages_skipped, s.total_pages) == (6, 1, 0, 6, 1)
    c = sqlite3.connect(db)
    assert c.execute("SELECT content_hash, source_sha256 FROM pages").fetchall() == [
        (text_hash(text), hashlib.sha256(text.encode("utf-8")).hexdigest())]
    assert text_hash(text) == hashlib.sha256(SEED.read_bytes()).hexdigest()  # UTF-8, LF: the bytes' hash
    # every file is known now, by its own bytes
    assert c.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 6
    assert content_hash("ab", None, "宋文") == text_hash("宋文") == hashlib.sha256("宋文".encode()).hexdigest()


def test_migration_to_v2_rehashes_text_pages(tmp_path):
    from baozhi.store import ingest
    from baozhi.store.db import text_hash

    crlf = SEED.read_text("utf-8").replace("\n", "\r\n").encode("utf-8")
    (tmp_path / "a.txt").write_bytes(crlf)
    (tmp_path / "b.txt").write_bytes(crlf.replace(b"\r\n", b"\n"))
    (tmp_path / "c.txt").write_bytes(crlf + b"\r\n")
    db = tmp_path / "a.sqlite"
    ingest([str(tmp_path / "a.txt"), str(tmp_path / "c.txt")], db)
    c = sqlite3.connect(db)
    # as v1 stored them: the hash of the file's bytes; b.txt is the same page as a.txt, stored twice
    raw = {n: hashlib.sha256((tmp_path / n).read_bytes()).hexdigest() for n in ("a.txt", "b.txt", "c.txt")}
    c.execute("UPDATE pages SET content_hash = source_sha256")
    c.execute("INSERT INTO pages(content_hash, source_sha256, path, kind, text, parser_version, ingested_at)"
              " SELECT ?, ?, ?, kind, text, parser_version, ingested_at FROM pages WHERE path LIKE '%a.txt'",
              (raw["b.txt"], raw["b.txt"], str(tmp_path / "b.txt")))
    c.execute("INSERT INTO pages(content_hash, source_sha256, page_no, path, kind, text, parser_version, ingested_at)"
              " SELECT 'x#1', 'x', 1, 'x.pdf', 'pdf', text, parser_version, ingested_at FROM pages WHERE id = 1")
    c.execute("PRAGMA user_version = 1")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="older than this baozhi"):
        connect_readonly(db)
    connect(db).close()
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    text = SEED.read_text("utf-8")
    assert raw["b.txt"] == text_hash(text) != raw["a.txt"]  # b.txt is UTF-8 with LF: its bytes are its text
    assert c.execute("SELECT path, content_hash FROM pages ORDER BY id").fetchall() == [
        (str(tmp_path / "a.txt"), raw["a.txt"]),  # the same page as b.txt, whose hash it would take: kept
        (str(tmp_path / "c.txt"), text_hash(text + "\n")),  # rehashed
        (str(tmp_path / "b.txt"), raw["b.txt"]),
        ("x.pdf", "x#1")]  # a PDF page keeps its hash
    s = ingest([str(tmp_path)], db)  # now each text is found stored
    assert (s.pages_new, s.pages_skipped) == (0, 3)
