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
        # USCIS named only as the one asked to act: had been filed as an accommodation request.
        ("the consulate in lagos denied my wifes visa last week, could uscis overturn it", referrals.STATE_DEPARTMENT),
        ("me negaron la visa en la embajada de quito, uscis puede ayudarme con eso?", referrals.STATE_DEPARTMENT),
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
        "the embassy says uscis never sent my approved petition, can uscis resend it",
        "my interview is friday and the letter says bring my passport, but i have covid",  # something to bring
    ],
)
def test_G7_a_message_that_also_names_a_uscis_matter_is_not_referred_whole(text):
    assert referrals.only_another_agency(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "my case is stuck and nobody tells me anything",
        "mi caso lleva una eternidad sin moverse",
        "the letters from immigration stopped coming",
        "que pasa con mi solicitud de residencia",
        "i filed the i-130 for my wife in 2022",
        "EAC2190012345 ???",
    ],
)
def test_G1_G7_a_uscis_matter_not_understood_is_asked_again_never_called_not_uscis(text):
    assert referrals.names_a_uscis_matter(text)
    decision = rules.not_a_uscis_matter(referrals.agency_for(text), maybe_uscis=referrals.names_a_uscis_matter(text))
    assert decision.tell == ("utter_default",)
    assert "G7" not in decision.rule_ids


@pytest.mark.parametrize("text", ["tell me a joke", "what's the weather in miami", "quien gano el partido", "asdkjh qwe"])
def test_G7_plain_off_topic_is_still_out_of_scope(text):
    assert not referrals.names_a_uscis_matter(text)
    assert rules.not_a_uscis_matter(None, maybe_uscis=False).tell == ("utter_out_of_scope",)


def test_G1_a_message_the_model_did_not_understand_is_asked_again():
    assert rules.not_a_uscis_matter(None, maybe_uscis=True).tell == ("utter_default",)


def test_G7_another_agency_is_named_even_when_the_message_mentions_a_uscis_document():
    text = "can i get a drivers license with my work permit"
    assert rules.not_a_uscis_matter(referrals.agency_for(text), maybe_uscis=True).tell == ("utter_refer_dmv",)


@pytest.mark.parametrize("text", [
    "i meant my mexican passport", "se me vencio mi pasaporte hondureno", "mi pasaporte de mi pais esta vencido",
    "how do i renew my guatemalan passport",
])
def test_G7_a_passport_of_the_applicants_own_country_is_their_consulates(text):
    """Hand test: "my mexican passport" was sent to the U.S. Department of State."""
    assert rules.not_a_uscis_matter(referrals.agency_for(text)).tell == ("utter_refer_home_consulate",)


def test_G7_a_us_passport_is_still_the_state_departments():
    assert referrals.agency_for("how long does it take to get a passport") == referrals.STATE_DEPARTMENT


def test_G1_a_long_message_not_understood_is_asked_for_its_main_point():
    assert rules.not_a_uscis_matter(None, maybe_uscis=True, chars=1127).tell == ("utter_default_long",)
    assert rules.not_a_uscis_matter("dmv", chars=1127).tell == ("utter_refer_dmv",)  # who handles it, whatever the length


@pytest.mark.parametrize("text, agencies", [
    ("how do i get a social security card and where do i renew my drivers license",
     ("ssa", "dmv")),
    ("necesito mi reembolso de impuestos y tambien sacar mi numero de seguro social", ("irs", "ssa")),
    ("my mexican passport expired", ("home_consulate",)),  # not also the State Department's
    ("where do i renew my us passport", ("state_department",)),
    ("my case is pending", ()),
])
def test_G7_every_agency_named_in_the_order_named(text, agencies):
    assert referrals.agencies_for(text) == agencies


def test_G7_two_agencies_named_are_two_referrals():
    decision = rules.not_a_uscis_matter("ssa", other_agencies=("ssa", "dmv"))
    assert decision.rule_ids == ("G7",)
    assert decision.tell == ("utter_refer_ssa", "utter_refer_dmv")


@pytest.mark.parametrize("offer, rule", [("utter_offer_e_request_card_not_received", "S4"), ("utter_offer_callback", "G3")])
def test_S4_G3_a_reply_not_understood_while_an_offer_waits_makes_the_offer_again(offer, rule):
    decision = rules.not_a_uscis_matter(None, maybe_uscis=True, offer=offer)
    assert decision.tell == ("utter_yes_or_no", offer) and decision.rule_ids == (rule,)
    assert rules.not_a_uscis_matter("ssa", offer=offer).tell == ("utter_refer_ssa",)  # another agency is still named


def test_G7_an_id_to_bring_is_asked_about_the_appointment():
    """Test set 7: "do i need to bring my passport or is my drivers license ok?" got the DMV and the State Department."""
    assert referrals.documents_to_bring("do i need to bring my passport or is my drivers license ok?")
    assert referrals.documents_to_bring("tengo que llevar mi pasaporte a la cita de huellas?")
    assert not referrals.documents_to_bring("how do i renew my passport")


def test_G7_uscis_named_only_to_say_it_is_not_the_matter():
    assert referrals.only_another_agency("not my uscis appointment, i need to move my hearing with the immigration judge") \
        == "immigration_court"
    assert referrals.only_another_agency("i need to move my uscis interview, it clashes with my hearing in court") is None


@pytest.mark.parametrize("text", [
    "my card expired and i need a stamp in my passport to travel",
    "necesito que me sellen el pasaporte, se me vencio la residencia",
    "can i get my passport stamped at the field office",
])
def test_G7_the_stamp_put_in_a_passport_is_uscis_not_the_state_department(text):
    assert referrals.agency_for(text) is None


def test_G7_a_detention_by_ice_is_not_uscis():
    assert referrals.only_another_agency("la migra se llevo a mi esposo, como se donde esta") == referrals.IMMIGRATION_COURT


@pytest.mark.parametrize("text", [
    "my husbands visa interview at the embassy in lagos was moved, can you change it back? i filed his I-130",
    "la entrevista en el consulado de mi hijo, la pueden adelantar? ya me aprobaron la I-130",
])
def test_G7_an_embassy_appointment_is_the_state_departments_though_its_petition_is_named(text):
    assert referrals.only_another_agency(text) == referrals.STATE_DEPARTMENT


@pytest.mark.parametrize("text, agency", [
    ("my husband got detained by ICE today, i need to know where he is", referrals.IMMIGRATION_COURT),
    ("my visa interview at the embassy in bogota got cancelled", referrals.STATE_DEPARTMENT),
    ("quiero hablar de mi entrevista de la visa en la embajada", referrals.STATE_DEPARTMENT),
    ("mi tarjeta del seguro social nunca llego", referrals.SSA),
    ("they kept my passport at my interview", None),
    ("my interview at uscis got moved and nobody told me", None),
])
def test_G7_the_topic_for_a_person_that_is_only_another_agencys_is_referred(text, agency):
    assert referrals.topic_referred(text) == agency


def test_G7_a_message_not_placed_right_after_a_referral_gets_the_referral_again():
    decision = rules.not_a_uscis_matter(None, maybe_uscis=True, just_referred=referrals.IMMIGRATION_COURT)
    assert decision.outcome is rules.Outcome.REFER_ELSEWHERE
    assert decision.tell == ("utter_refer_immigration_court",) and decision.rule_ids == ("G7",)


def test_G7_with_no_referral_before_a_message_not_placed_is_asked_again():
    assert rules.not_a_uscis_matter(None, maybe_uscis=True).tell == ("utter_default",)


@pytest.mark.parametrize("text", [
    "my hearing with the judge is jan 8 and my biometrics are that morning too, can you change the hearing",
    "y no me pueden mover mejor la audiencia de la corte?",
    "can u guys push back my court date",
])
def test_G7_a_court_hearing_asked_to_be_moved_is_eoirs(text):
    assert referrals.court_date_to_move(text)
    assert referrals.only_another_agency(text) == referrals.IMMIGRATION_COURT


@pytest.mark.parametrize("text", [
    "i need to reschedule my interview because of my court hearing",
    "quiero cambiar mi cita de huellas porque tengo audiencia en la corte ese dia",
])
def test_R1_a_uscis_appointment_moved_for_a_hearing_stays_a_reschedule(text):
    assert not referrals.court_date_to_move(text)
    assert referrals.only_another_agency(text) is None


@pytest.mark.parametrize("text, bring", [
    ("for my wifes bio appointment does she need her passport or is the work permit fine", True),
    ("para la entrevista necesito mi pasaporte o sirve la licencia?", True),
    ("i need my passport renewed before my trip", False),  # no appointment: the State Department's
])
def test_an_id_needed_at_a_uscis_appointment_is_what_to_bring(text, bring):
    assert referrals.documents_to_bring(text) is bring


@pytest.mark.parametrize("text", [
    "the DMV wont accept my EAD to renew my drivers license, can you call them",
    "en el CESCO me dijeron que mi green card no vale para renovar la licencia",
])
def test_G7_a_uscis_document_the_dmv_refused_is_the_dmvs_matter(text):
    assert referrals.only_another_agency(text) == referrals.DMV


def test_G7_renewing_a_uscis_document_for_the_dmv_is_uscis():
    assert referrals.only_another_agency("i need to renew my work permit for the dmv") is None


@pytest.mark.parametrize("text", [
    "the DMV wont renew my license because my work permit expired, I need to expedite my I-765",
    "can I change my address before my court hearing",
])
def test_a_uscis_request_beside_the_dmv_or_a_court_stays_uscis(text):
    assert referrals.only_another_agency(text) is None


@pytest.mark.parametrize("text", ["se me vencio el pasaporte de honduras", "how do i renew my el salvador passport"])
def test_G7_a_passport_of_a_country_named_is_its_consulates(text):
    # test set 17 in other words: sent to the State Department
    assert referrals.agency_for(text) == "home_consulate"
