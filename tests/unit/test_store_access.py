"""Opening the archive: queries open it read-only (a read-only file or directory can be searched),
and a bad --db is one line on stderr with exit code 5, never click's usage text."""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from baozhi.cli import main
from baozhi.errors import StoreError
from baozhi.store import SCHEMA_VERSION, connect, connect_readonly, ingest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed_page.txt"
QUERIES = (["search", "常晓勇"], ["people"], ["people", "常晓勇"], ["meetings"])


@pytest.fixture
def world_dir():
    """A directory another user can read (pytest's tmp_path is private to its owner)."""
    d = Path(tempfile.mkdtemp(prefix="baozhi-access-"))
    d.chmod(0o755)
    yield d
    for p in [d, *d.rglob("*")]:
        p.chmod(0o755 if p.is_dir() else 0o644)
    shutil.rmtree(d)


def _unprivileged() -> list[str]:
    """A command prefix running as a user whom file modes bind (root ignores them)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: file modes cannot be tested")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _baozhi(*args):
    return subprocess.run([*_unprivileged(), sys.executable, "-m", "baozhi", *map(str, args)], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, cwd="/")


def _archive(d: Path) -> Path:
    db = d / "a.sqlite"
    s = ingest([str(SEED)], db, workers=1)
    assert s.pages_new == 1
    return db


def test_readonly_connection_never_writes(tmp_path):
    db = _archive(tmp_path)
    before = db.read_bytes()
    conn = connect_readonly(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3
    with pytest.raises(sqlite3.OperationalError, match="readonly|query_only"):
        conn.execute("DELETE FROM articles")
    conn.close()
    assert db.read_bytes() == before


def test_an_archive_at_rest_is_one_file_and_queries_leave_none_beside_it(tmp_path):
    # ingest ends in rollback-journal mode: read-only queries cannot remove WAL files they open
    db = _archive(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite"]
    for q in QUERIES:
        assert CliRunner().invoke(main, [*q, "--db", str(db)]).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite"]
    # the next ingest writes in WAL again (concurrent readers and writers)
    conn = connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


@pytest.mark.parametrize("mode", ["file", "dir"])
def test_queries_on_a_readonly_archive(world_dir, mode):
    db = _archive(world_dir)
    db.chmod(0o444)
    if mode == "dir":
        world_dir.chmod(0o555)
    before = db.read_bytes()
    p = _baozhi("search", "常晓勇", "--db", db)
    assert (p.returncode, p.stderr) == (0, "")
    assert p.stdout.count("【常晓勇】") >= 1
    for args in QUERIES[1:]:
        p = _baozhi(*args, "--db", db)
        assert (p.returncode, p.stderr) == (0, ""), args
        assert p.stdout
    out = Path(tempfile.mkdtemp())
    out.chmod(0o777)
    try:
        p = _baozhi("export", "--out", out / "x", "--db", db)
        assert (p.returncode, p.stderr) == (0, "")
        assert (out / "x" / "articles.csv").exists()
    finally:
        shutil.rmtree(out)
    assert db.read_bytes() == before
    if mode == "dir":
        assert sorted(x.name for x in world_dir.iterdir()) == ["a.sqlite"]
    # only ingest writes: on a read-only archive it is one line, exit 5
    p = _baozhi("ingest", SEED, "--db", db, "--reparse", "--workers", "1")
    assert p.returncode == 5
    assert p.stderr.splitlines() == [f"baozhi: error: {db}: the archive is read-only "
                                     "(ingest needs write access to the file and its directory) [store]"]


def test_older_schema_is_an_archive_error_for_queries(tmp_path, monkeypatch):
    import baozhi.store.db as store_db

    db = _archive(tmp_path)
    before = db.read_bytes()
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)  # this baozhi is newer than the archive
    r = CliRunner().invoke(main, ["search", "会议", "--db", str(db)])
    assert r.exit_code == 5
    assert r.stderr == (f"baozhi: error: {db}: archive schema v{SCHEMA_VERSION} is older than this baozhi "
                        f"(v{SCHEMA_VERSION + 1}); run baozhi ingest on it once to upgrade it (e.g. with pages "
                        "already stored, which are skipped) [store]\n")
    assert db.read_bytes() == before


@pytest.mark.parametrize("case", ["dir", "unreadable", "not-sqlite", "missing", "no-parent"])
def test_bad_db_is_one_line_exit_5(world_dir, case):
    db = world_dir / "a.sqlite"
    want = {"dir": "is a directory, not an archive file",
            "unreadable": "cannot read the archive (Permission denied)",
            "not-sqlite": "not a baozhi archive (the file is not an SQLite database)",
            "missing": "no archive here (create one with: baozhi ingest PATH --db FILE)",
            "no-parent": "no archive here (create one with: baozhi ingest PATH --db FILE)"}[case]
    if case == "dir":
        db.mkdir()
    elif case == "unreadable":
        _archive(world_dir).chmod(0o000)
    elif case == "not-sqlite":
        db.write_text("宋文 " * 100, encoding="utf-8")
    elif case == "no-parent":
        db = world_dir / "nodir" / "a.sqlite"
    for args in [*QUERIES, ["export", "--out", world_dir / "x"]]:
        p = _baozhi(*args, "--db", db)
        assert p.returncode == 5, (args, p.stderr)
        assert p.stderr.splitlines() == [f"baozhi: error: {db}: {want} [store]"], args
    if case == "missing":
        return  # ingest creates it
    p = _baozhi("ingest", SEED, "--db", db, "--workers", "1")
    assert p.returncode == 5
    if case == "no-parent":
        want = "cannot create the archive: its directory does not exist"
    assert p.stderr.splitlines() == [f"baozhi: error: {db}: {want} [store]"]


def test_connect_refuses_bad_paths(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        connect(tmp_path)
    with pytest.raises(StoreError, match="is a directory"):
        connect_readonly(tmp_path)
    with pytest.raises(StoreError, match="its directory does not exist"):
        connect(tmp_path / "no" / "a.sqlite")
