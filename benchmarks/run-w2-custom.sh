#!/usr/bin/env bash
# W2's two look-ups side by side on this build (issue #15): userName eq (wrk/filter.lua) and the
# declared attribute employeeCode eq (wrk/filter-custom.lua), 100k users each, alternating after a
# warm-up. A short stand-in for run.sh's w2_custom (which also compares with pgbench).
#   bash benchmarks/run-w2-custom.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
DB=scim_bench_custom; PORT=18195; ADMIN=bench-admin-token-custom-$RANDOM$RANDOM
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SCIM_DB_USER=postgres SCIM_DB_POOL_SIZE=16 SCIM_HTTP_PORT=$PORT SCIM_TENANT_RATE_LIMIT=0 SCIM_ADMIN_TOKEN=$ADMIN java -Xmx1g -jar app/target/javelo-scim.jar > /tmp/w2custom-server.log 2>&1 &
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
run warm filter 40 >/dev/null; run warm filter-custom 40 >/dev/null
for pair in 1 2 3; do
  if (( pair % 2 )); then run "W2 userName" filter 10; run "W2 employeeCode" filter-custom 10; else run "W2 employeeCode" filter-custom 10; run "W2 userName" filter 10; fi
done
