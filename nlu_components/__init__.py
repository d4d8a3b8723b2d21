"""Custom Rasa NLU components: language detection, lemmas, and rule-based entities.

Each is a thin adapter from Rasa's graph API to the plain-Python code in
`contact_center`, which does the real work and is tested without Rasa.
"""

from nlu_components import paused_conversations, rasa_speedups

# Rasa imports this package when it loads the model: its server gets the speed-ups,
# and a paused (handed-off) conversation answers a crisis and acknowledges while in line.
rasa_speedups.apply()
paused_conversations.install()
