"""Plain-Python contact-center logic: normalisers, language handling and routing rules.

Nothing in this package imports Rasa, so it can be read and tested against
`contact-center-rules.md` on its own; Rasa components and actions adapt to it.
"""
