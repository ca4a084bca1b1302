#!/usr/bin/env python3
"""Live migration, lpm beside QEMU: the same guest and workload moved by both on this machine, in one run.

Started by bench/migrate-vs-qemu.sh (which builds lpm and the guest image first); see that script for usage.
Python 3, standard library only.

Per row and run, QEMU first, then lpm (never both at once: the host has 2 cores):

QEMU (TCG, qemu-system-riscv64 -machine virt, 1 hart): a target started with -incoming tcp:127.0.0.1:PORT and
a source, same arguments, both booting lpm's own image (kernel, initrd, OpenSBI fw_jump.bin from
`lpm image build --json`) with the row's kernel command line. Console on a pipe, every line stamped on
arrival; QMP on a unix socket. Once the source printed heartbeat n=WARM (2 s of dirtying): auto-converge
off (QEMU's default), downtime-limit=BUDGET, max-bandwidth=100 GiB/s (QEMU 7.2's default, 32 MiB/s, would
decide every row), `migrate`, then query-migrate every 10 ms until completed (or TIMEOUT s: migrate_cancel,
not converged). Its figures are QEMU's own: total-time, downtime, ram.transferred.
QEMU 7.2 does not re-arm the RISC-V timer on the target, so the migrated guest never runs again by itself
(fixed upstream in 10.2). As soon as the target runs, a small GDB-remote client on the target's gdbstub
writes stimecmp = 0 (the guest takes a timer interrupt and programs its next event) and detaches: this
needs Sstc, so QEMU's CPU keeps Sstc (see QEMU_CPU below). The kick does not change QEMU's reported
figures; it is part of the heartbeat gap.

lpm: two host daemons (`lpm host serve`, fresh data directories, a private hosts file), `lpm partition
create` on the source with the same memory and command line, console read through the host's API (the
endpoint `lpm partition console` reads) every 20 ms while migrating. Once heartbeat n=WARM is seen:
`lpm migrate p --from A --to B --downtime-ms BUDGET --json`; its report gives totalMs, downtimeMs,
bytesOnWire. If it has not finished in TIMEOUT s it is cancelled (not converged).

Heartbeat gap, both: host time between the last heartbeat line seen from the source and the first from the
target (the guest prints one every 100 ms, so the stall is the gap minus 100 ms). QEMU's lines arrive
through a pipe; lpm's through 20 ms polls (up to 20 ms late); QEMU's includes noticing completion (10 ms
polls) and the timer kick.
"""
import argparse, atexit, datetime, json, os, re, signal, socket, statistics, subprocess, sys, tempfile
import threading, time, urllib.error, urllib.request

HB = re.compile(r"LPM_HB n=(\d+) bad=(\d+) dirtied_mib=(\d+)")

# name: (guest MiB, working set MiB, rate MiB/s or "max", what)
ROWS = {
    "idle-256": (256, 1, "0", "idle 256 MiB"),
    "idle-1g": (1024, 1, "0", "idle 1 GiB"),
    "w64-r50": (256, 64, "50", "256 MiB, rewriting 64 MiB at 50 MiB/s"),
    "w256-r200": (1024, 256, "200", "1 GiB, rewriting 256 MiB at 200 MiB/s"),
    "w256-max": (1024, 256, "max", "1 GiB, rewriting 256 MiB as fast as it can"),
}

_children = []  # every process we start: killed (by process group, which each leads) at exit


def _kill_all():
    for p in _children:
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                pass


atexit.register(_kill_all)
for _sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(_sig, lambda s, f: sys.exit(128 + s))


def spawn(argv, **kw):
    p = subprocess.Popen(argv, start_new_session=True, **kw)
    _children.append(p)
    return p


def stop(p, term_wait=10):
    """SIGTERM the process group we started, then SIGKILL if it lingers."""
    if p is None or p.poll() is not None:
        return
    try:
        os.killpg(p.pid, signal.SIGTERM)
        p.wait(term_wait)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait(5)
    except OSError:
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log(msg):
    print(f"migrate-vs-qemu: {msg}", file=sys.stderr, flush=True)


def loadavg():
    try:
        return " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        return "?"


class Lines:
    """Console lines stamped with host monotonic time on arrival; chunks may split lines."""

    def __init__(self):
        self.lines, self.buf, self.lock = [], b"", threading.Lock()

    def feed(self, chunk, t):
        with self.lock:
            self.buf += chunk
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                self.lines.append((t, line.decode(errors="replace").strip("\r ")))

    def heartbeats(self):
        with self.lock:
            ls = list(self.lines)
        out = []
        for t, s in ls:
            m = HB.search(s)
            if m:
                out.append((t, int(m.group(1)), int(m.group(2)), int(m.group(3))))
        return out  # (host time, n, bad, dirtied MiB)

    def text(self, t0):
        with self.lock:
            return "".join(f"{t - t0:10.3f} {s}\n" for t, s in self.lines)

    def tail(self, k=15):
        with self.lock:
            return [s for _, s in self.lines[-k:]]


def wait_hb(lines, n, timeout, alive):
    """Waits for heartbeat n (or later); returns its (t, n, bad, mib) or raises."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        hb = [h for h in lines.heartbeats() if h[1] >= n]
        if hb:
            return hb[0]
        if not alive():
            raise RuntimeError("the guest's process went away; console tail: " + " | ".join(lines.tail()))
        time.sleep(0.05)
    raise RuntimeError(f"no heartbeat n={n} within {timeout:.0f} s; console tail: " + " | ".join(lines.tail()))


def guest_rate(hbs, t_from, t_to):
    """MiB/s the guest dirtied between two host times, from its dirtied_mib counter."""
    xs = [h for h in hbs if t_from <= h[0] <= t_to]
    if len(xs) < 2 or xs[-1][0] <= xs[0][0]:
        return None
    return round((xs[-1][3] - xs[0][3]) / (xs[-1][0] - xs[0][0]), 1)


def watch_target(a, rec, lines, t_done):
    """After the move: waits (up to --resume-timeout s) for the target's first heartbeat, then --post-s s more."""
    end = time.monotonic() + a.resume_timeout
    while time.monotonic() < end and not lines.heartbeats():
        time.sleep(0.01)
    hbs = lines.heartbeats()
    rec["first_dst_hb_after_done_ms"] = round((hbs[0][0] - t_done) * 1000) if hbs else None
    time.sleep(a.post_s + 0.2)


def after_move(rec, src_hbs, dst_hbs, post_s):
    """Heartbeat gap (last source heartbeat to first target one), whether the counter continued (the target's
    first is the source's last + 1, or + 2 for a line cut at the pause, and it keeps counting), and how the guest
    ran in its first post_s seconds on the target: heartbeats (10 a second at full speed) and MiB/s dirtied."""
    if not src_hbs or not dst_hbs:
        rec.update({"hb_gap_ms": None, "hb_continued": False})
        return
    last, first = src_hbs[-1], dst_hbs[0]
    early = [h for h in dst_hbs if h[0] <= first[0] + post_s]
    rec.update({"hb_gap_ms": round((first[0] - last[0]) * 1000), "hb_last_src": last[1], "hb_first_dst": first[1],
                "hb_continued": last[1] < first[1] <= last[1] + 2 and dst_hbs[-1][1] > first[1],
                "dst_hb_first_window": len(early) - 1,
                "guest_rate_after_mibps": guest_rate(dst_hbs, first[0], first[0] + post_s),
                "bad_dst": dst_hbs[-1][2]})


# --- QEMU ------------------------------------------------------------------------------------------------------

class Qmp:
    def __init__(self, path, timeout=30):
        end = time.monotonic() + timeout
        while True:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > end:
                    raise
                time.sleep(0.05)
        self.f = self.sock.makefile("rwb", buffering=0)
        self._recv()  # greeting
        self.cmd("qmp_capabilities")

    def _recv(self):
        line = self.f.readline()
        if not line:
            raise EOFError("QMP connection closed")
        return json.loads(line)

    def cmd(self, execute, **arguments):
        msg = {"execute": execute}
        if arguments:
            msg["arguments"] = arguments
        self.f.write(json.dumps(msg).encode() + b"\n")
        while True:
            r = self._recv()
            if "event" in r:
                continue
            if "error" in r:
                raise RuntimeError(f"QMP {execute}: {r['error']}")
            return r.get("return")

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def gdb_timer_kick(path):
    """Connects to QEMU's gdbstub (the VM stops), writes stimecmp := 0 so the pending supervisor timer fires at
    once, and detaches (the VM runs on). Works around QEMU 7.2 not re-arming the RISC-V timer on a migration
    target. Returns the milliseconds it took."""
    t0 = time.monotonic()

    def packet(f, body):
        f.write(b"$" + body.encode() + b"#" + b"%02x" % (sum(body.encode()) & 0xFF))
        reply, started = b"", False
        while True:
            c = f.read(1)
            if not c:
                raise EOFError("gdbstub closed")
            if not started:
                started = c == b"$"
                continue
            reply += c
            if len(reply) >= 3 and reply[-3:-2] == b"#":
                f.write(b"+")
                text = reply[:-3].decode(errors="replace")
                if text[:1] in ("T", "S"):  # the stub's own stop notice (it stopped the VM on connect): skip
                    reply, started = b"", False
                    continue
                return text

    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(10)
    s.connect(path)
    f = s.makefile("rwb", buffering=0)
    try:
        # reading the CSR feature file also enables register writes; CSR n is register base + n, and the file
        # does not list stimecmp, so the base comes from sstatus (CSR 0x100)
        xml = packet(f, "qXfer:features:read:riscv-csr.xml:0,1000")
        m = re.search(r'name="sstatus"[^>]*regnum="(\d+)"', xml)
        if not m:
            raise RuntimeError("no sstatus in the gdbstub's CSR description")
        reg = int(m.group(1)) - 0x100 + 0x14D
        r = packet(f, f"P{reg:x}=" + (0).to_bytes(8, "little").hex())
        if r != "OK":
            raise RuntimeError(f"writing stimecmp through the gdbstub answered {r!r}")
    finally:
        try:
            f.write(b"$D#44")
            f.read(1)
        except OSError:
            pass
        s.close()
    return round((time.monotonic() - t0) * 1000, 1)


class QemuVm:
    def __init__(self, a, image, work, name, mem, append, incoming=None):
        self.qmp_path = os.path.join(work, f"{name}.qmp")
        self.gdb_path = os.path.join(work, f"{name}.gdb")
        self.argv = [a.qemu, "-machine", "virt", "-accel", "tcg", "-cpu", a.qemu_cpu, "-m", str(mem), "-smp", "1",
                     "-nodefaults", "-display", "none", "-serial", "stdio", "-nic", "none",
                     "-bios", image["firmware"], "-kernel", image["kernel"], "-initrd", image["initrd"],
                     "-append", append, "-device", "virtio-rng-device",
                     "-qmp", f"unix:{self.qmp_path},server=on,wait=off"]
        if incoming:
            self.argv += ["-chardev", f"socket,id=gdb0,path={self.gdb_path},server=on,wait=off",
                          "-gdb", "chardev:gdb0", "-incoming", incoming]
        self.name, self.work, self.lines, self.p, self.qmp = name, work, Lines(), None, None

    def start(self):
        self.t0 = time.monotonic()
        self.err = open(os.path.join(self.work, f"{self.name}.stderr"), "wb")
        self.p = spawn(self.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self.err)
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def _read(self):
        fd = self.p.stdout.fileno()
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                return
            self.lines.feed(chunk, time.monotonic())

    def alive(self):
        return self.p.poll() is None

    def connect(self):
        self.qmp = Qmp(self.qmp_path)

    def stop(self):
        if self.p and self.p.poll() is None:
            try:
                self.qmp.cmd("quit")
                self.p.wait(5)
            except Exception:
                pass
        stop(self.p)
        if self.qmp:
            self.qmp.close()
        if self.p:
            self.err.close()


def qemu_run(a, image, row, run, work):
    mem, w, r, _ = ROWS_SEL[row]
    append = f"console=ttyS0 quiet lpm.workload=memstress lpm.mem={w} lpm.rate={r} lpm.mode=page"
    port = free_port()
    rec = {"tool": "qemu", "row": row, "run": run, "mem_mib": mem, "w_mib": w, "rate": r,
           "load_before": loadavg(), "cpu": a.qemu_cpu}
    dst = QemuVm(a, image, work, f"q-dst-{row}-{run}", mem, append, incoming=f"tcp:127.0.0.1:{port}").start()
    src = QemuVm(a, image, work, f"q-src-{row}-{run}", mem, append).start()
    try:
        src.connect()
        dst.connect()
        warm = wait_hb(src.lines, a.warm, a.boot_timeout, src.alive)
        rec["boot_to_warm_s"] = round(warm[0] - src.t0, 1)
        src.qmp.cmd("migrate-set-capabilities", capabilities=[{"capability": "auto-converge", "state": False}])
        src.qmp.cmd("migrate-set-parameters", **{"downtime-limit": a.downtime_ms,
                                                  "max-bandwidth": 100 * 1024 ** 3})
        t_mig = time.monotonic()
        rec["guest_rate_before_mibps"] = guest_rate(src.lines.heartbeats(), t_mig - 2.05, t_mig)
        src.qmp.cmd("migrate", uri=f"tcp:127.0.0.1:{port}")
        info, status = {}, None
        while True:
            info = src.qmp.cmd("query-migrate")
            status = info.get("status")
            if status in ("completed", "failed", "cancelled") or time.monotonic() - t_mig > a.timeout:
                break
            time.sleep(0.01)
        t_done = time.monotonic()
        ram = info.get("ram", {})
        rec.update({"status": status, "converged": status == "completed", "total_ms": info.get("total-time"),
                    "downtime_ms": info.get("downtime"), "bytes": ram.get("transferred"),
                    "setup_ms": info.get("setup-time"), "dirty_syncs": ram.get("dirty-sync-count"),
                    "pages_sent": ram.get("normal"), "zero_pages": ram.get("duplicate"),
                    "wall_ms": round((t_done - t_mig) * 1000)})
        if status not in ("completed", "failed", "cancelled"):
            rec["status"] = f"{status} after {a.timeout:.0f} s: cancelled"
            src.qmp.cmd("migrate_cancel")
        if rec["converged"]:
            while dst.qmp.cmd("query-status").get("status") != "running":
                if time.monotonic() - t_done > 10:
                    raise RuntimeError("the target did not run within 10 s of completion")
                time.sleep(0.002)
            rec["kick_after_completion_seen_ms"] = round((time.monotonic() - t_done) * 1000, 1)
            rec["kick_ms"] = gdb_timer_kick(dst.gdb_path)
            watch_target(a, rec, dst.lines, t_done)
            src_hbs, dst_hbs = src.lines.heartbeats(), dst.lines.heartbeats()
            rec["guest_rate_during_mibps"] = guest_rate(src_hbs, t_mig, t_done)
            after_move(rec, src_hbs, dst_hbs, a.post_s)
    except Exception as e:
        rec["error"] = str(e)
        rec.setdefault("converged", False)
    finally:
        src.stop()
        dst.stop()
        if a.logs:
            for vm in (src, dst):
                with open(os.path.join(a.logs, f"{vm.name}.console"), "w") as f:
                    f.write(vm.lines.text(vm.t0))
    rec["load_after"] = loadavg()
    return rec


# --- lpm -------------------------------------------------------------------------------------------------------

class LpmConsole:
    """Follows a partition's console through its host's API; a missing partition (404) reads as nothing."""

    def __init__(self, addr, name):
        self.url = f"http://{addr}/partitions/{name}/console?offset="
        self.offset, self.lines, self.period, self.errors = 0, Lines(), 0.1, {}
        self.running = True
        threading.Thread(target=self._poll, daemon=True).start()

    def _poll(self):
        while self.running:
            try:
                with urllib.request.urlopen(self.url + str(self.offset), timeout=5) as resp:
                    b = resp.read()
                t = time.monotonic()
                if b:
                    self.offset += len(b)
                    self.lines.feed(b, t)
            except Exception as e:  # 404 before the partition arrives or after it left; any hiccup: poll again
                what = type(e).__name__
                if isinstance(e, urllib.error.HTTPError):
                    what = f"HTTP {e.code}: {e.read()[:120].decode(errors='replace').strip()}"
                self.errors[what] = self.errors.get(what, 0) + 1
            time.sleep(self.period)

    def close(self):
        self.running = False


def lpm_run(a, image, row, run, work):
    mem, w, r, _ = ROWS_SEL[row]
    append = f"console=ttyS0 quiet lpm.workload=memstress lpm.mem={w} lpm.rate={r} lpm.mode=page"
    rec = {"tool": "lpm", "row": row, "run": run, "mem_mib": mem, "w_mib": w, "rate": r, "load_before": loadavg()}
    env = dict(os.environ, LPM_HOSTS=os.path.join(work, "hosts"))
    lpm = os.path.join(a.repo, "lpm")
    hosts, consoles, addrs = [], [], []
    t_start = time.monotonic()
    try:
        for name in ("a", "b"):
            addr = f"127.0.0.1:{free_port()}"
            out = open(os.path.join(work, f"l-{name}-{row}-{run}.log"), "wb")
            hosts.append(spawn([lpm, "host", "serve", "--name", f"mvq-{name}", "--listen", addr,
                                "--data", os.path.join(work, f"l-{name}-{row}-{run}")],
                               env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT))
            addrs.append(addr)
        for addr, p in zip(addrs, hosts):
            end = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(f"http://{addr}/host", timeout=2).read()
                    break
                except (urllib.error.URLError, OSError):
                    if p.poll() is not None or time.monotonic() > end:
                        raise RuntimeError(f"host daemon on {addr} did not come up")
                    time.sleep(0.2)
        src_addr, dst_addr = addrs
        subprocess.run([lpm, "partition", "create", "p", "--host", src_addr, "--memory", f"{mem}M",
                        "--kernel", image["kernel"], "--initrd", image["initrd"], "--firmware", image["firmware"],
                        "--append", append], env=env, check=True, stdout=subprocess.DEVNULL, timeout=300)
        t_created = time.monotonic()
        src_con = LpmConsole(src_addr, "p")
        consoles.append(src_con)
        warm = wait_hb(src_con.lines, a.warm, a.boot_timeout, lambda: hosts[0].poll() is None)
        rec["boot_to_warm_s"] = round(warm[0] - t_created, 1)
        dst_con = LpmConsole(dst_addr, "p")
        consoles.append(dst_con)
        for c in consoles:
            c.period = 0.02
        time.sleep(0.2)  # a couple of fast polls before the move starts
        t_mig = time.monotonic()
        rec["guest_rate_before_mibps"] = guest_rate(src_con.lines.heartbeats(), t_mig - 2.05, t_mig)
        mig = spawn([lpm, "migrate", "p", "--from", src_addr, "--to", dst_addr, "--downtime-ms",
                     str(a.downtime_ms), "--json"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE)
        try:
            out, err = mig.communicate(timeout=a.timeout)
        except subprocess.TimeoutExpired:
            subprocess.run([lpm, "migrate", "p", "--from", src_addr, "--cancel"], env=env, timeout=60,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            out, err = mig.communicate(timeout=60)
            rec["status"] = f"not finished after {a.timeout:.0f} s: cancelled"
        t_done = time.monotonic()
        rec["wall_ms"] = round((t_done - t_mig) * 1000)
        report = None
        for line in out.decode(errors="replace").splitlines():
            if line.startswith("{"):
                report = json.loads(line)
        if report is None:
            raise RuntimeError(f"lpm migrate exited {mig.returncode} without a report: "
                               f"{err.decode(errors='replace').strip()[-400:]}")
        rec["report"] = report
        rec.setdefault("status", report.get("outcome"))
        rec.update({"converged": report.get("outcome") == "COMPLETED", "total_ms": report.get("totalMs"),
                    "downtime_ms": report.get("downtimeMs"), "bytes": report.get("bytesOnWire"),
                    "rounds": report.get("rounds"), "pages_sent": report.get("pagesSent"),
                    "zero_pages": report.get("zeroPages"), "throttle_pct": report.get("throttlePercent")})
        if rec["converged"]:
            watch_target(a, rec, dst_con.lines, t_done)
            src_hbs, dst_hbs = src_con.lines.heartbeats(), dst_con.lines.heartbeats()
            rec["guest_rate_during_mibps"] = guest_rate(src_hbs, t_mig, t_done)
            after_move(rec, src_hbs, dst_hbs, a.post_s)
            rec["console_poll_errors"] = [c.errors for c in consoles]

    except Exception as e:
        rec["error"] = str(e)
        rec.setdefault("converged", False)
    finally:
        for c in consoles:
            c.close()
        for p in hosts:
            stop(p, 20)
        if a.logs:
            for name in ("a", "b"):
                src_log = os.path.join(work, f"l-{name}-{row}-{run}.log")
                if os.path.exists(src_log):
                    with open(src_log, "rb") as fi, open(os.path.join(a.logs, f"l-host-{name}-{row}-{run}.log"), "wb") as fo:
                        fo.write(fi.read())
            for c, side in zip(consoles, ("src", "dst")):
                with open(os.path.join(a.logs, f"l-{side}-{row}-{run}.console"), "w") as f:
                    f.write(c.lines.text(t_start))
    rec["load_after"] = loadavg()
    return rec


# --- summary ---------------------------------------------------------------------------------------------------

def med(recs, key):
    xs = [r[key] for r in recs if r.get(key) is not None]
    return statistics.median(xs) if xs else None


def fmt_ms(x):
    return "–" if x is None else f"{x:.0f}"


def fmt_mib(x):
    return "–" if x is None else f"{x / 2 ** 20:.0f}"


def ratio(l, q):
    if l is None or q is None:
        return "–"
    if q == 0:
        return "∞" if l > 0 else "1.00"
    return f"{l / q:.2f}"


def summarize(a, recs, meta):
    out = []
    p = out.append
    p(f"## Live migration: lpm beside QEMU ({meta['date']})")
    p("")
    p(f"{meta['machine']}; lpm {meta['commit']} ({meta['jdk']}); {meta['qemu']} (TCG, `-cpu {a.qemu_cpu}`); "
      f"image {meta['image_key']} (kernel {meta['kernel']}). Downtime budget {a.downtime_ms} ms; "
      f"{a.runs} run(s) per row and tool, medians; QEMU and lpm alternate and never run at once. "
      f"Load average (1, 5, 15 min) at the start: {meta['load_start']}; at the end: {meta['load_end']}.")
    p("")
    p(f"Command: `{meta['command']}`")
    p("")
    p("| row | guest | workload | lpm total ms | lpm downtime ms | lpm MiB on wire | QEMU total ms "
      "| QEMU downtime ms | QEMU MiB on wire | total lpm/QEMU | downtime lpm/QEMU | bytes lpm/QEMU "
      "| converged lpm, QEMU | bar met |")
    p("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    summary = []
    for row in a.rows:
        mem, w, r, what = ROWS_SEL[row]
        lr = [x for x in recs if x["row"] == row and x["tool"] == "lpm"]
        qr = [x for x in recs if x["row"] == row and x["tool"] == "qemu"]
        lc, qc = sum(1 for x in lr if x.get("converged")), sum(1 for x in qr if x.get("converged"))
        lok, qok = [x for x in lr if x.get("converged")], [x for x in qr if x.get("converged")]
        lt, ld, lb = med(lok, "total_ms"), med(lok, "downtime_ms"), med(lok, "bytes")
        qt, qd, qb = med(qok, "total_ms"), med(qok, "downtime_ms"), med(qok, "bytes")
        why = []
        if lc < len(lr) or not lr:
            why.append("lpm did not converge")
        if qc < len(qr) or not qr:
            why.append("QEMU did not converge")
        if ld is not None and qd is not None and ld > qd:
            why.append(f"downtime {ld:.0f} > QEMU's {qd:.0f} ms")
        if ld is not None and ld > a.downtime_ms:
            why.append(f"downtime over the {a.downtime_ms} ms budget")
        if any(x.get("converged") and not x.get("hb_continued") for x in lr):
            why.append("on the target lpm's guest did not carry on counting (see every run)")
        if lt is not None and qt is not None and lt > 1.5 * qt:
            why.append(f"total {lt / qt:.2f}× QEMU's (> 1.5×)")
        met = not why and None not in (lt, ld, qt, qd)
        workload = "idle (heartbeat only)" if r == "0" else f"{w} MiB at {r}{'' if r == 'max' else ' MiB/s'}"
        p(f"| {row} | {mem} MiB | {workload} | {fmt_ms(lt)} | {fmt_ms(ld)} | {fmt_mib(lb)} | {fmt_ms(qt)} "
          f"| {fmt_ms(qd)} | {fmt_mib(qb)} | {ratio(lt, qt)} | {ratio(ld, qd)} | {ratio(lb, qb)} "
          f"| {lc}/{len(lr)}, {qc}/{len(qr)} | {'yes' if met else 'no: ' + '; '.join(why)} |")
        summary.append({"summary": row, "guest_mib": mem, "w_mib": w, "rate": r, "runs": a.runs,
                        "lpm": {"total_ms": lt, "downtime_ms": ld, "bytes": lb, "converged": f"{lc}/{len(lr)}"},
                        "qemu": {"total_ms": qt, "downtime_ms": qd, "bytes": qb, "converged": f"{qc}/{len(qr)}"},
                        "ratio_total": None if not (lt and qt) else round(lt / qt, 3),
                        "ratio_downtime": None if not (ld is not None and qd) else round(ld / qd, 3),
                        "ratio_bytes": None if not (lb and qb) else round(lb / qb, 3),
                        "bar_met": met, "why_not": why})
    p("")
    p("Bar: lpm's downtime no worse than QEMU's and within the budget, total time within 1.5× QEMU's, both "
      "converge. Downtime is each tool's own figure: lpm's runs from pausing the source until the target "
      "confirmed it runs; QEMU's from stopping the source until the source finished sending (it does not wait "
      "for the target). Bytes: lpm's bytesOnWire (the whole stream), QEMU's ram.transferred.")
    p("")
    def cnt(rs, key):
        return f"{sum(1 for x in rs if x.get(key))}/{len(rs)}"

    def num(x, d=0):
        return "–" if x is None else f"{x:.{d}f}"

    def both(lr, qr, key, d=0):
        return f"{num(med(lr, key), d)} / {num(med(qr, key), d)}"
    p("The guest across the move (medians; each cell lpm / QEMU). Heartbeat gap: host time between the last "
      "heartbeat line from the source and the first from the target (the guest prints one every 100 ms: 100 is "
      "no stall; QEMU's includes noticing completion and the timer kick, lpm's up to 20 ms of console polling). "
      f"First target heartbeat: after the tool reported completion. Target heartbeats: how many followed the first "
      f"in the next {a.post_s:.0f} s ({a.post_s * 10:.0f} at full speed). Guest rate: MiB/s memstress dirtied in the 2 s "
      f"before the move, during it, and in the first {a.post_s:.0f} s on the target.")
    p("")
    p("| row | HB gap ms | first target HB after completion ms | counter continued | bad writes on target "
      "| target heartbeats | guest MiB/s before | during | after |")
    p("|---|---|---|---|---|---|---|---|---|")
    for row in a.rows:
        lr = [x for x in recs if x["row"] == row and x["tool"] == "lpm"]
        qr = [x for x in recs if x["row"] == row and x["tool"] == "qemu"]
        bad = lambda rs: ",".join(str(x.get("bad_dst")) for x in rs)
        p(f"| {row} | {both(lr, qr, 'hb_gap_ms')} | {both(lr, qr, 'first_dst_hb_after_done_ms')} "
          f"| {cnt(lr, 'hb_continued')} / {cnt(qr, 'hb_continued')} | {bad(lr)} / {bad(qr)} "
          f"| {both(lr, qr, 'dst_hb_first_window')} | {both(lr, qr, 'guest_rate_before_mibps')} "
          f"| {both(lr, qr, 'guest_rate_during_mibps')} | {both(lr, qr, 'guest_rate_after_mibps')} |")
    p("")
    p("The stream (medians; lpm / QEMU): rounds are lpm's pre-copy rounds and QEMU's dirty-bitmap syncs; pages "
      "sent in full and zero pages (lpm sends zero pages as ranges, QEMU as one marker each); lpm's throttle is "
      "its auto-converge hold-back at the end (QEMU's auto-converge is off, its default). Boot: from creating "
      "the partition or starting QEMU to the heartbeat the move waits for.")
    p("")
    p("| row | rounds | pages sent | zero pages | lpm throttle % | boot to warm s |")
    p("|---|---|---|---|---:|---|")
    for row in a.rows:
        lr = [x for x in recs if x["row"] == row and x["tool"] == "lpm"]
        qr = [x for x in recs if x["row"] == row and x["tool"] == "qemu"]
        rounds = f"{num(med(lr, 'rounds'))} / {num(med(qr, 'dirty_syncs'))}"
        p(f"| {row} | {rounds} | {both(lr, qr, 'pages_sent')} | {both(lr, qr, 'zero_pages')} "
          f"| {num(med(lr, 'throttle_pct'))} | {both(lr, qr, 'boot_to_warm_s', 1)} |")
    p("")
    p("Every run (total ms / downtime ms / MiB on wire / HB gap ms; load average before the run):")
    p("")
    for x in recs:
        state = "" if x.get("converged") else f" NOT CONVERGED ({x.get('status')})"
        err = f" error: {x['error']}" if x.get("error") else ""
        p(f"- {x['row']} run {x['run']} {x['tool']}: {fmt_ms(x.get('total_ms'))} / {fmt_ms(x.get('downtime_ms'))} / "
          f"{fmt_mib(x.get('bytes'))} / {fmt_ms(x.get('hb_gap_ms'))}; load {x.get('load_before')}{state}{err}")
    return "\n".join(out) + "\n", summary


ROWS_SEL = dict(ROWS)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--image", required=True, help="the JSON of lpm image build --json")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rows", default=",".join(ROWS),
                    help="comma-separated: " + ", ".join(ROWS) + ", or MEM:W:R (guest MiB, working set MiB, "
                         "MiB/s or max)")
    ap.add_argument("--downtime-ms", type=int, default=300)
    ap.add_argument("--timeout", type=float, default=120, help="seconds a migration may take before it is cancelled")
    ap.add_argument("--boot-timeout", type=float, default=900, help="seconds to the warm heartbeat")
    ap.add_argument("--warm", type=int, default=20, help="heartbeat to wait for before migrating")
    ap.add_argument("--post-s", type=float, default=2.0, help="seconds to watch the target after its first heartbeat")
    ap.add_argument("--resume-timeout", type=float, default=60,
                    help="seconds to wait for the target's first heartbeat after the move")
    ap.add_argument("--qemu", default="qemu-system-riscv64")
    ap.add_argument("--qemu-cpu", default="rv64,h=false,zba=false,zbb=false,zbc=false,zbs=false")
    ap.add_argument("--tools", default="qemu,lpm")
    ap.add_argument("--out", help="markdown file")
    ap.add_argument("--jsonl", help="JSON lines file (every run and the summaries)")
    ap.add_argument("--logs", help="keep every console log (host-time stamped) in this folder")
    ap.add_argument("--meta", default="{}", help="JSON: machine, commit, jdk, qemu, command")
    a = ap.parse_args()
    rows = []
    for name in a.rows.split(","):
        name = name.strip()
        if name in ROWS:
            rows.append(name)
        elif re.fullmatch(r"\d+:\d+:(\d+|max)", name):
            m, w, r = name.split(":")
            ROWS_SEL[name] = (int(m), int(w), r, f"{m} MiB, {w} MiB at {r}")
            rows.append(name)
        elif name:
            ap.error(f"unknown row '{name}'")
    a.rows = rows
    if a.logs:
        os.makedirs(a.logs, exist_ok=True)
    image = json.loads(a.image)
    meta = json.loads(a.meta)
    meta.update({"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                 "load_start": loadavg(), "image_key": image.get("key"), "kernel": image.get("kernelVersion")})
    tools = [t.strip() for t in a.tools.split(",") if t.strip()]
    recs = []
    jsonl = open(a.jsonl, "a") if a.jsonl else None
    with tempfile.TemporaryDirectory(prefix="lpm-mvq-") as work:
        for run in range(1, a.runs + 1):
            for row in a.rows:
                for tool in tools:
                    log(f"{row} run {run}/{a.runs}: {tool} (load {loadavg()}) ...")
                    rec = (qemu_run if tool == "qemu" else lpm_run)(a, image, row, run, work)
                    rec["ts"] = datetime.datetime.now().isoformat(timespec="seconds")
                    recs.append(rec)
                    line = json.dumps(rec)
                    print(line, flush=True)
                    if jsonl:
                        jsonl.write(line + "\n")
                        jsonl.flush()
                    log(f"  {tool}: converged={rec.get('converged')} total={rec.get('total_ms')} ms "
                        f"downtime={rec.get('downtime_ms')} ms bytes={rec.get('bytes')} "
                        f"hb_gap={rec.get('hb_gap_ms')} ms{' error: ' + rec['error'] if rec.get('error') else ''}")
    meta["load_end"] = loadavg()
    md, summary = summarize(a, recs, meta)
    for s in summary:
        line = json.dumps(s)
        print(line, flush=True)
        if jsonl:
            jsonl.write(line + "\n")
    if jsonl:
        jsonl.close()
    sys.stderr.write("\n" + md)
    if a.out:
        with open(a.out, "w") as f:
            f.write(md)
    return 0 if all(s["bar_met"] for s in summary) else 1


if __name__ == "__main__":
    sys.exit(main())
