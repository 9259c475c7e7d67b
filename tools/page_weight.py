#!/usr/bin/env python3
"""Page weight of the built book against issue 13's budgets (printed by `make benchmark`).

    python tools/page_weight.py [--site _build/html]

For each page: its HTML, and its first load: the HTML plus every picture and every
course-owned script or stylesheet it loads (``_images/``, ``_static/snb*``, the widget
bundle and RequireJS when a page still embeds widgets, and the first picture of each
explorer; the explorers' other pictures load on demand). The theme's and Sphinx's
shared assets and MathJax are left out, as the budget says. Budgets: HTML <= 150 KB a
page, first load <= 600 KB a chapter page.
"""

from __future__ import annotations

import argparse
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
HTML_BUDGET = 150_000
FIRST_LOAD_BUDGET = 600_000
#: Static files the course itself adds (everything else under _static/ is theme, Sphinx or MathJax).
OWN_STATIC = ("_static/snb", "_static/frames/", "_static/@jupyter-widgets/", "_static/require.js")


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.frames: list[str] = []  # an explorer's first picture, relative to _static/

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if a.get("data-manifest"):  # an explorer's list of frames, loaded when the page opens
            self.frames.append(a["data-manifest"])
        if tag == "img" and a.get("data-src"):
            self.frames.append(a["data-src"])
        elif tag == "img" and a.get("src"):
            self.refs.append(a["src"])
        elif tag == "script" and a.get("src"):
            self.refs.append(a["src"])
        elif tag == "link" and a.get("rel") == "stylesheet" and a.get("href"):
            self.refs.append(a["href"])


def first_load(page: Path, site: Path) -> tuple[int, int]:
    """(bytes of HTML, bytes of the page's first load without theme and MathJax)."""
    text = page.read_text(encoding="utf-8")
    parser = _Refs()
    parser.feed(text)
    total, seen = len(text.encode()), set()
    files = [(page.parent / urlsplit(ref).path).resolve() for ref in parser.refs
             if "://" not in ref and not ref.startswith(("data:", "//")) and urlsplit(ref).path]
    files += [(site / "_static" / ref).resolve() for ref in parser.frames]
    for file in files:
        rel = file.relative_to(site.resolve()).as_posix() if file.is_relative_to(site.resolve()) else ""
        own = rel.startswith("_images/") or rel.startswith(OWN_STATIC)
        if own and file.is_file() and file not in seen:
            seen.add(file)
            total += file.stat().st_size
    return len(text.encode()), total


def report(site: Path) -> list[tuple[str, int, int]]:
    rows = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith("_") or rel in ("genindex.html", "search.html", "index.html"):
            continue
        rows.append((rel, *first_load(page, site)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"No built book at {args.site}: run make book-build first.")
        return 1
    print(f"{'page':48} {'HTML':>8} {'first load':>11}   budgets 150 KB / 600 KB")
    worst = [0, 0]
    for rel, html, first in report(args.site):
        flag = "" if html <= HTML_BUDGET and first <= FIRST_LOAD_BUDGET else "  OVER"
        worst = [max(worst[0], html), max(worst[1], first)]
        print(f"{rel:48} {html / 1000:6.0f} KB {first / 1000:8.0f} KB{flag}")
    print(f"{'largest':48} {worst[0] / 1000:6.0f} KB {worst[1] / 1000:8.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
