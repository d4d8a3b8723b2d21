"""The whole assistant on free loopback ports in a work folder, for tests and benchmarks.

The same processes as `make run` (launcher/local.py): the local Case Status service,
the action server and Rasa (REST and socket channels, HTTP API with a token), each
with its log; start_web adds the chat page and desk server. The contact center's
store and the tracker store are SQLite files in the work folder, so a test can read
the rows an action wrote. The action server's clock reads a file
(CONTACT_CENTER_CLOCK_FILE) that a test can rewrite at any time. Secrets are made
for each start. tests/stack.py re-exports this module for the tests.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import requests

from applicant_channels import session_binding
from launcher import services as commands
from launcher.processes import ROOT, Service, free_port, start_process, stop_all, wait_until_up

MODEL = Path(os.environ.get("ASSISTANT_MODEL", ROOT / "models" / "current.tar.gz"))
# The endpoints a scratch stack's Rasa reads: its action server, and the tracker store
# endpoints.yml names (rasa_extensions.sql_tracker_store) on a SQLite file in the work folder.
ENDPOINTS = (
    'action_endpoint:\n  url: "{actions_url}"\n'
    '  headers:\n    X-Action-Token: ${{ACTION_SERVER_TOKEN}}\n'
    'nlg:\n  type: rasa_extensions.most_specific_responses.MostSpecificResponses\n'
    'tracker_store:\n  type: rasa_extensions.sql_tracker_store.KeptSQLTrackerStore\n'
    '  dialect: "sqlite"\n  db: "{tracker_db}"\n'
)


@dataclass
class Assistant:
    rasa_url: str
    token: str
    rasa_port: int
    logs: Path
    work: Path
    case_status_url: str
    clock_file: Path
    page_url: str = ""
    mail_folder: Optional[Path] = None  # where the local SMTP server keeps the desk's e-mail
    relay_page_port: int = 0
    services: List[Service] = field(default_factory=list)

    db_url: str = ""
    session_key: str = ""  # APPLICANT_SESSION_KEY: makes the REST conversation tokens
    action_token: str = ""  # ACTION_SERVER_TOKEN: what the action server asks of its callers (X-Action-Token)

    def rest_headers(self, sender_id: str) -> dict:
        """The REST channel's conversation token for `sender_id` (session_binding)."""
        return session_binding.headers_for(sender_id, self.session_key)

    def set_clock(self, moment: str) -> None:
        """Moves the action server's clock (an ISO 8601 moment with its offset)."""
        self.clock_file.write_text(moment, encoding="utf-8")

    def say(self, sender_id: str, text: str, timeout: float = 120) -> list:
        """One applicant message over the REST channel; the assistant's messages to it."""
        r = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook", json={"sender": sender_id, "message": text},
            headers=self.rest_headers(sender_id), timeout=timeout,
        )
        r.raise_for_status()
        return r.json()

    def tracker(self, sender_id: str) -> dict:
        r = requests.get(f"{self.rasa_url}/conversations/{sender_id}/tracker", params={"token": self.token}, timeout=30)
        r.raise_for_status()
        return r.json()

    def execute(self, sender_id: str, action: str) -> dict:
        """Runs an action in a conversation and sends its messages to the applicant's socket."""
        r = requests.post(
            f"{self.rasa_url}/conversations/{sender_id}/execute",
            params={"token": self.token, "output_channel": "latest"},
            json={"name": action},
            timeout=60,
        )
        assert r.ok, (r.status_code, r.text[:500])
        return r.json()

    def append_events(self, sender_id: str, events: list) -> None:
        r = requests.post(
            f"{self.rasa_url}/conversations/{sender_id}/tracker/events",
            params={"token": self.token},
            json=events,
            timeout=30,
        )
        assert r.ok, (r.status_code, r.text[:500])

    def service(self, name: str) -> Service:
        return next(s for s in self.services if s.name == name)


def start_assistant(
    work: Path,
    logs: Path,
    clock: Optional[str] = None,
    model: Path = MODEL,
    extra_env: Optional[Dict[str, str]] = None,
    token: Optional[str] = None,
    case_status_admin: bool = False,
    endpoints: Optional[Path] = None,
    case_status_rate: Optional[int] = None,
    cors_origins: Optional[List[str]] = None,
) -> Assistant:
    """Starts the three processes and waits until each answers; stops them all if one fails.

    `endpoints` replaces the SQLite endpoints with a file of the project's own
    (deploy/endpoints.production.yml); its ${ACTION_SERVER_URL} is set here and
    the rest of its variables come from `extra_env`. `case_status_rate` sets the
    local Case Status service's spike arrest and the client's pace to match
    (default: the sandbox's 5 per second; 0: none, and the client unpaced).
    Every process listens on 127.0.0.1; `cors_origins` are the page origins the
    Rasa server admits (none by default).
    """
    if not model.exists():
        raise RuntimeError(f"{model} is missing: run `make test`, which trains it first")
    work.mkdir(parents=True, exist_ok=True)
    logs.mkdir(parents=True, exist_ok=True)
    token = token or "tests-" + os.urandom(8).hex()
    ports = {name: free_port() for name in ("case_status", "actions", "rasa")}
    case_status_url = f"http://127.0.0.1:{ports['case_status']}"
    actions_url = f"http://127.0.0.1:{ports['actions']}/webhook"
    clock_file = work / "clock"
    clock_file.write_text(clock or "", encoding="utf-8")
    if endpoints is None:
        endpoints = work / "endpoints.yml"
        endpoints.write_text(ENDPOINTS.format(actions_url=actions_url, tracker_db=work / "tracker.db"), encoding="utf-8")
    env = commands.base_env(
        CASE_STATUS_BASE_URL=case_status_url,
        CONTACT_CENTER_CLOCK_FILE=str(clock_file),
        CONTACT_CENTER_DB_URL=f"sqlite:///{work / 'contact_center.db'}",
        ACTION_SERVER_URL=actions_url,
        ACTION_SERVER_TOKEN="actions-" + os.urandom(12).hex(),
        # Every test conversation comes from 127.0.0.1, many at once: the applicant rate
        # limits are raised here and tested with their defaults in tests/applicant_channels/test_channel_abuse.py.
        APPLICANT_RATE_CONVERSATION="100000/60",
        APPLICANT_RATE_ADDRESS="1000000/60",
        APPLICANT_SESSION_KEY="sessions-" + os.urandom(16).hex(),  # conversations bound to their client
    )
    env.update(extra_env or {})
    env.pop("CONTACT_CENTER_NOW", None)
    if case_status_rate is not None:  # 0: no spike arrest, and the client unpaced
        env["CASE_STATUS_REQUESTS_PER_SECOND"] = str(case_status_rate)
    rasa_url = f"http://localhost:{ports['rasa']}"
    services: List[Service] = []
    try:
        services.append(start_process(
            "case_status", commands.case_status(ports["case_status"], case_status_admin, case_status_rate), env, logs,
        ))
        services.append(start_process("actions", commands.actions(ports["actions"]), env, logs))
        services.append(start_process(
            "rasa", commands.rasa(model, ports["rasa"], endpoints, cors_origins or ()),
            dict(env, RASA_API_TOKEN=token),  # not in the process list
            logs,
        ))
        wait_until_up(f"{case_status_url}/health", services[0], commands.CASE_STATUS_UP)
        wait_until_up(f"http://127.0.0.1:{ports['actions']}/health", services[1], commands.ACTIONS_UP)
        wait_until_up(f"{rasa_url}/status?token={token}", services[2], commands.RASA_UP)
    except Exception:
        stop_all(services)
        raise
    return Assistant(
        rasa_url=rasa_url, token=token, rasa_port=ports["rasa"], logs=logs, work=work,
        case_status_url=case_status_url, clock_file=clock_file, services=services,
        db_url=env["CONTACT_CENTER_DB_URL"], session_key=env["APPLICANT_SESSION_KEY"],
        action_token=env["ACTION_SERVER_TOKEN"],
    )


def start_web(
    assistant: Assistant, logs: Path, port: Optional[int] = None, smtp_port: Optional[int] = None, name: str = "web"
) -> Service:
    """The chat page and desk server (web/serve.py) for a running assistant: its database,
    clock and HTTP API token, and the SMTP server on `smtp_port` for the C4 e-mail."""
    port = port or free_port()
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        CONTACT_CENTER_DB_URL=assistant.db_url,
        CONTACT_CENTER_CLOCK_FILE=str(assistant.clock_file),
        RASA_API_TOKEN=assistant.token,
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=str(smtp_port or free_port()),
    )
    env.pop("CONTACT_CENTER_NOW", None)
    service = start_process(name, commands.web(port, assistant.rasa_url, assistant.rasa_port), env, logs)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(f"{url}/health", service, commands.WEB_UP)
    assistant.page_url = url + "/"
    return service
