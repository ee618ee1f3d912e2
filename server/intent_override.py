"""How a gate (server/input_gate.py, server/safety.py) overrides the classifier's intent.

`apply_route(message, name, gated)`: with a route, that intent at full confidence, first in the
ranking; without one, an intent in `gated` that only the classifier predicted gives way to the
next in its ranking (or to nlu_fallback below FallbackClassifier's threshold). Only the gate
decides its own intents.
"""
from __future__ import annotations

from typing import Any, Collection, Optional

# Same as FallbackClassifier's threshold in config.yml.
FALLBACK_THRESHOLD = 0.3


def apply_route(message: Any, name: Optional[str], gated: Collection[str]) -> None:
    ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") not in gated]
    if name is not None:
        intent = {"name": name, "confidence": 1.0}
        ranking = [intent] + ranking
    elif (message.get("intent") or {}).get("name") in gated:
        confident = ranking and ranking[0].get("confidence", 0) >= FALLBACK_THRESHOLD
        intent = ranking[0] if confident else {"name": "nlu_fallback", "confidence": 1.0}
    else:
        return
    message.set("intent", intent, add_to_output=True)
    message.set("intent_ranking", ranking, add_to_output=True)
