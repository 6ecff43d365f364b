#!/usr/bin/env bash
# zitdag against the independent yardstick in ../shared/yardstick: generated problems of each size
# (every feature of the format), zitdag's plans checked by validate.py, compared with cpsat.py
# (60 s, 2 workers) and, for tiny problems, brute.py's exhaustive optimum.
#
#   Benchmarks/yardstick/run.sh [tiny|twelve|jobteam|city|region] [SEEDS...]
#
# twelve: 12 requests and a third of the half-days of the job team of that seed (subset.py; SHARE=2
# keeps half of them).
#
# LIMITS sets zitdag's time limits (default "0.1 1"), CPSAT_ARGS adds to cpsat.py's arguments
# (the region needs "--max-coaches 1", the restricted model), WORKERS zitdag's --workers.
#
# CHANNELS=1 generates problems whose half-days keep walk-in and held-back capacity (generate
# --channels); plain.py turns each into the plain format 1 the yardstick reads, and zitdag's plans
# with it, so validate.py, cpsat.py and brute.py work on the same problem as zitdag.
#
# Needs a release build (make build) and a venv with ortools and numpy (made in .venv-yardstick
# when missing). Prints one line per problem; files go to out/yardstick/.
set -euo pipefail
# This script reads the command line's English output (Dutch is its default).
export ZITDAG_LANG=en
cd "$(dirname "$0")/../.."
YARDSTICK=${YARDSTICK:-../shared/yardstick}
ZITDAG=${ZITDAG:-.build/release/zitdag}
VENV=.venv-yardstick
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q ortools numpy
fi
PY="$VENV/bin/python"
SIZE=${1:-jobteam}
shift || true
SEEDS=${*:-1 2 3}
OUT=out/yardstick${CHANNELS:+-channels}
mkdir -p "$OUT"
for seed in $SEEDS; do
  p="$OUT/$SIZE$seed.json"
  if [ "$SIZE" = twelve ]; then
    # 12 requests and a third of the half-days of a generated job team (subset.py), for the
    # exhaustive optimum at the top of the exact mode's range.
    "$ZITDAG" generate --size jobteam --seed "$seed" --start 2026-11-23 --out "$p.full" ${CHANNELS:+--channels}
    "$PY" "$(dirname "$0")/subset.py" "$p.full" "$p" --requests 12 --sessions-share "${SHARE:-3}" --seed "$seed"
    rm "$p.full"
  else
    "$ZITDAG" generate --size "$SIZE" --seed "$seed" --start 2026-11-23 --out "$p" ${CHANNELS:+--channels}
  fi
  # What the yardstick reads: the same problem, reservations worked into the sessions.
  y="$p"
  if [ -n "${CHANNELS:-}" ]; then y="$OUT/$SIZE$seed.plain.json"; "$PY" "$(dirname "$0")/plain.py" "$p" "$y"; fi
  line="$SIZE seed $seed:"
  for limit in ${LIMITS:-0.1 1}; do
    plan="$OUT/$SIZE$seed.zitdag-$limit.json"
    summary=$(/usr/bin/time -f "%e s wall, %M KB" "$ZITDAG" solve "$p" --out "$plan" --time-limit "$limit" --seed 1 ${WORKERS:+--workers "$WORKERS"} 2>&1)
    yplan="$plan"
    if [ -n "${CHANNELS:-}" ]; then yplan="$OUT/$SIZE$seed.zitdag-$limit.plain.json"; "$PY" "$(dirname "$0")/plain.py" "$p" /dev/null "$plan" "$yplan"; fi
    valid=$("$PY" "$YARDSTICK/validate.py" "$y" "$yplan" | tail -n 1)
    line="$line | zitdag ${limit}s: $(echo "$summary" | tr '\n' ' ' | sed -E 's/scheduled ([0-9]+\/[0-9]+) requests, objective ([0-9]+).*, ([0-9.]+ s)(.*)/\1 \2 \3\4/') [$valid]"
  done
  if [ "$SIZE" = tiny ] || [ "$SIZE" = twelve ]; then
    line="$line | $("$PY" "$YARDSTICK/brute.py" "$y" | tail -n 1)"
  else
    cpsat=$("$PY" "$YARDSTICK/cpsat.py" "$y" --time-limit 60 --workers 2 ${CPSAT_ARGS:-} --out "$OUT/$SIZE$seed.cpsat.json" 2>&1 | tail -n 2 | tr '\n' ' ')
    line="$line | cpsat 60s: $cpsat"
  fi
  echo "$line"
done
