"""The HTTP side of the service (aiohttp): the routes of the Case Status API.

- `POST /oauth/accesstoken` (form body, client credentials) -> a Bearer token
  that expires (`expires_in` "1800", a string, like the real one);
- `GET /case-status/{receipt}` -> 200 with the documented JSON, or
  401 (invalid or expired token), 422 (not 3 letters + 10 digits),
  404 (unknown receipt), 429 "Spike Arrest Violation" (more than 5 requests a
  second per client), 503 (simulated outage, nested `{"error": {...}}` body);
- `GET /health`;
- with admin on: `POST /_admin/mode`, `POST /_admin/revoke-tokens`, `GET /_admin/stats`.

Anything else is a 404 (GET, POST) or 501 (other methods) in the API's error
style `{"errors": [{"code", "message"}]}`; a body over 64 KiB is a 413.
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional
from urllib.parse import parse_qs, unquote

from aiohttp import web

from services.case_status_local import auth
from services.case_status_local.cases import RECEIPT_RE, render_case
from services.case_status_local.settings import MAX_BODY_BYTES, SERVER_HEADER
from services.case_status_local.state import ServiceState

log = logging.getLogger(__name__)

STATE = web.AppKey("state", ServiceState)
STOPPING = web.AppKey("stopping", asyncio.Event)  # set when the server stops: wakes slow-mode sleepers
CASE_STATUS_PREFIX = "/case-status/"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


# ---------------------------------------------------------------- replies


def errors(code: str, message: str) -> Dict[str, Any]:
    """An RFC 9457-style error body, as the API sends."""
    return {"errors": [{"code": code, "message": message}]}


def reply(
    status: int, body: Any, headers: Optional[Mapping[str, str]] = None, raw: Optional[bytes] = None
) -> web.Response:
    """A JSON answer (`raw`: these bytes instead, still labelled JSON, as a broken gateway does)."""
    data = raw if raw is not None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    return web.Response(status=status, body=data, headers=headers, content_type="application/json", charset="utf-8")


def _retry_after(state: ServiceState) -> Dict[str, str]:
    seconds = state.retry_after_seconds
    return {} if seconds is None else {"Retry-After": str(seconds)}


def down(state: ServiceState) -> web.Response:
    message = "The Case Status service is temporarily unavailable. Please try again later."
    return reply(503, {"error": {"code": "ServiceUnavailable", "message": message}}, headers=_retry_after(state))


def spike_arrest(state: ServiceState) -> web.Response:
    body = errors("policies.ratelimit.SpikeArrestViolation", "Spike Arrest Violation")
    return reply(429, body, headers=_retry_after(state))


def _path(request: web.Request) -> str:
    """The path as sent (still percent-encoded), without the query."""
    return request.raw_path.split("?", 1)[0]


# ---------------------------------------------------------------- routes


async def health(request: web.Request) -> web.Response:
    state = request.app[STATE]
    return reply(200, {"status": "ok", "mode": state.mode, "cases": len(state.cases)})


async def access_token(request: web.Request) -> web.Response:
    state = request.app[STATE]
    state.stats["token_requests"] += 1
    body = await request.read()  # a form, whatever the Content-Type says
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
    if state.current_mode(consume=False) == "down":
        return down(state)
    client_id, secret = auth.form_credentials(form, request.headers.get("Authorization", ""))
    if form.get("grant_type") != "client_credentials":
        return reply(400, errors("invalid_request", "grant_type must be client_credentials"))
    if not auth.client_is_known(state.clients, client_id, secret):
        return reply(401, errors("invalid_client", "Invalid client identifier or secret"))
    token, _ = state.issue_token(client_id)
    state.stats["tokens_issued"] += 1
    return reply(200, {
        "access_token": token,
        "token_type": "Bearer",
        "expires_in": str(int(state.token_ttl_seconds)),
        "issued_at": str(int(time.time() * 1000)),
        "client_id": client_id,
        "application_name": "case-status-local",
        "scope": "",
        "refresh_count": "0",
        "status": "approved",
    })


async def _pause(app: web.Application, seconds: float) -> None:
    """Sleep, but wake at once when the server stops."""
    try:
        await asyncio.wait_for(app[STOPPING].wait(), seconds)
    except asyncio.TimeoutError:
        pass


async def case_status(request: web.Request) -> web.Response:
    state = request.app[STATE]
    state.stats["case_status_requests"] += 1
    receipt = unquote(_path(request)[len(CASE_STATUS_PREFIX):])
    mode = state.current_mode(consume=True)
    if mode == "down":
        return down(state)
    if mode == "rate_limited":
        return spike_arrest(state)
    if mode == "slow":
        await _pause(request.app, state.slow_seconds)
    token = auth.bearer_token(request.headers.get("Authorization", ""))
    client_id = state.client_for_token(token) if token else None
    if client_id is None or mode == "unauthorized":
        return reply(401, errors("invalid_token", "Invalid or expired access token"),
                     headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    if not state.allow_request(client_id):
        state.stats["rate_limited"] += 1
        return spike_arrest(state)
    if mode == "error":
        return reply(500, errors("InternalServerError", "Internal server error"))
    if mode == "bad_json":
        return reply(200, None, raw=b"<html>Gateway page</html>")
    if not RECEIPT_RE.match(receipt):
        message = "Receipt number must be 13 characters: a 3-letter prefix and 10 digits."
        return reply(422, errors("invalid_receipt_number", message))
    number = receipt.upper()
    case = state.cases.get(number)
    if case is None:
        return reply(404, errors("not_found", f"Receipt number {number} was not found."))
    state.stats["cases_served"] += 1
    return reply(200, render_case(number, case, state.clock()))


async def admin_mode(request: web.Request) -> web.Response:
    state = request.app[STATE]
    try:
        body = json.loads(await request.read() or b"{}")
        times, slow = body.get("times"), body.get("slow_seconds")
        state.set_mode(body.get("mode", "ok"), None if times is None else int(times),
                       None if slow is None else float(slow))
        if body.get("revoke_tokens"):
            state.revoke_tokens()
    except (ValueError, AttributeError, TypeError) as exc:
        return reply(400, errors("bad_request", str(exc)))
    return reply(200, {"mode": state.mode, "times": state.mode_times})


async def admin_revoke_tokens(request: web.Request) -> web.Response:
    return reply(200, {"revoked": request.app[STATE].revoke_tokens()})


async def admin_stats(request: web.Request) -> web.Response:
    state = request.app[STATE]
    return reply(200, {"mode": state.mode, "stats": dict(state.stats)})


async def no_such_route(request: web.Request) -> web.Response:
    if request.method not in ("GET", "POST"):
        return reply(501, errors("NotImplemented", f"Unsupported method ({request.method!r})"))
    return reply(404, errors("ResourceNotFound", f"No resource at {_path(request)}"))


# ---------------------------------------------------------------- the application


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Errors in the API's style, never aiohttp's text pages; one debug line per request."""
    try:
        response = await handler(request)
    except web.HTTPRequestEntityTooLarge:
        response = reply(413, errors("payload_too_large", f"Request body must be under {MAX_BODY_BYTES} bytes"))
    except web.HTTPException as exc:  # not raised by the routes above; kept in the API's style anyway
        response = reply(exc.status, errors(exc.reason.replace(" ", ""), exc.reason))
    except Exception:
        log.exception("case-status-local: %s %s failed", request.method, request.path)
        response = reply(500, errors("InternalServerError", "Internal server error"))
    log.debug("%s - %s %s %d", request.remote, request.method, request.path, response.status)
    return response


async def _on_startup(app: web.Application) -> None:
    app[STOPPING] = asyncio.Event()


async def _on_shutdown(app: web.Application) -> None:
    app[STOPPING].set()


async def _server_header(_request: web.Request, response: web.StreamResponse) -> None:
    response.headers["Server"] = SERVER_HEADER


def make_app(state: ServiceState) -> web.Application:
    """The Case Status API over `state`; the admin routes only when `state.admin`."""
    app = web.Application(middlewares=[json_errors], client_max_size=MAX_BODY_BYTES)
    app[STATE] = state
    app.on_startup.append(_on_startup)
    app.on_shutdown.append(_on_shutdown)
    app.on_response_prepare.append(_server_header)
    routes = [
        web.get("/health", health, allow_head=False),
        web.post("/oauth/accesstoken", access_token),
        web.get(CASE_STATUS_PREFIX + "{receipt:.*}", case_status, allow_head=False),
    ]
    if state.admin:
        routes += [
            web.post("/_admin/mode", admin_mode),
            web.post("/_admin/revoke-tokens", admin_revoke_tokens),
            web.get("/_admin/stats", admin_stats, allow_head=False),
        ]
    app.add_routes(routes)
    app.router.add_route("*", "/{path:.*}", no_such_route)  # last: what no route above takes
    return app
