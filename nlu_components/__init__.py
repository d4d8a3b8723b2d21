"""Custom Rasa NLU components: language detection, lemmas, rule-based entities, and the
intents read from the words whatever the classifier thought (crisis, stop and language
requests, questions named in their own terms).

Each is a thin adapter from Rasa's graph API to the plain-Python code in
`contact_center`, which does the real work and is tested without Rasa.

Importing this package changes nothing in Rasa: the server's patches are in
`rasa_extensions`, applied by scripts/rasa_server.py before Rasa starts.
"""


def override_intent(message, name: str, confidence: float = 1.0) -> None:
    """Set `message`'s intent to `name`, first in the ranking; the classifier's own guesses
    stay below it, so the admin inbox still sees what it thought."""
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY

    intent = {"name": name, "confidence": confidence}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent] + ranking, add_to_output=True)

