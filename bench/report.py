#!/usr/bin/env python3
"""Writes bench/out/report.md from what `make bench` left in bench/out/:
stages.txt (criterion's output), native.md (bench/native.py) and browser.md
(bench/browser.mjs). Missing parts are named, not invented.

    python3 bench/report.py [--dir bench/out]
"""
import argparse
import datetime
import os
import re
import subprocess


def stages_table(text):
    """criterion's `name time: [lo mid hi] thrpt: [lo mid hi]` → markdown rows (medians)."""
    rows = ["| stage | time (median) | throughput (median) |", "|---|---|---|"]
    name = None
    time = None
    for line in text.splitlines():
        m = re.match(r"^(\S+/\S+)\s*(time:.*)?$", line.strip())
        if m and not line.startswith(" ") and "/" in m.group(1):
            name = m.group(1)
            line = m.group(2) or ""
        t = re.search(r"time:\s*\[\S+ \S+ (\S+ \S+) \S+ \S+\]", line)
        if t:
            time = t.group(1)
        r = re.search(r"thrpt:\s*\[\S+ \S+ (\S+ \S+) \S+ \S+\]", line)
        if r and name:
            rows.append(f"| `{name}` | {time} | {r.group(1)} |")
            name = None
    inp = re.search(r"^input: .*$", text, re.M)
    head = f"Input: {inp.group(0)[7:]}.\n\n" if inp else ""
    return head + "\n".join(rows) + "\n"


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    a = ap.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    parts = [f"# ftgate benchmark report\n\n{datetime.date.today()} · commit {commit or '?'} · "
             f"{os.cpu_count()} cores · load average at the end {os.getloadavg()[0]:.1f} "
             "(a shared machine makes figures noisy)\n"]
    native = read(os.path.join(a.dir, "native.md"))
    parts.append(native or "### Native whole file\n\nnot run (bench/native.py)\n")
    stages = read(os.path.join(a.dir, "stages.txt"))
    parts.append("### Native stages (criterion, `cargo bench --profile fast --bench stages`)\n\n" +
                 (stages_table(stages) if stages else "not run\n"))
    browser = read(os.path.join(a.dir, "browser.md"))
    parts.append(browser or "### Browser\n\nnot run (node bench/browser.mjs)\n")
    out = os.path.join(a.dir, "report.md")
    with open(out, "w") as f:
        f.write("\n".join(parts))
    print(open(out).read())


if __name__ == "__main__":
    main()
