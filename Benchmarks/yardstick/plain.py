#!/usr/bin/env python3
"""A zitdag problem with reservations (the session key "reserved", the top-level "today") as the
plain format 1 that the yardstick reads, and a plan for it mapped to the plain sessions.

    plain.py PROBLEM PLAIN_PROBLEM [PLAN PLAIN_PLAN]

The one rule of the extension: at every moment a session's ordinary appointments number at most
its seats minus the seats kept by walk-in and by urgent reservations not released by "today"
(released: on or after the session's date minus release_days). Where those reservations keep every
seat for a time at the start, the end or the middle of a session, that session is cut (into two
around a middle block, ids S~1 and S~2: the part after starts on the block's end, which lies on the
session's grid); where they keep some seats for the whole of a (cut) session, its seats drop; a
session left with no seat goes. Any other shape is not expressible in format 1: exit 3, saying which.
"""
import datetime as dt
import json
import sys


def local(text):
    return dt.datetime.fromisoformat(text)


def plain_sessions(problem):
    today = dt.date.fromisoformat(problem["today"]) if "today" in problem else None
    out, parts = [], {}
    for session in problem["sessions"]:
        start, end = local(session["start"]), local(session["end"])
        seats = session.get("seats", 1)
        kept = []
        for r in session.get("reserved", []):
            r_start = local(r["start"]) if "start" in r else start
            r_end = local(r["end"]) if "end" in r else end
            r_seats = r.get("seats", seats)
            if r["channel"] == "urgent" and today is not None:
                if today >= start.date() - dt.timedelta(days=r.get("release_days", 2)):
                    continue  # released: open to every booking
            kept.append((r_start, r_end, r_seats))
        # Blocks that keep every seat cut the session.
        pieces = [(start, end)]
        for r_start, r_end, r_seats in kept:
            if r_seats < seats:
                continue
            cut = []
            for a, b in pieces:
                if r_end <= a or b <= r_start:
                    cut.append((a, b))
                    continue
                if a < r_start:
                    cut.append((a, r_start))
                if r_end < b:
                    cut.append((r_end, b))
            pieces = cut
        base = {k: v for k, v in session.items() if k not in ("reserved", "start", "end", "seats")}
        parts[session["id"]] = []
        for n, (a, b) in enumerate(pieces):
            left = seats
            for r_start, r_end, r_seats in kept:
                if r_seats >= seats or r_end <= a or b <= r_start:
                    continue
                if r_start <= a and b <= r_end:
                    left -= r_seats
                else:
                    sys.exit(f"plain.py: session {session['id']}: a reservation of {r_seats} seat(s) "
                             f"{r_start:%H:%M}-{r_end:%H:%M} covers part of {a:%H:%M}-{b:%H:%M}; not expressible in format 1")
            if left <= 0:
                continue
            sid = session["id"] if len(pieces) == 1 else f"{session['id']}~{n + 1}"
            out.append(dict(base, id=sid, start=a.isoformat(), end=b.isoformat(), seats=left))
            parts[session["id"]].append((sid, a, b))
    return out, parts


def main():
    if len(sys.argv) not in (3, 5):
        sys.exit(__doc__)
    problem = json.load(open(sys.argv[1]))
    sessions, parts = plain_sessions(problem)
    plain = {k: v for k, v in problem.items() if k != "today"}
    plain["sessions"] = sessions
    json.dump(plain, open(sys.argv[2], "w"), indent=1)
    if len(sys.argv) == 5:
        plan = json.load(open(sys.argv[3]))
        for a in plan["assignments"]:
            s, e = local(a["start"]), local(a["end"])
            inside = [sid for sid, ps, pe in parts.get(a["session"], []) if ps <= s and e <= pe]
            # Outside every plain part: left as it is, for validate.py to report.
            if inside:
                a["session"] = inside[0]
        json.dump(plan, open(sys.argv[4], "w"), indent=1)


if __name__ == "__main__":
    try:
        main()
    except SystemExit as e:
        if isinstance(e.code, str) and e.code.startswith("plain.py:"):
            print(e.code, file=sys.stderr)
            sys.exit(3)
        raise
