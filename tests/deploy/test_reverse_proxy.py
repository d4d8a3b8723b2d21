"""The production front door (deploy/haproxy.cfg) lets through only the applicants' side.

HAProxy runs with the real configuration on free loopback ports, in front of two small
HTTP servers standing in for Rasa and the page server (web/serve.py); each answers every
request 200 with its own name, the path and the X-Forwarded-For it was given, and keeps
a record of what reached it. Allowed: the chat page and its assets (the paths
web/public/index.html loads, and every file in web/public), Rasa's REST webhook and its
socket.io endpoint (polling and the websocket upgrade). Everything else -- Rasa's HTTP
API, the action server's paths, other channels, path tricks -- is answered 404 by HAProxy
and reaches no backend; a body over 64 KiB is refused 413 on its headers. The desk is
reachable from the configured networks only. A second instance runs with TLS (a
self-signed certificate): HTTP redirects to HTTPS, HSTS, same routes.

HAProxy is needed: `make haproxy` (apt-get install -y haproxy).
"""
from __future__ import annotations

import base64
import hashlib
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import pytest
import requests

pytestmark = pytest.mark.stack

from tests import ROOT

CONFIG = ROOT / "deploy" / "haproxy.cfg"
PUBLIC = ROOT / "web" / "public"
MAX_BODY = 64 * 1024
PRIVATE_ONLY = "10.0.0.0/8 172.16.0.0/12 192.168.0.0/16"  # the default without loopback


def haproxy_binary() -> str:
    found = shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if os.access(p, os.X_OK)), None)
    if not found:
        pytest.fail("haproxy is not installed: run `make haproxy` (apt-get install -y haproxy); "
                    "tests/deploy/test_reverse_proxy.py checks deploy/haproxy.cfg with the real HAProxy")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the stand-in backends ---------------------------------------------------------------

class Backend:
    """A threaded HTTP server that answers everything 200 and records what reached it."""

    def __init__(self, name: str):
        self.name = name
        self.seen: List[Dict[str, Optional[str]]] = []
        backend = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                record = {"backend": backend.name, "method": self.command, "path": self.path,
                          "xff": self.headers.get("X-Forwarded-For"),
                          "proto": self.headers.get("X-Forwarded-Proto"), "body_bytes": len(body)}
                backend.seen.append(record)
                if self.headers.get("Upgrade", "").lower() == "websocket":
                    return self._tunnel()
                out = json.dumps(record).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(out)

            def _tunnel(self) -> None:
                """Not a websocket server: after the 101, it echoes each line back (enough
                to see the upgraded connection carry bytes both ways)."""
                self.send_response(101)
                self.send_header("Upgrade", "websocket")
                self.send_header("Connection", "Upgrade")
                key = self.headers.get("Sec-WebSocket-Key", "") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
                self.send_header("Sec-WebSocket-Accept", base64.b64encode(hashlib.sha1(key.encode()).digest()).decode())
                self.end_headers()
                self.wfile.flush()
                line = self.rfile.readline()
                self.wfile.write(b"echo " + line)
                self.wfile.flush()
                self.close_connection = True

            do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = _answer

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --- HAProxy -----------------------------------------------------------------------------

class Proxy:
    def __init__(self, env: Dict[str, str], log: Path, wait_for: List[int]):
        self.env = env
        self.log = log
        self._log_file = open(log, "wb")
        self.proc = subprocess.Popen([haproxy_binary(), "-db", "-f", str(CONFIG)], env=env,
                                     stdout=self._log_file, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 15
        pending = list(wait_for)
        while pending:
            if self.proc.poll() is not None:
                pytest.fail(f"haproxy exited with {self.proc.returncode}:\n{self.tail()}")
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"haproxy did not listen on {pending} within 15 s:\n{self.tail()}")
            try:
                socket.create_connection(("127.0.0.1", pending[0]), timeout=0.5).close()
                pending.pop(0)
            except OSError:
                time.sleep(0.05)

    def tail(self) -> str:
        self._log_file.flush()
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-30:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log_file.close()


def proxy_env(rasa: Backend, page: Backend, **extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROXY_")}
    env.update(PROXY_TEST_MODE="1", PROXY_RASA_ADDR=rasa.address, PROXY_PAGE_ADDR=page.address, **extra)
    return env


@pytest.fixture(scope="module")
def backends() -> Iterator[Tuple[Backend, Backend]]:
    rasa, page = Backend("rasa"), Backend("page")
    yield rasa, page
    rasa.close()
    page.close()


@pytest.fixture(scope="module")
def proxy(backends, tmp_path_factory) -> Iterator[Tuple[str, Proxy]]:
    """Plain-HTTP test mode with the default desk networks."""
    rasa, page = backends
    port = free_port()
    p = Proxy(proxy_env(rasa, page, PROXY_HTTP_BIND=f"127.0.0.1:{port}"),
              tmp_path_factory.mktemp("haproxy") / "haproxy.log", [port])
    yield f"http://127.0.0.1:{port}", p
    p.stop()


@pytest.fixture()
def seen(backends):
    """What reached either backend during the test."""
    rasa, page = backends
    rasa.seen.clear()
    page.seen.clear()

    def reached() -> List[Dict[str, Optional[str]]]:
        return rasa.seen + page.seen

    return reached


def raw_request(port: int, head: str, body: bytes = b"") -> Tuple[int, bytes]:
    """One request written by hand (lengths that do not match the body); returns the status."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    status = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    assert status, data[:200]
    return int(status.group(1)), data


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


# --- what the page loads ------------------------------------------------------------------

def page_paths() -> List[str]:
    """Every local path index.html loads, and every file web/public serves."""
    html = (PUBLIC / "index.html").read_text(encoding="utf-8")
    paths = {m for m in re.findall(r'(?:src|href)="(/[^"#?]*)', html)}
    paths |= {"/" + p.relative_to(PUBLIC).as_posix() for p in PUBLIC.rglob("*")
              if p.is_file() and p.name != "index.html"}
    paths |= {"/", "/config.js", "/vendor/socket.io.min.js"}
    return sorted(paths)


def test_page_paths_found():
    paths = page_paths()
    for expected in ("/", "/config.js", "/js/widget.js", "/css/site.css", "/vendor/socket.io.min.js"):
        assert expected in paths


# --- the configuration ---------------------------------------------------------------------

def check(env: Dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([haproxy_binary(), "-c", "-f", str(CONFIG)], env=env, capture_output=True,
                          text=True, timeout=30)


def test_config_valid_in_test_mode(backends):
    rasa, page = backends
    result = check(proxy_env(rasa, page, PROXY_HTTP_BIND=f"127.0.0.1:{free_port()}"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Configuration file is valid" in result.stdout + result.stderr


def test_config_without_a_certificate_is_refused_in_production():
    """No PROXY_TLS_CERT and no test mode: HAProxy refuses to start, never plain HTTP."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROXY_")}
    result = check(env)
    assert result.returncode != 0
    assert "PROXY_TLS_CERT is not set" in result.stdout + result.stderr


def test_desk_networks_are_an_acl_on_the_source_address():
    text = CONFIG.read_text(encoding="utf-8")
    default = r"127\.0\.0\.0/8 ::1 10\.0\.0\.0/8 172\.16\.0\.0/12 192\.168\.0\.0/16"
    assert re.search(r"acl desk_network\s+src " + default + r"\s*$", text, re.M)
    assert re.search(r"use_backend desk if desk desk_network\s*$", text, re.M)


# --- allowed -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", page_paths())
def test_page_paths_reach_the_page(proxy, seen, path):
    url, _ = proxy
    answer = requests.get(url + path, timeout=10)
    assert answer.status_code == 200, (path, answer.text)
    assert answer.json()["backend"] == "page"
    assert [(r["backend"], r["path"]) for r in seen()] == [("page", path)]


def test_head_of_the_page(proxy, seen):
    url, _ = proxy
    assert requests.head(url + "/", timeout=10).status_code == 200
    assert [(r["backend"], r["method"]) for r in seen()] == [("page", "HEAD")]


def test_rest_webhook_reaches_rasa(proxy, seen):
    url, _ = proxy
    answer = requests.post(url + "/webhooks/rest/webhook", json={"sender": "a1", "message": "hola"}, timeout=10)
    assert answer.status_code == 200
    assert answer.json()["backend"] == "rasa"
    assert [(r["backend"], r["method"], r["path"]) for r in seen()] == [("rasa", "POST", "/webhooks/rest/webhook")]


@pytest.mark.parametrize("method,path", [
    ("GET", "/socket.io/?EIO=4&transport=polling&t=Pabc"),
    ("POST", "/socket.io/?EIO=4&transport=polling&sid=s1d"),
])
def test_socket_io_polling_reaches_rasa(proxy, seen, method, path):
    url, _ = proxy
    answer = requests.request(method, url + path, data=b"40" if method == "POST" else None, timeout=10)
    assert answer.status_code == 200
    assert [(r["backend"], r["method"], r["path"]) for r in seen()] == [("rasa", method, path)]


def upgrade(port: int, path: str) -> Tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall((f"GET {path} HTTP/1.1\r\nHost: chat.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        status = int(re.match(rb"HTTP/1\.1 (\d{3})", data).group(1))
        echoed = b""
        if status == 101:
            s.sendall(b"2probe\n")
            while not echoed.endswith(b"\n"):
                chunk = s.recv(4096)
                if not chunk:
                    break
                echoed += chunk
        return status, echoed


def test_socket_io_websocket_upgrade_is_tunnelled_to_rasa(proxy, seen):
    url, _ = proxy
    status, echoed = upgrade(port_of(url), "/socket.io/?EIO=4&transport=websocket&sid=s1d")
    assert status == 101
    assert echoed == b"echo 2probe\n"
    assert [(r["backend"], r["path"]) for r in seen()] == [("rasa", "/socket.io/?EIO=4&transport=websocket&sid=s1d")]


def test_websocket_upgrade_elsewhere_is_refused(proxy, seen):
    url, _ = proxy
    assert upgrade(port_of(url), "/conversations/a1/tracker")[0] == 404
    assert seen() == []


def test_client_cannot_forge_its_address(proxy, seen):
    url, _ = proxy
    requests.post(url + "/webhooks/rest/webhook", json={"sender": "a1", "message": "hi"}, timeout=10,
                  headers={"X-Forwarded-For": "203.0.113.9", "Forwarded": "for=203.0.113.9", "X-Real-IP": "203.0.113.9",
                           "X-Forwarded-Proto": "https"})
    [record] = seen()
    assert record["xff"] == "127.0.0.1"
    assert record["proto"] == "http"


# --- refused -------------------------------------------------------------------------------

REFUSED = [
    # Rasa's HTTP API
    ("GET", "/conversations/abc/tracker"),
    ("POST", "/conversations/abc/tracker/events"),
    ("POST", "/conversations/abc/messages"),
    ("POST", "/conversations/abc/trigger_intent"),
    ("GET", "/conversations/abc/story"),
    ("POST", "/model/parse"),
    ("PUT", "/model"),
    ("DELETE", "/model"),
    ("POST", "/model/train"),
    ("GET", "/status"),
    ("GET", "/version"),
    ("GET", "/domain"),
    # Rasa's other channels, and the REST channel's other paths and methods
    ("POST", "/webhooks/callback/webhook"),
    ("POST", "/webhooks/socketio/webhook"),
    ("GET", "/webhooks/socketio/"),
    ("GET", "/webhooks/rest/"),
    ("GET", "/webhooks/rest/webhook"),
    ("POST", "/webhooks/rest/webhook/"),
    ("POST", "/webhooks/rest/webhook/../../model/parse"),
    ("GET", "/socket.io"),
    ("PUT", "/socket.io/?EIO=4&transport=polling"),
    # the action server's paths
    ("POST", "/webhook"),
    ("GET", "/health"),
    ("GET", "/actions"),
    # the page server: only reads, only the page's paths
    ("POST", "/"),
    ("DELETE", "/config.js"),
    ("POST", "/js/widget.js"),
    ("GET", "/index.html/"),
    ("GET", "/css/"),
    ("GET", "/js/.hidden"),
    # paths the page server would normalise into the desk
    ("GET", "/css/../desk/"),
    ("GET", "/js/..%2fdesk/"),
    ("GET", "/js/%2e%2e/desk/api/queue"),
    ("GET", "//desk/"),
    ("GET", "/css/./site.css"),
]


@pytest.mark.parametrize("method,path", REFUSED)
def test_everything_else_is_404_and_reaches_no_backend(proxy, seen, method, path):
    url, _ = proxy
    body = b"{}" if method in ("POST", "PUT") else None
    # Written by hand: a client library would resolve "..".
    status, _ = raw_request(port_of(url), f"{method} {path} HTTP/1.1\nHost: chat.example\n"
                            f"Content-Length: {len(body or b'')}\nConnection: close\n", body or b"")
    assert status == 404, (method, path)
    assert seen() == [], (method, path)


# --- bodies --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/webhooks/rest/webhook", "/socket.io/?EIO=4&transport=polling&sid=s1d"])
def test_oversized_body_is_413_on_its_headers(proxy, seen, path):
    url, _ = proxy
    # Only the headers are sent (as a client waiting for "100 Continue" would): HAProxy
    # answers on them, without waiting for or reading the body.
    status, _ = raw_request(port_of(url), f"POST {path} HTTP/1.1\nHost: chat.example\n"
                            f"Content-Type: application/json\nContent-Length: {MAX_BODY + 1}\nExpect: 100-continue\n")
    assert status == 413
    assert seen() == []


def test_body_of_64_kib_passes(proxy, seen):
    url, _ = proxy
    answer = requests.post(url + "/webhooks/rest/webhook", data=b"x" * MAX_BODY,
                           headers={"Content-Type": "application/json"}, timeout=10)
    assert answer.status_code == 200
    assert [r["body_bytes"] for r in seen()] == [MAX_BODY]


def test_chunked_post_without_length_is_refused(proxy, seen):
    url, _ = proxy
    status, _ = raw_request(port_of(url), "POST /webhooks/rest/webhook HTTP/1.1\nHost: chat.example\n"
                            "Transfer-Encoding: chunked\nConnection: close\n", b"2\r\n{}\r\n0\r\n\r\n")
    assert status == 411
    assert seen() == []


# --- the desk ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/desk/", "/desk/api/queue", "/desk/static/desk.js"])
def test_desk_from_a_desk_network(proxy, seen, path):
    """127.0.0.1 is in the default desk networks."""
    url, _ = proxy
    answer = requests.get(url + path, timeout=10)
    assert answer.status_code == 200
    assert [(r["backend"], r["path"]) for r in seen()] == [("page", path)]


@pytest.fixture(scope="module")
def proxy_without_loopback_desk(backends, tmp_path_factory) -> Iterator[str]:
    """The desk networks without loopback: this test's client is then outside them."""
    rasa, page = backends
    port = free_port()
    p = Proxy(proxy_env(rasa, page, PROXY_HTTP_BIND=f"127.0.0.1:{port}", PROXY_DESK_NETWORKS=PRIVATE_ONLY),
              tmp_path_factory.mktemp("haproxy-desk") / "haproxy.log", [port])
    yield f"http://127.0.0.1:{port}"
    p.stop()


@pytest.mark.parametrize("method,path", [("GET", "/desk/"), ("GET", "/desk"), ("GET", "/desk/api/queue"),
                                         ("POST", "/desk/api/session"), ("GET", "/desk/static/desk.js")])
def test_desk_from_elsewhere_is_404(proxy_without_loopback_desk, seen, method, path):
    answer = requests.request(method, proxy_without_loopback_desk + path, json={} if method == "POST" else None,
                              timeout=10)
    assert answer.status_code == 404
    assert seen() == []


def test_chat_page_from_outside_the_desk_networks(proxy_without_loopback_desk, seen):
    assert requests.get(proxy_without_loopback_desk + "/", timeout=10).status_code == 200
    assert [r["backend"] for r in seen()] == ["page"]


# --- TLS -----------------------------------------------------------------------------------

def self_signed_pem(folder: Path) -> Path:
    """A certificate for 127.0.0.1 and its key, in one PEM file as HAProxy reads it."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    pem = folder / "assistant.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return pem


@pytest.fixture(scope="module")
def tls_proxy(backends, tmp_path_factory) -> Iterator[Tuple[str, str, Path]]:
    rasa, page = backends
    folder = tmp_path_factory.mktemp("haproxy-tls")
    pem = self_signed_pem(folder)
    http_port, https_port = free_port(), free_port()
    env = proxy_env(rasa, page, PROXY_HTTP_BIND=f"127.0.0.1:{http_port}", PROXY_HTTPS_BIND=f"127.0.0.1:{https_port}",
                    PROXY_TLS_CERT=str(pem))
    result = check(env)
    assert result.returncode == 0, result.stdout + result.stderr
    p = Proxy(env, folder / "haproxy.log", [http_port, https_port])
    yield f"http://127.0.0.1:{http_port}", f"https://127.0.0.1:{https_port}", pem
    p.stop()


@pytest.mark.parametrize("path", ["/", "/webhooks/rest/webhook", "/conversations/abc/tracker"])
def test_http_redirects_to_https(tls_proxy, seen, path):
    http_url, _, _ = tls_proxy
    answer = requests.get(http_url + path, allow_redirects=False, timeout=10)
    assert answer.status_code == 301
    assert answer.headers["Location"].startswith("https://") and answer.headers["Location"].endswith(path)
    assert seen() == []


def test_https_serves_the_routes_with_hsts(tls_proxy, seen):
    _, https_url, pem = tls_proxy
    page = requests.get(https_url + "/", verify=str(pem), timeout=10)
    assert page.status_code == 200 and page.json()["backend"] == "page"
    assert page.headers["Strict-Transport-Security"].startswith("max-age=")
    assert page.json()["proto"] == "https"
    webhook = requests.post(https_url + "/webhooks/rest/webhook", json={"sender": "a1", "message": "hi"},
                            verify=str(pem), timeout=10)
    assert webhook.status_code == 200 and webhook.json()["backend"] == "rasa"
    assert requests.get(https_url + "/status", verify=str(pem), timeout=10).status_code == 404
    assert sorted((r["backend"], r["path"]) for r in seen()) == [("page", "/"), ("rasa", "/webhooks/rest/webhook")]
