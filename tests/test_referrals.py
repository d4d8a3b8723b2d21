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
