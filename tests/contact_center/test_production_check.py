"""In production the assistant refuses to start with a wrong setting, and says which (issue 15)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from contact_center import production_check
from tests.stack import ROOT

GOOD = {
    "CONTACT_CENTER_ENV": "production",
    "ACTION_SERVER_TOKEN": "a" * 12 + "Zq9-tR7_wX2k",
    "RASA_API_TOKEN": "b" * 12 + "Lp0-mN4_vB8j",
    "DB_HOST": "db.internal",
    "DB_SSLMODE": "verify-full",
    "DB_USER": "assistant",
    "DB_PASSWORD": "s3cret-db-password",
    "RABBITMQ_HOST": "mq.internal",
    "RABBITMQ_SSL_CLIENT_CERTIFICATE": "/etc/assistant/tls/mq.pem",
    "RABBITMQ_SSL_CLIENT_KEY": "/etc/assistant/tls/mq.key",
    "RABBITMQ_USER": "assistant",
    "RABBITMQ_PASSWORD": "s3cret-mq-password",
    "CONTACT_CENTER_DB_URL": "postgresql://assistant:pw@db.internal:5432/contact_center?sslmode=verify-full",
    "CASE_STATUS_BASE_URL": "https://api.uscis.gov",
    "CASE_STATUS_CLIENT_ID": "real-client",
    "CASE_STATUS_CLIENT_SECRET": "real-secret",
    "DESK_COOKIE_SECURE": "true",
    "APPLICANT_SESSION_KEY": "c" * 12 + "Rt5-yU6_iO7p",
    "SMTP_HOST": "smtp.example.gov",
    "SMTP_STARTTLS": "true",
}


def test_good_production_settings_pass_for_both_processes():
    assert production_check.problems(GOOD, "rasa") == []
    assert production_check.problems(GOOD, "actions") == []
    assert production_check.problems(GOOD, "desk") == []


@pytest.mark.parametrize(
    "change, role, named",
    [
        ({"ACTION_SERVER_TOKEN": ""}, "actions", "ACTION_SERVER_TOKEN is not set"),
        ({"ACTION_SERVER_TOKEN": "changeme"}, "rasa", "ACTION_SERVER_TOKEN is a default"),
        ({"RASA_API_TOKEN": "short"}, "rasa", "RASA_API_TOKEN is a default or shorter"),
        ({"DB_USER": "postgres"}, "rasa", "DB_USER 'postgres' is a superuser"),
        ({"DB_PASSWORD": ""}, "rasa", "DB_PASSWORD is not set"),
        ({"RABBITMQ_USER": "guest", "RABBITMQ_PASSWORD": "guest"}, "rasa", "guest account"),
        ({"CONTACT_CENTER_DB_URL": "sqlite:///var/cc.db"}, "actions", "CONTACT_CENTER_DB_URL is not set to the production"),
        ({"CONTACT_CENTER_DB_URL": "postgresql://postgres@127.0.0.1:5432/test"}, "actions", "superuser or no password"),
        ({"CASE_STATUS_BASE_URL": ""}, "actions", "CASE_STATUS_BASE_URL is not set"),
        ({"CASE_STATUS_CLIENT_ID": "local-demo-client"}, "actions", "CASE_STATUS_CLIENT_ID is empty or the local demo id"),
        ({"CASE_STATUS_CLIENT_ID": ""}, "actions", "CASE_STATUS_CLIENT_ID is empty"),
        ({"CASE_STATUS_CLIENT_SECRET": "local-demo-secret"}, "actions", "CASE_STATUS_CLIENT_SECRET is empty or the local demo"),
        ({"DESK_COOKIE_SECURE": ""}, "desk", "DESK_COOKIE_SECURE is not true"),
        ({"APPLICANT_SESSION_KEY": ""}, "rasa", "APPLICANT_SESSION_KEY is not set"),
        ({"SMTP_HOST": ""}, "desk", "SMTP_HOST is not set"),
        ({"SMTP_STARTTLS": "false"}, "desk", "SMTP_STARTTLS is not true"),
        ({"CONTACT_CENTER_DB_URL": "sqlite:///var/cc.db"}, "desk", "CONTACT_CENTER_DB_URL is not set to the production"),
        ({"RASA_API_TOKEN": ""}, "desk", "RASA_API_TOKEN is not set"),
        ({"DB_SSLMODE": "prefer"}, "rasa", "DB_SSLMODE must be verify-full"),
        ({"DB_SSLMODE": ""}, "rasa", "DB_SSLMODE must be verify-full"),
        ({"RABBITMQ_SSL_CLIENT_KEY": ""}, "rasa", "RABBITMQ_SSL_CLIENT_CERTIFICATE and RABBITMQ_SSL_CLIENT_KEY"),
        ({"CONTACT_CENTER_DB_URL": "postgresql://assistant:pw@db.internal:5432/contact_center?sslmode=require"},
         "actions", "without ?sslmode=verify-full"),
    ],
)
def test_each_bad_setting_is_named(change, role, named):
    found = production_check.problems(dict(GOOD, **change), role)
    assert any(named in p for p in found), found


def test_on_this_machine_the_database_and_broker_need_no_tls():
    local = dict(GOOD, DB_HOST="127.0.0.1", DB_SSLMODE="prefer", RABBITMQ_HOST="localhost",
                 RABBITMQ_SSL_CLIENT_CERTIFICATE="", RABBITMQ_SSL_CLIENT_KEY="",
                 CONTACT_CENTER_DB_URL="postgresql://assistant:pw@127.0.0.1:5432/contact_center")
    assert production_check.problems(local, "rasa") == []
    assert production_check.problems(local, "actions") == []


def test_outside_production_nothing_is_checked():
    production_check.refuse_if_unsafe("actions", {"ACTION_SERVER_TOKEN": ""})


def test_the_action_server_refuses_to_start_and_says_why():
    env = {**os.environ, **GOOD, "CASE_STATUS_CLIENT_ID": "local-demo-client", "DB_USER": "postgres"}
    result = subprocess.run(
        [sys.executable, "-m", "actions.server", "--port", "1"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "refusing to start in production" in result.stderr
    assert "CASE_STATUS_CLIENT_ID" in result.stderr


def test_the_rasa_server_refuses_to_start_and_says_why():
    env = {**os.environ, **GOOD, "RABBITMQ_USER": "guest", "RABBITMQ_PASSWORD": "guest"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "rasa_server.py"), "run", "--port", "1"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "RABBITMQ_USER/RABBITMQ_PASSWORD" in result.stderr


def test_the_page_and_desk_server_refuses_to_start_and_says_why():
    env = {**os.environ, **GOOD, "DESK_COOKIE_SECURE": "false"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "web" / "serve.py"), "--port", "1"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "DESK_COOKIE_SECURE" in result.stderr


def test_the_case_status_client_never_sends_the_demo_credentials_to_a_real_api():
    from contact_center.case_status import CaseStatusClient

    with pytest.raises(ValueError, match="CASE_STATUS_CLIENT_ID"):
        CaseStatusClient.from_config(env={"CASE_STATUS_BASE_URL": "https://api.uscis.gov"})
    local = CaseStatusClient.from_config(env={"CASE_STATUS_BASE_URL": "http://127.0.0.1:5056"})
    assert local.client_id == "local-demo-client"
