#!/usr/bin/env python3
"""The yardstick's CP-SAT minute run again with other seeds: how far one run's figure lies from another's.

    .venv-yardstick/bin/python Benchmarks/yardstick/cpsat_runs.py --seeds 1-4 jobteam12 jobteam13

Runs ../shared/yardstick/cpsat.py (60 s, 2 workers unless told) once per `--seed` on each problem of
`out/yardstick/` (made by `run.sh jobteam SEEDS`) and records each run's objective, bound and requests
scheduled in `cpsat-runs.json` beside this script, by problem and seed; the plan goes to
`out/yardstick/NAME.cpsat-seedS.json` (a hint for `mindiff.py`). Runs already recorded are not run
again. `seeds.py --runs` compares zitdag's runs with these. `--max-coaches M` runs the restricted model
the region needs (as `run.sh` does with `CPSAT_ARGS`); a run that found no plan in its time and wrote
its greedy plan is recorded with `greedy`.

Each run takes the whole machine for its minute: run nothing else beside it, or CP-SAT's figures fall.
"""
import argparse
import json
import os
import re
import subprocess
import sys

from seeds import ROOT, RUNS, load_runs, seed_list


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('problems', nargs='+', help='names in out/yardstick, e.g. jobteam12')
    parser.add_argument('--seeds', default='1-4', help="CP-SAT's random seeds")
    parser.add_argument('--time-limit', type=float, default=60)
    parser.add_argument('--workers', type=int, default=2)
    parser.add_argument('--max-coaches', type=int, help="cpsat.py's restricted model (the region: 1)")
    args = parser.parse_args()
    python = os.path.join(ROOT, '.venv-yardstick', 'bin', 'python')
    cpsat = os.path.join(ROOT, '..', 'shared', 'yardstick', 'cpsat.py')
    runs = load_runs()
    for seed in seed_list(args.seeds):
        for name in args.problems:
            recorded = runs.setdefault(name, {})
            if str(seed) in recorded:
                continue
            problem = os.path.join(ROOT, 'out', 'yardstick', name + '.json')
            plan = os.path.join(ROOT, 'out', 'yardstick', f'{name}.cpsat-seed{seed}.json')
            restricted = ['--max-coaches', str(args.max_coaches)] if args.max_coaches is not None else []
            run = subprocess.run(
                [python, cpsat, problem, '--time-limit', str(args.time_limit), '--workers', str(args.workers),
                 '--seed', str(seed), '--out', plan] + restricted,
                capture_output=True, text=True)
            # The final line's figures: with a restricted model its bound is the problem's, not CP-SAT's.
            found = re.search(r'^status=\w+ objective=(\d+) bound=(\d+)', run.stdout, re.MULTILINE)
            scheduled = re.search(r'scheduled=(\d+)/(\d+)', run.stdout)
            if run.returncode != 0 or not found:
                sys.exit(f'cpsat_runs.py: cpsat.py on {problem}, seed {seed}: {(run.stdout + run.stderr).strip()[-400:]}')
            record = {
                'objective': int(found.group(1)), 'bound': int(found.group(2)),
                'scheduled': int(scheduled.group(1)) if scheduled else None}
            if restricted:
                record['max_coaches'] = args.max_coaches
            if 'writing the greedy plan' in run.stdout:
                record['greedy'] = True
            recorded[str(seed)] = record
            # Written after every run, so that a run cut short keeps the minutes already spent.
            with open(RUNS, 'w') as f:
                json.dump(runs, f, indent=1, sort_keys=True)
                f.write('\n')
            print(f'{name} CP-SAT seed {seed}: {found.group(1)} (bound {found.group(2)})', flush=True)


if __name__ == '__main__':
    main()
