"""Searching text the same way on both back ends: "contains", blind to the case of Latin letters.

SQLite's LIKE already is (for ASCII), so SQLite gets exactly LIKE; PostgreSQL's LIKE is not, so it gets
ILIKE (which also folds other alphabets' letters, e.g. full-width Ａ/ａ). Used by the case search and the
整改台账's search, so a user finds ABC科技有限公司 by typing abc wherever the database is.

A term without any letter that has a case (Chinese, digits, brackets: nearly every search at a court)
matches the same under LIKE as under ILIKE, and PostgreSQL's LIKE scans about five times faster, so
such a term gets LIKE there too (bench/pg_bench.py: the search of 100,000 cases).

On PostgreSQL the case search first narrows the cases down with the bigram index of migration 0012
(:class:`HasBigrams`); the LIKE then decides, so the rows found are the same on both back ends.
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


class HasBigrams(ColumnElement[bool]):
    """PostgreSQL: ``riskdesk_bigrams(text) @> riskdesk_bigrams(term)``, which the GIN index of migration
    0012 answers when ``text`` is its expression: only rows holding every two-character piece of the term
    can contain it, so this narrows and the LIKE decides. Elsewhere (and for a one-character term, which
    has no piece) it is true and the LIKE reads every row."""

    type = Boolean()
    inherit_cache = True
    _is_implicitly_boolean = True
    _traverse_internals = [("text", InternalTraversal.dp_clauseelement),
                           ("term", InternalTraversal.dp_clauseelement)]

    def __init__(self, text: ColumnElement[str], term: str) -> None:
        self.text = text
        self.term = literal(term, String())


@compiles(HasBigrams)
def _bigrams_elsewhere(element: HasBigrams, compiler: SQLCompiler, **kw: Any) -> str:
    return "1 = 1"


@compiles(HasBigrams, "postgresql")
def _bigrams_postgresql(element: HasBigrams, compiler: SQLCompiler, **kw: Any) -> str:
    text, term = compiler.process(element.text, **kw), compiler.process(element.term, **kw)
    return f"riskdesk_bigrams({text}) @> riskdesk_bigrams({term})"
