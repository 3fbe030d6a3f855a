#!/usr/bin/env bash
# Writes on the embedded H2 default, two builds side by side (not part of run.sh, which measures
# PostgreSQL): W1's user creates at 16 connections and at 1, and W7's deactivation at 16, each on
# a fresh server with a fresh H2 data directory, the sides in alternating order pair after pair.
# Written to price H2's write turns (docs/architecture.md, "Durability on H2"): JAR_A the build
# before them, JAR_B the build with them.
#
#   JAR_A=/tmp/before.jar bash benchmarks/run-h2-writes.sh
#
# JAR_B defaults to app/target/javelo-scim.jar; PAIRS=3 WARMUP=60 SECONDS_PER_RUN=10 by default.
# Prints each figure's rate per side (median of pairs) and the B/A ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-3}
WARMUP=${WARMUP:-60}
RUN=${SECONDS_PER_RUN:-10}
PORT=${PORT:-18094}
ADMIN=h2-writes-bench-admin-token
JAR_A=${JAR_A:?the build before, e.g. JAR_A=/tmp/before.jar}
JAR_B=${JAR_B:-app/target/javelo-scim.jar}
OUT=benchmarks/results
mkdir -p "$OUT"
RESULTS="$OUT/h2-writes.jsonl"
: > "$RESULTS"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

admin() { curl -sf -X "$1" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT$2" ${3:+-d "$3"}; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
wrkrun() { # label, connections, script, then VAR=value settings for the script
  local label=$1 connections=$2 script=$3; shift 3
  env "$@" LABEL="$label" WRK_DIR=benchmarks/wrk wrk -t"$(( connections > 1 ? 2 : 1 ))" -c"$connections" -d"${RUN}s" \
    -s "benchmarks/wrk/$script.lua" "http://127.0.0.1:$PORT" | tail -1
}

measure() { # side, jar, pair
  local side=$1 jar=$2 pair=$3 data server tenant token
  data=$(mktemp -d)
  SCIM_DATA_DIR=$data SCIM_HTTP_PORT=$PORT SCIM_TENANT_RATE_LIMIT=0 SCIM_ADMIN_TOKEN=$ADMIN \
    java -Xmx1g -jar "$jar" > "$OUT/h2-writes-server-$side.log" 2>&1 &
  server=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.2; done
  tenant=$(admin POST /admin/v1/tenants '{"name":"H2 writes"}' | json id)
  token=$(admin POST "/admin/v1/tenants/$tenant/scim-token" | json token)
  RUN=$WARMUP wrkrun warmup 16 create TOKEN="$token" PREFIX="warm" >/dev/null
  curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/scim/v2/Users?count=1000" |
    python3 -c "import json,sys; print('\n'.join(r['id'] for r in json.load(sys.stdin)['Resources']))" > "$data/ids"
  for line in "$(wrkrun "create-16" 16 create TOKEN="$token" PREFIX="c16-$pair")" \
              "$(wrkrun "create-1" 1 create TOKEN="$token" PREFIX="c1-$pair")" \
              "$(wrkrun "deactivate-16" 16 deactivate TOKEN="$token" USERS_FILE="$data/ids")"; do
    echo "$line" | python3 -c "import json,sys; r=json.load(sys.stdin); r['side']='$side'; r['pair']=$pair; print(json.dumps(r))" | tee -a "$RESULTS"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
  rm -rf "$data"
}

for pair in $(seq 1 "$PAIRS"); do
  if (( pair % 2 )); then measure A "$JAR_A" "$pair"; measure B "$JAR_B" "$pair"
  else measure B "$JAR_B" "$pair"; measure A "$JAR_A" "$pair"; fi
done

python3 - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
for label in ["create-16", "create-1", "deactivate-16"]:
    rate = {s: statistics.median(r["rate"] for r in rows if r["label"] == label and r["side"] == s) for s in "AB"}
    errors = {s: sum(r["errors"] for r in rows if r["label"] == label and r["side"] == s) for s in "AB"}
    print(f"{label:14} A {rate['A']:8.1f} req/s  B {rate['B']:8.1f} req/s  B/A {rate['B'] / rate['A']:.2f}"
          f"  errors A {errors['A']} B {errors['B']}")
PY
