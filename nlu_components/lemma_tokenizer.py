"""Whitespace tokenizer that adds language-aware lemmas from spaCy's lookup tables.

Spanish inflects heavily ("llegó", "llegaron", "llega" are one verb) and
applicants drop accents; the count-vector featurizers read `lemma`, so giving
them "llegar" for all of these lets a few examples cover many spellings. The
lemma table is chosen per message by the detected language. Receipt numbers
become one placeholder lemma: their digits say nothing about the intent.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from contact_center import receipts
from contact_center.text import fold, squeeze
from nlu_components.language_detector import DETECTED_LANGUAGE

RECEIPT_LEMMA = "receiptnumber"



def _load_tables(languages: List[str]) -> Dict[str, Any]:
    from spacy.lookups import load_lookups

    tables = {}
    for lang in languages:
        lookups = load_lookups(lang, ["lemma_lookup"], strict=False)
        if lookups.has_table("lemma_lookup"):
            tables[lang] = lookups.get_table("lemma_lookup")
    return tables


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class BilingualLemmaTokenizer(WhitespaceTokenizer):
    """Tokens as Rasa's WhitespaceTokenizer makes them, lemmas by language."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        config = WhitespaceTokenizer.get_default_config()
        config["languages"] = ["en", "es"]
        config["default_language"] = "en"
        # Per language, "dictionary" (spaCy lookup lemmas) or "folded" (the word
        # itself, lower case, no accents). Measured: spaCy's Spanish lookup table maps
        # nouns to verbs ("estado" -> "estar", "caso" -> "casar", "aviso" -> "avisar"),
        # which cost Spanish macro-F1, so Spanish uses folded words.
        config["lemmas"] = {"en": "dictionary", "es": "folded"}
        return config

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        modes = self._config["lemmas"]
        if isinstance(modes, str):
            modes = {lang: modes for lang in self._config["languages"]}
        self._tables = _load_tables([lang for lang, mode in modes.items() if mode == "dictionary"])
        self._default = self._config["default_language"]

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "BilingualLemmaTokenizer":
        return cls(config)

    def _lemma(self, word: str, lang: str) -> str:
        lower = squeeze(word.lower())  # "REPRESENTATIVEEEEE" is the word it stretches
        table = self._tables.get(lang)
        lemma: Optional[str] = None
        if table is not None:
            lemma = table.get(lower) or table.get(fold(lower))
        return fold(lemma or lower)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        tokens = super().tokenize(message, attribute)
        if attribute != TEXT:
            return tokens
        text = message.get(TEXT) or ""
        lang = message.get(DETECTED_LANGUAGE) or self._default
        spans = [(m.start, m.end) for m in receipts.find(text)]
        for token in tokens:
            if any(start <= token.start < end for start, end in spans):
                token.lemma = RECEIPT_LEMMA
            else:
                token.lemma = self._lemma(token.text, lang)
        return tokens
