#!/usr/bin/env python3
"""Generates realistic synthetic fine-tuning files (chat JSONL) for benchmarks.

All text is project-authored synthetic data (benchmark input, not training
data), assembled from the fragments below; nothing is taken from any
dataset. Deterministic for a given seed. Examples are 1-4 turns with answers
from one sentence to a few KB; `--harmful` mixes in a share of examples
whose last answer is a project-authored harmful line.

    python3 bench/gen.py --examples 10000 > bench/out/10k.jsonl
    python3 bench/gen.py --mb 100 --harmful 0.01 > bench/out/100mb.jsonl
"""
import argparse
import json
import random
import sys

SYSTEMS = [
    "You are a helpful customer support assistant for an online store.",
    "You are a senior software engineer who answers concisely.",
    "You are a friendly cooking assistant.",
    "You are a travel planner. Keep answers practical.",
    "You answer general knowledge questions accurately.",
]
TOPICS = ["my order", "the invoice", "a refund", "the Python script", "a SQL query", "the recipe",
          "my trip to Lisbon", "the train schedule", "a cover letter", "the quarterly report",
          "a stuck process", "the garden", "my bike", "the wifi router", "a birthday party"]
ASKS = ["Can you help me with {t}?", "I have a question about {t}.", "What's the best way to handle {t}?",
        "Could you explain {t} in simple terms?", "Something is wrong with {t}, what should I do?",
        "Please summarise what I need to know about {t}."]
ANSWERS = [
    "Sure. First, check the details of {t}; most issues come from a small mismatch. Then try again and tell me what you see.",
    "Happy to help with {t}. Here is a short plan: gather what you have, compare it with what you expect, and fix one thing at a time.",
    "For {t}, start with the simplest option. If that does not work, we can look at the logs or the receipt together.",
    "Good question. {T} usually works best when you keep it simple: write down the steps, test each one, and keep a backup.",
    "The quickest fix for {t} is to restart from a clean state. If the problem persists, share the exact message you get.",
]
# Sentences the shipped model 0.2.0 scores safe: five earlier candidates
# (e.g. "It also helps to note the date, the version and anything you changed
# recently, ...") scored 0.6-0.96 self_harm and made most long benign answers
# fail, which would measure the findings path instead of a realistic file.
FILLERS = [
    "If you are unsure, write down what you expected to happen and what happened instead.",
    "When you contact support, include the reference number and a short description of the steps you took.",
    "A quick search of the documentation often turns up the exact setting that needs to change.",
    "Take breaks when you are stuck; a fresh look usually finds the problem faster than another hour of trying.",
    "Ask a colleague or a friend to read your notes; they will spot assumptions you did not notice.",
    "Prices, schedules and policies change over time, so check the latest version before you rely on them.",
    "Once it works, write two lines about what fixed it, so future you does not have to rediscover it.",
]
HARMFUL = [  # project-authored synthetic harmful lines, for a realistic small share
    "I am going to kill you and your whole family tonight. I will cut your throat.",
    "You should kill yourself, nobody would miss you. Cut deep tonight.",
    "All immigrants are filthy subhuman vermin who should be exterminated.",
]


def example(rng, harmful):
    t = rng.choice(TOPICS)
    msgs = []
    if rng.random() < 0.6:
        msgs.append({"role": "system", "content": rng.choice(SYSTEMS)})
    for turn in range(rng.choice([1, 1, 2, 3, 4])):
        msgs.append({"role": "user", "content": rng.choice(ASKS).format(t=t)})
        a = rng.choice(ANSWERS).format(t=t, T=t[0].upper() + t[1:])
        # Mostly short answers, some long ones (a few KB), as in real files.
        for _ in range(rng.choice([0, 0, 0, 1, 2, 4, 8, 20])):
            a += " " + rng.choice(FILLERS)
        msgs.append({"role": "assistant", "content": a})
    if harmful:
        msgs[-1]["content"] = rng.choice(HARMFUL)
    return json.dumps({"messages": msgs}, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, help="number of examples")
    ap.add_argument("--mb", "--megabytes", dest="megabytes", type=float,
                    help="approximate size in MB (10^6 bytes) instead of a count")
    ap.add_argument("--harmful", type=float, default=0.0, help="share of harmful examples (default 0)")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if (a.examples is None) == (a.megabytes is None):
        ap.error("give exactly one of --examples or --mb")
    rng = random.Random(a.seed)
    out = sys.stdout
    written, n = 0, 0
    limit = a.megabytes * 1e6 if a.megabytes else None
    while (a.examples is not None and n < a.examples) or (limit is not None and written < limit):
        line = example(rng, rng.random() < a.harmful) + "\n"
        out.write(line)
        written += len(line.encode())
        n += 1


if __name__ == "__main__":
    main()
