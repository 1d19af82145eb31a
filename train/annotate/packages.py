#!/usr/bin/env python3
"""Openly licensed real text shipped as Debian packages (see train/labels/PACKAGES.md).

  packages.py fetch     apt-get download + dpkg-deb -x the pinned packages into train/work/pkgs/

The inventory (inventory.py) reads the extracted files: nothing from them is committed.
- fortunes 1:1.99.1-7.3 (BSD licence, fortune-mod's data): quotes, jokes, literature and
  song excerpts; one text per fortune, English files only (not the offensive section, which
  Debian does not ship in this package).
- debian-handbook 11.20220922 (GPL-2+ or CC-BY-SA-3.0): "The Debian Administrator's Handbook",
  long-form technical prose full of sysadmin words (kill, daemon, execute, abort); one text
  per run of consecutive paragraphs (<div class="para">) up to ~1,500 characters, en-US HTML.
"""
from __future__ import annotations

import glob
import html.parser
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PKGS = ROOT / "train" / "work" / "pkgs"
PINS = {"fortunes": "1:1.99.1-7.3", "debian-handbook": "11.20220922"}


def fetch():
    PKGS.mkdir(parents=True, exist_ok=True)
    for name, ver in PINS.items():
        if (PKGS / f"{name}.ok").exists():
            continue
        debs = PKGS / "debs"
        debs.mkdir(exist_ok=True)
        subprocess.run(["apt-get", "download", f"{name}={ver}"], cwd=debs, check=True)
        deb = sorted(glob.glob(str(debs / f"{name}_*.deb")))[-1]
        subprocess.run(["dpkg-deb", "-x", deb, str(PKGS / name)], check=True)
        (PKGS / f"{name}.ok").write_text(ver + "\n")


def fortunes():
    base = PKGS / "fortunes" / "usr" / "share" / "games" / "fortunes"
    if not base.exists():
        return
    for f in sorted(base.iterdir()):
        if f.suffix in (".dat", ".u8") or not f.is_file():
            continue
        raw = f.read_text(encoding="utf-8", errors="replace")
        for k, t in enumerate(raw.split("\n%\n")):
            t = t.strip().strip("%").strip()
            if len(t) >= 20:
                yield f"{f.name}:{k}", t, "f:" + f.name + ":" + str(k // 20), {"file": f.name}


class _Para(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.out, self.buf, self.depth = [], [], 0

    # Publican HTML: a paragraph is <div class="para">, which may hold nested divs (lists,
    # notes); the text up to the paragraph's own closing tag is one text.
    def handle_starttag(self, tag, attrs):
        if self.depth:
            if tag == "div":
                self.depth += 1
        elif tag == "div" and ("class", "para") in attrs:
            self.depth = 1
            self.buf = []

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
            if not self.depth:
                t = re.sub(r"\s+", " ", "".join(self.buf)).strip()
                if t:
                    self.out.append(t)

    def handle_data(self, data):
        if self.depth:
            self.buf.append(data)


def handbook():
    base = PKGS / "debian-handbook" / "usr" / "share" / "doc" / "debian-handbook" / "html" / "en-US"
    if not base.exists():
        return
    for f in sorted(base.glob("*.html")):
        p = _Para()
        p.feed(f.read_text(encoding="utf-8", errors="replace"))
        # consecutive paragraphs joined up to ~1,500 characters: long-form benign text
        cur, start = [], 0
        for k, t in enumerate(p.out + [None]):
            if t is None or (cur and sum(len(x) for x in cur) + len(t) > 1500):
                body = "\n\n".join(cur)
                if len(body) >= 200:
                    yield f"{f.stem}:{start}", body, "h:" + f.stem, {"page": f.stem}
                cur, start = [], k
            if t is not None:
                cur.append(t)


def available() -> bool:
    return all((PKGS / f"{n}.ok").exists() for n in PINS)


if __name__ == "__main__":
    if sys.argv[1:] != ["fetch"]:
        sys.exit(__doc__)
    fetch()
    print(f"{sum(1 for _ in fortunes())} fortunes, {sum(1 for _ in handbook())} handbook paragraphs in {PKGS}")
