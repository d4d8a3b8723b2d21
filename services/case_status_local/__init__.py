"""Local Case Status service: the USCIS Case Status API protocol, with demo data.

Run it with `python -m services.case_status_local --port 5056`; see README.md.
"""
from services.case_status_local.cases import load_cases, render_case
from services.case_status_local.server import LocalCaseStatusService
from services.case_status_local.settings import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

__all__ = ["DEMO_CLIENT_ID", "DEMO_CLIENT_SECRET", "LocalCaseStatusService", "load_cases", "render_case"]
