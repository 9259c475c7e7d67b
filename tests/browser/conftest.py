"""The built site and one Chromium per pytest worker, shared by the browser test files."""

from __future__ import annotations

import pytest
from browsing import SITE, TOOL, launched_chromium, missing_browser, skip_reason


@pytest.fixture(scope="session")
def site():
    """The built book served on 127.0.0.1 (a random port); its base URL."""
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    server, base = TOOL.serve(SITE)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, one per worker, for every browser test file (playwright's
    sync API allows one at a time per process)."""
    reason = missing_browser()
    if reason:
        pytest.skip(reason)
    yield from launched_chromium()
