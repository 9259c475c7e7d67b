"""The slide decks of `make slides` in a real browser: offline, reveal.js running, every slide there.

Every lesson's deck is built once into a temporary folder with tools/slides.py and served
on 127.0.0.1 with every other host blocked. Two (a page with widgets and one with maths) are
checked with the book's own page check (tools/browser_check.py: no JS error, no request leaving localhost, no failed
local request, every widget drawn), then reveal.js's own state is read.

Skips with a one-line reason without reveal.js (fetched by `make browser-deps` or `make slides`
with npm), playwright or Chromium.
"""

from __future__ import annotations

import importlib.util
import sys

import nbformat
import pytest
from browsing import ROOT, TOOL, missing_browser, settle

REVEAL = ROOT / ".venv" / "reveal.js"
DECKS = ["01-network-society", "02-state-of-becoming"]
# `make browser-test` runs on several workers (pytest-xdist, --dist loadgroup): the decks are
# built once, on one worker, not once per worker.
pytestmark = pytest.mark.xdist_group("slides")


def _slides_tool():
    spec = importlib.util.spec_from_file_location("slides", ROOT / "tools" / "slides.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["slides"] = module
    spec.loader.exec_module(module)
    return module


def _skip_reason() -> str | None:
    if not (REVEAL / "dist" / "reveal.js").is_file():
        return "reveal.js is not fetched (make browser-deps or make slides; needs npm)"
    return missing_browser()


@pytest.fixture(scope="module")
def all_decks(tmp_path_factory):
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("all-slides")
    slides = _slides_tool()
    built = slides.build(slides.lesson_notebooks(), out, REVEAL)
    server, base = TOOL.serve(out)
    yield base, [p.name for p in built]
    server.shutdown()


@pytest.fixture(scope="module")
def decks(all_decks):
    """The decks of DECKS (built with every other one: all_decks) and their slide counts."""
    base, names = all_decks
    assert {f"{name}.slides.html" for name in DECKS} <= set(names), names
    slides = _slides_tool()
    paths = [ROOT / "notebooks" / f"{name}.ipynb" for name in DECKS]
    expected = {name: [c.metadata["slideshow"]["slide_type"] for c in
                       slides.with_slide_types(nbformat.read(p, as_version=4), stem=p.stem,
                                               base=p.parent).cells].count("slide")
                for name, p in zip(DECKS, paths)}
    yield base, expected


@pytest.mark.parametrize("name", DECKS)
def test_deck_works_offline_without_errors(browser, decks, name):
    base, _ = decks
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        result = TOOL.check_page(context, base, f"{name}.slides.html", None, None)
    finally:
        context.close()
    assert result["problems"] == [], f"{name}: " + "; ".join(result["problems"])


@pytest.mark.parametrize("name", DECKS)
def test_reveal_starts_with_every_slide(browser, decks, name):
    base, expected = decks
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    outside: list[str] = []
    try:
        page = context.new_page()

        def route(r):
            if r.request.url.startswith(base) or r.request.url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(f"{base}{name}.slides.html", wait_until="load")
        page.wait_for_function("() => window.snbReveal && window.snbReveal.isReady()", timeout=15000)
        horizontal = page.evaluate("() => window.snbReveal.getHorizontalSlides().length")
        total = page.evaluate("() => window.snbReveal.getTotalSlides()")
        before = page.evaluate("() => JSON.stringify(window.snbReveal.getIndices())")
        page.keyboard.press("ArrowRight")
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        try:  # reveal.js moves on (or shows a fragment) within a few frames of the key press
            page.wait_for_function("b => JSON.stringify(window.snbReveal.getIndices()) !== b", arg=before,
                                   timeout=2000)
        except PlaywrightTimeout:
            pass  # the assertion below names the failure
        after = page.evaluate("() => JSON.stringify(window.snbReveal.getIndices())")
        maths = page.locator("mjx-container").count()
    finally:
        context.close()
    assert outside == []
    assert horizontal == expected[name] and expected[name] >= 5, (horizontal, expected[name])
    assert total >= horizontal
    assert after != before, "the arrow key did not move on (slide or fragment)"
    if name == "02-state-of-becoming":
        assert maths > 0, "the deck's $...$ maths was not typeset by the local MathJax"


# Every slide of a deck, visited in turn: its content's height and whether it has notes.
MEASURE_JS = r"""
() => {
  const R = window.snbReveal;
  const out = [];
  R.getSlides().forEach((section) => {
    if (section.querySelector("section")) { return; }   // a vertical stack, not a slide
    const idx = R.getIndices(section);
    R.slide(idx.h, idx.v, 999);                         // every fragment shown
    const inner = Array.from(section.children).filter((c) => c.tagName !== "ASIDE");
    const top = section.getBoundingClientRect().top;
    const scale = section.getBoundingClientRect().height / section.offsetHeight || 1;
    let bottom = 0;
    inner.forEach((el) => { bottom = Math.max(bottom, (el.getBoundingClientRect().bottom - top) / scale); });
    out.push({h: idx.h, v: idx.v, height: Math.max(section.scrollHeight, bottom),
              notes: !!section.querySelector("aside.notes"),
              text: (section.innerText || "").slice(0, 60)});
  });
  return out;
}
"""


def test_every_slide_of_every_deck_fits_and_has_notes(browser, all_decks):
    """Projected at 1280 x 720, no slide is taller than the screen, and each has speaker notes."""
    base, names = all_decks
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    tall, silent, counted = [], [], 0
    try:
        page = context.new_page()
        for name in names:
            page.goto(f"{base}{name}", wait_until="load")
            page.wait_for_function("() => window.snbReveal && window.snbReveal.isReady()", timeout=15000)
            settle(page)
            for s in page.evaluate(MEASURE_JS):
                counted += 1
                where = f"{name} slide {s['h'] + 1}.{s['v'] + 1} ({s['text']!r})"
                if s["height"] > 720:
                    tall.append(f"{where}: {s['height']:.0f} px")
                if not s["notes"]:
                    silent.append(where)
    finally:
        context.close()
    assert counted > 100
    assert tall == [], f"{len(tall)} of {counted} slides are taller than 720 px: " + "; ".join(tall[:12])
    assert silent == [], f"{len(silent)} slides without speaker notes: " + "; ".join(silent[:8])
