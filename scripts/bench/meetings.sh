#!/usr/bin/env bash
# The speed-meeting benchmark of issue 14, run by `./vivier bench meetings`: the scheduler alone (no database needed) on
# BENCH_TABLES (60) buyer tables, BENCH_SUPPLIERS (400) suppliers, BENCH_SLOTS (16) slots and BENCH_WISHES (3000) wishes
# drawn with BENCH_SEED (14) (fr.vivier.meetings.speed.SpeedMeetingBenchmark); exit code 1 when the build takes more than 10 s or
# satisfies less than 95 % of the upper bound. BENCH_HEAP (512m).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
LOGS=.vivier/logs
mkdir -p "$LOGS"

echo "Construction (classes et classpath des tests) ..."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >"$LOGS/bench-meetings-build.log" 2>&1 \
  || { echo "la construction a échoué, voir $LOGS/bench-meetings-build.log" >&2; exit 1; }

java -Xmx"${BENCH_HEAP:-512m}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" fr.vivier.meetings.speed.SpeedMeetingBenchmark
