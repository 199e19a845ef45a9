"""Shared helpers: a fingerprint of everything in a database, and running the CLI."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from riskdesk.cli import run

CASE = "(2024)内0602民初123号"


def table_hash(db: Path | str) -> str:
    """SHA-256 over every row of every table, in a stable order: "untouched" means the same hash.

    ``db`` is an SQLite file (or its sqlite:/// URL), or a PostgreSQL URL.
    """
    if isinstance(db, str) and db.startswith("sqlite:///"):
        db = Path(db.removeprefix("sqlite:///"))
    if isinstance(db, str):
        return _server_table_hash(db)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            h.update(table.encode())
            for text in sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"')):
                h.update(text.encode())
        return h.hexdigest()
    finally:
        conn.close()


def _server_table_hash(url: str) -> str:
    from sqlalchemy import create_engine, inspect, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            h = hashlib.sha256()
            for table in sorted(inspect(conn).get_table_names()):
                h.update(table.encode())
                for row in sorted(repr(tuple(r)) for r in conn.execute(text(f'SELECT * FROM "{table}"'))):
                    h.update(row.encode())
            return h.hexdigest()
    finally:
        engine.dispose()


def table_rows(db_path: Path, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
    finally:
        conn.close()


def cli(db: Path | str, catalog: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``riskdesk --db DB ARGS`` in a subprocess: the real exit status and the real stderr."""
    full = {**os.environ, "RISKDESK_CATALOG": str(catalog), **(env or {})}
    full.pop("RISKDESK_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "riskdesk", "--db", str(db), *args],
        capture_output=True, text=True, encoding="utf-8", env=full, timeout=60,
    )


def cli_inproc(db: Path | str, catalog: Path, *args: str) -> int:
    """The same in this process (about a second faster per call); read stderr with capsys."""
    return run(["--db", str(db), "--catalog", str(catalog), *args])


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]
