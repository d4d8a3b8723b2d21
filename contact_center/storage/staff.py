"""Tables for the people who work beside the assistant: staff accounts, their
signed-in sessions, failed sign-ins (for rate limiting) and every action they take.

Same metadata as `models`, so one migration chain describes the whole database.
No password or session token is stored: only an Argon2 hash of the password and a
SHA-256 hash of the session token.
"""
from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import validates

from contact_center.storage.models import Base, UTCDateTime, _check_choice, utcnow

# tier1: Tier 1 representatives (contractors); tier2: Immigration Services Officers (G2, U3);
# supervisor: sees both queues and the callbacks, and may act on either tier.
ROLES = ("tier1", "tier2", "supervisor")
ROLE_TIER = {"tier1": 1, "tier2": 2, "supervisor": 2}


class StaffAccount(Base):
    __tablename__ = "staff_accounts"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False)
    display_name = Column(String(100), nullable=False)
    role = Column(String(16), nullable=False)  # ROLES
    password_hash = Column(String(255), nullable=False)  # Argon2id (argon2-cffi)
    active = Column(Boolean, nullable=False, default=True)
    password_changed_at = Column(UTCDateTime, nullable=False, default=utcnow)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    updated_at = Column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("username"),)

    @validates("role")
    def _valid_role(self, _key, value):
        return _check_choice("role", value, ROLES)

    @property
    def tier(self) -> int:
        return ROLE_TIER[self.role]

    def __repr__(self) -> str:
        return f"<StaffAccount {self.username} {self.role}>"


class StaffSession(Base):
    """A signed-in browser: the cookie holds the token, this row only its hash."""

    __tablename__ = "staff_sessions"

    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False)
    account_id = Column(Integer, ForeignKey("staff_accounts.id", ondelete="CASCADE"), nullable=False)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(UTCDateTime, nullable=False, default=utcnow)
    last_seen_at = Column(UTCDateTime, nullable=False, default=utcnow)

    __table_args__ = (UniqueConstraint("token_hash"), Index("ix_staff_sessions_last_seen_at", "last_seen_at"))


class SignInFailure(Base):
    """One failed sign-in: counted per username and per address to slow guessing."""

    __tablename__ = "sign_in_failures"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False)
    address = Column(String(64), nullable=False)
    at = Column(UTCDateTime, nullable=False, default=utcnow)

    __table_args__ = (
        Index("ix_sign_in_failures_username_at", "username", "at"),
        Index("ix_sign_in_failures_address_at", "address", "at"),
    )


class StaffAction(Base):
    """Who did what and when: take, message, escalate, release, close, callback attempt, sign-in."""

    __tablename__ = "staff_actions"

    id = Column(Integer, primary_key=True)
    at = Column(UTCDateTime, nullable=False, default=utcnow)
    username = Column(String(64), nullable=False)
    action = Column(String(32), nullable=False)
    conversation_id = Column(String(255), nullable=True)
    callback_reference = Column(String(16), nullable=True)
    details = Column(JSON, nullable=False, default=dict)  # no applicant text: ids, tiers, results

    __table_args__ = (
        Index("ix_staff_actions_at", "at"),
        Index("ix_staff_actions_conversation_id", "conversation_id"),
    )


__all__ = ["ROLES", "ROLE_TIER", "SignInFailure", "StaffAccount", "StaffAction", "StaffSession"]
