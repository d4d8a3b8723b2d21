"""The load: the conversations the latency benchmark holds with a bot, and how it times them.

Each turn is one POST to /webhooks/rest/webhook, timed by the client from request to
the end of the reply: conversations at 1 and at N concurrent (threads, each running
conversations in a loop after a ramp-up), long conversations (turn 5 against turn 50),
probes of where a long conversation's time goes, and one slow lookup among other
conversations (head of line). run_rounds() runs every phase for every bot.
"""
from __future__ import annotations

import json
import os
import statistics
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, List, Optional, Sequence, Tuple

import requests

if TYPE_CHECKING:
    from benchmarks.latency.stacks import Bot

TIMEOUT = (3.05, 60.0)  # (connect, read) seconds for every benchmark request
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
        import rasa

        domain = session.get(f"{bot.url}/domain", params=bot.params, headers={"Accept": "application/json"},
                             timeout=TIMEOUT).json()
        body = json.dumps({"next_action": "validate_case_status_form", "sender_id": sender,
                           "tracker": tracker.json(), "domain": domain, "version": rasa.__version__})
        out["action_server_ms"] = median_ms(
            lambda: session.post(bot.actions_url, data=body, timeout=TIMEOUT,
                                 headers={"Content-Type": "application/json", "X-Action-Token": bot.action_token})
            .raise_for_status(), repeats,
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
