"""Rasa SDK actions: thin adapters from Rasa to the plain-Python `contact_center` package.

No action holds English text: every message is a response key from the domain
(`domain/<skill>.yml`), which has an English and a Spanish variation.
"""
