"""Rule G7: near misses are referred to the agency that handles them."""
import pytest

from contact_center import referrals, rules


@pytest.mark.parametrize(
    "text, response",
    [
        ("how do I renew my passport", "utter_refer_state_department"),
        ("cita en la embajada para la visa de turista", "utter_refer_state_department"),
        ("where is my tax refund", "utter_refer_irs"),
        ("necesito un ITIN", "utter_refer_irs"),
        ("my social security card never came", "utter_refer_ssa"),
        ("tarjeta del seguro social", "utter_refer_ssa"),
        ("renew my driver's license", "utter_refer_dmv"),
        ("licencia de conducir", "utter_refer_dmv"),
        ("my immigration court hearing date", "utter_refer_immigration_court"),
        ("tell me a joke", "utter_out_of_scope"),
        ("", "utter_out_of_scope"),
    ],
)
def test_G7_referrals(text, response):
    assert rules.not_a_uscis_matter(referrals.agency_for(text)).tell == (response,)


@pytest.mark.parametrize(
    "text, agency",
    [
        ("my social security card never came", referrals.SSA),
        ("mi tarjeta del seguro social nunca llego", referrals.SSA),
        ("my ss card has a typo in my name", referrals.SSA),
        ("can you reschedule my visa interview at the embassy in bogota", referrals.STATE_DEPARTMENT),
        ("how long does it take to get a passport", referrals.STATE_DEPARTMENT),
        ("necesito cambiar la direccion de mi licencia de conducir", referrals.DMV),
        ("what's the status of my asylum case at immigration court", referrals.IMMIGRATION_COURT),
    ],
)
def test_G7_a_message_naming_only_another_agency_is_referred(text, agency):
    assert referrals.only_another_agency(text) == agency


@pytest.mark.parametrize(
    "text",
    [
        "my green card never came",  # no other agency named
        "i need my ssn for my work permit application",  # the work permit is USCIS's
        "my passport was stolen and my green card was in it",
        "status of EAC2190012345 and also my tax refund",  # a receipt number is USCIS's
        "my social security card came but my I-797 never did",  # a form by number
        "tengo cita de huellas y tambien en el dmv",
        "do i need my passport for the fingerprint appointment or is my license enough",
    ],
)
def test_G7_a_message_that_also_names_a_uscis_matter_is_not_referred_whole(text):
    assert referrals.only_another_agency(text) is None
