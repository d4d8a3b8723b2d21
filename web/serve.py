"""Serves the applicants' chat page (web/public) and the representatives' desk (/desk/).

    .venv/bin/python web/serve.py --port 5080 --rasa-url http://localhost:5005

An aiohttp application. Besides the files in web/public it answers:
  /config.js   the widget's settings (the Rasa socket URL), as a script
  /health      "ok"
  /desk/       the desk (desk/app.py; its own, stricter policy: connections to this server only)
Every chat page answer carries a Content-Security-Policy that allows scripts, styles and
images from this server only, and connections to this server and Rasa: even if
markup got into the page, no inline script would run.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project's packages (desk, contact_center)
PUBLIC = Path(__file__).resolve().parent / "public"
DEFAULT_PORT = 5080
DEFAULT_RASA_URL = "http://localhost:5005"


def _origins(rasa_url: str) -> list[str]:
    """The origins the page may connect to for Rasa: http(s) and ws(s)."""
    parts = urlsplit(rasa_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"--rasa-url must be an http(s) URL, not {rasa_url!r}")
    ws = "wss" if parts.scheme == "https" else "ws"
    return [f"{parts.scheme}://{parts.netloc}", f"{ws}://{parts.netloc}"]


def security_headers(rasa_url: str) -> dict[str, str]:
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self' " + " ".join(_origins(rasa_url)),
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-cache",
    }


def session_idle_minutes() -> int:
    """The domain's session_expiration_time: the page forgets a conversation idle that long."""
    from contact_center.domain_files import load_domain

    domain = load_domain(ROOT / "domain")
    return int(domain["session_config"]["session_expiration_time"])


def config_script(rasa_url: str, socket_path: str) -> bytes:
    from contact_center import settings

    # The page holds the applicant's text to the channel's own limit (applicant_channels/bounded.py)
    # and says so, instead of cutting a paste short without a word.
    config = {"socketUrl": rasa_url.rstrip("/"), "socketPath": socket_path, "idleMinutes": session_idle_minutes(),
              "maxChars": settings.integer("APPLICANT_MESSAGE_MAX_CHARS")}
    return f"window.ASSISTANT_CONFIG = Object.freeze({json.dumps(config)});\n".encode()


CHAT_CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                      ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml", ".map": "application/json"}


def make_app(rasa_url: str, socket_path: str = "/socket.io", *, desk: Optional[web.Application] = None) -> web.Application:
    """The chat page at /, and the representatives' desk at /desk/ when given."""
    _origins(rasa_url)  # validate early
    page_headers = security_headers(rasa_url)

    async def headers(request: web.Request, response: web.StreamResponse) -> None:
        if request.path.startswith("/desk"):
            from desk.app import CSP

            response.headers.update(dict(page_headers, **{"Content-Security-Policy": CSP, "Cache-Control": "no-store"}))
        else:
            response.headers.update(page_headers)
        kind = CHAT_CONTENT_TYPES.get(Path(request.path).suffix)
        if kind and response.status == 200 and not request.path.startswith("/desk/api"):
            response.headers["Content-Type"] = kind

    async def config_js(_request: web.Request) -> web.Response:
        return web.Response(body=config_script(rasa_url, socket_path), content_type="text/javascript", charset="utf-8")

    async def health(_request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def index(_request: web.Request) -> web.FileResponse:
        return web.FileResponse(PUBLIC / "index.html")

    async def vendor_missing(_request: web.Request) -> web.Response:
        return web.Response(status=404, text="web/public/vendor is missing: run `make web` (npm ci in web/)")

    app = web.Application(client_max_size=64 * 1024)
    app.on_response_prepare.append(headers)
    app.add_routes([web.get("/config.js", config_js), web.get("/health", health), web.get("/", index)])
    if desk is not None:
        app.add_subapp("/desk", desk)
    if not (PUBLIC / "vendor").is_dir():
        app.router.add_get("/vendor/{tail:.*}", vendor_missing)
    for folder in sorted(p for p in PUBLIC.iterdir() if p.is_dir()):
        app.router.add_static(f"/{folder.name}/", folder, show_index=False, follow_symlinks=False)
    for file in sorted(p for p in PUBLIC.iterdir() if p.is_file() and p.name != "index.html"):
        app.router.add_get(f"/{file.name}", lambda _r, f=file: web.FileResponse(f))
    return app


def build_desk(rasa_api_url: str):
    """The desk with the contact center's store, Rasa's HTTP API and the SMTP settings from the environment."""
    from contact_center.storage import ContactCenterStore
    from desk.app import create_desk
    from desk.rasa_api import RasaAPI, token_from_env

    store = ContactCenterStore()
    try:
        store.migrate()
    except Exception as exc:  # the chat page still serves; the desk answers errors until the database is back
        logging.getLogger(__name__).error("the contact center's database could not be prepared: %s", type(exc).__name__)
    return create_desk(store, RasaAPI(rasa_api_url, token_from_env(ROOT)))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Serve the applicants' chat page and the representatives' desk.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--rasa-url", default=DEFAULT_RASA_URL, help="where the browser reaches Rasa's socket channel")
    parser.add_argument("--socket-path", default="/socket.io", help="the socket channel's path (credentials.yml socketio_path)")
    parser.add_argument("--rasa-api-url", default=None,
                        help="where this server reaches Rasa's HTTP API for the desk (default: --rasa-url)")
    parser.add_argument("--no-desk", action="store_true", help="serve only the chat page")
    args = parser.parse_args(argv)
    from contact_center import log_redaction

    log_redaction.install()  # no identifier in any log line, whatever fails (the desk reads conversations)
    if not args.no_desk:
        from contact_center.production_check import refuse_if_unsafe

        refuse_if_unsafe("desk")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    desk = None if args.no_desk else build_desk(args.rasa_api_url or args.rasa_url)
    app = make_app(args.rasa_url, args.socket_path, desk=desk)
    print(f"chat page on http://{args.host}:{args.port}/ (Rasa at {args.rasa_url})"
          + ("" if desk is None else f"; desk on http://{args.host}:{args.port}/desk/"), flush=True)
    # No access log: URLs carry conversation ids.
    web.run_app(app, host=args.host, port=args.port, access_log=None, print=None, handle_signals=True)


if __name__ == "__main__":
    main()
