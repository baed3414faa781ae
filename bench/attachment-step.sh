#!/usr/bin/env bash
# Benchmark: what the runtime's extension contract costs a step carrying a 20 MB attachment (resolve,
# validate, display copy, seal, bind, execute, output), through its HTTP API, with an action that only
# measures what it got. Usage: bench/attachment-step.sh [runs]   (default 10, after 3 warm-up runs)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-10}
. bench/run-bench.sh
run_bench AttachmentStepBench -Dbench.runs="$RUNS"
