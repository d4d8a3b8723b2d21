"""What the words plainly ask for, whatever the classifier said (nlu_components/control_requests.py)."""
import pytest

from contact_center.messages import RESUME_INTENT
from nlu_components.control_requests import control_request


@pytest.mark.parametrize("text, classified", [
    ("representative please, my travel document application got abandoned and i dont get why", "nlu_fallback"),
    ("quiero hablar con un agente, me llego una carta rara", "out_of_scope"),
])
def test_G1_a_person_asked_for_first_is_request_live_agent(text, classified):
    assert control_request(text, classified) == "request_live_agent"


def test_G1_a_callback_asked_for_stays_a_callback():
    assert control_request("i want to talk to someone, can you call me back at 312-555-0139", "request_callback") is None


@pytest.mark.parametrize("text, intent", [
    ("yes pls, it never showed up", "affirm"),
    ("si x favor, nunca me llego nada", "affirm"),
    ("nah i'm good thanks", "deny"),
])
def test_S4_E1_a_short_yes_or_no_the_classifier_could_not_place_is_that_answer(text, intent):
    assert control_request(text, "nlu_fallback") == intent


def test_E1_a_yes_read_as_stop_is_a_yes_when_no_word_asks_to_stop():
    assert control_request("eso es, mandalo ya", "stop") == "affirm"
    assert control_request("yes cancel it", "stop") is None  # says a stop: the classifier's stop stands
    assert control_request("si, ya no quiero seguir", "stop") is None  # the classifier's stop stands


def test_a_yes_the_classifier_placed_is_left_as_it_was():
    assert control_request("yes i need to reschedule my interview", "reschedule_appointment") is None
    assert control_request("no, my case is different: they told me at the office to wait for a letter from you", "nlu_fallback") is None


@pytest.mark.parametrize("text", ["mi caso EAC2190012345 lleva una eternidad", "wac 21 900 12345 still nothing??"])
def test_S1_a_message_the_classifier_could_not_place_with_a_receipt_number_is_a_status_check(text):
    assert control_request(text, "nlu_fallback") == "check_case_status"
    assert control_request(text, "request_expedite") is None  # placed: left as it was


@pytest.mark.parametrize("text, intent", [
    ("my oath ceremony is next week and i just got covid, now what", "reschedule_appointment"),
    ("tengo covid y la cita de huellas es el lunes, que hago", "reschedule_appointment"),
    ("my son has covid, my interview is friday", None),  # someone else's covid: not R4 by itself
    ("i have covid what do i do", None),  # no appointment named
])
def test_R4_covid_and_an_appointment_the_classifier_could_not_place_are_a_reschedule(text, intent):
    assert control_request(text, "nlu_fallback") == intent


@pytest.mark.parametrize("text,classified", [
    ("im safe now, can we finish the typo thing", "goodbye"),
    ("thanks, i'm ok. lets continue with my card", "thank"),
    ("ya estoy bien, podemos seguir con lo de mi tarjeta?", "affirm"),
    ("volvamos a lo de antes porfa", "nlu_fallback"),
])
def test_G6_going_back_to_a_request_a_crisis_cut_short_is_resume_request(text, classified):
    assert control_request(text, classified, resumable=True) == RESUME_INTENT


@pytest.mark.parametrize("text", [
    "i want to continue my application for citizenship",  # no request waits: the classifier's
    "quiero volver a programar mi cita",
])
def test_G6_the_same_words_with_no_request_waiting_are_left_to_the_classifier(text):
    assert control_request(text, "reschedule_appointment") is None


def test_G6_a_stop_still_wins_over_going_back():
    assert control_request("never mind, lets just continue later", "stop", resumable=True) == "stop"


def test_a_stop_that_closes_the_message_is_stop_whatever_the_classifier_thought():
    """Test set 5: read as nlu_fallback, the stop was taken as a bad contact answer."""
    assert control_request("ay espere!! acaba de pasar el cartero y ahi venia. cancele eso por favor", "nlu_fallback") == "stop"


@pytest.mark.parametrize("text, classified, confidence", [
    ("ok so long story, my knee surgery got moved to the same week as my green card interview which is dec 16 at 9 am "
     "and i literally wont be able to walk. MSC5555555555", "check_case_status", 0.53),  # test set 5
    ("la entrevista es el 3 y no voy a poder llegar porque me operan", "nlu_fallback", 0.3),
    ("my biometrics are the same day as my daughters surgery", "faq", 0.45),
])
def test_R1_an_appointment_the_applicant_cannot_keep_is_a_reschedule_when_the_classifier_was_unsure(text, classified, confidence):
    assert control_request(text, classified, confidence=confidence) == "reschedule_appointment"


@pytest.mark.parametrize("text, classified, confidence", [
    ("whats the status of MSC5555555555, i cant wait any longer", "check_case_status", 0.95),
    ("my interview went well, can i travel now", "faq", 0.9),
    ("i cant walk, can i get a home visit for my biometrics", "request_accommodation", 0.6),  # not an intent it overrides
])
def test_R1_a_sure_reading_or_no_appointment_kept_away_is_left_alone(text, classified, confidence):
    assert control_request(text, classified, confidence=confidence) is None


def test_S1_S4_a_wait_complained_of_with_a_question_about_the_case_is_a_status_check():
    assert control_request("que onda con mi caso SRC2222222222?? llevo 3 años", "case_outside_processing_time") == "check_case_status"
    assert control_request("3 years and the site says 14 months, file it please", "case_outside_processing_time") is None


@pytest.mark.parametrize("text, classified", [("ok thanks bye", "thank"), ("gracias, que tenga buen dia", "thank"), ("bye", "nlu_fallback")])
def test_a_message_that_only_takes_leave_is_goodbye(text, classified):
    assert control_request(text, classified) == "goodbye"


def test_E1_mail_that_never_came_told_not_asked_is_that_request():
    """Test set 6: "nunca me llego la mica, ya me la habian aprobado" got the approved-case answer."""
    assert control_request("my green card never came and it was approved back in july", "faq") == "card_not_received"
    assert control_request("no me ha llegado la carta de la cita", "nlu_fallback") == "notice_not_received"
    assert control_request("what do i do if my card never came?", "faq") is None  # a question: answered


def test_S1_an_unsure_reading_of_a_wait_complained_of_with_its_receipt_is_a_status_check():
    """Test set 7: read as an expedite at 0.40, asked for the expedite's reason."""
    text = "been waiting 2 years on my I-485 this is a joke, receipt LIN1111111111, let me talk to your boss"
    assert control_request(text, "request_expedite", confidence=0.41) == "check_case_status"
    assert control_request("please expedite LIN1111111111, i have been waiting 2 years", "request_expedite", confidence=0.9) is None


def test_C3_contact_details_alone_the_classifier_could_not_place_are_inform():
    assert control_request("617-555-0108", "nlu_fallback") == "inform"
    assert control_request("617-555-0108", "inform") is None


def test_G4_plain_words_are_no_language_switch_whatever_the_classifier_said():
    assert control_request("huh? what does that mean, in plain english", "change_language") == "nlu_fallback"


def test_S4_a_yes_read_as_inform_is_a_yes_unless_it_gives_details():
    assert control_request("fine, file the thing", "inform") == "affirm"
    assert control_request("ok here it is EAC1234567890", "inform") is None
    assert control_request("ok its maria@example.com", "inform") is None


def test_S1_checking_on_a_relatives_case_the_classifier_could_not_place_is_a_status_check():
    """Test set 6: "hi im trying to check on my moms green card for her" got "say it another way"."""
    assert control_request("hello, i want to check on my dads citizenship application, he cant use computers", "nlu_fallback") \
        == "check_case_status"
    assert control_request("quiero saber como va la solicitud de residencia de mi esposo", "nlu_fallback") == "check_case_status"
    assert control_request("i need to check my email first", "nlu_fallback") is None


def test_R1_cannot_make_it_after_an_appointment_was_named_is_a_reschedule():
    assert control_request("i cant make it", "stop", confidence=0.52, appointment_before=True) == "reschedule_appointment"
    assert control_request("i cant make it", "stop", confidence=0.52) is None


def test_S1_mail_that_came_with_another_cases_number_is_a_status_check():
    assert control_request("ese no, la tarjeta ya llego. el otro es TSC7777777777", "card_not_received") == "check_case_status"


def test_R1_an_appointment_to_move_with_its_date_is_a_reschedule_when_the_classifier_is_unsure():
    assert control_request("necesito mover la entrevista de la ciudadania, es el 20/1 a las 9", "nlu_fallback", confidence=0.35) \
        == "reschedule_appointment"
    assert control_request("como cambio la cita de huellas?", "nlu_fallback", confidence=0.35) is None  # a question


@pytest.mark.parametrize("text", ["i have a question", "hola, tengo una pregunta", "quick question pls"])
def test_a_question_announced_gets_what_can_be_helped_with(text):
    assert control_request(text, "nlu_fallback", confidence=0.35) == "help"
    assert control_request("i have a question about my interview", "nlu_fallback", confidence=0.35) != "help"


def test_E1_a_typo_told_with_its_document_is_a_typo_request():
    text = "my green card says Jonh but my name is John, receipt LIN1111111111"
    assert control_request(text, "inform", 0.6) == "typo_correction"


def test_R1_S1_a_move_declined_with_a_case_named_is_a_status_check():
    assert control_request("i dont want to reschedule the interview, only to know if its still on MSC5555555555",
                           "reschedule_appointment", 0.9) == "check_case_status"


def test_G1_a_person_declined_leaves_and_asks_for_none():
    assert control_request("ok forget it, ya no ocupo hablar con un agente", "request_live_agent", 0.8) == "stop"
    assert control_request("i want to talk to a real person", "request_live_agent", 0.9) is None


def test_E1_a_letter_that_came_is_no_missing_notice():
    assert control_request("i got a letter from uscis and idk what it means", "notice_not_received", 0.8) == "help"


def test_E1_a_notice_that_never_came_is_still_missing():
    assert control_request("nunca le llego el aviso de la cita a mi clienta", "notice_not_received", 0.9) is None


def test_S1_a_case_asked_to_be_looked_up_is_a_status_check_not_a_missing_card():
    assert control_request("and my card? check EAC1234567890", "card_not_received", confidence=0.8) == "check_case_status"
    assert control_request("check EAC1234567890, my card never came", "card_not_received", confidence=0.8) is None


def test_S4_a_yes_with_its_details_is_a_yes_though_it_sounds_like_a_question():
    assert control_request("yes, it's the green card, it had to go to 12 Oak St apt 3", "faq", confidence=0.4,
                           offer_waiting=True) == "affirm"
    assert control_request("yes, where do i find the receipt number", "faq", confidence=0.4, offer_waiting=True) is None
    # no offer waiting: a yes that opens a story is not an answer to anything
    assert control_request("yes hello, my work permit expired last month and i need to renew", "faq", confidence=0.4) is None


def test_G1_a_person_asked_for_in_the_second_clause_is_a_person_when_nothing_else_was_placed():
    assert control_request("hi there, i need to speak with a real person about my file", "nlu_fallback", confidence=0.35) \
        == "request_live_agent"
    assert control_request("my interview went bad, the officer told me to talk to someone", "nlu_fallback",
                           confidence=0.35) != "request_live_agent"


def test_G1_a_person_refused_for_a_call_is_no_stop():
    assert control_request("no quiero hablar con una persona, quiero que me llamen", "request_live_agent", confidence=0.8) is None
    assert control_request("no quiero hablar con una persona, quiero que me llamen", "request_callback", confidence=0.8) is None


def test_R1_a_move_asked_for_with_a_notice_pasted_is_a_reschedule_whatever_the_notice_says():
    text = ("quiero cambiar esta cita porfa, aqui la carta:\nNOTICE OF ACTION\nRECEIPT NUMBER LIN1111111111\n"
            "APPLICATION SUPPORT CENTER\nDATE AND TIME OF APPOINTMENT: April 6, 2027 11:00 AM")
    assert control_request(text, "notice_not_received", confidence=0.7) == "reschedule_appointment"


def test_C3_a_question_about_a_call_someone_promised_is_a_question():
    assert control_request("they told me they would call me, from what number?", "request_callback", confidence=0.8) == "faq"
    assert control_request("they told me to ask for a callback, can someone call me", "request_callback", confidence=0.8) is None


@pytest.mark.parametrize("text", ["and expedite it too, its the I-131", "y acelerarlo se puede?"])
def test_X1_an_expedite_asked_for_in_so_many_words_is_one(text):
    assert control_request(text, "inform", confidence=0.6) == "request_expedite"


def test_G1_a_stretched_request_for_a_person():
    assert control_request("AGENTEEEEE", "nlu_fallback", confidence=0.3) == "request_live_agent"


@pytest.mark.parametrize("text, classified", [
    ("no, la mica ya me llego ayer", "card_not_received"), ("nope it came already, thanks", "affirm"),
])
def test_S4_mail_that_came_said_at_the_offer_declines_it(text, classified):
    assert control_request(text, classified, confidence=0.8, offer_waiting=True) == "deny"
    assert control_request(text, classified, confidence=0.8) != "deny" or classified == "deny"


def test_E1_what_a_letter_says_to_bring_is_no_typo():
    text = "the notice says to bring my passport but i came in with a tourist visa and lost it, what do i bring"
    assert control_request(text, "notice_not_received", confidence=0.6) != "typo_correction"


@pytest.mark.parametrize("text, classified, confidence, appointment_before, intent", [
    # X1: an expedite whose reason is an emergency far away (test set 14 in other words)
    ("can you guys expedite my work permit, my brother is dying in cali colombia and i need to go", "report_emergency",
     0.6, False, "request_expedite"),
    ("quiero que aceleren mi caso, a mi papa le dio un infarto en lima", "report_emergency", 0.55, False, "request_expedite"),
    # E1: the notice about a card is a notice
    ("my approval notice for the EAD never showed up", "card_not_received", 0.8, False, "notice_not_received"),
    # E1: a typo told with its document, taken unsure for a status or left unplaced beside a receipt
    ("the card came and it says sex M, im F. EAC1234567890", "check_case_status", 0.5, False, "typo_correction"),
    ("mi mica dice sexo M, soy F, el recibo es EAC1234567890", "nlu_fallback", 0.3, False, "typo_correction"),
    # R1: "it" is the appointment named the message before; refused, nothing starts
    ("ok then yes, reschedule it, its jan 5 at 10am", "nlu_fallback", 0.3, True, "reschedule_appointment"),
    ("no le estoy pidiendo que me cambie la cita, solo preguntaba", "reschedule_appointment", 0.8, False, "deny"),
])
def test_session_22_readings_of_the_words(text, classified, confidence, appointment_before, intent):
    assert control_request(text, classified, confidence=confidence, appointment_before=appointment_before) == intent


def test_R1_it_with_no_appointment_before_is_not_a_move_and_a_status_asked_stays():
    assert control_request("ok then yes, reschedule it", "nlu_fallback", confidence=0.3) != "reschedule_appointment"
    assert control_request("whats the status of EAC1234567890, the card says my name wrong", "check_case_status",
                           confidence=0.5) is None


@pytest.mark.parametrize("text, classified", [
    ("ok and what does this one say https://egov.uscis.gov/casestatus/mycasestatus.do?appReceiptNum=EAC1234567890", "faq"),
    ("y esto que dice? www.uscis.gov/estado?recibo=IOE4444444444", "nlu_fallback"),
])
def test_S1_a_case_status_page_pasted_is_a_status_check(text, classified):
    assert control_request(text, classified, confidence=0.6) == "check_case_status"


def test_S1_a_web_address_without_a_receipt_is_no_status_check():
    assert control_request("is https://uscis-status-check.example.com real?", "faq", confidence=0.6) != "check_case_status"


@pytest.mark.parametrize("text, intent", [
    ("si como no, mandelo, al cabo nadie lo lee", "affirm"),
    ("sure go ahead, not like anybody reads them", "affirm"),
])
def test_a_yes_with_a_sarcastic_tail_read_unsure_as_a_no_is_a_yes(text, intent):
    assert control_request(text, "deny", confidence=0.45) == intent


def test_a_no_read_as_a_no_is_no_yes():
    assert control_request("claro que no, no lo mande", "deny", confidence=0.45) != "affirm"
    assert control_request("nel, mejor no", "deny", confidence=0.45) != "affirm"


@pytest.mark.parametrize("text, classified", [
    ("and where is the receipt # on the NOA, i have like 6 papers here", "notice_not_received"),
    ("donde viene el numero de recibo en la carta que me llego?", "notice_not_received"),
    ("where's the receipt number on my green card?", "card_not_received"),
])
def test_S1_where_the_receipt_number_is_on_mail_that_came_is_a_question(text, classified):
    assert control_request(text, classified, confidence=0.6) == "faq"


def test_E1_mail_said_missing_with_the_receipt_asked_about_stays_missing_mail():
    assert control_request("my notice never came so where do i find the receipt number?", "notice_not_received",
                           confidence=0.6) != "faq"


@pytest.mark.parametrize("text, intent", [
    ("tengo que cambiar mi entrevista, a mi papa lo operan ese dia y tengo que estar en el hospital", "reschedule_appointment"),
    ("i need to move my biometrics, my wife is having surgery that morning", "reschedule_appointment"),
])
def test_R1_a_move_whose_reason_is_a_relatives_emergency_is_a_reschedule(text, intent):
    assert control_request(text, "report_emergency", confidence=0.5) == intent


def test_U1_an_emergency_appointment_asked_for_stays_an_emergency():
    assert control_request("i need an emergency appointment to change my travel plans, my mom is in the hospital",
                           "report_emergency", confidence=0.6) is None


@pytest.mark.parametrize("text, classified, intent", [
    ("fine. then reschedule my uscis interview instead, the jan 5 9am one", "faq", "reschedule_appointment"),
    ("me pueden agilizar la I-539? es para cambiar a estudiante, el semestre empieza en enero", "reschedule_appointment",
     "request_expedite"),
])
def test_session_23_requests_read_as_something_else(text, classified, intent):
    assert control_request(text, classified, confidence=0.7) == intent


def test_a_question_about_moving_stays_a_question():
    assert control_request("if i reschedule my interview will it delay my case?", "faq", confidence=0.7) is None


def test_anyone_there_asked_while_a_question_waits_is_no_new_greeting():
    assert control_request("hello??", "greet", confidence=0.9, form_waiting=True) == "inform"
    assert control_request("hello??", "greet", confidence=0.9) is None  # no question waits: a greeting


def test_S1_a_case_asked_to_be_checked_by_its_number_is_a_status_check():
    assert control_request("check IOE4444444444", "inform", confidence=0.68) == "check_case_status"
    assert control_request("y revise EAC1234567890 porfa", "inform", confidence=0.6) == "check_case_status"


def test_R3_a_move_told_of_is_no_move_asked_for():
    text = "i asked to move my oath last week and got no answer, ceremony is next thursday. will it look bad if i dont go"
    assert control_request(text, "faq", confidence=0.7) != "reschedule_appointment"


def test_R1_a_move_refused_that_the_classifier_could_not_place_starts_nothing():
    text = "ugh. and no, im not asking to move my USCIS interview, ive waited 2 years for it"
    assert control_request(text, "nlu_fallback", confidence=0.3) != "reschedule_appointment"


@pytest.mark.parametrize("text, intent", [
    ("Good morning. I got the letter for my biometrics appointment on the 12th. What do I need to bring with me?", "faq"),
    ("i need to reschedule my biometrics, what do i bring to the new one?", None),  # a move asked: it stays a move
])
def test_a_question_about_an_appointment_read_unsure_as_a_move(text, intent):
    assert control_request(text, "reschedule_appointment", confidence=0.56) == intent


@pytest.mark.parametrize("text", [
    # test set 16 in other words: read, unsure, as a question, and the referral before it repeated
    "fine, could you move my uscis interview then?",
    "ok y me pueden cambiar la entrevista de uscis entonces?",
])
def test_R1_a_move_asked_of_the_assistant_read_unsure_as_a_question_is_a_move(text):
    assert control_request(text, "faq", confidence=0.46) == "reschedule_appointment"
    assert control_request("how do i move my interview?", "faq", confidence=0.46) != "reschedule_appointment"


@pytest.mark.parametrize("text", [
    # test set 16 in other words: a look-up asked, the appointment only its why, read as a move
    "me puede checar el caso IOE4444444444? tengo cita de huellas el lunes y no se si todavia esta",
    "can you check MSC5555555555 for me, my interview is on the 9th and i want to know its still happening",
])
def test_S1_a_case_asked_to_be_looked_up_read_as_a_move_is_a_status_check(text):
    assert control_request(text, "reschedule_appointment", confidence=0.55) == "check_case_status"


def test_R1_a_look_up_with_a_move_asked_stays_a_move():
    text = "can you check MSC5555555555 and move my interview, i cant go on the 9th"
    assert control_request(text, "reschedule_appointment", confidence=0.55) != "check_case_status"


def test_R1_a_move_asked_by_a_pronoun_read_unsure_as_a_question_is_a_move():
    # test set 16 in other words: read as a question about fees
    assert control_request("bueno pues quiero que me la cambien", "faq", confidence=0.37,
                           appointment_before=True) == "reschedule_appointment"
    assert control_request("ok then just move it", "nlu_fallback", confidence=0.3, appointment_before=True) == "reschedule_appointment"
    assert control_request("bueno pues quiero que me la cambien", "faq", confidence=0.37) != "reschedule_appointment"


def test_a_card_lost_in_a_move_read_unsure_as_a_change_of_address_is_the_replacement_question():
    assert control_request("perdi mi green card cuando me mude", "change_address", confidence=0.45) == "faq"
    assert control_request("i lost my green card in the move", "change_address", confidence=0.45) == "faq"
    assert control_request("perdi mi green card cuando me mude", "nlu_fallback", confidence=0.35) == "faq"
    assert control_request("i moved and lost my green card", "change_address", confidence=0.9) != "faq"  # sure: the move


@pytest.mark.parametrize("text", [
    # test set 16 in other words: a reschedule started, and the question went unanswered
    "do i still have to go to my oath ceremony tomorrow? i tested positive for covid",
    "tengo que ir igual a la entrevista del lunes si tengo fiebre y covid?",
])
def test_R4_whether_to_go_asked_and_read_as_a_move_is_the_question(text):
    assert control_request(text, "reschedule_appointment", confidence=0.7) == "faq"


def test_R1_whether_to_go_asked_beside_a_move_asked_stays_a_move():
    text = "do i have to go to my interview tomorrow or can you reschedule it? i have covid"
    assert control_request(text, "reschedule_appointment", confidence=0.7) != "faq"


def test_R2_an_appointment_that_cannot_be_kept_is_no_question_whether_to_go():
    text = "tengo la cita de huellas el martes a las 9 y no puedo ir porque trabajo, nunca la he cambiado"
    assert control_request(text, "reschedule_appointment", confidence=0.7) != "faq"


# ---------------------------------------------------------------- test set 17's classes, in other words

def test_X1_an_expedite_asked_that_the_classifier_could_not_place():
    assert control_request("can you guys speed up my n-400? its been forever", "nlu_fallback", confidence=0.35) \
        == "request_expedite"


def test_U5_an_office_appointment_asked_that_the_classifier_could_not_place():
    text = "necesito una cita en persona para que un oficial vea mi pasaporte original, no hay prisa"
    assert control_request(text, "nlu_fallback", confidence=0.35) == "report_emergency"
    assert control_request("necesito cambiar mi cita de huellas", "nlu_fallback", confidence=0.35) != "report_emergency"


def test_R1_a_move_needed_read_as_a_question_is_a_move():
    text = "the letter from immigration says my oath is on friday and i have to reschedule it"
    assert control_request(text, "faq", confidence=0.6) == "reschedule_appointment"
    # a move told of, not needed now, stays what it was
    assert control_request("i asked to move my oath last week and got no answer", "faq", confidence=0.6) != \
        "reschedule_appointment"


def test_S4_a_yes_asking_for_what_was_offered_at_an_offer():
    text = "yes go ahead and file it, thats what i need"
    assert control_request(text, "check_case_status", confidence=0.5, offer_waiting=True) == "affirm"
    assert control_request(text, "check_case_status", confidence=0.5) != "affirm"  # nothing offered
    assert control_request("si, presentela por favor", "inform", confidence=0.5, offer_waiting=True) == "affirm"
