"""Custom Rasa NLU components: language detection, lemmas, and rule-based entities.

Each is a thin adapter from Rasa's graph API to the plain-Python code in
`contact_center`, which does the real work and is tested without Rasa.

Importing this package changes nothing in Rasa: the server's patches are in
`rasa_extensions`, applied by scripts/rasa_server.py before Rasa starts.
"""
