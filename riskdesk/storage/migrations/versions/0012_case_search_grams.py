"""The case search on a server from an index: every two-character piece of a case's searched text.

A search term is matched with LIKE '%…%' in 案号, 当事人, 案由 and 承办人, which no B-tree serves: on a
100,000-case court each search read every case (30–80 ms on PostgreSQL). Here a GIN index holds, for
each case, the set of its two-character pieces (bigrams, lower-cased) of those four texts; a search
first asks it for the cases holding every bigram of the term, and checks LIKE on those only. Core
PostgreSQL only (no pg_trgm, whose trigrams of Chinese text depend on the server's locale); the
server keeps the index as cases are added and changed. Nothing changes on SQLite, where the search of
10,000 cases takes ~10 ms without it.

``riskdesk_bigrams`` and the indexed expression are spelled out here as they were made, not imported:
storage.text_match builds the same expression for the search (a test checks the plan uses the index).

Revision ID: 0012
Revises: 0011
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_FUNCTION = """
CREATE FUNCTION riskdesk_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
    FROM generate_series(1, length(t) - 1) AS i
$$
"""
_INDEX = ("CREATE INDEX ix_cases_grams ON cases USING gin "
          "(riskdesk_bigrams(case_no || ' ' || parties || ' ' || cause || ' ' || judge))")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTION)
    op.execute(_INDEX)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_cases_grams")
    op.execute("DROP FUNCTION riskdesk_bigrams(text)")
