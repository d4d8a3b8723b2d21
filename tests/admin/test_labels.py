"""Labels go into the right language and topic file, tidily; the held-out set stays clean."""
import difflib
import re
import time

import pytest

from admin import cli, inbox, labels
from contact_center import privacy
from admin.project import Project
from admin.trackers import UserMessage
import nlu_evaluation as nlu_eval
from contact_center import receipts
from tests.admin import smallproject


def _message(text, intent="nlu_fallback", confidence=0.3, language="en", ranking=None, ts=None):
    return UserMessage("conv", text, ts or time.time(), intent, confidence,
                       ranking or [("nlu_fallback", 0.3), ("help", 0.2)], [], {}, language)


@pytest.fixture
def small(tmp_path):
    return smallproject.build(tmp_path / "project")


def _snapshot(root, *messages):
    """An inbox listing of these messages, as `inbox` leaves it; returns {masked text: id}."""
    project = Project.at(str(root))
    items = inbox.build(list(messages))
    inbox.save_snapshot(project, items, "test")
    return {i.text: i.id for i in items}


def _label(capsys, root, *args):
    code = cli.main(["label", *args, "--project", str(root)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _added_lines(before: str, after: str):
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [d for d in diff if d.startswith("- ")], "a label must not change existing lines"
    return [d[2:] for d in diff if d.startswith("+ ")]


def test_label_appends_one_line_in_the_languages_topic_file(small, capsys):
    ids = _snapshot(small,
                    _message("my husband is in the hospital and the interview is tomorrow", "request_accommodation", 0.36),
                    _message("me mude de casa la semana pasada", "change_address", 0.34, "es"))
    en, es = small / "data/nlu/en/emergency.yml", small / "data/nlu/es/address.yml"
    before_en, before_es = en.read_text(), es.read_text()

    code, out, _ = _label(capsys, small, ids["my husband is in the hospital and the interview is tomorrow"],
                          "--intent", "report_emergency")
    assert code == 0 and "data/nlu/en/emergency.yml" in out
    assert _added_lines(before_en, en.read_text()) == [
        "    - my husband is in the hospital and the interview is tomorrow"]
    # The line is the last of the report_emergency block, and the file is otherwise byte-identical.
    examples = nlu_eval.load_examples(en, "en")
    assert (examples[-1].intent, examples[-1].text) == (
        "report_emergency", "my husband is in the hospital and the interview is tomorrow")

    code, out, _ = _label(capsys, small, ids["me mude de casa la semana pasada"], "--intent", "change_address")
    assert code == 0 and _added_lines(before_es, es.read_text()) == ["    - me mude de casa la semana pasada"]


def test_receipt_numbers_are_pseudonymised_and_annotated_and_entities_labelled(small, capsys):
    ids = _snapshot(small, _message("the mailman never brought my EAD, receipt EAC2190012345", "card_not_received", 0.4))
    target = small / "data/nlu/en/mail.yml"
    before = target.read_text()
    code, _, _ = _label(capsys, small, next(iter(ids.values())), "--intent", "card_not_received",
                        "--entity", "form_type=EAD|I-765")
    assert code == 0
    (line,) = _added_lines(before, target.read_text())
    assert "2190012345" not in line
    assert '[EAD]{"entity": "form_type", "value": "I-765"}' in line and "](receipt_number)" in line
    example = nlu_eval.load_examples(target, "en")[-1]
    assert example.intent == "card_not_received" and len(example.receipts) == 1
    assert receipts.is_valid(example.receipts[0]) and example.receipts[0].startswith("EAC")


def test_out_of_scope_goes_to_the_languages_out_of_scope_file(small, capsys):
    ids = _snapshot(small, _message("quiero saber el clima de mañana", language="es"),
                    _message("how do i renew my drivers license", "notice_not_received", 0.31))
    code, out, _ = _label(capsys, small, *ids.values(), "--out-of-scope")
    assert code == 0
    assert "quiero saber el clima de mañana" in [e.text for e in nlu_eval.load_examples(
        small / "data/nlu/es/out_of_scope.yml", "es")]
    assert "how do i renew my drivers license" in [e.text for e in nlu_eval.load_examples(
        small / "data/nlu/en/out_of_scope.yml", "en")]


def test_a_held_out_text_is_refused_and_the_data_is_untouched(small, capsys):
    heldout = nlu_eval.load_examples(small / "tests/nlu/dev_en.yml", "en")
    plain = next(e for e in heldout if not e.receipts)
    with_receipt = next(e for e in heldout if e.receipts)
    # The same held-out message with another receipt number is the same message.
    other_receipt = privacy.pseudonymise(with_receipt.text).text
    assert other_receipt != with_receipt.text
    ids = _snapshot(small, _message(plain.text), _message(other_receipt, ts=time.time() - 5))
    before = {p: p.read_text() for p in (small / "data").rglob("*.yml")}
    for text, item_id in ids.items():
        code, _, err = _label(capsys, small, item_id, "--intent", "check_case_status")
        assert code == 1 and "held-out dev set" in err and "dev_en.yml" in err
    assert before == {p: p.read_text() for p in (small / "data").rglob("*.yml")}


def test_a_refused_held_out_text_can_be_labelled_reworded(small, capsys):
    heldout = next(e for e in nlu_eval.load_examples(small / "tests/nlu/dev_es.yml", "es") if not e.receipts)
    ids = _snapshot(small, _message(heldout.text, language="es"))
    item = next(iter(ids.values()))
    assert _label(capsys, small, item, "--intent", heldout.intent)[0] == 1
    reworded = "oiga " + heldout.text + " por favor"
    code, out, _ = _label(capsys, small, item, "--intent", heldout.intent, "--text", reworded)
    assert code == 0 and reworded in out and "data/nlu/es/" in out


def test_unknown_intents_and_entities_are_refused(small, capsys):
    ids = _snapshot(small, _message("my email is <x> update it"))
    item = next(iter(ids.values()))
    code, _, err = _label(capsys, small, item, "--intent", "change_adress")
    assert code == 1 and "'change_adress' is not in domain" in err and "change_address" in err
    code, _, err = _label(capsys, small, item, "--intent", "change_address", "--entity", "email=x")
    assert code == 1 and "entity 'email' is not in domain" in err
    code, _, err = _label(capsys, small, item, "--intent", "change_address", "--entity", "form_type=I-90")
    assert code == 1 and "'I-90' is not in the text" in err


def test_G6_crisis_is_not_labelled_into_the_classifier_data(small, capsys):
    ids = _snapshot(small, _message("i cant take this anymore"))
    item = next(iter(ids.values()))
    code, _, err = _label(capsys, small, item, "--intent", "crisis")
    assert code == 1 and "set by the crisis check" in err and "crisis_data/" in err


def test_a_text_already_trained_under_another_intent_is_refused(small, capsys):
    # An example with no identifier: the inbox pseudonymises receipt numbers, so a text
    # carrying one never comes back exactly as trained.
    existing = next(e for e in nlu_eval.load_examples(small / "data/nlu/en/case_status.yml", "en")
                    if not re.search(r"\d", e.text))
    ids = _snapshot(small, _message(existing.text))
    code, _, err = _label(capsys, small, next(iter(ids.values())), "--intent", "report_emergency")
    assert code == 1 and f"already training data for {existing.intent}" in err
    code, out, _ = _label(capsys, small, next(iter(ids.values())), "--intent", existing.intent)
    assert code == 0 and "nothing added" in out


def test_language_override_and_unknown_language(small, capsys):
    ids = _snapshot(small, _message("bonjour je veux mon dossier", language="fr"))
    item = next(iter(ids.values()))
    code, _, err = _label(capsys, small, item, "--intent", "check_case_status")
    assert code == 1 and "no training data folder for language 'fr'" in err
    code, out, _ = _label(capsys, small, item, "--intent", "check_case_status", "--lang", "es")
    assert code == 0 and "data/nlu/es/case_status.yml" in out


def test_labelled_files_stay_valid_rasa_training_data(small, capsys):
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    ids = _snapshot(small, _message("status of EAC2190012345 [urgent] pls", "check_case_status", 0.4),
                    _message("necesito cambiar mi cita del {martes}", "reschedule_appointment", 0.45, "es"))
    assert _label(capsys, small, ids["status of <RECEIPT> [urgent] pls"], "--intent", "check_case_status")[0] == 0
    assert _label(capsys, small, ids["necesito cambiar mi cita del {martes}"], "--intent", "reschedule_appointment")[0] == 0
    reader = RasaYAMLReader()
    en = [m.get("text") for m in reader.read(small / "data/nlu/en/case_status.yml").intent_examples]
    es = [m.get("text") for m in reader.read(small / "data/nlu/es/appointments.yml").intent_examples]
    # Brackets would read as entity markup: they become parentheses; the receipt is an entity.
    assert any(t.startswith("status of EAC") and t.endswith("(urgent) pls") for t in en)
    assert "necesito cambiar mi cita del {martes}" in es


def test_round_trip_leaves_every_project_data_file_unchanged():
    """The YAML settings used for labelling reproduce this repository's files byte for byte."""
    import io

    for path in sorted((smallproject.ROOT / "data" / "nlu").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        y = labels._yaml()
        out = io.StringIO()
        y.dump(y.load(text), out)
        assert out.getvalue() == text, path


def test_an_unknown_id_is_refused_and_the_others_are_labelled(small, capsys):
    ids = _snapshot(small, _message("how do i renew my drivers license", "notice_not_received", 0.31))
    code, out, err = _label(capsys, small, "zzzz9999", *ids.values(), "--out-of-scope")
    assert code == 1 and "no inbox item 'zzzz9999'" in err
    assert "how do i renew my drivers license" in out
    decided = inbox.decisions(Project.at(str(small)))
    assert [d["decision"] for d in decided.values()] == ["out_of_scope"]
