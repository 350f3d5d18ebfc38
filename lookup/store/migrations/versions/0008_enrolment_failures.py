"""wrong enrolment codes, counted in the database: the guessing budget across replicas (issue 19)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 08:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enrolment_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=64), nullable=False),
        sa.Column("sender_id", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("enrolment_failures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrolment_failures_at"), ["at"], unique=False)
        batch_op.create_index(
            "ix_enrolment_failures_sender_at", ["channel", "sender_id", "at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("enrolment_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_enrolment_failures_sender_at")
        batch_op.drop_index(batch_op.f("ix_enrolment_failures_at"))
    op.drop_table("enrolment_failures")
