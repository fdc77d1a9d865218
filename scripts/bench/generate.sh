#!/usr/bin/env bash
# The data of the indicators benchmark (issue 12), run by `./vivier bench generate [ENTRIES] [PURCHASES]` (default
# 1000000 each): a fresh database (BENCH_DATABASE, default vivier_bench_indicators) with 10 000 suppliers, 200 buyers,
# then ENTRIES sourcing journal entries and PURCHASES purchases with their holders over five years, written with COPY by
# fr.vivier.bench.IndicatorDataGenerator (seeded: the same data on every run; BENCH_GENERATOR_HEAP, default 512m: 1g for
# 10^7 purchases), then the indicators' pre-aggregates. Prints the time and the size of each table.
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
export VIVIER_DATABASE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE"
export VIVIER_DATABASE_USER=${VIVIER_DATABASE_USER:-vivier} VIVIER_DATABASE_PASSWORD=${VIVIER_DATABASE_PASSWORD:-vivier}
export VIVIER_SEARCH_INDEX_PREFIX=${BENCH_INDEX_PREFIX:-benchindicators-}
PSQL=${PSQL:-psql}
psql_bench() {
  PGPASSWORD=$VIVIER_DATABASE_PASSWORD "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$VIVIER_DATABASE_USER" "$@"
}
mkdir -p .vivier/logs

if [[ ${BENCH_BUILT:-} != yes ]]; then # already built by the indicators benchmark
  echo "Construction (mvn package + classpath des tests) ..."
  mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >.vivier/logs/bench-generate-build.log 2>&1 \
    || { echo "la construction a échoué, voir .vivier/logs/bench-generate-build.log" >&2; exit 1; }
fi
psql_bench -d postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"

echo "Génération dans la base $DATABASE : $ENTRIES contacts du journal, $PURCHASES achats ..."
start=$(date +%s.%N)
java "-Xmx${BENCH_GENERATOR_HEAP:-512m}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.vivier.bench.IndicatorDataGenerator \
  "$ENTRIES" "$PURCHASES" 2>.vivier/logs/bench-generate.log
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN {printf "  durée totale : %.1f s (démarrage et migrations compris)\n", e - s}'
psql_bench -d "$DATABASE" -c "
  SELECT t AS \"table\", to_char(n, 'FM999G999G999') AS lignes, pg_size_pretty(pg_total_relation_size(t::regclass)) AS \"taille (index compris)\"
  FROM (VALUES ('supplier', (SELECT count(*) FROM supplier)), ('sourcing_entry', (SELECT count(*) FROM sourcing_entry)),
               ('purchase', (SELECT count(*) FROM purchase)), ('purchase_party', (SELECT count(*) FROM purchase_party))) v (t, n)" \
  -c "SELECT pg_size_pretty(pg_database_size(current_database())) AS \"taille de la base\""
