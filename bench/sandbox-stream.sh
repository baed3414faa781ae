#!/usr/bin/env bash
# Benchmark: the m365 sandbox's mail stream (POST /_sandbox/streams) at a sustained rate into four folders of
# three mailboxes, throttling off; prints the rate achieved (delivered / (finishedAt - startedAt)) and the
# worst lag behind the schedule (maxBehindMillis).
# Usage: bench/sandbox-stream.sh [mails] [per second, 0: as fast as possible]   (default 60000 at 1000/s: a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-60000}
PER_SECOND=${2:-1000}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; java $(java -version 2>&1 | head -1)"
mvn -B -q -DskipTests package -pl m365-sandbox
LOG=$(mktemp)
if ! java -cp m365-sandbox/target/m365-sandbox.jar dev.outlookflow.sandbox.bench.StreamBench "$COUNT" "$PER_SECOND" \
    > "$LOG" 2>&1; then
  tail -40 "$LOG" >&2
  echo "the benchmark failed; its log: $LOG" >&2
  exit 1
fi
grep '^BENCH' "$LOG"
rm -f "$LOG"
