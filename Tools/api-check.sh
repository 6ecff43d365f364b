#!/usr/bin/env bash
# schemathesis (PyPI) against `zitdag serve` and the server's own /openapi.yaml: every check, positive
# and negative data, once with a coordinator's token and once with a consultant's. Exits 0 only when
# neither run finds a failure.
#
#   Tools/api-check.sh [MAX_EXAMPLES]      (default 100 examples per operation and mode)
#
# The server runs on a fresh demo database in a temporary folder (the zitdagen of Calendars/, demo
# people and requests), with rate limits lifted so that the checks are not answered 429.
set -euo pipefail
# This script reads the command line's English output (Dutch is its default).
export ZITDAG_LANG=en
cd "$(dirname "$0")/.."
ZITDAG=${ZITDAG:-.build/release/zitdag}
EXAMPLES=${1:-100}
VENV=.venv-tools
if [ ! -x "$VENV/bin/schemathesis" ]; then
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q schemathesis
fi
[ -x "$ZITDAG" ] || swift build -c release --product zitdag
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
"$ZITDAG" serve --demo --port "$port" --rate 1000000 --burst 1000000 --log-level error --db "$work/zitdag.sqlite" \
  > "$work/serve.txt" 2> "$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
  sleep 0.1
done
coordinator=$(awk '$1 == "coordinator:" {print $2}' "$work/serve.txt")
consultant=$(awk '$1 == "consultant" && $2 ~ /:$/ {print $3; exit}' "$work/serve.txt")
[ -n "$coordinator" ] && [ -n "$consultant" ] || { echo "api-check: no demo tokens in the server's output" >&2; exit 1; }
status=0
for who in coordinator consultant; do
  token=${!who}
  echo "== schemathesis as the $who"
  "$VENV/bin/schemathesis" --config-file Tools/schemathesis.toml run "http://127.0.0.1:$port/openapi.yaml" \
    --url "http://127.0.0.1:$port" --header "Authorization: Bearer $token" \
    --checks all --mode all --max-examples "$EXAMPLES" --seed 1 --workers 2 --no-color || status=1
done
exit $status
