"""Custom Rasa NLU components: language detection, lemmas, and rule-based entities.

Each is a thin adapter from Rasa's graph API to the plain-Python code in
`contact_center`, which does the real work and is tested without Rasa.
"""

from nlu_components import rasa_speedups

# Rasa imports this package when it loads the model: its server gets the speed-ups.
rasa_speedups.apply()
