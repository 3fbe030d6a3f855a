#!/usr/bin/env bash
# Every figure of run.sh and run-extra.sh (W1–W7) for an earlier commit and for this checkout, one
# after the other in one run, on the same machine, with the same settings: a change's before and
# after (issue #14 asks it of the tidy-up). Each side gets a fresh database, its own seed (the
# commit's benchmarks/seed.sql, for its schema) and its results directory; the two tables are
# printed side by side at the end. Every figure is already a ratio against a reference measured in
# the same side's run, so the sides compare even if the machine's speed drifts between them.
#
#   BEFORE=0a216b5 bash benchmarks/run-before-after.sh     # PAIRS=3 EXTRA_PAIRS=2 WARMUP=240 by default
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BEFORE:?BEFORE=<commit> to compare this checkout with}"
export PAIRS=${PAIRS:-3} EXTRA_PAIRS=${EXTRA_PAIRS:-2} SKIP_JMH=1
ROOT=benchmarks/results
mvn -B -q -DskipTests package # this checkout's jars (run-extra.sh's bare Jersey server is in benchmarks.jar)
WORKTREE=$(mktemp -d)/before
git worktree add --detach "$WORKTREE" "$BEFORE" >/dev/null
trap 'git worktree remove --force "$WORKTREE" 2>/dev/null || true' EXIT
(cd "$WORKTREE" && mvn -B -q -DskipTests -Dspotless.skip package)
mkdir -p "$ROOT/before" "$ROOT/after"
cp "$WORKTREE/app/target/javelo-scim.jar" "$ROOT/before/javelo-scim.jar"
git show "$BEFORE:benchmarks/seed.sql" > "$ROOT/before/seed.sql"
echo "== before: $BEFORE"
OUT=$ROOT/before JAR=$ROOT/before/javelo-scim.jar SEED=$ROOT/before/seed.sql bash benchmarks/run.sh
echo "== after: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')"
OUT=$ROOT/after bash benchmarks/run.sh
for side in before after; do
  echo "== $side"; cat "$ROOT/$side/latest.md" "$ROOT/$side/extra.md"
done
python3 benchmarks/side-by-side.py "$ROOT/before" "$ROOT/after" | tee "$ROOT/before-after.md"
