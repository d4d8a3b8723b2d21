"""`python -m admin` (console script `rasa-admin`): review, label, retrain, gate, promote.

Laid out as Rasa's own CLI (rasa/cli/): one argparse parser, a sub-parser per
command built by an `add_subparser` function, shared options in a parent parser
so they can come before or after the command, and `--help` everywhere.

    python -m admin inbox                    # what the assistant misunderstood
    python -m admin label 3f2a9c1b --intent check_case_status
    python -m admin label 77de01aa --out-of-scope
    python -m admin label 0b1c2d3e --ignore
    python -m admin train                    # candidate, with progress and time
    python -m admin gate                     # held-out table, live vs candidate
    python -m admin promote                  # gate, then PUT /model; keeps the previous
    python -m admin rollback                 # the previous model back
    python -m admin status
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import List, Optional

from admin.project import AdminError, Project
from contact_center import settings

PROG = "rasa-admin" if os.path.basename(sys.argv[0] or "") == "rasa-admin" else "python -m admin"


# Shared options --------------------------------------------------------------
def _common() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("Project")
    group.add_argument("--project", default=argparse.SUPPRESS,
                       help="Rasa project directory (default: this repository)")
    group.add_argument("--state-dir", default=argparse.SUPPRESS,
                       help="where the admin tool keeps its records (default: <project>/var/admin)")
    log = parent.add_argument_group("Python Logging Options")
    log.add_argument("-v", "--verbose", dest="loglevel", action="store_const", const=logging.INFO,
                     default=argparse.SUPPRESS, help="Be verbose. Sets logging level to INFO.")
    log.add_argument("-vv", "--debug", dest="loglevel", action="store_const", const=logging.DEBUG,
                     default=argparse.SUPPRESS, help="Print lots of debugging statements. Sets logging level to DEBUG.")
    log.add_argument("--quiet", dest="loglevel", action="store_const", const=logging.WARNING,
                     default=argparse.SUPPRESS, help="Be quiet! Sets logging level to WARNING.")
    return parent


def _server_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Rasa server")
    group.add_argument("--url", help="Rasa server (default: $RASA_URL or http://localhost:$RASA_PORT, 5005)")
    group.add_argument("--token", help="HTTP API token (default: $RASA_API_TOKEN, else --token-file)")
    group.add_argument("--token-file", help="file holding the token (default: <project>/var/api-token)")


def _margin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--margin", type=float, default=None,
                        help="largest macro-F1 drop allowed in any language "
                             "(default: $RASA_ADMIN_GATE_MARGIN or 0.01)")


def _project(args: argparse.Namespace) -> Project:
    return Project.at(getattr(args, "project", None), getattr(args, "state_dir", None))


# inbox -----------------------------------------------------------------------
def _since(value: str) -> float:
    """`7d`, `24h`, `30m` ago, or a date `2026-11-01`."""
    units = {"d": 86400, "h": 3600, "m": 60}
    if value and value[-1] in units and value[:-1].replace(".", "", 1).isdigit():
        return time.time() - float(value[:-1]) * units[value[-1]]
    try:
        return time.mktime(time.strptime(value, "%Y-%m-%d"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: give 7d, 24h, 30m or YYYY-MM-DD")


def add_inbox(subparsers, parents) -> None:
    from admin.inbox import DEFAULT_BELOW

    p = subparsers.add_parser(
        "inbox", parents=parents, help="List misunderstood applicant messages, grouped, newest first.",
        description="Applicant messages from the tracker store that fell to fallback or out of scope, or were "
                    "understood with confidence under --below; grouped, de-duplicated, identifiers masked.",
    )
    store = p.add_argument_group("Tracker store")
    store.add_argument("--endpoints", help="endpoints file whose tracker_store section to read (default: endpoints.yml)")
    store.add_argument("--tracker-store", metavar="URL",
                       help="SQLAlchemy URL instead, e.g. sqlite:///var/tracker.db or "
                            "postgresql://postgres@127.0.0.1:5432/test")
    p.add_argument("--below", type=float, default=DEFAULT_BELOW,
                   help=f"list messages understood with confidence under this (default {DEFAULT_BELOW})")
    p.add_argument("--since", type=_since, help="only messages since 7d, 24h, 30m ago or a date YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=50, help="items to show (default 50; 0 for all)")
    p.add_argument("--all", action="store_true", help="show items already labelled or ignored too (marked *)")
    p.add_argument("--json", action="store_true", help="print the items as JSON")
    p.set_defaults(func=run_inbox)


def run_inbox(args: argparse.Namespace) -> int:
    from admin import inbox, trackers

    project = _project(args)
    store = trackers.resolve(project, args.tracker_store, args.endpoints)
    messages = trackers.read_messages(store, args.since)
    items = inbox.build(messages, args.below)
    decided = inbox.decisions(project)
    for item in items:
        item.decision = decided.get(item.key)
    inbox.save_snapshot(project, items, store.description)
    shown = [i for i in items if args.all or not i.decision]
    if args.limit:
        shown = shown[: args.limit]
    if args.json:
        print(json.dumps([asdict(i) for i in shown], ensure_ascii=False, indent=2))
        return 0
    open_count = sum(1 for i in items if not i.decision)
    print(f"Tracker store: {store.description}; {len(messages)} applicant messages read")
    print(inbox.render(shown))
    print(f"\n{open_count} open item(s), {len(items) - open_count} decided"
          + (f"; showing {len(shown)}" if len(shown) < (len(items) if args.all else open_count) else ""))
    if shown:
        print("Label with: python -m admin label ID --intent INTENT | --out-of-scope | --ignore")
    return 0


# label -----------------------------------------------------------------------
def add_label(subparsers, parents) -> None:
    p = subparsers.add_parser(
        "label", parents=parents, help="Give inbox items an intent, mark them out of scope, or ignore them.",
        description="Writes labelled items into data/nlu/<lang>/<topic>.yml (receipt numbers annotated, identifiers "
                    "pseudonymised). Refuses intents or entities the domain does not know and texts of the "
                    "held-out test set.",
    )
    p.add_argument("ids", nargs="+", help="inbox item id(s) from `python -m admin inbox`")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--intent", help="the intent the message should have (must be in the domain)")
    what.add_argument("--out-of-scope", action="store_true", help="a request the assistant does not serve")
    what.add_argument("--ignore", action="store_true", help="not useful as training data; hide it")
    p.add_argument("--entity", action="append", default=[], metavar="TYPE=SPAN[|VALUE]",
                   help="annotate an entity, e.g. --entity 'form_type=i 485|I-485' (repeatable)")
    p.add_argument("--lang", help="training language folder (default: the message's language)")
    p.add_argument("--text", help="label this reworded text instead of the message (one id only)")
    p.set_defaults(func=run_label)


def run_label(args: argparse.Namespace) -> int:
    from admin import labels

    outcomes = labels.label(_project(args), args.ids, intent=args.intent, out_of_scope=args.out_of_scope,
                            ignore=args.ignore, lang=args.lang, text=args.text, entities=args.entity)
    for outcome in outcomes:
        print(outcome.message, file=sys.stdout if outcome.ok else sys.stderr)
    if any(o.ok for o in outcomes) and not args.ignore:
        print("Retrain with: python -m admin train")
    return 0 if all(o.ok for o in outcomes) else 1


# train -----------------------------------------------------------------------
def add_train(subparsers, parents) -> None:
    p = subparsers.add_parser(
        "train", parents=parents, help="Train a candidate model (not promoted), with progress and timing.",
        description="Trains into models/candidates/. By default with Rasa's training cache: after labelling only "
                    "the NLU components are retrained. See admin/training.py on --finetune.",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--force", action="store_true", help="retrain every component from scratch")
    mode.add_argument("--finetune", action="store_true",
                      help="Rasa's incremental training from the live model (no faster with this pipeline)")
    p.add_argument("--nice", type=int, default=10,
                   help="lower training's CPU priority by this much so the live assistant keeps answering (default 10)")
    p.set_defaults(func=run_train)


def run_train(args: argparse.Namespace) -> int:
    from admin import training

    training.train(_project(args), force=args.force, finetune=args.finetune, niceness=args.nice)
    return 0


# gate ------------------------------------------------------------------------
def add_gate(subparsers, parents) -> None:
    p = subparsers.add_parser(
        "gate", parents=parents, help="Compare a candidate with the live model on the held-out set, per language.",
        description="Prints held-out macro-F1 and accuracy per language for the live model and the candidate; "
                    "fails (exit 1) when any language's macro-F1 drops by more than the margin.",
    )
    p.add_argument("candidate", nargs="?", help="model file, name or model id (default: newest candidate)")
    p.add_argument("--live", help="compare with this model file instead of the recorded live model")
    _margin_option(p)
    p.add_argument("--json", action="store_true", help="print the verdict as JSON")
    p.set_defaults(func=run_gate)


def run_gate(args: argparse.Namespace) -> int:
    from admin import gate, registry

    project = _project(args)
    margin = gate.default_margin() if args.margin is None else args.margin
    candidate = registry.candidate(project, args.candidate)
    live = registry.candidate(project, args.live) if args.live else registry.live(project)
    if not args.json:
        print(f"Candidate: {project.relative(Path(candidate['path']))}")
        print(f"Live:      {project.relative(Path(live['path'])) if live else 'none (first model)'}")
        print(f"Dev set:   {', '.join(project.relative(p) for p in project.dev_files().values())}; "
              f"margin {margin:.3f}\n")
    result = gate.run(project, candidate, live, margin)
    if args.json:
        print(json.dumps(asdict(result), indent=2))
    else:
        print(result.table())
        print()
        print(result.summary())
    return 0 if result.passed else 1


# promote / rollback ------------------------------------------------------------
def add_promote(subparsers, parents) -> None:
    p = subparsers.add_parser(
        "promote", parents=parents, help="Gate the candidate, then load it into the running server (PUT /model).",
        description="No restart: the server loads the candidate and swaps it in. The previous model is kept in "
                    "models/archive/ for `rollback`; models/current.tar.gz becomes the candidate.",
    )
    p.add_argument("candidate", nargs="?", help="model file, name or model id (default: newest candidate)")
    _margin_option(p)
    _server_options(p)
    p.add_argument("--keep-current", action="store_true",
                   help="do not copy the promoted model to models/current.tar.gz")
    p.set_defaults(func=run_promote)


def run_promote(args: argparse.Namespace) -> int:
    from admin import deploy
    from admin.server import Server

    project = _project(args)
    server = Server.from_args(project, args.url, args.token, args.token_file)
    deploy.promote(project, server, args.candidate, args.margin, update_current=not args.keep_current)
    return 0


def add_rollback(subparsers, parents) -> None:
    p = subparsers.add_parser(
        "rollback", parents=parents, help="Load the previously live model back into the running server.",
        description="One step back per call: PUT /model with the model that was live before.",
    )
    _server_options(p)
    p.add_argument("--keep-current", action="store_true",
                   help="do not copy the restored model to models/current.tar.gz")
    p.set_defaults(func=run_rollback)


def run_rollback(args: argparse.Namespace) -> int:
    from admin import deploy
    from admin.server import Server

    project = _project(args)
    server = Server.from_args(project, args.url, args.token, args.token_file)
    deploy.rollback(project, server, update_current=not args.keep_current)
    return 0


# status ------------------------------------------------------------------------
def add_status(subparsers, parents) -> None:
    p = subparsers.add_parser("status", parents=parents, help="The server's model, the live model, candidates, inbox.")
    _server_options(p)
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=run_status)


def run_status(args: argparse.Namespace) -> int:
    from admin import inbox, registry, state
    from admin.server import Server

    project = _project(args)
    server = Server.from_args(project, args.url, args.token, args.token_file)
    try:
        server_status = server.status()
        server_error = None
    except AdminError as error:
        server_status, server_error = None, str(error)
    live = registry.live(project)
    history = registry.history(project)
    candidates = registry.candidates(project)
    latest = candidates[-1] if candidates else None
    verdict = None
    if latest and live and latest.get("model_id") == live.get("model_id"):
        verdict = "live"
    elif latest and Path(latest["path"]).exists():
        from admin import gate

        live_path = Path(live["path"]) if live and Path(live["path"]).exists() else None
        recorded = gate.recorded(project, Path(latest["path"]), live_path, gate.default_margin())
        verdict = None if recorded is None else ("passed" if recorded.passed else "refused")
    try:
        items = inbox.load_snapshot(project)
    except AdminError:
        items = None
    decided = inbox.decisions(project)
    report = {
        "server": {"url": server.url, "status": server_status, "error": server_error},
        "live": live,
        "previous": history[-1] if history else None,
        "history_length": len(history),
        "latest_candidate": latest,
        "latest_candidate_gate": verdict,
        "inbox_open_items": None if items is None else sum(1 for i in items if i.key not in decided),
    }
    if args.json:
        print(json.dumps(report, indent=2, default=str))
        return 0
    if server_status:
        in_sync = live and server_status.get("model_id") == live.get("model_id")
        print(f"Server    {server.url}: model {server_status.get('model_file')} (id {server_status.get('model_id')})"
              + ("" if in_sync else "  [not the recorded live model]"))
    else:
        print(f"Server    {server.url}: {server_error}")
    if live:
        when = f", promoted {state.iso(live['promoted_at'])}" if live.get("promoted_at") else ""
        print(f"Live      {live['name']} (id {live.get('model_id')}){when}")
    else:
        print("Live      none recorded and no models/current.tar.gz")
    print(f"Previous  {history[-1]['name'] if history else 'none'} ({len(history)} model(s) to roll back to)")
    if latest:
        gate_text = {None: "not gated yet", "passed": "gate passed", "refused": "gate refused",
                     "live": "live now"}[verdict]
        print(f"Candidate {latest['name']} trained in {latest.get('seconds', '?')}s, {gate_text}")
    else:
        print("Candidate none")
    print(f"Inbox     {'not listed yet' if items is None else str(report['inbox_open_items']) + ' open item(s)'}")
    return 0


# main ----------------------------------------------------------------------------
def create_argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Admin workflow for the assistant's understanding: review what applicants typed that it "
                    "misunderstood, label it, retrain, gate on the held-out set, promote without downtime, "
                    "roll back.",
        epilog="inbox -> label -> train -> gate -> promote (-> rollback). `python -m admin COMMAND --help` for details.",
    )
    parents = [_common()]
    subparsers = parser.add_subparsers(help="Admin commands", dest="command")
    for add in (add_inbox, add_label, add_train, add_gate, add_promote, add_rollback, add_status):
        add(subparsers, parents)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = create_argument_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    settings.set_default("RASA_TELEMETRY_ENABLED")  # "false"
    settings.set_default("TF_CPP_MIN_LOG_LEVEL")  # "2": errors only
    level = getattr(args, "loglevel", logging.WARNING)
    if level >= logging.WARNING:  # Rasa's and its libraries' warnings are for developers, not admins
        import warnings

        warnings.simplefilter("ignore")
        # Some libraries re-add their own filters on import; silence the output itself.
        warnings.showwarning = lambda *args, **kwargs: None
    settings.set_default("SQLALCHEMY_SILENCE_UBER_WARNING")
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)-8s %(name)s - %(message)s")
    # Rasa reads these: LOG_LEVEL also switches its progress bars off at WARNING.
    os.environ.setdefault("LOG_LEVEL", logging.getLevelName(level))
    os.environ.setdefault("LOG_LEVEL_LIBRARIES", logging.getLevelName(max(level, logging.WARNING)))
    if args.command in ("train", "gate", "promote"):  # these load Rasa's engine, which logs via structlog
        from rasa.utils.log_utils import configure_structlog

        configure_structlog(level)
    for noisy in ("rasa", "tensorflow", "absl", "matplotlib", "urllib3"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING) if level > logging.INFO else level)
    try:
        return args.func(args)
    except AdminError as error:
        print(f"{PROG} {args.command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
