"""Searching text the same way on both back ends: "contains", blind to the case of Latin letters.

SQLite's LIKE already is (for ASCII), so SQLite gets exactly LIKE; PostgreSQL's LIKE is not, so it gets
ILIKE (which also folds other alphabets' letters, e.g. full-width Ａ/ａ). Used by the case search and the
整改台账's search, so a user finds ABC科技有限公司 by typing abc wherever the database is.

A term without any letter that has a case (Chinese, digits, brackets: nearly every search at a court)
matches the same under LIKE as under ILIKE, and PostgreSQL's LIKE scans about five times faster, so
such a term gets LIKE there too (bench/pg_bench.py: the search of 100,000 cases).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, String, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal


def like_pattern(term: str) -> str:
    """``%term%`` with LIKE's own characters escaped (by a backslash)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Contains(ColumnElement[bool]):
    """``column LIKE pattern ESCAPE '\\'`` on SQLite, ``ILIKE`` on PostgreSQL (a compiled element per dialect)."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True  # a comparison: no "= 1" after it where booleans are integers
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement),
                           ("pattern", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: ColumnElement[str], pattern: str) -> None:
        self.column = column
        self.pattern = literal(pattern, String())


class ContainsUncased(Contains):
    """:class:`Contains` for a term with no cased letter: LIKE on every back end (its own class, so its own cache key)."""

    inherit_cache = True


def contains(column: ColumnElement[str], term: str) -> Contains:
    if all(ch.lower() == ch == ch.upper() for ch in term):
        return ContainsUncased(column, like_pattern(term))
    return Contains(column, like_pattern(term))


@compiles(Contains)
def _contains_like(element: Contains, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.column.like(element.pattern, escape="\\"), **kw))


@compiles(Contains, "postgresql")
def _contains_ilike(element: Contains, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.column.ilike(element.pattern, escape="\\"), **kw))


@compiles(ContainsUncased)
@compiles(ContainsUncased, "postgresql")
def _contains_uncased(element: Contains, compiler: SQLCompiler, **kw: Any) -> str:
    return _contains_like(element, compiler, **kw)
