#!/usr/bin/env bash
# Benchmark: a message delta round with one change since its token, on a folder of 10 messages and on one
# of 100,000, against the m365 sandbox (throttling off), one client over loopback HTTP, each folder measured
# twice in turn. Usage: bench/sandbox-delta.sh [messages in the large folder] [rounds per measurement]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/run-bench.sh
BENCH_MODULE=m365-sandbox run_bench DeltaRoundBench -Dbench.messages="${1:-100000}" -Dbench.rounds="${2:-20000}"
