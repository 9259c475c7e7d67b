#!/usr/bin/env python3
"""Optional check of the built book in a real (headless) browser.

Not part of the default tests: it needs Chromium and the Python package
``playwright`` (which is NOT in requirements.txt), and it skips cleanly, exit
code 0, when either is missing. Typical use after ``jupyter-book build .``:

    apt-get install -y chromium                  # Debian's browser
    python3 -m venv /tmp/pwvenv && /tmp/pwvenv/bin/pip install playwright
    # never run `playwright install`: it downloads its own browser
    /tmp/pwvenv/bin/python tools/browser_check.py _build/html \\
        --axe /path/to/axe.min.js --screenshots /tmp/shots

(axe.min.js comes from the npm package ``axe-core``: ``npm pack axe-core``.)

For every page it serves the site on 127.0.0.1 (a random port), opens the page
with all non-local requests blocked, and reports:

- JavaScript errors and console errors (e.g. ``THEBE_JS_URL`` declared twice),
- requests to other hosts (the book must work offline) and failed local
  requests (404s such as missing widget icon fonts),
- widgets: every embedded widget view must be drawn (the page holds
  ``application/vnd.jupyter.widget-view+json`` scripts; the html-manager draws
  each as a ``.jupyter-widgets`` element),
- with ``--axe``: axe-core violations of impact "serious" or "critical".

Exit code 1 if any page has a problem, 0 otherwise (or when skipped).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

SERIOUS = {"serious", "critical"}
#: Full-page screenshots: JPEG takes half the time of a PNG of a tall page, and is as legible.
SCREENSHOT = {"full_page": True, "type": "jpeg", "quality": 85}
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium(explicit: str | None) -> str | None:
    if explicit:
        return explicit if Path(explicit).exists() or shutil.which(explicit) else None
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def shot_name(rel: str, suffix: str = "") -> str:
    """The screenshot file name of page ``rel``, without extension (``suffix``: e.g. ``"__390"``)."""
    return rel.replace("/", "__").removesuffix(".html") + suffix


class PageCheck:
    """One browser tab that checks page after page (module docstring).

    Going from page to page in one tab, as a reader does, costs about a quarter of the
    processor time of opening each page in a new tab (0.34 s instead of 1.25 s a page,
    measured): the tab's renderer process is kept. Each :meth:`check` reports only what
    happened from its own navigation on.
    """

    def __init__(self, context, base: str) -> None:
        self.page = context.new_page()
        self.base = base
        self.local_host = urlparse(base).netloc
        self.problems: list[str] = []
        self.external: list[str] = []
        self.failed: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda exc: self.problems.append(f"JS error: {exc}"))
        self.page.on("console", self._console)
        self.page.on("response", lambda resp: self.failed.append(f"{resp.status} {resp.url}")
                     if resp.status >= 400 else None)

    def _route(self, route_obj) -> None:
        url = route_obj.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob") or parsed.netloc == self.local_host:
            route_obj.continue_()
        else:
            self.external.append(url)
            route_obj.abort()

    def _console(self, msg) -> None:
        # "Failed to load resource" repeats what the response handler reports with the URL
        # (and covers the browser's own /favicon.ico probe): skip it.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            self.problems.append(f"console error: {msg.text}")

    def check(self, rel: str, axe_js: str | None, shots: Path | None,
              then: Callable | None = None) -> dict:
        """Open ``rel`` in this tab and list its problems.

        ``then(page)``, when given, runs on the same page after the checks and the
        screenshot (a test's further checks, without loading the page again); what it
        returns is the result's ``"then"``, and errors or requests it causes count among
        the problems.
        """
        page = self.page
        for found in (self.problems, self.external, self.failed):
            found.clear()
        page.goto(self.base + rel, wait_until="load")
        problems = self.problems
        views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
        drawn = 0
        if views:
            try:
                page.wait_for_function(
                    "n => document.querySelectorAll('.jupyter-widgets').length >= n", arg=views,
                    timeout=15000)
            except Exception:  # noqa: BLE001 - playwright's TimeoutError
                pass
            drawn = page.evaluate(
                "() => document.querySelectorAll('.jupyter-widgets:not(.jupyter-widgets .jupyter-widgets)').length"
            )
            if drawn < views:
                problems.append(f"widgets: {drawn} of {views} drawn")
            unnamed = page.evaluate(
                """() => [...document.querySelectorAll('[role="slider"]')]
                     .filter(h => !h.getAttribute('aria-label') && !h.getAttribute('aria-labelledby')).length"""
            )
            if unnamed:
                problems.append(f"widgets: {unnamed} slider handle(s) without an accessible name")
        page.evaluate("async () => { await document.fonts.ready; }")  # late font requests

        violations = []
        if axe_js:
            page.add_script_tag(content=axe_js)
            # only the violations are read: axe skips building the passes (2 to 3 times faster)
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            for v in result["violations"]:
                if v.get("impact") in SERIOUS:
                    targets = [", ".join(n["target"]) for n in v["nodes"]][:5]
                    violations.append(f"axe {v['impact']} {v['id']}: {targets}")

        if shots is not None:
            out = shots / (shot_name(rel) + ".jpg")
            page.screenshot(path=str(out), **SCREENSHOT)

        after = then(page) if then is not None else None
        page.evaluate("0")  # a round trip: every event of this page has been handled
        found = list(problems)
        found += [f"external request blocked: {u}" for u in self.external]
        found += [f"HTTP {f}" for f in self.failed]
        found += violations
        return {"page": rel, "widget_views": views, "widgets_drawn": drawn, "problems": found,
                "then": after}

    def close(self) -> None:
        self.page.close()


def check_page(context, base: str, rel: str, axe_js: str | None, shots: Path | None,
               then: Callable | None = None) -> dict:
    """Open ``rel`` in a new tab of ``context`` and list its problems (:class:`PageCheck`)."""
    checker = PageCheck(context, base)
    try:
        return checker.check(rel, axe_js, shots, then)
    finally:
        checker.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the built book in headless Chromium (optional).")
    parser.add_argument("site", nargs="?", default="_build/html", help="built HTML folder (default: _build/html)")
    parser.add_argument("--pages", nargs="*", help="pages relative to the site (default: every .html page)")
    parser.add_argument("--axe", help="path to axe-core's axe.min.js; runs an accessibility scan")
    parser.add_argument("--screenshots", help="folder for full-page screenshots")
    parser.add_argument("--chromium", help="browser executable (default: chromium on PATH)")
    parser.add_argument("--json", help="write the results to this JSON file")
    args = parser.parse_args(argv)

    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"browser_check: no built book at {site} (run jupyter-book build . first)")
        return 1
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("browser_check: SKIPPED, Python package playwright is not installed")
        return 0
    chromium = find_chromium(args.chromium)
    if chromium is None:
        print("browser_check: SKIPPED, no Chromium found (apt-get install -y chromium)")
        return 0

    pages = args.pages or sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).parts[0].startswith("_") and p.name not in ("genindex.html", "search.html")
    )
    axe_js = Path(args.axe).read_text(encoding="utf-8") if args.axe else None
    shots = Path(args.screenshots) if args.screenshots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)

    server, base = serve(site)
    results = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1200, "height": 1600})
            checker = PageCheck(context, base)
            for rel in pages:
                results.append(checker.check(rel, axe_js, shots))
            browser.close()
    finally:
        server.shutdown()

    bad = 0
    for r in results:
        status = "ok" if not r["problems"] else "PROBLEMS"
        widgets = f", widgets {r['widgets_drawn']}/{r['widget_views']}" if r["widget_views"] else ""
        print(f"{status:8} {r['page']}{widgets}")
        for p in r["problems"]:
            print(f"         - {p}")
        bad += bool(r["problems"])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"browser_check: {len(results) - bad} of {len(results)} pages without problems")
    return 1 if bad else 0


if __name__ == "__main__":
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    sys.exit(main())
