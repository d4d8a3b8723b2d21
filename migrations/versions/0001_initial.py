"""Initial tables: service requests, callbacks and attempts, live queue, decision log.

Written by hand to match contact_center/storage/models.py (a test checks that
`alembic.autogenerate.compare_metadata` finds no difference). Only generic
types, so it runs on SQLite and PostgreSQL alike.

Revision ID: 0001
Revises:
Create Date: 2025-11-23

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _timestamp(name: str, nullable: bool) -> sa.Column:
    """Time-zone-aware UTC (models.UTCDateTime stores UTC on every backend)."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "service_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("idempotency_key", sa.String(length=128), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("request_type", sa.String(length=64), nullable=False),
        sa.Column("receipt_number", sa.String(length=16), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("applicant_name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone_numbers", sa.JSON(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("routed_to", sa.String(length=100), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("assigned_to", sa.String(length=100), nullable=True),
        _timestamp("created_at", False),
        _timestamp("updated_at", False),
        sa.PrimaryKeyConstraint("id", name="pk_service_requests"),
        sa.UniqueConstraint("reference", name="uq_service_requests_reference"),
        sa.UniqueConstraint("idempotency_key", name="uq_service_requests_idempotency_key"),
    )
    op.create_index("ix_service_requests_conversation_id", "service_requests", ["conversation_id"])
    op.create_index(
        "ix_service_requests_status_created_at", "service_requests", ["status", "created_at"]
    )
    op.create_index("ix_service_requests_created_at", "service_requests", ["created_at"])

    op.create_table(
        "callbacks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=16), nullable=False),
        sa.Column("idempotency_key", sa.String(length=128), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=True),
        sa.Column("receipt_number", sa.String(length=16), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("phone_numbers", sa.JSON(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        _timestamp("window_start", True),
        _timestamp("due_by", False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("assigned_to", sa.String(length=100), nullable=True),
        _timestamp("assigned_at", True),
        _timestamp("completed_at", True),
        _timestamp("email_due_at", True),
        _timestamp("email_sent_at", True),
        _timestamp("created_at", False),
        _timestamp("updated_at", False),
        sa.PrimaryKeyConstraint("id", name="pk_callbacks"),
        sa.UniqueConstraint("reference", name="uq_callbacks_reference"),
        sa.UniqueConstraint("idempotency_key", name="uq_callbacks_idempotency_key"),
    )
    op.create_index("ix_callbacks_conversation_id", "callbacks", ["conversation_id"])
    op.create_index("ix_callbacks_status_due_by", "callbacks", ["status", "due_by"])
    op.create_index("ix_callbacks_created_at", "callbacks", ["created_at"])

    op.create_table(
        "callback_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("callback_id", sa.Integer(), nullable=False),
        sa.Column("attempt_no", sa.Integer(), nullable=False),
        sa.Column("phone_number", sa.String(length=40), nullable=True),
        _timestamp("scheduled_for", False),
        _timestamp("due_before", True),
        _timestamp("made_at", True),
        sa.Column("result", sa.String(length=32), nullable=True),
        sa.Column("representative_id", sa.String(length=100), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        _timestamp("created_at", False),
        _timestamp("updated_at", False),
        sa.PrimaryKeyConstraint("id", name="pk_callback_attempts"),
        sa.ForeignKeyConstraint(
            ["callback_id"],
            ["callbacks.id"],
            name="fk_callback_attempts_callback_id_callbacks",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "callback_id", "attempt_no", name="uq_callback_attempts_callback_id_attempt_no"
        ),
    )
    op.create_index(
        "ix_callback_attempts_scheduled_for", "callback_attempts", ["scheduled_for"]
    )

    op.create_table(
        "live_queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("topic", sa.String(length=100), nullable=True),
        sa.Column("receipt_number", sa.String(length=16), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("assigned_to", sa.String(length=100), nullable=True),
        _timestamp("created_at", False),
        _timestamp("assigned_at", True),
        _timestamp("connected_at", True),
        _timestamp("closed_at", True),
        _timestamp("updated_at", False),
        sa.PrimaryKeyConstraint("id", name="pk_live_queue"),
    )
    op.create_index(
        "ix_live_queue_tier_status_created_at", "live_queue", ["tier", "status", "created_at"]
    )
    op.create_index("ix_live_queue_conversation_id", "live_queue", ["conversation_id"])
    op.create_index("ix_live_queue_status", "live_queue", ["status"])

    op.create_table(
        "decision_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        _timestamp("decided_at", False),
        sa.Column("request_kind", sa.String(length=64), nullable=False),
        sa.Column("facts", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("rule_ids", sa.JSON(), nullable=False),
        sa.Column("tell", sa.JSON(), nullable=False),
        sa.Column("request_type", sa.String(length=64), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        _timestamp("due_by", True),
        sa.Column("details", sa.JSON(), nullable=False),
        _timestamp("created_at", False),
        sa.PrimaryKeyConstraint("id", name="pk_decision_log"),
    )
    op.create_index(
        "ix_decision_log_conversation_id_decided_at",
        "decision_log",
        ["conversation_id", "decided_at"],
    )
    op.create_index("ix_decision_log_decided_at", "decision_log", ["decided_at"])
    op.create_index("ix_decision_log_outcome", "decision_log", ["outcome"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("decision_log")
    op.drop_table("live_queue")
    op.drop_table("callback_attempts")
    op.drop_table("callbacks")
    op.drop_table("service_requests")
