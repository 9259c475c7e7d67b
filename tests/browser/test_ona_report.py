"""The report of `python -m snb.ona` in a real browser: Debian's Chromium via playwright.

The sample survey's report is written into a temporary folder, served on 127.0.0.1 with
every request to another host blocked, and opened at 390 px (a phone) and 1280 px: no
request leaves, no JavaScript error, no horizontal scroll, every picture drawn.
Skips with a one-line reason without playwright or Chromium (never `playwright install`).
"""

from __future__ import annotations

import pytest
from browsing import TOOL, missing_browser, settle

from snb.ona import __main__ as cli
from snb.ona import sample

# one worker of `make browser-test` (pytest-xdist, --dist loadgroup) writes and serves the report
pytestmark = pytest.mark.xdist_group("ona-report")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    reason = missing_browser()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("ona-report")
    assert cli.main([str(sample.SURVEY_PATH), "--people", str(sample.PEOPLE_PATH),
                     "--out", str(folder / "report.html")]) == 0
    server, base = TOOL.serve(folder)
    yield base
    server.shutdown()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_report_opens_offline_without_errors_or_horizontal_scroll(served, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        left, errors = [], []
        host = served.split("//", 1)[1].rstrip("/")

        def route(r):
            url = r.request.url
            if url.startswith(("data:", "blob:")) or url.split("//", 1)[-1].startswith(host):
                r.continue_()
            else:
                left.append(url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" and
                not msg.text.startswith("Failed to load resource") else None)
        page.goto(served + "report.html", wait_until="load")
        settle(page)
        scroll = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        images = page.evaluate("() => [...document.images].map(i => i.complete && i.naturalWidth > 0)")
        assert left == [], f"requests left the machine: {left}"
        assert errors == [], errors
        assert scroll[0] <= scroll[1], f"horizontal scroll at {width} px: page {scroll[0]} px wide"
        assert len(images) == 3 and all(images)
    finally:
        context.close()
