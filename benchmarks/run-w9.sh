#!/usr/bin/env bash
# W9, fairness between companies (issue #19): company A pushes at 32 connections, as fast as it can,
# while company B runs Okta's Test API Credentials and single-user look-ups at a steady, modest rate.
# Passes when B's p99 under A's load is at most 3 times B's p99 alone, and A sees 429s (with an
# integer Retry-After), never errors or timeouts. One server on PostgreSQL with the default rate
# limit (SCIM_TENANT_RATE_LIMIT 50/s, burst 100, unless set in the environment).
#   bash benchmarks/run-w9.sh         (WARMUP=60 SECONDS_PER_RUN=20 PAIRS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-60}
RUN=${SECONDS_PER_RUN:-20}
PAIRS=${PAIRS:-3}
PORT=${PORT:-18189}
B_RATE=${B_RATE:-20}
DB=scim_bench_w9
ADMIN=bench-admin-token-$$-$RANDOM
OUT=benchmarks/results
mkdir -p "$OUT"
RESULTS="$OUT/w9.jsonl"
: > "$RESULTS"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f app/target/javelo-scim.jar ] || mvn -B -q -DskipTests package
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SCIM_DB_USER=postgres SCIM_DB_POOL_SIZE=16 SCIM_HTTP_PORT=$PORT \
  SCIM_ADMIN_TOKEN=$ADMIN java -Xmx1g -jar app/target/javelo-scim.jar > "$OUT/server-w9.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.2; done

admin() { curl -sf -X "$1" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT$2" ${3:+-d "$3"}; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
A=$(admin POST /admin/v1/tenants '{"name":"Noisy"}' | json id)
B=$(admin POST /admin/v1/tenants '{"name":"Quiet"}' | json id)
A_T=$(admin POST "/admin/v1/tenants/$A/scim-token" | json token)
B_T=$(admin POST "/admin/v1/tenants/$B/scim-token" | json token)

# B's people: 50 users (within B's burst), whose ids B looks up.
: > /tmp/scim-w9-ids.txt
for i in $(seq 1 50); do
  curl -sf -X POST -H "Authorization: Bearer $B_T" -H 'Content-Type: application/scim+json' \
    "http://127.0.0.1:$PORT/scim/v2/Users" -d "{\"userName\":\"quiet$i@quiet.example\"}" | json id >> /tmp/scim-w9-ids.txt
done

noisy() { # label, seconds
  env TOKEN="$A_T" LABEL="$1" PREFIX="w9a$RANDOM" WRK_DIR=benchmarks/wrk \
    wrk -t2 -c32 -d"$2s" --timeout 10s -s benchmarks/wrk/w9-noisy.lua "http://127.0.0.1:$PORT" | tail -1
}
quiet() { # label, seconds
  env TOKEN="$B_T" LABEL="$1" IDS_FILE=/tmp/scim-w9-ids.txt CONNECTIONS=2 RATE="$B_RATE" WRK_DIR=benchmarks/wrk \
    wrk -t2 -c2 -d"$2s" --timeout 10s -s benchmarks/wrk/w9-quiet.lua "http://127.0.0.1:$PORT" | tail -1
}

echo "warm-up: ${WARMUP}s (A and B together)"
noisy warm-a "$WARMUP" > /dev/null & WARM_A=$!
quiet warm-b "$WARMUP" > /dev/null
wait "$WARM_A"

# Alternating pairs: B alone, then B beside A (and the other order in even pairs).
for pair in $(seq 1 "$PAIRS"); do
  alone() { quiet "W9 B alone" "$RUN" | tee -a "$RESULTS"; }
  loaded() {
    noisy "W9 A pushing x32" "$RUN" > /tmp/scim-w9-a.json & local a=$!
    quiet "W9 B beside A" "$RUN" | tee -a "$RESULTS"
    wait "$a"
    tee -a "$RESULTS" < /tmp/scim-w9-a.json
  }
  if (( pair % 2 == 1 )); then alone; loaded; else loaded; alone; fi
done

python3 - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
alone = [r["p99_ms"] for r in rows if r["label"] == "W9 B alone"]
beside = [r["p99_ms"] for r in rows if r["label"] == "W9 B beside A"]
b_bad = sum(r["errors"] for r in rows if r["label"].startswith("W9 B"))
a = [r for r in rows if r["label"] == "W9 A pushing x32"]
limited = sum(r["limited"] for r in a)
a_bad = sum(r["unexpected"] + r["socket_errors"] + r["timeouts"] for r in a)
ratio = statistics.median(beside) / statistics.median(alone)
print(f"B p99 alone {statistics.median(alone):.2f} ms, beside A {statistics.median(beside):.2f} ms: ratio {ratio:.2f} (target <= 3)")
print(f"A: {sum(r['acknowledged'] for r in a)} created, {limited} answered 429, {a_bad} errors or timeouts (target: 429s, no errors)")
print(f"B: {b_bad} requests not answered 200 (target 0)")
ok = ratio <= 3 and limited > 0 and a_bad == 0 and b_bad == 0
print("W9", "PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
