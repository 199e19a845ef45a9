"""A check on every statement of the test suite: once a transaction holds the audit chain's head, it
writes nothing but chain entries and locks nothing else (storage.chain's rule).

The head is held from its ``take`` to the commit. A transaction that took another lock after it could
wait for a writer that holds that lock and waits for the head: a deadlock, which PostgreSQL ends by
failing one of them. So every test, on both back ends, fails at the first statement that breaks the
rule (on SQLite the ``FOR UPDATE`` is not in the SQL, so there only writes are checked). A transaction
that holds the whole checklists table (``storage.db.hold_checklists``: a move of cases, a recount) is
exempt: no writer it could wait for is waiting for the head.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, event

from riskdesk.storage.chain import HEAD_TAKEN
from riskdesk.storage.db import CHECKLISTS_HELD

_ALLOWED = re.compile(
    r"\s*(INSERT INTO (answer_versions|events|chain_checkpoints)\b"
    r"|UPDATE chain_head\b"
    r"|SELECT\b(?:(?!\bFOR (UPDATE|SHARE|NO KEY UPDATE|KEY SHARE)\b|pg_advisory).)*$"
    r"|SELECT chain_head\.seq, chain_head\.hash\s+FROM chain_head\b.*FOR UPDATE\s*$"
    r"|SAVEPOINT|RELEASE|ROLLBACK)",
    re.IGNORECASE | re.DOTALL)


class AfterChainHead(AssertionError):
    """A statement that locks or writes something other than the chain after the chain's head was taken."""


def _check(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
    info = conn.info
    if info.get(HEAD_TAKEN) and not info.get(CHECKLISTS_HELD) and not _ALLOWED.match(statement):
        raise AfterChainHead("after the audit chain's head was taken, only chain entries may be written "
                             f"(storage.chain): {statement[:300]}")


def _end(conn: Any) -> None:
    conn.info.pop(HEAD_TAKEN, None)
    conn.info.pop(CHECKLISTS_HELD, None)


def install() -> None:
    if not event.contains(Engine, "before_cursor_execute", _check):
        event.listen(Engine, "before_cursor_execute", _check)
        event.listen(Engine, "commit", _end)
        event.listen(Engine, "rollback", _end)
