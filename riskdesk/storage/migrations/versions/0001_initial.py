"""Initial schema: cases, catalog snapshots, checklists, results, settings.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_no", sa.String(64), nullable=False, unique=True),
        sa.Column("cause", sa.String(500), nullable=False, server_default=""),
        sa.Column("parties", sa.String(500), nullable=False, server_default=""),
        sa.Column("judge", sa.String(500), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "catalog_versions",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "catalog_points",
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("point_id", sa.String(16), nullable=False),
        sa.Column("content_json", sa.Text, nullable=False),
    )
    op.create_table(
        "catalog_entries",
        sa.Column("fingerprint", sa.String(64), sa.ForeignKey("catalog_versions.fingerprint", ondelete="RESTRICT"),
                  primary_key=True),
        sa.Column("point_id", sa.String(16), primary_key=True),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("node_id", sa.String(16), nullable=False),
        sa.Column("node_name", sa.String(100), nullable=False),
        sa.Column("point_hash", sa.String(64), sa.ForeignKey("catalog_points.content_hash", ondelete="RESTRICT"),
                  nullable=False),
    )
    op.create_table(
        "checklists",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("catalog_fingerprint", sa.String(64),
                  sa.ForeignKey("catalog_versions.fingerprint", ondelete="RESTRICT"), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_point_id", sa.String(16), nullable=False, server_default=""),
        sa.UniqueConstraint("case_id", "stage"),
    )
    op.create_table(
        "results",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("checklist_id", sa.Integer, sa.ForeignKey("checklists.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("point_id", sa.String(16), nullable=False),
        sa.Column("point_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="unreviewed"),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=True),
        sa.Column("updated_by", sa.String(500), nullable=False, server_default=""),
        sa.Column("revision", sa.Integer, nullable=False, server_default="0"),
        sa.Column("retired_at", sa.DateTime, nullable=True),
    )
    op.create_index(
        "uq_results_active_point", "results", ["checklist_id", "point_id"], unique=True,
        sqlite_where=sa.text("retired_at IS NULL"), postgresql_where=sa.text("retired_at IS NULL"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ("settings", "results", "checklists", "catalog_entries", "catalog_points", "catalog_versions", "cases"):
        op.drop_table(table)
