"""The whole assistant as separate processes on free loopback ports, for tests.

The launcher starts it (launcher/scratch.py, the processes `make run` starts:
launcher/local.py); this module keeps the names the tests import.
"""
from launcher.processes import ROOT, Service, free_port, start_process, stop_all, wait_until_up
from launcher.scratch import MODEL, Assistant, start_assistant, start_web
from launcher.services import BIN, REQUEST_MAX_BYTES

__all__ = [
    "ROOT", "MODEL", "BIN", "REQUEST_MAX_BYTES", "Service", "Assistant", "free_port", "start_process",
    "wait_until_up", "stop_all", "start_assistant", "start_web",
]
