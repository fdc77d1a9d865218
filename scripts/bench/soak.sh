#!/usr/bin/env bash
# The soak run of `./vivier bench soak`: the portal jar, started like `./vivier run` starts it (heap VIVIER_HEAP,
# default 768m, -XX:+ExitOnOutOfMemoryError), with demo data in a fresh vivier_soak database and soak-* indices,
# under SOAK_MINUTES (30) of mixed traffic from SOAK_CLIENTS (8) clients, error paths included (fr.vivier.bench.Soak).
# The portal's heap is sampled every 10 s (jstat); figures go to scripts/bench/SOAK.md. Expects the local services up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PG_PORT=55432
ES_URL=${VIVIER_ELASTICSEARCH_URL:-http://127.0.0.1:59200}
PSQL=${PSQL:-psql}
HEAP=${VIVIER_HEAP:-768m}
export VIVIER_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/vivier_soak"
export VIVIER_DATABASE_USER=vivier VIVIER_DATABASE_PASSWORD=vivier
export VIVIER_ELASTICSEARCH_URL=$ES_URL VIVIER_SEARCH_INDEX_PREFIX=soak-
export VIVIER_SMTP_HOST=${VIVIER_SMTP_HOST:-127.0.0.1} VIVIER_SMTP_PORT=${VIVIER_SMTP_PORT:-53025}
export VIVIER_DEMO_DATA=true VIVIER_PORT=18081 BENCH_PORTAL=http://127.0.0.1:18081
# the clients all come from 127.0.0.1: the per-IP quota of anonymous posts would turn the error paths into 429s
export VIVIER_FORMS_MAX_PER_IP_PER_HOUR=100000000
export SOAK_OUT=.vivier/soak SOAK_MINUTES=${SOAK_MINUTES:-30} SOAK_CLIENTS=${SOAK_CLIENTS:-8}
LOGS=.vivier/logs
JAR=target/vivier-0.1.0.jar
mkdir -p "$LOGS" "$SOAK_OUT"

echo "Construction (mvn package + classpath des tests) ..."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >"$LOGS/soak-build.log" 2>&1 \
  || { echo "la construction a échoué, voir $LOGS/soak-build.log" >&2; exit 1; }

PGPASSWORD=vivier "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U vivier -d vivier <<'SQL'
DROP DATABASE IF EXISTS vivier_soak WITH (FORCE);
CREATE DATABASE vivier_soak;
SQL
curl -fsS "$ES_URL/_cat/indices?h=index&expand_wildcards=all" | while read -r index; do
  if [[ $index == soak-* ]]; then curl -fsS -X DELETE "$ES_URL/$index" >/dev/null; fi
done

PORTAL_PID="" SAMPLER_PID=""
cleanup() {
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -n $PORTAL_PID ]] && kill "$PORTAL_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

java "-Xms$HEAP" "-Xmx$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" >"$LOGS/soak-portal.log" 2>&1 &
PORTAL_PID=$!
deadline=$((SECONDS + 180))
until curl -fsS --max-time 2 "$BENCH_PORTAL/health" >/dev/null 2>&1; do
  kill -0 "$PORTAL_PID" 2>/dev/null || { echo "le portail s'est arrêté, voir $LOGS/soak-portal.log" >&2; exit 1; }
  ((SECONDS < deadline)) || { echo "le portail ne répond pas, voir $LOGS/soak-portal.log" >&2; exit 1; }
  sleep 1
done

# heap used (MB) every 10 s, from jstat: all generations (survivor + eden + old), and the old generation alone,
# where a leak would show as a floor that keeps rising
echo "seconds,heap_used_mb,old_used_mb" >"$SOAK_OUT/heap.csv"
(
  t0=$SECONDS
  while kill -0 "$PORTAL_PID" 2>/dev/null; do
    jstat -gc "$PORTAL_PID" 2>/dev/null | awk -v t=$((SECONDS - t0)) 'NR==2 {printf "%d,%.0f,%.0f\n", t, ($3+$4+$6+$8)/1024, $8/1024}' >>"$SOAK_OUT/heap.csv"
    sleep 10
  done
) &
SAMPLER_PID=$!

echo "Trafic mixte : $SOAK_CLIENTS clients pendant $SOAK_MINUTES min ..."
status=0
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.vivier.bench.Soak \
  2>"$SOAK_OUT/errors.log" || status=$?
alive=yes
kill -0 "$PORTAL_PID" 2>/dev/null || alive=no

heap_stats=$(awk -F, 'NR>1 {if (min=="" || $2<min) min=$2; if ($2>max) max=$2; if (omin=="" || $3<omin) omin=$3; if ($3>omax) omax=$3; last=$3}
  END {printf "%s %s %s %s %s", min, max, omin, omax, last}' "$SOAK_OUT/heap.csv")
read -r heap_min heap_max old_min old_max old_last <<<"$heap_stats"
{
  echo "# Soak run"
  echo
  echo "\`./vivier bench soak\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, portal heap $HEAP, $SOAK_CLIENTS clients, $SOAK_MINUTES min."
  echo
  echo "- $(cat "$SOAK_OUT/summary.txt" 2>/dev/null || echo 'no summary: the load client failed')"
  echo "- heap used (jstat, every 10 s): min ${heap_min:-?} MB, max ${heap_max:-?} MB; old generation: min ${old_min:-?} MB, max ${old_max:-?} MB, at the end ${old_last:-?} MB"
  echo "- portal still alive at the end: $alive"
  echo
  echo "Per minute (requests, unexpected answers, latency percentiles in ms):"
  echo
  echo '```'
  cat "$SOAK_OUT/minutes.csv" 2>/dev/null || true
  echo '```'
  echo
  echo "Heap samples (seconds, heap used MB, old generation MB), one a minute:"
  echo
  echo '```'
  awk 'NR==1 || NR%6==2' "$SOAK_OUT/heap.csv"
  echo '```'
} >scripts/bench/SOAK.md
cat scripts/bench/SOAK.md
[[ $alive == yes && $status == 0 ]]
