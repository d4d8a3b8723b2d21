"""The representatives' desk: staff accounts, sessions, failed sign-ins and actions;
escalation and presence on the live queue (G2); the applicant's preferred callback
window (C5).

Written by hand to match contact_center/storage/models.py and staff.py (a test
checks that `alembic.autogenerate.compare_metadata` finds no difference).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _timestamp(name: str, nullable: bool) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "staff_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        _timestamp("password_changed_at", False),
        _timestamp("created_at", False),
        _timestamp("updated_at", False),
        sa.PrimaryKeyConstraint("id", name="pk_staff_accounts"),
        sa.UniqueConstraint("username", name="uq_staff_accounts_username"),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        _timestamp("created_at", False),
        _timestamp("last_seen_at", False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["staff_accounts.id"], name="fk_staff_sessions_account_id_staff_accounts", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_staff_sessions"),
        sa.UniqueConstraint("token_hash", name="uq_staff_sessions_token_hash"),
    )
    op.create_index("ix_staff_sessions_last_seen_at", "staff_sessions", ["last_seen_at"])
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        _timestamp("at", False),
        sa.PrimaryKeyConstraint("id", name="pk_sign_in_failures"),
    )
    op.create_index("ix_sign_in_failures_username_at", "sign_in_failures", ["username", "at"])
    op.create_index("ix_sign_in_failures_address_at", "sign_in_failures", ["address", "at"])
    op.create_table(
        "staff_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        _timestamp("at", False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=True),
        sa.Column("callback_reference", sa.String(length=16), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_staff_actions"),
    )
    op.create_index("ix_staff_actions_at", "staff_actions", ["at"])
    op.create_index("ix_staff_actions_conversation_id", "staff_actions", ["conversation_id"])
    with op.batch_alter_table("live_queue") as batch:
        batch.add_column(sa.Column("escalation_note", sa.Text(), nullable=True))
        batch.add_column(sa.Column("escalated_by", sa.String(length=100), nullable=True))
        batch.add_column(_timestamp("applicant_left_at", True))
    with op.batch_alter_table("callbacks") as batch:
        batch.add_column(_timestamp("preferred_start", True))
        batch.add_column(_timestamp("preferred_end", True))


def downgrade() -> None:
    with op.batch_alter_table("callbacks") as batch:
        batch.drop_column("preferred_end")
        batch.drop_column("preferred_start")
    with op.batch_alter_table("live_queue") as batch:
        batch.drop_column("applicant_left_at")
        batch.drop_column("escalated_by")
        batch.drop_column("escalation_note")
    op.drop_table("staff_actions")
    op.drop_table("sign_in_failures")
    op.drop_table("staff_sessions")
    op.drop_table("staff_accounts")
