"""Whole conversations: facts, answers and stops told the way test set 5 showed people tell
them (benchmarks/conversations_test5/, first run 2026-12-06). Each class is tested here in
other words than the set's, so the set stays a measure and these tests a guard.
"""
from __future__ import annotations

from tests.conversations.talk import APPROVED, assert_no_reply, assert_reply


def test_R4_R3_covid_denied_with_the_no_after_the_word_keeps_the_attend_warning(chat, store):
    """"covid no tengo" had been read as "tengo covid": the applicant was told not to attend."""
    c = chat()
    c.say("necesito cambiar mi entrevista del 15 de diciembre a las 9 de la mañana, covid no tengo gracias a dios")
    assert c.slot("has_covid") is False
    c.say(APPROVED)
    c.say("lupe.r@example.com")
    replies = c.say("si")
    assert_reply(replies, "utter_attend_if_no_answer", "es")
    assert_no_reply(replies, "utter_do_not_attend_covid", "es")


def test_R2_a_day_said_up_front_without_its_hour_asks_the_hour(chat, clock):
    """"tengo la cita de huellas mañana" had been taken as midnight, and the hour typed next
    as the number of times it was moved."""
    clock("2026-12-03T19:45:00-05:00")  # a Thursday evening, live chat still open
    c = chat()
    replies = c.say("mis huellas son mañana pero me toca trabajar doble turno, no voy a poder ir")
    assert_reply(replies, "utter_ask_appointment_time", "es")
    replies = c.say("mañana a las 7:15 de la mañana")  # 11.5 hours away
    assert_reply(replies, "utter_ask_times_rescheduled", "es")
    c.say("nunca")
    replies = c.say("no")
    assert_reply(replies, "utter_reschedule_needs_live_help_too_soon", "es")
    assert c.decided()[0] == "LIVE_TIER1"


def test_R2_a_time_typed_at_the_count_question_is_no_count(chat):
    c = chat()
    c.say("I need to reschedule my biometrics appointment")
    c.say("December 15")
    replies = c.say("dec 15 at 8:30 am")  # the hour, at "how many times?"
    assert_reply(replies, "utter_times_rescheduled_not_understood", "en")
    assert c.slot("times_rescheduled") is None


def test_R2_G2_the_count_told_as_which_time_this_is(chat):
    """"this is the third time ... once for work and once when my car died" had been 1."""
    c = chat()
    c.say("i have to move my fingerprint appointment")
    c.say("december 15 at 11am")
    c.say("ugh its the third time i ask for this, once i was sick and once i had no ride")
    replies = c.say("no")
    assert_reply(replies, "utter_reschedule_needs_live_help_rescheduled_twice", "en")
    assert c.decided()[0] == "LIVE_TIER1"


def test_a_place_named_for_a_day_is_no_appointment_date(chat):
    """"el bautizo de mi nieto en santo domingo" had filed the oath as "Sunday November 1"."""
    c = chat()
    replies = c.say("tengo que cambiar mi juramento porque ese dia salgo de viaje a santo domingo por un funeral")
    assert_reply(replies, "utter_ask_appointment_time", "es")
    assert c.slot("appointment_time") is None


def test_G4_a_short_spanish_yes_at_the_callback_offer_keeps_spanish(chat, clock):
    """"si, llamenme" had turned the conversation to English: "What phone number should ..."."""
    clock("2026-11-28T11:00:00-05:00")  # a Saturday: live chat closed
    c = chat()
    c.say("necesito hablar con un agente")
    c.say("me cobraron dos veces la misma solicitud y nadie me explica")
    replies = c.say("ok, marquenme")
    assert_reply(replies, "utter_ask_phone_numbers", "es")
    assert c.slot("language") == "es"


def test_E1_a_receipt_number_with_words_around_it_answers_the_receipt_question(chat):
    """"ok good to know. IOE..." at the receipt question had been asked about as a new request."""
    c = chat()
    c.say("my work permit card never showed up, approved in october")
    replies = c.say("alright thanks for that. here you go " + "IOE0912345678")
    assert_no_reply(replies, "utter_ask_switch_request", "en")
    assert c.slot("receipt_number") == "IOE0912345678"


def test_a_stop_said_last_after_its_reason_cancels_the_form(chat, store):
    """"... acaba de pasar el cartero y ahi venia. cancele eso por favor" at the contact question
    had been asked for an e-mail again."""
    c = chat()
    c.say("no me ha llegado el aviso de aprobacion")
    c.say(APPROVED)
    c.say("el aviso de aprobacion del I-130, a 12 calle sol, ponce")
    replies = c.say("uy, lo acabo de encontrar en el buzon de mi vecina. olvidelo")
    assert_reply(replies, "utter_form_cancelled", "es")
    assert store.service_requests_for(c.sender) == []


def test_G4_two_requests_joined_by_y_encima_are_both_taken(chat):
    c = chat()
    replies = c.say("perdí mi green card en el metro y encima me mudé la semana pasada")
    assert_reply(replies, "utter_faq/replace_green_card", "es")
    assert_reply(replies, "utter_change_address_info", "es")


def test_G1_a_person_asked_for_after_a_greeting_with_question_marks(chat):
    c = chat()
    replies = c.say("hola?? necesito hablar con una persona de verdad, mande mi solicitud sin firmar")
    assert_no_reply(replies, "utter_default", "es")
    assert c.decided()[0] == "LIVE_TIER1"


def test_E1_a_typo_told_with_what_is_printed_and_what_is_right_is_not_asked_again(chat):
    c = chat()
    c.say("theres a mistake on my work permit, my first name is printed MARIA JOSE, its MARIA JOSEFA")
    replies = c.say("IOE0912345678")
    assert_reply(replies, "utter_ask_contact", "en")
    assert_no_reply(replies, "utter_ask_problem_details", "en")


def test_U4_a_reason_told_in_full_that_is_none_of_the_urgent_ones(chat):
    c = chat()
    c.say("i need an urgent appointment at my local office")
    c.say("no one is in danger")
    c.say("yes")
    replies = c.say("i want an officer to check the name on my certificate before i apply for my passport")
    assert_reply(replies, "utter_non_urgent_appointment", "en")


def test_X2_pay_stopped_is_a_severe_financial_loss_told_up_front(chat):
    c = chat()
    replies = c.say("quiero acelerar mi I-765 de asilo IOE0912345678, mi permiso se vencio y en el trabajo me "
                    "suspendieron sin sueldo hasta que traiga el nuevo")
    assert_no_reply(replies, "utter_ask_expedite_criterion", "es")
    assert c.slot("expedite_criterion") == "severe_financial_loss"


def test_R1_an_appointment_they_cannot_keep_with_a_receipt_number_is_a_reschedule(chat):
    """A receipt number in the message had made it a status check."""
    c = chat()
    replies = c.say("my naturalization interview is dec 14 at 10 am and my c-section is scheduled that same day, "
                    "no way i can go. NBC6666666666")
    assert c.active_form() == "reschedule_form"
    assert_no_reply(replies, "utter_case_status_result", "en")


def test_questions_inside_a_form_about_a_caller_asking_for_money_are_answered(chat):
    c = chat()
    c.say("i never got my green card in the mail")
    replies = c.say("wait first, a guy called me saying hes from immigration and i need to pay 250 in itunes cards "
                    "to get my card released, is that you")
    assert_reply(replies, "utter_faq/scams", "en")
    assert_reply(replies, "utter_ask_receipt_number", "en")


# ---- test set 6 (first run 2026-12-06 20:19): the classes it found, in other words


def test_R4_covid_told_with_its_symptoms_at_the_covid_question_is_the_answer(chat, store):
    """"yes I tested positive this morning and I have a fever..." had asked to stop the reschedule."""
    c = chat()
    c.say("i need to move my citizenship interview, its december 17 at 1pm")
    replies = c.say("yeah my rapid test came out positive last night, i have chills and my throat is killing me")
    assert_no_reply(replies, "utter_ask_switch_request", "en")
    assert c.slot("has_covid") is True
    assert c.active_form() == "reschedule_form"


def test_U5_a_hedged_yes_to_the_in_person_question(chat):
    c = chat()
    c.say("tengo una emergencia con mi caso")
    c.say("no, nadie esta en peligro")
    replies = c.say("bueno si, creo que si tengo que ir en persona")
    assert_reply(replies, "utter_ask_urgent_reason", "es")


def test_G4_a_request_for_spanish_that_opens_a_long_answer_switches_the_language(chat):
    """"en español por favor, es para mi hijo ..." at the typo's question had been filed as the typo."""
    c = chat()
    c.say("my daughter's green card has her last name spelled wrong")
    c.say("LIN1111111111")
    replies = c.say("en español por favor, yo soy su mama y le estoy ayudando porque ella esta en la escuela")
    assert_reply(replies, "utter_language_changed_in_form", "es")
    assert c.slot("problem_details") is None


def test_R4_facts_after_a_pronoun_y_stay_with_the_request(chat):
    """"... ese dia y la tengo que recoger ... no tengo covid ... mi recibo es ..." had been cut in two."""
    c = chat()
    replies = c.say("ocupo cambiar mi entrevista del 16 de diciembre a las 10 de la mañana porque mi esposa da a luz "
                    "esa semana y la tengo que acompañar al hospital, covid no tengo, el recibo es MSC5555555555")
    assert_reply(replies, "utter_ask_contact", "es")


def test_S1_a_status_asked_with_its_number_then_another_request_are_both_taken(chat):
    c = chat()
    replies = c.say("whats going on with EAC1234567890, and can i change the address on it? we moved")
    assert_reply(replies, "utter_case_status_result", "en")


def test_E1_where_missing_mail_should_have_gone_corrected_at_the_confirmation(chat, store):
    """"wait the address is wrong ... it should have gone to ..." had been asked about as a change of address."""
    c = chat()
    c.say("my approval notice never came")
    c.say(APPROVED)
    c.say("the I-130 approval notice, to 12 Pine St, Dayton OH 45402")
    c.say("937 555 0161")
    replies = c.say("hold on, thats my old address, it should have gone to 88 Elm Ave Apt 2, Dayton OH 45405")
    assert_reply(replies, "utter_correction_applied", "en")
    assert "88 Elm Ave" in c.slot("problem_details")
    c.say("yes")
    [filed] = store.service_requests_for(c.sender)
    assert "88 Elm Ave" in filed.details


def test_G1_another_persons_letter_is_for_a_person_not_a_service_request(chat, store):
    c = chat()
    c.say("can i talk to someone")
    replies = c.say("uscis sent me a letter but inside it has someone elses name and case, what do i do with it")
    assert_no_reply(replies, "utter_ask_receipt_number", "en")
    assert c.decided()[0] == "LIVE_TIER1"


def test_G4_a_letter_pasted_after_spanish_words_is_answered_in_spanish(chat):
    c = chat()
    replies = c.say("me mandaron esto y no le entiendo: REQUEST FOR EVIDENCE. The evidence submitted does not establish "
                    "eligibility. Submit the requested evidence within 87 days.")
    assert c.slot("language") == "es"
    assert_no_reply(replies, "utter_ask_problem_details", "en")
