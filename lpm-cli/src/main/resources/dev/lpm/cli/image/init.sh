#!/bin/busybox sh
# /init of an lpm guest image (made by `lpm image build`): PID 1, a busybox shell script.
# Kernel command line:
#   lpm.ip=ADDR/PREFIX   address of eth0 (virtio-net), e.g. lpm.ip=198.18.0.10/24; no address: eth0 stays down
#   lpm.gw=ADDR          default route
#   lpm.disk=mount|none  mount /dev/vda (virtio-blk; ext2/3/4 or vfat) on /mnt if there is one (default: mount)
#   lpm.workload=NAME    redis | memstress | shell (default: shell)
#   lpm.mem=MIB          memstress: working set in MiB (default 32)
#   lpm.rate=MIB_PER_S   memstress: MiB/s dirtied, 0 (idle) or max (default 20)
#   lpm.mode=page|full   memstress: one word per page or whole pages (default page)
# Prints LPM_INIT_MARKER as soon as it runs and LPM_READY once the workload is up, then runs a shell on the
# console for good; `poweroff -f` ends the machine. memstress starts after LPM_READY, in the background with
# its heartbeats on the console, so the shell still answers.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root TERM=${TERM:-vt100} PS1='lpm# '
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts 2>/dev/null
echo "LPM_INIT_MARKER uptime=$(cut -d' ' -f1 /proc/uptime)"
hostname lpm

ip=; gw=; disk=mount; workload=shell; mem=32; rate=20; mode=page
for arg in $(cat /proc/cmdline); do
  case "$arg" in
    lpm.ip=*) ip=${arg#lpm.ip=};;
    lpm.gw=*) gw=${arg#lpm.gw=};;
    lpm.disk=*) disk=${arg#lpm.disk=};;
    lpm.workload=*) workload=${arg#lpm.workload=};;
    lpm.mem=*) mem=${arg#lpm.mem=};;
    lpm.rate=*) rate=${arg#lpm.rate=};;
    lpm.mode=*) mode=${arg#lpm.mode=};;
  esac
done

# wait_for PATH TENTHS: waits up to TENTHS tenths of a second for PATH to exist.
wait_for() {
  n=0
  while [ ! -e "$1" ] && [ "$n" -lt "$2" ]; do sleep 0.1; n=$((n + 1)); done
  [ -e "$1" ]
}
# has_virtio ID: whether a virtio device of this type is present (1 net, 2 block, 3 console, 4 rng).
has_virtio() {
  grep -qx "$(printf '0x%04x' "$1")" /sys/bus/virtio/devices/*/device 2>/dev/null
}

# Kernel modules of @KERNEL_VERSION@, dependencies first (built into this kernel: @BUILTIN@).
for m in @MODULES@; do
  insmod "/lib/modules/@KERNEL_VERSION@/$m.ko" || echo "lpm-init: cannot load module $m"
done

ip link set lo up
if [ -n "$ip" ]; then
  if wait_for /sys/class/net/eth0 50; then
    ip link set eth0 up && ip addr add "$ip" dev eth0 && echo "lpm-init: eth0 $ip"
    if [ -n "$gw" ]; then ip route add default via "$gw" || echo "lpm-init: no route via $gw"; fi
  else
    echo "lpm-init: lpm.ip=$ip but there is no eth0"
  fi
fi

case "$disk" in
  none|no|off) ;;
  *)
    if has_virtio 2; then wait_for /dev/vda 50; fi
    if [ -b /dev/vda ]; then
      if mount /dev/vda /mnt 2>/dev/null || { [ -b /dev/vda1 ] && mount /dev/vda1 /mnt 2>/dev/null; }; then
        echo "lpm-init: disk mounted on /mnt ($(awk '$2 == "/mnt" { print $1, $3 }' /proc/mounts))"
      else
        echo "lpm-init: cannot mount /dev/vda"
      fi
    fi;;
esac

case "$workload" in
  redis)
    redis-server --port 6379 --protected-mode no --save '' --daemonize yes >/dev/null \
      || echo "lpm-init: redis-server did not start"
    n=0
    until [ "$(redis-cli ping 2>/dev/null)" = PONG ] || [ "$n" -ge 300 ]; do sleep 0.1; n=$((n + 1)); done
    [ "$n" -lt 300 ] || echo "lpm-init: redis-server does not answer";;
  memstress) ;; # started below, after LPM_READY
  shell|"") ;;
  *) echo "lpm-init: unknown workload '$workload' (redis, memstress, shell)";;
esac
echo "LPM_READY workload=$workload uptime=$(cut -d' ' -f1 /proc/uptime)"
if [ "$workload" = memstress ]; then
  echo "lpm-init: memstress $mem $rate $mode (stop it with: kill \$(pidof memstress))"
  memstress "$mem" "$rate" "$mode" &
fi

# An interactive shell on the console, for good: setsid + cttyhack give it the console as controlling
# terminal (job control, Ctrl-C). It is started again if it exits.
while :; do
  if command -v cttyhack >/dev/null; then setsid cttyhack sh; else sh </dev/console >/dev/console 2>&1; fi
  echo "lpm-init: the shell exited; 'poweroff -f' ends the machine"
  sleep 1
done
