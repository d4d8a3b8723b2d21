"""The inbox reads real Rasa tracker events from SQLite and PostgreSQL tracker stores."""
import json
import time

import pytest

from admin import cli
from tests.admin import smallproject
from tests.admin.seed import Conversation, Turn, fake_parse, seed, table_parser

RAW_IDENTIFIERS = ("2190012345", "2290154873", "555 0147", "juan.perez", "1234 5678")

PARSES = table_parser({
    "hello": fake_parse("greet", 0.97, "en"),
    "where is my case EAC2190012345": fake_parse("check_case_status", 0.93, "en"),
    "the mailman never brought my EAD EAC2190012345": fake_parse("card_not_received", 0.41, "en"),
    "The mailman never brought my EAD WAC2290154873!": fake_parse("card_not_received", 0.38, "en"),
    "the mailman never brought my ead   wac2290154873": fake_parse("card_not_received", 0.44, "en"),
    "how do i renew my drivers license": fake_parse("notice_not_received", 0.31, "en"),
    "call me 202 555 0147 or juan.perez@gmail.com": fake_parse("nlu_fallback", 0.22, "en", "request_callback"),
    "hola": fake_parse("greet", 0.98, "es"),
    "quiero saber el clima de mañana": fake_parse("nlu_fallback", 0.2, "es", "stop"),
    "mi cel +52 1 55 1234 5678": fake_parse("out_of_scope", 0.7, None),
    "EAC2190012345??": fake_parse("nlu_fallback", 0.25, None, "check_case_status"),
    "thanks maria i will wait": fake_parse("nlu_fallback", 0.1, "en"),
    "/greet": fake_parse("greet", 1.0, None),
})

CONVERSATIONS = [
    Conversation("c1", [Turn("hello"), Turn("the mailman never brought my EAD EAC2190012345"),
                        Turn("where is my case EAC2190012345")]),
    Conversation("c2", [Turn("hola"), Turn("quiero saber el clima de mañana"), Turn("mi cel +52 1 55 1234 5678"),
                        Turn("EAC2190012345??")]),
    Conversation("c3", [Turn("The mailman never brought my EAD WAC2290154873!"), Turn("/greet"),
                        Turn("call me 202 555 0147 or juan.perez@gmail.com", pause_after=True),
                        Turn("thanks maria i will wait")]),
    Conversation("c4", [Turn("how do i renew my drivers license"),
                        Turn("the mailman never brought my ead   wac2290154873")]),
]


@pytest.fixture
def small(tmp_path):
    return smallproject.build(tmp_path / "project")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tracker.db'}"
    return request.getfixturevalue("pg_database")["url"]


def _inbox(capsys, *args):
    assert cli.main(["inbox", *args]) == 0
    return capsys.readouterr().out


def test_inbox_lists_what_was_misunderstood_grouped_masked_newest_first(small, store_url, capsys):
    assert seed(store_url, small / "domain", CONVERSATIONS, PARSES, start=time.time() - 7200) == 13
    items = json.loads(_inbox(capsys, "--project", str(small), "--tracker-store", store_url, "--json"))
    by_text = {i["text"]: i for i in items}

    # Understood messages, button payloads and what was typed to a live agent are not listed.
    assert set(by_text) == {
        "how do i renew my drivers license",
        "the mailman never brought my ead <RECEIPT>",
        "<RECEIPT>??",
        "mi cel <PHONE>",
        "quiero saber el clima de mañana",
        "call me <PHONE> or <EMAIL>",
    }
    mailman = by_text["the mailman never brought my ead <RECEIPT>"]
    assert (mailman["count"], mailman["conversations"]) == (3, 3)  # case, spacing and "!" ignored
    assert mailman["reason"] == "low_conf" and mailman["intent"] == "card_not_received"
    assert mailman["confidence"] == pytest.approx(0.44)  # the newest occurrence
    fallback = by_text["quiero saber el clima de mañana"]
    assert (fallback["reason"], fallback["intent"], fallback["language"]) == ("fallback", "stop", "es")
    assert by_text["mi cel <PHONE>"]["reason"] == "out_of_scope"
    # Neutral messages take the conversation's language (the `language` slot).
    assert by_text["<RECEIPT>??"]["language"] == "es"
    assert by_text["how do i renew my drivers license"]["language"] == "en"
    # Newest first.
    seen = [i["last_seen"] for i in items]
    assert seen == sorted(seen, reverse=True)
    # Training text is pseudonymised: same shape, other digits.
    assert "2290154873" not in mailman["training_text"] and "wac" in mailman["training_text"]


def test_inbox_table_and_records_never_show_identifiers(small, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    seed(url, small / "domain", CONVERSATIONS, PARSES)
    out = _inbox(capsys, "--project", str(small), "--tracker-store", url)
    assert "ID" in out and "PREDICTED" in out and "<RECEIPT>" in out and "<EMAIL>" in out
    state_files = "".join(p.read_text() for p in (small / "var" / "admin").glob("*"))
    for raw in RAW_IDENTIFIERS:
        assert raw not in out and raw not in state_files


def test_inbox_reads_the_endpoints_files_tracker_store(small, capsys):
    # smallproject's endpoints.yml: SQL, sqlite, db var/tracker.db (relative to the project, as `make run`).
    (small / "var").mkdir()
    seed(f"sqlite:///{small / 'var' / 'tracker.db'}", small / "domain", CONVERSATIONS, PARSES)
    out = _inbox(capsys, "--project", str(small))
    assert "var/tracker.db (from endpoints.yml)" in out and "6 open item(s)" in out


def test_inbox_threshold_since_and_decided_items(small, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    seed(url, small / "domain", CONVERSATIONS, PARSES, start=time.time() - 10 * 86400)
    strict = json.loads(_inbox(capsys, "--project", str(small), "--tracker-store", url, "--json", "--below", "0.95"))
    assert "where is my case <RECEIPT>" in {i["text"] for i in strict}  # 0.93 is now "low"
    assert json.loads(_inbox(capsys, "--project", str(small), "--tracker-store", url, "--json", "--since", "1d")) == []

    items = json.loads(_inbox(capsys, "--project", str(small), "--tracker-store", url, "--json"))
    target = next(i for i in items if i["text"] == "mi cel <PHONE>")
    assert cli.main(["label", target["id"], "--ignore", "--project", str(small)]) == 0
    capsys.readouterr()
    after = json.loads(_inbox(capsys, "--project", str(small), "--tracker-store", url, "--json"))
    assert target["id"] not in {i["id"] for i in after} and len(after) == len(items) - 1
    everything = _inbox(capsys, "--project", str(small), "--tracker-store", url, "--all")
    assert "out_of_scope*" in everything and "5 open item(s), 1 decided" in everything


def test_missing_sqlite_database_is_an_empty_inbox_and_is_not_created(small, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'nothing.db'}"
    out = _inbox(capsys, "--project", str(small), "--tracker-store", url)
    assert "Inbox is empty" in out and not (tmp_path / "nothing.db").exists()


def test_unreachable_postgresql_fails_fast_with_the_reason(small, capsys):
    started = time.monotonic()
    code = cli.main(["inbox", "--project", str(small), "--tracker-store", "postgresql://postgres@127.0.0.1:1/none"])
    assert code == 1 and time.monotonic() - started < 30
    assert "cannot reach the tracker store" in capsys.readouterr().err


def test_reading_an_empty_postgresql_database_creates_nothing(small, pg_database, capsys):
    import sqlalchemy as sa

    out = _inbox(capsys, "--project", str(small), "--tracker-store", pg_database["url"])
    assert "Inbox is empty" in out
    engine = sa.create_engine(pg_database["url"])
    with engine.connect() as connection:
        assert sa.inspect(connection).get_table_names() == []
    engine.dispose()


def test_the_tracker_store_is_found_though_the_action_servers_token_is_unset(small, monkeypatch):
    """Hand test: `python -m admin inbox` beside `make run` failed on endpoints.yml's
    ${ACTION_SERVER_TOKEN}, which only the servers have; the admin reads the tracker store's section."""
    from admin.project import Project
    from admin.trackers import resolve

    monkeypatch.delenv("ACTION_SERVER_TOKEN", raising=False)
    (small / "endpoints.yml").write_text(
        "action_endpoint:\n  url: http://127.0.0.1:5055/webhook\n  headers:\n    X-Action-Token: ${ACTION_SERVER_TOKEN}\n"
        "tracker_store:\n  type: sql\n  dialect: sqlite\n  db: var/tracker.db\n",
        encoding="utf-8",
    )
    found = resolve(Project(small))
    assert found.sqlite_path == small / "var" / "tracker.db"
