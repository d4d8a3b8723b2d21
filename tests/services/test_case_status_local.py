"""The local Case Status service speaks the protocol (raw HTTP), and its data is sound.

Also checks the plain-words explanations (rule S1) against the titles the
service returns.
"""
from __future__ import annotations

import json
import re
import socket
import string
import subprocess
import sys
import threading
import time
from datetime import datetime

import pytest
import requests
import yaml

from contact_center.case_status.explanations import EXPLAINED_TITLES, explanation_response, slug
from services.case_status_local import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    LocalCaseStatusService,
    load_cases,
    render_case,
)
from services.case_status_local import build_cases
from services.case_status_local.texts import date_es, load_texts_es

from tests import ROOT

SHARED = build_cases.DEFAULT_SOURCE
EXPLANATIONS = ROOT / "domain" / "case_status.yml"  # with the rest of case status
FORMS = {"I-485", "I-130", "I-765", "I-131", "N-400", "I-90", "I-751", "I-140", "I-129", "I-539", "N-600", "I-821D"}
DATE_RE = re.compile(r"^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$")
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason=f"shared data not at {SHARED}")


@pytest.fixture
def service():
    svc = LocalCaseStatusService(port=0, admin=True).start()
    try:
        yield svc
    finally:
        svc.stop()


def get_token(url: str, client_id=DEMO_CLIENT_ID, secret=DEMO_CLIENT_SECRET) -> requests.Response:
    return requests.post(
        f"{url}/oauth/accesstoken",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
        timeout=2,
    )


def lookup(url: str, receipt: str, token: str) -> requests.Response:
    return requests.get(f"{url}/case-status/{receipt}", headers={"Authorization": f"Bearer {token}"}, timeout=2)


@pytest.fixture
def token(service) -> str:
    return get_token(service.url).json()["access_token"]


# ---------------------------------------------------------------- protocol


def test_health(service):
    reply = requests.get(f"{service.url}/health", timeout=2)
    assert reply.status_code == 200
    assert reply.json()["status"] == "ok" and reply.json()["cases"] >= 90


def test_token_reply_is_shaped_like_the_real_one(service):
    reply = get_token(service.url)
    assert reply.status_code == 200
    body = reply.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == "1800"  # a string, as the real API sends
    assert body["status"] == "approved"
    assert len(body["access_token"]) >= 20


def test_token_accepts_basic_auth(service):
    reply = requests.post(
        f"{service.url}/oauth/accesstoken",
        data={"grant_type": "client_credentials"},
        auth=(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET),
        timeout=2,
    )
    assert reply.status_code == 200


def test_token_refuses_bad_credentials_and_grant(service):
    bad = get_token(service.url, secret="nope")
    assert bad.status_code == 401
    assert bad.json()["errors"][0]["message"] == "Invalid client identifier or secret"
    wrong_grant = requests.post(
        f"{service.url}/oauth/accesstoken",
        data={"grant_type": "password", "client_id": DEMO_CLIENT_ID, "client_secret": DEMO_CLIENT_SECRET},
        timeout=2,
    )
    assert wrong_grant.status_code == 400


def test_lookup_needs_a_valid_token(service):
    assert requests.get(f"{service.url}/case-status/EAC1234567890", timeout=2).status_code == 401
    reply = lookup(service.url, "EAC1234567890", "made-up-token")
    assert reply.status_code == 401
    assert reply.json()["errors"][0]["code"] == "invalid_token"


def test_tokens_expire():
    with LocalCaseStatusService(port=0, token_ttl_seconds=0.3) as svc:
        token = get_token(svc.url).json()["access_token"]
        assert lookup(svc.url, "EAC1234567890", token).status_code == 200
        time.sleep(0.35)
        assert lookup(svc.url, "EAC1234567890", token).status_code == 401


def test_S1_lookup_reply_has_the_documented_shape(service, token):
    reply = lookup(service.url, "EAC9999103403", token)
    assert reply.status_code == 200
    body = reply.json()
    assert body["message"] == "Query was successful for payload {'receipt_number': 'EAC9999103403'}"
    case = body["case_status"]
    assert set(case) == {
        "receiptNumber", "formType", "submittedDate", "modifiedDate",
        "current_case_status_text_en", "current_case_status_desc_en",
        "current_case_status_text_es", "current_case_status_desc_es", "hist_case_status",
    }
    assert case["receiptNumber"] == "EAC9999103403" and case["formType"] == "I-130"
    assert DATE_RE.match(case["submittedDate"]) and DATE_RE.match(case["modifiedDate"])
    assert case["current_case_status_text_en"] == "Case Was Approved"
    assert case["current_case_status_text_es"] == "Caso Fue Aprobado"
    assert isinstance(case["hist_case_status"], list) and case["hist_case_status"]
    for entry in case["hist_case_status"]:
        assert set(entry) == {"date", "completed_text_en", "completed_text_es"}
        assert DATE_RE.match(entry["date"])


def test_S1_ioe_receipt_has_no_dates(service, token):
    case = lookup(service.url, "IOE4444444444", token).json()["case_status"]
    assert "submittedDate" not in case and "modifiedDate" not in case
    assert case["hist_case_status"] is None


def test_S1_history_is_null_when_there_is_none(service, token):
    case = lookup(service.url, "EAC9999103400", token).json()["case_status"]
    assert case["hist_case_status"] is None


def test_S1_lower_case_receipt_is_accepted(service, token):
    assert lookup(service.url, "eac1234567890", token).json()["case_status"]["receiptNumber"] == "EAC1234567890"


@pytest.mark.parametrize("receipt", ["EAC123", "EAC12345678901", "1234567890123", "EA1234567890X", "EAC-123456789"])
def test_malformed_receipt_is_422(receipt):
    with LocalCaseStatusService(port=0, rate_limit_per_second=0) as svc:
        token = get_token(svc.url).json()["access_token"]
        reply = lookup(svc.url, receipt, token)
    assert reply.status_code == 422
    assert "3-letter prefix and 10 digits" in reply.json()["errors"][0]["message"]


def test_unknown_receipt_is_404(service, token):
    reply = lookup(service.url, "ABC1234567890", token)
    assert reply.status_code == 404
    assert reply.json()["errors"][0]["message"] == "Receipt number ABC1234567890 was not found."


def test_spike_arrest_above_5_per_second(service, token):
    codes = [lookup(service.url, "EAC1234567890", token).status_code for _ in range(5)]
    assert codes == [200] * 5
    # The sixth within one second is refused; keep going in case this machine is slow.
    for _ in range(20):
        reply = lookup(service.url, "EAC1234567890", token)
        if reply.status_code == 429:
            break
    assert reply.status_code == 429
    assert reply.json()["errors"][0]["message"] == "Spike Arrest Violation"
    assert reply.headers["Retry-After"] == "1"
    time.sleep(1.05)
    assert lookup(service.url, "EAC1234567890", token).status_code == 200


def test_S3_down_mode_is_503_with_nested_error(service, token):
    service.set_mode("down")
    reply = lookup(service.url, "EAC1234567890", token)
    assert reply.status_code == 503
    assert "temporarily unavailable" in reply.json()["error"]["message"]
    assert get_token(service.url).status_code == 503


def test_S3_fail_switch_from_the_environment(monkeypatch):
    monkeypatch.setenv("CASE_STATUS_LOCAL_FAIL", "503")
    with LocalCaseStatusService(port=0) as svc:
        assert svc.mode == "down"
        assert get_token(svc.url).status_code == 503
    monkeypatch.setenv("CASE_STATUS_LOCAL_FAIL", "bogus")
    with pytest.raises(ValueError):
        LocalCaseStatusService(port=0)


def test_S3_admin_endpoint_switches_modes(service, token):
    reply = requests.post(f"{service.url}/_admin/mode", json={"mode": "down", "times": 1}, timeout=2)
    assert reply.json() == {"mode": "down", "times": 1}
    assert lookup(service.url, "EAC1234567890", token).status_code == 503
    assert lookup(service.url, "EAC1234567890", token).status_code == 200  # back after one
    requests.post(f"{service.url}/_admin/mode", json={"mode": "slow", "slow_seconds": 0.3}, timeout=2)
    started = time.monotonic()
    assert lookup(service.url, "EAC1234567890", token).status_code == 200
    assert time.monotonic() - started >= 0.3
    assert requests.post(f"{service.url}/_admin/mode", json={"mode": "nonsense"}, timeout=2).status_code == 400
    requests.post(f"{service.url}/_admin/mode", json={"mode": "ok", "revoke_tokens": True}, timeout=2)
    assert lookup(service.url, "EAC1234567890", token).status_code == 401
    stats = requests.get(f"{service.url}/_admin/stats", timeout=2).json()["stats"]
    assert stats["token_requests"] == 1


def test_replies_are_json_with_the_services_headers(service):
    reply = requests.get(f"{service.url}/health", timeout=2)
    assert reply.headers["Content-Type"] == "application/json; charset=utf-8"
    assert reply.headers["Server"].startswith("CaseStatusLocal/1.0 ")


@pytest.mark.parametrize(
    "method, path",
    [("GET", "/nowhere"), ("POST", "/nowhere"), ("POST", "/health"), ("GET", "/oauth/accesstoken"),
     ("POST", "/case-status/EAC1234567890"), ("GET", "/case-status"), ("GET", "/_admin/mode")],
)
def test_unknown_route_or_method_is_a_404_in_the_api_style(service, method, path):
    reply = requests.request(method, f"{service.url}{path}?q=1", timeout=2)
    assert reply.status_code == 404
    assert reply.json() == {"errors": [{"code": "ResourceNotFound", "message": f"No resource at {path}"}]}


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_methods_are_501(service, method):
    reply = requests.request(method, f"{service.url}/health", timeout=2)
    assert reply.status_code == 501
    assert reply.json()["errors"][0]["message"] == f"Unsupported method ('{method}')"


def test_lookup_refuses_a_token_that_is_not_bearer(service, token):
    reply = requests.get(
        f"{service.url}/case-status/EAC1234567890", headers={"Authorization": f"Token {token}"}, timeout=2
    )
    assert reply.status_code == 401
    assert reply.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert lookup(service.url, "EAC1234567890", token).status_code == 200


@pytest.mark.parametrize("body", [b"", b"\xff\xfe", b"grant_type", b'{"grant_type": "client_credentials"}'])
def test_token_request_with_a_malformed_form_is_400(service, body):
    reply = requests.post(
        f"{service.url}/oauth/accesstoken", data=body, auth=(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET), timeout=2
    )
    assert reply.status_code == 400
    assert reply.json()["errors"][0]["code"] == "invalid_request"


@pytest.mark.parametrize("body", [b"not json", b"[1]", b'{"mode": "down", "times": "x"}', b"\xff"])
def test_admin_mode_with_a_malformed_body_is_400_and_changes_nothing(service, body):
    reply = requests.post(f"{service.url}/_admin/mode", data=body, timeout=2)
    assert reply.status_code == 400
    assert reply.json()["errors"][0]["code"] == "bad_request"
    assert service.mode == "ok"


@pytest.mark.parametrize("path", ["/oauth/accesstoken", "/_admin/mode"])
def test_a_huge_body_is_413_and_the_service_goes_on(service, path):
    reply = requests.post(f"{service.url}{path}", data=b"grant_type=" + b"x" * (1024 * 1024), timeout=5)
    assert reply.status_code == 413
    assert reply.json()["errors"][0]["code"] == "payload_too_large"
    assert service.mode == "ok"
    assert get_token(service.url).status_code == 200


def test_stopping_wakes_a_lookup_sleeping_in_slow_mode():
    svc = LocalCaseStatusService(port=0, mode="slow", slow_seconds=30).start()
    token = get_token(svc.url).json()["access_token"]
    replies = []
    waiting = threading.Thread(target=lambda: replies.append(lookup_slowly(svc.url, token)))
    waiting.start()
    time.sleep(0.3)  # the lookup is asleep in the service
    started = time.monotonic()
    svc.stop()
    waiting.join(timeout=10)
    assert time.monotonic() - started < 5
    assert replies == [200]


def lookup_slowly(url: str, token: str) -> int:
    return requests.get(
        f"{url}/case-status/EAC1234567890", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).status_code


def test_admin_endpoints_are_off_by_default():
    with LocalCaseStatusService(port=0) as svc:
        assert requests.post(f"{svc.url}/_admin/mode", json={"mode": "down"}, timeout=2).status_code == 404
        assert requests.get(f"{svc.url}/_admin/stats", timeout=2).status_code == 404
        assert svc.mode == "ok"


def test_command_line_starts_the_service():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.case_status_local", "--port", str(port), "--log-level", "WARNING"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                reply = requests.get(f"http://127.0.0.1:{port}/health", timeout=0.5)
                break
            except requests.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"service did not start: {proc.stderr.read().decode()}")
                time.sleep(0.05)
        assert reply.json()["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(timeout=5)


# ---------------------------------------------------------------- data (cases.json)


@pytest.fixture(scope="module")
def cases():
    return load_cases()


@needs_shared
def test_every_sandbox_receipt_is_served_with_or_without_history(cases):
    sandbox = json.loads((SHARED / build_cases.SANDBOX_FILE).read_text())
    for receipt in sandbox["with_history"]:
        assert cases[receipt]["history"], receipt
    for receipt in sandbox["without_history"]:
        assert cases[receipt]["history"] is None, receipt
    assert len(sandbox["with_history"]) == len(sandbox["without_history"]) == 25


def test_demo_cases_cover_common_titles_forms_and_three_years(cases):
    demo = {r: c for r, c in cases.items() if c["kind"] == "demo"}
    assert len(demo) >= 40
    assert {c["formType"] for c in cases.values()} == FORMS
    assert len({c["title_en"] for c in demo.values()}) >= 30
    submitted = [c["submitted_days_ago"] for c in demo.values()]
    assert max(submitted) <= 3 * 366 and max(submitted) > 700 and min(submitted) < 30
    for receipt in ("EAC1234567890", "LIN1111111111", "SRC2222222222", "WAC3333333333", "IOE4444444444"):
        assert receipt in demo
    assert any(r.startswith("IOE") for r in demo)


def test_every_case_renders_without_placeholders_in_both_languages(cases):
    now = datetime(2025, 6, 15, 12, 0)
    for receipt, stored in cases.items():
        assert re.fullmatch(r"[A-Z]{3}\d{10}", receipt)
        case = render_case(receipt, stored, now)["case_status"]
        for key in ("current_case_status_desc_en", "current_case_status_desc_es"):
            text = case[key]
            assert "{" not in text and "}" not in text, (receipt, key)
            assert receipt in text or stored["title_en"] == "CASE STATUS", (receipt, key)
        assert case["current_case_status_text_es"] != case["current_case_status_text_en"]
        assert case["current_case_status_desc_es"] != case["current_case_status_desc_en"]
        if "submittedDate" in case:
            submitted = datetime.strptime(case["submittedDate"], "%m-%d-%Y %H:%M:%S")
            modified = datetime.strptime(case["modifiedDate"], "%m-%d-%Y %H:%M:%S")
            assert submitted <= modified < now
        for entry in case["hist_case_status"] or ():
            assert entry["completed_text_es"] and entry["completed_text_en"]


@needs_shared
def test_titles_are_real_uscis_titles(cases):
    titles = {
        " ".join(t.split())
        for t in json.loads((SHARED / build_cases.TEMPLATES_FILE).read_text())["titles"]
        if t
    }
    used = {c["title_en"] for c in cases.values()}
    used |= {h["text_en"] for c in cases.values() for h in c["history"] or ()}
    assert used <= titles
    assert set(EXPLAINED_TITLES) <= titles


@needs_shared
def test_cases_json_is_what_the_build_script_makes():
    built = build_cases.build(SHARED)
    committed = json.loads((ROOT / "services" / "case_status_local" / "cases.json").read_text())
    assert built == committed, "run: python -m services.case_status_local.build_cases"


def test_spanish_templates_use_the_same_placeholders_as_english():
    for title, es in build_cases.TEMPLATES_ES.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(es) if f}
        assert "receipt_number" in fields or title == "CASE STATUS", title
        assert title in build_cases.TITLES_ES


def test_spanish_texts_are_read_from_their_data_file():
    texts = load_texts_es()
    assert texts["titles"] == build_cases.TITLES_ES and texts["templates"] == build_cases.TEMPLATES_ES
    assert set(texts["templates"]) == set(texts["titles"])
    assert len(texts["months"]) == 12 and date_es(datetime(2024, 3, 5)) == "5 de marzo de 2024"
    for template in texts["templates"].values():
        assert "{move}" not in template and "{contact}" not in template
    assert {build_cases.FORMS[form][1] for form in FORMS} == set(texts["forms"].values())
    for case in load_cases().values():
        assert case["title_es"] == texts["titles"][case["title_en"]]


# ---------------------------------------------------------------- explanations (S1)


def test_S1_explanations_cover_at_least_30_titles_with_the_domain_shape():
    responses = {
        key: value
        for key, value in yaml.safe_load(EXPLANATIONS.read_text())["responses"].items()
        if key.startswith("utter_status_")
    }
    assert len(responses) >= 30
    assert set(responses) == {"utter_status_" + slug(t) for t in EXPLAINED_TITLES}
    for key, variations in responses.items():
        assert key.startswith("utter_status_")
        assert len(variations) == 2, key
        spanish, english = variations
        assert spanish["condition"] == [{"type": "slot", "name": "language", "value": "es"}], key
        assert set(spanish) == {"condition", "text"} and set(english) == {"text"}, key
        assert "Next:" in english["text"] and "Siguiente paso:" in spanish["text"], key
        assert spanish["text"] != english["text"]
        assert "{" not in english["text"] + spanish["text"], key


def test_S1_explanation_response_maps_titles_case_and_space_insensitively():
    assert explanation_response("Case Was Received") == "utter_status_case_was_received"
    assert explanation_response("  CASE was   received ") == "utter_status_case_was_received"
    assert (
        explanation_response("Response To USCIS\u2019 Request For Evidence Was Received")
        == "utter_status_response_to_uscis_request_for_evidence_was_received"
    )
    assert explanation_response("CASE STATUS") == "utter_status_case_status"
    assert explanation_response("Case Is On Hold Because Of Pending Litigation") is None
    assert explanation_response("") is None and explanation_response(None) is None


def test_S1_most_demo_statuses_have_an_explanation(cases):
    titles = {c["title_en"] for c in cases.values()}
    explained = {t for t in titles if explanation_response(t)}
    assert len(explained) >= len(titles) - 2
