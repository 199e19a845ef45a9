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
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
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
    # The account of the 承办法官 on a shared database (a case a judge creates is theirs); None on a
    # single seat and for cases from before accounts, which go by their 承办人 text.
    Column("owner_user_id", Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=True),
    Index("ix_cases_origin", "origin_case_no"),
    Index("ix_cases_department", "department_id"),
    Index("ix_cases_filed", "filed_on"),
    Index("ix_cases_owner", "owner_user_id"),
    Index("ix_cases_created", "created_at", "id"),  # the case list, newest first (migration 0011)
)

# Accounts of a shared database (a database with at least one is shared: everyone logs in). The
# password is stored only as an scrypt hash (services.passwords); ``role`` is a domain.people.Role value.
users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("login", String(40), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("department_id", Integer, ForeignKey("departments.id", ondelete="RESTRICT"), nullable=True),
    Column("role", String(16), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("password_hash", String(200), nullable=False),
    Column("must_change_password", Boolean, nullable=False, default=False),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("locked_until", DateTime, nullable=True),
    Column("password_changed_at", DateTime, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# Assistants (and judges) who work on a case besides its 承办法官.
case_assignments = Table(
    "case_assignments", metadata,
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="RESTRICT"), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="RESTRICT"), primary_key=True),
    Index("ix_case_assignments_user", "user_id"),
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
    # A small number standing for the content hash: answers refer to a point by it (4 bytes, not 64).
    Column("ref", Integer, nullable=True),
    Index("uq_catalog_points_ref", "ref", unique=True),
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
    Column("state", String(16), nullable=False, default="draft"),  # domain.signoff.ChecklistState
    UniqueConstraint("case_id", "stage"),
    Index("ix_checklists_case", "case_id"),
    Index("ix_checklists_state", "state"),
    Index("ix_checklists_created", "created_at"),
)

# Statistics by point (services.tallies): how many points of which status, per month a checklist was
# started in, 庭室 (0: none) and stage. Kept in step with every answer, checklist start, catalog upgrade
# and case move in the same transaction, so that a year of a 100,000-case court is a few thousand rows.
point_tallies = Table(
    "point_tallies", metadata,
    Column("month", Integer, primary_key=True, autoincrement=False),  # yyyymm
    Column("department_id", Integer, primary_key=True, autoincrement=False),
    Column("stage", String(16), primary_key=True),
    Column("point_id", String(16), primary_key=True),
    Column("n_unreviewed", Integer, nullable=False, default=0),
    Column("n_clear", Integer, nullable=False, default=0),
    Column("n_risk", Integer, nullable=False, default=0),
    Column("n_na", Integer, nullable=False, default=0),
    Column("n_settled", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,
)

# Checklists by the same keys and their sign-off state: how many were started, submitted and approved,
# without reading every checklist (services.tallies keeps them with the point tallies).
checklist_tallies = Table(
    "checklist_tallies", metadata,
    Column("month", Integer, primary_key=True, autoincrement=False),  # yyyymm the checklist was started
    Column("department_id", Integer, primary_key=True, autoincrement=False),
    Column("stage", String(16), primary_key=True),
    Column("state", String(16), primary_key=True),  # domain.signoff.ChecklistState
    Column("n", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,
)

# Who answered, stored once: a version names its author by this number (the chain hashes the name).
people = Table(
    "people", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(500), nullable=False),
    Column("login", String(64), nullable=False, default=""),
    Column("role", String(32), nullable=False, default=""),
    UniqueConstraint("name", "login", "role", name="uq_people"),
)

# Every version of every answer, never changed or deleted: the answer a screen shows is a point's
# newest version (``rev``); no version means unreviewed (or, for a point the case's kind excludes,
# settled by case type). A version refers to the point's *content* (``point_ref``), so after a catalog
# change the answers to the old content stay where they are and the changed point starts afresh.
# Kept small on purpose (a fully answered case is ~10 KB): integer time stamps and status codes, and
# on SQLite the rows clustered by checklist (no rowid, no separate index).
answer_versions = Table(
    "answer_versions", metadata,
    Column("checklist_id", Integer, ForeignKey("checklists.id", ondelete="RESTRICT"), primary_key=True,
           autoincrement=False),
    Column("point_ref", Integer, primary_key=True, autoincrement=False),  # catalog_points.ref
    Column("rev", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),  # place in the audit chain, shared with ``events``
    Column("at", Integer, nullable=False),  # seconds since 1970-01-01 of the local wall-clock time
    Column("actor_id", Integer, ForeignKey("people.id", ondelete="RESTRICT"), nullable=False),
    Column("status", SmallInteger, nullable=False),  # 0 unreviewed, 1 clear, 2 risk, 3 not applicable
    Column("note", Text, nullable=False, default=""),
    Column("reason", Text, nullable=False, default=""),  # why an approved answer was changed
    Column("tag", LargeBinary(8), nullable=False),  # the chain hash after this entry, first 8 bytes
    sqlite_with_rowid=False,
)

# The audit record besides answers: changes to cases and checklist states (and later findings),
# append-only. With ``answer_versions`` it forms one hash chain ordered by ``seq`` (see storage.chain).
events = Table(
    "events", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
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
    Column("tag", LargeBinary(8), nullable=False),
    Column("finding_id", Integer, ForeignKey("findings.id", ondelete="RESTRICT"), nullable=True),
    Index("ix_events_case", "case_id"),
    Index("ix_events_finding", "finding_id"),
    Index("ix_events_checklist", "checklist_id", "point_id"),
)

# 整改台账: one row per item; everything that happens to it is an event (events.finding_id), its
# deadline extensions and notes their own rows, nothing is ever deleted.
findings = Table(
    "findings", metadata,
    Column("id", Integer, primary_key=True),
    Column("no", String(32), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),  # case (from an answer), manual, systemic (共性问题)
    Column("state", String(16), nullable=False),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="RESTRICT"), nullable=True),
    Column("checklist_id", Integer, ForeignKey("checklists.id", ondelete="RESTRICT"), nullable=True),
    Column("point_id", String(16), nullable=False, default=""),
    Column("source_note", Text, nullable=False, default=""),
    Column("source_seq", Integer, nullable=True),  # the answer version it came from, in the audit chain
    Column("description", Text, nullable=False),
    Column("severity", String(8), nullable=False),
    Column("severity_found", String(8), nullable=False),
    Column("measure", Text, nullable=False, default=""),
    Column("department_id", Integer, ForeignKey("departments.id", ondelete="RESTRICT"), nullable=True),
    Column("owner", String(500), nullable=False, default=""),
    Column("owner_login", String(64), nullable=False, default=""),
    Column("supervisor", String(500), nullable=False, default=""),
    Column("due", Date, nullable=False),
    Column("result", Text, nullable=False, default=""),
    Column("applicant", String(500), nullable=False, default=""),
    Column("closed_by", String(500), nullable=False, default=""),
    Column("closed_at", DateTime, nullable=True),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(500), nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_findings_state", "state"),
    Index("ix_findings_case", "case_id"),
    Index("ix_findings_department", "department_id"),
    Index("ix_findings_due", "due"),
)

finding_extensions = Table(
    "finding_extensions", metadata,
    Column("id", Integer, primary_key=True),
    Column("finding_id", Integer, ForeignKey("findings.id", ondelete="RESTRICT"), nullable=False),
    Column("new_due", Date, nullable=False),
    Column("reason", Text, nullable=False),
    Column("approver", String(500), nullable=False),
    Column("at", DateTime, nullable=False),
    Index("ix_finding_extensions_finding", "finding_id"),
)

# Progress notes and evidence (text, or a file kept by its SHA-256 in evidence_files).
finding_notes = Table(
    "finding_notes", metadata,
    Column("id", Integer, primary_key=True),
    Column("finding_id", Integer, ForeignKey("findings.id", ondelete="RESTRICT"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("who", String(500), nullable=False),
    Column("kind", String(16), nullable=False),  # progress, evidence, comment
    Column("text", Text, nullable=False, default=""),
    Column("file_name", String(255), nullable=False, default=""),
    Column("sha256", String(64), nullable=False, default=""),
    Column("size", Integer, nullable=False, default=0),
    Index("ix_finding_notes_finding", "finding_id"),
)

evidence_files = Table(
    "evidence_files", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

# The cases behind a 共性问题 (systemic item).
finding_cases = Table(
    "finding_cases", metadata,
    Column("finding_id", Integer, ForeignKey("findings.id", ondelete="RESTRICT"), primary_key=True,
           autoincrement=False),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="RESTRICT"), primary_key=True, autoincrement=False),
)

# One row (id 1): the newest entry's number and full chain hash. Every append updates it in the same
# transaction, which serialises appends (a row lock on PostgreSQL, the write lock on SQLite).
chain_head = Table(
    "chain_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

# The full chain hash at every CHECKPOINT_EVERY-th entry (storage.chain): entries keep only 8 bytes of it.
chain_checkpoints = Table(
    "chain_checkpoints", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False),
)

settings = Table(
    "settings", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
