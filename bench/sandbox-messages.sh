#!/usr/bin/env bash
# Benchmark: authorised GET /users/{id}/messages?$top=10 against the m365 sandbox (throttling off),
# for a mailbox of 20 messages and a folder of 100,000, with wrk as the load in a separate process.
# Usage: bench/sandbox-messages.sh [messages in the large folder] [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/.."
MANY=${1:-100000}
SECONDS_PER_RUN=${2:-15}
command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
[ -f m365-sandbox/target/m365-sandbox.jar ] || mvn -B -q -DskipTests package -pl m365-sandbox -am
LOG=$(mktemp)
java -cp m365-sandbox/target/m365-sandbox.jar dev.outlookflow.sandbox.bench.BenchServer "$MANY" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q '^BENCH ' "$LOG" && break; sleep 0.2; done
read -r _ SMALL LARGE TOKEN < <(grep '^BENCH ' "$LOG")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; java $(java -version 2>&1 | head -1)"
for target in "20-message mailbox|$SMALL" "$MANY-message folder|$LARGE"; do
  name=${target%%|*}; url=${target#*|}
  wrk -t2 -c16 -d10s -H "Authorization: Bearer $TOKEN" "$url" > /dev/null   # warm-up
  echo "== $name: $url"
  wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "$url" \
    | grep -E 'Requests/sec|Latency|50%|99%|Non-2xx'
done
