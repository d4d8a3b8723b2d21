"""Rule G4: every text the assistant sends exists in English and Spanish."""
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
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
