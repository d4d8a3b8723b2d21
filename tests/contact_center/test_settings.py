"""The settings registry (contact_center/settings.py): its accessors, README's "Settings"
section generated from it, and no environment variable read outside it unregistered.
"""
from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Set, Tuple

import pytest

from contact_center import settings

from tests import ROOT

SKIPPED_DIRS = {"tests", ".git", "node_modules", "models", "var", ".rasa", "__pycache__"}
ACCESSORS = {"raw", "text", "integer", "number", "flag", "default", "get", "set_default"}
# Whole-environment uses that read no one setting: a copy handed to a subprocess
# (compared without spaces).
COPIES = ("dict(os.environ", "os.environ.copy()", "{**os.environ")
# Other uses of os.environ that name no setting the test can tell: (file, the line), each
# with its reason. Reviewed by hand: every name they read is in the registry.
EXCEPTIONS: Set[Tuple[str, str]] = {
    # launcher.local.settings(environ) reads RASA_PORT, ACTIONS_PORT, CASE_STATUS_PORT,
    # WEB_PORT, MAIL_PORT and ENDPOINTS from the mapping it is given (not switched yet).
    ("launcher/local.py", "s = settings(os.environ)"),
}


# ----------------------------------------------------------------- accessors


def test_accessors_read_at_call_time_with_the_registry_defaults(monkeypatch):
    monkeypatch.delenv("TRACKER_CACHE_SIZE", raising=False)
    assert settings.integer("TRACKER_CACHE_SIZE") == 200
    monkeypatch.setenv("TRACKER_CACHE_SIZE", "7")
    assert settings.integer("TRACKER_CACHE_SIZE") == 7
    assert settings.integer("TRACKER_CACHE_SIZE", {}) == 200  # a mapping of its own
    monkeypatch.setenv("TRACKER_CACHE_SIZE", "")
    with pytest.raises(ValueError):  # empty is a value, and not a number (as int("") says)
        settings.integer("TRACKER_CACHE_SIZE")


def test_empty_means_the_default_only_where_the_registry_says_so(monkeypatch):
    monkeypatch.setenv("WEB_PROXIES_COUNT", "")
    assert settings.integer("WEB_PROXIES_COUNT") == 0
    monkeypatch.setenv("CONTACT_CENTER_DB_URL", "")
    assert settings.text("CONTACT_CENTER_DB_URL") == "sqlite:///var/contact_center.db"
    assert settings.raw("CONTACT_CENTER_DB_URL") == ""
    monkeypatch.setenv("APPLICANT_RATE_CONVERSATION", "")
    assert settings.text("APPLICANT_RATE_CONVERSATION") == ""


def test_flags_numbers_and_typed_defaults(monkeypatch):
    for value, expected in (("TRUE", True), ("yes", True), ("1", True), ("on", False), (" true", False), ("", False)):
        monkeypatch.setenv("DESK_COOKIE_SECURE", value)
        assert settings.flag("DESK_COOKIE_SECURE") is expected, value
    monkeypatch.delenv("DESK_COOKIE_SECURE")
    assert settings.flag("DESK_COOKIE_SECURE") is False
    assert settings.number("RASA_ADMIN_GATE_MARGIN", {}) == 0.01
    assert settings.default("SMTP_PORT") == 5025
    assert settings.default("SMTP_TIMEOUT_SECONDS") == 10.0
    assert settings.default("APPLICANT_SESSION_KEY") is None
    assert settings.text("APPLICANT_SESSION_KEY", {}) is None


def test_unregistered_names_and_wrong_types_are_refused():
    with pytest.raises(KeyError, match="NOT_A_SETTING"):
        settings.text("NOT_A_SETTING")
    with pytest.raises(TypeError, match="registered as text"):
        settings.integer("TRACKER_DB_URL")


def test_set_default_leaves_a_value_that_is_set(monkeypatch):
    monkeypatch.delenv("TF_CPP_MIN_LOG_LEVEL", raising=False)
    settings.set_default("TF_CPP_MIN_LOG_LEVEL")
    assert settings.raw("TF_CPP_MIN_LOG_LEVEL") == "2"
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "0")
    settings.set_default("TF_CPP_MIN_LOG_LEVEL")
    assert settings.raw("TF_CPP_MIN_LOG_LEVEL") == "0"


def test_every_setting_is_documented():
    for setting in settings.REGISTRY.values():
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", setting.name), setting.name
        assert setting.meaning and "\n" not in setting.meaning, setting.name
        assert setting.read_by, setting.name
        if setting.default is not None:
            settings.default(setting.name)  # parses as its kind


# ----------------------------------------------------------------- README


def test_readme_settings_section_is_generated_from_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = settings.readme_section(readme)
    assert section is not None, "README.md has no '## Settings' section: python -m contact_center.settings --update-readme"
    assert section.rstrip("\n") == settings.markdown().rstrip("\n"), (
        "README.md's Settings section differs from the registry: python -m contact_center.settings --update-readme")


def test_defaults_named_elsewhere_in_readme_agree_with_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    span = settings.readme_section(readme) or ""
    rest = readme.replace(span, "")
    found = 0
    for name, value in re.findall(r"`([A-Z][A-Z0-9_]+)`[^`]{0,60}?\bdefault\s+`?(\d[\d.]*)", rest):
        if name in settings.REGISTRY and settings.REGISTRY[name].default is not None:
            found += 1
            assert value.rstrip(".") == settings.REGISTRY[name].default, f"README says {name} defaults to {value}"
    assert found  # the pattern still finds README's "default N"s


# ----------------------------------------------------------------- who reads the environment


def _python_files() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if any(part in SKIPPED_DIRS or part.startswith(".venv") for part in relative.parts[:-1]):
            continue
        if relative.as_posix() == "contact_center/settings.py":
            continue
        yield path


@lru_cache(maxsize=None)
def _tree(path: Path) -> Optional[ast.Module]:
    try:
        return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, UnicodeDecodeError, FileNotFoundError):
        return None  # someone's half-written file: not this test's business


def _constants(path: Path, resolving: Tuple[Path, ...] = ()) -> Dict[str, str]:
    """Module-level NAME = "text" assignments, and names imported from project modules."""
    tree = _tree(path)
    found: Dict[str, str] = {}
    if tree is None or path in resolving:  # an import cycle
        return found
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.value
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            source = _module_file(node.module)
            if source is not None:
                imported = _constants(source, resolving + (path,))
                for alias in node.names:
                    if alias.name in imported:
                        found[alias.asname or alias.name] = imported[alias.name]
    return found


def _module_file(module: str) -> Optional[Path]:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _name_of(node: ast.AST, path: Path) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return _constants(path).get(node.id)
    return None


def _is_os_environ(node: ast.AST) -> bool:
    """`os.environ`, or `environ` (`from os import environ` is marked by _mark_os_imports)."""
    if isinstance(node, ast.Name):
        return getattr(node, "os_import", None) == "environ"
    return (isinstance(node, ast.Attribute) and node.attr == "environ"
            and isinstance(node.value, ast.Name) and node.value.id == "os")


def _is_getenv(func: ast.AST) -> bool:
    if isinstance(func, ast.Name):
        return getattr(func, "os_import", None) == "getenv"
    return isinstance(func, ast.Attribute) and func.attr == "getenv"


def _mark_os_imports(tree: ast.Module) -> None:
    """Marks the names `from os import environ, getenv` binds, wherever they are used."""
    imported = {alias.asname or alias.name: alias.name for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module == "os" for alias in node.names
                if alias.name in ("environ", "getenv")}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in imported:
            node.os_import = imported[node.id]  # type: ignore[attr-defined]


def _environment_uses(path: Path) -> Iterator[Tuple[int, Optional[str], str]]:
    """(line, setting name or None, the line's code) for every use of os.environ / os.getenv in `path`."""
    tree = _tree(path)
    if tree is None:
        return
    lines = path.read_text(encoding="utf-8").splitlines()

    def code(node: ast.AST) -> str:
        return lines[node.lineno - 1].strip()

    def copies(node: ast.AST) -> bool:
        return "".join(ast.unparse(node).split()).startswith(COPIES)

    _mark_os_imports(tree)
    handled: Set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and _is_os_environ(func.value) and node.args:
                handled.add(id(func.value))
                yield node.lineno, _name_of(node.args[0], path), code(node)
            elif _is_getenv(func) and node.args:
                yield node.lineno, _name_of(node.args[0], path), code(node)
            elif any(_is_os_environ(arg) for arg in node.args) and copies(node):
                handled.update(id(arg) for arg in node.args)
                for keyword in node.keywords:
                    if keyword.arg:  # the variables the copy adds, for the subprocess
                        yield keyword.value.lineno, keyword.arg, code(keyword.value)
            elif isinstance(func, ast.Attribute) and _is_os_environ(func.value) and copies(node):
                handled.add(id(func.value))
        elif isinstance(node, ast.Subscript) and _is_os_environ(node.value):
            handled.add(id(node.value))
            yield node.lineno, _name_of(node.slice, path), code(node)
        elif isinstance(node, ast.Compare) and any(_is_os_environ(c) for c in node.comparators):
            handled.update(id(c) for c in node.comparators)
            yield node.lineno, _name_of(node.left, path), code(node)
        elif isinstance(node, ast.Dict) and any(k is None and _is_os_environ(v) for k, v in zip(node.keys, node.values)):
            handled.update(id(v) for v in node.values)
        elif _is_os_environ(node) and id(node) not in handled:
            handled.add(id(node))
            yield node.lineno, None, code(node)


def test_every_environment_variable_read_outside_tests_is_registered():
    problems: List[str] = []
    for path in _python_files():
        relative = path.relative_to(ROOT).as_posix()
        for line, name, code in _environment_uses(path):
            if name is None:
                if (relative, code) not in EXCEPTIONS:
                    problems.append(f"{relative}:{line}: {code!r} names no setting the test can tell")
            elif name not in settings.REGISTRY:
                problems.append(f"{relative}:{line}: {name} is not in contact_center/settings.py")
    assert not problems, "\n".join(problems)


def _settings_aliases(tree: ast.Module) -> Set[str]:
    aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "contact_center":
            aliases.update(a.asname or a.name for a in node.names if a.name == "settings")
        elif isinstance(node, ast.Import):
            aliases.update(a.asname for a in node.names if a.name == "contact_center.settings" and a.asname)
    return aliases


def _registered_names_used(path: Path, tree: ast.Module) -> Set[str]:
    names = {node.value for node in ast.walk(tree)
             if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in settings.REGISTRY}
    names |= {value for value in _constants(path).values() if value in settings.REGISTRY}
    return names


def _reads_listed(setting: settings.Setting, relative: str) -> bool:
    return any(relative == reader.split(" (")[0] or relative.startswith(reader.rstrip("/") + "/")
               for reader in setting.read_by)


def test_modules_reading_through_the_registry_are_its_listed_readers():
    """Every module using contact_center.settings names only registered settings, and the
    registry lists it as a reader of each one it names, so the README says who reads what."""
    problems: List[str] = []
    switched = 0
    for path in _python_files():
        tree = _tree(path)
        aliases = _settings_aliases(tree) if tree is not None else set()
        if not aliases:
            continue
        switched += 1
        relative = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ACCESSORS
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in aliases and node.args):
                name = _name_of(node.args[0], path)
                if name is not None and name not in settings.REGISTRY:
                    problems.append(f"{relative}:{node.lineno}: {name} is not in contact_center/settings.py")
        for name in sorted(_registered_names_used(path, tree)):
            if not _reads_listed(settings.REGISTRY[name], relative):
                problems.append(f"{relative} uses {name}, but its read_by does not name {relative}")
    assert switched >= 20  # the modules switched to the registry
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------- configuration files


def _variables_in(relative: str, pattern: str) -> Set[str]:
    path = ROOT / relative
    if not path.exists():
        return set()
    text = path.read_text(encoding="utf-8")
    if not relative.endswith(".example"):  # its commented-out settings are settings; elsewhere, comments
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return set(re.findall(pattern, text, flags=re.M))


@pytest.mark.parametrize("relative, pattern", [
    ("endpoints.yml", r"\$\{(\w+)\}"),
    ("deploy/endpoints.production.yml", r"\$\{(\w+)\}"),
    ("credentials.yml", r"\$\{(\w+)\}"),
    ("deploy/production.env.example", r"^#?\s*([A-Z][A-Z0-9_]*)="),
    ("deploy/haproxy.cfg", r"\$\{([A-Z][A-Z0-9_]*)|defined\(([A-Z][A-Z0-9_]*)\)"),
    ("Makefile", r"^(?:export\s+)?([A-Z][A-Z0-9_]*)\s*\?="),
    ("Makefile", r"^export\s+([A-Z][A-Z0-9_]*)"),
])
def test_variables_of_configuration_files_are_registered(relative, pattern):
    found = _variables_in(relative, pattern)
    names = {n for item in found for n in ((item,) if isinstance(item, str) else item) if n}
    unregistered = sorted(names - set(settings.REGISTRY))
    assert not unregistered, f"{relative} reads {unregistered}: add them to contact_center/settings.py"


def test_an_empty_action_server_host_is_loopback_not_every_interface(monkeypatch):
    monkeypatch.setenv("ACTION_SERVER_HOST", "")
    assert settings.text("ACTION_SERVER_HOST") == "127.0.0.1"
