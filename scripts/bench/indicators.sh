#!/usr/bin/env bash
# The indicators benchmark of issue 13, run by `./vivier bench indicators [ENTRIES] [PURCHASES]` (default 1000000
# each): the data of `./vivier bench generate` in BENCH_DATABASE (default vivier_bench_indicators), reused when it
# already holds that many journal entries and purchases, otherwise generated; a staff account and the indicators'
# pre-aggregates; the portal jar on its own port (BENCH_PORT, default 18090); then BENCH_ROUNDS rounds (2) of
# fr.vivier.bench.IndicatorBenchmark: BENCH_RUNS (20) timed requests of each access-set indicator's page, of the open
# data API and of the dashboard for BENCH_YEAR (2026), side by side with BENCH_NAIVE_RUNS (5, after one unmeasured) of
# a naive GROUP BY over the raw tables for the same figures (the run fails if a figure differs), then reads just after
# a write. The tables, with the load average, go to .vivier/bench/indicators-PURCHASES.md and are printed at the end.
# BENCH_PORTAL_OPTS: more JVM options for the portal, e.g. -XX:StartFlightRecording=filename=indicators.jfr.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ENTRIES=${1:-1000000}
PURCHASES=${2:-1000000}
[[ $ENTRIES =~ ^[0-9]+$ && $PURCHASES =~ ^[0-9]+$ ]] || { echo "nombres invalides : $ENTRIES $PURCHASES" >&2; exit 1; }
PG_HOST=127.0.0.1
PG_PORT=55432
if [[ ${VIVIER_DATABASE_URL:-} =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/ ]]; then
  PG_HOST=${BASH_REMATCH[1]}
  PG_PORT=${BASH_REMATCH[3]:-5432}
fi
DATABASE=${BENCH_DATABASE:-vivier_bench_indicators}
[[ $DATABASE =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "BENCH_DATABASE invalide : $DATABASE" >&2; exit 1; }
export BENCH_DATABASE=$DATABASE
export VIVIER_DATABASE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE"
export VIVIER_DATABASE_USER=${VIVIER_DATABASE_USER:-vivier} VIVIER_DATABASE_PASSWORD=${VIVIER_DATABASE_PASSWORD:-vivier}
export VIVIER_ELASTICSEARCH_URL=${VIVIER_ELASTICSEARCH_URL:-http://127.0.0.1:59200}
export VIVIER_SEARCH_INDEX_PREFIX=${BENCH_INDEX_PREFIX:-benchindicators-}
export VIVIER_SMTP_HOST=${VIVIER_SMTP_HOST:-127.0.0.1} VIVIER_SMTP_PORT=${VIVIER_SMTP_PORT:-53025}
export VIVIER_PORT=${BENCH_PORT:-18090}
export BENCH_PORTAL=http://127.0.0.1:$VIVIER_PORT
YEAR=${BENCH_YEAR:-2026}
RUNS=${BENCH_RUNS:-20}
NAIVE_RUNS=${BENCH_NAIVE_RUNS:-5}
ROUNDS=${BENCH_ROUNDS:-2}
PSQL=${PSQL:-psql}
LOGS=.vivier/logs
OUT=.vivier/bench/indicators-$PURCHASES.md
JAR=target/vivier-0.1.0.jar
mkdir -p "$LOGS" .vivier/bench

echo "Construction (mvn package + classpath des tests) ..."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >"$LOGS/bench-indicators-build.log" 2>&1 \
  || { echo "la construction a échoué, voir $LOGS/bench-indicators-build.log" >&2; exit 1; }
bench() {
  java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.vivier.bench.IndicatorBenchmark "$@"
}

existing=$(PGPASSWORD=$VIVIER_DATABASE_PASSWORD "$PSQL" -X -q -t -A -h "$PG_HOST" -p "$PG_PORT" -U "$VIVIER_DATABASE_USER" -d "$DATABASE" \
  -c "SELECT (SELECT count(*) FROM sourcing_entry) || ' ' || (SELECT count(*) FROM purchase WHERE buyer_key = 'BENCH')" 2>/dev/null || true)
if [[ $existing == "$ENTRIES $PURCHASES" ]]; then
  echo "Données réutilisées : la base $DATABASE a déjà $ENTRIES contacts et $PURCHASES achats."
else
  BENCH_BUILT=yes scripts/bench/generate.sh "$ENTRIES" "$PURCHASES"
fi
bench prepare >"$LOGS/bench-indicators-prepare.log" 2>&1 \
  || { echo "préparation impossible, voir $LOGS/bench-indicators-prepare.log" >&2; exit 1; }
grep -a '^  pré-agrégats' "$LOGS/bench-indicators-prepare.log" || true

PORTAL_PID=""
stop_portal() {
  if [[ -n $PORTAL_PID ]]; then
    kill "$PORTAL_PID" 2>/dev/null || true
    wait "$PORTAL_PID" 2>/dev/null || true
    PORTAL_PID=""
  fi
}
trap stop_portal EXIT
# shellcheck disable=SC2086 # BENCH_PORTAL_OPTS holds several options
java -Xmx1g ${BENCH_PORTAL_OPTS:-} -jar "$JAR" >"$LOGS/bench-indicators-portal.log" 2>&1 &
PORTAL_PID=$!
deadline=$((SECONDS + 180))
until curl -fsS --max-time 2 "$BENCH_PORTAL/health" >/dev/null 2>&1; do
  kill -0 "$PORTAL_PID" 2>/dev/null || { echo "le portail s'est arrêté, voir $LOGS/bench-indicators-portal.log" >&2; exit 1; }
  ((SECONDS < deadline)) || { echo "le portail ne répond pas, voir $LOGS/bench-indicators-portal.log" >&2; exit 1; }
  sleep 1
done

printf '### %s achats, %s contacts du journal (%s)\n' "$PURCHASES" "$ENTRIES" "$(date -u '+%Y-%m-%d %H:%M UTC')" >"$OUT"
for ((round = 1; round <= ROUNDS; round++)); do
  echo "Tour $round / $ROUNDS ($RUNS mesures par ligne) ..."
  bench measure "$YEAR" "$RUNS" "$NAIVE_RUNS" "$OUT" "Tour $round"
done
stop_portal
echo
cat "$OUT"
