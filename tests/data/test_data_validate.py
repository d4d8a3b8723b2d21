"""`rasa data validate` is clean.

Tolerated: "intent X is not found in the NLU training data" for the intents a
component sets (`crisis`, by the crisis check), and "utterance X is not used in any story or rule" for
responses that Rasa itself cannot see being used: those sent by custom actions
(found in actions/*.py or named by contact_center code) and a form's
`utter_ask_<slot>` questions; and, for the knowledge base's retrieval intent `faq`, the
two warnings Rasa 3.6 gives about its own handling of a retrieval intent listed in the
domain (its importer merges the intent in again, "duplicated intents ... faq", and adds
the action `utter_faq`, which `action_answer_question` replaces). Any other warning fails.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

from contact_center.domain_files import load_domain
from contact_center.messages import NEVER_LEARNED

from tests import ROOT

# Intents a pipeline component or a channel sets, never the classifier: no training examples.
SET_BY_COMPONENTS = NEVER_LEARNED
RETRIEVAL_INTENTS = {"faq"}


def _used_outside_stories():
    domain = load_domain(ROOT / "domain")
    sources = "\n".join(
        p.read_text(encoding="utf-8")
        for p in list((ROOT / "actions").glob("*.py")) + [ROOT / "contact_center" / "rules.py", ROOT / "contact_center" / "case_status" / "client.py"]
    )
    used = set(re.findall(r"\"(utter_\w+)\"", sources))
    # Families named with a variable part: f"utter_handoff_tier{tier}" and the like.
    prefixes = set(re.findall(r"f\"(utter_\w+)\{", sources)) | {"utter_status_"}
    used |= {name for name in domain["responses"] if any(name.startswith(p) for p in prefixes)}
    for form in (domain.get("forms") or {}).values():
        used |= {f"utter_ask_{slot}" for slot in form.get("required_slots", [])}
    from actions.case_status import receipt_problem_response
    from contact_center import receipts, referrals

    used |= {receipt_problem_response(p) for p in receipts.Problem}
    used |= {name for name in domain["responses"] if name.startswith("utter_refer_")}
    from actions.topic_switch import QUESTION

    used.add(f"utter_ask_{QUESTION}")  # the forms ask it when a new request comes mid-form
    used.add("utter_out_of_scope")
    used.add("utter_default")  # sent by Rasa's own action_default_fallback
    used |= {f"utter_{intent}" for intent in RETRIEVAL_INTENTS}  # Rasa's retrieval action, answered by ours
    return used


def test_rasa_data_validate_is_clean():
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", PYTHONPATH=str(ROOT), SQLALCHEMY_SILENCE_UBER_WARNING="1")
    result = subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "data", "validate", "--domain", "domain"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    allowed = _used_outside_stories()
    problems = []
    for line in output.splitlines():
        if "UserWarning" not in line and "WARNING" not in line:
            continue
        unused = re.search(r"The utterance '(\w+)' is not used in any story or rule", line)
        if unused and unused.group(1) in allowed:
            continue
        duplicated = re.search(r"duplicated intents have been found across multiple domain files: ([\w, ]+)", line)
        if duplicated and set(duplicated.group(1).replace(" ", "").split(",")) <= RETRIEVAL_INTENTS:
            continue
        untrained = re.search(r"The intent '(\w+)' is listed in the domain file, but is not found in the NLU training data", line)
        if untrained and untrained.group(1) in SET_BY_COMPONENTS:
            continue
        if "rasa" not in line.lower() and "utterance" not in line and "intent" not in line:
            continue  # library deprecation noise, not about the data
        problems.append(line.strip())
    assert not problems, "\n".join(problems)
