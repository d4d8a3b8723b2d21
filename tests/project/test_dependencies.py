"""The Python lock (issue 15): every package pinned with its hashes, and the venv is the lock.

`make lock` writes requirements/lock.txt (and requirements/build-tools.lock) from
pyproject.toml; the Makefile installs only from them, with --require-hashes.
"""
from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path
from typing import Dict, List

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from tests import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\]+)")
PROJECT = "uscis-contact-center-assistant"


def read_lock(path: Path) -> Dict[str, dict]:
    """{name: {"version", "hashes"}} from a pip requirements file written with hashes."""
    pins: Dict[str, dict] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = pins.setdefault(canonicalize_name(match.group(1)), {"version": match.group(2), "hashes": []})
        elif current is not None and "--hash=sha256:" in line:
            current["hashes"].append(line.split("--hash=sha256:", 1)[1].strip().rstrip("\\").strip())
        elif not line.startswith((" ", "#")):
            current = None
    return pins


def direct_requirements() -> List[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        listed += extra
    return [Requirement(text) for text in listed]


LOCK = read_lock(ROOT / "requirements" / "lock.txt")


def test_every_locked_package_has_a_sha256_hash():
    assert len(LOCK) > 100
    unhashed = [name for name, pin in LOCK.items() if not pin["hashes"]]
    assert not unhashed
    assert all(re.fullmatch(r"[0-9a-f]{64}", h) for pin in LOCK.values() for h in pin["hashes"])


def test_every_dependency_in_pyproject_is_locked_at_a_version_it_allows():
    for requirement in direct_requirements():
        name = canonicalize_name(requirement.name)
        assert name in LOCK, f"{name} is in pyproject.toml but not in the lock: run make lock"
        assert requirement.specifier.contains(LOCK[name]["version"], prereleases=True), (
            f"{name}: pyproject.toml asks {requirement.specifier}, the lock has {LOCK[name]['version']}: run make lock")


def test_the_build_tools_lock_agrees_with_the_main_lock():
    tools = read_lock(ROOT / "requirements" / "build-tools.lock")
    assert set(tools) == {"pip", "setuptools", "wheel"}
    for name, pin in tools.items():
        assert pin["version"] == LOCK[name]["version"] and pin["hashes"]


def test_the_installed_environment_is_exactly_the_lock():
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    installed.pop(PROJECT, None)
    if not (ROOT / ".venv" / ".installed").exists():
        pytest.fail("no venv made by the Makefile here (.venv/.installed): run make test")
    differs = {n: (installed.get(n), pin["version"]) for n, pin in LOCK.items() if installed.get(n) != pin["version"]}
    extra = sorted(set(installed) - set(LOCK))
    assert not differs, f"installed vs locked: {differs}"
    assert not extra, f"installed but not locked: {extra}"
