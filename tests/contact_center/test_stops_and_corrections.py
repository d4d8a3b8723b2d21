"""Going back to what was under way (G6: after a crisis reply), in the applicant's words.
Stops and corrections: tests/contact_center/test_answers.py."""
import pytest

from contact_center import stops_and_corrections
from contact_center.stops_and_corrections import asks_to_resume


@pytest.mark.parametrize("text", ["ok can we finish the card thing now", "sigamos con lo de acelerar mi caso",
                                  "where were we", "volvamos a lo de antes"])
def test_G6_asking_to_go_back_to_the_request(text):
    assert asks_to_resume(text)


@pytest.mark.parametrize("text", ["i need to reschedule my interview", "gracias", ""])
def test_G6_other_messages_do_not_ask_to_resume(text):
    assert not asks_to_resume(text)


@pytest.mark.parametrize("text, value", [
    ("change the documents to bank statements and the eviction notice", "bank statements and the eviction notice"),
    ("actually i wont have the letter from work, use my hospital bills instead", "my hospital bills"),
    ("mejor ponga las cartas del doctor en su lugar", "las cartas del doctor"),
    ("the documents are fine", None),
    ("use my email instead", None),  # the contact's own reader takes that
    ("yes send it", None),
])
def test_E1_a_free_text_field_corrected_at_the_confirmation(text, value):
    from contact_center.stops_and_corrections import named_correction

    assert named_correction(text, "expedite_documents") == value


@pytest.mark.parametrize("text", [
    "you know what, never mind, ill wait",
    "on second thought forget it",
    "pensandolo bien, olvidalo",
    "hang on, dont send it, my neighbor had the letter",  # test set 4: it asked what to change
    "un momento, no lo mande, ya encontre la tarjeta",
])
def test_a_stop_after_a_change_of_heart_opens_the_message(text):
    from contact_center.stops_and_corrections import opening_stop, starts_with_stop

    assert opening_stop(text) is not None and starts_with_stop(text)


@pytest.mark.parametrize("text", ["hold on let me check", "espere, ahorita le busco el numero"])
def test_a_pause_with_no_stop_after_it_is_no_stop(text):
    from contact_center.stops_and_corrections import opening_stop

    assert opening_stop(text) is None


@pytest.mark.parametrize("text", [
    "ay espere!! acaba de pasar el cartero y ahi venia. cancele eso por favor",  # test set 5
    "the card showed up in the mail today, so never mind",
    "my brother already filed it for me. so just cancel it then",
    "ya me llego la tarjeta, olvidelo",
])
def test_a_stop_that_closes_the_message_after_its_reason(text):
    from contact_center.stops_and_corrections import closing_stop

    assert closing_stop(text)


@pytest.mark.parametrize("text", [
    "my interview got cancelled. and then cancelled again",
    "cancel",  # one sentence: the opening stop reads it
    "i had to cancel. my appointment was the same day as surgery",
    "they said they would cancel my case, what do i do",
])
def test_a_cancellation_told_as_news_is_no_closing_stop(text):
    from contact_center.stops_and_corrections import closing_stop

    assert not closing_stop(text)


@pytest.mark.parametrize("text", ["ugh forget it, ill call tomorrow. bye", "mejor ya no, me tengo que ir a trabajar, otro dia",
                                  "sorry i have to leave now", "ok bye", "ya no quiero esperar, llamo mañana"])
def test_leaving_the_line_in_the_applicants_words(text):
    assert stops_and_corrections.leaves_the_line(text)


@pytest.mark.parametrize("text", ["i cant wait anymore this is urgent", "still waiting?", "i have to go to work at 3, can they hurry",
                                  "my receipt is EAC1234567890 if the agent needs it"])
def test_a_message_while_waiting_that_stays_in_line(text):
    assert not stops_and_corrections.leaves_the_line(text)


@pytest.mark.parametrize("text", ["ok lets start over", "quiero empezar de nuevo", "mejor lo dejo, lo hablo con mi abogada"])
def test_starting_over_or_leaving_it_is_a_stop(text):
    assert stops_and_corrections.says_stop(text)


@pytest.mark.parametrize("text, expected", [
    ("wait no sorry its the interview not the biometrics", True),
    ("perdon me equivoque, no es la N-400", True),
    ("12/10 at 9am", False),
    ("twice", False),
])
def test_an_earlier_answer_taken_back(text, expected):
    assert stops_and_corrections.changes_mind(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("no idea which papers. forget it, im too tired for this today", True),
    ("no se que papeles. olvidelo, ahorita no puedo con esto", True),
    ("i got the letter. never mind, what should i bring to the interview?", False),
    ("forget it", False),  # the first sentence: opening_stop reads it
])
def test_a_stop_that_opens_a_later_sentence(text, expected):
    assert stops_and_corrections.stop_in_a_later_sentence(text) is expected


@pytest.mark.parametrize("text, rest", [
    ("ok forget the expedite, what i need is my case status", ", what i need is my case status"),
    ("mejor olvidemos lo de la tarjeta, lo que quiero es cambiar la cita", ", lo que quiero es cambiar la cita"),
    ("scratch the card request, i found it", ", i found it"),
])
def test_a_request_called_off_by_name_is_a_stop_and_what_follows_is_kept(text, rest):
    end = stops_and_corrections.opening_stop(text)
    assert end is not None and text[end:] == rest


@pytest.mark.parametrize("text", ["i forget the date of my interview", "did you forget my case", "forget me not"])
def test_forgetting_something_is_no_stop(text):
    assert stops_and_corrections.opening_stop(text) is None


@pytest.mark.parametrize("text, taken_back", [
    ("no, espere, mejor si, mandela", True),
    ("ugh cancel it. no wait actually dont cancel, go ahead and send it", True),
    ("no wait, actually yes, go ahead", True),
    # a refusal that stays a refusal (a review of session 23)
    ("no no wait dont send it", False),
    ("ugh cancel it. actually dont send it", False),
    ("nah wait dont do it", False),
    ("no, espere, si no la presento que pasa?", False),
    ("no, mejor si quiero hablar con una persona", False),
])
def test_a_no_taken_back_with_a_yes(text, taken_back):
    assert stops_and_corrections.no_taken_back(text) is taken_back


@pytest.mark.parametrize("text", ["ok sure thanks", "bueno si gracias", "no gracias"])
def test_thanks_after_a_declined_offer_reopens_nothing(text):
    assert not stops_and_corrections.takes_back_no(text)
