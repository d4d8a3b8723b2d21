"""A local stand-in for the USCIS Case Status API, for running with no credentials.

It speaks the protocol in `shared/reference/case-status-api.md` (routes in
routes.py). Outages are simulated for tests with `CASE_STATUS_LOCAL_FAIL` (503,
429, 500, slow) or, when admin is enabled, `POST /_admin/mode` with
`{"mode": "ok"|"down"|"slow"|"rate_limited"|"error"|"bad_json"|"unauthorized"}`
(optionally `"times": n` to fail only the next n lookups, `"slow_seconds": s`).

This module runs the aiohttp application: in a background thread with its own
event loop (tests: `with LocalCaseStatusService(port=0, admin=True) as svc: svc.url`)
or in the foreground (`run`, the `python -m services.case_status_local` entry point).
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from typing import Any, Optional

from aiohttp import web

from services.case_status_local.cases import API_DATE_FORMAT, RECEIPT_RE, load_cases, render_case  # noqa: F401
from services.case_status_local.routes import make_app
from services.case_status_local.settings import (  # noqa: F401 (the names this module always offered)
    CASES_PATH, DEFAULT_HOST, DEFAULT_PORT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, FAIL_ENV_MODES, MODES,
    RATE_LIMIT_PER_SECOND, SLOW_SECONDS, TOKEN_TTL_SECONDS,
)
from services.case_status_local.state import ServiceState
from services.case_status_local.texts import date_en, date_es  # noqa: F401

log = logging.getLogger(__name__)

# Slow-mode sleepers wake when the server stops, so requests in flight end at once;
# this only bounds a stop if something else hangs.
SHUTDOWN_TIMEOUT_SECONDS = 2.0


class LocalCaseStatusService(ServiceState):
    """The service: its state (state.py) and an aiohttp server around it.

    In tests: `with LocalCaseStatusService(port=0, admin=True) as svc: svc.url`.
    The keyword arguments beside host and port are ServiceState's.
    """

    def __init__(self, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, **settings: Any) -> None:
        super().__init__(**settings)
        self.host = host
        self.requested_port = port
        self._bound_port: Optional[int] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None

    # -------------------------------------------------------- life cycle

    async def _open(self) -> web.AppRunner:
        runner = web.AppRunner(
            make_app(self), access_log=None, handle_signals=False, shutdown_timeout=SHUTDOWN_TIMEOUT_SECONDS
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.requested_port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._bound_port = runner.addresses[0][1]
        return runner

    def _serve(self, ready: "concurrent.futures.Future[None]") -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            runner = loop.run_until_complete(self._open())
        except BaseException as exc:  # a port in use, say: start() raises it
            loop.close()
            ready.set_exception(exc)
            return
        self._loop = loop
        ready.set_result(None)
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(runner.cleanup())
            loop.close()

    def start(self) -> "LocalCaseStatusService":
        """Bind and serve in a background thread; returns self once it answers."""
        ready: "concurrent.futures.Future[None]" = concurrent.futures.Future()
        self._thread = threading.Thread(target=self._serve, args=(ready,), name="case-status-local", daemon=True)
        self._thread.start()
        ready.result()
        return self

    def stop(self) -> None:
        """Stop serving; a request sleeping in slow mode is woken and answered."""
        loop, self._loop = self._loop, None
        if loop is not None:
            loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def serve_forever(self) -> None:
        """Bind and serve in this thread until interrupted (Ctrl-C or SIGTERM)."""
        web.run_app(
            make_app(self), host=self.host, port=self.requested_port, access_log=None, print=None,
            handle_signals=True, shutdown_timeout=SHUTDOWN_TIMEOUT_SECONDS,
        )

    def __enter__(self) -> "LocalCaseStatusService":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound port (useful with port=0)."""
        return self.requested_port if self._bound_port is None else self._bound_port

    @property
    def url(self) -> str:
        """Base URL to give the client, e.g. http://127.0.0.1:5056."""
        return f"http://{self.host}:{self.port}"


def run(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, **settings: Any) -> None:
    """Serve in the foreground (the `python -m services.case_status_local` entry point)."""
    service = LocalCaseStatusService(host=host, port=port, **settings)
    log.info(
        "Case Status local service on http://%s:%d (mode %s, %d cases, admin %s)",
        host, port, service.mode, len(service.cases), "on" if service.admin else "off",
    )
    service.serve_forever()
