#!/usr/bin/env bash
# W4 (Okta initial push, Group Push), W5 (W1 under -Xmx256m against the default heap) and W6
# (start to first 200 against a bare Jersey + Grizzly server). Called by run.sh; runs alone too.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-3}
RUN=${SECONDS_PER_RUN:-10}
PORT=${PORT:-18182}
OUT=benchmarks/results
mkdir -p "$OUT"
RESULTS="$OUT/extra.jsonl"
: > "$RESULTS"
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
DRIVER="java -Xmx512m -cp benchmarks/target/benchmarks.jar com.javelo.scim.benchmarks.driver.LoadDriver"
BASE=base=http://127.0.0.1:$PORT/scim/v2
JAR=app/target/javelo-scim.jar
now_ms() { date +%s%3N; }

fresh_db() { $PSQL -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }
export SCIM_DB_USER=postgres SCIM_HTTP_PORT=$PORT SCIM_DB_POOL_SIZE=16

# W6: migrated, empty database; a tenant and token made beforehand with the CLI.
fresh_db scim_start
export SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/scim_start
java -jar $JAR migrate 2>/dev/null
TENANT=$(java -jar $JAR tenant create Start 2>/dev/null)
TOKEN=$(java -jar $JAR token issue "$TENANT" 2>/dev/null)
start_scim() {
  local t0 pid rss
  t0=$(now_ms)
  java -jar $JAR > /dev/null 2>&1 & pid=$!
  until curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/scim/v2/ServiceProviderConfig" >/dev/null; do sleep 0.01; done
  rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  echo "{\"label\":\"W6 service start\",\"ms\":$(( $(now_ms) - t0 )),\"peak_rss_kib\":$rss}" | tee -a "$RESULTS"
  kill $pid; wait $pid 2>/dev/null || true
}
start_hello() {
  local t0 pid rss
  t0=$(now_ms)
  java -cp benchmarks/target/benchmarks.jar com.javelo.scim.benchmarks.hello.HelloServer $PORT > /dev/null 2>&1 & pid=$!
  until curl -sf "http://127.0.0.1:$PORT/hello" >/dev/null; do sleep 0.01; done
  rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  echo "{\"label\":\"W6 bare Jersey start\",\"ms\":$(( $(now_ms) - t0 )),\"peak_rss_kib\":$rss}" | tee -a "$RESULTS"
  kill $pid; wait $pid 2>/dev/null || true
}
for _ in $(seq 1 "$PAIRS"); do start_scim; start_hello; done

# W4 and W5 on a fresh database.
fresh_db scim_push
export SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/scim_push
serve() { # heap option
  java $1 -jar $JAR > "$OUT/server-extra.log" 2>&1 & SERVER=$!
  until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; do sleep 0.05; done
}
stop() { kill $SERVER; wait $SERVER 2>/dev/null || true; }
token_for() {
  local tenant
  tenant=$(java -jar $JAR tenant create "$1" 2>/dev/null)
  java -jar $JAR token issue "$tenant" 2>/dev/null
}
serve -Xmx1g
echo "warm-up: 60 s of creates"
$DRIVER create token="$(token_for Warm)" threads=8 seconds=60 prefix=warm "$BASE" >/dev/null
for c in 4 16; do
  T=$(token_for "Push$c")
  $DRIVER push token="$T" threads=$c count=10000 prefix="push$c" "$BASE" \
    | python3 -c "import json,sys; d=json.load(sys.stdin); d['label']='W4 push 10k x$c'; print(json.dumps(d))" | tee -a "$RESULTS"
done
$PSQL -d scim_push -At -c "SELECT id FROM users WHERE user_name LIKE 'push16-%' LIMIT 10000" > /tmp/scim-bench-group.txt
$DRIVER group-build token="$T" usersFile=/tmp/scim-bench-group.txt prefix=pushed-group "$BASE" \
  | python3 -c "import json,sys; d=json.load(sys.stdin); d['label']='W4 group build 10k'; print(json.dumps(d))" | tee -a "$RESULTS"
stop
for pair in $(seq 1 "$PAIRS"); do
  for heap in -Xmx1g -Xmx256m; do
    serve $heap
    $DRIVER create token="$(token_for "W5$pair$heap")" threads=16 seconds=20 prefix="w5$pair$heap" "$BASE" \
      | python3 -c "import json,sys; d=json.load(sys.stdin); d['label']='W5 create $heap'; print(json.dumps(d))" | tee -a "$RESULTS"
    stop
  done
done
