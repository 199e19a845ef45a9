"""Per-status counts kept on each checklist, so statistics over 10,000 cases read 30,000 rows, not 3 million.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

STATUSES = ("unreviewed", "clear", "risk", "na")


def upgrade() -> None:
    with op.batch_alter_table("checklists") as batch:
        for status in STATUSES:
            batch.add_column(sa.Column(f"n_{status}", sa.Integer, nullable=False, server_default="0"))
    for status in STATUSES:
        op.execute(
            f"UPDATE checklists SET n_{status} = (SELECT count(*) FROM results r WHERE r.checklist_id = checklists.id"
            f" AND r.retired_at IS NULL AND r.status = '{status}')"
        )


def downgrade() -> None:
    with op.batch_alter_table("checklists") as batch:
        for status in STATUSES:
            batch.drop_column(f"n_{status}")
