"""The desk's web application (aiohttp), mounted at /desk/ by web/serve.py.

    GET  /desk/                 the page (desk/static)
    /desk/api/...               the JSON API (docs/desk-api.md)

Security, in the order a request meets it: bodies over 64 KiB are refused; every
API call but signing in needs the session cookie (HttpOnly, SameSite=Strict, idle
expiry in desk/staff.py); every state-changing call needs the session's token in
`X-CSRF-Token` and a JSON body type (a cross-site form can send neither); roles are
checked in desk/live.py and desk/callbacks.py. Nothing an applicant wrote is logged.
"""
from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional

from aiohttp import web

from contact_center import settings
from contact_center.mailer import Mailer
from contact_center.storage import ContactCenterStore
from desk.callbacks import CallbackDesk
from desk.live import DeskError, LiveDesk
from desk.rasa_api import RasaAPI, RasaUnavailable
from desk.staff import Person, SignInRefused, Staff

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
COOKIE = "desk_session"
MAX_BODY = 64 * 1024
EMAIL_SWEEP_SECONDS = 60
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")

CSP = "; ".join([
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "connect-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
])

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def error(status: int, code: str, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": code, "message": message, **extra}, status=status)


def _address(request: web.Request) -> str:
    """The caller's address for the sign-in limits. Behind the front door (deploy/haproxy.cfg)
    every request comes from the proxy, which alone sets X-Forwarded-For; WEB_PROXIES_COUNT
    says how many proxies are trusted (0, the default: none, the socket's peer)."""
    hops = settings.integer("WEB_PROXIES_COUNT")  # empty: 0
    forwarded = [part.strip() for header in request.headers.getall("X-Forwarded-For", [])
                 for part in header.split(",") if part.strip()]
    if hops > 0 and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.remote or "unknown"


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Session, CSRF and JSON checks for the API; errors as JSON."""
    app = request.app
    path = request.path
    api = path.startswith("/desk/api/")
    try:
        if api and not (path == "/desk/api/session" and request.method == "POST"):
            person = app["staff_service"].person_for(request.cookies.get(COOKIE))
            if person is None:
                return error(401, "not_signed_in", "Sign in first (or again: the session expired).")
            if request.method in UNSAFE_METHODS:
                sent = request.headers.get("X-CSRF-Token", "")
                if not hmac.compare_digest(sent.encode(), person.csrf_token.encode()):
                    return error(403, "csrf", "The request did not carry this session's X-CSRF-Token.")
            request["person"] = person
        if api and request.method in ("POST", "PUT", "PATCH") and request.can_read_body:
            if request.content_type != "application/json":
                return error(415, "json_only", "Send JSON (Content-Type: application/json).")
        return await handler(request)
    except DeskError as exc:
        return error(exc.status, exc.code, str(exc), **exc.extra)
    except RasaUnavailable:
        return error(503, "assistant_unavailable", "The assistant is not answering; try again in a moment.")
    except web.HTTPException:
        raise
    except Exception:  # the page gets a plain answer; the log gets the trace, never a body
        log.exception("desk request failed: %s %s", request.method, request.match_info.route.resource)
        return error(500, "internal", "Something went wrong at the desk; try again.")


async def _json(request: web.Request) -> Dict[str, Any]:
    if not request.can_read_body:
        return {}
    try:
        body = await request.json()
    except ValueError:
        raise DeskError(400, "bad_json", "The body is not valid JSON.")
    if not isinstance(body, dict):
        raise DeskError(400, "bad_json", "The body is a JSON object.")
    return body


def _person(request: web.Request) -> Person:
    return request["person"]


# ---------------------------------------------------------------- session

async def sign_in(request: web.Request) -> web.Response:
    body = await _json(request)
    username, password = body.get("username"), body.get("password")
    if not isinstance(username, str) or not isinstance(password, str) or len(password) > 1024:
        return error(400, "bad_credentials", "username and password are text.")
    try:
        token, person = await asyncio.to_thread(request.app["staff_service"].sign_in, username, password,
                                                _address(request))
    except SignInRefused as exc:
        if exc.reason == "too_many_attempts":
            response = error(429, "too_many_attempts", "Too many failed sign-ins; wait and try again.",
                             retry_after=exc.retry_after)
            response.headers["Retry-After"] = str(exc.retry_after)
            return response
        return error(401, "invalid_credentials", "Wrong username or password.")
    response = web.json_response({"user": person.public(), "csrf_token": person.csrf_token})
    response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/desk",
                        secure=request.app["secure_cookie"])
    return response


async def current_session(request: web.Request) -> web.Response:
    person = _person(request)
    return web.json_response({"user": person.public(), "csrf_token": person.csrf_token})


async def sign_out(request: web.Request) -> web.Response:
    request.app["staff_service"].sign_out(request.cookies.get(COOKIE, ""))
    response = web.Response(status=204)
    response.del_cookie(COOKIE, path="/desk")
    return response


# ---------------------------------------------------------------- live chat

async def queue(request: web.Request) -> web.Response:
    return web.json_response(await asyncio.to_thread(request.app["live"].queue, _person(request)))


async def conversation(request: web.Request) -> web.Response:
    try:
        after = int(request.query.get("after", "-1"))
    except ValueError:
        after = -1
    live: LiveDesk = request.app["live"]
    return web.json_response(await live.conversation(_person(request), request.match_info["id"], after))


def _conversation_action(name: str) -> Handler:
    async def handle(request: web.Request) -> web.Response:
        live: LiveDesk = request.app["live"]
        person, conversation_id = _person(request), request.match_info["id"]
        if name == "take":
            return web.json_response(await live.take(person, conversation_id))
        if name == "messages":
            body = await _json(request)
            return web.json_response(await live.message(person, conversation_id, body.get("text")), status=201)
        if name == "escalate":
            body = await _json(request)
            return web.json_response(await live.escalate(person, conversation_id, body.get("note")))
        return web.json_response(await live.finish(person, conversation_id, name))

    return handle


# ---------------------------------------------------------------- callbacks

async def callbacks(request: web.Request) -> web.Response:
    return web.json_response(await asyncio.to_thread(request.app["callbacks"].worklist, _person(request)))


async def callback_attempt(request: web.Request) -> web.Response:
    body = await _json(request)
    desk: CallbackDesk = request.app["callbacks"]
    return web.json_response(await desk.record_attempt(_person(request), request.match_info["id"], body))


# ---------------------------------------------------------------- the page

async def page(_request: web.Request) -> web.StreamResponse:
    return web.FileResponse(STATIC / "index.html", headers={"Content-Type": "text/html; charset=utf-8"})


async def _sweep_emails(app: web.Application) -> None:
    while True:
        with contextlib.suppress(Exception):
            await app["callbacks"].send_due_emails()
        await asyncio.sleep(EMAIL_SWEEP_SECONDS)


async def _start_background(app: web.Application) -> None:
    app["email_sweep"] = asyncio.get_running_loop().create_task(_sweep_emails(app))


async def _stop_background(app: web.Application) -> None:
    app["email_sweep"].cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await app["email_sweep"]
    await app["rasa"].close()


def create_desk(
    store: ContactCenterStore,
    rasa: RasaAPI,
    mailer: Optional[Mailer] = None,
    *,
    idle_minutes: Optional[int] = None,
    secure_cookie: Optional[bool] = None,
) -> web.Application:
    """The desk as an aiohttp sub-application, to mount at /desk."""
    idle = idle_minutes or settings.integer("DESK_SESSION_IDLE_MINUTES")
    staff = Staff(store, idle_minutes=idle)
    app = web.Application(middlewares=[guard], client_max_size=MAX_BODY)
    app["staff_service"] = staff
    app["rasa"] = rasa
    app["live"] = LiveDesk(store, staff, rasa)
    app["callbacks"] = CallbackDesk(store, staff, mailer or Mailer.from_env())
    if secure_cookie is None:
        secure_cookie = settings.flag("DESK_COOKIE_SECURE")
    app["secure_cookie"] = secure_cookie
    app.on_startup.append(_start_background)
    app.on_cleanup.append(_stop_background)
    routes = [
        web.get("/", page),
        web.post("/api/session", sign_in),
        web.get("/api/session", current_session),
        web.delete("/api/session", sign_out),
        web.get("/api/queue", queue),
        web.get("/api/conversations/{id}", conversation),
        web.get("/api/callbacks", callbacks),
        web.post("/api/callbacks/{id}/attempts", callback_attempt),
    ]
    for name in ("take", "messages", "escalate", "release", "close"):
        routes.append(web.post("/api/conversations/{id}/" + name, _conversation_action(name)))
    app.add_routes(routes)
    app.router.add_static("/static/", STATIC, show_index=False, follow_symlinks=False)
    return app
