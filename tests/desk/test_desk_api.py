"""The desk's JSON API (docs/desk-api.md) on the real stack: Rasa, the action server,
the chat page and desk server, and a real SMTP server on loopback for the C4 e-mail.

Applicants talk through the REST channel in their own words; representatives use the
API as the page does (cookie session, X-CSRF-Token).
"""
from __future__ import annotations

import email
import time
import uuid
from email import policy

import pytest
import requests
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.stack import ROOT, start_assistant, start_web, stop_all

IN_HOURS = "2026-11-24T10:00:00-05:00"  # a Tuesday morning: live chat open (G3)
AFTER_HOURS = "2026-11-24T21:00:00-05:00"  # live chat closed, so a callback is offered
PASSWORD = "desk tests password"
ACCOUNTS = (("ana", "Ana", "tier1"), ("ben", "Ben", "tier1"), ("luis", "Luis", "tier2"), ("sofia", "Sofia", "supervisor"))


@pytest.fixture(scope="module")
def pg_schema():
    """A fresh schema on the PostgreSQL test database, or the reason there is none."""
    from tests.contact_center.storage.test_storage import PG_URL

    engine = sa.create_engine(PG_URL, future=True, connect_args={"connect_timeout": 3})
    schema = "desk_api_" + uuid.uuid4().hex[:8]
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except Exception as exc:  # noqa: BLE001 - any failure means: skip, and say why
        engine.dispose()
        yield None, f"PostgreSQL unreachable at {PG_URL} ({type(exc).__name__})"
        return
    yield str(make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})), None
    with engine.begin() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    engine.dispose()


# The contact center's store on SQLite (the local default) and on PostgreSQL (production).
@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def stack(request, tmp_path_factory):
    from contact_center.storage import ContactCenterStore
    from desk.staff import Staff
    from services import mail_local

    extra_env = {}
    if request.param == "postgresql":
        url, reason = request.getfixturevalue("pg_schema")
        if url is None:
            pytest.skip(reason)
        extra_env["CONTACT_CENTER_DB_URL"] = url
    logs = ROOT / "tests" / "output" / "desk"
    work = tmp_path_factory.mktemp("desk")
    mail = mail_local.start("127.0.0.1", 0, work / "mail")
    try:
        assistant = start_assistant(work, logs, clock=IN_HOURS, extra_env=extra_env)
    except Exception as exc:
        mail.stop()
        pytest.fail(f"the assistant did not start: {exc}")
    try:
        store = ContactCenterStore(assistant.db_url)
        store.migrate()
        staff = Staff(store)
        for username, name, role in ACCOUNTS:
            staff.create_account(username, name, role, PASSWORD)
        assistant.services.append(start_web(assistant, logs, smtp_port=mail.port))
        assistant.mail_folder = work / "mail"
    except Exception as exc:
        stop_all(assistant.services)
        mail.stop()
        pytest.fail(f"the desk did not start: {exc}")
    yield assistant, store
    stop_all(assistant.services)
    store.dispose()
    mail.stop()


@pytest.fixture
def clock(stack):
    assistant, _ = stack
    yield assistant.set_clock
    assistant.set_clock(IN_HOURS)


class Rep:
    """A representative signed in to the desk, as the page is."""

    def __init__(self, base: str, username: str) -> None:
        self.base = base.rstrip("/") + "/desk/api"
        self.http = requests.Session()
        answer = self.http.post(f"{self.base}/session", json={"username": username, "password": PASSWORD}, timeout=30)
        assert answer.status_code == 200, answer.text
        self.csrf = answer.json()["csrf_token"]
        self.user = answer.json()["user"]

    def get(self, path: str, **params):
        return self.http.get(self.base + path, params=params, timeout=60)

    def post(self, path: str, body=None):
        return self.http.post(self.base + path, json=body or {}, headers={"X-CSRF-Token": self.csrf}, timeout=60)


class Applicant:
    def __init__(self, assistant) -> None:
        self.assistant = assistant
        self.id = "desk-" + uuid.uuid4().hex[:12]

    def say(self, text: str) -> list:
        return self.assistant.say(self.id, text)

    def bot_events(self) -> list:
        """What was said to the applicant (bot utterances with text), in order."""
        return [e for e in self.assistant.tracker(self.id)["events"] if e.get("event") == "bot" and e.get("text")]


def rep(stack, username: str) -> Rep:
    return Rep(stack[0].page_url, username)


def texts(replies) -> str:
    return " ".join(r.get("text") or "" for r in replies)


def queued(stack, who: str, text: str = "I need to talk to a real person about my case please") -> Applicant:
    applicant = Applicant(stack[0])
    replies = applicant.say(text)
    if "line" not in texts(replies) and "fila" not in texts(replies):  # asked what it is about first (G1)
        replies = applicant.say("it's about a fee I paid twice, I need a person")
    assert "line" in texts(replies) or "fila" in texts(replies), texts(replies)
    return applicant


def entry(rep: Rep, conversation_id: str) -> dict:
    return next(c for c in rep.get("/queue").json()["conversations"] if c["id"] == conversation_id)


def wait_for(check, seconds: float = 10.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    return check()


# ---------------------------------------------------------------- signing in, roles, CSRF

ENDPOINTS = [
    ("GET", "/queue"), ("GET", "/conversations/x"), ("POST", "/conversations/x/take"),
    ("POST", "/conversations/x/messages"), ("POST", "/conversations/x/escalate"), ("POST", "/conversations/x/release"),
    ("POST", "/conversations/x/close"), ("GET", "/callbacks"), ("POST", "/callbacks/CB-2222-3333/attempts"),
    ("GET", "/session"), ("DELETE", "/session"),
]


@pytest.mark.parametrize("method,path", ENDPOINTS)
def test_every_endpoint_answers_401_without_a_session(stack, method, path):
    answer = requests.request(method, stack[0].page_url + "desk/api" + path, json={}, timeout=30)
    assert answer.status_code == 401 and answer.json()["error"] == "not_signed_in"


def test_a_wrong_password_is_401_and_the_cookie_is_httponly(stack):
    base = stack[0].page_url + "desk/api/session"
    assert requests.post(base, json={"username": "ana", "password": "not it at all"}, timeout=30).status_code == 401
    answer = requests.post(base, json={"username": "ana", "password": PASSWORD}, timeout=30)
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/desk" in cookie


def test_state_changes_need_the_csrf_token_and_json(stack):
    ana = rep(stack, "ana")
    refused = ana.http.post(ana.base + "/conversations/x/take", json={}, timeout=30)
    assert refused.status_code == 403 and refused.json()["error"] == "csrf"
    wrong = ana.http.post(ana.base + "/conversations/x/take", json={}, headers={"X-CSRF-Token": "guess"}, timeout=30)
    assert wrong.status_code == 403
    form = ana.http.post(ana.base + "/callbacks/CB-2222-3333/attempts", data={"result": "answered"},
                         headers={"X-CSRF-Token": ana.csrf}, timeout=30)
    assert form.status_code == 415  # a cross-site form cannot send JSON
    assert ana.get("/session").json()["user"] == {"username": "ana", "name": "Ana", "role": "tier1", "tier": 1}


def test_sign_out_ends_the_session(stack):
    ana = rep(stack, "ana")
    assert ana.http.delete(ana.base + "/session", headers={"X-CSRF-Token": ana.csrf}, timeout=30).status_code == 204
    assert ana.get("/queue").status_code == 401


def test_the_desk_page_sends_a_strict_content_security_policy(stack):
    answer = requests.get(stack[0].page_url + "desk/", timeout=30)
    policy_header = answer.headers["Content-Security-Policy"]
    assert answer.status_code == 200 and "script-src 'self'" in policy_header and "default-src 'none'" in policy_header
    assert "unsafe-inline" not in policy_header


# ---------------------------------------------------------------- live chat (G2, G3, U3)


def test_G2_take_talk_escalate_and_hand_back(stack):
    assistant, store = stack
    ana, ben, luis = rep(stack, "ana"), rep(stack, "ben"), rep(stack, "luis")
    applicant = queued(stack, "ana")
    waiting = entry(ana, applicant.id)
    assert waiting["status"] == "waiting" and waiting["tier"] == 1 and waiting["language"] == "en"
    # The summary is the applicant's own words; topic, receipt and language are their own fields.
    assert waiting["summary"].startswith("- ") and "topic:" not in waiting["summary"] and waiting["position"] >= 1
    assert any("G2" in d["rule_ids"] for d in waiting["decisions"])

    # Two representatives take it: one wins, the other is told who has it.
    assert ana.post(f"/conversations/{applicant.id}/take").status_code == 200
    lost = ben.post(f"/conversations/{applicant.id}/take")
    assert lost.status_code == 409 and lost.json() == {**lost.json(), "error": "already_taken", "taken_by": "Ana"}
    joined = applicant.bot_events()[-1]
    assert "Ana" in joined["text"] and "representative" in joined["text"]

    # Messages both ways, each within a second.
    started = time.time()
    assert ana.post(f"/conversations/{applicant.id}/messages", {"text": "Hi, I'm Ana. How can I help?"}).status_code == 201
    assert applicant.bot_events()[-1]["text"] == "Hi, I'm Ana. How can I help?"
    assert time.time() - started < 1.0
    assert applicant.say("I paid the I-130 fee twice, can I get a refund?") == []  # for Ana, not the assistant
    started = time.time()
    seen = ana.get(f"/conversations/{applicant.id}").json()
    assert time.time() - started < 1.0
    said = [(e["from"], e["text"]) for e in seen["transcript"]]
    assert ("applicant", "I paid the I-130 fee twice, can I get a refund?") in said
    assert ("representative", "Hi, I'm Ana. How can I help?") in said
    newer = ana.get(f"/conversations/{applicant.id}", after=seen["last"]).json()["transcript"]
    assert newer == []

    # Someone else cannot talk in it; Tier 1 cannot take what is Tier 2's.
    assert ben.post(f"/conversations/{applicant.id}/messages", {"text": "hello"}).status_code == 409
    escalated = ana.post(f"/conversations/{applicant.id}/escalate", {"note": "refund of a double fee: needs an officer"})
    assert escalated.status_code == 200 and escalated.json()["conversation"]["tier"] == 2
    assert "officer" in applicant.bot_events()[-1]["text"]
    assert all(c["id"] != applicant.id for c in ana.get("/queue").json()["conversations"])  # Tier 1's view
    tier2 = entry(luis, applicant.id)
    assert tier2["status"] == "waiting" and tier2["escalation_note"] == "refund of a double fee: needs an officer"
    assert ben.post(f"/conversations/{applicant.id}/take").status_code == 403
    assert luis.post(f"/conversations/{applicant.id}/take").status_code == 200
    assert "Luis" in applicant.bot_events()[-1]["text"]

    # Handed back: the assistant answers the next message again.
    assert luis.post(f"/conversations/{applicant.id}/release").status_code == 200
    replies = applicant.say("what is the status of my case EAC2190000123")
    assert replies and "EAC2190000123" in texts(replies)

    done = [(a.username, a.action) for a in stack_staff(store).actions(applicant.id)]
    assert done == [("ana", "take"), ("ana", "message"), ("ana", "escalate"), ("luis", "take"), ("luis", "release")]
    assert any(d.request_kind == "escalation" and d.rule_ids == ["G2"] for d in store.decisions_for(applicant.id))


def stack_staff(store):
    from desk.staff import Staff

    return Staff(store)


def test_closing_tells_the_applicant_and_the_assistant_answers_after(stack):
    ana = rep(stack, "ana")
    applicant = Applicant(stack[0])
    replies = applicant.say("quiero hablar con un representante por favor, es sobre un pago doble")
    if "fila" not in texts(replies):
        replies = applicant.say("es sobre un pago que hice dos veces")
    assert "fila" in texts(replies)
    assert entry(ana, applicant.id)["language"] == "es"
    assert ana.post(f"/conversations/{applicant.id}/take").status_code == 200
    assert "se unió" in applicant.bot_events()[-1]["text"]
    assert ana.post(f"/conversations/{applicant.id}/close").status_code == 200
    assert "terminó el chat" in applicant.bot_events()[-1]["text"]
    assert ana.post(f"/conversations/{applicant.id}/messages", {"text": "hola"}).status_code == 409
    assert applicant.say("gracias")


def test_the_line_moves_and_the_next_applicant_sees_their_new_place(stack):
    ana = rep(stack, "ana")
    first, second = queued(stack, "ana"), queued(stack, "ana")
    before = entry(ana, second.id)["position"]
    assert ana.post(f"/conversations/{first.id}/take").status_code == 200
    moved = wait_for(lambda: any(f"number {before - 1} in line" in (e.get("text") or "") for e in second.bot_events()))
    assert moved, [e.get("text") for e in second.bot_events()][-3:]
    ana.post(f"/conversations/{first.id}/close")


def test_markup_typed_by_an_applicant_comes_back_as_plain_text(stack):
    ana = rep(stack, "ana")
    attack = '<img src=x onerror="alert(1)"><script>alert(2)</script> talk to a person'
    applicant = queued(stack, "ana", attack)
    seen = entry(ana, applicant.id)
    assert '<script>alert(2)</script>' in seen["summary"]  # as typed, for textContent; never markup
    transcript = ana.get(f"/conversations/{applicant.id}").json()["transcript"]
    assert any(e["text"].startswith('<img src=x onerror="alert(1)">') for e in transcript if e["from"] == "applicant")
    assert ana.get(f"/conversations/{applicant.id}").headers["Content-Type"].startswith("application/json")


# ---------------------------------------------------------------- callbacks (C1-C5)


def ask_for_callback(stack, clock) -> str:
    """Out of live-chat hours, an applicant asks for a person and accepts a callback (G3, C1-C4)."""
    assistant, store = stack
    clock(AFTER_HOURS)
    applicant = Applicant(assistant)
    steps = [
        # A callback asked for with its topic: neither the topic nor "would you like a callback?" is asked.
        ("can someone call me back? i was charged the filing fee twice", "phone number"),
        ("202-555-0143 or my office 305 555 0199", "e-mail"),
        ("maria.lopez@example.com", "time"),
        ("any time", "Is that right"),
        ("yes", "reference"),
    ]
    for text, expected in steps:
        replies = applicant.say(text)
        assert expected.lower() in texts(replies).lower(), (text, texts(replies))
    callback = store.callbacks_for(applicant.id)[-1]
    assert callback.email == "maria.lopez@example.com"
    assert callback.phone_numbers == ["+12025550143", "+13055550199"]
    return callback.reference


def test_C4_two_missed_calls_then_the_email_read_back_from_smtp(stack, clock):
    assistant, store = stack
    reference = ask_for_callback(stack, clock)
    ana = rep(stack, "ana")
    listed = next(c for c in ana.get("/callbacks").json()["callbacks"] if c["id"] == reference)
    assert listed["callable_now"] is False and listed["not_callable_reason"] == "outside_callback_hours"  # 9 p.m.
    assert ana.post(f"/callbacks/{reference}/attempts", {"result": "no_answer"}).json()["reason"] == "outside_callback_hours"

    clock("2026-11-25T09:00:00-05:00")  # C2: inside callback hours
    listed = next(c for c in ana.get("/callbacks").json()["callbacks"] if c["id"] == reference)
    assert listed["callable_now"] and listed["next_attempt"]["attempt_no"] == 1
    assert listed["phone_numbers"] == ["+12025550143", "+13055550199"]  # C3: all of them
    first = ana.post(f"/callbacks/{reference}/attempts", {"result": "no_answer"}).json()["callback"]
    second = first["next_attempt"]
    assert second["attempt_no"] == 2 and second["phone_number"] == "+13055550199"  # C3: the other number
    assert second["earliest"].startswith("2026-11-25T15:00") and second["latest"].startswith("2026-11-25T15:30")  # C4
    assert first["callable_now"] is False and first["not_callable_reason"] == "not_yet_due"

    clock("2026-11-25T10:05:00-05:00")  # 65 minutes later: due
    done = ana.post(f"/callbacks/{reference}/attempts", {"result": "no_answer"})
    assert done.status_code == 200, done.text
    result = done.json()["callback"]
    assert result["status"] == "failed_emailed" and result["email_sent_at"]
    assert [a["result"] for a in result["attempts"]] == ["no_answer_message_left", "no_answer_message_left"]
    assert [a["by"] for a in result["attempts"]] == ["Ana", "Ana"]

    from services.mail_local import message_files

    files = wait_for(lambda: message_files(assistant.mail_folder), 10)
    sent = [email.message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]
    mine = [m for m in sent if reference in m.get_body(("plain",)).get_content()]
    assert len(mine) == 1 and mine[0]["To"] == "maria.lopez@example.com"
    body = mine[0].get_body(("plain",)).get_content()
    assert "800-375-5283" in body and "0143" in body and "202-555-0143" not in body
    assert ana.post(f"/callbacks/{reference}/attempts", {"result": "answered"}).json()["error"] == "already_recorded"


def test_C4_an_answered_call_completes_the_callback(stack, clock):
    reference = ask_for_callback(stack, clock)
    clock("2026-11-25T11:00:00-05:00")
    ana, luis = rep(stack, "ana"), rep(stack, "luis")
    assert luis.post(f"/callbacks/{reference}/attempts", {"result": "answered"}).json()["callback"]["status"] == "completed"
    assert ana.post(f"/callbacks/{reference}/attempts", {"result": "no_answer"}).status_code == 409


# ---------------------------------------------------------------- the applicant's page comes and goes


def test_the_desk_shows_when_the_applicants_page_goes_and_comes_back(stack):
    """Over the real socket channel (python-socketio's client, as the widget's socket.io),
    with the server's conversation token (applicant_channels/session_binding.py)."""
    import asyncio

    import socketio

    assistant, _ = stack
    ana = rep(stack, "ana")
    replies: list = []

    async def visit(session=None, messages=()):
        client = socketio.AsyncClient(reconnection=False)
        issued = asyncio.Queue()
        client.on("session_token", lambda data: issued.put_nowait(data))
        client.on("bot_uttered", lambda data: replies.append(data))
        # engineio's websocket client needs aiohttp 3.10; polling is the same socket.io protocol.
        await client.connect(f"http://127.0.0.1:{assistant.rasa_port}", socketio_path="/socket.io",
                             transports=["polling"])
        await client.emit("session_request", session or {})
        given = await asyncio.wait_for(issued.get(), 30)
        for text in messages:
            await client.emit("user_uttered", {"message": text, "session_id": given["session_id"]})
            await asyncio.sleep(2.5)
        return client, given

    async def scenario():
        client, given = await visit(messages=["I need a real person please", "it is about a fee I paid twice"])
        session_id = given["session_id"]
        listed = wait_for(lambda: next((c for c in ana.get("/queue").json()["conversations"]
                                        if c["id"] == session_id), None), 20)
        assert listed and listed["applicant_online"] is True, [r.get("text") for r in replies]
        await client.disconnect()
        gone = wait_for(lambda: entry(ana, session_id)["applicant_online"] is False, 20)
        back, again = await visit(given)
        assert again["session_id"] == session_id  # the same browser, with its token
        returned = wait_for(lambda: entry(ana, session_id)["applicant_online"] is True, 20)
        await back.disconnect()
        return gone, returned

    gone, returned = asyncio.run(scenario())
    assert gone, "the desk never showed the applicant's page as gone"
    assert returned, "the desk never showed the applicant's page as back"
