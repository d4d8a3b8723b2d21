"""rasa_extensions: apply() refuses a Rasa version its patches were not checked against, may be
called again, and is what scripts/rasa_server.py runs before Rasa starts."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import rasa
import rasa.__main__
from rasa.core.actions.action import RemoteAction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker

import rasa_extensions
from contact_center import log_redaction
from rasa_extensions import action_server_payload, incremental_states, paused_conversations, rasa_speedups
from scripts import rasa_server

from tests import ROOT

MODULES = (rasa_speedups, incremental_states, action_server_payload, paused_conversations)


def _patched() -> dict:
    """Which of Rasa's functions are this project's now."""
    return {
        "validate_action_result": RemoteAction._validate_action_result.__module__ == rasa_speedups.__name__,
        "resolve_by_type": Event.resolve_by_type.__module__ == rasa_speedups.__name__,
        "states_for_tracker_history": Domain.states_for_tracker_history is incremental_states.states_for_tracker_history,
        "applied_events": DialogueStateTracker.applied_events is incremental_states.applied_events,
        "action_call_format": RemoteAction._action_call_format is action_server_payload.action_call_format,
        "predict_next_with_tracker": MessageProcessor._predict_next_with_tracker.__module__
        == paused_conversations.__name__,
    }


def test_checked_with_is_this_rasa_and_defined_once() -> None:
    assert rasa.__version__ == rasa_extensions.CHECKED_WITH == "3.6.21"
    assert paused_conversations.CHECKED_WITH is rasa_extensions.CHECKED_WITH
    for path in (ROOT / "rasa_extensions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert ("CHECKED_WITH = " in text) == (path.name == "__init__.py"), path.name


@pytest.mark.parametrize("version", ["3.6.20", "3.6.22", "3.7.0"])
def test_another_rasa_version_is_refused_and_nothing_is_applied(monkeypatch, version: str) -> None:
    installed = []
    for module in MODULES:
        monkeypatch.setattr(module, "install", lambda m=module: installed.append(m.__name__))
    monkeypatch.setattr(rasa, "__version__", version)
    with pytest.raises(RuntimeError) as refused:
        rasa_extensions.apply()
    message = str(refused.value)
    assert f"checked against rasa 3.6.21, and this is rasa {version}" in message
    assert "rasa_extensions/__init__.py" in message and "CHECKED_WITH" in message
    for module in ("rasa_speedups", "incremental_states", "action_server_payload", "paused_conversations",
                   "sql_tracker_store"):
        assert f"rasa_extensions/{module}.py" in message  # what to re-check, module by module
    assert "MessageProcessor._should_handle_message" in message
    assert installed == []


def test_apply_installs_every_patch_and_may_be_called_again() -> None:
    rasa_extensions.apply()
    first = _patched()
    assert all(first.values()), first
    functions = (RemoteAction._validate_action_result, Event.resolve_by_type, Domain.states_for_tracker_history,
                 RemoteAction._action_call_format, MessageProcessor._predict_next_with_tracker,
                 MessageProcessor._should_handle_message)
    rasa_extensions.apply()
    rasa_extensions.apply()
    assert (RemoteAction._validate_action_result, Event.resolve_by_type, Domain.states_for_tracker_history,
            RemoteAction._action_call_format, MessageProcessor._predict_next_with_tracker,
            MessageProcessor._should_handle_message) == functions
    # Rasa's own functions are still what the patches fall back on, never a patch wrapping itself.
    assert incremental_states.rasa_states_for_tracker_history.__module__ == "rasa.shared.core.domain"
    assert incremental_states.rasa_applied_events.__module__ == "rasa.shared.core.trackers"
    assert action_server_payload.rasa_original.__module__ == "rasa.core.actions.action"
    assert MessageProcessor._rasa_predict_next_with_tracker.__module__ == "rasa.core.processor"
    assert MessageProcessor._rasa_should_handle_message.__module__ == "rasa.core.processor"


@pytest.fixture
def launcher(monkeypatch):
    """scripts/rasa_server.py's main() in this process, with Rasa's CLI replaced by a recorder."""
    calls = []
    real_apply = rasa_extensions.apply

    def apply() -> None:
        calls.append("rasa_extensions.apply")
        real_apply()

    monkeypatch.setattr(rasa_extensions, "apply", apply)
    monkeypatch.setattr(rasa.__main__, "main", lambda: calls.append("rasa"))
    monkeypatch.setattr(log_redaction, "install", lambda: None)  # not this test's business
    monkeypatch.setattr(sys, "argv", ["rasa_server.py", "run"])
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delenv("RASA_API_TOKEN", raising=False)
    monkeypatch.delenv("CONTACT_CENTER_ENV", raising=False)
    return calls


def test_the_rasa_server_launcher_applies_the_extensions_before_rasa_starts(launcher) -> None:
    rasa_server.main()
    assert launcher == ["rasa_extensions.apply", "rasa"]


def test_the_rasa_server_launcher_refuses_another_rasa_version(launcher, monkeypatch) -> None:
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(SystemExit) as refused:
        rasa_server.main()
    assert "refusing to start" in str(refused.value.code)
    assert "checked against rasa 3.6.21, and this is rasa 3.7.0" in str(refused.value.code)
    assert launcher == ["rasa_extensions.apply"]  # Rasa never started


# In a new process: importing every custom NLU component (what loading or training a
# model does) patches nothing; running scripts/rasa_server.py patches everything
# before Rasa's own main() runs.
PROBE = """
import json, runpy, sys
sys.path.insert(0, {root!r})
import importlib, pkgutil, nlu_components
for info in pkgutil.iter_modules(nlu_components.__path__):
    importlib.import_module("nlu_components." + info.name)
from tests.rasa_extensions.test_rasa_extensions import _patched
print("COMPONENTS " + json.dumps(_patched()))
import rasa.__main__
rasa.__main__.main = lambda: print("SERVER " + json.dumps(_patched()))
sys.argv = ["scripts/rasa_server.py", "--version"]
runpy.run_path({script!r}, run_name="__main__")
"""


@pytest.mark.stack
def test_in_a_new_process_only_the_launcher_patches_rasa() -> None:
    code = PROBE.format(root=str(ROOT), script=str(ROOT / "scripts" / "rasa_server.py"))
    env = {k: v for k, v in os.environ.items() if k not in ("CONTACT_CENTER_ENV", "RASA_API_TOKEN")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if line.startswith(("COMPONENTS", "SERVER")))
    components, server = json.loads(lines["COMPONENTS"]), json.loads(lines["SERVER"])
    assert not any(components.values()), components
    assert all(server.values()), server


def test_an_api_token_that_starts_with_a_dash_reaches_rasa_as_the_token(monkeypatch):
    """secrets.token_urlsafe starts with '-' about once in 64: as a separate argument, Rasa's
    argument parser took it for an option and `make run` could never start on that machine."""
    import argparse
    import sys

    import rasa.__main__
    import rasa_extensions
    from scripts import rasa_server

    seen = {}

    def fake_main():
        parser = argparse.ArgumentParser()
        parser.add_argument("command")
        parser.add_argument("--auth-token")
        seen["token"] = parser.parse_args(sys.argv[1:]).auth_token

    monkeypatch.setattr(rasa.__main__, "main", fake_main)
    monkeypatch.setattr(rasa_extensions, "apply", lambda: None)
    from contact_center import log_redaction

    monkeypatch.setattr(log_redaction, "install", lambda: None)  # not this test's concern; global
    monkeypatch.setattr(sys, "argv", ["rasa_server.py", "run"])
    monkeypatch.setenv("RASA_API_TOKEN", "-Xk3p9sQ2vN8aLr0tYw7uZb1")
    rasa_server.main()
    assert seen["token"] == "-Xk3p9sQ2vN8aLr0tYw7uZb1"
