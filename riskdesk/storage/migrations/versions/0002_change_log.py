"""Append-only change log, and the indexes the case list and statistics need.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("who", sa.String(500), nullable=False),
        sa.Column("result_id", sa.Integer, sa.ForeignKey("results.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("field", sa.String(16), nullable=False),
        sa.Column("old_value", sa.Text, nullable=False),
        sa.Column("new_value", sa.Text, nullable=False),
    )
    op.create_index("ix_change_log_result", "change_log", ["result_id"])
    op.create_index("ix_results_checklist_status", "results", ["checklist_id", "status"])
    op.create_index("ix_checklists_case", "checklists", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_checklists_case", "checklists")
    op.drop_index("ix_results_checklist_status", "results")
    op.drop_index("ix_change_log_result", "change_log")
    op.drop_table("change_log")
