"""Bring a database to the current schema at start, with a backup before any pending migration.

Alembic is imported only when the stored revision is not the head: an up-to-date database
costs one query at start-up.

On PostgreSQL there is no file to copy (the server's own backups, pg_dump, are the court IT's;
see README), the migration runs in one transaction (PostgreSQL's DDL is transactional) under an
advisory lock, so two programs starting at once do not both migrate, and an account that may not
change the schema (the application role) is told that the owner must run the upgrade.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from riskdesk.storage.backup import pre_migration_backup
from riskdesk.storage.db import Database, DatabaseError, serialise
from riskdesk.storage.db_errors import SchemaUpgradeDeniedError, ServerPermissionError

SCHEMA_HEAD = "0012"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012")
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def current_revision(db: Database) -> str | None:
    with db._guard(), db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return str(row[0]) if row else None


def upgrade(db: Database, target: str = "head") -> Path | None:
    """Migrate to ``target``; returns the backup taken first, if any."""
    revision = current_revision(db)
    if revision == SCHEMA_HEAD and target == "head":
        return None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(
            f"这个数据库由更新版本的 RiskDesk 写入（数据库结构版本 {revision}，本程序只认识到 {SCHEMA_HEAD}）。"
            "请安装新版 RiskDesk 后再打开；RiskDesk 不会改动这个文件。"
        )
    backup = None
    if revision is not None and db.path is not None and db.path.exists():
        backup = pre_migration_backup(db.path, revision)
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with db._guard(), db.engine.begin() as conn:
            serialise(conn, "riskdesk schema migration")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)  # from the revision stored now: another program may have just migrated
    except ServerPermissionError as exc:
        raise SchemaUpgradeDeniedError(db.where, db.user, revision, SCHEMA_HEAD) from exc
    return backup
