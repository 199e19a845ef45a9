"""The schema as typed SQLAlchemy ORM classes. Alembic migrations in ``migrations/`` create it."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(64), unique=True)
    cause: Mapped[str] = mapped_column(String(500), default="")
    parties: Mapped[str] = mapped_column(String(500), default="")
    judge: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CatalogVersionRow(Base):
    """A catalog the database has seen, by fingerprint; its points are kept for old checklists."""

    __tablename__ = "catalog_versions"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime]


class CatalogPointRow(Base):
    """One point's content, stored once per content hash so old checklists stay readable as they were."""

    __tablename__ = "catalog_points"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    point_id: Mapped[str] = mapped_column(String(16))
    content_json: Mapped[str] = mapped_column(Text)


class CatalogEntryRow(Base):
    """Which points, in which order and under which node, a catalog version has per stage."""

    __tablename__ = "catalog_entries"

    fingerprint: Mapped[str] = mapped_column(
        ForeignKey("catalog_versions.fingerprint", ondelete="RESTRICT"), primary_key=True
    )
    point_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    stage: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    node_id: Mapped[str] = mapped_column(String(16))
    node_name: Mapped[str] = mapped_column(String(100))
    point_hash: Mapped[str] = mapped_column(ForeignKey("catalog_points.content_hash", ondelete="RESTRICT"))


class ChecklistRow(Base):
    __tablename__ = "checklists"
    __table_args__ = (UniqueConstraint("case_id", "stage"), Index("ix_checklists_case", "case_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    stage: Mapped[str] = mapped_column(String(16))
    catalog_fingerprint: Mapped[str] = mapped_column(ForeignKey("catalog_versions.fingerprint", ondelete="RESTRICT"))
    created_at: Mapped[datetime]
    last_point_id: Mapped[str] = mapped_column(String(16), default="")
    # Kept in step with the active results in the same transaction as every answer (see
    # services.review): statistics read these instead of counting millions of result rows.
    n_unreviewed: Mapped[int] = mapped_column(Integer, default=0)
    n_clear: Mapped[int] = mapped_column(Integer, default=0)
    n_risk: Mapped[int] = mapped_column(Integer, default=0)
    n_na: Mapped[int] = mapped_column(Integer, default=0)


class ResultRow(Base):
    """A reviewer's answer. Never deleted: a point dropped or changed by a newer catalog is retired."""

    __tablename__ = "results"
    __table_args__ = (
        Index(
            "uq_results_active_point",
            "checklist_id",
            "point_id",
            unique=True,
            sqlite_where=text("retired_at IS NULL"),
        ),
        Index("ix_results_checklist_status", "checklist_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_id: Mapped[int] = mapped_column(ForeignKey("checklists.id", ondelete="RESTRICT"))
    point_id: Mapped[str] = mapped_column(String(16))
    point_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="unreviewed")
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime | None]
    updated_by: Mapped[str] = mapped_column(String(500), default="")
    revision: Mapped[int] = mapped_column(Integer, default=0)
    retired_at: Mapped[datetime | None]


class ChangeLogRow(Base):
    """Append-only history: who changed which answer, when, from what to what."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_result", "result_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    who: Mapped[str] = mapped_column(String(500))
    result_id: Mapped[int] = mapped_column(ForeignKey("results.id", ondelete="RESTRICT"))
    field: Mapped[str] = mapped_column(String(16))
    old_value: Mapped[str] = mapped_column(Text)
    new_value: Mapped[str] = mapped_column(Text)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def table_of(row_class: type[Base]) -> Table:
    """The Core table behind an ORM class, for hot paths that skip the unit of work."""
    return cast(Table, row_class.__table__)
