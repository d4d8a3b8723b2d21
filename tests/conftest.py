"""Shared fixtures: paths, and the trained model loaded once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import ROOT

# The same model the stack runs (launcher/scratch.py): ASSISTANT_MODEL, or the trained one.
MODEL = Path(os.environ.get("ASSISTANT_MODEL", ROOT / "models" / "current.tar.gz"))
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


@pytest.fixture(scope="session")
def model_parser():
    """The trained model (`make test` trains it first); parses in-process."""
    if not MODEL.exists():
        pytest.fail(f"{MODEL} is missing: run `make test`, which trains it first")
    from nlu_evaluation import ModelParser

    return ModelParser(MODEL)


# Test layers (README "The two commands"): `make test-unit` runs what needs no trained
# model and no running stack, for the edit-test loop; `make test` runs every layer.
STACK_MODULES = {
    "test_surface.py", "test_production_endpoints.py", "test_workflow.py",
    "test_production_check.py", "test_data_validate.py", "test_desk_api.py", "test_channel_abuse.py", "test_log_privacy.py",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath))
        if "browser" in path.parts or "conversations" in path.parts or path.name in STACK_MODULES:
            item.add_marker(pytest.mark.stack)
        if "model_parser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.model)
