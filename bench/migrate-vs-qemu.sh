#!/usr/bin/env bash
# Live migration, lpm beside QEMU: the same guest (lpm's own image: Debian's kernel and OpenSBI, lpm's
# initramfs with memstress) and the same workloads, moved by lpm (two `lpm host serve` daemons, `lpm migrate`)
# and by QEMU's own pre-copy migration (qemu-system-riscv64 -incoming tcp:..., QMP migrate), on this machine in
# one run. Reports total time, downtime and bytes on the wire for both, with ratios, per row; medians of RUNS.
#
#   bench/migrate-vs-qemu.sh [--runs N] [--rows ROW,...] [--downtime-ms 300] [--logs DIR] [--out FILE]
#
# Rows (default: all five, in this order):
#   idle-256    256 MiB guest, idle: memstress with a 1 MiB working set at 0 MiB/s (only its heartbeat;
#               its 16 MiB frozen region and the 1 MiB are written once at start)
#   idle-1g     the same in 1 GiB
#   w64-r50     256 MiB guest rewriting 64 MiB at 50 MiB/s
#   w256-r200   1 GiB guest rewriting 256 MiB at 200 MiB/s
#   w256-max    1 GiB guest rewriting 256 MiB as fast as it can (each tool's guest CPU decides the rate)
#   MEM:W:R     any other: guest MiB, working set MiB, MiB/s or max
# memstress (lpm-cli/src/main/guest/memstress.c) in page mode: one 8-byte store per 4 KiB page, R MiB/s =
# R*256 pages/s, a heartbeat line every 100 ms with a lost-write check.
#
# Other options: --timeout S (a migration not done by then is cancelled: not converged; 120), --boot-timeout S
# (900), --warm N (heartbeat to wait for before migrating; 20 = 2 s of dirtying), --post-s S (2),
# --qemu-cpu CPU, --tools qemu,lpm, --jsonl FILE. Environment: QEMU=qemu-system-riscv64.
# Writes bench/results/migrate-vs-qemu-<date>.md and .jsonl (every run and the row summaries); prints the
# JSON lines on stdout and the markdown on stderr. Exit code 0 when every row meets the bar, 1 otherwise.
# Method and caveats: the docstring of bench/migrate-vs-qemu.py, and bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
qemu=${QEMU:-qemu-system-riscv64}
for tool in "$qemu" python3 git; do
  command -v "$tool" >/dev/null || { echo "migrate-vs-qemu: $tool is missing (scripts/setup.sh installs QEMU)" >&2; exit 1; }
done

date=$(date -u +%Y-%m-%d)
out=$repo/bench/results/migrate-vs-qemu-$date.md
jsonl=$repo/bench/results/migrate-vs-qemu-$date.jsonl
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in
    --out) out=${args[i + 1]};;
    --jsonl) jsonl=${args[i + 1]};;
    -h|--help) exec python3 "$repo/bench/migrate-vs-qemu.py" --help;;
  esac
done
mkdir -p "$(dirname "$out")" "$(dirname "$jsonl")"
: > "$jsonl"

image=$(./lpm image build --json)   # builds lpm when stale, and the image when missing
commit=$(git rev-parse --short HEAD)
git --no-optional-locks status --porcelain --untracked-files=no | grep -q . && commit="$commit + uncommitted changes"
jdk=$( (. "$repo/scripts/java-home.sh" && "$JAVA_HOME/bin/java" -version 2>&1 | head -1) || echo "unknown JDK")
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "unknown CPU")
ram=$(awk '/^MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
meta=$(python3 -c 'import json, sys; print(json.dumps(dict(zip(["machine", "commit", "jdk", "qemu", "command"], sys.argv[1:]))))' \
  "$cpu, $(nproc) CPUs, $ram" "$commit" "$jdk" "$("$qemu" --version | head -1)" "bench/migrate-vs-qemu.sh $*")
exec python3 "$repo/bench/migrate-vs-qemu.py" --repo "$repo" --image "$image" --meta "$meta" --qemu "$qemu" \
  --out "$out" --jsonl "$jsonl" "$@"
