# Sourced by the bench/*.sh scripts: prints the machine, builds, runs one benchmark class of the bench
# profile (of the module BENCH_MODULE, flow-runtime-stub unless set) with the given -D settings, and prints
# its BENCH lines; a benchmark that fails (a run that did
# not succeed, an assertion) fails the script, printing its failure and where its log is.
run_bench() {
  local bench=$1
  shift
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
  mvn -B -q install -DskipTests
  local log
  log=$(mktemp)
  if ! mvn -B -Pbench verify -pl "${BENCH_MODULE:-flow-runtime-stub}" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test="$bench" "$@" > "$log" 2>&1; then
    grep -E 'FAIL|ERROR' "$log" | head -40 >&2 || true
    echo "the benchmark failed; its log: $log" >&2
    exit 1
  fi
  grep -E '^BENCH' "$log"
  rm -f "$log"
}
