#!/usr/bin/env bash
# W2's two look-ups side by side on this build (issue #15): userName eq (wrk/filter.lua) and the
# declared attribute employeeCode eq (wrk/filter-custom.lua), 100k users each, alternating after a
# warm-up, with pgbench's select (run.sh's W2 reference) in each pair, in one run: the ratio of
# each look-up to pgbench, the target of both being ≥ 0.3. A shorter stand-in for run.sh's W2.
#   bash benchmarks/run-w2-custom.sh          (PAIRS=5 WARMUP=120: seconds of each look-up before;
#                                             JAR=<another build>)
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-5}; WARMUP=${WARMUP:-120}; JAR=${JAR:-app/target/javelo-scim.jar}
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-contrib >/dev/null; }
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
DB=scim_bench_custom; PORT=18195; ADMIN=bench-admin-token-custom-$RANDOM$RANDOM
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SCIM_DB_USER=postgres SCIM_DB_POOL_SIZE=16 SCIM_HTTP_PORT=$PORT SCIM_TENANT_RATE_LIMIT=0 SCIM_ADMIN_TOKEN=$ADMIN java -Xmx1g -jar "$JAR" > /tmp/w2custom-server.log 2>&1 &
SERVER=$!; trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.2; done
admin() { curl -sf -X "$1" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT$2" ${3:+-d "$3"}; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
tenant() { admin POST /admin/v1/tenants "{\"name\":\"$1\"}" | json id; }
BIG=$(tenant Big); SMALL=$(tenant Small); OTHER=$(tenant Other); FULL=$(tenant Full)
admin PUT "/admin/v1/tenants/$BIG/schema-extension" '{"attributes":[{"name":"employeeCode","type":"string","caseExact":true}]}' >/dev/null
$PSQL -d $DB -v big="$BIG" -v small="$SMALL" -v other="$OTHER" -v full="$FULL" -f benchmarks/seed.sql
$PSQL -d $DB -c "VACUUM (ANALYZE)"
TOKEN=$(admin POST "/admin/v1/tenants/$BIG/scim-token" | json token)
run() { env TOKEN=$TOKEN USERS=100000 LABEL="$1" WRK_DIR=benchmarks/wrk wrk -t2 -c16 -d${3}s -s benchmarks/wrk/$2.lua "http://127.0.0.1:$PORT" | tail -1; }
cat > /tmp/w2custom-select.sql <<SQL
\set n random(1, 100000)
SELECT id, profile FROM users WHERE tenant_id = :big AND user_name_key = lower('USER' || :n || '@ACME.EXAMPLE');
SQL
pgb() { local tps; tps=$(pgbench -h 127.0.0.1 -U postgres -n -M extended -c 16 -j 2 -T 10 -D big="$BIG" \
  -f /tmp/w2custom-select.sql $DB 2>/dev/null | awk '/^tps/ {print $3; exit}'); echo "{\"label\":\"W2 pgbench select\",\"rate\":$tps}"; }
run warm filter "$WARMUP" >/dev/null; run warm filter-custom "$WARMUP" >/dev/null
RESULTS=$(mktemp)
for pair in $(seq 1 "$PAIRS"); do
  if (( pair % 2 )); then
    { run "W2 userName" filter 10; pgb; run "W2 employeeCode" filter-custom 10; } | tee -a "$RESULTS"
  else
    { run "W2 employeeCode" filter-custom 10; pgb; run "W2 userName" filter 10; } | tee -a "$RESULTS"
  fi
done
python3 - "$RESULTS" "$PAIRS" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
rate = lambda label: [r["rate"] for r in rows if r["label"] == label]
user, code, pg = rate("W2 userName"), rate("W2 employeeCode"), rate("W2 pgbench select")
for name, series in (("userName eq / pgbench select", user), ("employeeCode eq / pgbench select", code)):
    ratios = [x / y for x, y in zip(series, pg)]
    print(json.dumps({"figure": name, "per pair": [round(r, 3) for r in ratios], "median": round(statistics.median(ratios), 3)}))
ratios = [x / y for x, y in zip(code, user)]
print(json.dumps({"figure": "employeeCode eq / userName eq", "per pair": [round(r, 3) for r in ratios],
                  "median": round(statistics.median(ratios), 3)}))
PY
