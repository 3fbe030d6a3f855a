#!/usr/bin/env bash
# W4 (Okta initial push, Group Push), W5 (W1 under -Xmx256m against the default heap) and W6
# (start to first 200 against a bare Jersey + Grizzly server). Called by run.sh; runs alone too.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-3}
RUN=${SECONDS_PER_RUN:-10}
PORT=${PORT:-18182}
OUT=${OUT:-benchmarks/results}
mkdir -p "$OUT"
RESULTS="$OUT/extra.jsonl"
: > "$RESULTS"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
# JAR: another build to measure (run.sh passes its own); bin/javelo-scim starts the same jar.
JAR=${JAR:-app/target/javelo-scim.jar}
export SCIM_JAR=$JAR
now_ms() { date +%s%3N; }

fresh_db() { $PSQL -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }
# No per-company rate limit: these workloads measure the service's own throughput (W9 measures the limit).
export SCIM_DB_USER=postgres SCIM_HTTP_PORT=$PORT SCIM_DB_POOL_SIZE=16 SCIM_TENANT_RATE_LIMIT=0

# W6: migrated, empty database; a tenant and token made beforehand with the CLI.
fresh_db scim_start
export SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/scim_start
java -jar $JAR migrate 2>/dev/null
TENANT=$(java -jar $JAR tenant create Start 2>/dev/null)
TOKEN=$(java -jar $JAR token issue "$TENANT" 2>/dev/null)
# Each start is timed from launch to the first 200, with the peak RSS at that moment; the server
# and the bare Jersey hello-world are started the same way each time: both plain `java`, then both
# with an AppCDS archive of their own classes (bin/javelo-scim, the service's production launcher,
# records and uses one; the hello-world gets one recorded the same way).
first_200() { # label, pid, url, then curl options
  local label=$1 pid=$2 url=$3 t0=$4 rss; shift 4
  until curl -sf "$@" "$url" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: the process exited before answering" >&2; exit 1; }
    sleep 0.01
  done
  rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  echo "{\"label\":\"$label\",\"ms\":$(( $(now_ms) - t0 )),\"peak_rss_kib\":$rss}" | tee -a "$RESULTS"
  stop_process "$pid"
}
# A process that outlived its start would answer the next start's first request: wait for it to
# go (TERM, so that an archive being recorded is written), and kill it if it lingers.
stop_process() {
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
port_free() { ! curl -s -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null || { echo "port $PORT is in use" >&2; exit 1; }; }
SCIM_URL="http://127.0.0.1:$PORT/scim/v2/ServiceProviderConfig"
HELLO_URL="http://127.0.0.1:$PORT/hello"
HELLO="-cp benchmarks/target/benchmarks.jar com.javelo.scim.benchmarks.hello.HelloServer $PORT"
HELLO_JSA=benchmarks/target/hello.jsa
start_scim() { local t0; port_free; t0=$(now_ms); java -jar $JAR > /dev/null 2>&1 & first_200 "W6 service start" $! "$SCIM_URL" "$t0" -H "Authorization: Bearer $TOKEN"; }
start_hello() { local t0; port_free; t0=$(now_ms); java $HELLO > /dev/null 2>&1 & first_200 "W6 bare Jersey start" $! "$HELLO_URL" "$t0"; }
start_scim_cds() { local t0; port_free; t0=$(now_ms); bin/javelo-scim > /dev/null 2>&1 & first_200 "W6 service start (CDS)" $! "$SCIM_URL" "$t0" -H "Authorization: Bearer $TOKEN"; }
start_hello_cds() { local t0; port_free; t0=$(now_ms); java -XX:SharedArchiveFile=$HELLO_JSA -Xshare:auto -Xlog:cds=off $HELLO > /dev/null 2>&1 & first_200 "W6 bare Jersey start (CDS)" $! "$HELLO_URL" "$t0"; }
for _ in $(seq 1 "$PAIRS"); do start_scim; start_hello; done
# Record both archives once (a start that serves one request), then time the starts that use them.
rm -f "${JAR%.jar}.jsa" "$HELLO_JSA"
bin/javelo-scim > /dev/null 2>&1 & first_200 "W6 recording the service archive" $! "$SCIM_URL" "$(now_ms)" -H "Authorization: Bearer $TOKEN"
java -XX:ArchiveClassesAtExit=$HELLO_JSA -Xlog:cds=off -Xlog:cds+dynamic=off $HELLO > /dev/null 2>&1 & first_200 "W6 recording the hello archive" $! "$HELLO_URL" "$(now_ms)"
for _ in $(seq 1 "$PAIRS"); do start_scim_cds; start_hello_cds; done

# W4 and W5 on a fresh database.
fresh_db scim_push
export SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/scim_push
serve() { # heap option
  java $1 -jar $JAR > "$OUT/server-extra.log" 2>&1 & SERVER=$!
  until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; do sleep 0.05; done
}
stop() { stop_process $SERVER; }
token_for() {
  local tenant
  tenant=$(java -jar $JAR tenant create "$1" 2>/dev/null)
  java -jar $JAR token issue "$tenant" 2>/dev/null
}
# W4's push runs in wrk, one connection per thread (see push.lua); each thread leaves a marker when
# its share is done, and SIGINT then makes wrk print its summary. Wall time is measured here.
push() { # connections, token, prefix
  local markers started pid
  markers=$(mktemp -d)
  started=$(now_ms)
  env TOKEN="$2" PREFIX="$3" COUNT=10000 THREADS="$1" DONE_DIR="$markers" LABEL="W4 push 10k x$1" \
    WRK_DIR=benchmarks/wrk wrk -t"$1" -c"$1" -d600s -s benchmarks/wrk/push.lua "http://127.0.0.1:$PORT" > "$markers/out" &
  pid=$!
  until [ "$(find "$markers" -name 'done-*' | wc -l)" -ge "$1" ]; do sleep 0.05; done
  local wall=$(( $(now_ms) - started ))
  kill -INT $pid; wait $pid || true
  local stored
  stored=$($PSQL -d scim_push -At -c "SELECT count(*) FROM users WHERE user_name LIKE '$3-%'")
  tail -1 "$markers/out" | python3 -c "import json,sys; d=json.load(sys.stdin); d['wall_s']=$wall/1000; d['stored']=$stored; print(json.dumps(d))" \
    | tee -a "$RESULTS"
  [ "$stored" -eq 10000 ] || { echo "MISMATCH: pushed 10000 users, stored $stored" >&2; exit 1; }
  rm -rf "$markers"
}
serve -Xmx1g
echo "warm-up: 90 s of mixed load (creates, filters, a group build)"
WARM_T=$(token_for Warm)
env TOKEN="$WARM_T" PREFIX=warm LABEL=warm WRK_DIR=benchmarks/wrk wrk -t1 -c8 -d90s -s benchmarks/wrk/create.lua "http://127.0.0.1:$PORT" >/dev/null & WARM_CREATE=$!
env TOKEN="$WARM_T" USERS=1000 DOMAIN=none.example LABEL=warm WRK_DIR=benchmarks/wrk wrk -t1 -c4 -d90s -s benchmarks/wrk/filter.lua "http://127.0.0.1:$PORT" >/dev/null & WARM_FILTER=$!
# W4's group build: Okta's Group Push (POST, then PATCHes of 100 members) in wrk, one connection;
# the script times it and leaves a marker when done, and wrk is stopped then.
group_build() { # label, token, users file, group name
  local markers pid
  markers=$(mktemp -d)
  env TOKEN="$2" USERS_FILE="$3" NAME="$4" DONE_DIR="$markers" LABEL="$1" WRK_DIR=benchmarks/wrk \
    wrk -t1 -c1 -d600s -s benchmarks/wrk/group.lua "http://127.0.0.1:$PORT" > "$markers/out" &
  pid=$!
  until [ -e "$markers/done-1" ]; do sleep 0.05; done
  kill -INT $pid; wait $pid || true
  tail -1 "$markers/out"
  rm -rf "$markers"
}
sleep 30
$PSQL -d scim_push -At -c "SELECT id FROM users WHERE user_name LIKE 'warm-%' LIMIT 10000" > /tmp/scim-bench-warm-group.txt
for i in $(seq 1 10); do # the group path is sequential: it should not pay for its own compilation
  group_build warm "$WARM_T" /tmp/scim-bench-warm-group.txt "warm-group-$i" >/dev/null
done
wait "$WARM_CREATE" "$WARM_FILTER" # not a bare wait: the server is a background job too
# This machine's PostgreSQL runs without autovacuum: analyze where autovacuum would have, so that
# the planner knows the tables (an unanalyzed group_members is scanned by group, not probed by id).
$PSQL -d scim_push -c "ANALYZE"
for c in 4 16; do
  T=$(token_for "Push$c")
  push "$c" "$T" "push$c"
done
$PSQL -d scim_push -c "ANALYZE"
$PSQL -d scim_push -At -c "SELECT id FROM users WHERE user_name LIKE 'push16-%' LIMIT 10000" > /tmp/scim-bench-group.txt
for i in $(seq 1 "$PAIRS"); do # the same 10,000 users into a new group each time
  group_build "W4 group build 10k" "$T" /tmp/scim-bench-group.txt "pushed-group-$i" | tee -a "$RESULTS"
done
stop
# W5: W1's creates under -Xmx256m against the default heap, a fresh server each, alternating.
for pair in $(seq 1 "$PAIRS"); do
  for heap in -Xmx1g -Xmx256m; do
    serve $heap
    # Each fresh server is warmed up first, so that the pair compares heaps, not two JITs at work.
    env TOKEN="$(token_for "W5warm$pair$heap")" PREFIX="w5warm$pair$heap" LABEL=warm WRK_DIR=benchmarks/wrk \
      wrk -t2 -c16 -d${W5_WARMUP:-45}s -s benchmarks/wrk/create.lua "http://127.0.0.1:$PORT" > /dev/null
    env TOKEN="$(token_for "W5$pair$heap")" PREFIX="w5$pair$heap" LABEL="W5 create $heap" WRK_DIR=benchmarks/wrk \
      wrk -t2 -c16 -d20s -s benchmarks/wrk/create.lua "http://127.0.0.1:$PORT" | tail -1 | tee -a "$RESULTS"
    stop
  done
done
python3 benchmarks/summarize-extra.py "$RESULTS" | tee "$OUT/extra.md"
