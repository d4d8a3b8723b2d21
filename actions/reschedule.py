"""Rescheduling (rules R1-R5).

R2: biometrics are rescheduled online unless rescheduled twice already, less
than 12 hours away or past (then live help). R1: interviews and oath ceremonies
are filed to the field office, which decides (G5), so the form also takes the
receipt number and contact details. R3/R4: attend if no answer comes, unless
the applicant has COVID-19 or its symptoms.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.e_requests import file_request, reference_events
from actions.forms import INVALID, ApplicantFormValidation, contact_said
from actions.live_help import route_to_live
from contact_center import answers, appointments, rules, stated
from contact_center.dates import parse_appointment_time, parse_corrected_time, same_day_as, time_of_day_named, wished_date
from contact_center.timefmt import format_moment, relative_label

RELATIVE = {"soon": timedelta(hours=1), "past": -timedelta(hours=1)}


def _entity(tracker: Tracker, name: str):
    for entity in tracker.latest_message.get("entities", []):
        if entity.get("entity") == name:
            return entity.get("value")
    return None


def _appointment_moment(tracker: Tracker, text: Optional[str] = None):
    """The appointment's moment in the latest message (a button's `soon`/`past`, or typed), with its label;
    or in `text`, an earlier message of the request."""
    lang = common.current_language(tracker)
    now = common.now()
    when = None if text else _entity(tracker, "appointment_when")
    if when in RELATIVE:
        return relative_label(when, lang), now + RELATIVE[when]
    previous = tracker.get_slot("appointment_at")
    day_first = lang == "es"  # "el 10/12" is 10 December
    if tracker.get_slot("requested_slot") == "reschedule_confirmed" and previous:
        # a correction at the confirmation keeps what it leaves out ("the 16th, same time")
        moment = parse_corrected_time(common.latest_text(tracker), now, datetime.fromisoformat(previous), day_first)
    else:
        said = text or common.latest_text(tracker)
        # "es mañana a las 8, no espere, me equivoque, es pasado mañana jueves a las 8": the day corrected
        corrected = stated.corrected_tail(said)
        earlier = None if text else common.last_value_set(tracker, "appointment_at")
        # "el mismo dia a las 9:15": the day of the appointment named before (another person's)
        moment = (earlier and same_day_as(said, now, datetime.fromisoformat(earlier))) \
            or (corrected and parse_appointment_time(corrected, now, day_first)) \
            or parse_appointment_time(said, now, day_first)
    if moment is None:
        return None, None
    return format_moment(moment, lang), moment


def _moment_told_before(tracker: Tracker):
    """The moment told in an earlier message of the request, or in the exchange before about the same
    appointment ("actually can i just reschedule it instead", after "what do i bring to my biometrics?
    its dec 9 round 10ish": common.request_texts), as (label, moment), or (None, None)."""
    for text in common.request_texts(tracker)[1:]:
        label, moment = _appointment_moment(tracker, text)
        if label and not _hour_left_out_that_matters(text, moment) and not wished_date(text):
            return label, moment
    return None, None


def _moment_slots(tracker: Tracker):
    """The appointment's label and moment in the latest message, as slots, or None."""
    label, moment = _appointment_moment(tracker)
    return {"appointment_time": label, "appointment_at": moment.isoformat()} if label and moment else None


def _hour_left_out_that_matters(text: str, moment) -> bool:
    """A day said up front with no time, tomorrow: R2's 12 hours depend on the hour
    (test set 5: "mañana" was taken as midnight, then "mañana viernes a las 8:30 am" as a count)."""
    if moment is None or time_of_day_named(text):
        return False
    # Tomorrow only: a day gone is past whatever the hour, and "today" counts as any moment now.
    return (moment.date() - common.now().astimezone(moment.tzinfo).date()).days == 1


def _covid_told(text: str):
    """R4 said unasked: covid named, or "not sick" told."""
    said = stated.covid_stated(text)
    return False if said is None and stated.not_sick_told(text) else said


def _covid_answer(text: str):
    """R4's answer in the applicant's words, or a plain yes or no."""
    said = stated.covid_answer(text)
    return answers.yes_no(text) if said is None else said


def _as_count(count):
    return None if count is None else float(count)


class ValidateRescheduleForm(ApplicantFormValidation):
    own_topics = ("reschedule_appointment",)
    answer_readers = {
        "appointment_type": lambda t: any(appointments.appointment_type(w) for w in common.latest_text(t).split()),
        "appointment_time": lambda t: _appointment_moment(t)[0],
        "times_rescheduled": lambda t: answers.times_rescheduled(common.latest_text(t)),
        # "yes I tested positive this morning and I have a fever and my whole body hurts" answers
        # R4's question; read as a new request, it had asked to stop the reschedule (test set 6).
        "has_covid": lambda t: _covid_answer(common.latest_text(t)),
    }
    confirm_slot = "reschedule_confirmed"
    yes_no_slots = ("has_covid",)
    files_on_receipt = True
    correctable = ("appointment_time", "receipt_number", "contact", "has_covid")
    correction_readers = {
        "appointment_time": lambda text, t: _appointment_moment(t)[0],
        "contact": contact_said,
        # R4 changed at the confirmation: "wait, i said no covid but i just tested positive" (test set 14)
        "has_covid": lambda text, t: stated.covid_correction(text),
    }
    changed_answer_readers = {
        "appointment_type": lambda text, t: appointments.changed_to(text, common.slot_before_latest_message(t, "appointment_type")),
        # "wait go back, thats the date on the old notice. the new one says 12/18 at 7am" (test set 8)
        "appointment_time": lambda text, t: _moment_slots(t),
        # "ay perdon, me equivoque, fueron dos veces, no una" at the covid question (test set 9)
        "times_rescheduled": lambda text, t: _as_count(answers.times_rescheduled(text)),
    }
    depends_on = {"appointment_type": ("times_rescheduled",)}
    fact_readers = {
        "times_rescheduled": lambda text, t: _as_count(stated.times_rescheduled_stated(text)),
        "has_covid": lambda text, t: _covid_told(text),
        "contact": contact_said,
    }

    def name(self) -> Text:
        return "validate_reschedule_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        kind = tracker.get_slot("appointment_type")
        slots = ["appointment_type", "appointment_time"]
        if kind == appointments.BIOMETRICS:
            return slots + ["times_rescheduled", "has_covid"]
        if kind in (appointments.INTERVIEW, appointments.OATH):
            return slots + ["has_covid", "receipt_number", "contact", "reschedule_confirmed"]
        if self.just_activated(tracker):
            return slots + ["has_covid"]  # every type asks it: read it from the first message too
        return slots

    # Facts given up front ("my interview on Dec 10 at 8:30, I just tested positive for
    # covid") are taken from the message that started the form, not asked again. On
    # that first turn nothing was asked, so what is not there is simply not taken.

    async def extract_appointment_type(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        up_front = self.just_activated(tracker)
        if not (up_front or self.requested(tracker, "appointment_type")) or self.leaving(tracker):
            return {}
        text = common.latest_text(tracker)
        if _entity(tracker, "appointment_type") and not appointments.ruled_out(text):
            return {}  # the entity mapping fills it
        # "my interview, not biometrics": the entity mapping may take the type ruled out (test set 16)
        kind = appointments.named_in(text)
        if kind:
            return {"appointment_type": kind}
        if up_front and appointments.moved_by_pronoun(text):
            # "can i just reschedule it instead": the one the exchange before named (test set 16)
            kind = next((k for k in map(appointments.named_in, common.request_texts(tracker)[1:]) if k), None)
            if kind:
                return {"appointment_type": kind}
        earlier = common.last_value_set(tracker, "appointment_type")
        if earlier and appointments.refers_to_one_of_another(text):
            return {"appointment_type": earlier}  # "y tambien la de mi hijo": the kind just moved
        return {} if up_front else {"appointment_type": INVALID}

    def validate_appointment_type(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if value in appointments.TYPES:
            return {"appointment_type": value}
        dispatcher.utter_message(response="utter_appointment_type_not_understood")
        return {"appointment_type": None}

    async def extract_appointment_time(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        up_front = self.just_activated(tracker)
        if not (up_front or self.requested(tracker, "appointment_time")) or self.leaving(tracker):
            return {}
        label, moment = _appointment_moment(tracker)
        if up_front and label is None:
            label, _ = _moment_told_before(tracker)
            return {"appointment_time": label} if label else {}
        if up_front:
            if label and _hour_left_out_that_matters(common.latest_text(tracker), moment):
                return {}  # "tengo la cita de huellas mañana": R2 needs the hour, so it is asked
            if wished_date(common.latest_text(tracker)):
                return {}  # "move my oath to january, put me down for jan 8": the date wished, not the oath's
            return {"appointment_time": label} if label else {}
        return {"appointment_time": label or INVALID}

    def validate_appointment_time(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        """The label, and the moment R2 decides on (`appointment_at`).

        `appointment_at` is not a form slot, so it is set here and only here: rasa-sdk
        drops a non-form slot that an extraction returned as soon as it validates the
        slots of that turn (whatever the validation set it to), which is how an
        appointment "today 4 pm" once lost its moment and R2 never applied.
        """
        if value and value != INVALID:
            label, moment = _appointment_moment(tracker)
            if label == value and moment is not None:
                return {"appointment_time": value, "appointment_at": moment.isoformat()}
            label, moment = _moment_told_before(tracker) if self.just_activated(tracker) else (None, None)
            if label == value and moment is not None:
                return {"appointment_time": value, "appointment_at": moment.isoformat()}
            return {"appointment_time": value, "appointment_at": tracker.get_slot("appointment_at")}
        dispatcher.utter_message(response="utter_appointment_time_not_understood")
        return {"appointment_time": None, "appointment_at": None}

    async def extract_times_rescheduled(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if not self.requested(tracker, "times_rescheduled") or self.leaving(tracker):
            return {}
        given = _entity(tracker, "times_rescheduled")
        count = int(float(given)) if given is not None else answers.times_rescheduled(common.latest_text(tracker))
        return {"times_rescheduled": INVALID if count is None else float(count)}

    def validate_times_rescheduled(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if isinstance(value, (int, float)):
            return {"times_rescheduled": float(value)}
        dispatcher.utter_message(response="utter_times_rescheduled_not_understood")
        return {"times_rescheduled": None}

    async def extract_has_covid(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if self.just_activated(tracker):
            said = stated.covid_stated(common.latest_text(tracker))  # R4, said unasked
            return {} if said is None else {"has_covid": said}
        if self.requested(tracker, "has_covid") and not self.leaving(tracker):
            said = stated.covid_answer(common.latest_text(tracker))
            if said is not None:  # "ok. no tengo covid": the words about covid, not the "ok"
                return {"has_covid": said}
        return self.extract_yes_no("has_covid", tracker)

    def validate_has_covid(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return self.validate_yes_no("has_covid", value, dispatcher)

    async def extract_reschedule_confirmed(self, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        return self.extract_confirmation(tracker)

    def validate_reschedule_confirmed(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        result = self.validate_confirmation(value, dispatcher)
        if result.get("appointment_time", "") is None:
            result["appointment_at"] = None
        return result


class ActionSubmitReschedule(Action):
    """R1-R5: decide, then file (interview, oath), point online, or hand to live help."""

    def name(self) -> Text:
        return "action_submit_reschedule"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
        now = common.now()
        kind = tracker.get_slot("appointment_type")
        at_text = tracker.get_slot("appointment_at")
        at = datetime.fromisoformat(at_text) if at_text else None
        times = int(tracker.get_slot("times_rescheduled") or 0)
        covid = bool(tracker.get_slot("has_covid"))
        decision = rules.reschedule(kind, at, now, times_rescheduled=times, has_covid=covid)
        facts = {"appointment_type": kind, "appointment_at": at, "times_rescheduled": times, "has_covid": covid,
                 "receipt_number": tracker.get_slot("receipt_number")}
        events = common.record(tracker, decision, facts, "reschedule")
        if decision.outcome is rules.Outcome.E_REQUEST:
            request = file_request(
                tracker, rules.RequestType.RESCHEDULE, f"{kind}; {tracker.get_slot('appointment_time')}", decision
            )
            common.tell(dispatcher, decision, reference=request.reference)
            events += reference_events(dispatcher, "e_request", request.reference)
            return events + common.reset_form_slots()
        common.tell(dispatcher, decision)
        events += common.reset_form_slots()
        if decision.outcome is rules.Outcome.LIVE_TIER1:
            events += route_to_live(dispatcher, tracker, decision, "reschedule_appointment")
        return events
