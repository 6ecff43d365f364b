#!/usr/bin/env bash
# zitdag simulate against the SimPy model in ../shared/yardstick/simpy_peer.py, on the same machine in
# the same run: the job team of its docstring at each load (requests a week), REPS replications of
# 8 warm-up + 52 measured weeks, both on 2 cores, run one after the other. Prints CPU seconds (user +
# system) of each, their ratio, and the figures both report.
#
#   Benchmarks/simulation/peer.sh [LOADS...]      (default: 6 9; REPS=1000)
#
# zitdag runs the yardstick's scenario file with per_week set to the load and busy_share 0.5 (each
# consultant busy half of the working day in blocks, as in the SimPy model), once with the standard
# weights ("optimised") and once with the bonuses for one coach and the consultant along set to 0,
# so that it books the earliest series as the SimPy model does ("earliest").
set -euo pipefail
cd "$(dirname "$0")/../.."
YARDSTICK=${YARDSTICK:-../shared/yardstick}
ZITDAG=${ZITDAG:-.build/release/zitdag}
REPS=${REPS:-1000}
VENV=.venv-yardstick
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import simpy, numpy" 2>/dev/null; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q ortools numpy simpy
fi
PY="$VENV/bin/python"
OUT=out/peer
mkdir -p "$OUT"
cpu() { awk '{printf "%.1f", $1 + $2}' "$1"; }
for load in ${*:-6 9}; do
  for variant in optimised earliest; do
    "$PY" - "$YARDSTICK/simpy-jobteam-scenario.json" "$OUT/jobteam-$load-$variant.json" "$load" "$variant" <<'PYEOF'
import json, sys
scenario = json.load(open(sys.argv[1]))
scenario["demand"]["per_week"] = float(sys.argv[3])
scenario["consultants"]["busy_share"] = 0.5
scenario["replications"] = 1000
if sys.argv[4] == "earliest":
    scenario["weights"] = {"same_coach": 0, "co_attendance": 0}
json.dump(scenario, open(sys.argv[2], "w"), indent=1)
PYEOF
  done
  /usr/bin/time -f "%U %S" -o "$OUT/simpy-$load.time" "$PY" "$YARDSTICK/simpy_peer.py" --lam "$load" --reps "$REPS" --jobs 2 > "$OUT/simpy-$load.txt"
  for variant in optimised earliest; do
    /usr/bin/time -f "%U %S" -o "$OUT/zitdag-$load-$variant.time" "$ZITDAG" simulate "$OUT/jobteam-$load-$variant.json" \
      --replications "$REPS" --threads 2 > "$OUT/zitdag-$load-$variant.txt" 2>/dev/null
  done
  simpy=$(cpu "$OUT/simpy-$load.time")
  echo "== $load requests a week, $REPS replications: SimPy $simpy CPU s"
  grep -E "wait_days_mean|wait_days_p90|util_used|backlog_mean|unbooked_at_end|preferred_along" "$OUT/simpy-$load.txt" | sed 's/^/   SimPy  /'
  for variant in optimised earliest; do
    z=$(cpu "$OUT/zitdag-$load-$variant.time")
    echo "-- zitdag $variant: $z CPU s, $(awk -v a="$simpy" -v b="$z" 'BEGIN {printf "%.1f", a / b}') times faster"
    grep -E "mean  |90th|utilisation|backlog|never booked|preferred" "$OUT/zitdag-$load-$variant.txt" | grep -v series | sed 's/^/   zitdag /'
  done
done
