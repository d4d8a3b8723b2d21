"""The test tree mirrors the code (issue 12): a folder of tests is named for the package
it tests, or is one of the few layers that test the whole assistant rather than one package."""
from __future__ import annotations

from tests import ROOT

TESTS = ROOT / "tests"
# Layers that cut across packages, and the data sets kept beside the tests that read them.
LAYERS = {
    "conversations": "REST conversation tests and the dialogue test stories",
    "project": "whole-project checks",
    "browser": "the pages in a real browser",
    "nlu": "the NLU development and test sets",
    "crisis": "the crisis check's blind test set",
    "output": "what test runs write (not tracked)",
}


def _packages():
    return {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists() and p.name != "tests"}


def test_every_test_folder_is_a_package_of_the_code_or_a_named_layer():
    strays = []
    for folder in TESTS.rglob("*"):
        if not folder.is_dir() or "__pycache__" in folder.parts or "output" in folder.relative_to(TESTS).parts:
            continue
        relative = folder.relative_to(TESTS)
        if relative.parts[0] in LAYERS:
            continue
        if not (ROOT / relative).is_dir():
            strays.append(str(relative))
    assert not strays, f"test folders that mirror no code folder: {strays}"


def test_no_test_module_sits_loose_at_the_top_of_tests():
    loose = sorted(p.name for p in TESTS.glob("test_*"))
    assert not loose, f"put these beside the package they test: {loose}"


def test_every_package_with_tests_has_them_in_its_own_folder():
    for package in _packages():
        tests_of_it = TESTS / package
        if tests_of_it.exists():
            assert (tests_of_it / "__init__.py").exists(), f"tests/{package}/ needs __init__.py (pytest imports by package)"
