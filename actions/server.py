"""The action server: rasa-sdk's app, reachable only by the Rasa server that holds its secret.

`rasa run actions` listens on every interface, answers anyone, parses a cross-site
`text/plain` POST as JSON, and on an error logs and returns the whole request body
(the conversation, with e-mails and phone numbers). Here (`python -m actions.server`):

- it listens on ACTION_SERVER_HOST (127.0.0.1 unless configured);
- `/webhook` needs the shared secret in the `X-Action-Token` header (the Rasa server
  sends it: `headers` of `action_endpoint` in endpoints.yml) and a JSON content type;
  anything else is refused before an action runs (401, 415);
- an action that fails is logged by name and error type only, and answered 500
  without echoing the request.
"""
from __future__ import annotations

import argparse
import hmac
import logging
from typing import Optional

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.exceptions import SanicException

from contact_center import settings

logger = logging.getLogger(__name__)
TOKEN_HEADER = "X-Action-Token"
TOKEN_ENV = "ACTION_SERVER_TOKEN"
# Rasa sends the whole tracker with every action call, and it grows with the conversation:
# the 64 KiB limit the public servers share (SANIC_REQUEST_MAX_SIZE) once cut a ten-turn
# callback conversation dead. This server is internal (loopback, shared secret), so it has
# its own limit.
MAX_REQUEST_ENV = "ACTION_SERVER_REQUEST_MAX_SIZE"
DEFAULT_MAX_REQUEST: int = settings.default(MAX_REQUEST_ENV)  # 64 MiB


def build_app(token: str, actions_package: str = "actions") -> Sanic:
    if not token:
        raise SystemExit(f"{TOKEN_ENV} is not set: the action server refuses to start without its shared secret")
    app = create_app(actions_package, cors_origins=None)
    app.config.REQUEST_MAX_SIZE = settings.integer(MAX_REQUEST_ENV)

    @app.middleware("request")
    async def shared_secret(request):  # type: ignore[no-untyped-def]
        if request.path != "/webhook":
            return None  # /health and /actions reveal nothing about a conversation
        given = request.headers.get(TOKEN_HEADER, "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            return response.json({"error": "unauthorised"}, status=401)
        if (request.headers.get("Content-Type") or "").split(";")[0].strip().lower() != "application/json":
            return response.json({"error": "JSON only"}, status=415)
        return None

    @app.exception(Exception)
    async def failed(request, exception: Exception):  # type: ignore[no-untyped-def]
        if isinstance(exception, SanicException) and exception.status_code < 500:
            # The request's own fault (an unknown path, a wrong method, a body too large): its
            # status, not "the action failed".
            return response.json({"error": str(exception) or "bad request"}, status=exception.status_code)
        action: Optional[str] = None
        try:
            action = (request.json or {}).get("next_action")
        except Exception:  # an unreadable body: nothing more to say about it
            pass
        logger.error("action %s failed: %s", action or "?", type(exception).__name__)
        return response.json({"error": "the action failed", "action_name": action}, status=500)

    return app


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="The contact center's action server")
    parser.add_argument("--port", type=int, default=settings.integer("ACTION_SERVER_PORT"))
    parser.add_argument("--host", default=settings.text("ACTION_SERVER_HOST"))
    args = parser.parse_args(argv)
    from contact_center import log_redaction, production_check

    production_check.refuse_if_unsafe("actions")  # CONTACT_CENTER_ENV=production: no default or demo setting
    log_redaction.install()  # no identifier in any log line, whatever fails
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    app = build_app(settings.text(TOKEN_ENV) or "")
    app.run(args.host, args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
