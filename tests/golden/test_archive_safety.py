"""The archive under stress: SIGKILL mid-ingest, two concurrent ingests, failing inputs."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from baozhi.store import connect, ingest

from conftest import BENCH, SHARED, need_shared

CORPUS = SHARED / "corpus" / "facts"



def _stored_pages(db) -> int:
    """Pages committed so far by an ingest running in another process (0 before the archive exists)."""
    if not db.exists():
        return 0
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return c.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
        finally:
            c.close()
    except sqlite3.Error:
        return 0

def _copies(src_files, out, n):
    """n page files with distinct content (a numbered line appended) from the given pages."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        src = src_files[i % len(src_files)]
        p = out / f"copy{i:03d}.txt"
        p.write_bytes(src.read_bytes().rstrip() + f"\n\n第{i}号\n".encode())
        paths.append(p)
    return paths


def _ingest_cmd(db, *args):
    return [sys.executable, "-m", "baozhi", "ingest", "--db", str(db), *map(str, args)]


def _consistent(db):
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    orphans = {
        "articles": "SELECT COUNT(*) FROM articles WHERE page_id NOT IN (SELECT id FROM pages)",
        "paragraphs": "SELECT COUNT(*) FROM paragraphs WHERE article_id NOT IN (SELECT id FROM articles)",
        "mentions": "SELECT COUNT(*) FROM mentions WHERE page_id NOT IN (SELECT id FROM pages)",
        "meetings": "SELECT COUNT(*) FROM meetings WHERE page_id NOT IN (SELECT id FROM pages)",
        "participants": "SELECT COUNT(*) FROM meeting_participants WHERE meeting_id NOT IN (SELECT id FROM meetings)",
        "pages without articles": "SELECT COUNT(*) FROM pages WHERE id NOT IN (SELECT page_id FROM articles)",
    }
    for what, sql in orphans.items():
        assert c.execute(sql).fetchone()[0] == 0, what
    n_articles = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert c.execute("SELECT COUNT(*) FROM article_fts").fetchone()[0] == n_articles
    # every stored page is complete: its articles are those its record had
    assert c.execute("SELECT COUNT(*) FROM pages p WHERE (SELECT MAX(seq) + 1 FROM articles a WHERE a.page_id = p.id)"
                     " != (SELECT COUNT(*) FROM articles a WHERE a.page_id = p.id)").fetchone()[0] == 0
    return c


def _counts(db):
    c = sqlite3.connect(db)
    return {t: c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("pages", "articles", "paragraphs", "persons", "mentions", "title_mentions", "meetings",
                      "meeting_participants", "documents", "article_fts")}


def test_sigkill_mid_ingest_then_resume(tmp_path):
    need_shared(BENCH / "pages")
    pages = sorted((BENCH / "pages").glob("p*/pdftotext.txt"))[:4]
    files = _copies(pages, tmp_path / "in", 40)
    db = tmp_path / "a.sqlite"
    proc = subprocess.Popen(_ingest_cmd(db, tmp_path / "in", "--workers", "1"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    n = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            n = _stored_pages(db)
            if n >= 3:
                break
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    c = _consistent(db)
    done = c.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
    assert 3 <= done < len(files), "the kill should land mid-run"
    p = subprocess.run(_ingest_cmd(db, tmp_path / "in", "--workers", "2"), capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert f"{len(files) - done} pages added, {done} already stored" in p.stdout
    _consistent(db)
    assert _counts(db)["pages"] == len(files)


def test_two_concurrent_ingests(tmp_path):
    need_shared(CORPUS)
    files = _copies(sorted(CORPUS.glob("*.txt")), tmp_path / "in", 40)
    a, b = files[:28], files[12:]
    db = tmp_path / "a.sqlite"
    procs = [subprocess.Popen(_ingest_cmd(db, *part, "--workers", "1"), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for part in (a, b)]
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "Traceback" not in err
    _consistent(db)
    ref = tmp_path / "ref.sqlite"
    s = ingest([str(f) for f in files], ref, workers=1)
    assert s.pages_new == len(files)
    assert _counts(db) == _counts(ref)
    c = sqlite3.connect(db)
    assert c.execute("SELECT COUNT(DISTINCT content_hash) FROM pages").fetchone()[0] == len(files)


def test_failing_inputs_are_recorded_and_the_run_goes_on(tmp_path):
    need_shared(CORPUS)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "good.txt").write_bytes((CORPUS / "001.txt").read_bytes())
    db = tmp_path / "a.sqlite"
    p = subprocess.run(_ingest_cmd(db, tmp_path, tmp_path / "missing.txt", "--workers", "2"),
                       capture_output=True, text=True)
    assert p.returncode == 3
    assert "Traceback" not in p.stderr
    errs = p.stderr.strip().splitlines()
    assert len(errs) == 4 and all(e.startswith("baozhi: error: ") for e in errs)
    c = sqlite3.connect(db)
    rows = dict(c.execute("SELECT path, code FROM failures").fetchall())
    assert rows == {str(tmp_path / "empty.txt"): "empty", str(tmp_path / "binary.txt"): "binary",
                    str(tmp_path / "bad.pdf"): "corrupt-pdf"}
    assert c.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == 1
    # a second run retries the failures, records them once, and skips the stored page
    p = subprocess.run(_ingest_cmd(db, tmp_path, "--workers", "1"), capture_output=True, text=True)
    assert p.returncode == 3 and "0 pages added, 1 already stored" in p.stdout
    assert c.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 3


def test_store_errors_exit_5(tmp_path):
    bad = tmp_path / "notdb.sqlite"
    bad.write_text("not a database" * 200)
    from click.testing import CliRunner

    from baozhi.cli import main

    for args in (["search", "会议"], ["people"], ["people", "宋文"], ["meetings"], ["export", "--out", str(tmp_path / "x")]):
        for db in (bad, tmp_path / "missing.sqlite"):
            r = CliRunner().invoke(main, [*args, "--db", str(db)])
            assert r.exit_code == 5, (args, db, r.output)
            assert len(r.stderr.strip().splitlines()) == 1 and r.stderr.startswith("baozhi: error: ")
            assert r.exception is None or isinstance(r.exception, SystemExit)
    p = subprocess.run([sys.executable, "-m", "baozhi", "search", "x", "--db", str(bad)], capture_output=True, text=True)
    assert p.returncode == 5 and len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr
    p = subprocess.run(_ingest_cmd(bad, CORPUS / "001.txt"), capture_output=True, text=True)
    assert p.returncode == 5 and "not a baozhi archive" in p.stderr
    p = subprocess.run([sys.executable, "-m", "baozhi", "--help"], capture_output=True, text=True)
    assert "5  archive error" in p.stdout


def test_an_archive_whose_schema_text_is_not_utf8_is_a_store_error(tmp_path):
    # a flipped byte in the schema's text: SQLite reads the page, Python's sqlite3 fails to
    # decode it (a UnicodeDecodeError traceback, exit 1, before)
    from click.testing import CliRunner

    from baozhi.cli import main

    good = tmp_path / "good.sqlite"
    connect(good).close()
    data = bytearray(good.read_bytes())
    data[data.find(b"CREATE TABLE") + 7] = 0x9C
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(bytes(data))
    for args in (["search", "会议"], ["people"], ["meetings"], ["export", "--out", str(tmp_path / "x")]):
        r = CliRunner().invoke(main, [*args, "--db", str(bad)])
        assert r.exit_code == 5, (args, r.output)
        assert r.stderr.startswith("baozhi: error: database file is damaged (text that is not UTF-8)")
    p = subprocess.run(_ingest_cmd(bad, CORPUS / "001.txt"), capture_output=True, text=True)
    assert p.returncode == 5 and "Traceback" not in p.stderr and "not UTF-8" in p.stderr


def test_locked_past_timeout_is_a_store_error(tmp_path):
    from baozhi.errors import StoreError
    from baozhi.store.write import write_failure

    db = tmp_path / "a.sqlite"
    holder = connect(db)
    holder.execute("BEGIN IMMEDIATE")
    try:
        other = connect(db, timeout=0.2)
        with pytest.raises(StoreError, match="locked"):
            write_failure(other, "x", "x.txt", "empty", "empty")
    finally:
        holder.execute("ROLLBACK")


def _alive(pid: int) -> bool:
    """The process exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _start_and_stop(tmp_path, sig):
    """An ingest with 2 workers on many pages, stopped by *sig* once both workers run and a
    page is stored; returns (process, worker pids, stderr)."""
    need_shared(BENCH / "pages")
    if not sys.platform.startswith("linux"):
        pytest.skip("worker clean-up on parent death is Linux-only (PR_SET_PDEATHSIG)")
    pages = sorted((BENCH / "pages").glob("p*/pdftotext.txt"))[:4]
    _copies(pages, tmp_path / "in", 150)
    pids_dir = tmp_path / "pids"
    pids_dir.mkdir()
    db = tmp_path / "a.sqlite"
    env = {**os.environ, "BAOZHI_WORKER_PID_DIR": str(pids_dir)}
    proc = subprocess.Popen(_ingest_cmd(db, tmp_path / "in", "--workers", "2"), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            n = _stored_pages(db)
            if n >= 1 and len(list(pids_dir.iterdir())) >= 2:
                break
            time.sleep(0.02)
        workers = [int(p.name) for p in pids_dir.iterdir()]
        assert len(workers) == 2 and all(map(_alive, workers))
        os.kill(proc.pid, sig)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:  # pragma: no cover
            proc.kill()
            proc.wait()
    return proc, workers, err, db


def _gone_within(pids, seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(map(_alive, pids)):
        time.sleep(0.05)
    return [p for p in pids if _alive(p)]


def test_sigkill_of_ingest_leaves_no_worker(tmp_path):
    proc, workers, _, db = _start_and_stop(tmp_path, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    assert _gone_within(workers) == []
    _consistent(db)


def test_sigterm_of_ingest_stops_workers_and_exits_143(tmp_path):
    import re

    proc, workers, err, db = _start_and_stop(tmp_path, signal.SIGTERM)
    assert proc.returncode == 143
    lines = err.splitlines()
    assert len(lines) == 1, err
    m = re.fullmatch(r"baozhi: error: ingest stopped by SIGTERM after (\d+) pages written; the archive holds "
                     r"whole pages only, run the same command again to resume", lines[0])
    assert m, lines
    assert _gone_within(workers) == []
    c = _consistent(db)
    assert c.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == int(m.group(1)) >= 1


def test_ingest_of_nothing_creates_no_archive(tmp_path):
    db = tmp_path / "t.sqlite"
    p = subprocess.run(_ingest_cmd(db, tmp_path / "nonexist"), capture_output=True, text=True)
    assert p.returncode == 3
    assert p.stderr == f"baozhi: error: {tmp_path / 'nonexist'}: no such file or directory [unreadable]\n"
    assert p.stdout == ("0 pages added, 0 already stored, 0 re-parsed; 0 articles, 0 meetings; 0 failures, "
                        f"1 input path not read\narchive {db}: not created (no input to ingest)\n")
    (tmp_path / "empty").mkdir()
    p = subprocess.run(_ingest_cmd(db, tmp_path / "empty"), capture_output=True, text=True)
    assert p.returncode == 4
    assert sorted(x.name for x in tmp_path.iterdir()) == ["empty"]
    s = ingest([str(tmp_path / "nonexist")], db)
    assert (s.archive, s.files, db.exists()) == (False, 0, False)
