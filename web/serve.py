"""Serves the applicants' chat page (web/public) and tells it where Rasa is.

    .venv/bin/python web/serve.py --port 5080 --rasa-url http://localhost:5005

Standard library only. Besides the files in web/public it answers:
  /config.js   the widget's settings (the Rasa socket URL), as a script
  /health      "ok"
Every answer carries a Content-Security-Policy that allows scripts, styles and
images from this server only, and connections to this server and Rasa: even if
markup got into the page, no inline script would run.
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

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


def config_script(rasa_url: str, socket_path: str) -> bytes:
    config = {"socketUrl": rasa_url.rstrip("/"), "socketPath": socket_path}
    return f"window.ASSISTANT_CONFIG = Object.freeze({json.dumps(config)});\n".encode()


class PageHandler(SimpleHTTPRequestHandler):
    rasa_url = DEFAULT_RASA_URL
    socket_path = "/socket.io"

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".svg": "image/svg+xml",
        ".map": "application/json",
        ".txt": "text/plain; charset=utf-8",
    }

    def end_headers(self) -> None:
        for name, value in security_headers(self.rasa_url).items():
            self.send_header(name, value)
        super().end_headers()

    def _send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = urlsplit(self.path).path
        if path == "/config.js":
            return self._send_bytes(config_script(self.rasa_url, self.socket_path), "text/javascript; charset=utf-8")
        if path == "/health":
            return self._send_bytes(b"ok\n", "text/plain; charset=utf-8")
        if path.startswith("/vendor/") and not (PUBLIC / "vendor").is_dir():
            self.send_error(HTTPStatus.NOT_FOUND, "web/public/vendor is missing: run `make web` (npm ci in web/)")
            return None
        return super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802
        if urlsplit(self.path).path in ("/config.js", "/health"):
            return self.do_GET()
        return super().do_HEAD()

    def list_directory(self, path):  # no directory listings
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        sys.stderr.write("%s - %s\n" % (self.address_string(), format % args))


def make_server(host: str, port: int, rasa_url: str, socket_path: str = "/socket.io") -> ThreadingHTTPServer:
    _origins(rasa_url)  # validate early
    handler = type("Handler", (PageHandler,), {"rasa_url": rasa_url, "socket_path": socket_path})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(PUBLIC)))
    server.daemon_threads = True
    return server


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Serve the applicants' chat page.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--rasa-url", default=DEFAULT_RASA_URL, help="where the browser reaches Rasa's socket channel")
    parser.add_argument("--socket-path", default="/socket.io", help="the socket channel's path (credentials.yml socketio_path)")
    args = parser.parse_args(argv)
    server = make_server(args.host, args.port, args.rasa_url, args.socket_path)
    print(f"chat page on http://{args.host}:{server.server_address[1]}/ (Rasa at {args.rasa_url})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
