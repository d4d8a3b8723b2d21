"""Custom Rasa NLU components: language detection, lemmas, and rule-based entities.

Each is a thin adapter from Rasa's graph API to the plain-Python code in
`contact_center`, which does the real work and is tested without Rasa.
"""

from nlu_components import crisis_while_paused, rasa_speedups

# Rasa imports this package when it loads the model: its server gets the speed-ups,
# and a crisis message is answered while a representative has the conversation (G6).
rasa_speedups.apply()
crisis_while_paused.install()
