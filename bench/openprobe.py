#!/usr/bin/env python3
"""Time one viewer opening one input, as a whole process in tmux.

  open   - from launch to MARK on screen (the first screen)
  later  - from launch to LATER on screen (e.g. the error message of a file
           that breaks off at its end), when --later is given
  anon   - peak RssAnon of the viewer (sampled every 20 ms)
  rss    - peak resident memory (/usr/bin/time -v), page cache of mapped files included
Usage:
  openprobe.py --runs 3 --mark '"Collection"' [--stdin] [--later 'breaks off'] CMD FILE
With --stdin the file is piped in (cat FILE | CMD -).
"""
import argparse, os, re, statistics, time

from compare import AnonSampler, peak_rss_mb, tmux, wait_for


def run_once(a, tag):
    session = f"vprobe-{tag}"
    timefile = f"/tmp/vprobe-{tag}.time"
    if os.path.exists(timefile):
        os.remove(timefile)
    tmux("kill-session", "-t", session, check=False)
    if a.stdin:
        shell = f"cat {a.file} | /usr/bin/time -v -o {timefile} {a.cmd} -"
    else:
        shell = f"exec /usr/bin/time -v -o {timefile} {a.cmd} {a.file}"
    t0 = time.monotonic()
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", shell)
    sampler = AnonSampler(session, stdin=a.stdin)
    sampler.start()
    res = {}
    try:
        res["open"] = wait_for(session, lambda s: re.search(a.mark, s), a.timeout) - t0
        if a.later:
            res["later"] = wait_for(session, lambda s: re.search(a.later, s), a.timeout) - t0
        time.sleep(0.3)
    except TimeoutError:
        res.setdefault("open", float("inf"))
        res.setdefault("later", float("inf"))
    finally:
        tmux("send-keys", "-t", session, "q", check=False)
        for _ in range(500):
            if tmux("has-session", "-t", session, check=False).returncode != 0:
                break
            time.sleep(0.02)
        tmux("kill-session", "-t", session, check=False)
        sampler.done.set()
    res["anon"] = sampler.peak
    res["rss"] = peak_rss_mb(timefile)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--mark", required=True)
    ap.add_argument("--later")
    ap.add_argument("--stdin", action="store_true")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("cmd")
    ap.add_argument("file")
    a = ap.parse_args()
    runs = []
    for i in range(a.runs):
        runs.append(run_once(a, str(i)))
        if runs[-1]["open"] == float("inf"):
            print(f"did not open within {a.timeout:.0f} s; no more runs", flush=True)
            break
    med = {k: statistics.median([r[k] for r in runs if k in r]) for k in runs[0]}
    size = os.path.getsize(a.file) / 2**20
    times = " ".join(f"{k} {med[k]*1000:.0f} ms" for k in ("open", "later") if k in med)
    print(f"{os.path.basename(a.file)} ({size:.0f} MB{', stdin' if a.stdin else ''}), median of {a.runs}: {times},"
          f" RssAnon {med['anon']:.0f} MB ({med['anon']/size:.2f}x), RSS {med['rss']:.0f} MB")


if __name__ == "__main__":
    main()
