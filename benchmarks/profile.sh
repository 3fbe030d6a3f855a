#!/usr/bin/env bash
# Where a request's CPU goes: one server on a seeded PostgreSQL database (benchmarks/seed.sql, as
# run.sh seeds it), warmed up under W2, W7 and W1 (WARM seconds each, 90 by default: C2 compiles
# for about that long), then each workload for 20 s with
#   - the CPU time the service's JVM and the database's PostgreSQL backends spent, per request;
#   - async-profiler 4.1 (Maven Central tools.profiler:async-profiler, fetched into /tmp/ap) in
#     the JVM, event=ctimer every 1 ms: collapsed stacks in $OUTD/<workload>.collapsed;
#   - pg_stat_statements: each statement's calls and execution time, in $OUTD/<workload>.pgss.txt.
# pg_stat_statements must be preloaded (once, then restart PostgreSQL):
#   psql -h 127.0.0.1 -U postgres -c "ALTER SYSTEM SET shared_preload_libraries='pg_stat_statements'"
#   pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main restart
#   JAR=old.jar SEED=old-seed.sql OUTD=/tmp/prof-old bash benchmarks/profile.sh   # another build
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-app/target/javelo-scim.jar}; SEED=${SEED:-benchmarks/seed.sql}; OUTD=${OUTD:-benchmarks/results/profile}
mkdir -p "$OUTD"; OUTD=$(cd "$OUTD" && pwd); : > "$OUTD/summary.txt"
[ -f "$JAR" ] || mvn -B -q -DskipTests package
if [ ! -f /tmp/ap/linux-x64/libasyncProfiler.so ]; then
  mvn -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 -DoutputDirectory=/tmp/apd
  mkdir -p /tmp/ap && (cd /tmp/ap && unzip -o -q /tmp/apd/async-profiler-4.1-linux-x64.jar)
fi
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"; ADMIN=bench-admin-token-$$-x; port=18400; db=scim_prof
[ "$($PSQL -d postgres -At -c 'show shared_preload_libraries')" = pg_stat_statements ] \
  || { echo "pg_stat_statements is not preloaded: see the head of this script" >&2; exit 1; }
admin() { curl -sf -X "$1" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "http://127.0.0.1:$port$2" ${3:+-d "$3"}; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
env SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db SCIM_DB_USER=postgres SCIM_DB_POOL_SIZE=16 SCIM_HTTP_PORT=$port \
  SCIM_TENANT_RATE_LIMIT=0 SCIM_ADMIN_TOKEN=$ADMIN java -Xmx1g -jar "$JAR" > "$OUTD/server.log" 2>&1 &
PID=$!; trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
tenant() { admin POST /admin/v1/tenants "{\"name\":\"$1\"}" | json id; }
token() { admin POST "/admin/v1/tenants/$1/scim-token" | json token; }
big=$(tenant Big); small=$(tenant Small); other=$(tenant Other); full=$(tenant Full)
admin PUT "/admin/v1/tenants/$big/schema-extension" '{"attributes":[{"name":"employeeCode","type":"string","caseExact":true}]}' >/dev/null || true
$PSQL -d $db -v big="$big" -v small="$small" -v other="$other" -v full="$full" -f "$SEED"
$PSQL -d $db -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "VACUUM (ANALYZE)"
BT=$(token "$big"); CT=$(token "$(tenant Creates)")
$PSQL -d $db -At -c "SELECT id FROM users WHERE tenant_id = '$big' AND id LIKE 'big-%' ORDER BY id LIMIT 5000" > /tmp/prof-deact.txt
w() { local seconds=$1 script=$2; shift 2
  env "$@" LABEL="$script" WRK_DIR=benchmarks/wrk wrk -t2 -c16 -d"${seconds}s" -s "benchmarks/wrk/$script.lua" "http://127.0.0.1:$port" | tail -1; }
WARM=${WARM:-90}
w "$WARM" filter TOKEN="$BT" USERS=100000 >/dev/null
w "$WARM" deactivate TOKEN="$BT" USERS_FILE=/tmp/prof-deact.txt >/dev/null
w $((WARM / 2)) create TOKEN="$CT" PREFIX=warm >/dev/null
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() { pgrep -u postgres -f "$db " | sed 's|.*|/proc/&/stat|' | { xargs cat 2>/dev/null || true; } | awk '{t += $14 + $15} END {print t + 0}'; }
hz=$(getconf CLK_TCK)
for spec in "w2 filter TOKEN=$BT USERS=100000" "w7 deactivate TOKEN=$BT USERS_FILE=/tmp/prof-deact.txt" "w1 create TOKEN=$CT PREFIX=prof"; do
  set -- $spec; name=$1; script=$2; shift 2
  $PSQL -d $db -c "SELECT pg_stat_statements_reset()" >/dev/null
  jcmd $PID JVMTI.agent_load /tmp/ap/linux-x64/libasyncProfiler.so '"start,event=ctimer,interval=1ms"' >/dev/null
  j0=$(ticks $PID); p0=$(pg_ticks)
  line=$(w 20 "$script" "$@")
  j1=$(ticks $PID); p1=$(pg_ticks)
  jcmd $PID JVMTI.agent_load /tmp/ap/linux-x64/libasyncProfiler.so "\"stop,collapsed,file=$OUTD/$name.collapsed\"" >/dev/null
  python3 -c "import json,sys; r=json.loads(sys.argv[1]); n=max(r['requests'],1)
print(json.dumps({'workload': '$name', 'rate': r['rate'], 'errors': r['errors'],
  'jvm_cpu_ms': round(($j1-$j0)*1000/$hz/n, 4), 'pg_cpu_ms': round(($p1-$p0)*1000/$hz/n, 4)}))" "$line" | tee -a "$OUTD/summary.txt"
  $PSQL -d $db -c "SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round((total_exec_time / calls)::numeric, 4) AS ms_per_call,
    rows, left(regexp_replace(query, '\s+', ' ', 'g'), 140) AS statement FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12" > "$OUTD/$name.pgss.txt"
done
