"""Intent accuracy of a trained model on the hold-out set (tests/nlu_holdout.yml).

A fallback ("asked to rephrase") counts as wrong and is reported separately: `rasa test nlu`
would count it under the original intent (see shared notes), which hides it.

    python scripts/evaluate_holdout.py --model models/article-bot.tar.gz [--min-accuracy 0.95]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = ROOT / "tests" / "nlu_holdout.yml"


def load_examples(path: Path = HOLDOUT) -> List[Tuple[str, str]]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


async def predict(model: str, texts: List[str]) -> List[str]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    out = []
    for text in texts:
        parsed = await agent.parse_message(text)
        out.append(parsed["intent"]["name"])
    return out


def evaluate(model: str, path: Path = HOLDOUT) -> Dict:
    examples = load_examples(path)
    predicted = asyncio.run(predict(model, [t for t, _ in examples]))
    errors = [(t, gold, p) for (t, gold), p in zip(examples, predicted) if p != gold]
    return {
        "examples": len(examples),
        "correct": len(examples) - len(errors),
        "accuracy": (len(examples) - len(errors)) / len(examples),
        "fallbacks": sum(p == "nlu_fallback" for p in predicted),
        "errors": errors,
        "confusions": Counter((gold, p) for _, gold, p in errors).most_common(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--holdout", default=str(HOLDOUT))
    parser.add_argument("--min-accuracy", type=float, default=None)
    parser.add_argument("--json", help="also write the result to this file")
    args = parser.parse_args()
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa logs every parse at DEBUG otherwise

    model = os.path.abspath(args.model)
    if not os.path.isfile(model):  # Agent.load would silently fall back to another model
        print(f"error: no model file {model}")
        return 2
    r = evaluate(model, Path(args.holdout))
    for text, gold, pred in r["errors"]:
        print(f"  MISS  {text!r}: expected {gold}, got {pred}")
    print(f"hold-out intent accuracy: {r['accuracy']:.1%} ({r['correct']}/{r['examples']}), "
          f"asked to rephrase (fallback): {r['fallbacks']}")
    if args.json:
        Path(args.json).write_text(json.dumps({k: v for k, v in r.items() if k != "confusions"}, indent=1))
    if args.min_accuracy is not None and r["accuracy"] < args.min_accuracy:
        print(f"FAIL: accuracy below {args.min_accuracy:.0%}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
