"""Cases know their kind, 程序, origin, 立案日期 and 庭室; points settled by case type; the audit record.

Revision ID: 0004
Revises: 0003

Every existing case keeps its rows; its 类型代字 is read from its 案号. Existing answers are not
touched: points of a kind a case cannot have stay as they were answered (a later catalog upgrade
or a change of the case settles only points nobody has answered).
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_TYPE = re.compile(r"^（\d{4}）(?:最高法|[^\d（）]\d{0,4})(?:知|金)?(?P<type>\D+?)\d+号$")


def upgrade() -> None:
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    # Plain ADD COLUMN (no table rebuild): SQLite cannot rebuild a table other tables refer to while
    # foreign keys are enforced, and ADD COLUMN keeps every row exactly as it was.
    op.add_column("cases", sa.Column("type_code", sa.String(8), nullable=False, server_default=""))
    op.add_column("cases", sa.Column("track", sa.String(16), nullable=True))
    op.add_column("cases", sa.Column("origin_case_no", sa.String(64), nullable=True))
    op.add_column("cases", sa.Column("filed_on", sa.Date, nullable=True))
    if op.get_bind().dialect.name == "sqlite":  # SQLite takes a reference only inside ADD COLUMN
        op.execute("ALTER TABLE cases ADD COLUMN department_id INTEGER "
                   "REFERENCES departments (id) ON DELETE RESTRICT")
    else:
        op.add_column("cases", sa.Column("department_id", sa.Integer, nullable=True))
        op.create_foreign_key("fk_cases_department", "cases", "departments", ["department_id"], ["id"],
                              ondelete="RESTRICT")
    op.create_index("ix_cases_origin", "cases", ["origin_case_no"])
    op.create_index("ix_cases_department", "cases", ["department_id"])
    op.create_index("ix_cases_filed", "cases", ["filed_on"])
    conn = op.get_bind()
    for case_id, case_no in conn.execute(sa.text("SELECT id, case_no FROM cases")).all():
        m = _TYPE.match(case_no)
        if m:
            conn.execute(sa.text("UPDATE cases SET type_code = :t WHERE id = :i"), {"t": m.group("type"), "i": case_id})
    op.add_column("checklists", sa.Column("n_settled", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(500), nullable=False),
        sa.Column("actor_login", sa.String(64), nullable=False, server_default=""),
        sa.Column("actor_role", sa.String(32), nullable=False, server_default=""),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("checklist_id", sa.Integer, sa.ForeignKey("checklists.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("point_id", sa.String(16), nullable=False, server_default=""),
        sa.Column("field", sa.String(32), nullable=False, server_default=""),
        sa.Column("old_value", sa.Text, nullable=False, server_default=""),
        sa.Column("new_value", sa.Text, nullable=False, server_default=""),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_events_case", "events", ["case_id"])
    op.create_index("ix_events_checklist", "events", ["checklist_id", "point_id"])
    op.create_table(
        "chain_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    conn.execute(sa.text("INSERT INTO chain_head (id, event_id, hash) VALUES (1, 0, :h)"), {"h": "0" * 64})


def downgrade() -> None:
    op.drop_table("chain_head")
    op.drop_index("ix_events_checklist", "events")
    op.drop_index("ix_events_case", "events")
    op.drop_table("events")
    with op.batch_alter_table("checklists") as batch:
        batch.drop_column("n_settled")
    for index in ("ix_cases_filed", "ix_cases_department", "ix_cases_origin"):
        op.drop_index(index, "cases")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_cases_department", "cases", type_="foreignkey")
    for col in ("department_id", "filed_on", "origin_case_no", "track", "type_code"):
        op.drop_column("cases", col)
    op.drop_table("departments")
