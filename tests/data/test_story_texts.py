"""The applicants' texts in the dialogue test stories are understood by the trained model.

tests/conversations/test_stories_en.yml and tests/conversations/test_stories_es.yml give, for each user step,
what an applicant typed (`user:`, entities annotated inline) beside the intent the
dialogue expects. `rasa test core` runs the dialogue on the intents; this parses
every text with the trained model (models/current.tar.gz) and checks

(a) the predicted intent is the story's intent;
(b) the entities other than `language` are the annotated ones, with the same
    values, and nothing else is extracted (a step without entities must not get
    a receipt number or an appointment type out of its text);
(c) rule G4, the message's language: the `language` entity is the story file's
    language. A neutral text (a receipt number, a form number, a phone number, an
    e-mail, "ok", "no"; or keyboard noise, which the stories expect to fall back)
    and a one-word reply ("cancel": the detector keeps the conversation's language
    on a single word) may carry no language; a change_language request may carry
    none or must carry the language asked for.

Tests are named by file language, story name (which starts with the rule ids) and
the step's position in the story, e.g.
`test_G4_story_texts_are_understood[es-(es) S1 case status, ...-6]`.

Natural texts the current model gets wrong are listed in KNOWN_GAPS as strict
xfails, so the gap stays visible and the entry must go once the model learns them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest
import yaml
from rasa.shared.nlu.training_data import entities_parser

from contact_center import form_types, receipts

from tests import ROOT

STORY_FILES = {
    "en": ROOT / "tests" / "conversations" / "test_stories_en.yml",
    "es": ROOT / "tests" / "conversations" / "test_stories_es.yml",
}
LANGUAGE = "language"
FALLBACK = "nlu_fallback"
CHANGE_LANGUAGE = "change_language"
# Entities only answer buttons send; their steps may stay intent-only.
BUTTON_ENTITIES = {
    "correct_field", "appointment_when", "times_rescheduled", "expedite_criterion", "urgent_reason",
}

# (file language, story name, step number) -> why the model misreads this natural text.
KNOWN_GAPS: Dict[Tuple[str, str, int], str] = {
    ("en", "S4 the matching e-Request offered after the status, and accepted", 16):
        "free-text problem details ('it never came') are read as card_not_received, not inform",
    ("en", "E1 typo correction, an answer corrected before filing", 12):
        "the description of a typo is read as typo_correction, not inform",
    ("es", "(es) S4 the matching e-Request offered after the status, and accepted", 16):
        "free-text problem details ('nunca me llego') are read as notice_not_received, not inform",
    ("es", "(es) E1 typo correction, an answer corrected before filing", 12):
        "the description of a typo is read as typo_correction, not inform",
}


@dataclass
class Step:
    lang: str
    story: str
    number: int  # position of the step in the story's `steps`, from 1
    intent: str
    text: Optional[str]  # plain text, annotations removed; None for an intent-only step
    entities: List[Tuple[str, str]] = field(default_factory=list)  # without `language`
    requested_language: Optional[str] = None  # the annotated `language` entity, if any
    raw_entity_names: List[str] = field(default_factory=list)  # of an intent-only step

    @property
    def id(self) -> str:
        return f"{self.lang}-{self.story}-{self.number}"

    @property
    def key(self) -> Tuple[str, str, int]:
        return (self.lang, self.story, self.number)


def read_steps(lang: str, path: Path) -> List[Step]:
    """The user steps of a test-story file, with their texts' annotations parsed."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = []
    for story in data["stories"]:
        for number, raw in enumerate(story["steps"], 1):
            if "intent" not in raw:
                continue
            step = Step(lang, story["story"], number, raw["intent"], None)
            if "user" in raw:
                annotated = raw["user"].strip()
                step.text = entities_parser.replace_entities(annotated)
                for entity in entities_parser.find_entities_in_training_example(annotated):
                    pair = (entity["entity"], str(entity["value"]))
                    if pair[0] == LANGUAGE:
                        step.requested_language = pair[1]
                    else:
                        step.entities.append(pair)
            else:
                step.raw_entity_names = [name for e in raw.get("entities") or [] for name in e]
            steps.append(step)
    return steps


STEPS = {lang: read_steps(lang, path) for lang, path in STORY_FILES.items()}
TEXT_STEPS = [step for steps in STEPS.values() for step in steps if step.text is not None]

_unknown_gaps = set(KNOWN_GAPS) - {step.key for step in TEXT_STEPS}
assert not _unknown_gaps, f"KNOWN_GAPS lists steps that have no text: {sorted(_unknown_gaps)}"


_EMAIL = re.compile(r"\S+@\S+\.\w+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NEUTRAL_WORDS = {"ok", "okay", "no", "nop", "nope", "its", "it's", "it’s"}


def may_keep_the_language(step: Step) -> bool:
    """A text that need not carry a language: identifiers, numbers, e-mails, "ok",
    keyboard noise, or a single word."""
    if step.intent == FALLBACK:  # keyboard noise, which the story expects to fall back
        return True
    text = step.text or ""
    mentions = sorted(receipts.find(text) + form_types.find(text), key=lambda m: m.start, reverse=True)
    for mention in mentions:
        text = text[: mention.start] + " " + text[mention.end :]
    text = _EMAIL.sub(" ", text)
    words = [w.lower() for w in _WORD.findall(text)]
    meaningful = [w for w in words if len(w) > 1 and w not in _NEUTRAL_WORDS]
    return len(meaningful) <= 1


def _params():
    params = []
    for step in TEXT_STEPS:
        marks = []
        if step.key in KNOWN_GAPS:
            marks.append(pytest.mark.xfail(reason=KNOWN_GAPS[step.key], strict=True))
        params.append(pytest.param(step, id=step.id, marks=marks))
    return params


def _entities(model_parser, text: str) -> List[Tuple[str, str]]:
    """All entities the model extracts from `text` except `language`, as (name, value)."""
    result = model_parser.loop.run_until_complete(model_parser.agent.parse_message(text))
    return sorted(
        (e["entity"], str(e["value"])) for e in result.get("entities", []) if e["entity"] != LANGUAGE
    )


@pytest.mark.model
@pytest.mark.parametrize("step", _params())
def test_G4_story_texts_are_understood(model_parser, step: Step):
    parsed = model_parser.parse(step.text)
    where = f"{step.text!r} ({step.lang} story {step.story!r}, step {step.number})"

    # (a) the intent
    assert parsed.intent == step.intent, (
        f"{where}: intent {parsed.intent} ({parsed.confidence:.2f}), expected {step.intent}"
    )

    # (b) the entities, same values and nothing more
    predicted = _entities(model_parser, step.text)
    assert predicted == sorted(step.entities), f"{where}: entities {predicted}, expected {sorted(step.entities)}"

    # (c) G4: the message's language
    if step.intent == CHANGE_LANGUAGE:
        allowed = {None, step.requested_language or step.lang}
    elif may_keep_the_language(step):
        allowed = {None, step.lang}
    else:
        allowed = {step.lang}
    assert parsed.language in allowed, (
        f"{where}: language {parsed.language}, expected {' or '.join(map(str, sorted(allowed, key=str)))}"
    )


@pytest.mark.parametrize("lang", sorted(STORY_FILES))
def test_every_user_step_has_a_text_unless_its_entity_comes_from_a_button(lang):
    missing = [
        step.id
        for step in STEPS[lang]
        if step.text is None and not set(step.raw_entity_names) & BUTTON_ENTITIES
    ]
    assert not missing, f"user steps without a text: {missing}"


@pytest.mark.parametrize("lang", sorted(STORY_FILES))
def test_rasa_reads_the_texts_and_entities_as_annotated(lang):
    """Rasa's own story reader gets the same texts, intents and entities from the files."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

    domain = Domain.load(str(ROOT / "domain"))
    story_steps = YAMLStoryReader(domain).read_from_file(STORY_FILES[lang])
    read = [
        (event.text, event.intent_name, sorted((e["entity"], str(e["value"])) for e in event.entities))
        for story_step in story_steps
        for event in story_step.events
        if isinstance(event, UserUttered) and event.text is not None
    ]
    expected = [
        (
            step.text,
            step.intent,
            sorted(step.entities + ([(LANGUAGE, step.requested_language)] if step.requested_language else [])),
        )
        for step in STEPS[lang]
        if step.text is not None
    ]
    assert read == expected
