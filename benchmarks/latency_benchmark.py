"""Latency benchmark: this assistant against the bot `rasa init` creates, over REST.

Both bots run here, in the same run, on the same machine, each as a `rasa run`
server with a SQLite tracker store. Ours is the whole stack (launcher/scratch.py): the
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

The parts are in benchmarks/latency/: stacks.py (the two bots, started by the launcher),
load.py (the conversations and their timing), report.py (figures, tables, the files).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Dict, List

from benchmarks.latency import report, stacks
from benchmarks.latency.load import TURN_LATE, check_alive, diagnose, head_of_line, run_rounds, warm_up
from benchmarks.latency.stacks import NO_QUOTA, Bot
from launcher.processes import ROOT, stop_all
from launcher.scratch import MODEL

RESULTS = ROOT / "benchmarks" / "results"
CACHE = ROOT / "var" / "bench"


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
        text = report.markdown(json.loads(args.from_json.read_text()))
        (args.out / "latency.md").write_text(text)
        print(text)
        return

    s = settings(args)
    CACHE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-latency-"))
    logs = CACHE / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    result: Dict = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "machine": report.machine_info(),
                    "settings": s, "model": report.model_info(MODEL)}
    model, result["baseline_model"] = stacks.baseline_model(CACHE, logs / "baseline_train.log")
    bots: List[Bot] = []
    free: List[Bot] = []
    try:
        print("starting both bots (logs in var/bench/logs) ...", flush=True)
        bots.append(stacks.start_ours(work / "ours", logs, s["case_status_rate"]))
        bots.append(stacks.start_baseline(model, work / "baseline", logs))
        free = [stacks.start_ours(work / NO_QUOTA, logs / NO_QUOTA, 0, name=NO_QUOTA)] if s["no_quota_run"] else []
        for bot in bots + free:
            warm_up(bot, s["warmup_conversations"])
        check_alive(bots + free)
        conc, long, sizes, extra = run_rounds(bots, s, free)
        result["probes"] = {bot.name: diagnose(bot, TURN_LATE) for bot in bots}
        result["head_of_line"] = {bot.name: head_of_line(bot) for bot in bots if bot.case_status_url}
        check_alive(bots + free)
    finally:
        for bot in bots + free:
            stop_all(bot.services)
        shutil.rmtree(work, ignore_errors=True)

    result["machine"]["load_average_at_end"] = os.getloadavg()
    report.add_figures(result, bots, conc, long, sizes, extra)
    print(report.write(result, args.out))


if __name__ == "__main__":
    main()
