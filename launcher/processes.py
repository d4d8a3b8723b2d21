"""Processes with a log file each: start one, wait until it answers, stop them all."""
from __future__ import annotations

import os
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Optional, Sequence

import requests

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A port nothing listens on at the moment, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Service:
    name: str
    proc: subprocess.Popen
    log: Path
    args: Sequence[str] = ()
    env: Optional[dict] = None
    own_group: bool = False

    def restart(self) -> None:
        """Starts the same command again; its log is kept and appended to."""
        self.proc = _popen(self.args, self.env, self.log, self.own_group, truncate=False)

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def start_process(name: str, args: list, env: dict, logs: Path, own_group: bool = False) -> Service:
    """Starts `args` in the repository's root with its output in `logs/<name>.log`.

    The log is emptied first and written in append mode (logrotate's copytruncate,
    deploy/logrotate.conf), readable by this user only. `own_group`: the process gets a
    session of its own, so a Ctrl-C in the terminal reaches only the launcher, which
    stops it (make run).
    """
    log = logs / f"{name}.log"
    return Service(name, _popen(args, env, log, own_group, truncate=True), log, list(args), env, own_group)


def _popen(args: Sequence[str], env: Optional[dict], log: Path, own_group: bool, truncate: bool) -> subprocess.Popen:
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if truncate else 0)
    fd = os.open(log, flags, 0o600)
    try:
        return subprocess.Popen(
            list(args), cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=fd, stderr=subprocess.STDOUT,
            start_new_session=own_group,
        )
    finally:
        os.close(fd)


def first_stopped(services: Iterable[Service]) -> Optional[Service]:
    return next((s for s in services if s.proc.poll() is not None), None)


class Supervisor:
    """Restarts a service that stops on its own, so one crash does not end every conversation.

    A service that stops `limit` times within `window` seconds is not restarted again: the
    fault is then in its setup, not a passing one, and the caller stops everything.
    """

    def __init__(self, services: List[Service], limit: int = 3, window: float = 300.0, clock=time.monotonic):
        self.services, self.limit, self.window, self.clock = services, limit, window, clock
        self.stops: dict = {}

    def check(self, say=print) -> Optional[Service]:
        """Restarts what stopped; returns a service that stopped too often (None if all run)."""
        for service in self.services:
            code = service.proc.poll()
            if code is None:
                continue
            now = self.clock()
            recent = [t for t in self.stops.get(service.name, []) if now - t < self.window] + [now]
            self.stops[service.name] = recent
            if len(recent) >= self.limit:
                say(f"{service.name} stopped (exit {code}) {len(recent)} times in {self.window:.0f} s; "
                    f"see {service.log}")
                return service
            say(f"{service.name} stopped (exit {code}); restarting it (see {service.log})")
            service.restart()
        return None


def wait_until_up(url: str, service: Service, seconds: float, others: Sequence[Service] = ()) -> None:
    """Waits until `url` answers 2xx; fails as soon as `service` (or one of `others`) has stopped."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        stopped = first_stopped([service, *others])
        if stopped is not None:
            raise RuntimeError(f"{stopped.name} stopped (exit {stopped.proc.returncode}):\n{stopped.tail()}")
        try:
            if requests.get(url, timeout=3).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{service.name} did not answer {url} within {seconds:.0f} s:\n{service.tail()}")


def stop_all(services: List[Service]) -> None:
    """SIGTERM to each, last started first; SIGKILL to any still running 30 s later."""
    for s in reversed(services):
        if s.proc.poll() is None:
            s.proc.terminate()
    for s in reversed(services):
        try:
            s.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            s.proc.kill()
            s.proc.wait(timeout=10)
