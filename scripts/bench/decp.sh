#!/usr/bin/env bash
# The DECP import benchmark of issue 12, run by `./vivier bench decp [N]` (default 100000): a fresh database
# (BENCH_DATABASE, default vivier_bench_decp), a seeded DECP 2.0 file of N contracts (fr.vivier.bench.DecpGenerator),
# then `java -Xmx512m -jar … import decp FILE` timed (the import is the command an authority runs), and run again
# (every record « inchangé »). The heap is capped at 512 MB: the import finishing is the proof it fits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
N=${1:-100000}
[[ $N =~ ^[0-9]+$ ]] || { echo "N invalide : $N" >&2; exit 1; }
PG_HOST=127.0.0.1
PG_PORT=55432
if [[ ${VIVIER_DATABASE_URL:-} =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/ ]]; then
  PG_HOST=${BASH_REMATCH[1]}
  PG_PORT=${BASH_REMATCH[3]:-5432}
fi
DATABASE=${BENCH_DATABASE:-vivier_bench_decp}
[[ $DATABASE =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "BENCH_DATABASE invalide : $DATABASE" >&2; exit 1; }
export VIVIER_DATABASE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DATABASE"
export VIVIER_DATABASE_USER=${VIVIER_DATABASE_USER:-vivier} VIVIER_DATABASE_PASSWORD=${VIVIER_DATABASE_PASSWORD:-vivier}
export VIVIER_SEARCH_INDEX_PREFIX=${BENCH_INDEX_PREFIX:-benchdecp-}
PSQL=${PSQL:-psql}
mkdir -p .vivier/bench .vivier/logs
FILE=.vivier/bench/decp-$N.json

echo "Construction (mvn package + classpath des tests) ..."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >.vivier/logs/bench-decp-build.log 2>&1 \
  || { echo "la construction a échoué, voir .vivier/logs/bench-decp-build.log" >&2; exit 1; }
PGPASSWORD=$VIVIER_DATABASE_PASSWORD "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$VIVIER_DATABASE_USER" \
  -d postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"

echo "Génération de $N marchés dans $FILE ..."
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.vivier.bench.DecpGenerator "$N" "$FILE"
ls -l "$FILE" | awk '{printf "  %.1f Mo\n", $5 / 1048576}'

for run in "premier import" "réimport (tout inchangé)"; do
  echo "$run : java -Xmx512m -jar target/vivier-0.1.0.jar import decp $FILE"
  start=$(date +%s.%N)
  java -Xmx512m -XX:+ExitOnOutOfMemoryError -Xlog:gc:file=.vivier/logs/bench-decp-gc.log -jar target/vivier-0.1.0.jar import decp "$FILE" \
    | grep -v '^…' | tail -3
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN {printf "  durée : %.1f s (démarrage du JVM et migrations compris)\n", e - s}'
  grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' .vivier/logs/bench-decp-gc.log | awk -F'[->()M]+' '{if ($1 > max) max = $1} END {printf "  tas utilisé au plus (avant GC) : %d Mo\n", max}'
done
