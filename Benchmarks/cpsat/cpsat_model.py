#!/usr/bin/env python3
"""The zitdag allocation problem (format 1) as an OR-Tools CP-SAT model: the yardstick
the README compares zitdag's allocator with.

    python3 cpsat_model.py PROBLEM.json PLAN.json [--time-limit 60] [--workers 2] [--first-weeks N]

Writes a zitdag-plan/1 file (check it with `zitdag check PROBLEM PLAN`) and prints one JSON
line with the objective, CP-SAT's upper bound, status and wall time.

The model is faithful: every session start on the grid is a candidate slot for every
appointment, constrained exactly as the format says. `--first-weeks N` restricts a
request's first appointment to N weeks after its release (a *restricted* model, for sizes
where the full one does not fit in memory); the README says when it was used.
"""
import argparse, json, sys, time
from collections import defaultdict
from datetime import datetime, date
from zoneinfo import ZoneInfo
from ortools.sat.python import cp_model

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("problem"); ap.add_argument("plan")
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--first-weeks", type=int, default=None)
    args = ap.parse_args()
    started = time.monotonic()
    P = json.load(open(args.problem))
    tz = ZoneInfo(P["timezone"])
    grid = P.get("grid_minutes", 15) * 60
    W = {"scheduled": 10000, "wait_day": 10, "co_attendance": 50, "same_coach": 100, **P.get("weights", {})}
    epoch0 = date(1970, 1, 1)

    def instant(text):  # first occurrence of a wall time (fold=0)
        return int(datetime.fromisoformat(text).replace(tzinfo=tz, fold=0).timestamp())
    def local_day(ts):
        return (datetime.fromtimestamp(ts, tz).date() - epoch0).days
    def day_of(text):
        return (date.fromisoformat(text) - epoch0).days
    def spans(items):
        return [(instant(i["start"]), instant(i["end"])) for i in items]
    def overlaps(a0, a1, spans_):
        return any(a0 < b1 and b0 < a1 for b0, b1 in spans_)

    sessions = [dict(s, t0=instant(s["start"]), t1=instant(s["end"]), seats=s.get("seats", 1)) for s in P["sessions"]]
    for s in sessions:
        s["day"] = local_day(s["t0"])
    last_day = max(s["day"] for s in sessions)
    consultants = {c["id"]: spans(c.get("busy", [])) for c in P["consultants"]}
    reqs = P["requests"]
    unavailable = defaultdict(list)
    for r in reqs:
        unavailable[r["job_seeker"]] += spans(r.get("unavailable", []))
    T0 = min(s["t0"] for s in sessions)

    m = cp_model.CpModel()
    objective = []
    seat_use = defaultdict(list)          # (session index, cell) -> x vars
    seeker_intervals = defaultdict(list)
    consultant_intervals = defaultdict(list)
    choice = {}                           # (r, k) -> list of (x, a or None, session index, start)
    scheduled = []
    for ri, r in enumerate(reqs):
        dur = r["duration_minutes"] * 60
        n = r.get("appointments", 1)
        gmin, gmax = r.get("min_gap_days", 7), r.get("max_gap_days", 21)
        release = day_of(r["release"])
        due = day_of(r["due"]) if "due" in r else last_day
        if args.first_weeks is not None:
            due = min(due, release + 7 * args.first_weeks - 1)
        p = r.get("priority", 1)
        att = r.get("attendance", "none")
        lang = r.get("language")
        busy = consultants.get(r.get("consultant"), [])
        s_r = m.NewBoolVar(f"s{ri}")
        scheduled.append(s_r)
        objective.append(W["scheduled"] * p * s_r)
        starts, days, coach_sets = [], [], []
        for k in range(n):
            lo, hi = release + gmin * k, due + gmax * k
            opts = []
            for si, s in enumerate(sessions):
                if not (lo <= s["day"] <= hi): continue
                if lang is not None and "languages" in s and lang not in s["languages"]: continue
                t = s["t0"]
                while t + dur <= s["t1"]:
                    if not overlaps(t, t + dur, unavailable[r["job_seeker"]]):
                        can_attend = not overlaps(t, t + dur, busy)
                        if att != "required" or can_attend:
                            x = m.NewBoolVar("")
                            a = None
                            if att == "required": a = x
                            elif att == "preferred" and can_attend:
                                a = m.NewBoolVar(""); m.AddImplication(a, x)
                                objective.append(W["co_attendance"] * a)
                            opts.append((x, a, si, t))
                            for c in range((t - s["t0"]) // grid, (t + dur - s["t0"]) // grid):
                                seat_use[(si, c)].append(x)
                    t += grid
            choice[(ri, k)] = opts
            m.Add(sum(o[0] for o in opts) == s_r)
            start = m.NewIntVar(0, max(1, (sessions and max(s["t1"] for s in sessions)) - T0), "")
            m.Add(start == sum((o[3] - T0) * o[0] for o in opts))
            dayv = m.NewIntVar(0, last_day + gmax * n + 1, "")
            m.Add(dayv == sum(sessions[o[2]]["day"] * o[0] for o in opts))
            starts.append(start); days.append(dayv)
            iv = m.NewOptionalFixedSizeIntervalVar(start, dur, s_r, "")
            seeker_intervals[r["job_seeker"]].append(iv)
            if att != "none":
                present = m.NewBoolVar("")
                m.Add(present == sum(o[1] for o in opts if o[1] is not None))
                consultant_intervals[r["consultant"]].append(m.NewOptionalFixedSizeIntervalVar(start, dur, present, ""))
        for k in range(1, n):
            m.Add(days[k] - days[k - 1] >= gmin).OnlyEnforceIf(s_r)
            m.Add(days[k] - days[k - 1] <= gmax).OnlyEnforceIf(s_r)
            m.Add(starts[k] >= starts[k - 1] + dur).OnlyEnforceIf(s_r)
        # Waiting: days from release to the first appointment.
        objective.append(-W["wait_day"] * p * (days[0] - release * s_r))
        if n >= 2:
            coaches = set(sessions[o[2]]["coach"] for o in choice[(ri, 0)])
            zs = []
            for c in coaches:
                z = m.NewBoolVar("")
                for k in range(n):
                    m.Add(sum(o[0] for o in choice[(ri, k)] if sessions[o[2]]["coach"] == c) >= 1).OnlyEnforceIf(z)
                zs.append(z)
            if zs:
                m.Add(sum(zs) <= 1)
                objective.append(W["same_coach"] * sum(zs))
    for (si, _), xs in seat_use.items():
        if len(xs) > sessions[si]["seats"]:
            m.Add(sum(xs) <= sessions[si]["seats"])
    for ivs in list(seeker_intervals.values()) + list(consultant_intervals.values()):
        if len(ivs) > 1: m.AddNoOverlap(ivs)
    m.Maximize(sum(objective))
    built = time.monotonic() - started

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.num_workers = args.workers
    status = solver.Solve(m)
    assignments, unscheduled = [], []
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for ri, r in enumerate(reqs):
            if not solver.Value(scheduled[ri]):
                unscheduled.append({"request": r["id"], "reason": "not scheduled by CP-SAT"}); continue
            dur = r["duration_minutes"] * 60
            for k in range(r.get("appointments", 1)):
                x, a, si, t = next(o for o in choice[(ri, k)] if solver.Value(o[0]))
                fmt = lambda ts: datetime.fromtimestamp(ts, tz).strftime("%Y-%m-%dT%H:%M:%S")
                assignments.append({"request": r["id"], "index": k, "session": sessions[si]["id"],
                                    "start": fmt(t), "end": fmt(t + dur),
                                    "consultant_attends": bool(a is not None and solver.Value(a))})
        value = int(round(solver.ObjectiveValue()))
    else:
        unscheduled = [{"request": r["id"], "reason": "CP-SAT found no solution"} for r in reqs]
        value = 0
    json.dump({"format": "zitdag-plan/1", "assignments": assignments, "unscheduled": unscheduled, "objective": value},
              open(args.plan, "w"), indent=1)
    print(json.dumps({"status": solver.StatusName(status), "objective": value, "bound": int(solver.BestObjectiveBound()),
                      "scheduled": len(reqs) - len(unscheduled), "requests": len(reqs),
                      "model_seconds": round(built, 2), "wall_seconds": round(time.monotonic() - started, 2)}))

if __name__ == "__main__":
    main()
