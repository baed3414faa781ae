#!/usr/bin/env bash
# Benchmark: a message delta round with one change since its token, on a folder of 10 messages and on one
# of 100,000, against the m365 sandbox (throttling off), one client over loopback HTTP.
# Usage: bench/sandbox-delta.sh [messages in the large folder] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f m365-sandbox/target/m365-sandbox.jar ] || mvn -B -q -DskipTests package -pl m365-sandbox -am
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
java -cp m365-sandbox/target/m365-sandbox.jar dev.outlookflow.sandbox.bench.DeltaRoundBench "${1:-100000}" "${2:-20000}"
