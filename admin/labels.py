"""Labels go into the training data: the right language, the right topic file, tidy YAML.

* An item becomes one example line under its intent in `data/nlu/<lang>/<topic>.yml`,
  the file that already holds that intent in that language (out of scope goes to
  `out_of_scope.yml`); the file is edited with ruamel.yaml's round trip, so comments,
  order, quoting and the `examples: |` blocks stay as they were: the only change is
  the new line.
* The text written is the pseudonymised one (contact_center/privacy.py); valid receipt numbers in it
  are annotated `receipt_number`, and `--entity TYPE=SPAN[|VALUE]` annotates others.
* Refused, with the reason: an intent or entity the domain does not know; a text that
  is in the held-out development set (tests/nlu/dev_*.yml must stay out of training;
  the test set is read by the NLU benchmark alone, which checks its own separation);
  a text already in the training data under another intent.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from admin import inbox, state
from contact_center import privacy
from contact_center.messages import CRISIS_INTENT
from admin.project import AdminError, Project

OUT_OF_SCOPE = "out_of_scope"
EXTERNAL = "external"  # generated files (scripts/build_external_negatives.py): never edited


def _yaml():
    from ruamel.yaml import YAML

    y = YAML()  # round trip
    y.preserve_quotes = True
    y.width = 100000  # never fold an example line
    y.indent(mapping=2, sequence=2, offset=0)  # the layout of data/nlu/*/*.yml
    return y


def _examples(path: Path, lang: str):
    from nlu_evaluation import load_examples

    return load_examples(path, lang)


def training_index(project: Project) -> Dict[str, Tuple[str, Path]]:
    """text key -> (intent, file) over every NLU training file."""
    index: Dict[str, Tuple[str, Path]] = {}
    for path in sorted(project.nlu_dir.rglob("*.yml")):
        for example in _examples(path, "xx"):
            index.setdefault(inbox.text_key(example.text), (example.intent, path))
    return index


def dev_index(project: Project) -> Dict[str, Tuple[str, Path]]:
    """Dev-set texts by plain key and by masked key (the same message with other numbers)."""
    index: Dict[str, Tuple[str, Path]] = {}
    for lang, path in project.dev_files().items():
        for example in _examples(path, lang):
            index.setdefault(inbox.text_key(example.text), (example.intent, path))
            index.setdefault("masked:" + inbox.group_key(example.text), (example.intent, path))
    return index


heldout_index = dev_index  # the former name


def topic_file(project: Project, intent: str, lang: str) -> Path:
    """The file of `lang` that already holds `intent`; else the same topic as in another language."""
    folder = project.nlu_dir / lang
    if intent == OUT_OF_SCOPE:
        return folder / "out_of_scope.yml"
    for path in sorted(folder.glob("*.yml")):
        if intent in _intents_in(path):
            return path
    for other in project.nlu_dir.iterdir():
        if other.is_dir() and other.name not in (lang, EXTERNAL):
            for path in sorted(other.glob("*.yml")):
                if intent in _intents_in(path):
                    return folder / path.name
    return folder / f"{intent}.yml"


def _intents_in(path: Path) -> List[str]:
    data = _yaml().load(path.read_text(encoding="utf-8")) or {}
    return [block.get("intent") for block in data.get("nlu") or [] if "intent" in block]


def append_example(path: Path, intent: str, line: str) -> None:
    """Add `- line` at the end of `intent`'s examples in `path`, changing nothing else."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import LiteralScalarString

    y = _yaml()
    if path.exists():
        data = y.load(path.read_text(encoding="utf-8"))
    else:
        data = y.load('version: "3.1"\nnlu: []\n')
        data["nlu"] = []
    if data.get("nlu") is None:
        data["nlu"] = []
    for block in data["nlu"]:
        if block.get("intent") == intent:
            examples = str(block.get("examples") or "")
            if examples and not examples.endswith("\n"):
                examples += "\n"
            block["examples"] = LiteralScalarString(examples + f"- {line}\n")
            break
    else:
        block = CommentedMap()
        block["intent"] = intent
        block["examples"] = LiteralScalarString(f"- {line}\n")
        data["nlu"].append(block)
    out = io.StringIO()
    y.dump(data, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")


@dataclass(frozen=True)
class EntityLabel:
    entity: str
    span: str
    value: Optional[str] = None

    @classmethod
    def parse(cls, spec: str) -> "EntityLabel":
        """`TYPE=SPAN` or `TYPE=SPAN|VALUE`, e.g. `form_type=i 485|I-485`."""
        if "=" not in spec:
            raise AdminError(f"--entity {spec!r}: write TYPE=SPAN or TYPE=SPAN|VALUE")
        entity, rest = spec.split("=", 1)
        span, _, value = rest.partition("|")
        if not entity.strip() or not span.strip():
            raise AdminError(f"--entity {spec!r}: write TYPE=SPAN or TYPE=SPAN|VALUE")
        return cls(entity.strip(), span.strip(), value.strip() or None)


def annotate(text: str, receipt_spans: Sequence[Sequence[int]], entities: Sequence[EntityLabel]) -> str:
    """Rasa's inline markup: `[EAC2190012345](receipt_number)`, `[i 485]{"entity": ..., "value": ...}`."""
    spans: List[Tuple[int, int, str, Optional[str]]] = [
        (int(s), int(e), "receipt_number", None) for s, e in receipt_spans
    ]
    lowered = text.lower()
    for label in entities:
        start = text.find(label.span)
        if start < 0:
            start = lowered.find(label.span.lower())
        if start < 0:
            raise AdminError(f"entity {label.entity}: {label.span!r} is not in the text {text!r}")
        end = start + len(label.span)
        if any(start < e and end > s for s, e, _, _ in spans):
            raise AdminError(f"entity {label.entity}: {label.span!r} overlaps another entity")
        spans.append((start, end, label.entity, label.value))
    out, last = [], 0
    for start, end, entity, value in sorted(spans):
        out.append(text[last:start])
        surface = text[start:end]
        if value is not None and value != surface:
            out.append(f"[{surface}]" + json.dumps({"entity": entity, "value": value}, ensure_ascii=False))
        else:
            out.append(f"[{surface}]({entity})")
        last = end
    out.append(text[last:])
    return "".join(out)


def _clean(text: str) -> str:
    """One line; brackets that Rasa would read as entity markup become parentheses."""
    return " ".join(text.replace("[", "(").replace("]", ")").split())


@dataclass
class Outcome:
    item: Optional[inbox.Item]
    ok: bool
    message: str


def label(
    project: Project,
    refs: Sequence[str],
    *,
    intent: Optional[str] = None,
    out_of_scope: bool = False,
    ignore: bool = False,
    lang: Optional[str] = None,
    text: Optional[str] = None,
    entities: Sequence[str] = (),
) -> List[Outcome]:
    """Decide on inbox items; returns one outcome per item (refusals have ok=False)."""
    if sum(bool(x) for x in (intent, out_of_scope, ignore)) != 1:
        raise AdminError("give exactly one of --intent INTENT, --out-of-scope, --ignore")
    if text is not None and len(refs) != 1:
        raise AdminError("--text rewrites one item's text: give one id with it")
    if out_of_scope:
        intent = OUT_OF_SCOPE
    if intent and intent not in project.intents:
        import difflib

        near = difflib.get_close_matches(intent, project.intents, n=3)
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise AdminError(f"refused: intent {intent!r} is not in {project.relative(project.domain_path)}{hint}")
    if intent == CRISIS_INTENT:
        raise AdminError(
            "refused: 'crisis' is set by the crisis check, not learned by the intent classifier; "
            "add the message to crisis_data/ (a crisis message or a near miss) and run make bench-crisis"
        )
    parsed_entities = [EntityLabel.parse(spec) for spec in entities]
    for label_ in parsed_entities:
        if label_.entity not in project.entities:
            raise AdminError(
                f"refused: entity {label_.entity!r} is not in {project.relative(project.domain_path)} "
                f"(known: {', '.join(project.entities)})"
            )

    items = inbox.load_snapshot(project)
    files = state.Files(project)
    decisions = inbox.decisions(project)
    heldout = dev_index(project) if intent else {}
    training = training_index(project) if intent else {}
    outcomes = []
    for ref in refs:
        try:
            item = inbox.find_item(items, ref)
        except AdminError as error:  # the other ids still get their decision
            outcomes.append(Outcome(None, False, f"{ref} refused: {error}"))
            continue
        record = {"id": item.id, "at": state.now(), "shown": item.text}
        if ignore:
            record["decision"] = "ignore"
            decisions[item.key] = record
            outcomes.append(Outcome(item, True, f"{item.id} ignored: {item.text!r}"))
            continue
        language = lang or item.language
        if language not in project.languages() or language == EXTERNAL:
            outcomes.append(Outcome(item, False, f"{item.id} refused: no training data folder for language "
                                                  f"{language!r} (have {', '.join(project.languages())}); use --lang"))
            continue
        plain = _clean(privacy.pseudonymise(text).text if text is not None else item.training_text)
        receipt_spans = _receipt_spans(plain)
        hit = heldout.get(inbox.text_key(plain)) or heldout.get("masked:" + inbox.group_key(plain))
        if hit:
            outcomes.append(Outcome(item, False,
                f"{item.id} refused: {privacy.mask(plain)!r} is in the held-out dev set "
                f"({project.relative(hit[1])}, intent {hit[0]}); the dev set stays out of training. "
                f"Ignore it (--ignore) or label a reworded text (--text)."))
            continue
        known = training.get(inbox.text_key(plain))
        if known and known[0] != intent:
            outcomes.append(Outcome(item, False,
                f"{item.id} refused: {privacy.mask(plain)!r} is already training data for {known[0]} "
                f"in {project.relative(known[1])}; change it there if {known[0]} is wrong"))
            continue
        target = topic_file(project, intent, language)
        try:
            line = annotate(plain, receipt_spans, parsed_entities)
        except AdminError as error:
            outcomes.append(Outcome(item, False, f"{item.id} refused: {error}"))
            continue
        if known:
            message = f"{item.id} already in {project.relative(known[1])} as {intent}: nothing added"
        else:
            append_example(target, intent, line)
            training[inbox.text_key(plain)] = (intent, target)
            state.append_jsonl(files.labels_log, {
                "at": state.now(), "id": item.id, "intent": intent, "language": language,
                "file": project.relative(target), "example": line,
            })
            message = f"{item.id} -> {intent} ({language}) in {project.relative(target)}: {line}"
        record.update({"decision": "out_of_scope" if intent == OUT_OF_SCOPE else "label", "intent": intent,
                       "language": language, "file": project.relative(target), "example": line})
        decisions[item.key] = record
        outcomes.append(Outcome(item, True, message))
    state.write_json(files.decisions, decisions)
    return outcomes


def _receipt_spans(text: str) -> List[List[int]]:
    from contact_center import receipts

    return [[m.start, m.end] for m in receipts.find(text) if m.check.valid]
