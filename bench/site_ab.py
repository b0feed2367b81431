#!/usr/bin/env python3
"""Site chrome batch cost of two builds, side by side (issue #13).

    python3 bench/site_ab.py OLD_BINARY NEW_BINARY DIR [RUNS]

Runs `BINARY --json -q -j 1 DIR` with --site-chrome off and with the default
(auto), for both binaries, in alternation (a busy machine slows every variant
alike); prints the median and minimum CPU seconds (user + sys of the child),
the median system seconds and the largest peak RSS of each, and auto vs off per
build (medians and minima). For instruction counts, which do not depend on the
machine's load, run the same command under `valgrind --tool=callgrind`.
"""
import os
import statistics
import subprocess
import sys


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    old, new, d = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    variants = [("old off", [old, "--site-chrome", "off"]), ("old auto", [old]),
                ("new auto", [new]), ("new off", [new, "--site-chrome", "off"])]
    res = {n: [] for n, _ in variants}
    for _ in range(runs):
        for n, cmd in variants:
            p = subprocess.Popen(cmd + ["--json", "-q", "-j", "1", d], stdout=subprocess.DEVNULL)
            _, _, ru = os.wait4(p.pid, 0)
            res[n].append((ru.ru_utime + ru.ru_stime, ru.ru_stime, ru.ru_maxrss / 1024.0))
    cpu = {n: [x[0] for x in r] for n, r in res.items()}
    for n, _ in variants:
        print("%-9s median %.3f s  min %.3f s  sys %.3f s  peak RSS %.1f MB  %s" %
              (n, statistics.median(cpu[n]), min(cpu[n]), statistics.median([x[1] for x in res[n]]),
               max(x[2] for x in res[n]), " ".join("%.2f" % x for x in cpu[n])))
    for a in ("old", "new"):
        print("%s auto vs off: median %+.1f %%, min %+.1f %%" %
              (a, 100 * (statistics.median(cpu[a + " auto"]) / statistics.median(cpu[a + " off"]) - 1),
               100 * (min(cpu[a + " auto"]) / min(cpu[a + " off"]) - 1)))


if __name__ == "__main__":
    main()
