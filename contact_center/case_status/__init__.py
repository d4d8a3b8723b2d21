"""Case status lookup (rules S1, S3, S4): API client, processing times, explanations."""
from contact_center.case_status.client import (
    CaseStatus,
    CaseStatusClient,
    CaseStatusError,
    CaseStatusUnavailable,
    HistoryEntry,
    ReceiptMalformed,
    ReceiptNotFound,
)

__all__ = [
    "CaseStatus",
    "CaseStatusClient",
    "CaseStatusError",
    "CaseStatusUnavailable",
    "HistoryEntry",
    "ReceiptMalformed",
    "ReceiptNotFound",
]
