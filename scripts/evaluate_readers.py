"""Score the bot on readers' own questions (tests/readers/questions_*.yml): never trained on.

Every case is a conversation run through the whole bot (scripts/conversations.py). Each turn says
what a correct reply does (`expect`) and which facts it must and must not contain; wording is
free, facts are strict. Every turn is one of:
  correct             the reply does what `expect` asks and has the facts
  asked to rephrase   the bot said it was unsure (fallback) where an answer was expected
  confidently wrong   anything else: a wrong or unrelated answer, agreeing with a false claim,
                      a related fact where the article is silent... (costs more than a fallback)

    python scripts/evaluate_readers.py --model models/article-bot.tar.gz \
        [--min-accuracy 0.95] [--max-wrong 0.02] [--figures-only] [--json out.json] [FILE ...]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from actions import answers
from conversations import ROOT, BotSession

DEFAULT_SETS = sorted((ROOT / "tests" / "readers").glob("questions_[abc].yml"))

# Replies that ask the reader to rephrase (fallback, too long, gibberish): domain.yml names.
REPHRASE_RESPONSES = ("utter_ask_one_question",)
REDIRECT_RESPONSES = ("utter_out_of_scope",)
NON_ENGLISH_RESPONSES = ("utter_not_english",)
# "The article doesn't say": how the bot says the article is silent.
NOT_STATED = re.compile(
    r"\b(?:doesn't|does not|didn't|did not|don't|do not|isn't|is not)\b[^.\n]{0,60}?\b(?:say|says|mention|give|gives|report|"
    r"name|names|describe|explain|list|test|tested|tell|specify|include|compare|measure|state|cover|call|go into)\b|"
    r"\breports no\b|\bno (?:results|figures?|numbers?|details?) (?:in|for|on|about)\b|\bnot (?:tested|studied|reported)\b",
    re.IGNORECASE)


def first_sentences(names: Tuple[str, ...]) -> List[str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    out = []
    for name in names:
        for variation in domain.get(name, []):
            out.append(re.split(r"(?<=[.?!])\s", variation["text"].strip())[0])
    return out


class Judge:
    def __init__(self) -> None:
        self.rephrase = first_sentences(REPHRASE_RESPONSES) + [answers.FALLBACK_TEXT.split(".")[0]]
        self.redirect = first_sentences(REDIRECT_RESPONSES) + [answers.OTHER_TOPIC.text.split("{")[0]]
        self.non_english = first_sentences(NON_ENGLISH_RESPONSES)
        self.crisis = first_sentences(("utter_crisis", "utter_emergency"))

    @staticmethod
    def _starts(replies: List[str], sentences: List[str]) -> bool:
        return bool(replies) and any(replies[0].strip().startswith(s) for s in sentences)

    def verdict(self, turn: Dict, replies: List[str]) -> str:
        """'correct', 'rephrase' or 'wrong' for one turn."""
        expect = str(turn.get("expect"))
        text = "\n".join(replies)
        if not replies or self._starts(replies, self.crisis):
            return "wrong"
        if self._starts(replies, self.rephrase):
            return "correct" if expect == "rephrase" else "rephrase"
        if expect == "rephrase":
            return "wrong"
        if expect == "redirect":
            return "correct" if self._starts(replies, self.redirect) else "wrong"
        if expect == "non_english":
            return "correct" if self._starts(replies, self.non_english) else "wrong"
        if self._starts(replies, self.redirect) or self._starts(replies, self.non_english):
            return "wrong"
        first = replies[0].strip().lower()
        if expect in ("yes", "True") and not re.match(r"yes\b", first):
            return "wrong"
        if expect in ("no", "False") and not re.match(r"no\b", first):
            return "wrong"
        if expect == "not_stated" and not NOT_STATED.search(text):
            return "wrong"
        return "correct" if facts_ok(turn, text) else "wrong"


def facts_ok(turn: Dict, text: str) -> bool:
    low = text.lower()
    for group in turn.get("must") or []:
        if not any(str(alt).lower() in low for alt in group):
            return False
    for banned in turn.get("must_not") or []:
        banned = str(banned).lower()
        pattern = r"\b" + re.escape(banned) + r"\b" if re.fullmatch(r"[a-z]+", banned) else re.escape(banned)
        if re.search(pattern, low):
            return False
    return True


async def score(bot: BotSession, paths: List[Path]) -> Dict:
    judge = Judge()
    counts = {"correct": 0, "rephrase": 0, "wrong": 0}
    by_voice: Dict[str, Dict[str, int]] = defaultdict(lambda: {"correct": 0, "rephrase": 0, "wrong": 0})
    by_kind: Dict[str, Dict[str, int]] = defaultdict(lambda: {"correct": 0, "rephrase": 0, "wrong": 0})
    failures: List[str] = []
    for path in paths:
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            sender = f"{path.stem}-{case['id']}"
            for number, turn in enumerate(case["turns"]):
                replies = await bot.send(sender, str(turn["text"]))
                verdict = judge.verdict(turn, replies)
                counts[verdict] += 1
                by_voice[case.get("voice", "?")][verdict] += 1
                by_kind[case.get("kind", "?")][verdict] += 1
                if verdict != "correct":
                    shown = " | ".join(r.replace("\n", " ")[:160] for r in replies[:2])
                    failures.append(f"{verdict.upper():8} {case['id']}#{number + 1} ({turn.get('expect')}) "
                                    f"{str(turn['text'])[:110]!r}\n           -> {shown}")
    total = sum(counts.values())
    return {"turns": total, "accuracy": counts["correct"] / total, "rephrase_rate": counts["rephrase"] / total,
            "wrong_rate": counts["wrong"] / total, "counts": counts, "by_voice": dict(by_voice),
            "by_kind": dict(by_kind), "failures": failures}


def table(title: str, rows: Dict[str, Dict[str, int]]) -> str:
    lines = [f"| {title} | turns | correct | asked to rephrase | confidently wrong |", "|---|---|---|---|---|"]
    for name, c in sorted(rows.items()):
        n = sum(c.values())
        lines.append(f"| {name} | {n} | {c['correct'] / n:.0%} | {c['rephrase'] / n:.0%} | {c['wrong'] / n:.0%} |")
    return "\n".join(lines)


async def run(model: str, paths: List[Path]) -> Dict:
    async with BotSession(model) as bot:
        return await score(bot, paths)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--min-accuracy", type=float)
    parser.add_argument("--max-wrong", type=float)
    parser.add_argument("--figures-only", action="store_true", help="print no questions (hold-out sets)")
    parser.add_argument("--json")
    parser.add_argument("sets", nargs="*", type=Path, default=DEFAULT_SETS)
    args = parser.parse_args()
    r = asyncio.run(run(args.model, args.sets))
    if not args.figures_only:
        print("\n".join(r["failures"]))
    print(table("voice", r["by_voice"]))
    print(table("kind", r["by_kind"]))
    names = ", ".join(p.name for p in args.sets)
    print(f"reader questions ({names}): {r['accuracy']:.1%} correct of {r['turns']} turns; "
          f"asked to rephrase {r['rephrase_rate']:.1%}; confidently wrong {r['wrong_rate']:.1%}")
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=1))
    failed = False
    if args.min_accuracy is not None and r["accuracy"] < args.min_accuracy:
        print(f"FAIL: accuracy below {args.min_accuracy:.0%}")
        failed = True
    if args.max_wrong is not None and r["wrong_rate"] > args.max_wrong:
        print(f"FAIL: confidently wrong above {args.max_wrong:.0%}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
