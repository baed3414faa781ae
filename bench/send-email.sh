#!/usr/bin/env bash
# Benchmark: "Send an email" actions per second through the runtime's HTTP API against its embedded
# m365 sandbox (draft, send and a read of the sent message per mail), and token requests per 1,000 sends.
# Usage: bench/send-email.sh [sends]   (default 1000, after 200 warm-up sends)
set -euo pipefail
cd "$(dirname "$0")/.."
SENDS=${1:-1000}
. bench/run-bench.sh
run_bench SendEmailBench -Dbench.sends="$SENDS"
