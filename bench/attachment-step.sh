#!/usr/bin/env bash
# Benchmark: what the runtime's extension contract costs a step carrying a 20 MB attachment (resolve,
# validate, display copy, seal, bind, execute, output), through its HTTP API, with an action that only
# measures what it got. Usage: bench/attachment-step.sh [runs]   (default 10, after 3 warm-up runs)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
mvn -B -q install -DskipTests
log=$(mktemp)
# A benchmark that fails (a run that did not succeed, an assertion) fails this script.
if ! mvn -B -Pbench verify -pl flow-runtime-stub -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=AttachmentStepBench -Dbench.runs="$RUNS" > "$log" 2>&1; then
  grep -E 'FAIL|ERROR' "$log" | head -40 >&2 || true
  echo "the benchmark failed; its log: $log" >&2
  exit 1
fi
grep -E '^BENCH' "$log"
rm -f "$log"
