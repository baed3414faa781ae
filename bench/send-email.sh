#!/usr/bin/env bash
# Benchmark: "Send an email" actions per second through the runtime's HTTP API against its embedded
# m365 sandbox (draft, send and a read of the sent message per mail), and token requests per 1,000 sends.
# Usage: bench/send-email.sh [sends]   (default 1000, after 200 warm-up sends)
set -euo pipefail
cd "$(dirname "$0")/.."
SENDS=${1:-1000}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
mvn -B -q install -DskipTests
log=$(mktemp)
# A benchmark that fails (a run that did not succeed, an assertion) fails this script.
if ! mvn -B -Pbench verify -pl flow-runtime-stub -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=SendEmailBench -Dbench.sends="$SENDS" > "$log" 2>&1; then
  grep -E 'FAIL|ERROR' "$log" | head -40 >&2 || true
  echo "the benchmark failed; its log: $log" >&2
  exit 1
fi
grep -E '^BENCH' "$log"
rm -f "$log"
