#!/usr/bin/env bash
# Load on loopback with wrk: slot queries and unchanged feeds (304) against `zitdag serve`.
# Usage: Benchmarks/load/run.sh [BINARY] (default .build/release/zitdag). Needs wrk (apt-get install wrk).
set -euo pipefail
zitdag=${1:-.build/release/zitdag}
folder=$(mktemp -d)
port=${PORT:-8181}
trap 'kill $server 2>/dev/null || true; rm -rf "$folder"' EXIT
# Rate limits off: one token makes every request here.
"$zitdag" serve --demo --db "$folder/load.sqlite" --port "$port" --rate 1000000000 --burst 1000000000 --log-level error \
  > "$folder/demo.txt" 2> "$folder/serve.log" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.2; done
token=$(awk '/coordinator:/ {print $2}' "$folder/demo.txt")
feed=$(awk '/coach C1:/ {print $3}' "$folder/demo.txt" | sed 's#^webcal://#http://#')
etag=$(curl -s -D - -o /dev/null "$feed" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
duration=${DURATION:-15s}
echo "== slots: GET /v1/slots (job seeker J2 of consultant K3, preferred attendance, 5 options)"
wrk -t2 -c32 -d"$duration" --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/v1/slots?job_seeker=J2&consultant=K3&attendance=preferred&count=5"
echo "== feeds: GET /feeds/<token>.ics with If-None-Match (304)"
wrk -t2 -c64 -d"$duration" --latency -H "If-None-Match: $etag" "$feed"
