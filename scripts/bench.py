"""Benchmark: the project's configuration against Rasa's default configuration, same data, one run.

For each configuration: training time, hold-out intent accuracy, server start-up time, REST
latency p50/p95 over sequential messages, throughput with concurrent conversations, and the
Rasa server's RSS after the load. Prints a side-by-side table and writes bench-output/bench.json.

    python scripts/bench.py [--messages 300] [--clients 20]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from servers import ENV, VENV_BIN, free_port, get_json, post_json, start_actions, start_rasa, write_config  # noqa: E402

OUT = ROOT / "bench-output"
QUESTIONS = [
    "does swimming help?", "by how much?", "what is neuropathic pain", "was it tested on people?",
    "does cycling help?", "why does exercise help?", "who wrote the study?", "what's the conclusion",
    "which journal published it", "what about running?", "how does it feel?", "tell me a joke",
]
# Rasa's default configuration: empty pipeline and policies make `rasa train` fill in its defaults.
DEFAULT_CONFIG = "recipe: default.v1\nassistant_id: bench-default\nlanguage: en\npipeline:\npolicies:\n"


def train(name: str, config: Path) -> Dict:
    start = time.monotonic()
    subprocess.run([str(VENV_BIN / "rasa"), "train", "--force", "--config", str(config), "--out", str(OUT / "models"),
                    "--fixed-model-name", name], cwd=ROOT, env=ENV, check=True,
                   stdout=open(OUT / f"train-{name}.log", "w"), stderr=subprocess.STDOUT)
    return {"train_s": time.monotonic() - start, "model": OUT / "models" / f"{name}.tar.gz"}


def holdout_accuracy(model: Path) -> float:
    out = OUT / f"holdout-{model.stem}.json"
    subprocess.run([str(VENV_BIN / "python"), "scripts/evaluate_holdout.py", "--model", str(model), "--json", str(out)],
                   cwd=ROOT, env=dict(ENV, PYTHONWARNINGS="ignore"), check=True, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text())["accuracy"]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    pids, total = [pid], 0
    while pids:
        p = pids.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            pids += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except FileNotFoundError:
            pass
    return total / 1024


def percentile(values: List[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def serve_and_load(name: str, model: Path, actions_port: int, messages: int, clients: int) -> Dict:
    tmp = OUT / f"run-{name}"
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "conversations.db").unlink(missing_ok=True)
    port = free_port()
    config = write_config(tmp, actions_port, tmp / "conversations.db")
    start = time.monotonic()
    rasa = start_rasa(port, config, tmp, model=model, name=f"rasa-{name}")
    try:
        rasa.wait_ready(timeout=300)
        status = get_json(f"http://127.0.0.1:{port}/status")
        startup = time.monotonic() - start
        assert status["model_file"].endswith(model.name), status
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"

        def send(sender: str, text: str) -> float:
            t0 = time.perf_counter()
            replies = post_json(url, {"sender": sender, "message": text})
            elapsed = time.perf_counter() - t0
            if not replies:  # the REST channel answers [] when something fails inside
                raise RuntimeError(f"empty reply to {text!r}")
            return elapsed

        for i in range(10):  # warm-up, not measured
            send("warmup", QUESTIONS[i % len(QUESTIONS)])

        # Sequential: conversations of 10 messages each, one message at a time.
        latencies = [send(f"seq-{i // 10}-{uuid.uuid4().hex[:6]}" if i % 10 == 0 else f"seq-{i // 10}",
                          QUESTIONS[i % len(QUESTIONS)]) for i in range(messages)]

        # Concurrent: `clients` conversations at once, each sending its share of the messages.
        per_client = max(1, messages // clients)

        def conversation(c: int) -> None:
            for j in range(per_client):
                send(f"load-{c}", QUESTIONS[(c + j) % len(QUESTIONS)])

        t0 = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(conversation, range(clients)))
        throughput = clients * per_client / (time.perf_counter() - t0)

        return {"startup_s": startup, "p50_ms": 1000 * statistics.median(latencies),
                "p95_ms": 1000 * percentile(latencies, 0.95), "throughput_rps": throughput,
                "rss_mb": rss_mb(rasa.proc.pid)}
    finally:
        rasa.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    default_config = OUT / "config.default.yml"
    default_config.write_text(DEFAULT_CONFIG)

    configs = {"project": ROOT / "config.yml", "rasa-default": default_config}
    results: Dict[str, Dict] = {}
    actions_port = free_port()
    actions = start_actions(actions_port, OUT)
    try:
        actions.wait_ready()
        for name, config in configs.items():
            print(f"[{name}] training ...", flush=True)
            r = train(name, config)
            print(f"[{name}] hold-out accuracy ...", flush=True)
            r["holdout_accuracy"] = holdout_accuracy(r["model"])
            print(f"[{name}] serving {args.messages} sequential messages, then {args.clients} concurrent conversations ...", flush=True)
            r.update(serve_and_load(name, r["model"], actions_port, args.messages, args.clients))
            r["model"] = str(r["model"].relative_to(ROOT))
            results[name] = r
    finally:
        actions.stop()

    rows = [("training time (s)", "train_s", "{:.0f}"), ("hold-out intent accuracy", "holdout_accuracy", "{:.1%}"),
            ("start-up (s)", "startup_s", "{:.1f}"), ("latency p50 (ms)", "p50_ms", "{:.1f}"),
            ("latency p95 (ms)", "p95_ms", "{:.1f}"), (f"throughput, {args.clients} clients (msg/s)", "throughput_rps", "{:.1f}"),
            ("server RSS after load (MB)", "rss_mb", "{:.0f}")]
    p, d = results["project"], results["rasa-default"]
    print(f"\n{'':34}{'project':>12}{'rasa default':>14}{'ratio':>8}")
    for label, key, fmt in rows:
        print(f"{label:34}{fmt.format(p[key]):>12}{fmt.format(d[key]):>14}{p[key] / d[key]:>8.2f}")
    print(f"\n{args.messages} sequential messages (conversations of 10), {args.clients} concurrent conversations; "
          f"REST channel, SQLite tracker store, custom actions on one action server; {os.cpu_count()} cores.")
    (OUT / "bench.json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
