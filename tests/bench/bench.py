#!/usr/bin/env python3
"""The measuring half of tests/bench/run.sh (issue #7).

run.sh has started a registry (REGISTRY) and the latency proxy in front of
it (PROXY), seeded REPO/bench/seven:<platform> (7 images),
REPO/bench/many:p-0..p-63 (64 images) and a list of each (:list). This
script runs every job against both addresses, alternating the tools run
by run, and writes the table (table.txt, printed too), results.csv,
requests.txt (what each tool asked the registry for), targets.txt (the
issue's targets, met or missed) and ratios.png into the output folder.

Every command runs under mlist-bench-exec, which times it from spawn to
reap and reports its peak RSS and its CPU time (for `docker mlist`, of
docker and the plugin it waited for: the larger RSS, the sum of CPU).
Requests are the lines the registry's access log gained during the run;
"registry CPU" is the CPU time the registry process used meanwhile, in
10 ms ticks: on a small machine it bounds how fast any client can be.
"""

import argparse
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

SEVEN_TAGS = ["amd64", "arm-v6", "arm-v7", "arm64-v8", "386", "ppc64le",
              "s390x"]
MANY = 64

MLIST = "docker-mlist"
DOCKER_MLIST = "docker mlist"
DOCKER_MANIFEST = "docker manifest"
SKOPEO = "skopeo"
BUILDAH = "buildah"
METADATA = "docker-mlist metadata"
DOCKER_VERSION = "docker --version"

# gorilla/handlers' combined format, as docker-registry writes it:
# 127.0.0.1 - - [03/Dec/2026:17:13:39 +0000] "GET /v2/ HTTP/1.1" 200 2 ...
ACCESS_LINE = re.compile(r'^\S+ \S+ \S+ \[[^\]]*\] "(\S+) (\S+) [^"]*" (\d+) ')


class AccessLog:
    """The registry's access log, read from where the last take() ended."""

    def __init__(self, path):
        self.path = path
        self.offset = os.path.getsize(path)

    def take(self):
        """The requests logged since the last call, as (method, target,
        status). The registry logs a request as its handler returns, which
        can be just after the client read the answer and exited: wait
        until the log has not grown for 30 ms (2 s at most)."""
        quiet, size = 0, os.path.getsize(self.path)
        deadline = time.monotonic() + 2
        while quiet < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
            now = os.path.getsize(self.path)
            quiet = quiet + 1 if now == size else 0
            size = now
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            text = f.read().decode("utf-8", "replace")
        # Only whole lines; a partial last line waits for the next take.
        end = text.rfind("\n") + 1
        self.offset += len(text[:end].encode("utf-8"))
        requests = []
        for line in text[:end].splitlines():
            m = ACCESS_LINE.match(line)
            if m and "mlist-bench-readiness" not in line:
                requests.append((m[1], m[2], int(m[3])))
        return requests


def request_kind(method, target):
    """"GET manifest", "POST mount", ...: a request's kind, for the
    requests.txt breakdown."""
    path = target.split("?")[0]
    if path == "/v2/":
        kind = "/v2/"
    elif "/manifests/" in path:
        kind = "manifest"
    elif "mount=" in target:
        kind = "mount"
    elif "/blobs/uploads/" in path:
        kind = "upload"
    elif "/blobs/" in path:
        kind = "blob"
    else:
        kind = path
    return f"{method} {kind}"


def kinds_text(requests):
    counts = {}
    for method, target, status in requests:
        key = f"{request_kind(method, target)} {status}"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{k} x{n}" for k, n in sorted(counts.items()))


class Sample:
    def __init__(self, ms, rss_kb, cpu_ms, requests, registry_cpu_ms=None):
        self.ms = ms
        self.cpu_ms = cpu_ms
        self.rss_kb = rss_kb
        self.requests = requests
        self.registry_cpu_ms = registry_cpu_ms


class ProcessCpu:
    """User and system CPU time a process has used, from /proc (10 ms
    ticks): what the registry spent answering a run."""

    def __init__(self, pid):
        self.path = f"/proc/{pid}/stat"
        self.tick_ms = 1000.0 / os.sysconf("SC_CLK_TCK")

    def ms(self):
        with open(self.path) as f:
            # Fields after the command name, which may hold spaces.
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * self.tick_ms


class Row:
    """One tool in one job and mode, and its runs."""

    def __init__(self, job, mode, tool):
        self.job = job
        self.mode = mode
        self.tool = tool
        self.samples = []
        self.note = ""
        self.kinds = ""
        self.failed = False
        self.ratio = None
        self.output = None

    def median(self):
        return statistics.median(s.ms for s in self.samples)

    def requests(self):
        if not self.samples or self.samples[0].requests is None:
            return None
        return statistics.median(s.requests for s in self.samples)

    def requests_range(self):
        values = [s.requests for s in self.samples]
        return min(values), max(values)

    def max_rss_kb(self):
        return max(s.rss_kb for s in self.samples)

    def cpu_ms(self):
        return statistics.median(s.cpu_ms for s in self.samples)

    def registry_cpu_ms(self):
        values = [s.registry_cpu_ms for s in self.samples
                  if s.registry_cpu_ms is not None]
        return statistics.median(values) if values else None


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = os.path.join(args.work, "bench")
        os.makedirs(self.work, exist_ok=True)
        self.log = AccessLog(args.access_log)
        self.registry_cpu = ProcessCpu(args.registry_pid)
        self.docker = shutil.which("docker")
        self.env = self.base_env()
        self.configs = {t: self.config_dir(t) for t in
                        (MLIST, DOCKER_MLIST, DOCKER_MANIFEST, SKOPEO)}
        self.buildah = self.buildah_prefix()
        self.failed = False

    def base_env(self):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("DOCKER_") and
               k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
        env["DOCKER_CLI_HINTS"] = "false"
        # skopeo and buildah: no credentials of the user's.
        env["REGISTRY_AUTH_FILE"] = os.path.join(self.work, "auth.json")
        return env

    def config_dir(self, tool):
        path = os.path.join(self.work, "config-" + tool.replace(" ", "-"))
        os.makedirs(path, exist_ok=True)
        if tool == DOCKER_MLIST:
            # The plugin as install/install.sh installs it: a copy in
            # cli-plugins. Only this config folder has it, so that docker
            # manifest runs without plugins to look at.
            plugins = os.path.join(path, "cli-plugins")
            os.makedirs(plugins, exist_ok=True)
            shutil.copy2(self.args.mlist, os.path.join(plugins, MLIST))
        return path

    def buildah_prefix(self):
        """buildah with storage of its own in the work folder (vfs needs no
        mounts). Its manifest inspect has no --tls-verify (1.28): plain
        HTTP is allowed by a registries.conf marking both addresses
        insecure."""
        root = os.path.join(self.work, "buildah")
        conf = os.path.join(self.work, "registries.conf")
        with open(conf, "w") as f:
            for host in (self.args.registry, self.args.proxy):
                f.write(f'[[registry]]\nlocation = "{host}"\n'
                        'insecure = true\n\n')
        return ["buildah", "--root", os.path.join(root, "root"),
                "--runroot", os.path.join(root, "run"),
                "--storage-driver", "vfs", "--registries-conf", conf]

    # --- running -------------------------------------------------------

    def exec(self, argv, tool, runs=1, stdout=os.devnull):
        """Runs argv runs times under mlist-bench-exec; returns
        [(exit code, ms, max RSS KiB, CPU ms)] and the last run's
        stderr."""
        env = dict(self.env)
        env["DOCKER_CONFIG"] = self.configs.get(tool, self.configs[SKOPEO])
        err = os.path.join(self.work, "stderr")
        out = subprocess.run(
            [self.args.bench_exec, "--runs", str(runs), "--stdout", stdout,
             "--stderr", err, "--"] + argv,
            env=env, stdout=subprocess.PIPE, check=True, text=True).stdout
        results = []
        for line in out.split("\n"):
            if line:
                code, us, kb, cpu_us = line.split()
                results.append((int(code), int(us) / 1000.0, int(kb),
                                int(cpu_us) / 1000.0))
        with open(err, errors="replace") as f:
            return results, f.read()

    def measure(self, row, job, host, run):
        """One run of row's tool for job: its prepare step, then its
        commands timed one after the other. Returns False on failure."""
        commands = job.commands(self, row.tool, host, run)
        job.prepare(self, row.tool)
        self.log.take()
        cpu_before = self.registry_cpu.ms()
        stdout = os.path.join(self.work, "out-" + row.tool.replace(" ", "-"))
        total_ms, rss, cpu, why = 0.0, 0, 0.0, ""
        for argv in commands:
            [(code, ms, kb, cpu_ms)], err = self.exec(argv, row.tool,
                                                      stdout=stdout)
            total_ms += ms
            cpu += cpu_ms
            rss = max(rss, kb)
            if code != 0:
                why = f"exit {code}: {err.strip().splitlines()[-1:]}"
                break
        requests = self.log.take()
        registry_cpu_ms = self.registry_cpu.ms() - cpu_before
        if why:
            row.failed = True
            row.note = why
            return False
        if run == 0:
            row.kinds = kinds_text(requests)
            with open(stdout, "rb") as f:
                row.output = f.read()
        row.samples.append(Sample(total_ms, rss, cpu, len(requests),
                                  registry_cpu_ms))
        return True

    def tool_argv(self, tool, args):
        """A docker manifest-style command line for tool."""
        if tool == MLIST:
            return [self.args.mlist] + args
        if tool == DOCKER_MLIST:
            return [self.docker, "mlist"] + args
        return [self.docker, "manifest"] + args


class Inspect:
    def __init__(self, count, verbose):
        self.count = count
        self.verbose = verbose
        self.name = f"inspect{' -v' if verbose else ''} {count}"
        self.tools = [MLIST, DOCKER_MLIST, DOCKER_MANIFEST]
        if not verbose:
            # Neither has a verbose view; their raw list is the same bytes
            # as docker's non-verbose one, give or take indentation.
            self.tools += [SKOPEO, BUILDAH]
        self.reference = DOCKER_MANIFEST

    def list_ref(self, host):
        repo = "seven" if self.count == 7 else "many"
        return f"{host}/bench/{repo}:list"

    def prepare(self, bench, tool):
        pass

    def commands(self, bench, tool, host, run):
        ref = self.list_ref(host)
        if tool == SKOPEO:
            return [["skopeo", "inspect", "--raw", "--tls-verify=false",
                     "docker://" + ref]]
        if tool == BUILDAH:
            return [bench.buildah + ["manifest", "inspect", ref]]
        flags = ["--insecure"] + (["--verbose"] if self.verbose else [])
        return [bench.tool_argv(tool, ["inspect"] + flags + [ref])]


def images(host, count):
    if count == 7:
        return [f"{host}/bench/seven:{t}" for t in SEVEN_TAGS]
    return [f"{host}/bench/many:p-{i}" for i in range(count)]


def remove_lists(bench, tool):
    """A fresh config folder (but for the plugin itself): every create
    starts with no lists, docker's or docker-mlist's own records."""
    config = bench.configs[tool]
    for name in os.listdir(config):
        if name != "cli-plugins":
            shutil.rmtree(os.path.join(config, name), ignore_errors=True)


class Create:
    def __init__(self, count):
        self.count = count
        self.name = f"create {count}"
        self.tools = [MLIST, DOCKER_MLIST, DOCKER_MANIFEST]
        self.reference = DOCKER_MANIFEST

    def prepare(self, bench, tool):
        remove_lists(bench, tool)

    def commands(self, bench, tool, host, run):
        args = ["create", "--insecure", f"{host}/bench/made:{self.count}"]
        return [bench.tool_argv(tool, args + images(host, self.count))]


class CreatePush:
    """create of the 7 images then push into another repository, new for
    every run, so that every blob is mounted, never found there already."""

    def __init__(self):
        self.name = "create+push 7"
        self.tools = [MLIST, DOCKER_MLIST, DOCKER_MANIFEST]
        self.reference = DOCKER_MANIFEST

    def prepare(self, bench, tool):
        remove_lists(bench, tool)

    def commands(self, bench, tool, host, run):
        mode = "proxy" if host == bench.args.proxy else "direct"
        slug = tool.replace(" ", "-")
        target = f"{host}/bench/push-{slug}-{mode}-{run}:1"
        create = ["create", "--insecure", target] + images(host, 7)
        push = ["push", "--insecure", target]
        return [bench.tool_argv(tool, create), bench.tool_argv(tool, push)]


class Metadata:
    """The plugin handshake docker runs before every plugin command, and
    docker's own start-up as the reference; no network."""

    def __init__(self):
        self.name = "metadata"
        self.tools = [METADATA, DOCKER_VERSION]
        self.reference = DOCKER_VERSION

    def argv(self, bench, tool):
        if tool == METADATA:
            return [bench.args.mlist, "docker-cli-plugin-metadata"]
        return [bench.docker, "--version"]


def rotated(tools, run):
    k = run % len(tools)
    return tools[k:] + tools[:k]


def run_job(bench, job, mode, host, runs):
    rows = {tool: Row(job.name, mode, tool) for tool in job.tools}
    for run in range(runs):
        # The order changes every run, so that no tool always runs just
        # after the same other one.
        for tool in rotated(job.tools, run):
            row = rows[tool]
            if row.failed:
                continue
            if not bench.measure(row, job, host, run) and tool != BUILDAH:
                bench.failed = True
    return [rows[t] for t in job.tools]


def run_metadata(bench, job, runs):
    """runs runs of each, in batches of 20 that alternate."""
    rows = {tool: Row(job.name, "direct", tool) for tool in job.tools}
    batch = 20
    for start in range(0, runs, batch):
        for tool in rotated(job.tools, start // batch):
            n = min(batch, runs - start)
            results, err = bench.exec(job.argv(bench, tool), MLIST, runs=n)
            for code, ms, kb, cpu_ms in results:
                if code != 0:
                    rows[tool].failed = True
                    rows[tool].note = f"exit {code}: {err.strip()[-200:]}"
                    bench.failed = True
                rows[tool].samples.append(Sample(ms, kb, cpu_ms, None))
    return [rows[t] for t in job.tools]


def explain(rows, job):
    """Fills in ratios to the job's reference and notes on the output."""
    ref = next(r for r in rows if r.tool == job.reference)
    for row in rows:
        if row.samples and ref.samples:
            row.ratio = ref.median() / row.median()
        if row.tool == BUILDAH and row.failed:
            row.note = "cannot inspect a remote list: " + row.note
        if (isinstance(job, Inspect) and row.tool in (MLIST, DOCKER_MLIST)
                and ref.samples and row.samples
                and row.output != ref.output):
            row.note = "output differs from docker manifest"


def fmt_ms(ms):
    return f"{ms:.1f}" if ms >= 10 else f"{ms:.2f}"


def fmt_requests(row):
    if row.requests() is None:
        return "-"
    low, high = row.requests_range()
    return str(low) if low == high else f"{low}-{high}"


COLUMNS = ["job", "mode", "tool", "median ms", "min ms", "max ms",
           "requests", "max RSS MB", "CPU ms", "registry CPU ms",
           "x docker"]


def table_lines(all_rows):
    cells = []
    for row in all_rows:
        if not row.samples:
            cells.append([row.job, row.mode, row.tool, "-", "-", "-", "-",
                          "-", "-", "-", "n/a"])
            continue
        ms = [s.ms for s in row.samples]
        cpu = row.registry_cpu_ms()
        cells.append([
            row.job, row.mode, row.tool, fmt_ms(row.median()),
            fmt_ms(min(ms)), fmt_ms(max(ms)), fmt_requests(row),
            f"{row.max_rss_kb() / 1024:.1f}", fmt_ms(row.cpu_ms()),
            "-" if cpu is None else f"{cpu:.0f}",
            f"{row.ratio:.1f}x" if row.ratio else "n/a"])
    widths = [max(len(c[i]) for c in cells + [COLUMNS])
              for i in range(len(COLUMNS))]

    def line(values):
        return "  ".join(v.ljust(w) if i < 3 else v.rjust(w)
                         for i, (v, w) in enumerate(zip(values, widths)))

    lines = [line(COLUMNS), line(["-" * w for w in widths])]
    last_job = None
    for row, c in zip(all_rows, cells):
        if last_job is not None and (row.job, row.mode) != last_job:
            lines.append("")
        last_job = (row.job, row.mode)
        lines.append(line(c) + (f"  ({row.note})" if row.note else ""))
    return lines


def write_csv(path, all_rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["job", "mode", "tool", "runs", "median_ms", "min_ms",
                    "max_ms", "requests_median", "requests_min",
                    "requests_max", "max_rss_kb", "cpu_ms", "registry_cpu_ms",
                    "ratio_to_reference", "note"])
        for row in all_rows:
            if not row.samples:
                w.writerow([row.job, row.mode, row.tool, 0] + [""] * 10 +
                           [row.note])
                continue
            ms = [s.ms for s in row.samples]
            low, high = (row.requests_range() if row.requests() is not None
                         else ("", ""))
            w.writerow([row.job, row.mode, row.tool, len(ms),
                        f"{row.median():.3f}", f"{min(ms):.3f}",
                        f"{max(ms):.3f}",
                        "" if row.requests() is None else row.requests(),
                        low, high, row.max_rss_kb(), f"{row.cpu_ms():.3f}",
                        "" if row.registry_cpu_ms() is None
                        else f"{row.registry_cpu_ms():.0f}",
                        f"{row.ratio:.3f}" if row.ratio else "", row.note])


def write_chart(out, all_rows, delay_ms):
    """ratios.png: each tool's speed-up over the reference, direct and
    through the proxy side by side, on a log scale."""
    if not shutil.which("gnuplot"):
        print("WARNING: gnuplot not found: no chart "
              "(tests/bench/deps.sh installs it)", file=sys.stderr)
        return
    ratios = {}
    for row in all_rows:
        if row.tool in (DOCKER_MANIFEST, DOCKER_VERSION):
            continue
        key = (row.job, row.tool)
        ratios.setdefault(key, {})[row.mode] = row.ratio
    data = os.path.join(out, "ratios.dat")
    with open(data, "w") as f:
        for (job, tool), by_mode in ratios.items():
            label = f"{job}\\n{tool.replace(' metadata', '')}"
            d = by_mode.get("direct")
            p = by_mode.get("proxy")
            f.write(f'"{label}" {d if d else "-"} {p if p else "-"}\n')
    script = f"""
set terminal pngcairo size 1600,700 font "sans,10"
set output "{os.path.join(out, 'ratios.png')}"
set title "Speed-up over docker manifest (metadata: over docker --version); \
median of each; log scale"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set datafile missing "-"
set logscale y
set yrange [0.3:*]
set ylabel "times faster than the reference"
set grid ytics
set xtics rotate by -40 left font ",9"
set key top left
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lc "black"
plot "{data}" using 2:xtic(1) title "direct" lc rgb "#4477aa", \\
     "" using 3 title "through the proxy ({delay_ms:g} ms each way)" \\
        lc rgb "#ee7733", \\
     "" using ($0 - 1.0 / 6):2:(sprintf("%.1f", $2)) with labels \\
        offset 0,0.6 font ",8" notitle, \\
     "" using ($0 + 1.0 / 6):3:(sprintf("%.1f", $3)) with labels \\
        offset 0,0.6 font ",8" notitle
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def find(all_rows, job, tool, mode="direct"):
    for row in all_rows:
        if (row.job, row.tool, row.mode) == (job, tool, mode) and row.samples:
            return row
    return None


def targets(all_rows):
    """The issue's targets: (what, measured, met); met is None for a job
    that did not run."""
    out = []

    def check(what, row, value_fn, ok_fn, unit):
        if row is None:
            out.append((what, "not measured", None))
            return
        value = value_fn(row)
        out.append((what, f"{value:.1f}{unit}", ok_fn(value)))

    def ratio(job, tool, at_least):
        check(f"{job}: {tool} >= {at_least}x faster",
              find(all_rows, job, tool), lambda r: r.ratio,
              lambda v: v >= at_least, "x")

    def requests(job, at_most):
        check(f"{job}: docker-mlist <= {at_most} requests",
              find(all_rows, job, MLIST),
              lambda r: max(s.requests for s in r.samples),
              lambda v: v <= at_most, "")

    requests("inspect 7", 2)
    ratio("inspect 7", MLIST, 4)
    ratio("inspect 7", DOCKER_MLIST, 3)
    requests("inspect -v 64", 66)
    ratio("inspect -v 64", MLIST, 8)
    ratio("inspect -v 64", DOCKER_MLIST, 8)
    ratio("create 64", MLIST, 8)
    ratio("create 64", DOCKER_MLIST, 8)
    requests("create+push 7", 40)
    ratio("create+push 7", MLIST, 5)
    ratio("create+push 7", DOCKER_MLIST, 5)
    check("metadata: median <= 2 ms", find(all_rows, "metadata", METADATA),
          lambda r: r.median(), lambda v: v <= 2, " ms")
    ours = [r for r in all_rows if r.tool in (MLIST, METADATA) and r.samples]
    peak = max(ours, key=lambda r: r.max_rss_kb(), default=None)
    if peak:
        out.append((f"peak memory <= 10 MB (docker-mlist; largest: "
                    f"{peak.job}, {peak.mode})",
                    f"{peak.max_rss_kb() / 1024:.1f} MB",
                    peak.max_rss_kb() <= 10 * 1024))
    for row in all_rows:
        if row.mode != "proxy" or row.tool not in (MLIST, DOCKER_MLIST):
            continue
        direct = find(all_rows, row.job, row.tool)
        if direct and direct.ratio and row.ratio:
            out.append((f"proxy >= direct: {row.job}, {row.tool}",
                        f"{row.ratio:.1f}x vs {direct.ratio:.1f}x",
                        row.ratio >= direct.ratio))
    return out


def main():
    p = argparse.ArgumentParser(description="tests/bench/run.sh's measuring")
    p.add_argument("--registry", required=True)
    p.add_argument("--registry-pid", type=int, required=True)
    p.add_argument("--proxy", required=True)
    p.add_argument("--delay-ms", type=float, default=25)
    p.add_argument("--access-log", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--mlist", required=True)
    p.add_argument("--bench-exec", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--metadata-runs", type=int, default=200)
    p.add_argument("--jobs", default="",
                   help="comma-separated job names to run (default: all)")
    args = p.parse_args()
    bench = Bench(args)

    jobs = [Inspect(7, False), Inspect(7, True), Inspect(64, False),
            Inspect(64, True), Create(7), Create(64), CreatePush(),
            Metadata()]
    if args.jobs:
        wanted = set(args.jobs.split(","))
        jobs = [j for j in jobs if j.name in wanted]

    # Page in every program and set up buildah's storage once, so that no
    # first run pays for it.
    warm_up = Inspect(7, False)
    for tool in warm_up.tools:
        for argv in warm_up.commands(bench, tool, args.registry, 0):
            bench.exec(argv, tool)
    bench.exec([bench.docker, "--version"], MLIST)

    all_rows = []
    # The machine may be shared: the load seen between jobs goes into the
    # report, so that a reader can judge the times.
    loads = [os.getloadavg()[0]]
    for job in jobs:
        if isinstance(job, Metadata):
            rows = run_metadata(bench, job, args.metadata_runs)
            explain(rows, job)
            all_rows += rows
            continue
        for mode, host in (("direct", args.registry), ("proxy", args.proxy)):
            started = time.monotonic()
            rows = run_job(bench, job, mode, host, args.runs)
            explain(rows, job)
            all_rows += rows
            loads.append(os.getloadavg()[0])
            print(f"   {job.name}, {mode}: {time.monotonic() - started:.0f} s"
                  f" (load average {loads[-1]:.1f})", file=sys.stderr)

    os.makedirs(args.out, exist_ok=True)
    lines = table_lines(all_rows)
    header = "\n".join([
        f"docker-mlist benchmark: {args.runs} runs per tool and job "
        f"({args.metadata_runs} for metadata), proxy {args.delay_ms:g} ms "
        "each way.",
        "Times are wall-clock ms; requests as the registry logged them; "
        "max RSS and CPU of the",
        "process (docker mlist: docker and the plugin, so the RSS is "
        "docker's); registry CPU:",
        "what the registry used meanwhile; x docker = docker manifest's "
        "median / this median",
        "(metadata: docker --version's).",
        f"Machine: {os.cpu_count()} CPUs; 1-minute load average between "
        f"jobs {min(loads):.1f} to {max(loads):.1f}."])
    text = "\n".join([header, ""] + lines) + "\n"
    print(text)
    with open(os.path.join(args.out, "table.txt"), "w") as f:
        f.write(text)
    write_csv(os.path.join(args.out, "results.csv"), all_rows)
    with open(os.path.join(args.out, "requests.txt"), "w") as f:
        for row in all_rows:
            if row.kinds:
                f.write(f"{row.job} | {row.mode} | {row.tool}: {row.kinds}\n")
    goals = targets(all_rows)
    status = {True: "met   ", False: "MISSED", None: "n/a   "}
    goal_lines = [f"{status[ok]}  {what}: {value}" for what, value, ok in goals]
    goal_text = "targets (issue #7):\n" + "\n".join(goal_lines) + "\n"
    print(goal_text)
    with open(os.path.join(args.out, "targets.txt"), "w") as f:
        f.write(goal_text)
    write_chart(args.out, all_rows, args.delay_ms)
    return 1 if bench.failed else 0


if __name__ == "__main__":
    sys.exit(main())
