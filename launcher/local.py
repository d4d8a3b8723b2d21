"""`make run`: the assistant on this machine's fixed ports, its files under var/.

Starts the local Case Status service (unless CASE_STATUS_BASE_URL points at a real
one), the local SMTP server (unless SMTP_HOST names a real one), the desk's
accounts on a first start, the action server, Rasa (REST and socket channels, HTTP
API) and the chat page and desk server; waits until each answers, prints where to
talk to the assistant, and stays in the foreground until Ctrl-C (or SIGTERM),
which stops them all. A process that stops on its own is started again (its
conversations are in the stores, so none is lost); one that stops three times in
five minutes stops them all.

Ports and settings from the environment, as the Makefile passes them: RASA_PORT
(5005), ACTIONS_PORT (5055), CASE_STATUS_PORT (5056), WEB_PORT (5080), MAIL_PORT
(5025), ENDPOINTS (endpoints.yml); the secrets from var/ (api-token, action-token,
session-key; `make run` makes them) unless ACTION_SERVER_TOKEN or
APPLICANT_SESSION_KEY are set.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List

from launcher import services as commands
from launcher.processes import ROOT, Service, Supervisor, first_stopped, start_process, stop_all, wait_until_up

VAR = ROOT / "var"
LOGS = VAR / "log"
MODEL = Path("models/current.tar.gz")


class Stop(Exception):
    """A signal to stop (SIGTERM, SIGHUP); Ctrl-C is KeyboardInterrupt."""


def _stop(signum, frame) -> None:
    raise Stop(signal.Signals(signum).name)


def _secret(name: str) -> str:
    path = VAR / name
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        raise SystemExit(f"{path.relative_to(ROOT)} is missing: start the assistant with `make run`, which makes it")


def settings(environ) -> Dict[str, object]:
    """Ports and settings from the environment, with make run's defaults."""
    return {
        "rasa_port": int(environ.get("RASA_PORT") or 5005),
        "actions_port": int(environ.get("ACTIONS_PORT") or 5055),
        "case_status_port": int(environ.get("CASE_STATUS_PORT") or 5056),
        "web_port": int(environ.get("WEB_PORT") or 5080),
        "mail_port": int(environ.get("MAIL_PORT") or 5025),
        "endpoints": environ.get("ENDPOINTS") or "endpoints.yml",
    }


def addresses(s: Dict[str, object], case_status_url: str, mail_note: str) -> str:
    web, rasa = s["web_port"], s["rasa_port"]
    return f"""
The assistant is running.
  Chat page (open in a browser):  http://localhost:{web}/
  Representatives' desk:  http://localhost:{web}/desk/   (accounts in var/desk-accounts.txt)
  Chat in the terminal:   make chat          (in another terminal)
  REST channel:           POST http://localhost:{rasa}/webhooks/rest/webhook  {{"message": "..."}} (then "sender" + X-Conversation-Token, from the reply's headers)
  Socket channel:         http://localhost:{rasa}/socket.io
  HTTP API (token in var/api-token): http://localhost:{rasa}/status
  Case Status service:    {case_status_url}
  E-mail (C4 callbacks):  {mail_note}
Logs are in var/log/. Press Ctrl-C to stop."""


def start(services: List[Service], name: str, args: List[str], env: Dict[str, str]) -> Service:
    service = start_process(name, args, env, LOGS, own_group=True)
    services.append(service)
    return service


def wait(url: str, service: Service, seconds: float, services: List[Service], what: str) -> None:
    try:
        wait_until_up(url, service, seconds, others=services)
    except RuntimeError:
        stopped = first_stopped(services)
        if stopped is not None:
            print(f"{what if stopped is service else stopped.name} stopped; see var/log/", file=sys.stderr)
            for s in services:
                print(f"==> var/log/{s.log.name} <==\n{s.tail(20)}", file=sys.stderr)
        else:
            print(f"{what} did not start within {seconds} s; see var/log/\n{service.tail(20)}", file=sys.stderr)
        raise


def run() -> int:
    """Starts everything, prints the addresses, and waits; returns the exit status."""
    os.umask(0o077)  # databases, logs and mail under var/ hold applicants' data: this user only
    os.chdir(ROOT)
    LOGS.mkdir(parents=True, exist_ok=True)
    VAR.chmod(0o700)
    LOGS.chmod(0o700)
    s = settings(os.environ)
    token = _secret("api-token")
    # The action server's shared secret: Rasa sends it (endpoints.yml), the action server checks it.
    # APPLICANT_SESSION_KEY signs the conversation tokens that bind a chat to the browser that started it.
    env = commands.base_env(
        ACTION_SERVER_TOKEN=os.environ.get("ACTION_SERVER_TOKEN") or _secret("action-token"),
        APPLICANT_SESSION_KEY=os.environ.get("APPLICANT_SESSION_KEY") or _secret("session-key"),
    )
    # Ctrl-C even when started in the background (a shell then ignores SIGINT for its children).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop)
    services: List[Service] = []
    try:
        local_case_status = not env.get("CASE_STATUS_BASE_URL")
        if local_case_status:
            env["CASE_STATUS_BASE_URL"] = f"http://127.0.0.1:{s['case_status_port']}"
            start(services, "case_status", commands.case_status(s["case_status_port"]), env)
        case_status_url = env["CASE_STATUS_BASE_URL"]
        # The desk's C4 e-mail: a local SMTP server keeping each message in var/mail/, unless
        # SMTP_HOST names a real one (README "Production").
        if not env.get("SMTP_HOST"):
            env.update(SMTP_HOST="127.0.0.1", SMTP_PORT=str(s["mail_port"]))
            start(services, "mail", commands.mail(s["mail_port"], Path("var/mail")), env)
            mail_note = f"smtp://127.0.0.1:{s['mail_port']}, each message kept in var/mail/"
        else:
            mail_note = f"smtp://{env['SMTP_HOST']}:{env.get('SMTP_PORT') or 25}"
        subprocess.run(commands.desk_bootstrap(Path("var/desk-accounts.txt")), cwd=ROOT, env=env, check=True)
        actions = start(services, "actions", commands.actions(s["actions_port"]), env)
        # CORS admits the chat page's origin only.
        web_origins = [f"http://localhost:{s['web_port']}", f"http://127.0.0.1:{s['web_port']}"]
        rasa = start(services, "rasa", commands.rasa(MODEL, s["rasa_port"], Path(s["endpoints"]), web_origins),
                     dict(env, RASA_API_TOKEN=token))
        web = start(services, "web", commands.web(s["web_port"], f"http://localhost:{s['rasa_port']}", s["rasa_port"]),
                    dict(env, RASA_API_TOKEN=token))
        if local_case_status:
            wait(f"{case_status_url}/health", services[0], commands.CASE_STATUS_UP, services,
                 "local Case Status service")
        wait(f"http://127.0.0.1:{s['actions_port']}/health", actions, commands.ACTIONS_UP, services, "action server")
        wait(f"http://127.0.0.1:{s['rasa_port']}/", rasa, commands.RASA_UP, services, "Rasa server")
        wait(f"http://127.0.0.1:{s['web_port']}/health", web, commands.WEB_UP, services, "chat page server")
        print(addresses(s, case_status_url, mail_note), flush=True)
        supervisor = Supervisor(services)
        while True:
            given_up = supervisor.check(say=lambda line: print(line, file=sys.stderr, flush=True))
            if given_up is not None:
                return given_up.proc.returncode if given_up.proc.returncode > 0 else 1
            time.sleep(0.5)
    except (KeyboardInterrupt, Stop):
        print("\nstopping ...", file=sys.stderr, flush=True)
        return 0
    except (RuntimeError, subprocess.CalledProcessError):
        return 1
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # a second one leaves no child behind
            signal.signal(signum, signal.SIG_IGN)
        stop_all(services)
