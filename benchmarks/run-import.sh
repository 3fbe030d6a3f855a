#!/usr/bin/env bash
# W8 (docs/benchmarks.md): importing a company's 10,000 existing people from one CSV through
# POST /admin/v1/tenants/{id}/imports, on PostgreSQL: the dry run, then the import itself, each
# timed by curl (target: the import under 30 s). Then the same file again (10,000 unchanged rows).
#   bash benchmarks/run-import.sh        (ROWS=10000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000}
PORT=${PORT:-18182}
DB=scim_bench_import
ADMIN=bench-import-admin-$$-$RANDOM$RANDOM
OUT=benchmarks/results
mkdir -p "$OUT"
[ -f app/target/javelo-scim.jar ] || mvn -B -q -DskipTests package
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
SCIM_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB SCIM_DB_USER=postgres SCIM_HTTP_PORT=$PORT \
  SCIM_ADMIN_TOKEN=$ADMIN java -Xmx1g -jar app/target/javelo-scim.jar > "$OUT/import-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.2; done
TENANT=$(curl -sf -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  "http://127.0.0.1:$PORT/admin/v1/tenants" -d '{"name":"Import"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# A production database holds other companies and autovacuum keeps its statistics; this machine's
# PostgreSQL runs without autovacuum, so seed 20,000 users of another company and analyze, as
# run.sh does. (On a brand-new, never-analyzed database PostgreSQL plans the per-row look-ups as
# scans of a table it believes empty: the same import took 71 s; docs/benchmarks.md, W8.)
OTHER=$(curl -sf -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  "http://127.0.0.1:$PORT/admin/v1/tenants" -d '{"name":"Other"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
$PSQL -d $DB -v other="$OTHER" <<'SQL'
INSERT INTO users (tenant_id, id, user_name, user_name_key, active, origin, profile, created, last_modified, version)
SELECT :'other', 'other-' || g, 'user' || g || '@other.example', 'user' || g || '@other.example', true, 'PROVISIONED',
       ('{"userName":"user' || g || '@other.example"}')::jsonb, now(), now(), 1
FROM generate_series(1, 20000) AS g;
INSERT INTO user_emails (tenant_id, user_id, ordinal, email, email_key, email_type, is_primary)
SELECT tenant_id, id, 0, user_name, user_name_key, 'work', true FROM users WHERE tenant_id = :'other';
VACUUM (ANALYZE) users, user_emails, events;
SQL
CSV=/tmp/scim-bench-import.csv
python3 - "$ROWS" > "$CSV" <<'PY'
import sys
rows = int(sys.argv[1])
print("userName,givenName,familyName,email,title,department,managerEmail,active")
for i in range(1, rows + 1):
    manager = f"person{(i - 1) // 10 + 1}@acme.example" if i > 10 else ""
    print(f"person{i}@acme.example,Given{i},Family{i},person{i}@acme.example,Engineer,Dept{i % 40},{manager},true")
PY
echo "W8: $(wc -l < "$CSV") lines, $(wc -c < "$CSV") bytes"
import() { # label, query
  curl -s -o "$OUT/import-$1.json" -w "{\"label\":\"W8 $1\",\"status\":%{http_code},\"seconds\":%{time_total}}\n" \
    -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: text/csv' --data-binary "@$CSV" \
    "http://127.0.0.1:$PORT/admin/v1/tenants/$TENANT/imports$2" | tee -a "$OUT/import.jsonl"
  python3 -c "import json; r = json.load(open('$OUT/import-$1.json')); print({k: r[k] for k in ('created', 'updated', 'unchanged', 'rejected', 'applied')})"
}
: > "$OUT/import.jsonl"
import dry-run "?dryRun=true"
import import ""
import again-unchanged "?dryRun=true"
