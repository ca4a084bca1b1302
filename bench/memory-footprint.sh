#!/usr/bin/env bash
# Peak resident memory of an lpm partition process whose guest uses its memory, against the bar
# "guest memory + 300 MiB".
#
# Boots the default guest image (`./lpm run --memory $MEMORY --append console=ttyS0`, so with the JVM
# options of scripts/jvm-options), waits for the shell, then has the guest fill a tmpfs with all but 64 MiB
# of what it has available (1 MiB from /dev/urandom, copied over and over: pages the guest really wrote,
# none of them zero), and reads VmHWM and VmRSS from /proc/PID/status of the java process (./lpm execs java)
# at the shell and after the fill; then `poweroff -f`.
#
#   bench/memory-footprint.sh    environment: MEMORY=1G, BAR_MIB=300 (allowed on top of guest memory),
#                                NMT=1 (native memory tracking: a jcmd VM.native_memory summary at both
#                                points, in the report), LPM_JAVA_OPTIONS (more JVM options, after
#                                scripts/jvm-options), TIMEOUT=900 (seconds per step),
#                                LOG=FILE (keep the console), OUT=FILE (default bench/results/memory-footprint.md)
#
# Prints markdown and writes it to OUT; exits 1 when the peak is over the bar. The same check, as a test:
# lpm-cli/src/test/java/dev/lpm/cli/e2e/MemoryFootprintTest.java.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
memory=${MEMORY:-1G}
bar_mib=${BAR_MIB:-300}
limit=${TIMEOUT:-900}
out_md=${OUT:-$repo/bench/results/memory-footprint.md}
. scripts/java-home.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=${LOG:-$work/console.log}
if [ -n "${NMT:-}" ]; then
  export LPM_JAVA_OPTIONS="-XX:NativeMemoryTracking=summary${LPM_JAVA_OPTIONS:+ $LPM_JAVA_OPTIONS}"
fi

./lpm image build --json > "$work/image.json" # builds lpm when stale, and the image when missing

cat > "$work/session.py" <<'EOF'
import os, re, select, subprocess, sys, time

log_path, limit, java_home, nmt = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
argv = sys.argv[sys.argv.index("--") + 1:]
log = open(log_path, "wb")
t0 = time.monotonic()
proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
fd = proc.stdout.fileno()
buf = b""
out = {}

def fail(message):
    if proc.poll() is None:
        proc.kill()
    print(f"error={message}")
    sys.exit(1)

def read_more(deadline, what):
    global buf
    r, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
    if not r:
        fail(f"no '{what}' within {limit:.0f} s")
    chunk = os.read(fd, 65536)
    if not chunk:
        return False
    log.write(chunk)
    log.flush()
    buf += chunk
    return True

def wait_line(pattern):
    global buf
    deadline = time.monotonic() + limit
    while True:
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            if pattern in line:
                return line.replace(b"\r", b"").decode(errors="replace")
        if not read_more(deadline, pattern.decode()):
            fail(f"the process exited (code {proc.wait()}) before '{pattern.decode()}'")

def type_line(text):
    proc.stdin.write(text.encode() + b"\n")
    proc.stdin.flush()

def measure(tag):
    fields = {}
    for l in open(f"/proc/{proc.pid}/status"):
        k, _, v = l.partition(":")
        fields[k] = v.strip()
    for k in ("VmHWM", "VmRSS"):
        out[f"{tag}_{k}"] = int(fields[k].split()[0]) // 1024
    out[f"{tag}_seconds"] = round(time.monotonic() - t0, 1)
    if nmt:
        r = subprocess.run([f"{java_home}/bin/jcmd", str(proc.pid), "VM.native_memory", "summary", "scale=MB"],
                           capture_output=True, text=True)
        rows = [l.strip() for l in r.stdout.splitlines() if re.match(r"^(Total: |-\s+\S.*committed=)", l.strip())]
        out[f"{tag}_nmt"] = "; ".join(re.sub(r"\s+", " ", l.lstrip("- ")) for l in rows)

wait_line(b"LPM_READY")
type_line("echo SYNC_$((6*7))")  # the marker is computed by the shell, so the echo of the typed line never matches
wait_line(b"SYNC_42")
measure("shell")
type_line('mount -t tmpfs -o size=100% tmpfs /dev/shm && n=$(($(awk \'/MemAvailable/ { print int($2 / 1024) }\' '
          '/proc/meminfo) - 64)) && head -c 1048576 /dev/urandom > /dev/shm/seed && i=0 && '
          'while [ $i -lt $n ]; do cat /dev/shm/seed; i=$((i + 1)); done > /dev/shm/fill && '
          'echo FILLED_$((6*7)) $n $(awk \'/^(MemTotal|MemAvailable|Shmem):/ { printf "%s%d ", $1, $2 / 1024 }\' '
          '/proc/meminfo)')
line = wait_line(b"FILLED_42")
parts = line.split()
out["fill_mib"] = parts[1]
out["guest_meminfo"] = " ".join(parts[2:])
measure("filled")
type_line("poweroff -f")
proc.stdin.close()
deadline = time.monotonic() + limit
while read_more(deadline, "the process to exit"):
    pass
out["exit_code"] = proc.wait()
for k, v in out.items():
    print(f"{k}={v}")
EOF

python3 "$work/session.py" "$log" "$limit" "$JAVA_HOME" "${NMT:+1}" -- \
  "$repo/lpm" run --memory "$memory" --append console=ttyS0 > "$work/result" || {
  cat "$work/result" >&2
  echo "--- last console lines ---" >&2
  tail -n 20 "$log" | tr -d '\r' >&2
  exit 1
}
kv() { sed -n "s/^$1=//p" "$work/result"; }

mem_mib=$(python3 -c 'import sys
s = sys.argv[1].upper(); n = float(s[:-1]) if s[-1] in "KMG" else float(s)
print(int(n * {"K": 1 / 1024, "M": 1, "G": 1024}.get(s[-1], 1 / 1048576)))' "$memory")
bar=$((mem_mib + bar_mib))
peak=$(kv filled_VmHWM)
verdict=under; [ "$peak" -lt "$bar" ] || verdict=OVER
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " + uncommitted changes" || true)
{
  printf '## lpm partition process: peak resident memory with the guest using its memory\n\n'
  printf '%s; %s CPUs; lpm %s%s (%s); JVM options: scripts/jvm-options%s.\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "$(nproc)" "$commit" "$dirty" "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" \
    "${LPM_JAVA_OPTIONS:+ + $LPM_JAVA_OPTIONS}"
  printf 'Guest: %s (%s MiB), default image; it filled a tmpfs with %s MiB (guest /proc/meminfo after: %s).\n\n' \
    "$memory" "$mem_mib" "$(kv fill_mib)" "$(kv guest_meminfo)"
  printf '| java process (`./lpm run`) | at the shell | after the fill |\n|---|---:|---:|\n'
  printf '| VmHWM (peak resident) | %s MiB | **%s MiB** |\n' "$(kv shell_VmHWM)" "$peak"
  printf '| VmRSS | %s MiB | %s MiB |\n' "$(kv shell_VmRSS)" "$(kv filled_VmRSS)"
  printf '| host seconds since start | %s | %s |\n\n' "$(kv shell_seconds)" "$(kv filled_seconds)"
  printf 'Bar: guest memory + %s MiB = %s MiB. Peak %s MiB: **%s** the bar (%s MiB to spare).\n' \
    "$bar_mib" "$bar" "$peak" "$verdict" "$((bar - peak))"
  if [ -n "${NMT:-}" ]; then
    printf '\nNative memory tracking (committed MB; guest RAM is an mmap outside it):\n\n'
    printf -- '- at the shell: %s\n- after the fill: %s\n' "$(kv shell_nmt)" "$(kv filled_nmt)"
  fi
} | tee "$out_md"
[ "$verdict" = under ]
