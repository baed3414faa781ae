#!/usr/bin/env bash
# Benchmark: runs a second a trigger's emitAll stores, in batches of 100 (20,000 runs by default) while the runs
# execute, and the heap used before, once stored and once every run ended.
# Usage: bench/batch-emit.sh [runs]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-20000}
. bench/run-bench.sh
run_bench BatchEmitBench -Dbench.runs="$RUNS" -Dbench.batch=100
