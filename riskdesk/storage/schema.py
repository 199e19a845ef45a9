"""The schema as SQLAlchemy Core tables: what every query uses.

Core only, no ORM classes: ``sqlalchemy.orm`` costs ≈0.2 s of start-up on a court workstation and
brings nothing the services need. Alembic migrations in ``migrations/`` create exactly this schema (a test compares them).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
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

cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_no", String(64), nullable=False, unique=True),
    Column("cause", String(500), nullable=False, default=""),
    Column("parties", String(500), nullable=False, default=""),
    Column("judge", String(500), nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
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

settings = Table(
    "settings", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
