"""What each service of the running stack admits (issue 15): addresses, the action
server's shared secret, the HTTP API token, CORS, and the token kept out of `ps`."""
from __future__ import annotations

import json
import subprocess

import pytest
import requests

from tests.stack import ROOT, start_assistant, stop_all

PAGE_ORIGIN = "http://127.0.0.1:5999"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    logs = ROOT / "tests" / "output" / "surface"
    running = start_assistant(tmp_path_factory.mktemp("surface"), logs, cors_origins=[PAGE_ORIGIN])
    yield running
    stop_all(running.services)


def _listening(pid: int) -> set:
    """Addresses a process and its children listen on (ss, from iproute2)."""
    out = subprocess.run(["ss", "-ltnpH"], capture_output=True, text=True, check=True).stdout
    return {line.split()[3] for line in out.splitlines() if f"pid={pid}," in line}


def test_every_service_listens_on_loopback_only(assistant):
    for service in assistant.services:
        addresses = _listening(service.proc.pid)
        assert addresses, service.name
        assert all(a.startswith("127.0.0.1:") for a in addresses), (service.name, addresses)


def _action_call():
    return {"next_action": "action_crisis", "sender_id": "surface", "tracker": {"sender_id": "surface", "slots": {}, "latest_message": {"text": "hi", "intent": {}, "entities": []}, "events": [], "paused": False, "followup_action": None, "active_loop": {}, "latest_action_name": None}, "domain": {}, "version": "3.6.21"}


def _actions_url(assistant) -> str:
    service = assistant.service("actions")
    [address] = [a for a in _listening(service.proc.pid)]
    return f"http://{address}/webhook"


def test_the_action_server_refuses_calls_without_its_secret(assistant):
    url = _actions_url(assistant)
    assert requests.post(url, json=_action_call(), timeout=10).status_code == 401
    assert requests.post(url, json=_action_call(), headers={"X-Action-Token": "guess"}, timeout=10).status_code == 401


def test_the_action_server_refuses_a_cross_site_text_plain_post(assistant):
    import os

    url = _actions_url(assistant)
    token = _action_token(assistant)
    r = requests.post(url, data=json.dumps(_action_call()), headers={"Content-Type": "text/plain", "X-Action-Token": token}, timeout=10)
    assert r.status_code == 415


def _action_token(assistant) -> str:
    pid = assistant.service("actions").proc.pid
    environ = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
    return next(e.split(b"=", 1)[1].decode() for e in environ if e.startswith(b"ACTION_SERVER_TOKEN="))


def test_the_conversation_goes_through_with_the_secret(assistant):
    replies = assistant.say("surface-1", "i want to kill myself")
    assert replies and "988" in replies[0]["text"]


@pytest.mark.parametrize("path", ["/status", "/conversations/x/tracker", "/version/../status", "/model/parse"])
def test_the_http_api_refuses_every_call_without_the_token_or_with_a_wrong_one(assistant, path):
    for params in ({}, {"token": "wrong"}):
        method = requests.post if path == "/model/parse" else requests.get
        r = method(assistant.rasa_url + path, params=params, json={"text": "hi"}, timeout=10)
        assert r.status_code in (401, 403), (path, params, r.status_code)


def test_cors_admits_the_page_origin_only(assistant):
    url = f"{assistant.rasa_url}/webhooks/rest/webhook"
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    good = requests.options(url, headers={"Origin": PAGE_ORIGIN, **preflight}, timeout=10)
    bad = requests.options(url, headers={"Origin": "http://evil.example", **preflight}, timeout=10)
    assert good.headers.get("Access-Control-Allow-Origin") == PAGE_ORIGIN
    assert "Access-Control-Allow-Origin" not in bad.headers


def test_the_api_token_is_not_in_any_process_list(assistant):
    out = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True).stdout
    assert assistant.token not in out
    assert _action_token(assistant) not in out


def test_a_long_conversation_tracker_still_reaches_the_action_server(assistant):
    """The public servers refuse bodies over 64 KiB; the action server, which receives the
    whole tracker on every call, takes a long conversation's (here 2 MB)."""
    call = _action_call()
    said = {"event": "user", "text": "x" * 900, "parse_data": {"intent": {}, "entities": []}}
    call["tracker"]["events"] = [said] * 2200
    r = requests.post(_actions_url(assistant), json=call, headers={"X-Action-Token": _action_token(assistant)}, timeout=30)
    assert r.status_code == 200, r.text


def test_a_failing_action_echoes_and_logs_nothing_of_the_request(assistant):
    secret_detail = "maria.lopez@example.com 555-201-3344 EAC1234567890"
    call = _action_call()
    call["next_action"] = "action_file_e_request"
    call["tracker"] = secret_detail  # not a tracker: rasa-sdk fails reading it
    call["domain"] = {"details": secret_detail}
    r = requests.post(_actions_url(assistant), json=call, headers={"X-Action-Token": _action_token(assistant)}, timeout=10)
    assert r.status_code == 500
    assert secret_detail not in r.text and "maria" not in r.text
    log = assistant.service("actions").log.read_text(errors="replace")
    assert "maria.lopez" not in log and "555-201-3344" not in log and "EAC1234567890" not in log


def test_the_action_server_answers_an_unknown_path_or_method_with_its_own_status(assistant):
    """An unknown path was answered 500 "the action failed", as if an action had crashed."""
    base = _actions_url(assistant).rsplit("/", 1)[0]
    assert requests.get(base + "/no-such-page", timeout=10).status_code == 404
    headers = {"X-Action-Token": _action_token(assistant), "Content-Type": "application/json"}
    assert requests.get(base + "/webhook", headers=headers, timeout=10).status_code == 405
