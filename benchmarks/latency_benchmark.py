"""Latency benchmark: this assistant against the bot `rasa init` creates, over REST.

Both bots run here, in the same run, on the same machine, each as a `rasa run`
server with a SQLite tracker store. Ours is the whole stack (tests/stack.py): the
local Case Status service, the action server and the contact center's SQLite
store, so a case-status turn does a real lookup and writes a decision row. The
baseline is the `rasa init` moodbot with its default config (trained once and
cached under var/bench/, keyed by Rasa's version); it has no custom actions.

Measured, each turn being one POST to /webhooks/rest/webhook timed by the client:

- turn latency (p50, p95, p99) and throughput at 1 and at 20 concurrent
  conversations (threads; each conversation a new sender id, each thread running
  conversations in a loop);
- the latency of turn 5 against turn 50 of one long conversation (one sender id,
  the conversation's cycle of five turns repeated, so turns 5 and 50 are the same
  kind of turn), repeated several times and taken as medians.

Phases are interleaved (ours, baseline; then baseline, ours in the next round) so
that a noisy machine affects both alike. Writes benchmarks/results/latency.{md,json}.

    python -m benchmarks.latency_benchmark [--quick] [--rounds 2] [--concurrency 1,20]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import requests
import yaml

from applicant_channels import session_binding
from contact_center.case_status.pacing import MARGIN
from tests import stack

ROOT = stack.ROOT
RESULTS = ROOT / "benchmarks" / "results"
CACHE = ROOT / "var" / "bench"
CLOCK = "2026-11-24T10:00:00-05:00"  # a Tuesday morning, as the conversation tests use
TIMEOUT = (3.05, 60.0)  # (connect, read) seconds for every benchmark request
P95_TARGET_RATIO = 1.0  # at 20 concurrent conversations: our p95 <= the baseline's
GROWTH_TARGET = 1.2  # turn 50 within 1.2 times turn 5
NO_QUOTA = "ours, no spike arrest"  # the third stack, at the top concurrency only
TURN_EARLY, TURN_LATE = 5, 50
MACHINE = "machine (all processes)"


@dataclass(frozen=True)
class Turn:
    """One applicant message and a piece of text one of the replies should contain."""

    text: str
    expect: str
    kind: str


# Five turns, so that turns 5 and 50 of a long conversation are the same kind of turn.
OURS_CYCLE: Tuple[Turn, ...] = (
    Turn("hello", "virtual assistant", "greeting"),
    # A new conversation: the form asks for the number. Later in one conversation the
    # kept receipt number is looked up again at once.
    Turn("what is the status of my case", "", "case-status request"),
    Turn("EAC1234567890", "Case EAC1234567890:", "receipt number: lookup + decision row"),
    Turn("thank you", "welcome", "thanks"),
    Turn("status of my case WAC3333333333 please", "Case WAC3333333333:", "number in message: lookup + decision row"),
)
BASELINE_CYCLE: Tuple[Turn, ...] = (
    Turn("hello", "Hey", "greeting"),
    Turn("I am sad", "Did that help", "mood_unhappy"),
    Turn("yes", "Great, carry on", "affirm"),
    Turn("are you a bot?", "I am a bot", "bot_challenge"),
    Turn("I am great", "Great, carry on", "mood_great"),
)


@dataclass
class Bot:
    """A running bot: where to post turns, its conversation, and how to stop it."""

    name: str
    url: str
    cycle: Tuple[Turn, ...]
    services: List[stack.Service]
    token: str = ""
    stats: Optional[Callable[[], Dict[str, int]]] = None
    actions_url: str = ""  # the action server's webhook, when the bot has one
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


@dataclass
class Sample:
    """One timed turn."""

    index: int  # turn number in its conversation, from 1
    latency: float  # seconds
    ok: bool  # HTTP 200
    as_expected: bool
    end: float = 0.0  # time.perf_counter() when the reply was in
    measured: bool = True  # False during a ramp-up conversation


@dataclass
class PhaseRun:
    """The samples of one phase of one bot in one round, and its wall time."""

    samples: List[Sample] = field(default_factory=list)
    wall_seconds: float = 0.0
    service_stats: Dict[str, int] = field(default_factory=dict)
    # Turns completed while every thread was past its ramp-up and not yet done, and how long that was.
    steady_turns: int = 0
    steady_seconds: float = 0.0
    cpu_seconds: Dict[str, float] = field(default_factory=dict)  # per process, over the whole phase


def cpu_seconds(bot: Bot) -> Dict[str, float]:
    """CPU time (user + system) used so far by each of the bot's processes and by this client."""
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for service in bot.services:
        try:
            fields = Path(f"/proc/{service.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            out[service.name] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    t = os.times()
    out["client (this script)"] = t.user + t.system
    try:  # every process on the machine: what is left over is other people's load
        jiffies = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        out[MACHINE] = (sum(jiffies) - jiffies[3] - jiffies[4]) / tick  # all but idle and iowait
    except (OSError, IndexError, ValueError):
        pass
    return out


def cpu_delta(before: Dict[str, float], after: Dict[str, float]) -> Dict[str, float]:
    return {k: after[k] - before.get(k, 0.0) for k in after}


# ------------------------------------------------------------------ driving conversations


def post_turn(session: requests.Session, bot: Bot, sender: str, turn: Turn, index: int) -> Sample:
    """Send one message; time it from request to the last byte of the reply."""
    start = time.perf_counter()
    try:
        r = session.post(
            f"{bot.url}/webhooks/rest/webhook", json={"sender": sender, "message": turn.text},
            headers=bot.headers(sender), timeout=TIMEOUT,
        )
        latency = time.perf_counter() - start
        texts = [m.get("text") or "" for m in r.json()] if r.ok else []
    except (requests.RequestException, ValueError):
        end = time.perf_counter()
        return Sample(index, end - start, False, False, end)
    expected = bool(texts) and (not turn.expect or any(turn.expect in t for t in texts))
    return Sample(index, latency, r.ok, expected, start + latency)


def converse(bot: Bot, sender: str, turns: int, session: Optional[requests.Session] = None) -> List[Sample]:
    """One conversation of `turns` turns, the bot's cycle repeated, in one sender id."""
    own = session is None
    session = session or requests.Session()
    try:
        return [post_turn(session, bot, sender, bot.cycle[i % len(bot.cycle)], i + 1) for i in range(turns)]
    finally:
        if own:
            session.close()


def new_sender(tag: str) -> str:
    return f"bench-{tag}-{uuid.uuid4().hex[:10]}"


def run_concurrent(
    bot: Bot, threads: int, conversations_per_thread: int, tag: str, ramp: int = 0, stagger: float = 0.0
) -> PhaseRun:
    """`threads` conversations at a time, each thread running conversations in a loop.

    Thread k starts `k * stagger` seconds after the first and runs `ramp` conversations
    that are not counted, so that the figures are those of a steady load of `threads`
    conversations rather than of `threads` conversations all opening at the same instant.
    """
    results: List[List[Sample]] = [[] for _ in range(threads)]
    ramped = [0.0] * threads
    done = [0.0] * threads
    barrier = threading.Barrier(threads + 1)

    def worker(k: int) -> None:
        with requests.Session() as session:
            barrier.wait()
            time.sleep(k * stagger)
            for c in range(ramp + conversations_per_thread):
                if c == ramp:
                    ramped[k] = time.perf_counter()
                samples = converse(bot, new_sender(f"{tag}-{k}"), len(bot.cycle), session)
                for sample in samples:
                    sample.measured = c >= ramp
                results[k] += samples
            done[k] = time.perf_counter()

    workers = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(threads)]
    for w in workers:
        w.start()
    before = bot.stats() if bot.stats else {}
    cpu_before = cpu_seconds(bot)
    barrier.wait()
    start = time.perf_counter()
    for w in workers:
        w.join()
    wall = time.perf_counter() - start
    run = PhaseRun([s for r in results for s in r], wall, stats_delta(bot, before))
    run.cpu_seconds = cpu_delta(cpu_before, cpu_seconds(bot))
    lo, hi = max(ramped), min(done)
    if hi <= lo:  # too short to overlap: every measured turn over the time after the last ramp-up
        lo, hi = max(ramped), max(done)
    run.steady_turns = sum(s.ok and s.measured and lo <= s.end <= hi for s in run.samples)
    run.steady_seconds = hi - lo
    return run


def run_long(bot: Bot, turns: int, repeats: int, tag: str) -> Tuple[PhaseRun, Dict[str, float]]:
    """`repeats` long conversations, one after the other; the last one's tracker size."""
    before = bot.stats() if bot.stats else {}
    run = PhaseRun()
    start = time.perf_counter()
    sender = ""
    for _ in range(repeats):
        sender = new_sender(tag)
        run.samples += converse(bot, sender, turns)
    run.wall_seconds = time.perf_counter() - start
    run.service_stats = stats_delta(bot, before)
    return run, bot.tracker_size(sender)


def stats_delta(bot: Bot, before: Dict[str, int]) -> Dict[str, int]:
    if not bot.stats:
        return {}
    after = bot.stats()
    return {k: after.get(k, 0) - before.get(k, 0) for k in after}


def median_ms(call: Callable[[], object], repeats: int) -> float:
    """Median wall time of `repeats` calls, in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def probe(bot: Bot, sender: str, session: requests.Session, repeats: int = 5) -> Dict[str, float]:
    """Where a turn's time goes at this point of the conversation, piece by piece.

    `GET /tracker`: the tracker store loads the conversation and Rasa serialises it.
    `POST /predict`: the same load, then one next-action prediction through every policy
    (nothing is saved). The action server (ours): `validate_case_status_form` sent
    the whole tracker, as Rasa sends it with every custom action; it reads only the
    latest message, so its time is the cost of the payload.
    """
    tracker = bot.tracker(sender, session)
    events = tracker.json()["events"]
    out = {"events": len(events), "actions": sum(e.get("event") == "action" for e in events),
           "tracker_kb": len(tracker.content) / 1024}
    out["get_tracker_ms"] = median_ms(lambda: bot.tracker(sender, session), repeats)
    out["predict_ms"] = median_ms(
        lambda: session.post(f"{bot.url}/conversations/{sender}/predict", params=bot.params, timeout=TIMEOUT)
        .raise_for_status(), repeats,
    )
    if bot.actions_url:
        domain = session.get(f"{bot.url}/domain", params=bot.params, headers={"Accept": "application/json"},
                             timeout=TIMEOUT).json()
        body = json.dumps({"next_action": "validate_case_status_form", "sender_id": sender,
                           "tracker": tracker.json(), "domain": domain, "version": machine_info()["rasa"]})
        out["action_server_ms"] = median_ms(
            lambda: session.post(bot.actions_url, data=body, headers={"Content-Type": "application/json"},
                                 timeout=TIMEOUT).raise_for_status(), repeats,
        )
    return out


def diagnose(bot: Bot, turns: int) -> Dict[str, Dict[str, float]]:
    """One more long conversation, probed after turns 5 and 50 (not counted in the latencies)."""
    sender = new_sender("probe")
    out: Dict[str, Dict[str, float]] = {}
    with requests.Session() as session:
        for i in range(turns):
            post_turn(session, bot, sender, bot.cycle[i % len(bot.cycle)], i + 1)
            if i + 1 in (TURN_EARLY, TURN_LATE):
                out[str(i + 1)] = probe(bot, sender, session)
    return out


SLOW_LOOKUP_SECONDS = 3


def set_case_status_mode(bot: Bot, mode: Dict) -> None:
    r = requests.post(f"{bot.case_status_url}/_admin/mode", json=mode, timeout=TIMEOUT)
    r.raise_for_status()


def head_of_line(bot: Bot) -> Dict[str, float]:
    """Does one slow lookup hold up the other conversations? (ours only)

    The next lookup is made to take SLOW_LOOKUP_SECONDS (the local service's slow
    mode, once). Conversation A asks for it; 0.5 s later conversation B asks for
    another case (answered at once by the service) and C says hello (no custom
    action). B alone is measured first. A 429's Retry-After wait is the same kind
    of wait, one second long.
    """
    lookup, greeting = bot.cycle[TURN_EARLY - 1], bot.cycle[0]
    with requests.Session() as session:
        alone = [post_turn(session, bot, new_sender("hol-alone"), lookup, 1).latency for _ in range(3)]
    time.sleep(1.1)  # an empty rate-limit window
    results: Dict[str, float] = {}

    def timed(name: str, turn: Turn) -> None:
        with requests.Session() as session:
            results[name] = post_turn(session, bot, new_sender(f"hol-{name}"), turn, 1).latency

    set_case_status_mode(bot, {"mode": "slow", "slow_seconds": SLOW_LOOKUP_SECONDS, "times": 1})
    try:
        first = threading.Thread(target=timed, args=("a_slow_lookup", lookup))
        first.start()
        time.sleep(0.5)
        others = [threading.Thread(target=timed, args=("b_other_lookup", lookup)),
                  threading.Thread(target=timed, args=("c_greeting", greeting))]
        for t in others:
            t.start()
        for t in [first] + others:
            t.join()
    finally:
        set_case_status_mode(bot, {"mode": "ok"})
    return {"b_alone_ms": 1000 * statistics.median(alone), **{f"{k}_ms": 1000 * v for k, v in results.items()}}


def warm_up(bot: Bot, conversations: int) -> None:
    """Conversations whose figures are thrown away: first-use costs (imports, caches, tokens)."""
    for _ in range(conversations):
        converse(bot, new_sender("warmup"), len(bot.cycle))


# ------------------------------------------------------------------ the two bots


def start_ours(work: Path, logs: Path, case_status_rate: int, name: str = "ours") -> Bot:
    """This assistant's whole stack (tests/stack.py), clock fixed in live-chat hours.

    `case_status_rate` 0: the local Case Status service has no spike arrest and the client is not paced.
    """
    a = stack.start_assistant(work, logs, clock=CLOCK, case_status_admin=True, case_status_rate=case_status_rate)
    endpoints = yaml.safe_load((work / "endpoints.yml").read_text(encoding="utf-8"))

    def service_stats() -> Dict[str, int]:
        r = requests.get(f"{a.case_status_url}/_admin/stats", timeout=TIMEOUT)
        r.raise_for_status()
        return dict(r.json()["stats"])

    return Bot(name, a.rasa_url, OURS_CYCLE, a.services, token=a.token, stats=service_stats,
               actions_url=endpoints["action_endpoint"]["url"], case_status_url=a.case_status_url,
               session_key=a.session_key)


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
            [str(stack.BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)],
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
    port = stack.free_port()
    service = stack.start_process(
        "baseline_rasa",
        [str(stack.BIN / "rasa"), "run", "--model", str(model), "--enable-api", "--port", str(port),
         "--credentials", str(credentials), "--endpoints", str(endpoints)],
        bot_env(), logs,
    )
    url = f"http://localhost:{port}"
    try:
        stack.wait_until_up(f"{url}/status", service, 420)
    except Exception:
        stack.stop_all([service])
        raise
    return Bot("baseline", url, BASELINE_CYCLE, [service])


# ------------------------------------------------------------------ figures


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolation percentile (numpy's default), of seconds, in milliseconds."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return 1000 * (ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo))


def summarise(runs: List[PhaseRun]) -> Dict:
    """Latency percentiles and throughput over the rounds of one phase of one bot."""
    everything = [s for r in runs for s in r.samples]
    samples = [s for s in everything if s.measured]
    good = [s.latency for s in samples if s.ok]
    wall = sum(r.wall_seconds for r in runs)
    steady_seconds = sum(r.steady_seconds for r in runs)
    stats: Dict[str, int] = {}
    cpu: Dict[str, float] = {}
    for r in runs:
        for k, v in r.service_stats.items():
            stats[k] = stats.get(k, 0) + v
        for k, v in r.cpu_seconds.items():
            cpu[k] = cpu.get(k, 0.0) + v
    return {
        "turns": len(samples), "errors": sum(not s.ok for s in samples),
        "unexpected_replies": sum(s.ok and not s.as_expected for s in samples),
        "p50_ms": percentile(good, 50), "p95_ms": percentile(good, 95), "p99_ms": percentile(good, 99),
        "mean_ms": 1000 * statistics.fmean(good) if good else float("nan"),
        "throughput_turns_per_s": sum(r.steady_turns for r in runs) / steady_seconds if steady_seconds else float("nan"),
        "steady_seconds": steady_seconds, "wall_seconds": wall, "case_status_service": stats,
        "ramp_turns": len(everything) - len(samples),
        "cpu_ms_per_turn": {k: 1000 * v / len(everything) for k, v in cpu.items() if k != MACHINE}
        if everything else {},
        "other_load_cores": (cpu[MACHINE] - sum(v for k, v in cpu.items() if k != MACHINE)) / wall
        if MACHINE in cpu and wall else float("nan"),
        "p95_ms_with_ramp": percentile([s.latency for s in everything if s.ok], 95),
        "latencies_ms": [round(1000 * s.latency, 1) for s in samples],
        "ramp_latencies_ms": [round(1000 * s.latency, 1) for s in everything if not s.measured],
    }


def by_position(runs: List[PhaseRun], cycle: Tuple[Turn, ...]) -> List[Dict]:
    """p50 and p95 of each turn of the cycle (counted turns only)."""
    rows = []
    for p, turn in enumerate(cycle):
        lat = [s.latency for r in runs for s in r.samples
               if s.ok and s.measured and (s.index - 1) % len(cycle) == p]
        rows.append({"turn": p + 1, "text": turn.text, "kind": turn.kind,
                     "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95)})
    return rows


def long_figures(runs: List[PhaseRun], turns: int, cycle_len: int) -> Dict:
    """Turn 5 against turn 50 (medians over the long conversations), and the trend per cycle."""
    per_conv: List[List[Sample]] = []
    for r in runs:
        per_conv += [r.samples[i:i + turns] for i in range(0, len(r.samples), turns)]

    def median_at(index: int) -> float:
        return percentile([c[index - 1].latency for c in per_conv if len(c) >= index and c[index - 1].ok], 50)

    early, late = median_at(TURN_EARLY), median_at(TURN_LATE)
    cycles = []
    for k in range(turns // cycle_len):
        means = [statistics.fmean(s.latency for s in c[k * cycle_len:(k + 1) * cycle_len]) for c in per_conv]
        cycles.append(percentile(means, 50))
    return {
        "conversations": len(per_conv), "turns_per_conversation": turns,
        f"turn{TURN_EARLY}_ms": early, f"turn{TURN_LATE}_ms": late, "ratio": late / early,
        "per_turn_median_ms": [median_at(i) for i in range(1, turns + 1)],
        "per_cycle_mean_ms": cycles,
        "errors": sum(not s.ok for c in per_conv for s in c),
        "unexpected_replies": sum(s.ok and not s.as_expected for c in per_conv for s in c),
    }


def model_info(path: Path) -> Dict[str, str]:
    """Which trained model was measured: its file, size, time and a short hash."""
    import hashlib

    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    stat = path.stat()
    return {"path": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path), "sha256_12": digest,
            "size_mb": f"{stat.st_size / 1e6:.1f}",
            "modified": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(stat.st_mtime))}


def machine_info() -> Dict:
    model = ""
    try:
        model = next(
            (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
             if line.startswith("model name")), "",
        )
    except OSError:
        pass
    import rasa

    return {
        "platform": platform.platform(), "cpu": model, "cores": os.cpu_count(),
        "python": platform.python_version(), "rasa": rasa.__version__,
        "load_average_at_start": os.getloadavg(),
    }


# ------------------------------------------------------------------ report


def targets(result: Dict) -> List[Dict]:
    """The issue's two targets, each with its figures and whether it is met."""
    top = str(max(result["settings"]["concurrency"]))
    ours, base = result["concurrency"][top]["ours"], result["concurrency"][top]["baseline"]
    growth = result["long"]["ours"]["ratio"]
    rate = result["settings"].get("case_status_rate", 5)
    rows = [
        {"target": f"p95 at {top} concurrent conversations no worse than the baseline's "
                   f"(Case Status API's spike arrest: {rate} per second)",
         "ours": ours["p95_ms"], "baseline": base["p95_ms"], "unit": "ms",
         "met": ours["p95_ms"] <= P95_TARGET_RATIO * base["p95_ms"]},
        {"target": f"turn {TURN_LATE} within {GROWTH_TARGET} times turn {TURN_EARLY} (one long conversation)",
         "ours": growth, "baseline": result["long"]["baseline"]["ratio"], "unit": "ratio",
         "met": growth <= GROWTH_TARGET},
    ]
    free = (result.get("no_quota") or {}).get(top)
    if free:
        rows.insert(1, {
            "target": f"p95 at {top} concurrent conversations no worse than the baseline's "
                      "(Case Status service without a spike arrest)",
            "ours": free["p95_ms"], "baseline": base["p95_ms"], "unit": "ms",
            "met": free["p95_ms"] <= P95_TARGET_RATIO * base["p95_ms"]})
    return rows


def fmt(v: float, unit: str = "ms") -> str:
    return f"{v:.2f}" if unit == "ratio" else f"{v:.0f}" if v >= 100 else f"{v:.1f}"


def cpu_section(result: Dict) -> List[str]:
    """CPU time per turn, by process: what a turn costs the machine, whatever the load."""
    lines = ["", "CPU time per turn (user + system, ms, every turn of the phase including ramp-up), by process:", "",
             "| concurrent | bot | process | CPU ms per turn |", "|---|---|---|---|"]
    for c, pair in result["concurrency"].items():
        for bot, v in pair.items():
            per = v.get("cpu_ms_per_turn") or {}
            for name, ms in per.items():
                lines.append(f"| {c} | {bot} | {name} | {fmt(ms)} |")
            servers = sum(ms for name, ms in per.items() if not name.startswith("client"))
            lines.append(f"| {c} | {bot} | **all server processes** | **{fmt(servers)}** |")
    lines += ["", "Other processes on the machine (not this benchmark's) used on average, in cores: " + ", ".join(
        f"{bot} at {c} concurrent {v['other_load_cores']:.2f}"
        for c, pair in result["concurrency"].items() for bot, v in pair.items()) + "."]
    return lines


def head_of_line_section(result: Dict) -> List[str]:
    """What one slow lookup does to the other conversations (ours)."""
    hol = (result.get("head_of_line") or {}).get("ours")
    if not hol:
        return []
    return [
        "", "## One slow lookup and the other conversations (ours)", "",
        f"The local Case Status service made to answer one lookup in {SLOW_LOOKUP_SECONDS} s. Conversation A "
        "asks for that case; 0.5 s later conversation B asks for another case (answered at once) and C says "
        "hello (no custom action). ms:", "",
        "| B's lookup alone | A (slow lookup) | B (lookup, meanwhile) | C (greeting, meanwhile) |",
        "|---|---|---|---|",
        f"| {fmt(hol['b_alone_ms'])} | {fmt(hol['a_slow_lookup_ms'])} | {fmt(hol['b_other_lookup_ms'])} | "
        f"{fmt(hol['c_greeting_ms'])} |",
    ] + (["", "B waited for A: the action server ran one action at a time. rasa-sdk calls an action's "
           "synchronous `run` on its event loop, so a lookup's network wait, and a 429's `Retry-After` sleep "
           "(1 s from the local service), hold up every conversation's custom actions."]
         if hol["b_other_lookup_ms"] - hol["b_alone_ms"] > 500 * SLOW_LOOKUP_SECONDS
         else ["", "B did not wait for A's slow lookup."])


def probe_section(result: Dict) -> List[str]:
    """The long conversation's cost, piece by piece, at turns 5 and 50."""
    probes = result.get("probes") or {}
    if not probes:
        return []
    lines = [
        "", "## Where the time goes as the conversation grows", "",
        f"One more long conversation per bot (not counted above), probed after turns {TURN_EARLY} and "
        f"{TURN_LATE}; medians of 5 calls, ms. `GET tracker`: the tracker store loads the conversation "
        "and Rasa serialises it. `POST predict`: the same load, then one next-action prediction through "
        "every policy, nothing saved. `action server`: `validate_case_status_form` posted the whole "
        "tracker and the domain, as Rasa posts them with every custom action (ours only).", "",
        "| bot | after turn | tracker events | events per turn | tracker JSON, KB | GET tracker | POST predict "
        "| action server |", "|---|---|---|---|---|---|---|---|",
    ]
    for bot, at in probes.items():
        for turn, v in at.items():
            action = fmt(v["action_server_ms"]) if "action_server_ms" in v else "-"
            lines.append(
                f"| {bot} | {turn} | {v['events']} | {v['events'] / int(turn):.1f} | {v['tracker_kb']:.0f} | "
                f"{fmt(v['get_tracker_ms'])} | {fmt(v['predict_ms'])} | {action} |"
            )
    lines += [
        "", "Rasa 3.6 loads every event of the session from the tracker store for each message and "
        "replays them into a tracker; for each prediction, each policy then rebuilds the dialogue state "
        "after every earlier event (`Domain.states_for_tracker_history`) before keeping the last "
        "`max_history` states. Each action a turn runs is one prediction, so a turn's cost grows with "
        "(events so far) x (actions in the turn).",
    ]
    late = {bot: at.get(str(TURN_LATE)) for bot, at in probes.items()}
    if all(late.values()):
        lines += ["", "Per turn, over the first " + str(TURN_LATE) + " turns: " + "; ".join(
            f"{bot} saves {v['events'] / TURN_LATE:.1f} events and runs {v['actions'] / TURN_LATE:.1f} actions "
            "(predictions)" for bot, v in late.items()) + "."]
    return lines


def _latency_row(concurrent: int, bot: str, v: Dict) -> str:
    return (f"| {concurrent} | {bot} | {v['turns']} | {fmt(v['p50_ms'])} | {fmt(v['p95_ms'])} | {fmt(v['p99_ms'])} | "
            f"{fmt(v['mean_ms'])} | {v['throughput_turns_per_s']:.1f} | {fmt(v['p95_ms_with_ramp'])} | "
            f"{v['errors']} | {v['unexpected_replies']} |")


def markdown(result: Dict) -> str:
    s, m = result["settings"], result["machine"]
    lines = [
        "# Latency benchmark", "",
        f"Run {result['when']} on {m['cpu'] or m['platform']} ({m['cores']} cores, Python {m['python']}, "
        f"Rasa {m['rasa']}); load average at start {', '.join(f'{x:.2f}' for x in m['load_average_at_start'])}, "
        f"at end {', '.join(f'{x:.2f}' for x in m.get('load_average_at_end', []))}. "
        f"Written by `make bench-latency` (benchmarks/latency_benchmark.py){' in quick mode' if s['quick'] else ''}. "
        "Each turn is one POST to the REST channel (`/webhooks/rest/webhook`), timed by the client "
        "from request to the end of the reply.", "",
        "- **ours**: this assistant's whole stack as tests/stack.py starts it: `rasa run` with "
        f"the trained model (`{result['model']['path']}`, sha256 {result['model']['sha256_12']}..., "
        f"{result['model']['modified']}), the action server, the local Case Status service, SQLite tracker store "
        "and the contact center's SQLite store. Its turns include real case lookups, each writing a "
        f"decision row. The Case Status service allows {s.get('case_status_rate', 5)} requests per second, "
        "and the client is paced to match (`CASE_STATUS_REQUESTS_PER_SECOND`): "
        + ("the production API's spike arrest (the sandbox allows 5)." if s.get("case_status_rate", 5) == 10
           else "the sandbox's spike arrest (production allows 10)." if s.get("case_status_rate", 5) == 5
           else "set for this run (sandbox 5, production 10)."),
        *([f"- **{NO_QUOTA}**: the same stack with the local Case Status service's spike arrest off and the "
        "client unpaced (`CASE_STATUS_REQUESTS_PER_SECOND=0`), run only at the most concurrent conversations. "
        "Every lookup is still a real HTTP lookup with its token, its answer and its decision row; what is "
        "left out is the API's admission limit, so that this row measures the assistant rather than the "
        "API's quota (see Notes)."] if s.get("no_quota_run") else []),
        "- **baseline**: the bot `rasa init --no-prompt` creates (moodbot, default config), served "
        "by `rasa run --enable-api` with a SQLite tracker store; no custom actions, so no action server. "
        + ("Trained in this run" if result["baseline_model"]["trained_this_run"] else
           f"Model cached from an earlier run ({result['baseline_model']['trained_at']})")
        + f", training took {result['baseline_model']['train_seconds']:.0f} s.",
        "",
        f"Both bots were running throughout; phases alternate between them ({s['rounds']} round(s), "
        "the order reversed each round), after a warm-up of "
        f"{s['warmup_conversations']} conversations each.", "",
        "## Targets", "", "| target | ours | baseline | met |", "|---|---|---|---|",
    ]
    for t in result["targets"]:
        unit = " ms" if t["unit"] == "ms" else ""
        lines.append(f"| {t['target']} | {fmt(t['ours'], t['unit'])}{unit} | {fmt(t['baseline'], t['unit'])}{unit} "
                     f"| {'yes' if t['met'] else 'NO'} |")
    lines += [
        "", "## Turn latency and throughput", "",
        f"Each conversation is a new sender id and one cycle of {len(OURS_CYCLE)} turns; each thread runs "
        f"conversations in a loop ({s['conversations_single']} per round at 1 concurrent, "
        f"{s['conversations_per_thread']} per thread per round above). Above 1, the threads start "
        f"{s['stagger_seconds']} s apart and each first runs {s['ramp_conversations']} ramp-up conversation that "
        "is not counted: the figures are those of a steady load, not of every conversation opening at the "
        "same instant (the p95 with the ramp-up turns is given too). Latencies in ms; throughput in turns "
        "completed per second while every thread was in its counted conversations; the ratio is ours over "
        "the baseline's.", "",
        "| concurrent | bot | turns | p50 | p95 | p99 | mean | turns/s | p95 with ramp-up | errors "
        "| unexpected replies |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in s["concurrency"]:
        for bot in ("ours", "baseline"):
            lines.append(_latency_row(c, bot, result["concurrency"][str(c)][bot]))
        b = result["concurrency"][str(c)]["baseline"]
        free = (result.get("no_quota") or {}).get(str(c))
        for name, o in (("ours", result["concurrency"][str(c)]["ours"]), (NO_QUOTA, free)):
            if o is None:
                continue
            if name == NO_QUOTA:
                lines.append(_latency_row(c, name, o))
            lines.append(
                f"| {c} | {name} / baseline | | {o['p50_ms'] / b['p50_ms']:.2f} | {o['p95_ms'] / b['p95_ms']:.2f} | "
                f"{o['p99_ms'] / b['p99_ms']:.2f} | {o['mean_ms'] / b['mean_ms']:.2f} | "
                f"{o['throughput_turns_per_s'] / b['throughput_turns_per_s']:.2f} | "
                f"{o['p95_ms_with_ramp'] / b['p95_ms_with_ramp']:.2f} | | |"
            )
    lines += ["", "Case Status service during our phases (lookups, and 429 Spike Arrest answers: "
              f"the local service enforces {s.get('case_status_rate', 5)} requests per second):", ""]
    for c in s["concurrency"]:
        st = result["concurrency"][str(c)]["ours"]["case_status_service"]
        lines.append(f"- {c} concurrent: {st.get('case_status_requests', 0)} lookups, "
                     f"{st.get('rate_limited', 0)} rate-limited, {st.get('token_requests', 0)} token requests")
    for c, v in (result.get("no_quota") or {}).items():
        st = v["case_status_service"]
        lines.append(f"- {c} concurrent, {NO_QUOTA}: {st.get('case_status_requests', 0)} lookups, "
                     f"{st.get('rate_limited', 0)} rate-limited (no spike arrest)")
    lines += cpu_section(result)
    lo, lb = result["long"]["ours"], result["long"]["baseline"]
    lines += [
        "", "## Turn latency by turn of the conversation", "",
        "p50 / p95 in ms, at each level of concurrency.", "",
        "| turn | ours | " + " | ".join(f"{c} concurrent" for c in s["concurrency"]) + " | baseline | "
        + " | ".join(f"{c} concurrent" for c in s["concurrency"]) + " |",
        "|---|---|" + "---|" * len(s["concurrency"]) + "---|" + "---|" * len(s["concurrency"]),
    ]
    positions = result["positions"]
    for p, turn in enumerate(positions[str(s["concurrency"][0])]["ours"]):
        cells = [f"{turn['turn']}", f"`{turn['text']}` ({turn['kind']})"]
        for bot in ("ours", "baseline"):
            if bot == "baseline":
                cells.append(f"`{positions[str(s['concurrency'][0])]['baseline'][p]['text']}`")
            for c in s["concurrency"]:
                v = positions[str(c)][bot][p]
                cells.append(f"{fmt(v['p50_ms'])} / {fmt(v['p95_ms'])}")
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "", f"## One long conversation: turn {TURN_EARLY} against turn {TURN_LATE}", "",
        f"One sender id, the {len(OURS_CYCLE)}-turn cycle repeated for {s['long_turns']} turns (turns "
        f"{TURN_EARLY} and {TURN_LATE} are the same kind of turn: for ours, a case lookup with the number "
        f"in the message), {lo['conversations']} such conversations per bot; medians over them, ms.", "",
        f"| bot | turn {TURN_EARLY} | turn {TURN_LATE} | ratio | target | tracker events after {s['long_turns']} turns "
        "| tracker JSON, KB |", "|---|---|---|---|---|---|---|",
    ]
    for bot, v in (("ours", lo), ("baseline", lb)):
        size = result["tracker_size"][bot]
        lines.append(
            f"| {bot} | {fmt(v[f'turn{TURN_EARLY}_ms'])} | {fmt(v[f'turn{TURN_LATE}_ms'])} | {v['ratio']:.2f} | "
            f"<= {GROWTH_TARGET} | {size['events']} | {size['json_kb']:.0f} |"
        )
    lines += ["", f"Mean turn latency per cycle of {len(OURS_CYCLE)} turns (median over the conversations), ms:", "",
              "| cycle (turns) | ours | baseline |", "|---|---|---|"]
    for k, (o, b) in enumerate(zip(lo["per_cycle_mean_ms"], lb["per_cycle_mean_ms"])):
        n = len(OURS_CYCLE)
        lines.append(f"| {k + 1} ({k * n + 1}-{(k + 1) * n}) | {fmt(o)} | {fmt(b)} |")
    lines += probe_section(result)
    lines += head_of_line_section(result)
    if result.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {n}" for n in result["notes"]]
    lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------ main


def settings(args: argparse.Namespace) -> Dict:
    quick = args.quick
    return {
        "quick": quick,
        "rounds": args.rounds or (1 if quick else 2),
        "concurrency": [int(c) for c in args.concurrency.split(",") if c.strip()],
        "conversations_single": args.conversations or (4 if quick else 20),
        "conversations_per_thread": args.per_thread or (2 if quick else 4),
        "ramp_conversations": 1,
        "stagger_seconds": 0.1,
        "long_turns": max(args.long_turns, TURN_LATE),
        "long_repeats": args.long_repeats or (1 if quick else 3),
        "warmup_conversations": 2 if quick else 4,
        "case_status_rate": args.case_status_rate,
        "no_quota_run": not args.skip_no_quota,
    }


def check_alive(bots: List[Bot]) -> None:
    """Stop the run when a process of either bot has ended: its figures would mean nothing."""
    for bot in bots:
        for service in bot.services:
            if service.proc.poll() is not None:
                raise RuntimeError(
                    f"{bot.name}: {service.name} ended (exit {service.proc.returncode}) during the run; "
                    f"see {service.log}"
                )


def run_rounds(bots: List[Bot], s: Dict, top_only: Sequence[Bot] = ()) -> Tuple[Dict, Dict, Dict, Dict]:
    """Every phase for both bots, alternating which goes first each round.

    `top_only` bots run only the phase with the most concurrent conversations (their runs are returned apart).
    """
    conc: Dict[str, Dict[str, List[PhaseRun]]] = {str(c): {b.name: [] for b in bots} for c in s["concurrency"]}
    extra: Dict[str, List[PhaseRun]] = {b.name: [] for b in top_only}
    top = max(s["concurrency"])
    long: Dict[str, List[PhaseRun]] = {b.name: [] for b in bots}
    sizes: Dict[str, Dict] = {}
    for r in range(s["rounds"]):
        order = bots if r % 2 == 0 else list(reversed(bots))
        for c in s["concurrency"]:
            phase_bots = order + list(top_only) if c == top else order
            if c == top and r % 2:
                phase_bots = list(top_only) + order
            for bot in phase_bots:
                per_thread = s["conversations_single"] if c == 1 else s["conversations_per_thread"]
                check_alive(bots + list(top_only))
                ramp = s["ramp_conversations"] if c > 1 else 0
                run = run_concurrent(bot, c, per_thread, f"c{c}", ramp, s["stagger_seconds"] if c > 1 else 0.0)
                (extra[bot.name] if bot in top_only else conc[str(c)][bot.name]).append(run)
                print(f"round {r + 1}: {bot.name:8s} {c:3d} concurrent: {len(run.samples)} turns in "
                      f"{run.wall_seconds:.1f} s", flush=True)
        for bot in order:
            check_alive(bots)
            run, sizes[bot.name] = run_long(bot, s["long_turns"], s["long_repeats"], "long")
            long[bot.name].append(run)
            print(f"round {r + 1}: {bot.name:8s} long conversation x{s['long_repeats']}: {run.wall_seconds:.1f} s",
                  flush=True)
    return conc, long, sizes, extra


def quota_notes(result: Dict) -> List[str]:
    """How much of the Case Status API's quota the top-concurrency load asks for, from the figures."""
    rate = result["settings"].get("case_status_rate")
    top = str(max(result["settings"]["concurrency"]))
    if not rate:
        return []
    share = sum(t.expect.startswith("Case ") for t in OURS_CYCLE) / len(OURS_CYCLE)
    out = []
    ours = result["concurrency"][top]["ours"]
    asked = ours["throughput_turns_per_s"] * share
    lookups = [p for p in result["positions"][top]["ours"] if "lookup" in p["kind"]]
    others = [p for p in result["positions"][top]["ours"] if "lookup" not in p["kind"]]
    out.append(
        f"At {top} concurrent conversations with no pause between turns, {share:.0%} of our turns are lookups: "
        f"{ours['throughput_turns_per_s']:.1f} turns/s asked for {asked:.1f} lookups/s, {asked / rate:.0%} of the "
        f"{rate} per second the Case Status API admits (the client spaces them {MARGIN - 1:.0%} wider than 1/rate). "
        "The lookup turns "
        f"took p50 {', '.join(fmt(p['p50_ms']) for p in lookups)} ms, the others "
        f"p50 {', '.join(fmt(p['p50_ms']) for p in others)} ms.")
    free = (result.get("no_quota") or {}).get(top)
    if free:
        wanted = free["throughput_turns_per_s"] * share
        line = (f"Without a spike arrest the same stack ran {free['throughput_turns_per_s']:.1f} turns/s (p95 "
                f"{fmt(free['p95_ms'])} ms), asking for {wanted:.1f} lookups/s: {wanted / rate:.0%} of the API's "
                f"{rate} per second.")
        if wanted * MARGIN >= rate:
            line += (" At the quota the lookups cannot go that fast: with conversations that never pause, the "
                     "lookup turns queue for the API, and the p95 at the quota measures the queue.")
        out.append(line)
    return out


def notes(result: Dict) -> List[str]:
    """Plain statements drawn from the figures (nothing here is fixed in advance)."""
    out = []
    for c, pair in result["concurrency"].items():
        for bot, v in pair.items():
            if v["errors"] or v["unexpected_replies"]:
                out.append(f"{bot}, {c} concurrent: {v['errors']} failed requests and {v['unexpected_replies']} "
                           "replies without the expected text (counted in the latencies when the request succeeded).")
        limited = pair["ours"]["case_status_service"].get("rate_limited", 0)
        if limited:
            out.append(f"{c} concurrent: the Case Status service rate-limited {limited} lookups; the client "
                       "retried after backing off, which is in those turns' latency.")
    out += quota_notes(result)
    for bot, v in result["long"].items():
        if v["errors"] or v["unexpected_replies"]:
            out.append(f"{bot}, long conversations: {v['errors']} failed requests, {v['unexpected_replies']} "
                       "replies without the expected text.")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="few turns, one round: a check that it all runs")
    parser.add_argument("--rounds", type=int, default=0, help="rounds of all phases (default 2, quick 1)")
    parser.add_argument("--concurrency", default="1,20", help="comma-separated concurrent conversations")
    parser.add_argument("--conversations", type=int, default=0,
                        help="conversations at concurrency 1, per round (default 20, quick 4)")
    parser.add_argument("--per-thread", type=int, default=0,
                        help="counted conversations per thread above concurrency 1, per round, after one "
                        "ramp-up conversation (default 4, quick 2)")
    parser.add_argument("--long-turns", type=int, default=55, help=f"turns of the long conversation (>= {TURN_LATE})")
    parser.add_argument("--long-repeats", type=int, default=0,
                        help="long conversations per bot per round (default 3, quick 1)")
    parser.add_argument("--case-status-rate", type=int, default=10,
                        help="the local Case Status service's spike arrest, requests per second, and the "
                        "client's pace (default 10, the production API's; the sandbox allows 5)")
    parser.add_argument("--skip-no-quota", action="store_true",
                        help="leave out the third stack, with no spike arrest, at the top concurrency")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--from-json", type=Path, help="only re-render the Markdown report from a saved latency.json")
    args = parser.parse_args()
    if args.from_json:
        text = markdown(json.loads(args.from_json.read_text()))
        (args.out / "latency.md").write_text(text)
        print(text)
        return

    s = settings(args)
    CACHE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-latency-"))
    logs = CACHE / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    result: Dict = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": machine_info(),
                    "settings": s, "model": model_info(stack.MODEL)}
    model, result["baseline_model"] = baseline_model(CACHE, logs / "baseline_train.log")
    bots: List[Bot] = []
    try:
        print("starting both bots (logs in var/bench/logs) ...", flush=True)
        bots.append(start_ours(work / "ours", logs, s["case_status_rate"]))
        bots.append(start_baseline(model, work / "baseline", logs))
        free = [start_ours(work / NO_QUOTA, logs / NO_QUOTA, 0, name=NO_QUOTA)] if s["no_quota_run"] else []
        for bot in bots + free:
            warm_up(bot, s["warmup_conversations"])
        check_alive(bots + free)
        conc, long, sizes, extra = run_rounds(bots, s, free)
        result["probes"] = {bot.name: diagnose(bot, TURN_LATE) for bot in bots}
        result["head_of_line"] = {bot.name: head_of_line(bot) for bot in bots if bot.case_status_url}
        check_alive(bots + free)
    finally:
        for bot in bots + free:
            stack.stop_all(bot.services)
        shutil.rmtree(work, ignore_errors=True)

    cycle_len = len(OURS_CYCLE)
    result["concurrency"] = {c: {b: summarise(runs) for b, runs in pair.items()} for c, pair in conc.items()}
    result["positions"] = {c: {b.name: by_position(conc[c][b.name], b.cycle) for b in bots} for c in conc}
    result["long"] = {b: long_figures(runs, s["long_turns"], cycle_len) for b, runs in long.items()}
    result["tracker_size"] = sizes
    result["no_quota"] = {str(max(s["concurrency"])): summarise(runs) for runs in extra.values()}
    result["machine"]["load_average_at_end"] = os.getloadavg()
    result["targets"] = targets(result)
    result["notes"] = notes(result)

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latency.json").write_text(json.dumps(result, indent=2))
    text = markdown(result)
    (args.out / "latency.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
