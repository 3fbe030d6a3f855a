#!/usr/bin/env bash
# The event feed under W1: SETs delivered per second to one polling consumer (RFC 8936 long
# polls, acknowledging as it goes) while W1 creates users, and W1's rate with that consumer
# polling as a ratio to W1 without one, in alternating pairs after a warm-up, on PostgreSQL.
#   bash benchmarks/run-events.sh     (PAIRS=3 WARMUP=120 SECONDS_PER_RUN=10 by default)
# Runs alone (it starts its own server on a fresh database); run.sh does not call it.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-3}
WARMUP=${WARMUP:-120}
RUN=${SECONDS_PER_RUN:-10}
PORT=${PORT:-18183}
DB=scim_events_bench
ADMIN=bench-admin-token-$$-$RANDOM
OUT=benchmarks/results
mkdir -p "$OUT"
RESULTS="$OUT/events.jsonl"
: > "$RESULTS"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f app/target/javelo-scim.jar ] || mvn -B -q -DskipTests package
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SCIM_DB_USER=postgres SCIM_DB_POOL_SIZE=16 SCIM_HTTP_PORT=$PORT \
  SCIM_TENANT_RATE_LIMIT=0 SCIM_ADMIN_TOKEN=$ADMIN java -Xmx1g -jar app/target/javelo-scim.jar > "$OUT/server-events.log" 2>&1 &
SERVER=$!
POLLER=
trap 'kill $SERVER ${POLLER:-} 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.2; done

admin() { curl -sf -X "$1" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT$2" ${3:+-d "$3"}; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
TENANT=$(admin POST /admin/v1/tenants '{"name":"Events"}' | json id)
TOKEN=$(admin POST "/admin/v1/tenants/$TENANT/scim-token" | json token)
CONSUMER=$(admin POST /admin/v1/event-consumers "{\"name\":\"bench\",\"tenants\":[\"$TENANT\"]}")
CONSUMER_ID=$(echo "$CONSUMER" | json id)
CONSUMER_TOKEN=$(echo "$CONSUMER" | json token)
# The database as run.sh has it: other companies' 221,000 users (benchmarks/seed.sql) and fresh
# statistics. On a database never analyzed (this machine's PostgreSQL runs without autovacuum)
# every create's look-ups are planned as scans of a table believed empty, and W1 measured 175
# requests/s instead of well over 1,000: a figure about the planner, not about the event feed.
seed_tenant() { admin POST /admin/v1/tenants "{\"name\":\"$1\"}" | json id; }
$PSQL -d $DB -v big="$(seed_tenant Big)" -v small="$(seed_tenant Small)" -v other="$(seed_tenant Other)" \
  -v full="$(seed_tenant Full)" -f benchmarks/seed.sql
$PSQL -d $DB -c "VACUUM (ANALYZE)"

w1() { # label, prefix
  env TOKEN="$TOKEN" PREFIX="$2" LABEL="$1" WRK_DIR=benchmarks/wrk wrk -t2 -c16 -d"${RUN}s" \
    -s benchmarks/wrk/create.lua "http://127.0.0.1:$PORT" | tail -1 | tee -a "$RESULTS"
}
# The consumer catches up with what earlier runs wrote (acknowledging it) before a run is measured,
# so that its figure is what it receives during the run.
drain() { BASE="http://127.0.0.1:$PORT" CONSUMER_TOKEN="$CONSUMER_TOKEN" DRAIN=1 python3 benchmarks/event-poller.py; }
alone() { drain; w1 "W1 create x16 (no consumer)" "p$pair-alone"; }
polled() {
  drain
  rm -f /tmp/scim-events-poller.ready
  BASE="http://127.0.0.1:$PORT" CONSUMER_TOKEN="$CONSUMER_TOKEN" LABEL="events delivered during W1" \
    READY_FILE=/tmp/scim-events-poller.ready python3 benchmarks/event-poller.py >> "$RESULTS" &
  POLLER=$!
  until [ -f /tmp/scim-events-poller.ready ]; do sleep 0.05; done
  w1 "W1 create x16 (consumer polling)" "p$pair-polled"
  kill -TERM $POLLER; wait $POLLER || true; POLLER=
  tail -1 "$RESULTS"
}

# Warm-up: W1 with the consumer polling, then pairs in alternating order.
pair=0
SAVED_RUN=$RUN; RUN=$WARMUP; polled > /dev/null; RUN=$SAVED_RUN
: > "$RESULTS"
for pair in $(seq 1 "$PAIRS"); do
  if (( pair % 2 )); then alone; polled; else polled; alone; fi
done
echo "consumer $CONSUMER_ID: $(admin GET /admin/v1/event-consumers | python3 -c 'import json,sys; print(json.load(sys.stdin)["consumers"][0])')"
python3 - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
def rates(label): return [r["rate"] for r in rows if r["label"] == label]
alone, polled = rates("W1 create x16 (no consumer)"), rates("W1 create x16 (consumer polling)")
delivered = rates("events delivered during W1")
ratios = [p / a for a, p in zip(alone, polled) if a]
print(json.dumps({"W1 alone req/s": alone, "W1 with consumer req/s": polled,
                  "W1 ratio with/without (median)": round(statistics.median(ratios), 3) if ratios else None,
                  "SETs delivered/s to one consumer (median)": statistics.median(delivered) if delivered else None}))
PY
