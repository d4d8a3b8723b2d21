"""Every name a module of the assistant reads is defined or imported in it: a helper renamed in one
place and left in another (session 21: `_needs_appointment_answer` in actions/emergency.py) failed
only when an applicant reached that line. A plain scan of each module's syntax tree, no import."""
from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest

from tests import ROOT

PACKAGES = ("actions", "contact_center", "nlu_components", "applicant_channels", "rasa_extensions", "launcher",
            "services", "admin", "benchmarks")


def _modules():
    for package in PACKAGES:
        yield from sorted((ROOT / package).rglob("*.py"))


def _undefined(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined = set(dir(builtins)) | {"__file__", "__name__", "__doc__"}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.Import):
            defined.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            defined.update(a.asname or a.name for a in node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            defined.add(node.id)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            defined.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            defined.update(node.names)
    return sorted({(n.id, n.lineno) for n in ast.walk(tree)
                   if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in defined})


@pytest.mark.parametrize("path", list(_modules()), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_name_read_is_defined(path):
    assert _undefined(path) == []
