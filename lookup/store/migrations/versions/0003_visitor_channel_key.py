"""visitors, open handoffs and announcement recipients keyed by (channel, sender)

A sender id is only unique within its channel (a Telegram chat id and a socket.io session id can
be the same string), so keying visitors by sender alone let one channel's visitor overwrite
another's channel and language.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 19:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# 0002 left the deliveries' unique constraint unnamed: SQLite reflects it without a name (batch
# mode names it by this convention), PostgreSQL named it itself.
_NAMING = {"uq": "uq_%(table_name)s_%(column_0_N_name)s"}
_OLD_UNIQUE_SQLITE = "uq_announcement_deliveries_announcement_id_sender_id"
_OLD_UNIQUE_POSTGRESQL = "announcement_deliveries_announcement_id_sender_id_key"


def _visitors(primary_key: list[str], name: str, key_name: str) -> sa.Table:
    return op.create_table(
        name,
        sa.Column("channel", sa.String(length=64), nullable=False),
        sa.Column("sender_id", sa.String(length=255), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(*primary_key, name=key_name),
    )


def _rebuild_visitors(primary_key: list[str], key_name: str, keep_latest_per_sender: bool) -> None:
    """Copy visitors into a table with the new key (every dialect can do that). The key's name
    differs from the old one's: PostgreSQL names live beside the tables until the old is gone."""
    _visitors(primary_key, "visitors_rekeyed", key_name)
    columns = "channel, sender_id, language, first_seen, last_seen"
    if keep_latest_per_sender:  # downgrade: one row per sender, the one seen last
        op.execute(
            f"INSERT INTO visitors_rekeyed ({columns}) SELECT {columns} FROM visitors v "
            "WHERE NOT EXISTS (SELECT 1 FROM visitors w WHERE w.sender_id = v.sender_id AND "
            "(w.last_seen > v.last_seen OR (w.last_seen = v.last_seen AND w.channel > v.channel)))"
        )
    else:
        op.execute(f"INSERT INTO visitors_rekeyed ({columns}) SELECT {columns} FROM visitors")
    op.drop_table("visitors")
    op.rename_table("visitors_rekeyed", "visitors")


def _open_handoff_index(columns: list[str]) -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_handoffs_open_sender",
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )
        batch_op.create_index(
            "ux_handoffs_open_sender",
            columns,
            unique=True,
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )


def upgrade() -> None:
    _rebuild_visitors(["channel", "sender_id"], "pk_visitors", keep_latest_per_sender=False)
    _open_handoff_index(["channel", "sender_id"])
    recipient = ["announcement_id", "channel", "sender_id"]
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table(
            "announcement_deliveries", recreate="always", naming_convention=_NAMING
        ) as batch_op:
            batch_op.drop_constraint(_OLD_UNIQUE_SQLITE, type_="unique")
            batch_op.create_unique_constraint("uq_deliveries_recipient", recipient)
    else:
        op.drop_constraint(_OLD_UNIQUE_POSTGRESQL, "announcement_deliveries", type_="unique")
        op.create_unique_constraint("uq_deliveries_recipient", "announcement_deliveries", recipient)


def downgrade() -> None:
    """Back to one row per sender: a sender's rows on other channels are dropped (visitors:
    all but the one seen last; deliveries: all but the first), so the old keys hold."""
    op.execute(
        "DELETE FROM announcement_deliveries WHERE EXISTS (SELECT 1 FROM announcement_deliveries"
        " d WHERE d.announcement_id = announcement_deliveries.announcement_id AND d.sender_id ="
        " announcement_deliveries.sender_id AND d.id < announcement_deliveries.id)"
    )
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table(
            "announcement_deliveries", recreate="always", naming_convention=_NAMING
        ) as batch_op:
            batch_op.drop_constraint("uq_deliveries_recipient", type_="unique")
            batch_op.create_unique_constraint(_OLD_UNIQUE_SQLITE, ["announcement_id", "sender_id"])
    else:
        op.drop_constraint("uq_deliveries_recipient", "announcement_deliveries", type_="unique")
        op.create_unique_constraint(
            _OLD_UNIQUE_POSTGRESQL, "announcement_deliveries", ["announcement_id", "sender_id"]
        )
    op.execute(
        "UPDATE handoffs SET status = 'closed', closed_at = opened_at, closed_by = 'migration' "
        "WHERE status = 'open' AND EXISTS (SELECT 1 FROM handoffs h WHERE h.status = 'open' "
        "AND h.sender_id = handoffs.sender_id AND h.id < handoffs.id)"
    )
    _open_handoff_index(["sender_id"])
    _rebuild_visitors(["sender_id"], "visitors_pkey", keep_latest_per_sender=True)
