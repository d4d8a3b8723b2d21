"""One entry point, sub-commands with --help, errors as messages (not tracebacks)."""
import subprocess
import sys

import pytest

from admin import cli

from tests import ROOT

COMMANDS = ["inbox", "label", "train", "gate", "promote", "rollback", "status"]


def test_python_m_admin_help_lists_every_command():
    result = subprocess.run([sys.executable, "-m", "admin", "--help"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert f"python -m admin {command}" in out and "--project" in out


def test_no_command_prints_help(capsys):
    assert cli.main([]) == 2
    assert "inbox" in capsys.readouterr().out


def test_label_needs_exactly_one_decision(capsys):
    with pytest.raises(SystemExit):
        cli.main(["label", "abcd1234"])
    assert "one of the arguments --intent --out-of-scope --ignore is required" in capsys.readouterr().err


def test_errors_are_messages(tmp_path, capsys):
    assert cli.main(["status", "--project", str(tmp_path)]) == 1
    assert "is not a Rasa project" in capsys.readouterr().err
    assert cli.main(["gate", "--project", str(ROOT), "--state-dir", str(tmp_path)]) == 1
    assert "no candidate model: run `python -m admin train` first" in capsys.readouterr().err
    assert cli.main(["rollback", "--project", str(ROOT), "--state-dir", str(tmp_path),
                     "--url", "http://127.0.0.1:9"]) == 1
    assert "nothing to roll back to" in capsys.readouterr().err
