#!/usr/bin/env bash
# Two builds or two settings of the service side by side, in one run: W1 (user creates, 16
# connections), W2 (the userName filter Okta and Entra send before every push, 16 connections)
# and W7's deactivation (Okta's PATCH active=false/true, 16 connections), each measured on server A
# and on server B in alternating order, pair after pair, after a warm-up of both. Each server has a
# PostgreSQL database of its own, seeded alike (benchmarks/seed.sql: 100,000 users in the tenant
# W2 and W7 use); both stay up for the whole run, and only one is loaded at a time.
#
#   JAR_B=/path/to/other.jar bash benchmarks/run-ab.sh           # an older build (A) against this one (B)
#   ENV_B="SCIM_ACTIVITY_LOG=off" bash benchmarks/run-ab.sh       # this build: activity log on (A) vs off (B)
#
# JAR_A, JAR_B default to app/target/javelo-scim.jar; ENV_A and ENV_B are extra VAR=value settings;
# SEED_A, SEED_B the seed scripts (default benchmarks/seed.sql; an older build needs the seed of its
# own schema, e.g. SEED_A=<(git show 0a216b5:benchmarks/seed.sql)).
# SIDES="A B C D" compares more builds or settings (JAR_C, ENV_C, SEED_C…), each against A, in one run.
# WORKLOADS="w2 w2c" measures only those (w1, w2, w7 by default; w2c is W2's second look-up, the
# big tenant's declared employeeCode, issue #15).
# PAIRS=5 WARMUP=240 SECONDS_PER_RUN=10 by default (C2 compiles the request paths for some 90 s of
# load per workload on this 2-core machine: a shorter warm-up measures the compiler, not the service). Prints each figure's B/A ratio (median of pairs)
# and the CPU each request cost the service's JVM and PostgreSQL (medians, milliseconds).
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-5}
WARMUP=${WARMUP:-240}
RUN=${SECONDS_PER_RUN:-10}
SIDES=${SIDES:-A B}
OUT=benchmarks/results
mkdir -p "$OUT"
RESULTS="$OUT/ab.jsonl"
: > "$RESULTS"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f app/target/javelo-scim.jar ] || mvn -B -q -DskipTests package
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
ADMIN=bench-admin-token-$$-$RANDOM
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

declare -A PORT TOKEN BIG_TOKEN JVM_PID
admin() { curl -sf -X "$2" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "http://127.0.0.1:$1$3" ${4:+-d "$4"}; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
start() { # side, jar, env, port, seed
  local side=$1 jar=$2 env=$3 port=$4 seed=$5 db=scim_bench_${1,,}
  $PSQL -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  # shellcheck disable=SC2086
  # A side's own settings ($env) come last, so that they override these (e.g. the rate limit).
  env SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db SCIM_DB_USER=postgres SCIM_DB_POOL_SIZE=16 \
    SCIM_HTTP_PORT=$port SCIM_TENANT_RATE_LIMIT=0 SCIM_ADMIN_TOKEN=$ADMIN $env java -Xmx1g -jar "$jar" > "$OUT/server-$side.log" 2>&1 &
  PIDS+=($!)
  JVM_PID[$side]=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.2; done
  PORT[$side]=$port
  tenant() { admin "$port" POST /admin/v1/tenants "{\"name\":\"$1\"}" | json id; }
  token() { admin "$port" POST "/admin/v1/tenants/$1/scim-token" | json token; }
  local big small other full
  big=$(tenant Big); small=$(tenant Small); other=$(tenant Other); full=$(tenant Full)
  # As run.sh: the big tenant declares the attribute its seeded people carry (W2's second look-up);
  # a build from before declarations (#15) just carries it.
  admin "$port" PUT "/admin/v1/tenants/$big/schema-extension" \
    '{"attributes":[{"name":"employeeCode","type":"string","caseExact":true}]}' > /dev/null || true
  $PSQL -d "$db" -v big="$big" -v small="$small" -v other="$other" -v full="$full" -f "$seed"
  $PSQL -d "$db" -c "VACUUM (ANALYZE)"
  BIG_TOKEN[$side]=$(token "$big")
  TOKEN[$side]=$(token "$(tenant Creates)")
  $PSQL -d "$db" -At -c "SELECT id FROM users WHERE tenant_id = '$big' AND id LIKE 'big-%' ORDER BY id LIMIT 5000" \
    > "/tmp/scim-ab-deactivate-$side.txt"
}
port=18190
for side in $SIDES; do
  jar=JAR_$side env=ENV_$side seed=SEED_$side port=$((port + 1))
  start "$side" "${!jar:-app/target/javelo-scim.jar}" "${!env:-}" "$port" "${!seed:-benchmarks/seed.sql}"
done

# CPU time (clock ticks) of the side's JVM, and of the PostgreSQL backends serving its database
# (not the checkpointer or WAL writer, which every side shares and which wake after others' writes).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() { pgrep -u postgres -f "scim_bench_${1,,} " | sed 's|.*|/proc/&/stat|' | { xargs cat 2>/dev/null || true; } \
  | awk '{t += $14 + $15} END {print t + 0}'; }
wrkrun() { # side, label, script, then VAR=value settings for the script
  local side=$1 label=$2 script=$3 line jvm0 pg0 jvm1 pg1; shift 3
  jvm0=$(ticks "${JVM_PID[$side]}"); pg0=$(pg_ticks "$side")
  line=$(env "$@" LABEL="$label $side" WRK_DIR=benchmarks/wrk wrk -t2 -c16 -d"${RUN}s" \
    -s "benchmarks/wrk/$script.lua" "http://127.0.0.1:${PORT[$side]}" | tail -1)
  jvm1=$(ticks "${JVM_PID[$side]}"); pg1=$(pg_ticks "$side")
  python3 -c "import json,sys; r=json.loads(sys.argv[1]); hz=$(getconf CLK_TCK); n=max(r['requests'],1)
r['jvm_cpu_ms']=round(($jvm1-$jvm0)*1000/hz/n,4); r['pg_cpu_ms']=round(($pg1-$pg0)*1000/hz/n,4); print(json.dumps(r))" "$line" \
    | tee -a "$RESULTS"
}
w1() { wrkrun "$1" "W1 create x16" create TOKEN="${TOKEN[$1]}" PREFIX="ab$pair$1"; }
w2() { wrkrun "$1" "W2 filter 100k x16" filter TOKEN="${BIG_TOKEN[$1]}" USERS=100000; }
w7() { wrkrun "$1" "W7 deactivate x16" deactivate TOKEN="${BIG_TOKEN[$1]}" USERS_FILE="/tmp/scim-ab-deactivate-$1.txt"; }
w2c() { wrkrun "$1" "W2 custom attribute 100k x16" filter-custom TOKEN="${BIG_TOKEN[$1]}" USERS=100000; }
WORKLOADS=${WORKLOADS:-w1 w2 w7}

echo "warm-up: ${WARMUP}s of each workload on each server"
pair=0
for side in $SIDES; do
  # shellcheck disable=SC2086
  (RUN=$(( WARMUP / $(echo $WORKLOADS | wc -w) )); for workload in $WORKLOADS; do $workload $side; done) > /dev/null
done
: > "$RESULTS"
# Where pg_stat_statements is preloaded (see benchmarks/profile.sh), each side's statements over the
# pairs go to $OUT/ab-statements-<side>.txt: its times are wall-clock, and the idle side's background
# statements run while the other side loads both cores, so compare per-call times of the loaded side.
PGSS=$($PSQL -d postgres -At -c "SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'" 2>/dev/null || echo 0)
[ "$PGSS" = 1 ] && $PSQL -d postgres -c "SELECT pg_stat_statements_reset()" > /dev/null
for pair in $(seq 1 "$PAIRS"); do
  if (( pair % 2 )); then order="$SIDES"; else order=$(echo "$SIDES" | tr ' ' '\n' | tac | tr '\n' ' '); fi
  for workload in $WORKLOADS; do for side in $order; do $workload $side; done; done
done
if [ "$PGSS" = 1 ]; then
  for side in $SIDES; do
    $PSQL -d postgres -c "SELECT s.calls, round(s.total_exec_time::numeric, 1) AS total_ms,
        round(s.mean_exec_time::numeric, 4) AS ms_per_call, s.rows, left(regexp_replace(s.query, '\s+', ' ', 'g'), 140) AS statement
      FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'scim_bench_${side,,}'
      ORDER BY s.total_exec_time DESC LIMIT 10" > "$OUT/ab-statements-$side.txt"
  done
fi
python3 - "$RESULTS" $SIDES <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
labels = ("W1 create x16", "W2 filter 100k x16", "W2 custom attribute 100k x16", "W7 deactivate x16")
for label in [l for l in labels if any(r["label"] == l + " A" for r in rows)]:
  for b_side in sys.argv[3:]:
    a = [r["rate"] for r in rows if r["label"] == label + " A"]
    b = [r["rate"] for r in rows if r["label"] == label + " " + b_side]
    ratios = [y / x for x, y in zip(a, b) if x]
    cpu = lambda side, key: round(statistics.median(
        r[key] for r in rows if r["label"] == label + " " + side), 4)
    print(json.dumps({"workload": label, "B": b_side, "A req/s": a, "B req/s": b,
                      "B/A median": round(statistics.median(ratios), 3),
                      "B/A min..max": [round(min(ratios), 3), round(max(ratios), 3)],
                      "JVM CPU ms/request A, B": [cpu("A", "jvm_cpu_ms"), cpu(b_side, "jvm_cpu_ms")],
                      "PostgreSQL CPU ms/request A, B": [cpu("A", "pg_cpu_ms"), cpu(b_side, "pg_cpu_ms")],
                      "errors": sum(r.get("errors", 0) for r in rows if r["label"] == label + " " + b_side)}))
PY
