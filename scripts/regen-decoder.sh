#!/usr/bin/env bash
# Regenerates lpm-cpu's decoder from the spec table (lpm-cpu/src/main/spec/instructions.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$JAVA_HOME/bin/javac" -d "$out" lpm-codegen/src/main/java/dev/lpm/codegen/*.java
"$JAVA_HOME/bin/java" -cp "$out" dev.lpm.codegen.DecoderGenerator \
    lpm-cpu/src/main/spec/instructions.txt lpm-cpu/src/main/java/dev/lpm/cpu/decode/Decoder.java
echo "regenerated lpm-cpu/src/main/java/dev/lpm/cpu/decode/Decoder.java"
