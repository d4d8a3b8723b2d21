"""Rule G4: every text the assistant sends exists in English and Spanish, side by side.

The domain is the folder domain/, one file per skill (named like data/ and actions/); a
name (intent, entity, slot, form, action, response) lives in one file only, so the merged
domain is exactly what the files say.
"""
import re

import pytest

from contact_center.domain_files import (
    LIST_KEYS, MAP_KEYS, DomainError, domain_files, item_name, load_domain, read_domain_file,
)

from tests import ROOT

DOMAIN_DIR = ROOT / "domain"
DOMAIN = load_domain(DOMAIN_DIR)
RESPONSES = DOMAIN["responses"]


def _is_spanish_variation(variation):
    return any(
        c.get("type") == "slot" and c.get("name") == "language" and c.get("value") == "es"
        for c in variation.get("condition", [])
    )


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_G4_every_response_has_english_and_spanish(name):
    variations = RESPONSES[name]
    spanish = [v for v in variations if _is_spanish_variation(v)]
    english = [v for v in variations if not v.get("condition")]
    assert spanish, f"{name} has no Spanish variation"
    assert english, f"{name} has no English (default) variation"
    for variation in spanish + english:
        assert (variation.get("text") or "").strip(), f"{name} has an empty variation"


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_G4_every_conditional_variation_names_the_language(name):
    """Rasa picks at random among the conditional variations that match: an English
    variation conditioned only on another slot would be sent to Spanish speakers too."""
    for variation in RESPONSES[name]:
        if variation.get("condition"):
            names = [c.get("name") for c in variation["condition"]]
            assert "language" in names, f"{name}: a conditional variation without a language condition"


def test_G4_every_response_key_the_code_builds_exists():
    """Keys built with f-strings from the rulebook's values (R2 reasons, S4 offers, tiers)."""
    from contact_center import rules

    for reason in ("past", "too_soon", "rescheduled_twice"):
        assert f"utter_reschedule_needs_live_help_{reason}" in RESPONSES
    for offer in (rules.RequestType.OUTSIDE_PROCESSING_TIME, rules.RequestType.NOTICE_NOT_RECEIVED,
                  rules.RequestType.CARD_NOT_RECEIVED):
        assert f"utter_offer_e_request_{offer.value}" in RESPONSES
    for tier in (1, 2):
        assert f"utter_handoff_tier{tier}" in RESPONSES


def _language(variation):
    return next((c.get("value") for c in variation.get("condition", []) if c.get("name") == "language"), None)


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_G4_each_spanish_variation_is_next_to_its_english_one(name):
    """Pairs: Spanish, then the English variation for the same other conditions (or the
    default, last), so a reader sees both languages of a text together."""
    variations = RESPONSES[name]
    assert len(variations) % 2 == 0, f"{name}: a variation without its other language"
    for spanish, english in zip(variations[::2], variations[1::2]):
        assert _language(spanish) == "es" and _language(english) in ("en", None), f"{name}: not Spanish then English"
        if english.get("condition"):
            others = [[c for c in v["condition"] if c.get("name") != "language"] for v in (spanish, english)]
            assert others[0] == others[1], f"{name}: the pair's other conditions differ"
        else:
            assert english is variations[-1], f"{name}: the English default is not the last variation"


def _names_by_file():
    """{(section, name): [files that define it]} over the domain folder."""
    found = {}
    for path in domain_files(DOMAIN_DIR):
        part = read_domain_file(path)  # a key repeated inside one file fails here
        for key in LIST_KEYS + MAP_KEYS:
            names = [item_name(i) for i in part.get(key) or []] if key in LIST_KEYS else list(part.get(key) or {})
            for name in names:
                found.setdefault((key, name), []).append(path.name)
    return found


def test_the_domain_folder_has_one_file_per_skill_named_like_data_and_actions():
    names = [p.stem for p in domain_files(DOMAIN_DIR)]
    assert "common" in names and len(names) > 5
    assert not (ROOT / "domain.yml").exists(), "domain.yml beside domain/: Rasa would read only one of them"
    for stem in names:
        assert (ROOT / "data" / f"{stem}.yml").exists() or (ROOT / "actions" / f"{stem}.py").exists(), stem
    assert sorted(p.name for p in DOMAIN_DIR.iterdir() if p.suffix in (".yml", ".yaml")) == [
        p.name for p in domain_files(DOMAIN_DIR)], "a YAML file in domain/ that is not a domain file"


def test_every_name_lives_in_one_domain_file_only():
    """Rasa merges a repeated name silently (one file's version wins): here it is refused."""
    found = _names_by_file()
    twice = {f"{key} {name}": files for (key, name), files in found.items() if len(files) > 1}
    assert not twice, twice
    assert {name for (key, name) in found if key == "responses"} == set(RESPONSES)


def test_the_merged_domain_is_what_the_files_say():
    """Every response, slot, form, intent, entity and action of the merged domain, and the
    session settings, once (load_domain refuses a repeated name)."""
    found = _names_by_file()
    for key in LIST_KEYS + MAP_KEYS:
        merged = [item_name(i) for i in DOMAIN.get(key) or []] if key in LIST_KEYS else list(DOMAIN.get(key) or {})
        assert sorted(merged) == sorted(name for (k, name) in found if k == key), key
    assert DOMAIN["session_config"]["session_expiration_time"] > 0
    assert DOMAIN["version"] == "3.1"


def test_spanish_conditions_are_written_on_one_line():
    """`condition: [{type: slot, name: language, value: es}]`, not four lines per variation."""
    for path in domain_files(DOMAIN_DIR):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert line.strip() != "- condition:", f"{path.name}:{number}: write the condition on one line"


def test_the_merge_refuses_a_name_twice(tmp_path):
    (tmp_path / "a.yml").write_text('version: "3.1"\nresponses:\n  utter_x:\n  - text: "a"\n', encoding="utf-8")
    (tmp_path / "b.yml").write_text('version: "3.1"\nresponses:\n  utter_x:\n  - text: "b"\n', encoding="utf-8")
    with pytest.raises(DomainError, match="utter_x"):
        load_domain(tmp_path)
    (tmp_path / "b.yml").write_text('version: "3.1"\nintents:\n  - greet\n', encoding="utf-8")
    (tmp_path / "c.yml").write_text('version: "3.1"\nintents:\n  - greet\n', encoding="utf-8")
    with pytest.raises(DomainError, match="greet"):
        load_domain(tmp_path)
    (tmp_path / "c.yml").write_text('version: "3.1"\nslots: {}\nslots: {}\n', encoding="utf-8")
    with pytest.raises(DomainError, match="slots"):
        load_domain(tmp_path)
    (tmp_path / "c.yml").write_text("notes: not a domain file\n", encoding="utf-8")
    assert set(load_domain(tmp_path)) == {"version", "responses", "intents"}


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_G4_both_variations_fill_the_same_slots(name):
    def placeholders(v):
        return set(re.findall(r"{(\w+)}", v.get("text", "")))

    variations = RESPONSES[name]
    spanish = [placeholders(v) for v in variations if _is_spanish_variation(v)]
    english = [placeholders(v) for v in variations if not v.get("condition")]
    assert all(s == english[0] for s in spanish + english)


def test_G4_actions_only_send_domain_responses():
    """No action holds English text: utter_message is only called with response keys."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "actions").glob("*.py"))
    assert "utter_message(text=" not in sources
    assert not re.search(r"utter_message\(\s*[\"']", sources)
    for key in re.findall(r"response=\"(utter_\w+)\"", sources):
        assert key in RESPONSES, f"actions use {key}, which the domain lacks"


def test_G4_dynamic_response_keys_exist():
    from contact_center import referrals, receipts
    from actions.case_status import receipt_problem_response

    for problem in receipts.Problem:
        assert receipt_problem_response(problem) in RESPONSES
    for agency in (referrals.STATE_DEPARTMENT, referrals.IRS, referrals.SSA, referrals.DMV, referrals.IMMIGRATION_COURT):
        assert f"utter_refer_{agency}" in RESPONSES
    assert "utter_out_of_scope" in RESPONSES
