"""Local Case Status service: the USCIS Case Status API protocol, with demo data.

Run it with `python -m services.case_status_local --port 5056`; see README.md.
"""
from services.case_status_local.server import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    LocalCaseStatusService,
    load_cases,
    render_case,
)

__all__ = ["DEMO_CLIENT_ID", "DEMO_CLIENT_SECRET", "LocalCaseStatusService", "load_cases", "render_case"]
