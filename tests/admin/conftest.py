"""Fixtures for the admin workflow: a small project with a trained model, a running Rasa
server with the HTTP API on a free port, tracker stores on SQLite and PostgreSQL.

Nothing here reaches outside the machine: the server listens on 127.0.0.1 and
PostgreSQL is the local one (skipped, with the reason, when it is not reachable).
"""
from __future__ import annotations

import logging
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from tests.admin import smallproject

from tests import ROOT

PG_URL = os.environ.get("ADMIN_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432")
SERVER_START_TIMEOUT = 300

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def small_template(tmp_path_factory):
    """The small project with its live model trained: models/current.tar.gz."""
    from rasa import model_training

    root = smallproject.build(tmp_path_factory.mktemp("admin") / "template")
    try:
        os.nice(max(0, 10 - os.nice(0)))  # 2 shared cores: training yields to everything else
    except OSError:
        pass
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # no progress bars from Rasa here
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    started = time.monotonic()
    cache_before = os.environ.get("RASA_CACHE_DIRECTORY")
    os.environ["RASA_CACHE_DIRECTORY"] = str(root / ".rasa" / "cache")  # copied with the project
    try:
        result = model_training.train(
            domain=str(root / "domain"), config=str(root / "config.yml"), training_files=[str(root / "data")],
            output=str(root / "models"), fixed_model_name="current", force_training=True,
        )
    finally:
        if cache_before is None:
            os.environ.pop("RASA_CACHE_DIRECTORY", None)
        else:
            os.environ["RASA_CACHE_DIRECTORY"] = cache_before
    assert result.code == 0 and (root / "models" / "current.tar.gz").exists()
    print(f"\nsmall project: base model trained in {time.monotonic() - started:.0f}s")
    return root


@pytest.fixture(scope="session")
def rasa_server(small_template, tmp_path_factory):
    """`rasa run --enable-api --auth-token=...` (one argument: a token may start with '-') on a free local port, serving the base model."""
    token = secrets.token_urlsafe(16)
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "rasa.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    rasa = Path(sys.executable).with_name("rasa")
    with open(log, "wb") as handle:
        process = subprocess.Popen(
            [str(rasa), "run", "--enable-api", f"--auth-token={token}", "--interface", "127.0.0.1",
             "--port", str(port), "--model", str(small_template / "models" / "current.tar.gz")],
            cwd=small_template, env=env, stdout=handle, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"rasa run exited ({process.returncode}):\n{log.read_text()[-3000:]}")
            try:
                if requests.get(f"{url}/status", params={"token": token}, timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"rasa run did not answer within {SERVER_START_TIMEOUT}s:\n{log.read_text()[-3000:]}")
            time.sleep(1)
        yield {"url": url, "token": token, "base_model": small_template / "models" / "current.tar.gz", "log": log}
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Api:
    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url, token

    def status(self) -> dict:
        return requests.get(f"{self.url}/status", params={"token": self.token}, timeout=30).json()

    def parse(self, text: str) -> dict:
        response = requests.post(f"{self.url}/model/parse", params={"token": self.token}, json={"text": text}, timeout=60)
        response.raise_for_status()
        return response.json()

    def load(self, path: Path) -> None:
        response = requests.put(f"{self.url}/model", params={"token": self.token},
                                json={"model_file": str(path)}, timeout=300)
        assert response.status_code == 204, response.text


@pytest.fixture
def api(rasa_server):
    """The server's HTTP API, with the base model live at the start of each test."""
    from admin import registry

    client = Api(rasa_server["url"], rasa_server["token"])
    base_id = registry.metadata(rasa_server["base_model"])["model_id"]
    if client.status().get("model_id") != base_id:
        client.load(rasa_server["base_model"])
    client.base_model_id = base_id
    return client


@pytest.fixture
def project(small_template, tmp_path):
    """A fresh copy of the small project (with its trained live model and training cache)."""
    target = tmp_path / "project"
    shutil.copytree(small_template, target, ignore=shutil.ignore_patterns("var"))
    return target


@pytest.fixture
def pg_database():
    """A scratch PostgreSQL database on the local server; dropped afterwards."""
    import sqlalchemy as sa

    admin_engine = sa.create_engine(f"{PG_URL}/postgres", isolation_level="AUTOCOMMIT",
                                    connect_args={"connect_timeout": 3})
    try:
        with admin_engine.connect() as conn:
            conn.execute(sa.text("select 1"))
    except sa.exc.OperationalError as error:
        admin_engine.dispose()
        pytest.skip(f"PostgreSQL at {PG_URL} is not reachable: {str(error).splitlines()[0]}")
    name = f"admin_test_{uuid.uuid4().hex[:10]}"
    with admin_engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield {"url": f"{PG_URL}/{name}", "name": name}
    finally:
        with admin_engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()
