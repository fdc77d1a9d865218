#!/usr/bin/env bash
# The search benchmark of issue 4, run by `./vivier bench search [N...]` (default: 10000 100000).
# For each N: a fresh database (vivier_bench) and fresh indices (bench-*); the portal jar on port 18080 (its
# indexer drains the outbox the generator writes); the query mix against the API, the HTML page,
# Elasticsearch and PostgreSQL; change-to-searchable delays; `java -jar … reindex` timed; a rebuild with
# BulkSupplierDocuments timed; the relevance set and the cost of each recall layer (in process, portal stopped).
# Then scripts/bench/RESULTS.md is rewritten. Expects the services up: the local
# ones, or existing ones named by VIVIER_DATABASE_URL (its host and port; the bench makes its own database there,
# with VIVIER_DATABASE_USER/PASSWORD) and VIVIER_ELASTICSEARCH_URL, as `./vivier` takes them.
# Tuning: BENCH_CLIENTS (16), BENCH_PORTAL_WARMUP (30 s of the whole mix through the portal before measuring),
# BENCH_WARMUP (3 s before each scenario), BENCH_SECONDS (12 s per scenario), BENCH_CHANGES (50),
# BENCH_LAYER_SECONDS (4 s per recall layer configuration, family and round), BENCH_LAYER_ROUNDS (3),
# BENCH_REINDEX=no to skip timing the current reindex command (slow at 100 000); on shared services,
# BENCH_DATABASE (vivier_bench, dropped and created for each N), BENCH_INDEX_PREFIX (bench-, its indices are
# deleted for each N) and BENCH_PORT (18080) keep several people's runs apart. BENCH_PORTAL_OPTS: more JVM
# options for the portal, e.g. -XX:StartFlightRecording=filename=portal.jfr to profile it under load.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

SIZES=("$@")
((${#SIZES[@]})) || SIZES=(10000 100000)
for n in "${SIZES[@]}"; do [[ $n =~ ^[0-9]+$ ]] || { echo "N invalide : $n" >&2; exit 1; }; done

PG_HOST=127.0.0.1
PG_PORT=55432
if [[ ${VIVIER_DATABASE_URL:-} =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/ ]]; then
  PG_HOST=${BASH_REMATCH[1]}
  PG_PORT=${BASH_REMATCH[3]:-5432}
fi
DATABASE=${BENCH_DATABASE:-vivier_bench}
INDEX_PREFIX=${BENCH_INDEX_PREFIX:-bench-}
[[ $DATABASE =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "BENCH_DATABASE invalide : $DATABASE" >&2; exit 1; }
[[ $INDEX_PREFIX =~ ^[a-z0-9][a-z0-9_-]*-$ ]] || { echo "BENCH_INDEX_PREFIX invalide (minuscules, finit par -) : $INDEX_PREFIX" >&2; exit 1; }
ES_URL=${VIVIER_ELASTICSEARCH_URL:-http://127.0.0.1:59200}
PSQL=${PSQL:-psql}
export VIVIER_DATABASE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE"
export VIVIER_DATABASE_USER=${VIVIER_DATABASE_USER:-vivier} VIVIER_DATABASE_PASSWORD=${VIVIER_DATABASE_PASSWORD:-vivier}
export VIVIER_ELASTICSEARCH_URL=$ES_URL VIVIER_SEARCH_INDEX_PREFIX=$INDEX_PREFIX
export VIVIER_SMTP_HOST=${VIVIER_SMTP_HOST:-127.0.0.1} VIVIER_SMTP_PORT=${VIVIER_SMTP_PORT:-53025}
export VIVIER_PORT=${BENCH_PORT:-18080}
export BENCH_PORTAL=http://127.0.0.1:$VIVIER_PORT
export BENCH_OUT=.vivier/bench BENCH_COMMAND="./vivier bench search${*:+ $*}"
LOGS=.vivier/logs
JAR=target/vivier-0.1.0.jar
mkdir -p "$LOGS"

echo "Construction (mvn package + classpath des tests) ..."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >"$LOGS/bench-build.log" 2>&1 \
  || { echo "la construction a échoué, voir $LOGS/bench-build.log" >&2; exit 1; }

bench() {
  java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.vivier.bench.SearchBenchmark "$@"
}

reset_data() {
  PGPASSWORD=$VIVIER_DATABASE_PASSWORD "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$VIVIER_DATABASE_USER" \
    -d postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"
  local alias index
  curl -fsS "$ES_URL/_cat/aliases?h=alias,index" | while read -r alias index; do
    if [[ $alias == "$INDEX_PREFIX"* ]]; then curl -fsS -X DELETE "$ES_URL/$index/_alias/$alias" >/dev/null; fi
  done
  curl -fsS "$ES_URL/_cat/indices?h=index&expand_wildcards=all" | while read -r index; do
    if [[ $index == "$INDEX_PREFIX"* ]]; then curl -fsS -X DELETE "$ES_URL/$index" >/dev/null; fi
  done
}

PORTAL_PID=""
stop_portal() {
  if [[ -n $PORTAL_PID ]]; then
    kill "$PORTAL_PID" 2>/dev/null || true
    wait "$PORTAL_PID" 2>/dev/null || true
    PORTAL_PID=""
  fi
}
trap stop_portal EXIT

start_portal() {
  # shellcheck disable=SC2086 # BENCH_PORTAL_OPTS holds several options
  java -Xmx1g ${BENCH_PORTAL_OPTS:-} -jar "$JAR" >"$LOGS/bench-portal.log" 2>&1 &
  PORTAL_PID=$!
  local deadline=$((SECONDS + 120))
  until curl -fsS --max-time 2 "$BENCH_PORTAL/health" >/dev/null 2>&1; do
    kill -0 "$PORTAL_PID" 2>/dev/null || { echo "le portail s'est arrêté, voir $LOGS/bench-portal.log" >&2; exit 1; }
    ((SECONDS < deadline)) || { echo "le portail ne répond pas, voir $LOGS/bench-portal.log" >&2; exit 1; }
    sleep 1
  done
}

rm -rf "$BENCH_OUT"
for n in "${SIZES[@]}"; do
  echo "== N = $n"
  reset_data
  start_portal
  echo "Chargement ..."
  bench load "$n"
  echo "Mesures (${BENCH_CLIENTS:-16} clients, ${BENCH_SECONDS:-12} s par scénario) ..."
  BENCH_PORTAL_PID=$PORTAL_PID bench measure "$n"
  stop_portal
  echo "Pertinence et coût des couches de rappel (${BENCH_LAYER_ROUNDS:-3} tours de ${BENCH_LAYER_SECONDS:-4} s par configuration) ..."
  bench relevance "$n"
  if [[ ${BENCH_REINDEX:-yes} != no ]]; then
    echo "java -jar $JAR reindex ..."
    started=$(date +%s.%N)
    java -Xmx1g -jar "$JAR" reindex >"$LOGS/bench-reindex.log" 2>&1 \
      || { echo "la reconstruction a échoué, voir $LOGS/bench-reindex.log" >&2; exit 1; }
    elapsed=$(awk -v from="$started" -v to="$(date +%s.%N)" 'BEGIN { printf "%.1f", to - from }')
    echo "  reconstruction (SupplierReindexer, JVM comprise) : $elapsed s"
    bench record "$n" reindex.seconds "$elapsed"
  fi
  bench bulk-reindex "$n"
done
bench report scripts/bench/RESULTS.md
