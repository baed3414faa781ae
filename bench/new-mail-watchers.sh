#!/usr/bin/env bash
# Benchmark: the runtime's heap per watched folder and CPU while 1,000 and 10,000 folders are polled every 60 s.
# Usage: bench/new-mail-watchers.sh [watchers...]   (default 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/run-bench.sh
[ $# -gt 0 ] || set -- 1000 10000
for watchers in "$@"; do
  run_bench NewMailWatchersBench -Dbench.watchers="$watchers"
done
