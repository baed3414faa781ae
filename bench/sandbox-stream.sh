#!/usr/bin/env bash
# Benchmark: the m365 sandbox's mail stream (POST /_sandbox/streams) at a sustained rate into four folders of
# three mailboxes, throttling off; prints the rate achieved (delivered / (finishedAt - startedAt)) and the
# worst lag behind the schedule (maxBehindMillis).
# Usage: bench/sandbox-stream.sh [mails] [per second, 0: as fast as possible] [backfill: true for past received
# times over a year]   (default 60000 at 1000/s: a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/run-bench.sh
BENCH_MODULE=m365-sandbox run_bench StreamBench -Dbench.count="${1:-60000}" -Dbench.perSecond="${2:-1000}" -Dbench.backfill="${3:-false}"
