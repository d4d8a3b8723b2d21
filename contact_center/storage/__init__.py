"""Storage for the contact center: service requests (E1-E3), callbacks and their
attempts (C1-C5), the live-chat queue (G2, G3, U3), the decision log, and the
staff who work beside the assistant (accounts, sessions, their actions).

`ContactCenterStore` is the one entry point; the models are plain SQLAlchemy 1.4
declarative classes, and `migrations/` (Alembic) creates their tables. Importing
this package opens no database.
"""
from contact_center.storage.models import (
    ATTEMPT_RESULTS,
    CALLBACK_STATUSES,
    LIVE_STATUSES,
    SERVICE_REQUEST_STATUSES,
    Base,
    Callback,
    CallbackAttempt,
    DecisionLogEntry,
    LiveQueueEntry,
    ServiceRequest,
    is_reference,
    normalise_reference,
    plan_attempts,
)
from contact_center.storage.staff import ROLES, SignInFailure, StaffAccount, StaffAction, StaffSession
from contact_center.storage.store import (
    AttemptConflict,
    ContactCenterStore,
    StoreError,
    make_idempotency_key,
)

__all__ = [
    "ATTEMPT_RESULTS",
    "AttemptConflict",
    "Base",
    "CALLBACK_STATUSES",
    "Callback",
    "CallbackAttempt",
    "ContactCenterStore",
    "DecisionLogEntry",
    "LIVE_STATUSES",
    "LiveQueueEntry",
    "SERVICE_REQUEST_STATUSES",
    "ROLES",
    "ServiceRequest",
    "SignInFailure",
    "StaffAccount",
    "StaffAction",
    "StaffSession",
    "StoreError",
    "is_reference",
    "make_idempotency_key",
    "normalise_reference",
    "plan_attempts",
]
