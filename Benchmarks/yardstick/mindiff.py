#!/usr/bin/env python3
"""The fewest requests a plan must change to reach an objective, by the yardstick's CP-SAT model.

    Benchmarks/yardstick/mindiff.py PROBLEM PLAN TARGET --hint BETTER_PLAN [--seconds 60]
        [--place REQUEST ...] [--leave-out REQUEST ...]

A request *changes* when it is placed and was not, or was placed and is not, or any of its
appointments moves to another session or date or changes whether the consultant comes along;
start times within a session are free (as the allocator's exact search moves the requests that
stay). The model is ../shared/yardstick/cpsat.py's, with the objective made a constraint (at least
TARGET) and the number of changed requests minimised. `--hint` names a plan that reaches TARGET
(another run's), from which CP-SAT starts. Prints the status, the count (and CP-SAT's bound on
it) and the requests that change: `in` placed where PLAN leaves them out, `out` the reverse.

Says which exchange a plan stuck below the goal misses, and how large it is: the size of the
neighbourhood a search needs to find it in one step. `--place` and `--leave-out` hold requests in
or out of the plan looked for, to ask how far another set of requests is (with TARGET below PLAN's
objective, how much a swap costs before the plan around it is mended).
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', '..', 'shared', 'yardstick'))
import cands as C  # noqa: E402
import cpsat as M  # noqa: E402
from common import load_problem_or_exit  # noqa: E402


def appointments(P, path):
    """A plan file's appointments per request: (session, start in seconds, consultant along)."""
    with open(path) as f:
        plan = json.load(f)
    by = {}
    for a in plan['assignments']:
        by.setdefault(a['request'], []).append(a)
    return {
        P.request_by_id[rid]: [(P.session_by_id[a['session']], P.tz.parse(a['start'])[0], a['consultant_attends'])
                               for a in sorted(apps, key=lambda a: a['index'])]
        for rid, apps in by.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('problem')
    ap.add_argument('plan')
    ap.add_argument('target', type=int)
    ap.add_argument('--hint', required=True, help='a plan at or above TARGET')
    ap.add_argument('--seconds', type=float, default=60)
    ap.add_argument('--place', action='append', default=[], metavar='REQUEST',
                    help='a request that must be placed (may be repeated)')
    ap.add_argument('--leave-out', action='append', default=[], metavar='REQUEST',
                    help='a request that must be left out (may be repeated)')
    args = ap.parse_args()
    from ortools.sat.python import cp_model
    P = load_problem_or_exit(args.problem)
    cands, _ = C.build(P)
    plan = appointments(P, args.plan)
    m, X, Y, _, _ = M.build_model(P, cands, appointments(P, args.hint))
    # The model maximises; its proto keeps the objective negated (scaling factor -1).
    objective = m.Proto().objective
    assert all(v >= 0 for v in objective.vars)
    value = sum(c * m.get_int_var_from_proto_index(v) for v, c in zip(objective.vars, objective.coeffs))
    sign = -1 if objective.scaling_factor < 0 else 1
    m.clear_objective()
    for rid in args.place + args.leave_out:
        if rid not in P.request_by_id:
            sys.exit('mindiff.py: no request %s in %s' % (rid, args.problem))
    for rid in args.place:
        m.Add(X[P.request_by_id[rid]] == 1)
    for rid in args.leave_out:
        m.Add(X[P.request_by_id[rid]] == 0)
    m.Add(sign * (value + int(objective.offset)) >= args.target)
    changed = {}
    for r, x in X.items():
        ch = m.NewBoolVar('changed_' + r.id)
        if r in plan:
            keep = [x]
            for k in range(r.n):
                _, along, units = Y[(r, k)]
                session, start, attends = plan[r][k]
                day = P.tz.date_of(start)
                same = [y for u, y in units if u.s is session and u.date == day]
                keep += same or [m.NewConstant(0)]
                if along is not None:
                    keep.append(along if attends else along.Not())
            for lit in keep:
                m.AddImplication(ch.Not(), lit)
            m.AddBoolOr([ch.Not()] + [lit.Not() for lit in keep])
        else:
            m.Add(ch == x)
        changed[r] = ch
    m.Minimize(sum(changed.values()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.seconds
    solver.parameters.num_workers = 2
    status = solver.Solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        print('%s: no plan at or above %d found in %.0f s' % (solver.StatusName(status), args.target, args.seconds))
        return 1
    print('%s: %d requests change (bound %d)' % (
        solver.StatusName(status), round(solver.ObjectiveValue()), round(solver.BestObjectiveBound())))
    words = []
    for r, ch in sorted(changed.items(), key=lambda item: item[0].idx):
        if solver.Value(ch):
            placed = solver.Value(X[r])
            tag = ' in' if placed and r not in plan else ' out' if r in plan and not placed else ''
            words.append('%s (priority %d, %d appointments%s)' % (r.id, r.priority, r.n, tag))
    print(', '.join(words))
    return 0


if __name__ == '__main__':
    sys.exit(main())
