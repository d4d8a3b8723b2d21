"""The two bots the latency benchmark measures, each started by the launcher.

- ours: this assistant's whole stack (launcher/scratch.py, as the tests start it): the
  local Case Status service, the action server and Rasa, SQLite tracker store and the
  contact center's SQLite store, the clock fixed in live-chat hours;
- baseline: the bot `rasa init --no-prompt` creates (moodbot, default config), trained
  once and cached per Rasa version, served by `rasa run --enable-api` with a SQLite
  tracker store; no custom actions.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

import requests
import yaml

from applicant_channels import session_binding
from benchmarks.latency.load import BASELINE_CYCLE, OURS_CYCLE, TIMEOUT, Turn
from launcher import scratch
from launcher.processes import Service, free_port, start_process, stop_all, wait_until_up
from launcher.services import BIN

CLOCK = "2026-11-24T10:00:00-05:00"  # a Tuesday morning, as the conversation tests use
NO_QUOTA = "ours, no spike arrest"  # the third stack, at the top concurrency only


@dataclass
class Bot:
    """A running bot: where to post turns, its conversation, and how to stop it."""

    name: str
    url: str
    cycle: Tuple[Turn, ...]
    services: List[Service]
    token: str = ""
    stats: Optional[Callable[[], Dict[str, int]]] = None
    actions_url: str = ""  # the action server's webhook, when the bot has one
    action_token: str = ""  # and the shared secret it asks for (X-Action-Token)
    case_status_url: str = ""  # the local Case Status service (admin endpoints on), when the bot has one
    session_key: str = ""  # ours: the REST conversation tokens' key (applicant_channels/session_binding.py)

    def headers(self, sender: str) -> Dict[str, str]:
        return session_binding.headers_for(sender, self.session_key) if self.session_key else {}

    @property
    def params(self) -> Dict[str, str]:
        return {"token": self.token} if self.token else {}

    def tracker(self, sender: str, session: requests.Session) -> requests.Response:
        r = session.get(f"{self.url}/conversations/{sender}/tracker", params=self.params, timeout=TIMEOUT)
        r.raise_for_status()
        return r

    def tracker_size(self, sender: str) -> Dict[str, float]:
        """Events in a conversation's tracker and the size of its JSON (sent to actions)."""
        with requests.Session() as session:
            r = self.tracker(sender, session)
        return {"events": len(r.json().get("events") or []), "json_kb": len(r.content) / 1024}


def start_ours(work: Path, logs: Path, case_status_rate: int, name: str = "ours") -> Bot:
    """This assistant's whole stack (launcher/scratch.py), clock fixed in live-chat hours.

    `case_status_rate` 0: the local Case Status service has no spike arrest and the client is not paced.
    """
    a = scratch.start_assistant(work, logs, clock=CLOCK, case_status_admin=True, case_status_rate=case_status_rate)
    endpoints = yaml.safe_load((work / "endpoints.yml").read_text(encoding="utf-8"))

    def service_stats() -> Dict[str, int]:
        r = requests.get(f"{a.case_status_url}/_admin/stats", timeout=TIMEOUT)
        r.raise_for_status()
        return dict(r.json()["stats"])

    return Bot(name, a.rasa_url, OURS_CYCLE, a.services, token=a.token, stats=service_stats,
               actions_url=endpoints["action_endpoint"]["url"], case_status_url=a.case_status_url,
               session_key=a.session_key, action_token=a.action_token)


def baseline_model(cache: Path, log: Path) -> Tuple[Path, Dict]:
    """The model `rasa init --no-prompt` trains (default config), cached per Rasa version."""
    import rasa

    project = cache / f"rasa-init-{rasa.__version__}"
    meta_path = project / "bench-meta.json"
    models = sorted((project / "models").glob("*.tar.gz"))
    if meta_path.exists() and models:
        meta = json.loads(meta_path.read_text())
        return models[-1], {**meta, "trained_this_run": False}
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    print(f"training the `rasa init` baseline in {project} (log: {log}) ...", flush=True)
    start = time.perf_counter()
    with open(log, "wb") as handle:
        subprocess.run(
            [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)],
            cwd=project, env=bot_env(), stdout=handle, stderr=subprocess.STDOUT, timeout=3600, check=True,
        )
    models = sorted((project / "models").glob("*.tar.gz"))
    if not models:
        raise RuntimeError(f"`rasa init` trained no model: see {log}")
    meta = {"rasa_version": rasa.__version__, "train_seconds": time.perf_counter() - start,
            "trained_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    meta_path.write_text(json.dumps(meta, indent=2))
    return models[-1], {**meta, "trained_this_run": True}


def bot_env() -> Dict[str, str]:
    return dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2",
                SQLALCHEMY_SILENCE_UBER_WARNING="1")


def start_baseline(model: Path, work: Path, logs: Path) -> Bot:
    """`rasa run --enable-api` on the baseline model, SQLite tracker store, REST channel."""
    work.mkdir(parents=True, exist_ok=True)
    logs.mkdir(parents=True, exist_ok=True)
    endpoints = work / "endpoints.yml"
    endpoints.write_text(
        f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{work / "tracker.db"}"\n', encoding="utf-8"
    )
    credentials = work / "credentials.yml"
    credentials.write_text("rest:\n", encoding="utf-8")
    port = free_port()
    service = start_process(
        "baseline_rasa",
        [str(BIN / "rasa"), "run", "--model", str(model), "--enable-api", "--port", str(port),
         "--credentials", str(credentials), "--endpoints", str(endpoints)],
        bot_env(), logs,
    )
    url = f"http://localhost:{port}"
    try:
        wait_until_up(f"{url}/status", service, 420)
    except Exception:
        stop_all([service])
        raise
    return Bot("baseline", url, BASELINE_CYCLE, [service])
