#!/usr/bin/env bash
# The programming benchmark of issue 11, run by `./vivier bench programming`: a fresh database (BENCH_DATABASE,
# vivier_bench_programming) and fresh indices (BENCH_INDEX_PREFIX, benchprog-) on the services named by
# VIVIER_DATABASE_URL (host and port) and VIVIER_ELASTICSEARCH_URL, as the search benchmark takes them;
# BENCH_SUPPLIERS (100000) generated suppliers, BENCH_LINES (1000) published lines; the matching of each line and one
# publication run of the alerts timed, with the heap's peak (fr.vivier.bench.ProgrammingBenchmark). BENCH_HEAP (1g).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PG_HOST=127.0.0.1
PG_PORT=55432
if [[ ${VIVIER_DATABASE_URL:-} =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/ ]]; then
  PG_HOST=${BASH_REMATCH[1]}
  PG_PORT=${BASH_REMATCH[3]:-5432}
fi
DATABASE=${BENCH_DATABASE:-vivier_bench_programming}
INDEX_PREFIX=${BENCH_INDEX_PREFIX:-benchprog-}
[[ $DATABASE =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "BENCH_DATABASE invalide : $DATABASE" >&2; exit 1; }
[[ $INDEX_PREFIX =~ ^[a-z0-9][a-z0-9_-]*-$ ]] || { echo "BENCH_INDEX_PREFIX invalide (minuscules, finit par -) : $INDEX_PREFIX" >&2; exit 1; }
ES_URL=${VIVIER_ELASTICSEARCH_URL:-http://127.0.0.1:59200}
PSQL=${PSQL:-psql}
export VIVIER_DATABASE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE"
export VIVIER_DATABASE_USER=${VIVIER_DATABASE_USER:-vivier} VIVIER_DATABASE_PASSWORD=${VIVIER_DATABASE_PASSWORD:-vivier}
export VIVIER_ELASTICSEARCH_URL=$ES_URL VIVIER_SEARCH_INDEX_PREFIX=$INDEX_PREFIX
LOGS=.vivier/logs
mkdir -p "$LOGS"

echo "Construction (classes et classpath des tests) ..."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >"$LOGS/bench-programming-build.log" 2>&1 \
  || { echo "la construction a échoué, voir $LOGS/bench-programming-build.log" >&2; exit 1; }

PGPASSWORD=$VIVIER_DATABASE_PASSWORD "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$VIVIER_DATABASE_USER" \
  -d postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"
curl -fsS "$ES_URL/_cat/aliases?h=alias,index" | while read -r alias index; do
  if [[ $alias == "$INDEX_PREFIX"* ]]; then curl -fsS -X DELETE "$ES_URL/$index/_alias/$alias" >/dev/null; fi
done
curl -fsS "$ES_URL/_cat/indices?h=index&expand_wildcards=all" | while read -r index; do
  if [[ $index == "$INDEX_PREFIX"* ]]; then curl -fsS -X DELETE "$ES_URL/$index" >/dev/null; fi
done

java -Xmx"${BENCH_HEAP:-1g}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.vivier.bench.ProgrammingBenchmark
