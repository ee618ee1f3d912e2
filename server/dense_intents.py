"""Intent scores from multilingual-e5 sentence embeddings (the nearest training example of each
intent), mixed into the classifier's ranking.

    - name: server.dense_intents.DenseIntentVote
      weight: 0.5          # share of the dense scores in the mixed ranking

Placed after LogisticRegressionClassifier and before FallbackClassifier. The count features of the
classifier carry typos and exact words; the embeddings carry meaning ("what sensations do people
get?" is close to "how does it feel?"). Mixed half and half, they gave fewer confidently wrong
answers on both blind reader sets (README "Readers' own questions"). The message's embedding is
shared with the safety net (server/safety.py, `embed`).
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from server.safety import embed, embedding_model


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class DenseIntentVote(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"weight": 0.5, "temperature": 0.02}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource) -> None:
        self.config = {**self.get_default_config(), **config}
        self.model_storage, self.resource = model_storage, resource
        self.vectors: np.ndarray = np.zeros((0, 384))
        self.labels: List[str] = []
        self._index(self.labels)

    def _index(self, labels: List[str]) -> None:
        """The distinct intents, and each example's position among them (for a per-intent max)."""
        self.labels = list(labels)
        names, self.example_intent = np.unique(np.array(self.labels, dtype=str), return_inverse=True)
        self.intents = [str(n) for n in names]

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "DenseIntentVote":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(INTENT)]
        self._index([e.get(INTENT) for e in examples])
        self.vectors = embedding_model().query([e.get(TEXT) for e in examples])
        with self.model_storage.write_to(self.resource) as directory:
            np.savez_compressed(directory / "dense.npz", vectors=self.vectors, labels=np.array(self.labels))
        return self.resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "DenseIntentVote":
        component = cls(config, model_storage, resource)
        with model_storage.read_from(resource) as directory:
            stored = np.load(directory / "dense.npz")
            component.vectors = stored["vectors"]
            component._index(list(stored["labels"]))
        return component

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            ranking = message.get(INTENT_RANKING_KEY) or []
            text = message.get(TEXT) or ""
            if not ranking or text.startswith("/"):
                continue
            # The nearest training example of each intent, as a softmax over intents.
            best = np.full(len(self.intents), -1.0)
            np.maximum.at(best, self.example_intent, self.vectors @ embed(text))
            scores = np.exp((best - best.max()) / self.config["temperature"])
            w = self.config["weight"]
            mixed = dict(zip(self.intents, (w * scores / scores.sum()).tolist()))
            for r in ranking:
                mixed[r["name"]] = mixed.get(r["name"], 0.0) + (1 - w) * r["confidence"]
            new = sorted(({"name": n, "confidence": float(c)} for n, c in mixed.items()), key=lambda r: -r["confidence"])[:10]
            message.set(INTENT, new[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, new, add_to_output=True)
        return messages
