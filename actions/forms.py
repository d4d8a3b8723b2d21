"""What every form's validation shares: leaving cleanly, yes/no answers, receipt
numbers (S2), contact details (E1) and the confirmation step with corrections.

A form takes nothing from `stop`, a language switch or a confident new topic
(`common.wants_to_leave`): Rasa then rejects the form's turn and the rules in
data/form_control.yml cancel it or switch language; a new service request is first
asked about (actions/topic_switch.py). An answer
that is not usable is kept as `INVALID` for one step, so that its `validate_`
method can say what is wrong, in the applicant's language, and ask again.
"""
from __future__ import annotations

import re
from abc import abstractmethod
from typing import Any, Callable, Dict, Iterable, List, Optional, Text, Tuple

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import answer_pieces, common, topic_switch
from contact_center import answers, contact, language, question_topics, receipts, rules, stops_and_corrections
from contact_center.messages import CRISIS_INTENT, TOO_LONG_INTENT, is_blank
from contact_center.text import fold

INVALID = "__invalid__"
# The questions a receipt number or contact details answer (see without_details_as_answer).
DETAIL_SLOTS = frozenset({"receipt_number", "contact", "phone_numbers", "callback_email"})
_ASKS_STATUS = re.compile(r"\b(status|estatus|estado|check|revis\w*|consult\w*|look up|busca\w*)\b")
NOT_AT_HAND = "__not_at_hand__"  # "i dont have it, i lost the letters" to the receipt question
MAX_DETAILS_CHARS = 1000
OTHER_REQUEST_SURE = 0.8  # another service read this surely is another request, not an answer taken back


receipt_problem_response = rules.receipt_problem_tell  # S2, decided in the rulebook


def contact_said(text: str, tracker: Tracker) -> Optional[str]:
    """E1/C3: an e-mail or phone numbers said unasked, as the contact answer they make."""
    found = contact.contact_said(text)
    return contact_display(found.email, found.phone_numbers) if found else None


def contact_display(email: Optional[str], phones: Optional[Iterable[str]]) -> str:
    parts = [contact.display_phone(p) for p in (phones or [])]
    if email:
        parts.insert(0, email)
    return ", ".join(parts)


def without_repeated_slots(
    events: List[EventType], before: Dict[Text, Any], requested: Optional[Text]
) -> List[EventType]:
    """`events` less the slots set to the value they already had.

    rasa-sdk returns every slot it validated, and Rasa's slot extraction has
    already set most of them: each repeat is one more event that every later
    turn of the conversation loads and replays. Kept: the requested slot (Rasa
    reads its `SlotSet` as "the answer was checked", even when the check set it
    back to empty), `requested_slot` itself (without it Rasa asks the first empty
    slot of the domain's list, not of this form's `required_slots`: an interview
    was asked how many times it was rescheduled), and, while a slot is requested,
    everything when nothing else would be left, since Rasa then rejects a form
    turn that validated no slot.
    """
    def repeated(event: EventType) -> bool:
        return (
            event.get("event") == "slot"
            and event.get("name") not in (requested, "requested_slot")
            and event.get("name") in before
            and before[event.get("name")] == event.get("value")
        )

    kept = [e for e in events if not repeated(e)]
    if requested and any(e.get("event") == "slot" and e.get("name") != "requested_slot" for e in events) and not any(
        e.get("event") == "slot" and e.get("name") != "requested_slot" for e in kept
    ):
        return events
    return kept


QUESTION_WORDS_AT_MOST = 15  # a longer message with a "?" in it is a description that wonders


_CONTACT_SLOTS = frozenset({"contact", "callback_email", "phone_numbers"})
# "no entiendo, quiero hablar con una persona", "i dont get it, forget it": what they ask for wins.
NOT_UNDERSTOOD_KEEPS = frozenset({"stop", "request_live_agent", "request_callback", "goodbye", "change_language", CRISIS_INTENT})
# What a question means, said when the applicant did not understand it ("what?", "q es eso?").
EXPLAINED = {
    "has_covid": "utter_has_covid_not_understood",
    "appointment_type": "utter_appointment_type_not_understood",
    "appointment_time": "utter_appointment_time_not_understood",
    "times_rescheduled": "utter_times_rescheduled_not_understood",
    "form_type": "utter_form_type_not_understood",
    "expedite_criterion": "utter_expedite_criterion_not_understood",
    "form_classification": "utter_form_classification_not_understood",
    "urgent_reason": "utter_urgent_reason_not_understood",
    "receipt_number": "utter_faq/find_receipt_number",  # "que es eso? cual numero?": where to find it
}


class ApplicantFormValidation(FormValidationAction):
    """Base of the forms' validation actions."""

    #: Intents that belong to this form's own topic (not a change of topic).
    own_topics: Iterable[str] = ()
    #: Confirmation slot and the answers it can send back to be asked again.
    confirm_slot: Optional[str] = None
    #: The form files a request on a receipt number, shown at its confirmation (E1).
    files_on_receipt: bool = False
    correctable: Iterable[str] = ()

    @abstractmethod
    def name(self) -> Text:
        """Each form's validation names itself (abstract, so rasa_sdk does not register the base)."""

    # ------------------------------------------------------------ helpers

    def requested(self, tracker: Tracker, slot: str) -> bool:
        """True when the form asked for `slot` and is waiting for the answer.

        On the turn a form is activated, `requested_slot` may still name the
        previous form's question: nothing has been asked yet. A message that takes
        back an earlier answer does not answer the question asked.
        """
        return tracker.get_slot("requested_slot") == slot and not self.just_activated(tracker) \
            and not self.mind_changed(tracker)

    #: Readers of an earlier answer taken back in a later message, by slot ((text, tracker) ->
    #: the new value or None): "wait no sorry its the interview not the biometrics" at the
    #: appointment's date changes the type, asked about as a new request before (test set 8).
    changed_answer_readers: Dict[str, Callable[[str, Tracker], Any]] = {}
    #: Slots asked because of another slot's value, cleared when that value changes.
    depends_on: Dict[str, Tuple[str, ...]] = {}

    def mind_changed(self, tracker: Tracker) -> Dict[Text, Any]:
        """The earlier answer this message changes, with what depended on it, or nothing.
        Not at the confirmation, which reads its own corrections."""
        if not self.changed_answer_readers or not self.answering(tracker):
            return {}
        name, _ = common.latest_intent(tracker)
        if name in (CRISIS_INTENT, TOO_LONG_INTENT, "change_language", "stop", common.GOODBYE_INTENT):
            return {}  # a crisis, a stop or a language switch is never an answer taken back
        asked = tracker.get_slot("requested_slot")
        text = common.latest_text(tracker)
        if asked == self.confirm_slot or not stops_and_corrections.changes_mind(text):
            return {}
        _, confidence = common.latest_intent(tracker)
        # "wait first the address thing. i moved on 11/20/2026 ...": another request, its date its own (test set 17: the
        # interview was moved to November 20). "wait no sorry its the interview not the biometrics, i got the letters
        # mixed up" read as a notice still changes the type: only the slots another request's words could hold are kept.
        other_request = name in common.SERVICE_INTENTS and name not in self.own_topics and confidence >= OTHER_REQUEST_SURE
        if name == common.QUESTION_INTENT and question_topics.asks_a_question(text):
            # "wait before that, what happens if nobody answers before tomorrow morning?" asks; it
            # takes nothing back (test set 13: the appointment was moved to "tomorrow morning").
            return {}
        for slot, reader in self.changed_answer_readers.items():
            before = common.slot_before_latest_message(tracker, slot)
            if slot == asked or before is None or (other_request and slot in self.kept_from_other_requests):
                continue
            value = reader(text, tracker)
            # A reader may give the slots that go with the value ({"appointment_time", "appointment_at"}).
            values = value if isinstance(value, dict) else {slot: value}
            if value is not None and values.get(slot) != before:
                return {**values, **{dependent: None for dependent in self.depends_on.get(slot, ())}}
        return {}

    #: Slots a message read surely as another request does not change: its dates are that request's.
    kept_from_other_requests: Tuple[str, ...] = ("appointment_time",)

    #: Slots whose answer is free text (anything typed is a valid answer).
    free_text_slots: Iterable[str] = ("problem_details", "expedite_documents", "contact")

    def _latest_turn_event(self, tracker: Tracker) -> Dict[Text, Any]:
        """The latest event that is not a slot, a featurization marker or this form running.

        Rasa calls the validation action with the form's own `action` event already
        in the tracker, so that is skipped too.
        """
        for event in reversed(tracker.events):
            kind = event.get("event")
            if kind in ("slot", "user_featurization") or (kind == "action" and event.get("name") == self.form_name()):
                continue
            return event
        return {}

    def just_activated(self, tracker: Tracker) -> bool:
        event = self._latest_turn_event(tracker)
        return event.get("event") == "active_loop" and event.get("name") == self.form_name()

    #: Readers of an answer in the applicant's words, by the slot asked for: a message
    #: one of them can read is that answer, whatever topic it also sounds like.
    answer_readers: Dict[str, Callable[[Tracker], Any]] = {}

    def leaving(self, tracker: Tracker) -> bool:
        if self.mind_changed(tracker):
            return False  # an earlier answer taken back: the form goes on with the new one
        if self.answers_beside_switch(tracker):
            return False  # the language is switched by the rules; the rest is the answer

        asked = tracker.get_slot("requested_slot")
        leave = common.wants_to_leave(tracker, self.own_topics, free_text=asked in set(self.free_text_slots))
        if not leave and asked == "contact" and contact.contact_said(common.latest_text(tracker)) is None:
            # No e-mail or phone in it: a question, another agency's matter or a new request (asked
            # about first) may leave; stops still need the free-text bar ("'; DROP TABLE ..." is a
            # bad contact answer).
            name, _ = common.latest_intent(tracker)
            text = common.latest_text(tracker)
            # Another agency's matter only when asked about: "my passport and birth certificate
            # say Gonzalez" is evidence for a typo, not a passport question.
            other_agency = name == "out_of_scope" and question_topics.asks_a_question(text)
            # A question put as one: "al mismo numero de siempre" is a contact not given, not the
            # question where the receipt number is (test set 7).
            put_as_question = name == common.QUESTION_INTENT and question_topics.asks_a_question(text)
            leave = (put_as_question or other_agency or topic_switch.is_new_request(tracker, self.own_topics)) \
                and common.wants_to_leave(tracker, self.own_topics)
        if not leave and asked in set(self.free_text_slots) and stops_and_corrections.opens_aside(common.latest_text(tracker)):
            # "espera, mejor primero necesito cambiar mi cita de biometricos" at the problem's
            # description had been filed as the description: a new request, asked about first.
            leave = topic_switch.is_new_request(tracker, self.own_topics)
        return leave and not self.reads_as_answer(tracker)

    def answers_beside_switch(self, tracker: Tracker) -> bool:
        """True when a message that switched the language (the rules in data/form_control.yml have
        already done it this turn) also answers the question asked: "puedo seguir en espanol? nunca
        la he cambiado" (test set 14: the count was asked again). What is said besides the switch must
        answer it alone; the form then reads the whole message, as it reads any answer with words around it."""
        name, _ = common.latest_intent(tracker)
        if name != "change_language" or not common.said_this_turn(tracker, "utter_language_changed_in_form"):
            return False
        rest = language.said_besides_switch(common.latest_text(tracker))
        slot = tracker.get_slot("requested_slot")
        reader = self.answer_readers.get(slot or "")
        if not rest or answers.not_understood(rest) or slot == self.confirm_slot or reader is None \
                or not self.requested(tracker, slot):
            return False
        # The rest alone must answer: "se me hace mas facil" beside the switch answers no criterion (test set 3).
        besides = tracker.copy()
        besides.latest_message = dict(tracker.latest_message, text=rest)
        read = reader(besides)
        return read is not None and read is not False and read != []

    def reads_as_answer(self, tracker: Tracker) -> bool:
        """True when the message answers the question asked, though it sounds like another
        request ("twice already, once for surgery" to "how many times?", "clear USCIS error"
        to "which reason?"): context reads the answer first. Never for a stop, a language
        switch, a crisis or an over-long message."""
        name, _ = common.latest_intent(tracker)
        if name == "stop" and stops_and_corrections.says_stop(common.latest_text(tracker)):
            return False  # "never mind" is a stop, though "never" would answer "how many times?"
        slot = tracker.get_slot("requested_slot")
        if name == "stop" and self._answers_a_question_to_come(tracker, slot):
            return True  # "never moved it" at the date question: the count, ahead (test set 14: cancelled)
        if name == common.GOODBYE_INTENT:
            # "ok thanks bye" at a confirmation opens with its yes: filed, not dropped.
            return slot is not None and slot == self.confirm_slot and answers.short_answer(common.latest_text(tracker)) is True
        if name in (CRISIS_INTENT, TOO_LONG_INTENT, "change_language"):
            return False
        text = common.latest_text(tracker)
        if name == common.QUESTION_INTENT and slot in _CONTACT_SLOTS and self.requested(tracker, slot) \
                and "?" not in text and not question_topics.asks_a_question(text) and contact.contact_said(text) is not None:
            return True  # "same email as my uscis account, t.begay@..." gives the e-mail; it asks nothing (test set 14)
        if name == common.QUESTION_INTENT and (question_topics.asks_a_question(text) or "?" in text
                                               or common.question_topic_named(tracker) or self.answer_readers.get(slot) is None):
            return False  # a question ("and if they don't answer before the 10th?") is answered, then asked again
        if name == common.QUESTION_INTENT:
            # Not put as a question, and the question's own reader reads it: "as early as they can"
            # at the callback's time (test set 7: answered about appeals).
            return self._read_by_answer_reader(tracker, slot)
        if slot is not None and slot == self.confirm_slot and self.requested(tracker, slot) and self.typed_correction(tracker):
            return True  # a field corrected at the confirmation, though it sounds like a new request
        if slot == "receipt_number" and self.requested(tracker, slot) and answers.receipt_not_at_hand(common.latest_text(tracker)) \
                and not stops_and_corrections.opens_aside(common.latest_text(tracker)):
            # "i dont have it, i lost all the letters" is an answer, not a goodbye; "y tambien mi
            # permiso de trabajo nunca me llego" puts the question aside for another matter.
            return True
        if self.requested(tracker, slot) and common.answers_the_question_asked(tracker) \
                and not _ASKS_STATUS.search(fold(common.latest_text(tracker)).lower()):
            # "ok good to know. IOE4444444444" at the receipt question had been taken for a
            # status request (test set 5); "and whats the status of EAC..." still asks about one.
            return True
        return self._read_by_answer_reader(tracker, slot)

    def _answers_a_question_to_come(self, tracker: Tracker, asked: Optional[str]) -> bool:
        text = common.latest_text(tracker)
        return any(reader(text, tracker) is not None for slot, reader in self.fact_readers.items()
                   if slot != asked and tracker.get_slot(slot) is None)

    def _read_by_answer_reader(self, tracker: Tracker, slot: Optional[str]) -> bool:
        reader = self.answer_readers.get(slot or "")
        if reader is None or not self.requested(tracker, slot):
            return False
        read = reader(tracker)
        return read is not None and read is not False and read != []  # 0 ("never") is an answer

    #: Readers of facts said unasked, by slot (text, tracker -> value or None): "my interview
    #: on Dec 10 at 8:30, no covid, email ..." fills what it answers, whether or not it was
    #: asked yet. They read the request's messages when the form starts, then each answer.
    fact_readers: Dict[str, Callable[[str, Tracker], Any]] = {}

    async def get_extraction_events(self, dispatcher, tracker: Tracker, domain) -> List[EventType]:
        """The form's own extraction, then the facts said unasked for slots still empty.

        rasa-sdk validates only the slots of `required_slots` (computed after extraction),
        so a fact that does not apply to this path (a count for an interview) is dropped.
        """
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        events = self.without_details_as_answer(dispatcher, tracker, events)
        activated = self.just_activated(tracker)
        if not self.fact_readers or not (activated or self.answering(tracker)) or self.leaving(tracker):
            return events
        # An earlier answer taken back may answer the question asked too ("its a quarter past eight not
        # nine. and ive never moved it, no covid"): its facts are read for every empty slot.
        asked = None if activated or self.mind_changed(tracker) else tracker.get_slot("requested_slot")
        texts = common.request_texts(tracker) if activated else [common.latest_text(tracker)]
        taken = {event.get("name") for event in events}
        for slot, reader in self.fact_readers.items():
            if slot in taken or slot == asked or tracker.get_slot(slot) is not None:
                continue
            for text in texts:
                value = reader(text, tracker)
                if value is not None:
                    events.append(SlotSet(slot, value))
                    tracker.slots[slot] = value  # later readers see it, as rasa-sdk's own do
                    break
        return events

    def without_details_as_answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, events: List[EventType]
    ) -> List[EventType]:
        """A receipt number or contact details said at another question ("IOE4444444444" for a
        work permit's category, an e-mail for a typo's details) are kept for their own
        questions (the domain's entity mapping, `fact_readers`) and are no answer to this one:
        it is asked again, with no "I didn't catch that" (hand test: the category question
        looped on a receipt number). At a confirmation they are a correction."""
        asked = tracker.get_slot("requested_slot")
        text = common.latest_text(tracker)
        if not self.answering(tracker) or asked in DETAIL_SLOTS or asked == self.confirm_slot \
                or not contact.only_details(text):
            return events
        if contact.contact_said(text) is not None and not DETAIL_SLOTS & set(self.fact_readers):
            return events  # a form that takes no contact details (an urgent appointment's) keeps none
        dispatcher.utter_message(response="utter_detail_kept")
        # rasa-sdk's extraction also wrote the non-answer into tracker.slots, from which it picks the
        # next question: left there, the question was skipped (test set 14: a receipt number at the
        # date question, then the COVID question with no date).
        tracker.slots[asked] = None
        return [event for event in events if event.get("name") != asked]

    def answering(self, tracker: Tracker) -> bool:
        """True when the form runs on the applicant's reply to its question.

        Not on activation, and not when it resumes after a rule ran (a language
        switch): then it only asks its question again.
        """
        return tracker.active_loop_name == self.form_name() and self._latest_turn_event(tracker).get("event") == "user"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        """Rejects the form's turn when the applicant leaves it (stop, language, new topic).

        Returning nothing is not enough: an entity in the message (a receipt number
        in "what's the status of EAC...") fills a form slot through the domain's
        mappings, and Rasa would go on with the form instead of the new topic.
        """
        switch: List[EventType] = []
        kept = self.receipt_kept(tracker)
        if self.answering(tracker) and topic_switch.open_question(tracker) and topic_switch.answered(tracker):
            agreed = topic_switch.answer(tracker)
            if agreed:
                return [ActionExecutionRejected(self.form_name())]  # data/form_control.yml switches
            if agreed is None:
                dispatcher.utter_message(response="utter_yes_or_no")
                return topic_switch.ask_again(tracker)
            dispatcher.utter_message(response="utter_switch_later")
            switch = topic_switch.finish_first(tracker)
            tracker.slots[topic_switch.PROPOSED_SLOT] = None
        elif self.answering(tracker) and self.courtesy_only(tracker):
            # "one sec let me find it", "ok gracias": no answer, and no "I didn't get that" either;
            # the question is asked again.
            said = answers.courtesy(common.latest_text(tracker))
            dispatcher.utter_message(response="utter_take_your_time" if said == "wait" else "utter_you_are_welcome")
            # The asked slot set to nothing, and asked again: Rasa neither rejects the form nor
            # moves to another question (test set 7: the expedite's documents became its category).
            asked = tracker.get_slot("requested_slot")
            return [SlotSet(asked, None), SlotSet("requested_slot", asked)] + kept
        elif self.answering(tracker) and tracker.get_slot("requested_slot") \
                and common.latest_intent(tracker)[0] not in NOT_UNDERSTOOD_KEEPS \
                and answers.not_understood(common.latest_text(tracker)):
            # "what?", "no entiendo, q es eso de sintomas?": the question explained where the form
            # can, and asked again; nothing read from it (test set 10: taken as a yes to covid).
            asked = tracker.get_slot("requested_slot")
            dispatcher.utter_message(response=EXPLAINED.get(asked, "utter_ask_again_plainly"))
            return [SlotSet(asked, None), SlotSet("requested_slot", asked)] + kept
        elif self.answering(tracker) and self.mind_changed(tracker):
            changed = self.mind_changed(tracker)
            dispatcher.utter_message(response="utter_answer_changed")
            tracker.slots.update(changed)  # the form's next question is chosen with the new value
            events = await super().run(dispatcher, tracker, domain)
            # Last, so that an entity mapping of the message ("not the biometrics") is not what stays.
            return events + [SlotSet(slot, value) for slot, value in changed.items()] + kept
        elif self.answering(tracker) and self.leaving(tracker):
            if topic_switch.is_new_request(tracker, self.own_topics):
                return topic_switch.propose(tracker) + kept  # asked first: nothing is left half-filed
            return [ActionExecutionRejected(self.form_name())]
        elif self.answering(tracker) and self.question_instead_of_answer(tracker):
            # "can i just upload the documents here?" at the documents question had been filed as
            # the documents (test set 8): said that it has no answer, and the question asked again.
            dispatcher.utter_message(response="utter_question_not_known")
            asked = tracker.get_slot("requested_slot")
            return [SlotSet(asked, None), SlotSet("requested_slot", asked)] + kept
        self.say_receipt_from_before(dispatcher, tracker)
        before = dict(tracker.slots)
        events = await super().run(dispatcher, tracker, domain)
        return switch + without_repeated_slots(events, before, before.get("requested_slot")) + kept

    def question_instead_of_answer(self, tracker: Tracker) -> bool:
        """True when a free-text question gets a question back, put as one, that the knowledge
        base does not know and that carries no detail (no contact, no receipt number)."""
        asked = tracker.get_slot("requested_slot")
        text = common.latest_text(tracker)
        name, _ = common.latest_intent(tracker)
        if asked not in set(self.free_text_slots) or name in (CRISIS_INTENT, TOO_LONG_INTENT, common.QUESTION_INTENT):
            return False
        return "?" in text and question_topics.asks_a_question(text) and len(text.split()) <= QUESTION_WORDS_AT_MOST \
            and contact.contact_said(text) is None and not receipts.find(text)

    #: Slots asked with a yes-or-no question, besides the confirmation: there "si gracias" is a yes.
    yes_no_slots: Iterable[str] = ()

    def courtesy_only(self, tracker: Tracker) -> bool:
        """True when the reply to the question is only courtesy: thanks, or asking for a moment."""
        slot = tracker.get_slot("requested_slot")
        text = common.latest_text(tracker)
        if slot is None or answers.courtesy(text) is None:
            return False
        takes_yes_no = slot == self.confirm_slot or slot in set(self.yes_no_slots)
        return not (takes_yes_no and answers.yes_no(text) is not None)

    def say_receipt_from_before(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """E1: a request that starts with a receipt number said earlier in the conversation (a
        request filed, a status looked up) says so, since it may be another case ("my work
        permit never came and there is a typo on my green card"): the confirmation lets the
        applicant change it. Hand test: the second request was filed on the first's number
        unsaid; then a status and a missing notice asked together (es-t2-sev-06). Not after an
        offer (S4), which was made about that very case."""
        receipt = tracker.get_slot("receipt_number")
        if not receipt or not self.files_on_receipt or not self.just_activated(tracker) \
                or receipts.find(common.latest_text(tracker)):
            return
        if str(common.slot_before_latest_message(tracker, "next_step") or "").startswith("offer_"):
            return
        dispatcher.utter_message(response="utter_receipt_from_before", receipt_number=receipt)

    def receipt_kept(self, tracker: Tracker) -> List[EventType]:
        """The receipt number given before, when this message brought another one where none
        was asked for: "actually whats the status of EAC..." at the contact question is
        another case (a new request, asked about), not a change of this request's number.
        Rasa's entity mapping has already set the new one; the last event wins. Where the
        number is asked, or at the confirmation (a correction), the new one stands."""
        if not self.answering(tracker):
            return []
        asked = tracker.get_slot("requested_slot")
        if asked in ("receipt_number", self.confirm_slot) and not topic_switch.is_new_request(tracker, self.own_topics):
            return []
        before = common.slot_before_latest_message(tracker, "receipt_number")
        if before and before != tracker.get_slot("receipt_number") and receipts.check(before).valid:
            return [SlotSet("receipt_number", before)]
        return []

    def extract_yes_no(self, slot: str, tracker: Tracker) -> Dict[Text, Any]:
        """A yes/no answer to `slot`, from the affirm/deny intents or the words."""
        if not self.requested(tracker, slot) or self.leaving(tracker):
            return {}
        name, _ = common.latest_intent(tracker)
        if name == "affirm":
            return {slot: True}
        if name == "deny":
            return {slot: False}
        value = answers.yes_no(common.latest_text(tracker))
        return {slot: INVALID if value is None else value}

    def validate_yes_no(self, slot: str, value: Any, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
        if isinstance(value, bool):
            return {slot: value}
        dispatcher.utter_message(response="utter_yes_or_no")
        return {slot: None}

    def extract_free_text(self, slot: str, tracker: Tracker) -> Dict[Text, Any]:
        if not self.requested(tracker, slot) or self.leaving(tracker):
            return {}
        text, before = common.latest_text(tracker), answer_pieces.piece_before(tracker, slot)
        if answers.unfinished(before):
            text = before.strip() + " " + text.strip()  # the answer's second piece
        elif answer_pieces.unfinished_piece(tracker, slot):
            return {slot: INVALID + "unfinished"}  # "my birth date says": the rest is coming
        if is_blank(text) or len(text) > MAX_DETAILS_CHARS:
            return {slot: INVALID + ("long" if len(text) > MAX_DETAILS_CHARS else "empty")}
        return {slot: text.strip()}

    def validate_free_text(self, slot: str, value: Any, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
        if isinstance(value, str) and not value.startswith(INVALID):
            return {slot: value}  # stored exactly as typed; shown escaped wherever it is shown
        if value == INVALID + "unfinished":
            return {slot: None}  # asked for by action_ask_<slot>, which says go on (answer_pieces)
        key = "utter_details_too_long" if value == INVALID + "long" else "utter_details_empty"
        dispatcher.utter_message(response=key, max_chars=MAX_DETAILS_CHARS)
        return {slot: None}

    # ------------------------------------------------------------ receipt number (S2)

    def validate_receipt_number(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """Keep a valid receipt number in normalised form; explain an invalid one (S2)."""
        if slot_value == NOT_AT_HAND:
            decision = rules.receipt_not_at_hand(told_before=common.said_lately(tracker, "utter_receipt_not_at_hand"))
            common.log_decision(tracker, decision, {"problem": "not_at_hand"}, "receipt_number")
            common.tell(dispatcher, decision)
            return {"receipt_number": None, "invalid_receipt_number": None}
        typed = slot_value if isinstance(slot_value, str) else None
        result = receipts.check(typed)
        if result.valid:
            return {"receipt_number": result.normalised, "invalid_receipt_number": None}
        decision = rules.receipt_rejected(typed)
        common.log_decision(tracker, decision, {"problem": result.problem.value}, "receipt_number")
        common.tell(dispatcher, decision, invalid_receipt_number=result.normalised or (slot_value or ""))
        return {"receipt_number": None, "invalid_receipt_number": result.normalised}

    async def extract_receipt_number(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """A receipt-number answer with no receipt number in it gets "what is wrong" (S2)."""
        if not self.requested(tracker, "receipt_number") or self.leaving(tracker):
            return {}
        entities = {e.get("entity") for e in tracker.latest_message.get("entities", [])}
        if entities & {"receipt_number", "invalid_receipt_number"}:
            return {}  # the domain's entity mapping fills it
        if answers.receipt_not_at_hand(common.latest_text(tracker)):
            return {"receipt_number": NOT_AT_HAND}
        digits = receipts.digits_answer(common.latest_text(tracker))
        if digits and not contact.contact_said(common.latest_text(tracker)):
            return {"receipt_number": digits}  # validated: "the three letters are missing" (S2)
        name, _ = common.latest_intent(tracker)
        if name in ("inform", "nlu_fallback", "out_of_scope", "deny", "affirm", None) or name in self.own_topics:
            return {"receipt_number": ""}  # validated as empty: "I didn't see a receipt number"
        return {}

    # ------------------------------------------------------------ contact (E1, C3)

    async def extract_contact(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if not self.requested(tracker, "contact") or self.leaving(tracker):
            return {}
        return {"contact": common.latest_text(tracker)[:2000] or INVALID}

    def validate_contact(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        found = contact.parse_contact(slot_value if isinstance(slot_value, str) else "")
        if not found.usable:  # the first half of it was the answer before: "my cell is 602 555" / "0185"
            found = contact.joined_contact(answer_pieces.piece_before(tracker, "contact"), common.latest_text(tracker)) or found
        if not found.usable:
            dispatcher.utter_message(
                response={"bad_email": "utter_contact_bad_email", "bad_phone": "utter_contact_bad_phone"}.get(
                    found.problem, "utter_contact_missing"
                )
            )
            return {"contact": None}
        return {
            "contact": contact_display(found.email, found.phone_numbers),
            "email": found.email,
            "phone_numbers": list(found.phone_numbers) or None,
        }

    # ------------------------------------------------------------ confirmation

    #: Readers of a corrected value typed at the confirmation, by field ("no wait, the
    #: email is r.castillo@example.com"): the value is taken and the summary shown again.
    correction_readers: Dict[str, Callable[[str, Tracker], Any]] = {"contact": contact_said}

    def typed_correction(self, tracker: Tracker) -> Dict[Text, Any]:
        text = common.latest_text(tracker)
        for field in self.correctable:
            reader = self.correction_readers.get(field)
            value = reader(text, tracker) if reader else None
            if value is not None and value != tracker.get_slot(field):
                return {field: value}
        return {}

    #: The free-text field an answer to "What would you like to change?" corrects when it
    #: names no other field: "the address is missing the apartment, its 45 oak st apt 3b" had
    #: been asked "What would you like to change?" again.
    details_slot: Optional[str] = None

    def details_corrected(self, tracker: Tracker) -> Dict[Text, Any]:
        text = common.latest_text(tracker).strip()
        name, _ = common.latest_intent(tracker)
        if (self.details_slot not in self.correctable or not common.asked_just_before(tracker, "utter_ask_what_to_change")
                or name in ("affirm", "deny", "stop") or answers.yes_no(text) is not None or len(text.split()) < 3):
            return {}
        before = tracker.get_slot(self.details_slot) or ""
        # Added to what was said, never replacing it: the office reads both.
        joined = f"{before} ({text})" if before else text
        if len(joined) > MAX_DETAILS_CHARS:
            # The same bound as the details themselves: the e-Request could not hold it.
            return {self.confirm_slot: f"{INVALID}long"}
        return {self.details_slot: joined}

    def extract_confirmation(self, tracker: Tracker) -> Dict[Text, Any]:
        """Yes files; a named field (button) is asked again; a corrected value typed is taken
        and confirmed again."""
        slot = self.confirm_slot
        if slot is None or not self.requested(tracker, slot) or self.leaving(tracker):
            return {}
        entities = {e.get("entity"): e.get("value") for e in tracker.latest_message.get("entities", [])}
        field = entities.get("correct_field")
        if field in self.correctable:
            return {slot: f"{INVALID}correct:{field}"}
        corrected = self.typed_correction(tracker) or self.details_corrected(tracker)
        if corrected:
            return {slot: f"{INVALID}changed", **corrected}
        if "receipt_number" in entities:
            return {slot: f"{INVALID}changed"}  # the new number is validated; confirm again
        if "invalid_receipt_number" in entities:
            # Refused by the receipt number's own check, which says why and asks again: nothing
            # was changed ("Listo, lo cambié" had followed "EAC12345678 es demasiado corto").
            return {slot: f"{INVALID}refused"}
        name, _ = common.latest_intent(tracker)
        text = common.latest_text(tracker)
        if name == "affirm" or (name != "deny" and (answers.yes_no(text) or stops_and_corrections.approves_summary(text))):
            return {slot: True}
        return {slot: f"{INVALID}what"}

    def validate_confirmation(self, value: Any, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
        slot = self.confirm_slot
        if value is True:
            return {slot: True}
        if isinstance(value, str) and value.startswith(f"{INVALID}correct:"):
            field = value.split(":", 1)[1]
            cleared = {slot: None, field: None}
            if field == "contact":
                cleared.update(email=None, phone_numbers=None)
            return cleared
        if value == f"{INVALID}what":
            dispatcher.utter_message(response="utter_ask_what_to_change")
        if value == f"{INVALID}changed":
            dispatcher.utter_message(response="utter_correction_applied")
        if value == f"{INVALID}long":
            dispatcher.utter_message(response="utter_details_too_long", max_chars=MAX_DETAILS_CHARS)
        return {slot: None}

    def missing(self, tracker: Tracker, slots: List[str]) -> List[str]:
        return [s for s in slots if tracker.get_slot(s) is None]
