"""Statistics: checklists counted per month, 庭室, stage and sign-off state, kept like the point tallies.

Derived data again, counted here from the checklists in one statement (a 100,000-case court's
in about a second): nothing needs the answers for it.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklist_tallies",
        sa.Column("month", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("department_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("stage", sa.String(16), primary_key=True),
        sa.Column("state", sa.String(16), primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )
    cl = sa.table("checklists", sa.column("id"), sa.column("case_id"), sa.column("stage"), sa.column("state"),
                  sa.column("created_at", sa.DateTime))
    cases = sa.table("cases", sa.column("id"), sa.column("department_id"))
    month = sa.cast(sa.func.extract("year", cl.c.created_at) * 100 + sa.func.extract("month", cl.c.created_at),
                    sa.Integer)
    department = sa.func.coalesce(cases.c.department_id, 0)
    counted = (sa.select(month, department, cl.c.stage, cl.c.state, sa.func.count())
               .select_from(cl.join(cases, cases.c.id == cl.c.case_id))
               .group_by(month, department, cl.c.stage, cl.c.state))
    tallies = sa.table("checklist_tallies", sa.column("month"), sa.column("department_id"), sa.column("stage"),
                       sa.column("state"), sa.column("n"))
    op.get_bind().execute(sa.insert(tallies).from_select(["month", "department_id", "stage", "state", "n"], counted))


def downgrade() -> None:
    op.drop_table("checklist_tallies")
