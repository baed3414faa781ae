#!/usr/bin/env bash
# Benchmark: how soon after the sandbox delivers a mail the new-mail trigger's run is stored (p50, p99), one flow
# per mailbox on four mailboxes, at poll intervals of 1 s and 30 s, with Graph's concurrency limit read per app
# (the default, the stricter reading) and per mailbox; and Graph requests per idle poll.
# Usage: bench/new-mail.sh [mails]   (default 200 at 1 s, 120 at 30 s)
set -euo pipefail
cd "$(dirname "$0")/.."
MAILS=${1:-200}
. bench/run-bench.sh
for concurrency in app mailbox; do
  run_bench NewMailLatencyBench -Dbench.interval=1 -Dbench.mails="$MAILS" -Dbench.perSecond=4 \
    -Dbench.concurrency="$concurrency"
done
run_bench NewMailLatencyBench -Dbench.interval=30 -Dbench.mails=120 -Dbench.perSecond=1 -Dbench.concurrency=app
