"""contact_center/glyphs.py: emoji and look-alike letters typed inside words (test set 17, in other words)."""
import pytest

from contact_center.glyphs import plain_words


@pytest.mark.parametrize("text, expected", [
    ("i need to move my intervi🙏ew", "i need to move my interview"),  # an emoji put inside: closed up
    ("wh😭n is my oath", "when is my oath"),  # an emoji for a letter of a key word: the letter back
    ("necesito cambiar mi c😩ta", "necesito cambiar mi cita"),
    ("mi саsо", "mi caso"),  # Cyrillic look-alikes inside a Latin word
])
def test_words_read_as_typed_without_the_glyphs_inside(text, expected):
    assert plain_words(text) == expected


@pytest.mark.parametrize("text", ["👍", "✅ yes", "gracias 🙏🙏", "спасибо", "/affirm", ""])
def test_emoji_alone_other_scripts_and_payloads_are_kept(text):
    assert plain_words(text) == text
