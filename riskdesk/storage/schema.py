"""The schema as SQLAlchemy Core tables: what every query uses.

Core only, no ORM classes: ``sqlalchemy.orm`` costs ≈0.2 s of start-up on a court workstation and
brings nothing the services need. Alembic migrations in ``migrations/`` create exactly this schema (a test compares them).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

# 庭室: on a single-seat file made on first use; on a shared database managed by an admin.
departments = Table(
    "departments", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
)

cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_no", String(64), nullable=False, unique=True),
    Column("cause", String(500), nullable=False, default=""),
    Column("parties", String(500), nullable=False, default=""),
    Column("judge", String(500), nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    # 类型代字 of the 案号 (民初, 执 …): kind and procedure follow from it (domain.case_kind).
    Column("type_code", String(8), nullable=False, default=""),
    Column("track", String(16), nullable=True),  # 程序 chosen by the court: ordinary, simple, …
    Column("origin_case_no", String(64), nullable=True),  # 原审案号 / 执行依据, normalised
    Column("filed_on", Date, nullable=True),  # 立案日期
    Column("department_id", Integer, ForeignKey("departments.id", ondelete="RESTRICT"), nullable=True),
    Index("ix_cases_origin", "origin_case_no"),
    Index("ix_cases_department", "department_id"),
    Index("ix_cases_filed", "filed_on"),
)

# A catalog the database has seen, by fingerprint; its points are kept for old checklists.
catalog_versions = Table(
    "catalog_versions", metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("version", String(64), nullable=False),
    Column("loaded_at", DateTime, nullable=False),
)

# One point's content, stored once per content hash so old checklists stay readable as they were.
catalog_points = Table(
    "catalog_points", metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("point_id", String(16), nullable=False),
    Column("content_json", Text, nullable=False),
)

# Which points, in which order and under which node, a catalog version has per stage.
catalog_entries = Table(
    "catalog_entries", metadata,
    Column("fingerprint", String(64), ForeignKey("catalog_versions.fingerprint", ondelete="RESTRICT"),
           primary_key=True),
    Column("point_id", String(16), primary_key=True),
    Column("stage", String(16), nullable=False),
    Column("position", Integer, nullable=False),
    Column("node_id", String(16), nullable=False),
    Column("node_name", String(100), nullable=False),
    Column("point_hash", String(64), ForeignKey("catalog_points.content_hash", ondelete="RESTRICT"), nullable=False),
)

checklists = Table(
    "checklists", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="RESTRICT"), nullable=False),
    Column("stage", String(16), nullable=False),
    Column("catalog_fingerprint", String(64), ForeignKey("catalog_versions.fingerprint", ondelete="RESTRICT"),
           nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_point_id", String(16), nullable=False, default=""),
    # Kept in step with the active results in the same transaction as every answer (see
    # services.review): statistics read these instead of counting millions of result rows.
    Column("n_unreviewed", Integer, nullable=False, default=0),
    Column("n_clear", Integer, nullable=False, default=0),
    Column("n_risk", Integer, nullable=False, default=0),
    Column("n_na", Integer, nullable=False, default=0),
    Column("n_settled", Integer, nullable=False, default=0),
    UniqueConstraint("case_id", "stage"),
    Index("ix_checklists_case", "case_id"),
)

# A reviewer's answer. Never deleted: a point dropped or changed by a newer catalog is retired.
results = Table(
    "results", metadata,
    Column("id", Integer, primary_key=True),
    Column("checklist_id", Integer, ForeignKey("checklists.id", ondelete="RESTRICT"), nullable=False),
    Column("point_id", String(16), nullable=False),
    Column("point_hash", String(64), nullable=False),
    Column("status", String(16), nullable=False, default="unreviewed"),
    Column("note", Text, nullable=False, default=""),
    Column("updated_at", DateTime, nullable=True),
    Column("updated_by", String(500), nullable=False, default=""),
    Column("revision", Integer, nullable=False, default=0),
    Column("retired_at", DateTime, nullable=True),
    # Partial on PostgreSQL too: migration 0001 says postgresql_where. Not repeated here, where naming it
    # would load SQLAlchemy's PostgreSQL dialect (~25 ms) on every start on an SQLite file.
    Index("uq_results_active_point", "checklist_id", "point_id", unique=True,
          sqlite_where=text("retired_at IS NULL")),
    Index("ix_results_checklist_status", "checklist_id", "status"),
)

# Append-only history: who changed which answer, when, from what to what.
change_log = Table(
    "change_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("who", String(500), nullable=False),
    Column("result_id", Integer, ForeignKey("results.id", ondelete="RESTRICT"), nullable=False),
    Column("field", String(16), nullable=False),
    Column("old_value", Text, nullable=False),
    Column("new_value", Text, nullable=False),
    Index("ix_change_log_result", "result_id"),
)

# The audit record: every change to a case, an answer or a checklist's state, append-only and
# hash-chained (each entry's hash covers its content and the previous entry's hash; see storage.events).
events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # contiguous: a gap is a deleted entry
    Column("at", DateTime, nullable=False),
    Column("actor", String(500), nullable=False),
    Column("actor_login", String(64), nullable=False, default=""),
    Column("actor_role", String(32), nullable=False, default=""),
    Column("kind", String(32), nullable=False),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="RESTRICT"), nullable=True),
    Column("checklist_id", Integer, ForeignKey("checklists.id", ondelete="RESTRICT"), nullable=True),
    Column("point_id", String(16), nullable=False, default=""),
    Column("field", String(32), nullable=False, default=""),
    Column("old_value", Text, nullable=False, default=""),
    Column("new_value", Text, nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_events_case", "case_id"),
    Index("ix_events_checklist", "checklist_id", "point_id"),
)

# One row (id 1): the newest event's id and hash. Every append updates it in the same transaction,
# which serialises appends (a row lock on PostgreSQL, the write lock on SQLite).
chain_head = Table(
    "chain_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("event_id", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

settings = Table(
    "settings", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
