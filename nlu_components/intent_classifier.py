"""Logistic-regression intent classifier on length-normalised sparse features.

Rasa's LogisticRegressionClassifier feeds raw token counts: a 40-word story has
features many times larger than "status?", which makes long messages
over-confident and short ones timid. Here counts are log-scaled and each
featurizer's block of a row (words, character n-grams) is L2-normalised on its
own, so neither outweighs the other by its vocabulary size; the regularisation
strength `C` is configurable. Rasa weights classes "balanced", which shrinks
the large out_of_scope class (the near misses and the external negatives) to
the weight of a small one; `out_of_scope_weight` gives it back some weight,
which lowers false acceptance of off-topic messages (benchmarks/results/nlu.md). It trains in seconds on 2 cores, where DIET needs minutes; the NLU
benchmark records the comparison.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Dict, List, Text

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.preprocessing import normalize


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class NormalisedLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Rasa's logistic regression, with log-scaled, L2-normalised features and a set `C`."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        config = LogisticRegressionClassifier.get_default_config()
        config.update({"C": 10.0, "max_iter": 1000, "out_of_scope_weight": 1.0})
        return config

    def __init__(
        self,
        config: Dict[Text, Any],
        name: Text,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf.set_params(C=float(self.config["C"]))

    def train(self, training_data: TrainingData) -> Resource:
        """Rasa's training, with the out_of_scope class weighted up from "balanced"."""
        labels = [e.get(INTENT) for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if labels:
            counts = Counter(labels)
            weights = {label: len(labels) / (len(counts) * n) for label, n in counts.items()}
            if "out_of_scope" in weights:
                weights["out_of_scope"] *= float(self.config["out_of_scope_weight"])
            self.clf.set_params(class_weight=weights)
        return super().train(training_data)

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        return vstack([self._row(m) for m in messages]).tocsr()

    @staticmethod
    def _row(message: Message) -> csr_matrix:
        blocks = []
        for features in message.features:
            if features.attribute == TEXT and features.type == FEATURE_TYPE_SENTENCE and features.is_sparse():
                block = csr_matrix(features.features, dtype=np.float64)
                block.data = np.log1p(np.abs(block.data)) * np.sign(block.data)
                blocks.append(normalize(block, norm="l2", copy=False))
        return hstack(blocks) if blocks else csr_matrix((1, 0))
