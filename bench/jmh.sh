#!/usr/bin/env bash
# Builds lpm-bench/target/benchmarks.jar from this work tree and runs lpm's JMH benchmarks
# (InterpreterBench, DirtyTrackingBench), then prints a markdown summary and writes it to
# bench/results/jmh.md. Arguments go to JMH, e.g.:
#
#   bench/jmh.sh                                  # everything, the classes' settings (about 3 minutes)
#   bench/jmh.sh InterpreterBench                 # one class (a regular expression)
#   bench/jmh.sh DirtyTrackingBench.paired -p harvestEvery=0,1048576
#   bench/jmh.sh -wi 1 -i 2 -r 1                  # a quick look
#
# SKIP_BUILD=1 reuses the jar that is there; REPORT=FILE writes the summary there instead.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
if [ -z "${SKIP_BUILD:-}" ]; then
  # -am: build lpm-bench's dependencies from this tree, not from whatever ~/.m2 holds
  ./mvnw -q -B -Dmaven.test.skip=true -pl lpm-bench -am package >&2
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp lpm-bench/target/benchmarks.jar \
  dev.lpm.bench.RunBenchmarks --report "${REPORT:-bench/results/jmh.md}" "$@"
