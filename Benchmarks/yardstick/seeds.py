#!/usr/bin/env python3
"""How often zitdag reaches the yardstick's CP-SAT figure over many allocator seeds.

    Benchmarks/yardstick/seeds.py --limit 1 --seeds 17-32 jobteam12 jobteam13
    Benchmarks/yardstick/seeds.py --limit 0.1 --seeds 1-40 --against /tmp/zitdag-before jobteam13

Solves each problem of `out/yardstick/` (made by `run.sh jobteam SEEDS`) once per `--seed` and
counts the runs at or above CP-SAT's best 60 s figure (limits of 1 s and more) or within 1 % of
it (shorter limits), the issue's goals. With `--against`, a second build runs on the same seeds,
the two alternating (first one, then the other, then the other way round), so that a slow minute
of the machine falls on both; its figures stand in brackets.

CP-SAT's figure for a problem is the best of `cpsat-best.json` (the best minute known, as the
README quotes it), the minutes of `cpsat-runs.json` (`cpsat_runs.py`) and the plan `run.sh` wrote
beside the problem (`NAME.cpsat.json`). `--validate` checks every plan with
../shared/yardstick/validate.py as well (slower).

`--runs` sets each run beside every CP-SAT minute recorded in `cpsat-runs.json` (`cpsat_runs.py`,
CP-SAT with other seeds) as well: how many of those pairs zitdag wins or ties (within 1 % for
shorter limits), and how many runs reach the median of CP-SAT's runs.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RUNS = os.path.join(HERE, 'cpsat-runs.json')


def seed_list(text):
    seeds = []
    for part in text.replace(',', ' ').split():
        first, _, last = part.partition('-')
        seeds += range(int(first), int(last or first) + 1)
    return seeds


def load_runs():
    """The CP-SAT minutes `cpsat_runs.py` recorded: by problem, by seed."""
    if not os.path.exists(RUNS):
        return {}
    with open(RUNS) as f:
        return json.load(f)


def cpsat_runs(name):
    """The objectives of the CP-SAT minutes recorded for a problem, lowest first."""
    return sorted(run['objective'] for run in load_runs().get(name, {}).values())


def cpsat_figure(name):
    figures = cpsat_runs(name)
    with open(os.path.join(HERE, 'cpsat-best.json')) as f:
        best = json.load(f)
    if name in best:
        figures.append(best[name])
    plan = os.path.join(ROOT, 'out', 'yardstick', name + '.cpsat.json')
    if os.path.exists(plan):
        with open(plan) as f:
            figures.append(json.load(f)['objective'])
    if not figures:
        sys.exit(f'seeds.py: no CP-SAT figure for {name}: run Benchmarks/yardstick/run.sh first')
    return max(figures)


def solve(binary, problem, limit, seed, validate):
    """The objective of one run; the plan checked by validate.py when asked, then removed."""
    out = f'/tmp/zitdag-seeds-{os.getpid()}.json'
    try:
        run = subprocess.run(
            [binary, 'solve', problem, '--out', out, '--time-limit', str(limit), '--seed', str(seed)],
            capture_output=True, text=True, env=dict(os.environ, ZITDAG_LANG='en'))
        found = re.search(r'objective (\d+)', run.stderr)
        if run.returncode != 0 or not found:
            sys.exit(f'seeds.py: {binary} on {problem}, seed {seed}: {run.stderr.strip()}')
        objective = found.group(1)
        if validate:
            python = os.path.join(ROOT, '.venv-yardstick', 'bin', 'python')
            check = subprocess.run(
                [python, os.path.join(ROOT, '..', 'shared', 'yardstick', 'validate.py'), problem, out],
                capture_output=True, text=True)
            if check.returncode != 0 or f'valid objective={objective} claimed={objective}' not in check.stdout:
                sys.exit(f'seeds.py: {binary} on {problem}, seed {seed}: {check.stdout.strip()}')
        return int(objective)
    finally:
        if os.path.exists(out):
            os.remove(out)


def share(limit):
    """The share of CP-SAT's figure a run must reach: all of it at 1 s and more, 99 % below (the goals)."""
    return 1.0 if limit >= 1 else 0.99


def against_runs(name, results, limit):
    """Each build's runs (`results`) set beside each recorded CP-SAT run: pairs won or tied, and runs at
    the runs' median."""
    runs = cpsat_runs(name)
    if not runs:
        return f'== {name}: no CP-SAT runs in cpsat-runs.json (cpsat_runs.py)'
    goal = share(limit)
    median = statistics.median(runs)
    parts = []
    for found in results:
        pairs = sum(objective >= goal * run for objective in found for run in runs)
        at_median = sum(objective >= goal * median for objective in found)
        parts.append(f'{pairs} of {len(found) * len(runs)} pairs, {at_median} of {len(found)} at the median')
    return (f'== {name} against {len(runs)} CP-SAT runs ({runs[0]}-{runs[-1]}, median {median:.0f}): {parts[0]}'
            + (f' ({parts[1]})' if len(parts) > 1 else ''))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('problems', nargs='+', help='names in out/yardstick, e.g. jobteam12')
    parser.add_argument('--limit', type=float, default=1.0)
    parser.add_argument('--seeds', default='1-16')
    parser.add_argument('--binary', default=os.path.join(ROOT, '.build', 'release', 'zitdag'))
    parser.add_argument('--against', help='a second build, run alternating with the first')
    parser.add_argument('--validate', action='store_true')
    parser.add_argument('--runs', action='store_true', help="also against each CP-SAT run of cpsat-runs.json")
    args = parser.parse_args()
    builds = [args.binary] + ([args.against] if args.against else [])
    for name in args.problems:
        problem = os.path.join(ROOT, 'out', 'yardstick', name + '.json')
        figure = cpsat_figure(name)
        goal = share(args.limit) * figure
        results = [[] for _ in builds]
        seeds = seed_list(args.seeds)
        for i, seed in enumerate(seeds):
            order = range(len(builds)) if i % 2 == 0 else reversed(range(len(builds)))
            found = {b: solve(builds[b], problem, args.limit, seed, args.validate) for b in order}
            for b in found:
                results[b].append(found[b])
            print(f'{name} seed {seed}: ' + ' '.join(str(found[b]) for b in range(len(builds))), flush=True)
        summary = [
            f'{sum(objective >= goal for objective in found)} of {len(seeds)}, mean {sum(found) / figure / len(seeds):.5f}'
            for found in results]
        reached = 'at or above' if args.limit >= 1 else 'within 1 % of'
        print(f'== {name} at {args.limit:g} s, {reached} CP-SAT {figure}: {summary[0]}'
              + (f' ({summary[1]})' if len(summary) > 1 else ''), flush=True)
        if args.runs:
            print(against_runs(name, results, args.limit), flush=True)


if __name__ == '__main__':
    main()
