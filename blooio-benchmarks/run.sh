#!/usr/bin/env bash
# Builds the benchmarks (Maven profile "benchmarks", not part of the default build) and
# runs every part, printing one summary table; also written to
# blooio-benchmarks/target/benchmark-results.md.
#
#   blooio-benchmarks/run.sh             full run (about 16 minutes on 2 cores)
#   blooio-benchmarks/run.sh --quick     smoke run: checks the harness, numbers mean nothing
#   blooio-benchmarks/run.sh --only=outbound,inbound --jfr
#
# Options: --quick, --only=outbound,inbound,micro,startup,memory, --jfr (Flight Recorder
# files in blooio-benchmarks/target/jfr/), --inbound-targets=all|name,name (the inbound
# routes to compare; default: the endpoint and the main diagnostic routes), --warmup=s, --duration=s, --rounds=n,
# --startup-runs=n. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -P benchmarks -pl blooio-benchmarks -am package -DskipTests
cd blooio-benchmarks
exec java -jar target/blooio-benchmarks.jar "$@"
