"""Sign-off: each checklist's state (draft, submitted, returned, approved); its changes are events.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("checklists", sa.Column("state", sa.String(16), nullable=False, server_default="draft"))
    op.create_index("ix_checklists_state", "checklists", ["state"])


def downgrade() -> None:
    op.drop_index("ix_checklists_state", "checklists")
    op.drop_column("checklists", "state")
