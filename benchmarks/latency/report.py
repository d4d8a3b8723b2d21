"""The latency benchmark's figures and report: percentiles, throughput, the targets,
notes drawn from the figures, and benchmarks/results/latency.{md,json}."""
from __future__ import annotations

import json
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

from benchmarks.latency.load import (
    MACHINE, OURS_CYCLE, SLOW_LOOKUP_SECONDS, TURN_EARLY, TURN_LATE, PhaseRun, Sample, Turn,
)
from benchmarks.latency.stacks import NO_QUOTA
from contact_center.case_status.pacing import MARGIN
from launcher.processes import ROOT

P95_TARGET_RATIO = 1.0  # at 20 concurrent conversations: our p95 <= the baseline's
GROWTH_TARGET = 1.2  # turn 50 within 1.2 times turn 5


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
        "- **ours**: this assistant's whole stack as the launcher starts it for the tests (launcher/scratch.py): "
        "`rasa run` with "
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


def add_figures(result: Dict, bots: Sequence, conc: Dict[str, Dict[str, List[PhaseRun]]],
                long: Dict[str, List[PhaseRun]], sizes: Dict[str, Dict], extra: Dict[str, List[PhaseRun]]) -> None:
    """The figures of a run's phases (load.run_rounds), its targets and notes, into `result`."""
    s = result["settings"]
    result["concurrency"] = {c: {b: summarise(runs) for b, runs in pair.items()} for c, pair in conc.items()}
    result["positions"] = {c: {b.name: by_position(conc[c][b.name], b.cycle) for b in bots} for c in conc}
    result["long"] = {b: long_figures(runs, s["long_turns"], len(OURS_CYCLE)) for b, runs in long.items()}
    result["tracker_size"] = sizes
    result["no_quota"] = {str(max(s["concurrency"])): summarise(runs) for runs in extra.values()}
    result["targets"] = targets(result)
    result["notes"] = notes(result)


def write(result: Dict, out: Path) -> str:
    """latency.json and latency.md in `out`; the Markdown."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "latency.json").write_text(json.dumps(result, indent=2))
    text = markdown(result)
    (out / "latency.md").write_text(text)
    return text
