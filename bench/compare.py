#!/usr/bin/env python3
"""Compare JSON viewers as whole processes in tmux.

For each file and run, every viewer is started in a fresh tmux session and
timed with the screen as the user sees it (tmux capture-pane):
  first  - from launch to the first screen showing the document
  G@1st  - G pressed as soon as the first screen shows: launch to the end on screen
  pgdn   - from pressing PageDown to the next screen
  G      - from pressing G to the end of the document on screen
  search - from pressing enter on "/<term>" to the hit on screen
  rss    - peak resident memory of the process (/usr/bin/time -v); with a
           mapped file this counts the file's pages in the page cache too
  anon   - peak anonymous memory (RssAnon, /proc/PID/status sampled every 20 ms):
           what the process itself allocated
Medians over the runs are printed as a table. Usage:
  (a private tmux server, socket "vbench", keeps other sessions out of the way)
  compare.py --runs 3 --viewer ours='/tmp/dinero-tui view' --viewer fx=/path/fx FILE...
"""
import argparse, os, statistics, subprocess, threading, time

END_MARK = 'ResultWithoutFilter":'   # only in the Pagination block at the end
SEARCH_TERM = "ResultWithoutF"        # typed into the prompt; END_MARK is not
START_MARK = "Collection"


def tmux(*args, check=True):
    return subprocess.run(["tmux", "-L", "vbench", *args], capture_output=True, text=True, check=check)


def pane(session):
    r = tmux("capture-pane", "-p", "-t", session, check=False)
    return r.stdout if r.returncode == 0 else None


def wait_for(session, pred, timeout):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        text = pane(session)
        if text is not None and pred(text):
            return time.monotonic()
        time.sleep(0.002)
    raise TimeoutError(f"{session}: screen never matched")


def peak_rss_mb(path):
    for _ in range(500):
        if os.path.exists(path) and "Maximum resident" in open(path).read():
            break
        time.sleep(0.02)
    for line in open(path):
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    return float("nan")


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(k) for k in f.read().split()]
    except (ValueError, OSError):
        return []


def viewer_pid(session, depth=1):
    """The viewer: the child of /usr/bin/time, which the pane runs (through
    a shell when the input is piped: depth 2)."""
    r = tmux("display-message", "-p", "-t", session, "#{pane_pid}", check=False)
    try:
        pids = [int(r.stdout.strip())]
    except ValueError:
        return None
    for _ in range(depth):
        pids = [k for p in pids for k in children(p)]
    for p in pids:
        try:
            if "time" not in open(f"/proc/{p}/comm").read() and "cat" not in open(f"/proc/{p}/comm").read():
                return p
        except OSError:
            pass
    return None


class AnonSampler(threading.Thread):
    """Samples RssAnon of the viewer until stopped; peak is in MB."""

    def __init__(self, session, stdin=False):
        super().__init__(daemon=True)
        self.session, self.peak, self.done = session, 0.0, threading.Event()
        self.depth = 2 if stdin else 1

    def run(self):
        pid = None
        while not self.done.is_set():
            pid = pid or viewer_pid(self.session, self.depth)
            if pid:
                try:
                    for line in open(f"/proc/{pid}/status"):
                        if line.startswith("RssAnon:"):
                            self.peak = max(self.peak, int(line.split()[1]) / 1024)
                except OSError:
                    pass
            time.sleep(0.02)


def run_once(name, cmd, path, tag, timeout, width, height):
    session = f"vbench-{name}-{tag}"
    timefile = f"/tmp/vbench-{session}.time"
    if os.path.exists(timefile):
        os.remove(timefile)
    tmux("kill-session", "-t", session, check=False)
    shell = f"exec /usr/bin/time -v -o {timefile} {cmd} {path}"
    t0 = time.monotonic()
    tmux("new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), shell)
    sampler = AnonSampler(session)
    sampler.start()
    res = {}
    try:
        res["first"] = wait_for(session, lambda s: START_MARK in s, timeout) - t0
        tmux("send-keys", "-t", session, "G")
        res["G@1st"] = wait_for(session, lambda s: END_MARK in s, timeout) - t0
        tmux("send-keys", "-t", session, "g")
        wait_for(session, lambda s: END_MARK not in s and START_MARK in s, timeout)
        time.sleep(0.5)
        before = pane(session)
        t0 = time.monotonic()
        tmux("send-keys", "-t", session, "PageDown")
        res["pgdn"] = wait_for(session, lambda s: s != before, timeout) - t0
        time.sleep(0.2)
        t0 = time.monotonic()
        tmux("send-keys", "-t", session, "G")
        res["G"] = wait_for(session, lambda s: END_MARK in s, timeout) - t0
        tmux("send-keys", "-t", session, "g")
        wait_for(session, lambda s: END_MARK not in s and START_MARK in s, timeout)
        time.sleep(0.3)
        tmux("send-keys", "-t", session, "/")
        time.sleep(0.2)
        tmux("send-keys", "-t", session, "-l", SEARCH_TERM)
        time.sleep(0.3)
        t0 = time.monotonic()
        tmux("send-keys", "-t", session, "Enter")
        res["search"] = wait_for(session, lambda s: END_MARK in s, timeout) - t0
    finally:
        tmux("send-keys", "-t", session, "Escape", check=False)
        time.sleep(0.1)
        tmux("send-keys", "-t", session, "q", check=False)
        for _ in range(500):
            if tmux("has-session", "-t", session, check=False).returncode != 0:
                break
            time.sleep(0.02)
        tmux("kill-session", "-t", session, check=False)
        sampler.done.set()
    res["rss"] = peak_rss_mb(timefile)
    res["anon"] = sampler.peak
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--viewer", action="append", required=True, help="name=command")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--width", type=int, default=120)
    ap.add_argument("--height", type=int, default=40)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    viewers = [v.split("=", 1) for v in a.viewer]
    for path in a.files:
        size = os.path.getsize(path) / 2**20
        results = {name: [] for name, _ in viewers}
        for run in range(a.runs):
            for name, cmd in viewers:  # interleaved: same conditions per run
                try:
                    r = run_once(name, cmd, path, str(run), a.timeout, a.width, a.height)
                except TimeoutError as e:
                    r = {"error": str(e)}
                print(f"{os.path.basename(path)} run {run+1} {name}: {fmt(r)}", flush=True)
                results[name].append(r)
        print(f"\n{os.path.basename(path)} ({size:.0f} MB), median of {a.runs}:")
        print(f"{'viewer':8} {'first screen':>13} {'G@1st':>9} {'pgdn':>9} {'G':>9} {'search':>9}"
              f" {'peak RSS':>10} {'RSS/size':>9} {'RssAnon':>9} {'anon/size':>9}")
        for name, _ in viewers:
            med = {k: statistics.median([r[k] for r in results[name] if k in r] or [float("nan")])
                   for k in ("first", "G@1st", "pgdn", "G", "search", "rss", "anon")}
            print(f"{name:8} {med['first']*1000:11.0f}ms {med['G@1st']*1000:7.0f}ms {med['pgdn']*1000:7.0f}ms"
                  f" {med['G']*1000:7.0f}ms {med['search']*1000:7.0f}ms"
                  f" {med['rss']:8.0f}MB {med['rss']/size:8.2f}x {med['anon']:7.0f}MB {med['anon']/size:8.2f}x")
        print()


def fmt(r):
    def one(k, v):
        if k in ("rss", "anon"):
            return f"{k}={v:.0f}MB"
        return f"{k}={v*1000:.0f}ms" if isinstance(v, float) else f"{k}={v}"
    return " ".join(one(k, v) for k, v in r.items())


if __name__ == "__main__":
    main()
