"""Typed ORM classes over the Core tables of ``schema.py``.

Used by the less frequent writes (migrations' metadata, catalog upgrades, tests). Importing this
module imports ``sqlalchemy.orm``; start-up paths use ``schema`` instead.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import DeclarativeBase, Mapped

from riskdesk.storage import schema


class Base(DeclarativeBase):
    metadata = schema.metadata


class CaseRow(Base):
    __table__ = schema.cases

    id: Mapped[int]
    case_no: Mapped[str]
    cause: Mapped[str]
    parties: Mapped[str]
    judge: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CatalogVersionRow(Base):
    __table__ = schema.catalog_versions

    fingerprint: Mapped[str]
    version: Mapped[str]
    loaded_at: Mapped[datetime]


class CatalogPointRow(Base):
    __table__ = schema.catalog_points

    content_hash: Mapped[str]
    point_id: Mapped[str]
    content_json: Mapped[str]


class CatalogEntryRow(Base):
    __table__ = schema.catalog_entries

    fingerprint: Mapped[str]
    point_id: Mapped[str]
    stage: Mapped[str]
    position: Mapped[int]
    node_id: Mapped[str]
    node_name: Mapped[str]
    point_hash: Mapped[str]


class ChecklistRow(Base):
    __table__ = schema.checklists

    id: Mapped[int]
    case_id: Mapped[int]
    stage: Mapped[str]
    catalog_fingerprint: Mapped[str]
    created_at: Mapped[datetime]
    last_point_id: Mapped[str]
    n_unreviewed: Mapped[int]
    n_clear: Mapped[int]
    n_risk: Mapped[int]
    n_na: Mapped[int]


class ResultRow(Base):
    __table__ = schema.results

    id: Mapped[int]
    checklist_id: Mapped[int]
    point_id: Mapped[str]
    point_hash: Mapped[str]
    status: Mapped[str]
    note: Mapped[str]
    updated_at: Mapped[datetime | None]
    updated_by: Mapped[str]
    revision: Mapped[int]
    retired_at: Mapped[datetime | None]


class ChangeLogRow(Base):
    __table__ = schema.change_log

    id: Mapped[int]
    at: Mapped[datetime]
    who: Mapped[str]
    result_id: Mapped[int]
    field: Mapped[str]
    old_value: Mapped[str]
    new_value: Mapped[str]


class SettingRow(Base):
    __table__ = schema.settings

    key: Mapped[str]
    value: Mapped[str]

