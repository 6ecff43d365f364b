#!/usr/bin/env python3
"""A small problem cut from a generated one: subset.py PROBLEM OUT [--requests N] [--sessions-share K] [--seed S].

Keeps N requests and one session in K (both drawn with the seed; sessions in their order), so that
the half-days left are scarce and the requests compete for them. Consultants, weights and every
field of the kept requests and sessions stay as generated, so the cut uses every feature of the
format that the generated problem does. run.sh cuts job teams this way to hold the allocator's exact
mode to brute.py at 12 requests, the top of its range.
"""
import argparse
import json
import random

parser = argparse.ArgumentParser()
parser.add_argument("problem")
parser.add_argument("out")
parser.add_argument("--requests", type=int, default=12)
parser.add_argument("--sessions-share", type=int, default=3)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()

with open(args.problem) as f:
    problem = json.load(f)
rnd = random.Random(args.seed)
problem["requests"] = rnd.sample(problem["requests"], min(args.requests, len(problem["requests"])))
kept = set(rnd.sample(range(len(problem["sessions"])), max(1, len(problem["sessions"]) // args.sessions_share)))
problem["sessions"] = [s for i, s in enumerate(problem["sessions"]) if i in kept]
with open(args.out, "w") as f:
    json.dump(problem, f, indent=1)
