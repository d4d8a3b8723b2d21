"""Flood benchmark (issue 15): other applicants' turn latency while one source floods.

Starts the assistant (tests/stack.py) with the default rate limits
(applicant_channels/rate_limit.py) and Sanic's 64 KiB body limit. Several applicants, each from its own loopback address, hold ordinary
conversations over the REST channel; their per-turn latency is measured in phases that
alternate, on the same machine in the same run:

    quiet   - only the applicants
    flood   - the same, while an attacker from other addresses sends 1 MB bodies in a
              loop and floods messages (one conversation, and a new conversation id per
              message) as fast as the server answers

The figure is p95(flood) / p95(quiet) of the applicants' turns; the target is at most
1.5. Phases alternate (quiet, flood, quiet, flood) so drift in the machine's load falls
on both. Writes benchmarks/results/flood.md and flood.json.

    .venv/bin/python -m benchmarks.flood_benchmark [--phase-seconds 40] [--applicants 6]
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Dict, List, Sequence

import requests

from applicant_channels import rate_limit, session_binding
from tests.stack import ROOT, start_assistant, stop_all

RESULTS = ROOT / "benchmarks" / "results"
TARGET_RATIO = 1.5
THINK_SECONDS = 3.0  # an applicant reads the answer and types the next message
# An ordinary conversation, in applicants' words (a case status lookup and small talk).
TURNS = (
    "hi",
    "what is the status of my case EAC2190012345",
    "thanks! what does that mean",
    "ok thank you bye",
)


def session_from(source: str) -> requests.Session:
    """HTTP from a given loopback address (the server sees it as the client address)."""
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=4)
    adapter.init_poolmanager(1, 4, source_address=(source, 0))
    session.mount("http://", adapter)
    return session


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, int(round(q / 100 * (len(ordered) - 1)))))
    return ordered[index]


def say(http: requests.Session, url: str, conversation: Dict[str, str], text: str, timeout: float) -> requests.Response:
    """One turn as a public REST client holds a conversation: the first message has no
    sender; the server's conversation id and token (session_binding) go with the rest."""
    body: Dict[str, str] = {"message": text}
    headers: Dict[str, str] = {}
    if conversation:
        body["sender"] = conversation["id"]
        headers[session_binding.TOKEN_HEADER] = conversation["token"]
    answer = http.post(url, json=body, headers=headers, timeout=timeout)
    if not conversation and session_binding.ID_HEADER in answer.headers:
        conversation.update(id=answer.headers[session_binding.ID_HEADER],
                            token=answer.headers[session_binding.TOKEN_HEADER])
    return answer


class Applicant(threading.Thread):
    """Holds conversations one turn after another, pausing like a person who reads and types."""

    def __init__(self, url: str, source: str, stop: threading.Event, record: List[tuple], phase: Dict[str, str]):
        super().__init__(daemon=True)
        self.url, self.stop, self.record, self.phase = url, stop, record, phase
        self.http = session_from(source)

    def run(self) -> None:
        while not self.stop.is_set():
            conversation: Dict[str, str] = {}  # a new one, given by the server on the first turn
            for text in TURNS:
                if self.stop.is_set():
                    return
                phase = self.phase["name"]
                started = time.perf_counter()
                try:
                    answer = say(self.http, self.url, conversation, text, 60)
                    ok = answer.status_code == 200
                except requests.RequestException:
                    ok = False
                elapsed = time.perf_counter() - started
                if phase == self.phase["name"]:  # a turn across a phase change counts for neither
                    self.record.append((phase, elapsed, ok))
                self.stop.wait(THINK_SECONDS)


class Attacker(threading.Thread):
    def __init__(self, url: str, source: str, stop: threading.Event, kind: str, counts: Dict[str, int]):
        super().__init__(daemon=True)
        self.url, self.stop, self.kind, self.counts = url, stop, kind, counts
        self.http = session_from(source)
        self.big = json.dumps({"sender": "attacker", "message": "x" * 1_000_000}).encode()

    def run(self) -> None:
        # One conversation the attacker started (and holds the token of), or a new one each time.
        fixed: Dict[str, str] = {}
        while not self.stop.is_set():
            try:
                if self.kind == "big":
                    answer = self.http.post(self.url, data=self.big, headers={"Content-Type": "application/json"},
                                            timeout=30)
                else:
                    conversation = fixed if self.kind == "one_conversation" else {}
                    answer = say(self.http, self.url, conversation, "status of my case?", 30)
                key = f"{self.kind}:{answer.status_code}"
            except requests.RequestException as exc:
                key = f"{self.kind}:{type(exc).__name__}"
            self.counts[key] = self.counts.get(key, 0) + 1


def run(phase_seconds: float, applicants: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="flood-"))
    assistant = start_assistant(
        work, work / "logs",
        extra_env={"APPLICANT_RATE_CONVERSATION": rate_limit.DEFAULT_CONVERSATION,
                   "APPLICANT_RATE_ADDRESS": rate_limit.DEFAULT_ADDRESS},
    )
    url = f"http://127.0.0.1:{assistant.rasa_port}/webhooks/rest/webhook"
    record: List[tuple] = []
    counts: Dict[str, int] = {}
    phase = {"name": "warmup"}
    stop = threading.Event()
    try:
        people = [Applicant(url, f"127.0.1.{i + 1}", stop, record, phase) for i in range(applicants)]
        for person in people:
            person.start()
        time.sleep(10)  # warm-up: the model's first turns, connection pools
        for name in ("quiet", "flood", "quiet", "flood"):
            phase["name"] = name
            attack_stop = threading.Event()
            attackers: List[Attacker] = []
            if name == "flood":
                attackers = [Attacker(url, "127.0.2.1", attack_stop, "big", counts),
                             Attacker(url, "127.0.2.2", attack_stop, "one_conversation", counts),
                             Attacker(url, "127.0.2.3", attack_stop, "new_conversations", counts),
                             Attacker(url, "127.0.2.3", attack_stop, "new_conversations", counts)]
                for attacker in attackers:
                    attacker.start()
            time.sleep(phase_seconds)
            attack_stop.set()
            for attacker in attackers:
                attacker.join(timeout=60)
            phase["name"] = "pause"
            time.sleep(3)
        stop.set()
        for person in people:
            person.join(timeout=60)
    finally:
        stop.set()
        stop_all(assistant.services)
    by_phase: Dict[str, dict] = {}
    for name in ("quiet", "flood"):
        turns = [elapsed for phase_name, elapsed, ok in record if phase_name == name and ok]
        failed = sum(1 for phase_name, _, ok in record if phase_name == name and not ok)
        by_phase[name] = {
            "turns": len(turns), "failed": failed,
            "p50_ms": round(statistics.median(turns) * 1000, 1) if turns else None,
            "p95_ms": round(percentile(turns, 95) * 1000, 1) if turns else None,
        }
    ratio = (by_phase["flood"]["p95_ms"] / by_phase["quiet"]["p95_ms"]
             if by_phase["quiet"]["p95_ms"] and by_phase["flood"]["p95_ms"] else None)
    return {
        "phase_seconds": phase_seconds, "applicants": applicants, "phases": by_phase,
        "attack_requests": dict(sorted(counts.items())),
        "p95_ratio": round(ratio, 3) if ratio else None, "target_ratio": TARGET_RATIO,
        "target_met": bool(ratio and ratio <= TARGET_RATIO and by_phase["flood"]["failed"] == 0),
    }


def render(report: dict) -> str:
    quiet, flood = report["phases"]["quiet"], report["phases"]["flood"]
    lines = [
        "# Flood benchmark (issue 15)",
        "",
        f"{report['applicants']} applicants, each from its own loopback address, hold ordinary REST conversations "
        f"({len(TURNS)} turns, {THINK_SECONDS:.0f} s to read each answer and type the next); phases of {report['phase_seconds']:.0f} s "
        "alternate quiet, flood, quiet, flood. During a flood, one address sends 1 MB bodies in a loop, one floods "
        "a single conversation and one floods new conversation ids, each as fast as the server answers. "
        f"Default limits: 64 KiB bodies, {rate_limit.DEFAULT_CONVERSATION} per conversation and "
        f"{rate_limit.DEFAULT_ADDRESS} per address (a burst of N, refilled at N per S seconds).",
        "",
        "| phase | turns | failed | p50 (ms) | p95 (ms) |",
        "|---|---|---|---|---|",
        f"| quiet | {quiet['turns']} | {quiet['failed']} | {quiet['p50_ms']} | {quiet['p95_ms']} |",
        f"| flood | {flood['turns']} | {flood['failed']} | {flood['p50_ms']} | {flood['p95_ms']} |",
        "",
        f"**p95 ratio (flood / quiet): {report['p95_ratio']}** (target at most {report['target_ratio']}; "
        f"{'met' if report['target_met'] else 'NOT met'}).",
        "",
        "Attack requests by answer: " + ", ".join(f"{k} {v}" for k, v in report["attack_requests"].items()) + ".",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phase-seconds", type=float, default=40)
    parser.add_argument("--applicants", type=int, default=10)
    args = parser.parse_args(list(argv) or None)
    report = run(args.phase_seconds, args.applicants)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "flood.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "flood.md").write_text(render(report), encoding="utf-8")
    print(render(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
