"""G6: the crisis check (contact_center/crisis.py) on its sets.

`crisis_data/dev_*` and `dev2_*` were used to write the patterns: every crisis message
is caught by the patterns alone, with the right kind and hotline, and no near miss
raises an alarm. `dev3_*` trains the classifier: the whole check gets all of it right.
`tests/crisis/test_*` was written blind and is only measured (`make bench-crisis`);
its floor below sits 0.02 from the figure in benchmarks/results/crisis.md, so a
change that loses what the check catches today fails here.
"""
from __future__ import annotations

import json

import pytest

from benchmarks.crisis_benchmark import crisis_items, load_set, score_set
from contact_center import crisis, crisis_classifier, rules
from contact_center.rules import Outcome

from tests import ROOT

DEV_SPLITS = ("dev", "dev2")


def _cases(kind_of_item):
    for split in DEV_SPLITS:
        for lang in ("en", "es"):
            data = load_set(split, lang)
            if kind_of_item == "crisis":
                for item in crisis_items(data):
                    yield pytest.param(item, id=f"{split}_{lang}:{item['text'][:40]}")
            else:
                for item in data["near_miss"]:
                    yield pytest.param(item, id=f"{split}_{lang}:{item['text'][:40]}")


@pytest.mark.parametrize("item", list(_cases("crisis")))
def test_G6_every_development_crisis_message_is_caught_with_its_kind_and_hotline(item):
    found = crisis.assess_patterns(item["text"])
    assert found.crisis, item["text"]
    assert item["kind"] in {k.value for k in found.kinds}, (found.matched, item["text"])
    expected = {item["support"]} if item.get("support") else set()
    assert {s.value for s in found.support} == expected, (found.matched, item["text"])


@pytest.mark.parametrize("item", list(_cases("near_miss")))
def test_G6_development_near_misses_raise_no_alarm(item):
    found = crisis.assess_patterns(item["text"])
    assert not found.crisis, (found.matched, item["text"])


@pytest.mark.parametrize("split", ["dev3", "dev4", "dev7", "dev8", "dev9"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_G6_the_whole_check_gets_the_classifier_training_set_right(split, lang):
    data = load_set(split, lang)
    classifier = crisis_classifier.default()
    missed = [i["text"] for i in crisis_items(data) if not crisis.assess(i["text"], classifier=classifier).crisis]
    alarms = [i["text"] for i in data["near_miss"] if crisis.assess(i["text"], classifier=classifier).crisis]
    assert missed == [] and alarms == []


def test_G6_blind_test_set_stays_at_its_benchmark_figure():
    figures = json.loads((ROOT / "benchmarks" / "results" / "crisis.json").read_text(encoding="utf-8"))
    for lang in ("en", "es"):
        measured = score_set(load_set("test", lang))["crisis check"]
        reported = figures["sets"][f"test_{lang}"]["crisis check"]
        assert measured["recall"] >= reported["recall"] - 0.02, lang
        assert measured["false_alarm_rate"] <= reported["false_alarm_rate"] + 0.02, lang


@pytest.mark.parametrize(
    "text",
    ["I want to kill myself", "someone is threatening to kill me right now", "there is a fire in my house",
     "quiero matarme", "me quiero morir", "hay un incendio en mi casa", "KMS", "i wanna die", "helpmyhusbandhasaknife"],
)
def test_G6_the_issue_examples_are_crises(text):
    assert crisis.assess(text).crisis


@pytest.mark.parametrize(
    "text",
    ["this wait is killing me", "I'm dying to know if my case was approved", "me muero por saber",
     "my mother is in the hospital in Mexico and I need an urgent appointment to travel",
     "I have covid and need to reschedule my interview", "my green card was stolen", "i got fired from my job",
     "tested positive, i have chills and my throat is killing me",  # an ache told at the covid question
     "", "   ", "EAC1234567890", "/affirm"],
)
def test_G6_near_misses_from_the_issue_are_not(text):
    assert not crisis.assess(text).crisis


def test_G6_typos_and_letter_runs_are_read():
    assert crisis.assess("i want to killl mysellf").crisis
    assert crisis.assess("thinking about sucide").kind is crisis.Kind.SELF_HARM
    assert crisis.assess("kiero suisidarme").kind is crisis.Kind.SELF_HARM


def test_G6_danger_comes_before_self_harm():
    found = crisis.assess("he has a gun and i want to die")
    assert found.kinds == {crisis.Kind.DANGER, crisis.Kind.SELF_HARM}
    assert found.kind is crisis.Kind.DANGER


def test_G6_a_huge_message_is_read_in_bounded_time():
    import time

    text = "my case is pending " * 20000 + " i want to kill myself"
    start = time.perf_counter()
    crisis.assess(text)
    assert time.perf_counter() - start < 5  # generous: a pathological regex takes minutes


def test_G6_rulebook_crisis_decision_order_and_outcome():
    decision = rules.crisis(["self_harm", "danger"], ["domestic_violence"])
    assert decision.outcome is Outcome.REFER_ELSEWHERE and decision.rule_ids == ("G6",)
    assert decision.tell == ("utter_call_911", "utter_call_988", "utter_hotline_domestic_violence", "utter_crisis_stay")
    assert rules.crisis(["self_harm"]).tell == ("utter_call_988", "utter_crisis_stay")
    assert rules.crisis(["danger"], ["trafficking"]).tell == ("utter_call_911", "utter_hotline_trafficking", "utter_crisis_stay")
    with pytest.raises(ValueError):
        rules.crisis([])
    with pytest.raises(ValueError):
        rules.crisis(["sad"])


# Rule G6, development round 7 (crisis_data/dev7_*): the classes of error that cross-validation
# on the development sets found, fixed in the patterns. Sentences in the development sets' style.


@pytest.mark.parametrize(
    "text",
    [
        "el caso se esta quedando sin avances",  # "quedando" is not "quemando"
        "estoy enterrada en deudas con el abogado",  # "enterrada" is not "encerrada"
        "no logro acordarme de mi numero de recibo",  # "acordarme" is not "ahorcarme"
    ],
)
def test_G6_real_words_are_not_corrected_into_crisis_words(text):
    assert not crisis.assess_patterns(text).crisis


def test_G6_a_dropped_g_and_chat_spelling_are_read():
    assert crisis.normalise("thinkin about endin it tonite") == " thinking about ending it tonight "
    assert crisis.assess_patterns("thinkin about endin it all tonite").kind is crisis.Kind.SELF_HARM


@pytest.mark.parametrize(
    "text",
    [
        # crisis words said of things, risks and places
        "this rfe is choking me", "im trapped in this job because of my visa", "is my son in danger of aging out",
        "ya no quiero vivir en este pais, me regreso", "i dont want to live in this city anymore, how do i change my address",
        "mi celular esta en 2 por ciento y se esta muriendo", "mi esposa me va a matar si se me olvida la cita jaja",
        "the fire alarm went off because of my toast", "nobody is hurt, the fire alarm was a false alarm",
        # violence denied
        "no one is hurting me, i just need to update my address", "nadie me esta golpeando, solo quiero cambiar mi direccion",
        # crisis words of someone's work
        "i am a paramedic and treat overdoses every day", "soy enfermera y atiendo sobredosis",
        # past abuse told as the background of a case
        "he threatened to kill me when we were married, now he is in prison, can i apply for vawa",
        "mi ex me golpeaba cuando viviamos juntos, ahora esta preso",
        "fell off a ladder 2 months ago, im fine now, can i reschedule", "se cayo de la escalera hace 3 meses, ya esta bien",
        # the news or a film, with no call for help
        "saw on the news there was a shooting downtown, is the office open today",
        "vi en las noticias un secuestro en mi ciudad, cierran la oficina hoy?",
        # near misses of the new patterns
        "cant find my son in the case system", "no encuentro a mi hijo en la lista", "my phone fell in the pool",
        "ya no quiero vivir aqui, me regreso a mexico", "this is my last message for today", "este es mi ultimo mensaje por hoy",
        "estoy en el puente internacional en la fila", "me voy al cielo de felicidad si me aprueban", "does uscis know where i live",
        "giving my dog to my sister while i travel", "whats the highest building in the world", "i want to jump on a call with the officer",
        # paperwork, waiting and fees in crisis words; knives of a cook's work (dev8's classes, other words)
        "tengo una sobredosis de formularios esta semana", "got an overdose of forms to fill lol",
        "me estoy muriendo de la espera, ya van 8 meses", "este tramite va a acabar conmigo",
        "the notario is bleeding us dry with his fees", "soy carnicero y trabajo con cuchillos, necesito el permiso",
        "my husband is a cop and has a service weapon, does that affect my green card application",
        # going on with the form, not with life
        "stop, i dont want to go on with the form", "i dont want to continue with this request anymore",
    ],
)
def test_G6_crisis_words_in_figures_of_speech_denials_work_the_past_and_the_news_raise_no_alarm(text):
    assert not crisis.assess_patterns(text).crisis, crisis.assess_patterns(text).matched


@pytest.mark.parametrize(
    "text",
    [
        "help theres a shooting at the mall like on the news, im hiding",  # the news, and a call for help
        "no me deja salir de la casa desde hace semanas",  # "desde hace" is still going on
    ],
)
def test_G6_background_words_do_not_hide_what_is_happening_now(text):
    assert crisis.assess_patterns(text).kind is crisis.Kind.DANGER


@pytest.mark.parametrize("text", [
    "my boyfriend has his service weapon pointed at me",  # a word between the determiner and the weapon
    "he has a loaded gun and says hes coming",
    "trabajo con cuchillos y mi jefe me amenazo con uno ahorita",  # a cook's knives, then a threat now
    "mi esposo tiene su arma de servicio y me esta apuntando",  # a service weapon, and no case question
])
def test_G6_a_weapon_with_a_word_before_it_or_beside_work_words_is_still_danger(text):
    assert crisis.assess_patterns(text).kind is crisis.Kind.DANGER


@pytest.mark.parametrize(
    "text",
    [
        # means and last steps said without "suicide" or "die"
        "im about to jump", "i want my heart to stop", "sitting in the garage with the engine running",
        "how much insulin would it take", "nobody will have to worry about me after tonight", "estoy harta de estar viva",
        "le voy a dar fin a todo", "mi hermano dice que se va a pegar un tiro", "estoy a punto de aventarme",
        "esta noche me voy con mi papa al cielo", "cuanta insulina se necesita",
        # warning signs: a burden, goodbyes, things given away
        "im a burden to my family", "soy una carga para todos", "ya me despedi de mis hijos", "giving away all my things",
        # life itself, beside the form idiom
        "i dont want to go on with my life", "i dont want to go on anymore",
    ],
)
def test_G6_indirect_self_harm_is_read(text):
    assert crisis.Kind.SELF_HARM in crisis.assess_patterns(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        # fire and gas known by smoke, smell or sound
        "smoke coming out of the outlet", "sale humo del enchufe", "smells like rotten eggs in the apartment",
        # water, a child missing right now, being shut in
        "my son fell through the ice", "mi hijo se cayo al rio", "cant find my 4 year old at the store",
        "no encuentro a mi hija de 6 anos", "i got locked in the walk in cooler at work",
        # threats that know the address or name a child, extortion
        "he knows where i live and says hes coming tonight", "dice que va a matar a mi hijo", "si no pago la cuota me matan",
        # medical emergencies happening now
        "my coworker got electrocuted", "hes foaming at the mouth", "my baby swallowed a button battery",
    ],
)
def test_G6_emergencies_named_by_what_is_seen_are_danger(text):
    assert crisis.assess_patterns(text).kind is crisis.Kind.DANGER


@pytest.mark.parametrize("text", ["mi ex quiere matarme", "me amenazo con matarme"])
def test_G6_someone_elses_threat_to_kill_me_is_danger_not_self_harm(text):
    assert crisis.assess_patterns(text).kinds == {crisis.Kind.DANGER}


@pytest.mark.parametrize("text, alarm", [
    ("a lady called saying she is from uscis and i must send 500 in gift cards or i get arrested, is that legit", False),
    ("me mandaron un mensaje que si no pago una multa hoy me deportan, sera estafa?", False),
    ("ahorita no traigo la carta, ando trabajando", False),
    ("its not like anybody is dying, i just want it moved", False),
    ("he has a gun and says he will kill me if i dont pay, is this real", True),
])
def test_G6_a_question_about_a_scam_or_an_answer_from_work_is_no_crisis(text, alarm):
    # The third blind conversation set: a scam call asked about, "ahorita no lo tengo a la mano,
    # estoy en el trabajo" and "its not like anything is on fire" had been told to call 911.
    assert crisis.assess(text, classifier=crisis_classifier.default()).crisis is alarm


# Rule G6, development round 12 (crisis_data/dev12_*): the patterns' classes, in other words.
@pytest.mark.parametrize("text", [
    "the man with the protective order against him is at the door right now",
    "ya esta afuera el de la orden de restriccion, rompio la puerta",
])
def test_G6_the_subject_of_a_protection_order_at_the_door_is_danger_with_the_dv_hotline(text):
    found = crisis.assess_patterns(text)
    assert found.kind is crisis.Kind.DANGER, found.matched
    assert crisis.Support.DOMESTIC_VIOLENCE in found.support


@pytest.mark.parametrize("text", [
    "i got a protection order in 2023, can i send it as evidence for my vawa",
    "tengo orden de alejamiento contra mi ex, sirve para la visa u?",
    "help me please they rejected my i-130 again",
    "ayudame, they keep sending the card to the wrong address",
    "my boss is going to kill me i forgot to ask for the day off for biometrics",
    "my sponsor stabbed me in the back and withdrew the affidavit",
    "le dio un desmayo a mi mama la semana de la cita, ya la dieron de alta y esta bien, como reprogramo",
])
def test_G6_protection_orders_as_evidence_case_complaints_and_idioms_raise_no_alarm(text):
    assert not crisis.assess_patterns(text).crisis, crisis.assess_patterns(text).matched


@pytest.mark.parametrize("text", [
    "im going to take all the painkillers they gave me after the surgery",
    "voy a tomar todas las pastillas para dormir esta noche",
])
def test_G6_taking_all_of_a_named_drug_is_self_harm(text):
    assert crisis.Kind.SELF_HARM in crisis.assess(text, classifier=crisis_classifier.default()).kinds


@pytest.mark.parametrize("text", ["y", "and", "me", "mi", "he", "esta", "y no", "and now", "and no", "so and", "no y"])
def test_G6_words_that_say_nothing_raise_no_alarm(text):
    """"y" (a yes) at a confirmation had got 911: the classifier weighs "and" towards a crisis."""
    assert not crisis.assess(text, classifier=crisis_classifier.default()).crisis


@pytest.mark.parametrize("text", ["stabbed", "he found me", "no me busquen", "ya entro"])
def test_G6_the_shortest_crises_with_a_word_of_their_own_are_still_read(text):
    assert crisis.assess(text, classifier=crisis_classifier.default()).crisis


@pytest.mark.parametrize("text", [
    "mi abuela tuvo un infarto en San Pedro Sula y necesito el permiso de viaje para ir a verla",
    "my dad had a stroke back in cebu and i need advance parole to fly there",
])
def test_G6_U2_a_relatives_emergency_far_away_that_needs_travel_is_no_911(text):
    assert not crisis.assess_patterns(text).crisis, crisis.assess_patterns(text).matched


def test_G6_an_appointment_one_cannot_make_is_no_crisis_and_not_making_it_through_still_is():
    classifier = crisis_classifier.default()
    assert not crisis.assess("i wont be able to make it", classifier=classifier).crisis
    assert crisis.assess("i wont be able to make it through the night", classifier=classifier).crisis


@pytest.mark.parametrize("text", [
    "need to move my fingerprints, its tonight at 7 and my boss wont let me go",
    "my supervisor wont give me the day off",
    "tengo la cita de huellas mañana y mi jefe no me deja ir",
])
def test_G6_time_off_refused_for_an_appointment_is_no_danger(text):
    assert not crisis.assess_patterns(text).crisis


@pytest.mark.parametrize("text", [
    "my boss wont let me leave the house and he has my passport",
    "he locked us in and wont let us go",
    "no me dejan salir de la casa",
    "me tienen trabajando en un rancho, el patron no me deja ir",
    "he took my passport and wont let me go to the appointment",
    "mi esposo no me deja ir a la cita",
    "my employer wont let me go",
])
def test_G6_being_held_is_still_danger(text):
    assert crisis.assess_patterns(text).crisis


@pytest.mark.parametrize("text", [
    "mi papa tuvo un derrame en Guayaquil y tengo que viajar manana, necesito mi permiso de viaje",
    "my grandma had a heart attack in manila so i need to fly there this week",
])
def test_G6_U2_a_relatives_illness_far_away_to_travel_to_is_no_911(text):
    from contact_center import crisis

    assert not crisis.assess_patterns(text).crisis


@pytest.mark.parametrize("text", [
    "a mi hijo se lo llevo ICE esta manana afuera de su trabajo, necesito que me digan donde esta",
    "my husband got picked up by ICE this morning, where did they take him",
    "a mi esposo lo agarro la migra ayer saliendo del trabajo, como se donde lo tienen",
    "mi hermano lleva 3 meses encerrado en detencion migratoria, puede pedir fianza",
    "my brother has been held in detention for two months, can he still get his green card",
])
def test_G6_G7_someone_held_by_immigration_enforcement_is_referred_not_911(text):
    assert not crisis.assess(text, classifier=crisis_classifier.default()).crisis


@pytest.mark.parametrize("text", [
    # a relative dying in a city abroad (test set 14: "se esta muriendo en bogota" got 911)
    "mi abuela se esta muriendo en tegucigalpa y necesito el permiso para viajar ya",
    "my dad is dying in lagos, the doctors gave him days, can i get my travel document faster",
    # stepping away for a moment, and why (test set 14: a burning dinner and a broken-down truck got 911)
    "espereme tantito, se me estan quemando los frijoles",
    "sorry brb the rice is burning",
    "llego tarde porque se me poncho la llanta en la autopista",
    "my car broke down on the freeway so i missed it",
    "ok ya regrese, disculpe",
])
def test_G6_everyday_trouble_and_a_relative_dying_abroad_raise_no_alarm(text):
    assert not crisis.assess(text, classifier=crisis_classifier.default()).crisis


@pytest.mark.parametrize("text", [
    "se esta quemando mi casa y mis hijos estan adentro",
    "my mom is dying right here, she is not breathing",
    "tuvimos un accidente en la carretera y mi esposo esta sangrando mucho",
])
def test_G6_fire_and_dying_here_are_still_danger(text):
    assert crisis.assess(text, classifier=crisis_classifier.default()).crisis


@pytest.mark.parametrize("text", [
    "ICE agents are beating my husband outside right now he is bleeding",
    "unos hombres se llevaron a mi hijo en una camioneta y no se donde esta",
    "mi esposo me tiene encerrada en el cuarto y no me deja salir",
])
def test_G6_danger_is_still_danger_beside_those_words(text):
    assert crisis.assess(text, classifier=crisis_classifier.default()).crisis


@pytest.mark.parametrize("text, alarm", [
    # G6/X1: a relative's accident abroad told as the reason to travel is no call to 911 here (test set 15 in other words)
    ("long story. my brother lives in guatemala, last week a truck ran him over and now hes in a coma, "
     "i have to get there and i need my advance parole expedited", False),
    ("mi mama en honduras tuvo un accidente y esta en coma, tengo que viajar y necesito el permiso de viaje", False),
    # ... but danger here is still danger (threats beside a relative abroad: the classifier's training set, above)
    ("my sister in lima is in a coma and my husband is hitting me right now", True),
])
def test_G6_a_relatives_emergency_abroad_as_the_reason_to_travel(text, alarm):
    assert crisis.assess(text, classifier=crisis_classifier.default()).crisis is alarm


def test_G6_the_applicants_own_danger_beside_a_relative_abroad_is_still_danger():
    text = "mi mama en Mexico esta grave, necesito permiso de viaje. mi esposo me tiene encerrada y no me deja salir"
    assert crisis.assess(text, classifier=crisis_classifier.default()).crisis
