#!/usr/bin/env bash
# Times lpm's interpreter against QEMU's TCG on the same bare-metal integer program.
#
#   bench/interpreter-vs-qemu.sh [ITERATIONS]      (default 20000000, about 440 million instructions;
#                                                    RUNS=5 in the environment)
#
# Builds lpm-bench/src/main/resources/dev/lpm/bench/integer-loop.S (the kernel InterpreterBench runs) as a
# firmware that runs ITERATIONS iterations, prints "sum <checksum> instret <minstret>" on the UART and writes
# 0x5555 to the SiFive test device, plus a firmware that powers off at once. Each firmware runs RUNS times
# under `qemu-system-riscv64 -machine virt -nographic -bios` and under `./lpm run --firmware`, interleaved.
# A tool's time for the program is the median of its runs minus the median of its exit-at-once runs (its
# start-up: process, JVM or QEMU init, machine construction, and teardown). The instruction count is lpm's
# minstret, which is exact (QEMU's TCG minstret reads host ticks); both tools must print the same checksum.
#
# LPM_JAVA_OPTIONS is handed to lpm's JVM (./lpm adds it after scripts/jvm-options), e.g.
# -Dlpm.execution=interpret to time the interpreter alone once lpm translates hot code by default; the table
# records it.
#
# Prints a markdown table on stdout and writes it to bench/results/interpreter-vs-qemu.md
# (OUT=FILE writes it elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
iterations=${1:-20000000}
runs=${RUNS:-5}
kernel=$repo/lpm-bench/src/main/resources/dev/lpm/bench/integer-loop.S
out_md=${OUT:-$repo/bench/results/interpreter-vs-qemu.md}
lpm_options=${LPM_JAVA_OPTIONS:-}
qemu=${QEMU:-qemu-system-riscv64}

for tool in riscv64-linux-gnu-as riscv64-linux-gnu-ld riscv64-linux-gnu-objcopy "$qemu"; do
  command -v "$tool" >/dev/null || { echo "interpreter-vs-qemu: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/link.ld" <<'EOF'
OUTPUT_ARCH(riscv)
ENTRY(_start)
SECTIONS {
  . = 0x80000000;
  .text : { *(.text.init) *(.text .text.*) }
  .rodata : { *(.rodata .rodata.*) }
  . = ALIGN(4096);
  .data : { *(.data .data.*) }
}
EOF
cat > "$work/exit.S" <<'EOF'
    .section .text.init, "ax"
    .globl _start
_start:
    li  t0, 0x100000
    li  t1, 0x5555
    sw  t1, 0(t0)
1:  j   1b
EOF
build() { # build NAME SOURCE [as options]
  local name=$1 src=$2; shift 2
  riscv64-linux-gnu-as -march=rv64gc -mabi=lp64d "$@" -o "$work/$name.o" "$src"
  riscv64-linux-gnu-ld --no-relax --no-warn-rwx-segments -T "$work/link.ld" -o "$work/$name.elf" "$work/$name.o"
  riscv64-linux-gnu-objcopy -O binary "$work/$name.elf" "$work/$name.bin"
}
build prog "$kernel" --defsym=ITERATIONS="$iterations"
build exit "$work/exit.S"

run_qemu() { "$qemu" -machine virt -nographic -bios "$1" </dev/null; }
run_lpm() { LPM_JAVA_OPTIONS="$lpm_options" "$repo/lpm" run --firmware "$1" </dev/null; }

# time_run TOOL IMAGE OUTFILE: runs once, prints wall-clock milliseconds (3 decimals); fails on a non-zero exit
time_run() {
  local tool=$1 image=$2 output=$3 start end status=0
  start=$(date +%s%N)
  "run_$tool" "$image" >"$output" 2>&1 || status=$?
  end=$(date +%s%N)
  if [ "$status" -ne 0 ]; then
    echo "interpreter-vs-qemu: $tool on $(basename "$image") exited with $status:" >&2
    tail -5 "$output" >&2
    exit 1
  fi
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e6 }'
}
# time_lpm IMAGE OUTFILE: as time_run, but a run in which ./lpm rebuilt itself (another edit to the tree
# since the last build) is not timed: it is repeated on the fresh build
time_lpm() {
  local ms attempt
  for attempt in 1 2 3; do
    ms=$(time_run lpm "$1" "$2")
    grep -q '^lpm: building' "$2" || { echo "$ms"; return; }
  done
  echo "interpreter-vs-qemu: ./lpm rebuilt itself on every attempt; the sources keep changing" >&2
  exit 1
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { awk -v k="$2" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }' "$1"; }

loadavg() { awk '{ print $1 ", " $2 ", " $3 }' /proc/loadavg 2>/dev/null || echo unknown; }
echo "interpreter-vs-qemu: $iterations iterations, $runs runs per tool; building lpm if needed ..." >&2
time_run lpm "$work/exit.bin" "$work/out" >/dev/null   # builds lpm when stale; warms the page cache
time_run qemu "$work/exit.bin" "$work/out" >/dev/null

load_before=$(loadavg)
: > "$work/qemu-exit"; : > "$work/qemu-prog"; : > "$work/lpm-exit"; : > "$work/lpm-prog"
sum=""; instret=""
for i in $(seq 1 "$runs"); do
  time_run qemu "$work/exit.bin" "$work/out" >> "$work/qemu-exit"
  time_run qemu "$work/prog.bin" "$work/out-qemu" >> "$work/qemu-prog"
  time_lpm "$work/exit.bin" "$work/out" >> "$work/lpm-exit"
  time_lpm "$work/prog.bin" "$work/out-lpm" >> "$work/lpm-prog"
  qsum=$(field "$work/out-qemu" sum); lsum=$(field "$work/out-lpm" sum); linstret=$(field "$work/out-lpm" instret)
  if [ -z "$lsum" ] || [ "$qsum" != "$lsum" ] || { [ -n "$sum" ] && [ "$sum" != "$lsum" ]; }; then
    echo "interpreter-vs-qemu: checksums differ (QEMU '$qsum', lpm '$lsum', earlier '$sum')" >&2
    exit 1
  fi
  if [ -n "$instret" ] && [ "$instret" != "$linstret" ]; then
    echo "interpreter-vs-qemu: lpm retired a different instruction count this run ($linstret, not $instret)" >&2
    exit 1
  fi
  sum=$lsum; instret=$linstret
  echo "  run $i/$runs: QEMU $(tail -1 "$work/qemu-prog") ms (exit-at-once $(tail -1 "$work/qemu-exit") ms)," \
       "lpm $(tail -1 "$work/lpm-prog") ms (exit-at-once $(tail -1 "$work/lpm-exit") ms)" >&2
done

instructions=$((16#$instret))
q_exit=$(median < "$work/qemu-exit"); q_prog=$(median < "$work/qemu-prog")
l_exit=$(median < "$work/lpm-exit"); l_prog=$(median < "$work/lpm-prog")
list() { paste -sd' ' "$1" | sed 's/ /, /g'; }
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$repo" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " + uncommitted changes" || true)

awk -v n="$instructions" -v it="$iterations" -v runs="$runs" -v qe="$q_exit" -v qp="$q_prog" -v le="$l_exit" \
    -v lp="$l_prog" -v qv="$("$qemu" --version | head -1)" -v cpu="${cpu:-unknown CPU}" -v ncpu="$(nproc)" \
    -v date="$(date -u +%Y-%m-%d)" -v commit="$commit$dirty" -v sum="$sum" -v lb="$load_before" -v la="$(loadavg)" \
    -v lopts="${lpm_options:-none (its defaults)}" \
    -v qall="$(list "$work/qemu-prog")" -v qeall="$(list "$work/qemu-exit")" \
    -v lall="$(list "$work/lpm-prog")" -v leall="$(list "$work/lpm-exit")" '
BEGIN {
  q = qp - qe; l = lp - le
  if (q <= 0 || l <= 0) { print "interpreter-vs-qemu: the program ran no longer than start-up; raise ITERATIONS" > "/dev/stderr"; exit 1 }
  printf "## lpm vs. QEMU TCG: integer kernel, bare metal\n\n"
  printf "%s; %s, %d CPUs; lpm %s, JVM options added: %s; %s. integer-loop.S with %d iterations (checksum %s on both).\n", date, cpu, ncpu, commit, lopts, qv, it, sum
  printf "Times are medians of %d runs minus the median of %d exit-at-once runs (start-up). Load average (1, 5, 15 min) before: %s; after: %s.\n\n", runs, runs, lb, la
  printf "| instructions executed | QEMU ms | lpm ms | ratio lpm/QEMU | QEMU MIPS | lpm MIPS |\n"
  printf "|---:|---:|---:|---:|---:|---:|\n"
  printf "| %d | %.0f | %.0f | %.2f | %.0f | %.1f |\n\n", n, q, l, l / q, n / q / 1000, n / l / 1000
  printf "Raw wall-clock ms: QEMU program %s; QEMU start-up %s; lpm program %s; lpm start-up %s.\n", qall, qeall, lall, leall
}' | tee "$out_md"
