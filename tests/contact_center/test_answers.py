"""Applicants' short answers, typed in words, in English or Spanish (R2, X2, U2, G6)."""
import pytest

from contact_center import answers, stops_and_corrections


@pytest.mark.parametrize("text", ["yes", "Yes!", "yeah sure", "sí", "si claro", "SI", "correcto", "ok", "de acuerdo", "y", "ya"])
def test_yes(text):
    assert answers.yes_no(text) is True


@pytest.mark.parametrize("text", ["no", "No.", "nope", "nunca", "para nada", "not really"])
def test_no(text):
    assert answers.yes_no(text) is False


@pytest.mark.parametrize("text", ["", None, "   ", "🙂", "I don't know", "no sé", "maybe", "tal vez",
                                  "y hay abogados gratis? no tengo dinero", "ya me llego la carta"])  # "and", "already"
def test_neither_yes_nor_no_is_asked_again(text):
    assert answers.yes_no(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [("never", 0), ("0", 0), ("nunca", 0), ("once", 1), ("una vez", 1), ("1", 1),
     ("twice", 2), ("dos veces", 2), ("3", 2), ("many times", 2), ("varias veces", 2),
     # Test set 5: told as which time this is, or as each time it happened.
     ("this is the third time honestly. moved it once for work and once when my car died", 2),
     ("ya es la tercera vez que la tengo que cambiar", 2),
     ("its the second time i have to move it", 1),
     ("no, esta seria la segunda vez", 1),
     ("una vez por el trabajo y otra vez porque me enferme", 2)],
)
def test_R2_times_rescheduled_counts_two_or_more_as_two(text, expected):
    assert answers.times_rescheduled(text) == expected


@pytest.mark.parametrize("text", ["", None, "no se", "I don't remember", "purple",
                                  # a time or a date is no count (test set 5 read "8:30" as 2)
                                  "mañana viernes a las 8:30 am", "dec 3 at 10", "el 14 de diciembre", "12/03"])
def test_R2_times_rescheduled_unclear(text):
    assert answers.times_rescheduled(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("severe_financial_loss", "severe_financial_loss"),
        ("I will lose my job", "severe_financial_loss"),
        ("voy a perder mi trabajo", "severe_financial_loss"),
        ("my mother is dying", "urgent_humanitarian"),
        ("mi hijo esta enfermo en el hospital", "urgent_humanitarian"),
        ("the military needs me", "government_interest"),
        ("USCIS made a mistake", "uscis_error"),
        ("im about to get evicted because i cant work", "severe_financial_loss"),
        ("nos van a desalojar, no puedo pagar la renta", "severe_financial_loss"),
        ("none of those", "none"),
        ("ninguna", "none"),
        ("no", "none"),
    ],
)
def test_X2_expedite_criterion(text, expected):
    assert answers.expedite_criterion(text) == expected


@pytest.mark.parametrize("text", ["", None, "hmm", "🙃"])
def test_X2_unclear_criterion_is_asked_again(text):
    assert answers.expedite_criterion(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("medical_emergency", "medical_emergency"),
        ("I have to travel for a funeral", "family_emergency_travel"),
        ("tengo que viajar, mi papa murio", "family_emergency_travel"),
        ("I need surgery", "medical_emergency"),
        ("perdi mi trabajo", "financial_loss_of_employment_or_benefits"),
        ("none", "none"),
        ("nada de eso", "none"),
        # Test set 5: a reason told in full that is none of the urgent ones is "something else" (U4).
        ("quiero que me cambien la foto de la green card porque sali horrible, parezco otra persona", "none"),
        ("i want them to look at my documents before i send the rest of my packet", "none"),
        ("my dad is dying and i need to be there with him", "medical_emergency"),
        ("mi esposa esta embarazada y ya va a dar a luz", "medical_emergency"),
        ("idk", None),
        ("purple monkey", None),
    ],
)
def test_U2_urgent_reason(text, expected):
    assert answers.urgent_reason(text) == expected


@pytest.mark.parametrize(
    "text", ["he is going to kill me", "someone has a gun", "mi esposo me pega", "me quieren matar", "I can't breathe"]
)
def test_G6_danger_words(text):
    assert answers.mentions_danger(text)


@pytest.mark.parametrize("text", ["", None, "my appointment is tomorrow", "necesito una cita urgente"])
def test_G6_no_danger(text):
    assert not answers.mentions_danger(text)


@pytest.mark.parametrize("text", ["I don't know", "not sure", "no sé", "no me acuerdo", "idk"])
def test_dont_know(text):
    assert answers.dont_know(text)


@pytest.mark.parametrize(
    "text, criterion",
    [
        ("fue error de uscis, perdieron mis huellas y me hicieron ir otra vez", "uscis_error"),  # not a loss of money
        ("perdi mi trabajo por el retraso", "severe_financial_loss"),
        ("im in the army and deploy in march", "government_interest"),
        ("otra", "none"),
        # Test set 5: pay stopped, told as what the employer did.
        ("en la fabrica me suspendieron sin sueldo hasta que lleve el permiso nuevo", "severe_financial_loss"),
        ("they have to take me off the schedule if the card isnt here", "severe_financial_loss"),
        ("my boss stopped my paycheck until i bring the new ead", "severe_financial_loss"),
    ],
)
def test_X2_criteria_in_the_applicants_words(text, criterion):
    assert answers.expedite_criterion(text) == criterion


def test_U2_la_otra_semana_is_a_date_not_none_of_these():
    assert answers.urgent_reason("me tienen que operar del corazon la otra semana") == "medical_emergency"


@pytest.mark.parametrize("text", ["not anymore im fine now", "no longer", "ya no, ya estoy bien"])
def test_a_no_in_other_words(text):
    assert answers.yes_no(text) is False


@pytest.mark.parametrize("text, stop", [("never mind", True), ("olvidalo", True), ("never moved it before", False)])
def test_a_stop_is_told_from_an_answer_that_starts_with_never(text, stop):
    assert stops_and_corrections.says_stop(text) is stop


@pytest.mark.parametrize("text, stop", [("nah forget it, ill call tomorrow myself", True),
                                        ("mejor no, dejalo asi, voy a ir", True),
                                        ("the card never came, forget about the old address", False)])
def test_a_long_message_that_opens_with_a_stop_is_a_stop(text, stop):
    assert stops_and_corrections.starts_with_stop(text) is stop


@pytest.mark.parametrize("text, answer", [
    ("yes pls, it never showed up", True),
    ("si x favor, nunca me llego nada", True),
    ("nope not anymore, i found it", False),
    ("no, my case is different: they told me at the office that my file was sent to another place and i should wait", None),
    ("i need to reschedule", None),
])
def test_a_short_message_that_opens_with_yes_or_no_is_that_answer(text, answer):
    assert answers.short_answer(text) is answer


@pytest.mark.parametrize("text", [
    "none of these apply to me, im just tired of waiting",
    "ninguna de esas, ya estoy harta de esperar",
])
def test_X2_none_of_the_reasons_said_outright_is_none_whatever_follows(text):
    # "honestly none of those apply, ... im sick of waiting" had been read as a humanitarian reason.
    assert answers.expedite_criterion(text) == answers.NONE


@pytest.mark.parametrize("text", [
    "my employer is laying me off when my ead expires",
    "la empresa me va a despedir si no tengo el permiso",
])
def test_X2_the_job_at_stake_told_as_what_the_employer_does_is_financial_loss(text):
    from contact_center.stated import expedite_criterion_stated

    assert expedite_criterion_stated(text) == "severe_financial_loss"


@pytest.mark.parametrize("text, expected", [
    ("quiero pasarme a estudiante f1", "change_to_student_or_exchange"),
    ("switching to J-1 exchange visitor", "change_to_student_or_exchange"),
    ("extender mi estadia de turista", "other"),
])
def test_X4_an_i539_category_in_the_applicants_words(text, expected):
    assert answers.form_classification("I-539", text) == expected


@pytest.mark.parametrize("text, reason", [
    ("honestly its for a cruise in march, i want it checked before", "none"),
    ("nos vamos de vacaciones y quiero que revisen mis papeles antes", "none"),
    ("my grandma is dying and i have to fly to manila, its not a vacation", "family_emergency_travel"),
])
def test_U2_a_trip_for_pleasure_is_no_urgent_reason(text, reason):
    assert answers.urgent_reason(text) == reason


@pytest.mark.parametrize("text, answer", [
    ("pues creo que si, que tengo que ir a la oficina", True),  # test set 6: asked for a yes or no again
    ("i think so", True), ("bueno si", True), ("creo que no", False), ("i dont think so", False),
])
def test_a_hedged_yes_or_no_is_that_answer(text, answer):
    assert answers.yes_no(text) is answer


def test_a_yes_with_contact_details_after_it_is_a_short_yes():
    assert answers.short_answer("yes call me, 210 555 0104, email r.salinas@example.com") is True  # test set 6


@pytest.mark.parametrize("text", ["one sec let me find it", "ok hold on", "espere un momento la busco", "dejeme buscarlo",
                                  "un momentito, la estoy buscando", "give me a minute", "ahorita lo busco", "ok im looking for it"])
def test_a_moment_asked_for_is_no_answer(text):
    assert answers.courtesy(text) == "wait"


@pytest.mark.parametrize("text", ["gracias", "ok thanks!", "thank you so much", "perfecto, gracias", "ty"])
def test_thanks_is_no_answer(text):
    assert answers.courtesy(text) == "thanks"


@pytest.mark.parametrize("text", ["ok", "si", "wait its actually my interview", "thanks, it is IOE4444444444",
                                  "no gracias", "let me tell you what happened", ""])
def test_an_answer_or_a_plain_yes_is_no_courtesy(text):
    assert answers.courtesy(text) is None


@pytest.mark.parametrize("text", ["bye", "ok thanks bye!!", "gracias, adios", "thanks have a good day", "hasta luego gracias",
                                  "ok gracias que tenga buen dia", "chao"])
def test_a_message_that_only_takes_leave_is_a_goodbye(text):
    assert answers.says_goodbye(text)


@pytest.mark.parametrize("text", ["bye i moved to texas", "I will do it later", "my mom said goodbye to us at the airport", ""])
def test_a_goodbye_inside_a_story_is_none(text):
    assert not answers.says_goodbye(text)


@pytest.mark.parametrize("text", ["pls do", "please", "ta bien, mandela", "esta bien", "andale si", "okey"])
def test_yes_in_more_words(text):
    """Test set 7: "pls do" at a callback offer and "ta bien, mandela" at a confirmation were asked again."""
    assert answers.yes_no(text) is True


# Test set 8's classes, in other words (session 18).
@pytest.mark.parametrize("text, count", [
    ("a couple of times, and i dont have covid", 2),
    ("fueron tres veces. y no, covid no tengo", 2),
    ("no, they moved it twice", 2),
    ("nop", 0),
    ("just the once", 1),
])
def test_R2_the_count_said_first_wins_over_a_later_no(text, count):
    assert answers.times_rescheduled(text) == count


@pytest.mark.parametrize("text", ["once or twice i think", "una o dos veces", "1 or 2"])
def test_R2_one_or_two_is_asked_again(text):
    assert answers.times_rescheduled(text) is None


@pytest.mark.parametrize("text", [
    "my goddaughters quinceanera in oaxaca, i need to travel for it",
    "la boda de mi prima en lima, necesito viajar",
])
def test_U2_a_trip_for_a_celebration_is_no_family_emergency(text):
    assert answers.urgent_reason(text) == answers.NONE


@pytest.mark.parametrize("text", [
    "honestly im just tired of waiting, it has been a year",
    "ya me canse de esperar, son 16 meses",
    "i just want my card already",
    "its taking way too long and i have a trip to visit my family in august",
])
def test_X2_the_wait_itself_or_a_family_visit_is_no_reason(text):
    assert answers.expedite_criterion(text) == answers.NONE


@pytest.mark.parametrize("text, criterion", [
    ("tired of waiting and my father is in the hospital", "urgent_humanitarian"),
    ("ya me canse de esperar y si no llega me despiden", "severe_financial_loss"),
])
def test_X2_a_reason_told_with_the_frustration_still_counts(text, criterion):
    assert answers.expedite_criterion(text) == criterion


@pytest.mark.parametrize("text", ["huh?", "que??", "sorry what do you mean", "no entendi la pregunta", "perdon, q es eso?",
                                  "i dont understand"])
def test_a_question_not_understood_answers_nothing(text):
    assert answers.not_understood(text)


@pytest.mark.parametrize("text", ["what? no, never", "what is the fee for the n-400 and where do i pay", "no", "yes please",
                                  "12/14 at 9", "que es la biometria y que llevo"])
def test_an_answer_or_a_question_of_its_own_is_not_a_question_not_understood(text):
    assert not answers.not_understood(text)


def test_text_speak_is_read_as_the_words_it_stands_for():
    assert answers.clean("ocupo una cita b4 tmrw pls") == "necesito una cita before tomorrow please"
    assert answers.times_rescheduled("never changed it b4") == 0


@pytest.mark.parametrize("text", ["my dad had a stroke and i need to fly to see my family",
                                  "mi papa tuvo un derrame, necesito viajar a ver a mi familia"])
def test_U2_X2_an_emergency_told_with_a_family_visit_is_still_an_emergency(text):
    assert answers.urgent_reason(text) != answers.NONE
    assert answers.expedite_criterion(text) == "urgent_humanitarian"


def test_a_u_visa_is_not_read_as_you():
    assert "u visa" in answers.clean("its based on my U visa")


@pytest.mark.parametrize("text", ["ok and whats the status of my other case", "okay but first tell me the fee"])
def test_ok_opening_another_question_is_no_yes(text):
    assert answers.yes_no(text) is None


def test_X2_a_relative_in_hospice_is_an_urgent_humanitarian_reason():
    assert answers.criterion_named(answers.clean("my mother is in hospice care, the doctor gives her weeks")) == "urgent_humanitarian"
    assert answers.criterion_named(answers.clean("mi abuelo esta en cuidados paliativos")) == "urgent_humanitarian"


def test_U2_losing_medicaid_is_a_loss_of_benefits_not_a_medical_emergency():
    assert answers.urgent_reason("me quitaron el medicaid y perdi el trabajo") == "financial_loss_of_employment_or_benefits"


def test_stretched_letters_are_read_once():
    assert answers.clean("PLEASEEEE helppppp") == "please help"


def test_presence_needs_more_than_a_greeting():
    assert answers.courtesy("hola") is None and answers.courtesy("hello") is None


@pytest.mark.parametrize("text", ["hello?? you still there", "hola? esta ahi?", "sorry i was away", "ok im back"])
def test_asking_whether_the_assistant_is_there_answers_nothing(text):
    assert answers.courtesy(text) == "wait"


@pytest.mark.parametrize("text", ["sorry i was away, where were we", "ok im back where were we", "perdon, en que ibamos?",
                                  "hola? donde nos quedamos"])
def test_a_return_asking_where_the_conversation_was_answers_nothing(text):
    assert answers.courtesy(text) == "wait"


@pytest.mark.parametrize("text, expected", [
    ("claro que no", False), ("of course not", False), ("yeah no", False), ("nel", False),
    ("simon", True), ("como no", True), ("yeah no problem", True), ("claro", True),
])
def test_yes_and_no_that_open_like_the_other(text, expected):
    assert answers.short_answer(text) is expected


@pytest.mark.parametrize("text, expected", [("👍", True), ("ok 👍🏽", True), ("👎", False), ("❌", False)])
def test_a_yes_or_no_sent_as_an_emoji(text, expected):
    assert answers.short_answer(text) is expected


@pytest.mark.parametrize("text", ["hello??", "Hellooooo?", "bueno?", "alo??"])
def test_a_greeting_asked_as_a_question_is_a_presence_check(text):
    assert answers.courtesy(text) == "wait"


@pytest.mark.parametrize("text, expected", [
    ("simon", True), ("simon, mandela", True), ("como no", True),
    ("Simon Perez", None), ("como no me ha llegado la tarjeta?", None),
])
def test_simon_and_como_no_are_yes_only_as_the_answer(text, expected):
    assert answers.short_answer(text) is expected


def test_X2_sorry_is_no_loss():
    # "perdon, podemos seguir en espanol?" had been read as a severe financial loss ("perd-") (test set 3)
    assert answers.expedite_criterion("perdon, podemos seguir en espanol? se me hace mas facil") is None
    assert answers.expedite_criterion("perdi mi trabajo") == "severe_financial_loss"


@pytest.mark.parametrize("text, expected", [
    # test set 16 in other words: a reason named only to deny it had been claimed (X2)
    ("please speed up my n-400, no emergency or financial problem, just tired of waiting", "none"),
    ("no hay ninguna razon especial, no es por dinero, solo ya quiero que salga", "none"),
    ("its not about the money, my son has leukemia and needs me there", "urgent_humanitarian"),
    ("i have no money for rent since they fired me", "severe_financial_loss"),  # a loss told, not denied
])
def test_X2_a_reason_named_to_deny_it_is_not_claimed(text, expected):
    assert answers.expedite_criterion(text) == expected
