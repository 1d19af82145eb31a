#!/usr/bin/env python3
"""Whole-file native throughput: `ftgate check` with 1 and N threads next to
the bare-parse floor (`examples/parse_floor`: split lines + serde_json Value)
on generated files. Prints a markdown table and writes it to --out. Prints
figures; asserts nothing.

    python3 bench/native.py                      # 10 and 100 MB files
    python3 bench/native.py --sizes 10 --big     # 10 MB and 512 MB
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def generated(mb, out_dir):
    """bench/out/<mb>mb.jsonl, generated once (1% harmful, seed 7)."""
    path = os.path.join(out_dir, f"{mb}mb.jsonl")
    if not os.path.exists(path):
        with open(path + ".tmp", "w") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--mb", str(mb),
                            "--harmful", "0.01"], stdout=f, check=True)
        os.replace(path + ".tmp", path)
    return path


def timed(cmd):
    """Runs cmd; returns (seconds, max RSS in MB, stdout text)."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
        _, status, ru = os.wait4(p.pid, 0)
        secs = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.read().decode()}")
        out.seek(0)
        return secs, ru.ru_maxrss / 1024, out.read().decode()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100", help="file sizes in MB, comma-separated (default 10,100)")
    ap.add_argument("--big", action="store_true", help="also a 512 MB file")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="N (default: all cores)")
    ap.add_argument("--ftgate", default=os.path.join(REPO, "target", "fast", "ftgate"))
    ap.add_argument("--floor", default=os.path.join(REPO, "target", "fast", "examples", "parse_floor"))
    ap.add_argument("--out", default=os.path.join(HERE, "out", "native.md"))
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",") if s]
    if a.big:
        sizes.append(512)
    out_dir = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(out_dir, exist_ok=True)
    threads = sorted({1, a.threads})
    rows = ["| file | MB | examples | bare parse (floor) | " +
            " | ".join(f"`ftgate check --threads {t}`" for t in threads) + " | gate / floor |",
            "|---|---|---|---|" + "---|" * len(threads) + "---|"]
    print("\n".join(rows), flush=True)
    for mb in sizes:
        path = generated(mb, out_dir)
        size = os.path.getsize(path) / 1e6
        floor_s, _, floor_out = timed([a.floor, path])
        floor_s = json.loads(floor_out)["seconds"]  # in-process time, no start-up
        cells, best = [], None
        examples = 0
        for t in threads:
            secs, rss, out = timed([a.ftgate, "check", path, "--json", "--threads", str(t)])
            examples = json.loads(out)["examples"]
            best = secs if best is None else min(best, secs)
            cells.append(f"{secs:.1f} s: {size / secs:.2f} MB/s, {examples / secs:,.0f} ex/s, {rss:.0f} MB RSS")
        row = (f"| {os.path.relpath(path, REPO)} | {size:.1f} | {examples:,} | "
               f"{floor_s:.2f} s: {size / floor_s:.0f} MB/s | " + " | ".join(cells) +
               f" | {best / floor_s:.0f}× |")
        rows.append(row)
        print(row, flush=True)
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    with open(a.out, "w") as f:
        f.write(f"### Native whole file ({os.cpu_count()} cores, {cpu})\n\n")
        f.write("`python3 bench/native.py` — wall time of the whole process (model load "
                "included); floor: in-process time of `examples/parse_floor`.\n\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
