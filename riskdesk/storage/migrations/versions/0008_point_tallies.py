"""Statistics: point tallies per month, 庭室 and stage; checklists found by the month they were started.

The tallies are derived data: a database that already has checklists is marked, and the services
count them from the stored answers once, the first time they open it (services.tallies.rebuild).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

REBUILD_KEY = "stats.rebuild_tallies"  # domain.model.SettingKey.REBUILD_TALLIES


def upgrade() -> None:
    op.create_table(
        "point_tallies",
        sa.Column("month", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("department_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("stage", sa.String(16), primary_key=True),
        sa.Column("point_id", sa.String(16), primary_key=True),
        sa.Column("n_unreviewed", sa.Integer, nullable=False),
        sa.Column("n_clear", sa.Integer, nullable=False),
        sa.Column("n_risk", sa.Integer, nullable=False),
        sa.Column("n_na", sa.Integer, nullable=False),
        sa.Column("n_settled", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_checklists_created", "checklists", ["created_at"])
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT 1 FROM checklists LIMIT 1")).first() is not None:
        conn.execute(sa.text("INSERT INTO settings (key, value) VALUES (:k, '1')"), {"k": REBUILD_KEY})


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM settings WHERE key = :k").bindparams(k=REBUILD_KEY))
    op.drop_index("ix_checklists_created", "checklists")
    op.drop_table("point_tallies")
