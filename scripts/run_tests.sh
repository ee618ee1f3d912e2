#!/usr/bin/env bash
# Every test, fastest first; stops at the first failing stage. Called by `make test`.
set -euo pipefail
model=$1
py=.venv/bin/python
export PYTHONWARNINGS=ignore
rasa=.venv/bin/rasa
mkdir -p test-output
step() { echo; echo "=== $* ==="; }

step "unit tests: actions, grounding, article data, spaCy pipeline (pytest)"
$py -m pytest -q -p no:cacheprovider --ignore=tests/e2e --ignore=tests/browser tests

step "training data and domain (rasa data validate --fail-on-warnings)"
$rasa data validate --fail-on-warnings > test-output/validate.log 2>&1 || { tail -40 test-output/validate.log; exit 1; }
echo "rasa data validate: no warnings"

step "conversation tests: tests/test_stories.yml (NLU + dialogue, --e2e)"
rm -rf test-output/core
if ! $rasa test core -m "$model" --stories tests/test_stories.yml --e2e --fail-on-prediction-errors \
     --out test-output/core > test-output/core.log 2>&1; then
  grep -A40 -E "WrongPredictionException|Error" test-output/core.log | head -60; exit 1
fi
grep -E "Correct:" test-output/core.log | sed 's/.*INFO *//' | head -2

step "NLU hold-out set: tests/nlu_holdout.yml (fails under 97%)"
$py scripts/evaluate_holdout.py --model "$model" --min-accuracy 0.97 --json test-output/holdout.json

step "readers' own questions: blind sets, per voice and kind (regression floors; the goal is 95% / 2%)"
$py scripts/evaluate_readers.py --model "$model" --min-accuracy 0.85 --max-wrong 0.11 \
    --json test-output/readers.json > test-output/readers.log || { tail -40 test-output/readers.log; exit 1; }
sed -n '/^| voice/,$p' test-output/readers.log
echo "final hold-out (never read; figures only):"
$py scripts/evaluate_readers.py --model "$model" --figures-only --min-accuracy 0.80 --max-wrong 0.16 \
    --json test-output/readers_final.json tests/readers/questions_final.yml | tail -1

step "reader safety: blind red-team sets (fails under 100% recall or over 3% false alarms)"
$py scripts/evaluate_redteam.py --model "$model" --min-recall 1.0 --max-false-alarms 0.03 \
    --json test-output/redteam.json
echo "final hold-out (never read; figures only, fails on a regression below 83% recall or over 4% false alarms):"
$py scripts/evaluate_redteam.py --model "$model" --figures-only --min-recall 0.83 --max-false-alarms 0.04 \
    --json test-output/redteam_final.json tests/readers/redteam_final.yml

step "end-to-end: action server + Rasa on loopback, REST and socket.io channels (pytest)"
$py -m pytest -q -p no:cacheprovider tests/e2e

step "browser: the web widget in headless Chromium (pytest + Playwright); screenshots in test-output/browser/"
$py -m pytest -q -p no:cacheprovider tests/browser
