"""Accounts for a shared database: users, case assignments, and each case's owning account.

Revision ID: 0009
Revises: 0008

A database without a row in ``users`` stays single-seat exactly as before: nothing here changes
an existing row. ``cases.owner_user_id`` starts empty; cases from before accounts belong to the
judge whose 姓名 equals their 承办人 text (see services.permissions).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("login", sa.String(40), nullable=False, unique=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("department_id", sa.Integer, sa.ForeignKey("departments.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("must_change_password", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime, nullable=True),
        sa.Column("password_changed_at", sa.DateTime, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "case_assignments",
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="RESTRICT"), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="RESTRICT"), primary_key=True),
    )
    op.create_index("ix_case_assignments_user", "case_assignments", ["user_id"])
    # Plain ADD COLUMN, as in 0004: SQLite cannot rebuild a table others refer to while foreign keys are on.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE cases ADD COLUMN owner_user_id INTEGER REFERENCES users (id) ON DELETE RESTRICT")
    else:
        op.add_column("cases", sa.Column("owner_user_id", sa.Integer, nullable=True))
        op.create_foreign_key("fk_cases_owner", "cases", "users", ["owner_user_id"], ["id"], ondelete="RESTRICT")
    op.create_index("ix_cases_owner", "cases", ["owner_user_id"])


def downgrade() -> None:
    op.drop_index("ix_cases_owner", "cases")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_cases_owner", "cases", type_="foreignkey")
    op.drop_column("cases", "owner_user_id")
    op.drop_index("ix_case_assignments_user", "case_assignments")
    op.drop_table("case_assignments")
    op.drop_table("users")
