#!/usr/bin/env bash
# Benchmark: a new-mail flow backfilling 30 days of a folder of N messages (default 100,000): runs stored per
# second, and the runtime's heap after a full collection before and after.
# Usage: bench/new-mail-backfill.sh [mails]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/run-bench.sh
run_bench NewMailBackfillBench -Dbench.mails="${1:-100000}"
