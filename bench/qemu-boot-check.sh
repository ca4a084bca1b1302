#!/usr/bin/env bash
# Boots the guest image of `./lpm image build` under QEMU (TCG) and checks it end to end:
#   LPM_INIT_MARKER, then LPM_READY with lpm.workload=redis; eth0 has the lpm.ip address; the ext4 disk (made
#   here with mke2fs) is mounted on /mnt; `redis-cli ping` typed at the console answers PONG; `poweroff -f`
#   ends QEMU. Prints the host-side times of each step and the guest's uptime at LPM_READY.
#
#   bench/qemu-boot-check.sh [RUNS]      (default 1; TIMEOUT=SECONDS per step, default 120; QEMU=binary)
#
# Exit code 0 when every run passed. The guest's network is QEMU user networking with restrict=on (no
# traffic leaves QEMU); the guest address 198.18.0.10/24 is only configured, not used.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
limit=${TIMEOUT:-120}
qemu=${QEMU:-qemu-system-riscv64}
for tool in "$qemu" mke2fs; do
  command -v "$tool" >/dev/null || { echo "qemu-boot-check: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done

paths=$(./lpm image build)
kernel=$(awk '$1 == "kernel" { print $2 }' <<< "$paths")
initrd=$(awk '$1 == "initrd" { print $2 }' <<< "$paths")
firmware=$(awk '$1 == "firmware" { print $2 }' <<< "$paths")
echo "qemu-boot-check: kernel $kernel ($(stat -c %s "$kernel") bytes), initrd $initrd ($(stat -c %s "$initrd") bytes)" >&2

work=$(mktemp -d)
qpid=
cleanup() {
  exec 3>&- 2>/dev/null || true
  if [ -n "$qpid" ] && kill -0 "$qpid" 2>/dev/null; then kill "$qpid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/disk"
token="lpm-disk-ok-$$"
echo "$token" > "$work/disk/hello.txt"
mke2fs -q -t ext4 -d "$work/disk" "$work/disk.img" 32M >/dev/null

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
fail() {
  echo "qemu-boot-check: run $run FAILED: $*" >&2
  echo "--- last console lines ---" >&2
  tail -n 30 "$log" | tr -d '\r' >&2
  exit 1
}
# wait_for REGEX: waits until the console log has a line matching REGEX; QEMU must stay up.
wait_for() {
  local t
  t=$(now)
  until tr -d '\r' < "$log" | grep -qE "$1"; do
    kill -0 "$qpid" 2>/dev/null || fail "QEMU exited before '$1'"
    [ "$(awk -v a="$t" -v b="$(now)" 'BEGIN { print (b - a > '"$limit"') }')" = 0 ] || fail "no '$1' after $limit s"
    sleep 0.05
  done
}

printf '| run | init marker (s) | LPM_READY (s) | guest uptime at ready (s) | PONG (s) | powered off (s) |\n'
printf '|---|---|---|---|---|---|\n'
for run in $(seq 1 "$runs"); do
  log="$work/console-$run.log"
  rm -f "$work/in"; mkfifo "$work/in"
  start=$(now)
  "$qemu" -machine virt -m 1G -smp 1 -bios "$firmware" -kernel "$kernel" -initrd "$initrd" \
    -append "console=ttyS0 lpm.ip=198.18.0.10/24 lpm.workload=redis" -nographic \
    -netdev user,id=n0,restrict=on -device virtio-net-device,netdev=n0 -device virtio-rng-device \
    -drive file="$work/disk.img",if=none,id=d0,format=raw -device virtio-blk-device,drive=d0 \
    < "$work/in" > "$log" 2>&1 &
  qpid=$!
  exec 3> "$work/in"
  wait_for '^LPM_INIT_MARKER';                   t_init=$(since "$start")
  wait_for '^LPM_READY';                         t_ready=$(since "$start")
  uptime=$(tr -d '\r' < "$log" | sed -n 's/^LPM_READY .*uptime=\([0-9.]*\).*/\1/p' | head -1)
  tr -d '\r' < "$log" | grep -q '^lpm-init: eth0 198.18.0.10/24' || fail "eth0 got no address"
  tr -d '\r' < "$log" | grep -q '^lpm-init: disk mounted on /mnt (/dev/vda ext4)' || fail "the disk was not mounted"
  echo "redis-cli ping" >&3;                     wait_for '^PONG';  t_pong=$(since "$start")
  echo "cat /mnt/hello.txt" >&3;                 wait_for "^$token"
  echo "poweroff -f" >&3
  t=$(now)
  while kill -0 "$qpid" 2>/dev/null; do
    [ "$(awk -v a="$t" -v b="$(now)" 'BEGIN { print (b - a > 30) }')" = 0 ] || fail "poweroff -f did not end QEMU"
    sleep 0.05
  done
  wait "$qpid" || fail "QEMU exit code $?"
  qpid=
  t_off=$(since "$start")
  exec 3>&-
  printf '| %d | %s | %s | %s | %s | %s |\n' "$run" "$t_init" "$t_ready" "$uptime" "$t_pong" "$t_off"
done
echo "qemu-boot-check: OK ($runs run(s)): LPM_READY, PONG from redis-cli, ext4 disk on /mnt, poweroff" >&2
