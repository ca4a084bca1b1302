#!/usr/bin/env bash
# Boots the guest image of `./lpm image build` under lpm and under QEMU (TCG), and times from the host:
#   1. process start -> the console shows LPM_INIT_MARKER, and -> LPM_READY;
#   2. a fixed CPU-bound task typed at the guest's shell once it answers:
#        dd if=/dev/zero bs=1M count=$CPU_MIB 2>/dev/null | sha256sum; echo CPU_DONE_$((6*7))
#      (host time from sending the line to the CPU_DONE_42 line; both tools must print the same hash);
#   3. `poweroff -f` -> the process exits (code 0).
# Same kernel, initrd, firmware, memory, harts and kernel command line (console=ttyS0) for both; QEMU's CPU is
# reduced to what lpm implements (rv64 without H, Sstc, Zba/Zbb/Zbc/Zbs) and gets a virtio-rng device, as lpm
# attaches one itself. RUNS runs per tool, interleaved QEMU, lpm, QEMU, lpm, ...
#
#   bench/boot-vs-qemu.sh        environment: RUNS=5, CPUS=1, MEMORY=512M, CPU_MIB=16 (MiB hashed by the task),
#                                TIMEOUT=600 (seconds per step), QEMU=qemu-system-riscv64,
#                                RSS_MEMORY=1G (the extra peak-RSS run; RSS_MEMORY=none skips it),
#                                LOGS=DIR (keep every console log there, each line prefixed with its host time),
#                                OUT=FILE (default bench/results/boot-vs-qemu.md)
#
# Console lines are read through pipes by a small Python helper that stamps each line with its arrival time
# (monotonic clock, from just before the process is started). From those stamps and the kernel's printk
# times (the guest clock follows the host clock on both: mtime at 10 MHz) it also splits the boot into phases.
# In every run it reads VmHWM/VmRSS from /proc/PID/status of the QEMU or java process (`./lpm` execs java)
# once the shell answers and again after the CPU task; the extra run (lpm, then QEMU, with RSS_MEMORY of guest
# RAM) reports lpm's peak resident memory beside the guest's memory.
#
# A run in which ./lpm rebuilt itself (someone edited the tree) is discarded and repeated.
# Prints markdown on stdout and writes it to bench/results/boot-vs-qemu.md (OUT=FILE elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=${RUNS:-5}
cpus=${CPUS:-1}
memory=${MEMORY:-512M}
cpu_mib=${CPU_MIB:-16}
limit=${TIMEOUT:-600}
qemu=${QEMU:-qemu-system-riscv64}
rss_memory=${RSS_MEMORY:-1G}
keep_logs=${LOGS:-}
out_md=${OUT:-$repo/bench/results/boot-vs-qemu.md}
append="console=ttyS0"
cpu_task="dd if=/dev/zero bs=1M count=$cpu_mib 2>/dev/null | sha256sum"

for tool in "$qemu" python3; do
  command -v "$tool" >/dev/null || { echo "boot-vs-qemu: $tool is missing (scripts/setup.sh installs QEMU)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -z "$keep_logs" ] || mkdir -p "$keep_logs"

# --- the helper: one boot session, or the summary ------------------------------------------------------------
cat > "$work/boot_session.py" <<'EOF'
import os, re, select, statistics, subprocess, sys, time

def session(log_path, limit, cpu_cmd, argv):
    """Runs argv with stdin/stdout on pipes; prints key=value lines (host seconds from process start)."""
    result = {}
    log = open(log_path, "wb")
    state = {"buf": b"", "line_start": True}
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    fd = proc.stdout.fileno()
    now = lambda: time.monotonic() - t0

    def emit():
        for k, v in result.items():
            print(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}")

    def fail(message):
        if proc.poll() is None:
            proc.kill()
        print(f"error={message}")
        emit()
        sys.exit(1)

    def read_more(deadline, what):
        r, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not r:
            fail(f"no '{what}' within {limit:.0f} s")
        chunk = os.read(fd, 65536)
        t = now()
        if not chunk:
            return False
        for piece in chunk.splitlines(True):
            if state["line_start"]:
                log.write(b"%10.3f| " % t)
            log.write(piece)
            state["line_start"] = piece.endswith(b"\n")
        log.flush()
        state["buf"] += chunk
        return True

    def wait_line(pattern):
        """Waits for a console line containing pattern; returns (host seconds, the line)."""
        deadline = time.monotonic() + limit
        while True:
            while b"\n" in state["buf"]:
                line, state["buf"] = state["buf"].split(b"\n", 1)
                if pattern in line:
                    return now(), line.replace(b"\r", b"").decode(errors="replace")
            if not read_more(deadline, pattern.decode()):
                fail(f"the process exited (code {proc.wait()}) before '{pattern.decode()}'")

    def type_line(text):
        proc.stdin.write(text.encode() + b"\n")
        proc.stdin.flush()

    def memory(tag):
        fields = {}
        with open(f"/proc/{proc.pid}/status") as f:
            for l in f:
                k, _, v = l.partition(":")
                fields[k] = v.strip()
        result["process"] = fields.get("Name", "?")
        result[f"hwm_{tag}_kib"] = int(fields.get("VmHWM", "0 kB").split()[0])
        result[f"rss_{tag}_kib"] = int(fields.get("VmRSS", "0 kB").split()[0])
        with open(f"/proc/{proc.pid}/stat") as f:
            stat = f.read().rsplit(")", 1)[1].split()
        # utime + stime (fields 14, 15): CPU seconds of all the process's threads so far
        result[f"cputime_{tag}"] = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")

    result["init"], line = wait_line(b"LPM_INIT_MARKER")
    result["init_uptime"] = float(re.search(r"uptime=([0-9.]+)", line).group(1))
    result["ready"], line = wait_line(b"LPM_READY")
    result["ready_uptime"] = float(re.search(r"uptime=([0-9.]+)", line).group(1))
    # The shell is up once it runs a command. Markers are computed by the shell, so the echo of the typed
    # line ("$((6*7))") never matches.
    type_line("echo SYNC_$((6*7))")
    result["shell"], _ = wait_line(b"SYNC_42")
    memory("shell")
    start = now()
    type_line(cpu_cmd + "; echo CPU_DONE_$((6*7))")
    _, out = wait_line(b"  -")  # sha256sum's "<hash>  -"
    result["cpu_hash"] = out.split()[-2] if len(out.split()) >= 2 else out
    end, _ = wait_line(b"CPU_DONE_42")
    result["cpu"] = end - start
    memory("cpu")
    start = now()
    type_line("poweroff -f")
    proc.stdin.close()
    deadline = time.monotonic() + limit
    while read_more(deadline, "the process to exit"):
        pass
    result["exit_code"] = proc.wait()
    result["off"] = now() - start
    log.close()
    # Phases, from the console's host stamps and the kernel's printk times.
    text = open(log_path, "rb").read().decode(errors="replace").replace("\r", "")
    m = re.search(r"^\s*([0-9.]+)\| .*OpenSBI v", text, re.M)
    if m:
        result["sbi"] = float(m.group(1))
    m = re.search(r"^\s*([0-9.]+)\| \[\s*([0-9.]+)\] Run /init as init process", text, re.M)
    if m:
        host, ts = float(m.group(1)), float(m.group(2))
        result["run_init_ts"] = ts
        result["run_init"] = host
        result["kclock0"] = host - ts  # host time at which the kernel's clock read 0
    m = re.search(r"^\s*[0-9.]+\| \[\s*([0-9.]+)\] Freeing initrd memory", text, re.M)
    if m:
        result["initrd_freed_ts"] = float(m.group(1))
    emit()
    if result["exit_code"] != 0:
        sys.exit(1)

def summary(tsv):
    """Reads "tool run key value" lines; prints the markdown tables."""
    data = {}
    for l in open(tsv):
        tool, run, key, value = l.split(None, 3)
        data.setdefault((tool, key), []).append(value.strip())
    def nums(tool, key):
        return [float(v) for v in data.get((tool, key), [])]
    def phase(tool, f):
        runs = sorted({int(l.split()[1]) for l in open(tsv) if l.split()[0] == tool})
        per = {}
        for l in open(tsv):
            t, r, k, v = l.split(None, 3)
            if t == tool:
                per.setdefault(int(r), {})[k] = v.strip()
        out = []
        for r in runs:
            try:
                out.append(f({k: float(v) for k, v in per[r].items() if re.fullmatch(r"-?[0-9.]+", v)}))
            except KeyError:
                pass
        return out
    def cell(xs, digits=2):
        if not xs:
            return "n/a"
        return f"{statistics.median(xs):.{digits}f} ({min(xs):.{digits}f} – {max(xs):.{digits}f})"
    def ratio(a, b):
        return f"{statistics.median(a) / statistics.median(b):.1f}×" if a and b and statistics.median(b) > 0 else "n/a"
    print("| measure (host seconds) | QEMU median (min – max) | lpm median (min – max) | lpm/QEMU |")
    print("|---|---:|---:|---:|")
    rows = [("process start → `LPM_INIT_MARKER`", "init"), ("process start → `LPM_READY`", "ready"),
            ("CPU task (typed → `CPU_DONE`)", "cpu"), ("`poweroff -f` → process exit", "off")]
    for label, key in rows:
        q, l = nums("qemu", key), nums("lpm", key)
        print(f"| {label} | {cell(q)} | {cell(l)} | {ratio(l, q)} |")
    q = phase("qemu", lambda d: d["cputime_shell"] / d["shell"])
    l = phase("lpm", lambda d: d["cputime_shell"] / d["shell"])
    print(f"| process CPU time / wall time, start → shell answers (cores busy) | {cell(q)} | {cell(l)} | |")
    print()
    print("Boot phases (medians). Host stamps, except the two kernel-internal rows, which are printk times (the")
    print("guest's mtime follows the host clock on both; /proc/uptime is not used, it lags in early boot):")
    print()
    print("| phase | QEMU s | lpm s | lpm/QEMU |")
    print("|---|---:|---:|---:|")
    phases = [
        ("process start → OpenSBI banner (process and machine start-up, OpenSBI)", lambda d: d["sbi"]),
        ("OpenSBI banner → kernel clock 0 (kernel entry to timer set-up, printk time 0)", lambda d: d["kclock0"] - d["sbi"]),
        ("kernel clock 0 → `Run /init` (kernel init, initramfs unpacked)", lambda d: d["run_init_ts"]),
        ("of which: kernel clock 0 → `Freeing initrd memory` (initramfs unpacked, async)", lambda d: d["initrd_freed_ts"]),
        ("`Run /init` → `LPM_INIT_MARKER` (busybox starts, mounts; host stamps)", lambda d: d["init"] - d["run_init"]),
        ("`LPM_INIT_MARKER` → `LPM_READY` (insmod of the image's modules; host stamps)", lambda d: d["ready"] - d["init"]),
    ]
    for label, f in phases:
        q, l = phase("qemu", f), phase("lpm", f)
        qm = f"{statistics.median(q):.2f}" if q else "n/a"
        lm = f"{statistics.median(l):.2f}" if l else "n/a"
        print(f"| {label} | {qm} | {lm} | {ratio(l, q)} |")
    print()
    hashes = sorted({v for (t, k), vs in data.items() if k == "cpu_hash" for v in vs})
    print(f"CPU task hash (every run, both tools): {', '.join(hashes)}.")
    for tool, name in (("qemu", "QEMU"), ("lpm", "lpm")):
        hw = [x / 1024 for x in nums(tool, "hwm_cpu_kib")]
        if hw:
            print(f"{name} peak RSS (VmHWM after the CPU task) in these runs: {cell(hw, 0)} MiB.")
    print()
    print("Raw host seconds per run:")
    print()
    for tool, name in (("qemu", "QEMU"), ("lpm", "lpm")):
        for key in ("init", "ready", "cpu", "off"):
            print(f"- {name} {key}: {', '.join(data.get((tool, key), []))}")
    print(f"- 1-minute load average after each run: {', '.join(data.get(('lpm', 'load'), []))} (after each lpm run), "
          f"{', '.join(data.get(('qemu', 'load'), []))} (after each QEMU run)")

if __name__ == "__main__":
    if sys.argv[1] == "session":
        # session LOG TIMEOUT CPU_COMMAND -- ARGV...
        session(sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[sys.argv.index("--") + 1:])
    else:
        summary(sys.argv[2])
EOF

# --- the image ------------------------------------------------------------------------------------------------
image_json=$(./lpm image build --json)   # builds lpm when stale, and the image when missing
jget() { python3 -c 'import json, sys; print(json.loads(sys.argv[1]).get(sys.argv[2], ""))' "$image_json" "$1"; }
kernel=$(jget kernel); initrd=$(jget initrd); firmware=$(jget firmware); key=$(jget key); kver=$(jget kernelVersion)
for f in "$kernel" "$initrd" "$firmware"; do
  [ -s "$f" ] || { echo "boot-vs-qemu: $f is missing; ./lpm image build --json printed: $image_json" >&2; exit 1; }
done
echo "boot-vs-qemu: image $key (kernel $kver), $memory, $cpus hart(s), $runs runs per tool; CPU task: $cpu_task" >&2

run_session() { # run_session TOOL MEMORY LOG OUTFILE: one boot; its key=value lines go to OUTFILE
  local tool=$1 mem=$2 log=$3 out=$4
  if [ "$tool" = qemu ]; then
    python3 "$work/boot_session.py" session "$log" "$limit" "$cpu_task" -- \
      "$qemu" -machine virt -cpu rv64,h=false,sstc=false,zba=false,zbb=false,zbc=false,zbs=false \
      -m "$mem" -smp "$cpus" -nographic -monitor none -serial stdio \
      -bios "$firmware" -kernel "$kernel" -initrd "$initrd" -append "$append" -device virtio-rng-device > "$out"
  else
    python3 "$work/boot_session.py" session "$log" "$limit" "$cpu_task" -- \
      "$repo/lpm" run --kernel "$kernel" --initrd "$initrd" --firmware "$firmware" --append "$append" \
      --memory "$mem" --cpus "$cpus" > "$out"
  fi
}
# one TOOL MEMORY NAME: runs a session (an lpm run in which ./lpm rebuilt itself is repeated, up to 3 times);
# leaves its key=value lines in $work/NAME.kv
one() {
  local tool=$1 mem=$2 name=$3 attempt status
  for attempt in 1 2 3; do
    status=0
    run_session "$tool" "$mem" "$work/$name.log" "$work/$name.kv" || status=$?
    [ -z "$keep_logs" ] || cp "$work/$name.log" "$keep_logs/$name.log"
    if [ "$status" -ne 0 ]; then
      echo "boot-vs-qemu: $name failed: $(grep -h '^error=' "$work/$name.kv" | cut -d= -f2-)" >&2
      echo "--- last console lines ---" >&2
      tail -n 20 "$work/$name.log" | tr -d '\r' >&2
      exit 1
    fi
    grep -q '| lpm: building' "$work/$name.log" || return 0
    rebuilds=$((rebuilds + 1))
    echo "boot-vs-qemu: ./lpm rebuilt itself during $name; repeating it" >&2
  done
  echo "boot-vs-qemu: ./lpm rebuilt itself on every attempt; the sources keep changing" >&2
  exit 1
}
kv() { sed -n "s/^$2=//p" "$work/$1.kv"; }

loadavg() { awk '{ print $1 ", " $2 ", " $3 }' /proc/loadavg 2>/dev/null || echo unknown; }
load_before=$(loadavg)
commit_at() { git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown; }
commit_before=$(commit_at)
rebuilds=0
: > "$work/all.tsv"
for i in $(seq 1 "$runs"); do
  for tool in qemu lpm; do
    one "$tool" "$memory" "$tool-$i"
    sed 's/=/ /' "$work/$tool-$i.kv" | sed "s/^/$tool $i /" >> "$work/all.tsv"
    echo "$tool $i load $(cut -d' ' -f1 /proc/loadavg)" >> "$work/all.tsv"
    echo "  run $i/$runs $tool: LPM_INIT_MARKER $(kv "$tool-$i" init) s, LPM_READY $(kv "$tool-$i" ready) s," \
         "CPU task $(kv "$tool-$i" cpu) s, poweroff $(kv "$tool-$i" off) s (load $(loadavg))" >&2
  done
done
hashes=$(awk '$3 == "cpu_hash" { print $4 }' "$work/all.tsv" | sort -u)
if [ "$(wc -l <<< "$hashes")" -ne 1 ]; then
  echo "boot-vs-qemu: the CPU task printed different hashes: $hashes" >&2
  exit 1
fi
load_after=$(loadavg)

rss_text="Peak-RSS run skipped (RSS_MEMORY=none)."
if [ "$rss_memory" != none ]; then
  one lpm "$rss_memory" lpm-rss
  one qemu "$rss_memory" qemu-rss
  rss_text=$(awk -v mem="$rss_memory" -v lp="$(kv lpm-rss process)" -v ls="$(kv lpm-rss hwm_shell_kib)" \
      -v lc="$(kv lpm-rss hwm_cpu_kib)" -v lr="$(kv lpm-rss rss_cpu_kib)" -v qs="$(kv qemu-rss hwm_shell_kib)" \
      -v qc="$(kv qemu-rss hwm_cpu_kib)" -v load="$(loadavg)" '
    function mib(k) { return k / 1024 }
    BEGIN {
      n = mem + 0; u = toupper(substr(mem, length(mem))); g = (u == "G") ? n * 1024 : (u == "M") ? n : n / 1048576
      bar = g + 300
      printf "One more boot of each with --memory %s / -m %s (load after: %s), VmHWM of the %s process:\n\n", mem, mem, load, lp
      printf "| | at the shell | after the CPU task | guest memory + 300 MiB (the bar) |\n|---|---:|---:|---:|\n"
      printf "| lpm (java) | %.0f MiB | %.0f MiB (VmRSS %.0f MiB) | %.0f MiB: %s |\n", mib(ls), mib(lc), mib(lr), bar, (mib(lc) < bar ? "under" : "OVER")
      printf "| QEMU | %.0f MiB | %.0f MiB | |\n", mib(qs), mib(qc)
    }')
fi

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
ram=$(awk '/^MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
commit=$(commit_at)
[ "$commit" = "$commit_before" ] || commit="$commit_before at the start, $commit at the end"
dirty=$(git -C "$repo" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " + uncommitted changes" || true)
jdk=$( (. "$repo/scripts/java-home.sh" && "$JAVA_HOME/bin/java" -version 2>&1 | head -1) || echo "unknown JDK")
{
  printf '## lpm vs. QEMU TCG: Linux boot and a CPU task in the guest\n\n'
  printf '%s; %s, %s CPUs, %s; lpm %s (%s); %s; image %s (kernel %s).\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" \
    "${cpu:-unknown CPU}" "$(nproc)" "$ram" "$commit$dirty" "$jdk" "$("$qemu" --version | head -1)" "$key" "$kver"
  printf 'Guest: %s, %s hart(s), `%s`; %s runs per tool, interleaved. CPU task: `%s`. ' "$memory" "$cpus" "$append" "$runs" "$cpu_task"
  printf 'Load average (1, 5, 15 min) before: %s; after: %s.' "$load_before" "$load_after"
  [ "$rebuilds" -eq 0 ] || printf ' ./lpm rebuilt itself %d time(s) during the runs (the tree changed; those runs were repeated, later runs use the new build).' "$rebuilds"
  printf '\n\n'
  python3 "$work/boot_session.py" summary "$work/all.tsv"
  printf '\n%s\n' "$rss_text"
} | tee "$out_md"
