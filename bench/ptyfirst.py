#!/usr/bin/env python3
"""Times a viewer's first screen as a whole process on a bare pty (no tmux).

compare.py measures inside tmux, whose own work (capture polling, and the
`tmux info` Lip Gloss runs at start when $TMUX is set) adds about 50 ms even
to `head`. This runs COMMAND on a 120x40 pseudo-terminal outside tmux and
reports the time from fork to the first output containing MARK, median of
--runs.

  bench/ptyfirst.py --runs 7 --mark Collection dinero-tui view inv-1g.json
"""
import argparse, fcntl, os, pty, select, statistics, struct, termios, time


def first_screen(cmd, mark, env, timeout=30.0):
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    buf, took = b"", None
    while took is None:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            break
        try:
            buf += os.read(fd, 65536)
        except OSError:
            break
        if mark in buf:
            took = time.perf_counter() - t0
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    return took


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--mark", required=True)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    env = dict(os.environ)
    env.pop("TMUX", None)
    env["TERM"] = "xterm-256color"
    times = [first_screen(a.cmd, a.mark.encode(), env) for _ in range(a.runs)]
    if None in times:
        raise SystemExit("the mark never appeared")
    ms = [round(t * 1000) for t in times]
    print(f"{a.cmd[-1]}: first screen on a bare pty, median of {a.runs}: {round(statistics.median(times) * 1000)} ms {ms}")


if __name__ == "__main__":
    main()
