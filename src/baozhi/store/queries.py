"""Questions asked of the archive: persons, a person's titles over time, meetings.

Plain functions over a connection, returning dicts (JSON-able); the CLI only formats them.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from .db import date_paper_filter, store_errors
from .tokens import fold
from .write import person_key


@store_errors
def list_persons(conn: sqlite3.Connection, *, newspaper: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Persons by number of mentions (most first):
    ``[{"person_id", "name", "newspaper", "mentions", "titles": [str], "variants": [str]}]``;
    ``titles`` are the person's titles, most often seen first (a title printed without its place
    left out when the person has it with one place: :func:`merge_title_forms`)."""
    args: list = []
    where = ""
    if newspaper:
        where, args = "WHERE p.newspaper = ?", [newspaper]
    rows = conn.execute(
        f"SELECT p.id, p.name, p.newspaper, (SELECT COUNT(*) FROM mentions m WHERE m.person_id = p.id) AS n"
        f" FROM persons p {where} ORDER BY n DESC, p.name LIMIT ?", (*args, limit)).fetchall()
    out = []
    for r in rows:
        titles = [t[0] for t in conn.execute(
            "SELECT title FROM title_mentions WHERE person_id = ? GROUP BY title ORDER BY COUNT(*) DESC, MIN(id)",
            (r["id"],))]
        first: dict[str, str] = {}
        for t in titles:
            first.setdefault(fold(t), t)  # one per script (总书记 / 總書記): the most often seen
        titles = [t for t in first.values() if _placed_form(t, list(first.values())) is None]
        out.append({"person_id": r["id"], "name": r["name"], "newspaper": r["newspaper"] or None,
                    "mentions": r["n"], "titles": titles, "variants": _variants(conn, r["id"])})
    return out


@store_errors
def count_persons(conn: sqlite3.Connection, *, newspaper: str | None = None) -> int:
    """How many persons :func:`list_persons` would list without a limit."""
    if newspaper:
        return conn.execute("SELECT COUNT(*) FROM persons WHERE newspaper = ?", (newspaper,)).fetchone()[0]
    return conn.execute("SELECT COUNT(*) FROM persons").fetchone()[0]


def _variants(conn, pid: int) -> list[str]:
    return [v[0] for v in conn.execute("SELECT variant FROM person_names WHERE person_id = ? ORDER BY variant", (pid,))]


def find_persons(conn: sqlite3.Connection, name: str, newspaper: str | None = None) -> list[int]:
    """Ids of the persons called *name* (as stored, or as a variant seen), any newspaper
    unless *newspaper* is given."""
    key = person_key(name)
    sql = ("SELECT DISTINCT p.id FROM persons p LEFT JOIN person_names v ON v.person_id = p.id"
           " WHERE (p.name = ? OR v.variant = ?)")
    args: list = [key, name.strip()]
    if newspaper:
        sql += " AND p.newspaper = ?"
        args.append(newspaper)
    return [r[0] for r in conn.execute(sql + " ORDER BY p.newspaper, p.id", args)]


_LEVELS = "区县市省州盟旗镇乡"
"""First characters of a title that names its body by level only (区委副书记, 市长): the same
post as the title with the place before it (永川区委副书记, 重庆市长)."""


def _placed_form(title: str, others: list[str]) -> str | None:
    """The one title of ``others`` that is ``title`` with a place name (2–4 CJK characters)
    before it, when ``title`` starts with a level character (:data:`_LEVELS`); None when there is
    none or more than one (two places: not the same post)."""
    if not title or title[0] not in _LEVELS:
        return None
    hits = [u for u in others if u.endswith(title) and 2 <= len(u) - len(title) <= 4
            and all("\u4e00" <= ch <= "\u9fff" for ch in u[:len(u) - len(title)])]
    return hits[0] if len(hits) == 1 else None


def merge_title_forms(titles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge a title printed without its place (区委副书记) into the same title printed with it
    (永川区委副书记) when the person has exactly one such placed form: counts added, first/last
    seen widened, article ids united, the printed forms listed in ``forms``. Input and output:
    :func:`person_history` title entries; the order of the placed forms is kept."""
    titles = _merge_scripts(titles)
    names = [t["title"] for t in titles]
    into = {t["title"]: _placed_form(t["title"], names) for t in titles}
    out: dict[str, dict[str, Any]] = {}
    for t in titles:
        if into[t["title"]] is None:
            out[t["title"]] = {**t, "forms": list(t["forms"])}
    for t in titles:
        target = into[t["title"]]
        if target is None:
            continue
        u = out.get(target)
        if u is None:  # the placed form merges into another: keep this one as it is
            out[t["title"]] = {**t, "forms": list(t["forms"])}
            continue
        _add_into(u, t)
    return list(out.values())


def _add_into(u: dict[str, Any], t: dict[str, Any]) -> None:
    """Title entry ``t`` counted in ``u``: counts added, dates widened, ids and forms united."""
    u["count"] += t["count"]
    dates = [d for d in (u["first_seen"], t["first_seen"]) if d]
    u["first_seen"] = min(dates) if dates else None
    dates = [d for d in (u["last_seen"], t["last_seen"]) if d]
    u["last_seen"] = max(dates) if dates else None
    u["article_ids"] = sorted(set(u["article_ids"]) | set(t["article_ids"]))
    u["forms"] += [f for f in t["forms"] if f not in u["forms"]]


def _merge_scripts(titles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Title entries that differ only in script (总书记 / 總書記) or width, as one entry under
    the form seen first; each entry gets ``forms``."""
    out: dict[str, dict[str, Any]] = {}
    for t in titles:
        key = fold(t["title"])
        if key in out:
            _add_into(out[key], {**t, "forms": [t["title"]]})
        else:
            out[key] = {**t, "article_ids": list(t["article_ids"]), "forms": [t["title"]]}
    return list(out.values())


@store_errors
def person_history(conn: sqlite3.Connection, name: str, *, newspaper: str | None = None) -> list[dict[str, Any]]:
    """One entry per matching person (one per newspaper):
    ``{"person_id", "name", "newspaper", "variants", "mentions",
    "titles": [{"title", "first_seen", "last_seen", "count", "article_ids", "forms"}],
    "meetings": [{"meeting_id", "name", "kind", "date", "role", "newspaper"}]}``.
    Titles are ordered by first seen (undated last), then by first stored; a title printed
    without its place is merged into the one printed with it (:func:`merge_title_forms`; ``forms``
    lists the printed forms); dates are page dates
    (``first_seen``/``last_seen`` None when no page of that title has a date). ``[]`` when no
    person has this name."""
    out = []
    for pid in find_persons(conn, name, newspaper):
        p = conn.execute("SELECT id, name, newspaper FROM persons WHERE id = ?", (pid,)).fetchone()
        titles = [{"title": r["title"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
                   "count": r["n"], "article_ids": sorted({int(x) for x in (r["ids"] or "").split(",") if x})}
                  for r in conn.execute(
                      "SELECT title, MIN(date) AS first_seen, MAX(date) AS last_seen, COUNT(*) AS n,"
                      " GROUP_CONCAT(article_id) AS ids, MIN(id) AS first_id FROM title_mentions"
                      " WHERE person_id = ? GROUP BY title"
                      " ORDER BY first_seen IS NULL, first_seen, first_id", (pid,))]
        titles = merge_title_forms(titles)
        meetings = [dict(r) for r in conn.execute(
            "SELECT m.id AS meeting_id, m.name, m.kind, m.date, mp.role, m.newspaper"
            " FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id"
            " WHERE mp.person_id = ? ORDER BY m.date IS NULL, m.date, m.date_text IS NULL, m.date_text, m.id",
            (pid,))]
        n = conn.execute("SELECT COUNT(*) FROM mentions WHERE person_id = ?", (pid,)).fetchone()[0]
        out.append({"person_id": pid, "name": p["name"], "newspaper": p["newspaper"] or None,
                    "variants": _variants(conn, pid), "mentions": n, "titles": titles, "meetings": meetings})
    return out


def _meeting_filter(conn, chair, kind, organizer, since, until, newspaper) -> tuple[list[str], list] | None:
    """WHERE conditions and arguments on ``meetings m``; None when nothing can match."""
    where: list[str] = []
    args: list = []
    if chair:
        ids = find_persons(conn, chair, newspaper)
        if not ids:
            return None
        where.append(f"m.id IN (SELECT meeting_id FROM meeting_participants WHERE role = 'chair'"
                     f" AND person_id IN ({','.join('?' * len(ids))}))")
        args += ids
    if kind or organizer:
        # traditional and simplified, full- and half-width match alike, as in search
        conn.create_function("bz_fold", 1, lambda t: None if t is None else fold(t), deterministic=True)
    if kind:
        where.append("bz_fold(m.kind) = ?")
        args.append(fold(kind.strip()))
    if organizer:
        where.append("instr(bz_fold(m.organizer), ?) > 0")
        args.append(fold(organizer.strip()))
    more, more_args = date_paper_filter("m", since, until, newspaper)
    return where + more, args + more_args


@store_errors
def count_meetings(conn: sqlite3.Connection, *, chair: str | None = None, kind: str | None = None,
                   organizer: str | None = None, since: str | None = None, until: str | None = None,
                   newspaper: str | None = None) -> int:
    """How many meetings :func:`list_meetings` would list without a limit."""
    f = _meeting_filter(conn, chair, kind, organizer, since, until, newspaper)
    if f is None:
        return 0
    where, args = f
    return conn.execute("SELECT COUNT(*) FROM meetings m" + (" WHERE " + " AND ".join(where) if where else ""),
                        args).fetchone()[0]


@store_errors
def list_meetings(conn: sqlite3.Connection, *, chair: str | None = None, kind: str | None = None,
                  organizer: str | None = None, since: str | None = None, until: str | None = None,
                  newspaper: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Meetings, oldest first; those whose year is unknown (``date_text`` ``--MM-DD``) after the
    dated ones, by month and day, and undated ones last:
    ``[{"meeting_id", "name", "organizer", "kind", "ordinal", "date", "date_text", "newspaper",
    "page_id", "article_id", "path", "chairs", "attendees", "observers", "documents"}]``.

    ``chair``: a person (name or variant) who chaired it; ``kind``: exact kind (常务会议; either
    script); ``organizer``: substring of the organizer (either script); ``since``/``until``: ISO dates, inclusive, on
    ``date`` (the meeting's own full date, else its page's date)."""
    f = _meeting_filter(conn, chair, kind, organizer, since, until, newspaper)
    if f is None:
        return []
    where, args = f
    sql = ("SELECT m.id, m.name, m.organizer, m.kind, m.ordinal, m.date, m.date_text, m.newspaper, m.page_id,"
           " m.article_id, p.path FROM meetings m JOIN pages p ON p.id = m.page_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY m.date IS NULL, m.date, m.date_text IS NULL, m.date_text, m.id LIMIT ?")
    out = []
    for r in conn.execute(sql, (*args, limit)).fetchall():
        d = {"meeting_id": r["id"], **{k: r[k] for k in ("name", "organizer", "kind", "ordinal", "date", "date_text",
                                                          "newspaper", "page_id", "article_id", "path")}}
        for role, key in (("chair", "chairs"), ("attendee", "attendees"), ("observer", "observers")):
            d[key] = [x[0] for x in conn.execute(
                "SELECT name FROM meeting_participants WHERE meeting_id = ? AND role = ? ORDER BY rowid",
                (r["id"], role))]
        d["documents"] = [x[0] for x in conn.execute(
            "SELECT title FROM documents WHERE meeting_id = ? ORDER BY id", (r["id"],))]
        out.append(d)
    return out
