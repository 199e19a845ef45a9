"""整改台账: findings, their deadline extensions, progress notes and evidence; events may name a finding.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("no", sa.String(32), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("checklist_id", sa.Integer, sa.ForeignKey("checklists.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("point_id", sa.String(16), nullable=False, server_default=""),
        sa.Column("source_note", sa.Text, nullable=False, server_default=""),
        sa.Column("source_seq", sa.Integer, nullable=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("severity", sa.String(8), nullable=False),
        sa.Column("severity_found", sa.String(8), nullable=False),
        sa.Column("measure", sa.Text, nullable=False, server_default=""),
        sa.Column("department_id", sa.Integer, sa.ForeignKey("departments.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("owner", sa.String(500), nullable=False, server_default=""),
        sa.Column("owner_login", sa.String(64), nullable=False, server_default=""),
        sa.Column("supervisor", sa.String(500), nullable=False, server_default=""),
        sa.Column("due", sa.Date, nullable=False),
        sa.Column("result", sa.Text, nullable=False, server_default=""),
        sa.Column("applicant", sa.String(500), nullable=False, server_default=""),
        sa.Column("closed_by", sa.String(500), nullable=False, server_default=""),
        sa.Column("closed_at", sa.DateTime, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("created_by", sa.String(500), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    for name, cols in (("ix_findings_state", ["state"]), ("ix_findings_case", ["case_id"]),
                       ("ix_findings_department", ["department_id"]), ("ix_findings_due", ["due"])):
        op.create_index(name, "findings", cols)
    op.create_table(
        "finding_extensions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("finding_id", sa.Integer, sa.ForeignKey("findings.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("new_due", sa.Date, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("approver", sa.String(500), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_finding_extensions_finding", "finding_extensions", ["finding_id"])
    op.create_table(
        "finding_notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("finding_id", sa.Integer, sa.ForeignKey("findings.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("who", sa.String(500), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("file_name", sa.String(255), nullable=False, server_default=""),
        sa.Column("sha256", sa.String(64), nullable=False, server_default=""),
        sa.Column("size", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_finding_notes_finding", "finding_notes", ["finding_id"])
    op.create_table("evidence_files", sa.Column("sha256", sa.String(64), primary_key=True),
                    sa.Column("content", sa.LargeBinary, nullable=False))
    op.create_table(
        "finding_cases",
        sa.Column("finding_id", sa.Integer, sa.ForeignKey("findings.id", ondelete="RESTRICT"), primary_key=True,
                  autoincrement=False),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id", ondelete="RESTRICT"), primary_key=True,
                  autoincrement=False),
    )
    if op.get_bind().dialect.name == "sqlite":  # SQLite takes a reference only inside ADD COLUMN
        op.execute("ALTER TABLE events ADD COLUMN finding_id INTEGER REFERENCES findings (id) ON DELETE RESTRICT")
    else:
        op.add_column("events", sa.Column("finding_id", sa.Integer, nullable=True))
        op.create_foreign_key("fk_events_finding", "events", "findings", ["finding_id"], ["id"], ondelete="RESTRICT")
    op.create_index("ix_events_finding", "events", ["finding_id"])


def downgrade() -> None:
    op.drop_index("ix_events_finding", "events")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_events_finding", "events", type_="foreignkey")
    op.drop_column("events", "finding_id")
    for table in ("finding_cases", "evidence_files", "finding_notes", "finding_extensions", "findings"):
        op.drop_table(table)
