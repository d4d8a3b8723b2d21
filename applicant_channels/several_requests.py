"""Several requests in one message, taken one after another (contact_center/several_requests.py).

The channel cuts the message where requests are joined, asks the assistant's own model
what each part is (`Agent.parse_message`), and hands Rasa one part at a time, each as
a whole turn (crisis check, forms, rules: everything as for a message of its own). When
a part starts something that needs more answers (a form, an offer, a live handoff), the
parts after it wait in the conversation (slot `pending_request`, in the tracker store,
so any replica can take them up) and are taken up, with a word saying so, as soon as
the conversation is free again.

The words said here are not domain responses (Rasa has no turn of its own for them):
they are sent through the output channel, in the conversation's language.
"""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, List, Optional

from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from contact_center import (appointments, button_positions, conditions, language, pasted_back, rules, several_requests,
                            stops_and_corrections)
from contact_center.messages import (APPOINTMENT_NAMED_KEY, CONVERSATION_LANGUAGE_KEY, CRISIS_INTENT, FORM_WAITING_KEY,
                                     INTERRUPTED_SLOT, OFFER_WAITING_KEY, RESUMABLE_KEY, RESUME_INTENT)

log = logging.getLogger(__name__)
PENDING_SLOT = "pending_request"
RECENT_EVENTS = 60  # the assistant's words pasted back come from the last few turns
SEPARATOR = several_requests.PENDING_SEPARATOR
WAITING_TEXT = {
    "en": "You asked about more than one thing. Let's take them one at a time: when we finish this, "
          "I'll come back to the next one.",
    "es": "Me preguntó por más de una cosa. Vamos una por una: cuando terminemos esto, volveré a la siguiente.",
}
NEXT_TEXT = {
    "en": "Now, the other thing you asked about:",
    "es": "Ahora, lo otro que me preguntó:",
}
# A request asked for only if the answer before it met a condition, and it did not (conditions.py).
CONDITION_NOT_MET_TEXT = {
    "en": "You asked for the other thing only if that was the case, and it isn't, so I've left it. "
          "Tell me if you still want it.",
    "es": "Me pidió lo otro solo si eso se cumplía, y no es así, así que lo dejé. Dígame si todavía lo quiere.",
}
# After a crisis reply, the applicant asked to go back: it is the same request again, not another one.
RESUME_TEXT = {
    "en": "Let's go back to what you were asking about:",
    "es": "Volvamos a lo que me estaba preguntando:",
}


_PERSON_INTENTS = frozenset({"request_live_agent", "request_callback"})
REMARK_WORDS = 15


def _only_a_remark(rest: str) -> bool:
    """What follows a button named by its place is only a remark ("the last one. honestly i just want it
    done"), to be let go with the press: short, no other request joined on, nothing to keep (a receipt, a
    phone, an e-mail), and no danger told, which is never pressed away (G6)."""
    from contact_center import contact, crisis, crisis_classifier, receipts

    return (len(rest.split()) <= REMARK_WORDS and not several_requests.opens_another_request(rest)
            and not receipts.find(rest) and contact.contact_said(rest) is None
            and not crisis.assess(rest, classifier=crisis_classifier.default()).crisis)


def with_text(message: UserMessage, text: str, metadata: Optional[dict] = None) -> UserMessage:
    return UserMessage(text, message.output_channel, message.sender_id, input_channel=message.input_channel,
                       metadata=message.metadata if metadata is None else metadata)


class SeveralRequests:
    """One per channel; `app` is the Rasa server's Sanic app (its agent is `app.ctx.agent`)."""

    def __init__(self) -> None:
        self.app: Any = None

    def _agent(self) -> Any:
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        return agent if agent is not None and agent.is_ready() else None

    async def handle(self, message: UserMessage, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        agent = self._agent()
        text = message.text or ""
        if agent is None:
            await on_new_message(message)
            return
        unquoted = await self._without_own_words(agent, message.sender_id, text)
        if unquoted != text:  # the assistant's own words pasted back are not read as the applicant's
            text = unquoted
            message = with_text(message, text)
        if stops_and_corrections.takes_back_no(text):
            await self._reopen_declined_offer(agent, message.sender_id)
        chosen = await self._button_at_place(agent, message.sender_id, text)
        if chosen:  # "the second one", "la primera": that button, as if pressed
            text = chosen
        message = with_text(message, text, await self._marked(agent, message))
        if text.startswith("/"):  # buttons and payloads are one answer each, never cut
            await on_new_message(message)
            await self._take_up_waiting(agent, message, on_new_message)  # "Yes, file it" ends a form too
            return
        parts = await self._plan(agent, text)
        if parts and several_requests.stops_first(parts) is False and await self._answer_awaited(agent, message.sender_id):
            parts = []  # the answer to the question asked, whole
        if parts:
            # Each part in the whole message's language: "me he mudado" alone read as English (test set 8).
            whole_language = language.detect(text, message.metadata.get(CONVERSATION_LANGUAGE_KEY)).language
            message = with_text(message, text, {**message.metadata, CONVERSATION_LANGUAGE_KEY: whole_language})
        if not parts:
            await on_new_message(message)
        else:
            await on_new_message(with_text(message, parts.pop(0)))
            while parts and not await self._wanted(agent, message, parts[0]):
                parts.pop(0)
            while parts and await self._takes_now(agent, message.sender_id, parts[0]):
                await on_new_message(with_text(message, conditions.asked_plainly(parts.pop(0))))
                while parts and not await self._wanted(agent, message, parts[0]):
                    parts.pop(0)
            if parts:
                await self._keep(agent, message.sender_id, parts)
                await self._say(agent, message, WAITING_TEXT)
                return
        await self._take_up_waiting(agent, message, on_new_message)

    async def _plan(self, agent: Any, text: str) -> List[str]:
        pieces = several_requests.split(text)
        if not pieces:
            return []
        try:
            whole = await agent.parse_message(text)
            parsed = [await agent.parse_message(piece if i == 0 else conditions.asked_plainly(piece))
                      for i, piece in enumerate(pieces)]
        except Exception:  # the message is still answered, whole, as before
            log.exception("could not classify the parts of a message")
            return []
        return several_requests.plan(_part(text, whole), [_part(p, r) for p, r in zip(pieces, parsed)])

    async def _without_own_words(self, agent: Any, sender_id: str, text: str) -> str:
        """`text` without what the assistant said lately quoted in it (contact_center/pasted_back.py)."""
        if not text or text.startswith("/") or len(text) < pasted_back.MIN_QUOTED_CHARS:
            return text
        tracker = await self._tracker(agent, sender_id)
        said = [event.text for event in list(tracker.events)[-RECENT_EVENTS:] if isinstance(event, BotUttered) and event.text]
        return pasted_back.without_own_words(text, said) or text

    async def _tracker(self, agent: Any, sender_id: str) -> Any:
        return await agent.processor.get_tracker(sender_id)

    async def _free(self, agent: Any, sender_id: str) -> bool:
        """No form, offer or handoff is waiting for the applicant's answer, and the latest
        message was not a crisis: after 911 or 988 the assistant stays with the applicant
        (G6); a waiting request is taken up only on a later message."""
        tracker = await self._tracker(agent, sender_id)
        if (tracker.latest_message.intent or {}).get("name") == CRISIS_INTENT:
            return False
        return not tracker.is_paused() and not tracker.active_loop_name and tracker.get_slot("next_step") is None

    async def _wanted(self, agent: Any, message: UserMessage, text: str) -> bool:
        """False for a part asked for on a condition that what was just answered does not meet
        (the applicant is told), or that the offer just made already serves ("checa mi caso LIN...
        y si ya mandaron la tarjeta entonces se perdio": the status offers the card's e-Request).
        The rulebook decides (rules.conditional_part); here are only the facts it needs."""
        kind = conditions.condition_of(text)
        if kind is None:
            return True
        tracker = await self._tracker(agent, message.sender_id)
        offered = tracker.get_slot("request_type") if tracker.get_slot("next_step") == "offer_e_request" else None
        topic = None
        if offered is not None:
            try:
                topic = _part(text, await agent.parse_message(conditions.asked_plainly(text))).intent
            except Exception:  # judged without it, as if it asked for something else
                log.exception("could not classify a part of a message")
        status = tracker.get_slot("case_status_explained") if _since_latest_message(tracker, _status_reply) else None
        verdict = rules.conditional_part(
            kind, status, _since_latest_message(tracker, _decided),
            bool(tracker.active_loop_name), offered, topic)
        log.info("conditional request: %s, %s", kind, verdict.value)
        if verdict is rules.ConditionalPart.NOT_MET:
            await self._say(agent, message, CONDITION_NOT_MET_TEXT)
        return verdict is rules.ConditionalPart.TAKE

    async def _takes_now(self, agent: Any, sender_id: str, text: str) -> bool:
        """The next part is taken at once when the conversation is free, or when it is a
        question while an offer waits for its yes or no: the question is answered and the
        offer made again (data/questions.yml). "whats the status of LIN... and what does case
        was approved mean" had its question kept until the card offer was answered."""
        if await self._free(agent, sender_id):
            return True
        tracker = await self._tracker(agent, sender_id)
        if tracker.is_paused() or not str(tracker.get_slot("next_step") or "").startswith("offer_") \
                or tracker.active_loop_name or (tracker.latest_message.intent or {}).get("name") == CRISIS_INTENT:
            return False
        try:
            parsed = await agent.parse_message(conditions.asked_plainly(text))
        except Exception:  # kept for later, as any other part
            log.exception("could not classify a part of a message")
            return False
        part = _part(text, parsed)
        # "como va mi caso NBC...? y se puede acelerar?": the expedite had waited behind the
        # offer the status made (test set 11).
        return rules.part_beside_offer(
            is_question=part.intent == "faq" and part.request,
            is_request=part.request,
            asks_for_person=part.intent in _PERSON_INTENTS,
            offered_unasked_now=bool(_since_latest_message(tracker, _status_reply)))

    async def _reopen_declined_offer(self, agent: Any, sender_id: str) -> None:
        """An offer (S4 e-Request, G3 callback) declined in reply to the applicant's last message is
        made open again, so that "no, espere, mejor si, mandela" takes it (test set 15: nothing filed)."""
        tracker = await self._tracker(agent, sender_id)
        declined, offer = False, None
        for event in reversed(tracker.events):
            if isinstance(event, UserUttered) and not declined:
                return  # nothing was declined in reply to the last message
            if isinstance(event, ActionExecuted) and event.action_name == "action_decline_offer":
                declined = True
            elif declined and isinstance(event, SlotSet) and event.key == "next_step" and event.value:
                offer = event.value
                break
        if offer and str(offer).startswith("offer_") and tracker.get_slot("next_step") is None:
            tracker.update(SlotSet("next_step", offer))
            await agent.processor.save_tracker(tracker)

    async def _button_at_place(self, agent: Any, sender_id: str, text: str) -> Optional[str]:
        """The payload of the button the message names by its place among those shown since the
        applicant's last message (contact_center/button_positions.py), or None."""
        if not text or text.startswith("/") or len(text) > 300:
            return None
        tracker = await self._tracker(agent, sender_id)
        buttons: List[dict] = []
        for event in reversed(tracker.events):
            if isinstance(event, UserUttered):
                break
            if isinstance(event, BotUttered) and (event.data or {}).get("buttons"):
                buttons = event.data["buttons"]
                break
        place, rest = button_positions.place_and_rest(text, len(buttons))
        if place is None or not isinstance(buttons[place], dict) or (rest and not _only_a_remark(rest)):
            return None
        payload = buttons[place].get("payload")
        return payload if isinstance(payload, str) and payload.startswith("/") else None

    async def _marked(self, agent: Any, message: UserMessage) -> dict:
        """The message's metadata, with what only the conversation knows (never taken from the
        client): its language, so that "si, llamenme" does not turn a Spanish conversation to
        English (G4, nlu_components/language_detector.py); and whether a request cut short by
        a crisis reply waits with no form running: then "can we finish the typo thing" goes
        back to it (G6, nlu_components/control_requests.py), whatever the classifier thought."""
        metadata = {k: v for k, v in (message.metadata or {}).items()
                    if k not in (RESUMABLE_KEY, CONVERSATION_LANGUAGE_KEY, APPOINTMENT_NAMED_KEY, OFFER_WAITING_KEY,
                                 FORM_WAITING_KEY)}
        tracker = await self._tracker(agent, message.sender_id)
        if tracker.get_slot("language"):
            metadata[CONVERSATION_LANGUAGE_KEY] = tracker.get_slot("language")
        if tracker.active_loop_name and tracker.get_slot("requested_slot") and not tracker.is_paused():
            metadata[FORM_WAITING_KEY] = True  # "hello??" asks whether anyone is there
        if str(tracker.get_slot("next_step") or "").startswith("offer_") and not tracker.active_loop_name:
            metadata[OFFER_WAITING_KEY] = True  # "si, es la tarjeta de residente, ..." answers the offer
        if tracker.get_slot(INTERRUPTED_SLOT) and not tracker.active_loop_name and not tracker.is_paused():
            metadata[RESUMABLE_KEY] = True
        if not tracker.active_loop_name and not tracker.is_paused() and tracker.get_slot("next_step") is None \
                and appointments.named_in((tracker.latest_message.text or "")[:2000]):
            # "its about my fingerprint appt", then "i cant make it": one request in two messages.
            metadata[APPOINTMENT_NAMED_KEY] = True
        return metadata

    async def _answer_awaited(self, agent: Any, sender_id: str) -> bool:
        """A form's question or an offer (S4 e-Request, G3 callback) waits for its answer: the
        reply is one message, never cut, unless it opens by stopping ("never mind, i just need
        to change my address": the stop, then the new request). Cut, "y pueden hacer algo? ya pasaron 2 meses" at an
        offer was taken as two new requests, and "oiga y ustedes me pueden decir si califico
        para pedir asilo? o necesito abogado?" at the contact question lost its question; the
        form itself asks about a new request (actions/topic_switch.py)."""
        tracker = await self._tracker(agent, sender_id)
        # In the line for a representative, a message is for the representative, whole ("hola? sigue ahi?
        # ya me tienen harto" was cut, and its last part taken as a new request once the line was left).
        return bool(tracker.active_loop_name) or str(tracker.get_slot("next_step") or "").startswith("offer_") \
            or tracker.is_paused()

    async def _keep(self, agent: Any, sender_id: str, parts: List[str]) -> None:
        async with agent.lock_store.lock(sender_id):
            tracker = await self._tracker(agent, sender_id)
            tracker.update(SlotSet(PENDING_SLOT, SEPARATOR.join(parts) if parts else None))
            await agent.processor.save_tracker(tracker)

    async def _take_up_waiting(
        self, agent: Any, message: UserMessage, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        while await self._free(agent, message.sender_id):
            tracker = await self._tracker(agent, message.sender_id)
            waiting = tracker.get_slot(PENDING_SLOT)
            if not waiting:
                return
            resumed = (tracker.latest_message.intent or {}).get("name") == RESUME_INTENT
            first, *rest = waiting.split(SEPARATOR)
            await self._keep(agent, message.sender_id, rest)
            if not await self._wanted(agent, message, first):
                continue
            await self._say(agent, message, RESUME_TEXT if resumed else NEXT_TEXT)
            await on_new_message(with_text(message, conditions.asked_plainly(first)))

    async def _say(self, agent: Any, message: UserMessage, texts: dict) -> None:
        tracker = await self._tracker(agent, message.sender_id)
        lang = tracker.get_slot("language")
        if message.output_channel is not None:
            await message.output_channel.send_text_message(message.sender_id, texts.get(lang, texts["en"]))


def _since_latest_message(tracker: Any, found: Callable[[Any], Any]) -> Any:
    """What `found` reads in the first event that has it since the applicant's latest message."""
    for event in reversed(tracker.events):
        if event.type_name == "user":
            return None
        value = found(event)
        if value is not None:
            return value
    return None


def _status_reply(event: Any) -> Optional[bool]:
    """A case status was given (the status a condition is about is then the slot's)."""
    if event.type_name == "bot" and (event.metadata or {}).get("utter_action") == "utter_case_status_result":
        return True
    return None


def _decided(event: Any) -> Optional[str]:
    """The outcome of a decision taken since the message (not one left from an earlier request)."""
    if event.type_name == "slot" and event.key == "outcome" and event.value:
        return str(event.value)
    return None


def _part(text: str, parsed: Optional[dict]) -> several_requests.Part:
    intent = (parsed or {}).get("intent") or {}
    selected = (((parsed or {}).get("response_selector") or {}).get("faq") or {}).get("response") or {}
    return several_requests.part_of(text, intent.get("name"), float(intent.get("confidence") or 0.0),
                                    selected.get("intent_response_key"))
