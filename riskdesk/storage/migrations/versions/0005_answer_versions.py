"""Answers as versions in one hash chain with the events; a fully answered case takes ~10 KB, not ~51 KB.

Revision ID: 0005
Revises: 0004

``results`` (one row per answer, a 64-character point hash on every row and in two indexes) and
``change_log`` become ``answer_versions``: one row per change, the point by a small number (``ref``),
status as a code, time as whole seconds. Every answer, note and logged change is kept: each change
log entry becomes a version; an answer with no logged change (databases from before the log)
becomes one version with its last state. Retired answers stay with the content they were given to.
The existing events and the new versions are put in one chain, in the order they happened.
The counts kept on each checklist are recomputed: points nobody answered that the case's kind
excludes now count as settled (不适用（案件类型）).
"""

import hashlib
import json
from collections import defaultdict
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_EPOCH = datetime(1970, 1, 1)
_CODE = {"unreviewed": 0, "clear": 1, "risk": 2, "na": 3}
_CHECKPOINT_EVERY = 256


def _stamp(value: object) -> int:
    at = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return int((at - _EPOCH).total_seconds())


def _dt(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def upgrade() -> None:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    # 1. A small number for each point content.
    op.add_column("catalog_points", sa.Column("ref", sa.Integer, nullable=True))
    hashes = [h for (h,) in conn.execute(sa.text("SELECT content_hash FROM catalog_points ORDER BY point_id, "
                                                 "content_hash"))]
    for ref, h in enumerate(hashes, start=1):
        conn.execute(sa.text("UPDATE catalog_points SET ref = :r WHERE content_hash = :h"), {"r": ref, "h": h})
    op.create_index("uq_catalog_points_ref", "catalog_points", ["ref"], unique=True)
    ref_of = {h: i for i, h in enumerate(hashes, start=1)}
    # 2. The new tables.
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("login", sa.String(64), nullable=False, server_default=""),
        sa.Column("role", sa.String(32), nullable=False, server_default=""),
        sa.UniqueConstraint("name", "login", "role", name="uq_people"),
    )
    op.create_table(
        "answer_versions",
        sa.Column("checklist_id", sa.Integer, sa.ForeignKey("checklists.id", ondelete="RESTRICT"), primary_key=True,
                  autoincrement=False),
        sa.Column("point_ref", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("rev", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("at", sa.Integer, nullable=False),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("people.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("status", sa.SmallInteger, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("tag", sa.LargeBinary(8), nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_table("chain_checkpoints", sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("hash", sa.String(64), nullable=False))
    old_events = [dict(r._mapping) for r in conn.execute(sa.text("SELECT * FROM events ORDER BY id"))]
    op.drop_index("ix_events_checklist", "events")
    op.drop_index("ix_events_case", "events")
    op.drop_table("events")
    op.drop_table("chain_head")
    op.create_table(
        "events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(500), nullable=False),
        sa.Column("actor_login", sa.String(64), nullable=False, server_default=""),
        sa.Column("actor_role", sa.String(32), nullable=False, server_default=""),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("checklist_id", sa.Integer, sa.ForeignKey("checklists.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("point_id", sa.String(16), nullable=False, server_default=""),
        sa.Column("field", sa.String(32), nullable=False, server_default=""),
        sa.Column("old_value", sa.Text, nullable=False, server_default=""),
        sa.Column("new_value", sa.Text, nullable=False, server_default=""),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("tag", sa.LargeBinary(8), nullable=False),
    )
    op.create_index("ix_events_case", "events", ["case_id"])
    op.create_index("ix_events_checklist", "events", ["checklist_id", "point_id"])
    op.create_table("chain_head", sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("seq", sa.Integer, nullable=False), sa.Column("hash", sa.String(64), nullable=False))
    # 3. Every answer and logged change as versions, and 4. one chain over events and versions.
    _chain(conn, old_events, _versions(conn, ref_of))
    # 5. The old tables go; their content is all in the versions above.
    op.drop_index("ix_change_log_result", "change_log")
    op.drop_table("change_log")
    op.drop_index("ix_results_checklist_status", "results")
    op.drop_index("uq_results_active_point", "results")
    op.drop_table("results")
    if sqlite:
        conn.execute(sa.text("PRAGMA optimize"))
    _recount(conn)


def _chain(conn: sa.Connection, old_events: list[dict[str, Any]], versions: list[dict[str, Any]]) -> None:
    """Number events and versions in the order they happened and hash each onto the one before."""
    entries: list[tuple[Any, int, int, str, dict[str, Any]]] = [
        (_dt(e["at"]), 0, i, "e", e) for i, e in enumerate(old_events)]
    entries += [(v["_when"], 1, i, "v", v) for i, v in enumerate(versions)]
    entries.sort(key=lambda t: (t[0], t[1], t[2]))
    prev = "0" * 64
    people_ids: dict[str, int] = {}
    ev_rows: list[dict[str, Any]] = []
    v_rows: list[dict[str, Any]] = []
    checkpoints: list[dict[str, Any]] = []
    for seq, (_, _, _, kind, row) in enumerate(entries, start=1):
        if kind == "e":
            row = {k: row[k] for k in ("at", "actor", "actor_login", "actor_role", "kind", "case_id", "checklist_id",
                                       "point_id", "field", "old_value", "new_value", "reason")}
            row["at"] = _dt(row["at"])
            content = ["e", seq, row["at"].isoformat(sep=" ", timespec="microseconds"), row["actor"],
                       row["actor_login"], row["actor_role"], row["kind"], row["case_id"], row["checklist_id"],
                       row["point_id"], row["field"], row["old_value"], row["new_value"], row["reason"]]
        else:
            content = ["v", seq, row["checklist_id"], row["point_ref"], row["rev"], row["at"], row["actor"], "", "",
                       row["status"], row["note"], row["reason"]]
            row = {k: v for k, v in row.items() if not k.startswith("_") and k != "actor"}
            row["actor_id"] = _person(conn, people_ids, content[6])
        full = hashlib.sha256(bytes.fromhex(prev) + json.dumps(content, ensure_ascii=False, separators=(",", ":"))
                              .encode("utf-8")).hexdigest()
        row["seq"], row["tag"] = seq, bytes.fromhex(full)[:8]
        (ev_rows if kind == "e" else v_rows).append(row)
        if seq % _CHECKPOINT_EVERY == 0:
            checkpoints.append({"seq": seq, "hash": full})
        prev = full
    meta = sa.MetaData()
    t_versions = sa.Table("answer_versions", meta, autoload_with=conn)
    t_events = sa.Table("events", meta, autoload_with=conn)
    for start in range(0, len(v_rows), 5000):
        conn.execute(t_versions.insert(), v_rows[start:start + 5000])
    if ev_rows:
        conn.execute(t_events.insert(), ev_rows)
    if checkpoints:
        conn.execute(sa.Table("chain_checkpoints", meta, autoload_with=conn).insert(), checkpoints)
    conn.execute(sa.text("INSERT INTO chain_head (id, seq, hash) VALUES (1, :s, :h)"),
                 {"s": len(entries), "h": prev})


def _person(conn: sa.Connection, known: dict[str, int], name: str) -> int:
    if name not in known:
        conn.execute(sa.text("INSERT INTO people (name, login, role) VALUES (:n, '', '')"), {"n": name})
        known[name] = int(conn.execute(sa.text("SELECT id FROM people WHERE name = :n AND login = '' AND role = ''"),
                                       {"n": name}).scalar_one())
    return known[name]


def _versions(conn: sa.Connection, ref_of: dict[str, int]) -> list[dict[str, Any]]:
    """Versions from the answers and their logged changes; answers to unknown content get a placeholder."""
    logs: dict[int, list[sa.Row[Any]]] = defaultdict(list)
    for row in conn.execute(sa.text("SELECT result_id, at, who, field, old_value, new_value FROM change_log "
                                    "ORDER BY id")):
        logs[row.result_id].append(row)
    results = conn.execute(sa.text(
        "SELECT id, checklist_id, point_id, point_hash, status, note, updated_at, updated_by, revision, retired_at "
        "FROM results ORDER BY checklist_id, point_id, id")).all()
    next_ref = max(ref_of.values(), default=0) + 1
    by_key: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        if r.revision == 0 and not logs.get(r.id):
            continue  # never answered: no version (unreviewed, or settled by case type)
        ref = ref_of.get(r.point_hash)
        if ref is None:  # content not recorded (an answer kept from a catalog older than the records)
            ref = ref_of[r.point_hash] = next_ref
            conn.execute(sa.text("INSERT INTO catalog_points (content_hash, point_id, content_json, ref) "
                                 "VALUES (:h, :p, '', :r)"), {"h": r.point_hash, "p": r.point_id, "r": ref})
            next_ref += 1
        state = {"status": "unreviewed", "note": ""}
        made: list[dict[str, Any]] = []
        for log in logs.get(r.id, []):
            field = "status" if log.field == "status" else "note"
            state[field] = log.new_value
            made.append(_version(r, ref, state, _dt(log.at), log.who))
        final = {"status": r.status if r.status in _CODE else "unreviewed", "note": r.note}
        if not made or state != final:  # nothing logged (before the log existed), or the log ends elsewhere
            when = _dt(r.updated_at) if r.updated_at is not None else _dt(r.retired_at or datetime(2000, 1, 1))
            made.append(_version(r, ref, final, when, r.updated_by or ""))
        by_key[(r.checklist_id, ref)] += made
    out = []
    for made in by_key.values():
        made.sort(key=lambda v: v["_when"])
        for rev, v in enumerate(made, start=1):
            v["rev"] = rev
            out.append(v)
    return out


def _version(r: sa.Row[Any], ref: int, state: dict[str, str], when: datetime, who: str) -> dict[str, Any]:
    return {"checklist_id": r.checklist_id, "point_ref": ref, "at": _stamp(when), "actor": who or "",
            "status": _CODE.get(state["status"], 0), "note": state["note"],
            "reason": "", "_when": when}


def _recount(conn: sa.Connection) -> None:
    """The counts kept on each checklist, from the versions and the case's kind."""
    from riskdesk.domain.case_kind import CaseProfile, Track
    from riskdesk.domain.catalog import point_from_content
    from riskdesk.domain.stage import Stage

    names = {0: "n_unreviewed", 1: "n_clear", 2: "n_risk", 3: "n_na"}
    tracks = {t.value: t for t in Track}
    checklists = conn.execute(sa.text(
        "SELECT cl.id, cl.stage, cl.catalog_fingerprint, c.type_code, c.origin_case_no, c.track "
        "FROM checklists cl JOIN cases c ON c.id = cl.case_id")).all()
    for cl in checklists:
        profile = CaseProfile.of(cl.type_code, cl.origin_case_no, tracks.get(cl.track or ""))
        stage = Stage(cl.stage)
        points = conn.execute(sa.text(
            "SELECT e.node_id, e.node_name, p.content_json, p.ref FROM catalog_entries e JOIN catalog_points p "
            "ON p.content_hash = e.point_hash WHERE e.fingerprint = :fp AND e.stage = :st"),
            {"fp": cl.catalog_fingerprint, "st": cl.stage}).all()
        latest = dict(conn.execute(sa.text(
            "SELECT v.point_ref, v.status FROM answer_versions v WHERE v.checklist_id = :cl AND v.rev = "
            "(SELECT max(w.rev) FROM answer_versions w WHERE w.checklist_id = v.checklist_id "
            "AND w.point_ref = v.point_ref)"), {"cl": cl.id}).tuples().all())
        counts = dict.fromkeys([*names.values(), "n_settled"], 0)
        for node_id, node_name, js, ref in points:
            if ref in latest:
                counts[names[latest[ref]]] += 1
            elif not _applies(profile, js, stage, node_id, node_name, point_from_content):
                counts["n_settled"] += 1
            else:
                counts["n_unreviewed"] += 1
        conn.execute(sa.text("UPDATE checklists SET n_unreviewed = :n_unreviewed, n_clear = :n_clear, "
                             "n_risk = :n_risk, n_na = :n_na, n_settled = :n_settled WHERE id = :id"),
                     {**counts, "id": cl.id})


def _applies(profile: Any, js: str, stage: Any, node_id: str, node_name: str, rebuild: Any) -> bool:
    """Whether a stored point applies to the case; a point whose content cannot be read stays open."""
    try:
        return bool(profile.applies(rebuild(json.loads(js), stage, node_id, node_name)))
    except (ValueError, KeyError, TypeError):
        return True


def downgrade() -> None:
    raise NotImplementedError("RiskDesk does not go back to the schema before answer versions; restore the "
                              "pre-migration backup instead")
