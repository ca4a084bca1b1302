#!/usr/bin/env bash
# The test command: set-up (host tools, JDK choice, guest packages) then the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec ./mvnw -B verify "$@"
