"""Every page of the built book in a real browser: Debian's Chromium driven by playwright.

Run by `make browser-test` (part of `make test`) after the book is built. Each page is
served on 127.0.0.1 with every request to another host blocked and opened once
(`browsing.visit`: what is measured, in which order); the tests below read their part:
JavaScript errors, requests leaving the site, failed local requests, widgets that are not
drawn, serious or critical accessibility violations (axe-core), sideways scrolling at
390 px, the quizzes, the "needs Python" notices and the explorers. Screenshots at 1280 px
and 390 px land in `_build/screenshots/` as test artefacts.
"""

from __future__ import annotations

import pytest
from browsing import (
    AXE,
    EXPLORER_PAGES,
    HEIGHT_JS,
    NOTICE_PAGES,
    OVERFLOW_JS,
    PAGES,
    QUIZ_PAGES,
    SHOTS,
    TOOL,
    VIEWPORTS,
    WIDTHS,
    page_params,
    ready_explorer,
    settle,
    skip_reason,
    visit,
)


@pytest.mark.parametrize("rel", page_params(PAGES, "(no built book)"))
def test_page_works_offline_without_errors(browser, site, rel):
    """No JS error, no request leaving the site, no 404, every widget drawn, axe clean; also
    while the page is used (quiz answered, explorers moved, laid out for a phone)."""
    result = visit(browser, site, rel)
    assert result["problems"] == [], f"{rel}: " + "; ".join(result["problems"])


@pytest.mark.parametrize("rel", page_params(PAGES, "(no built book)"))
def test_page_is_usable_on_a_phone(browser, site, rel):
    """At 390 px the page does not scroll sideways as a whole (tables and code scroll
    inside their own boxes), and a screenshot is kept for a person to look at. The page
    loaded at 1280 px is laid out again at 390 px: its layout follows the width through CSS
    media queries, and `test_a_phone_reader_can_enlarge_an_explorer_picture` loads pages at
    390 px from the start."""
    overflow = visit(browser, site, rel)["then"]["phone"]["overflow"]
    assert overflow <= 1, f"{rel}: the page is {overflow} px wider than a 390 px screen"


def test_axe_core_is_available_where_chromium_is():
    """The accessibility scan must not silently drop out where the browser tests run."""
    if skip_reason():
        pytest.skip(skip_reason())
    assert AXE.is_file(), "axe-core is missing: run `make browser-deps` (npm pack axe-core)"


@pytest.mark.parametrize("rel", page_params(QUIZ_PAGES, "(no page with a quiz yet)"))
def test_a_quiz_answer_gets_feedback_without_a_kernel(browser, site, rel):
    """Clicking an answer of the page's self-check shows its feedback, with no kernel."""
    if not QUIZ_PAGES:
        pytest.skip("no built page has a self-check quiz yet")
    quiz = visit(browser, site, rel)["then"]["quiz"]
    assert quiz["hidden_before"], f"{rel}: the feedback shows before an answer is chosen"
    assert quiz["text"].startswith(("✔ Right", "✘ Not quite")), quiz["text"]


#: issue 13: a moved control shows its picture within 100 ms (the best of three moves, on a
#: shared machine whose timings vary up to twofold).
SWITCH_MS = 100


@pytest.mark.parametrize("rel", page_params(EXPLORER_PAGES, "(no page with an explorer)"))
def test_each_explorer_changes_its_picture_when_a_control_moves(browser, site, rel):
    """No kernel: each explorer switches to a precomputed picture file within 100 ms (and
    nothing is requested from outside the site: test_page_works_offline_without_errors)."""
    if not EXPLORER_PAGES:
        pytest.skip("no built page has an explorer")
    explorers = visit(browser, site, rel)["then"]["explorers"]
    assert explorers, f"{rel}: no explorer found"
    for i, found in enumerate(explorers):
        moves = found["moves"]
        assert all(m["ms"] is not None and m["after"] != m["before"] for m in moves), \
            f"{rel}: explorer {i + 1}: no control changes its picture"
        assert "/_static/frames/" in moves[0]["after"]
        best = min(m["ms"] for m in moves)
        assert best <= SWITCH_MS, f"{rel}: explorer {i + 1} took {best:.0f} ms to show a new picture"


# Moves control 0, then control 1, each by one step, firing "input" then "change" as a
# browser does for a slider; returns what the page shows afterwards.
FIRST_TWO_CONTROLS_JS = r"""
(box) => {
  const controls = Array.from(box.querySelectorAll("input[type=range], select"));
  if (controls.length < 2) { return null; }
  const move = (c) => {
    const count = c.tagName === "SELECT" ? c.options.length : Number(c.max) + 1;
    c.value = String((Number(c.value) + 1) % count);
    c.dispatchEvent(new Event("input", {bubbles: true}));
    c.dispatchEvent(new Event("change", {bubbles: true}));
    return c.value;
  };
  const first = move(controls[0]);
  const second = move(controls[1]);
  const label = (c) => {
    const l = box.querySelector('label[for="' + c.id + '"]');
    return l ? l.textContent.trim() : "";
  };
  return {first: first, firstNow: controls[0].value, second: second, secondNow: controls[1].value,
          firstLabel: label(controls[0]),
          status: box.querySelector(".snb-explorer-status").textContent};
}
"""


def _first_ready_explorer(page, url: str):
    """Open ``url`` and return its first explorer once its script has set it up."""
    page.goto(url, wait_until="load")
    box = page.locator(".snb-explorer").first
    ready_explorer(page, box)
    return box


@pytest.mark.parametrize("rel", EXPLORER_PAGES[:3] or ["(no page with an explorer)"])
def test_moving_two_controls_in_turn_says_what_went_back(browser, site, rel):
    """The second control moved is kept; the first either stays where it was put, or the
    status line says it went back to the lesson's setting (the "change" event that follows
    "input" must not clear that line). On a fresh page: the controls as the lesson set them."""
    if not EXPLORER_PAGES:
        pytest.skip("no built page has an explorer")
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    try:
        page = context.new_page()
        box = _first_ready_explorer(page, site + rel)
        out = box.evaluate(FIRST_TWO_CONTROLS_JS)
    finally:
        context.close()
    if out is None:
        pytest.skip(f"{rel}: the first explorer has one control")
    assert out["secondNow"] == out["second"], out
    if out["firstNow"] != out["first"]:
        assert out["status"].startswith("Back to the lesson's setting"), out
        assert out["firstLabel"] in out["status"], out
    else:
        assert out["status"] == "", out


@pytest.mark.parametrize("rel", page_params(NOTICE_PAGES, "(no page with a builder)"))
def test_widgets_that_need_python_say_so_and_have_no_dead_buttons(browser, site, rel):
    if not NOTICE_PAGES:
        pytest.skip("no built page has a widget that needs Python")
    notice = visit(browser, site, rel)["then"]["notice"]
    assert notice["visible"] and "needs Python running" in notice["text"] and "Binder" in notice["text"]
    assert notice["buttons"] == 0, f"{rel}: {notice['buttons']} buttons that cannot work without a kernel"


@pytest.mark.parametrize("rel", page_params(EXPLORER_PAGES[:2], "(no page with an explorer)"))
def test_a_phone_reader_can_enlarge_an_explorer_picture(browser, site, rel):
    """At 390 px the picture fits the screen; a tap shows it at full size inside its own
    scrolling box, and the page still does not scroll sideways. Loaded at 390 px from the
    start, the page is as tall as the visit's page laid out again at 390 px (what
    test_page_is_usable_on_a_phone measures)."""
    if not EXPLORER_PAGES:
        pytest.skip("no built page has an explorer")
    relaid = visit(browser, site, rel)["then"]["phone"]["height"]
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    try:
        page = context.new_page()
        page.goto(site + rel, wait_until="load")
        settle(page)
        fresh = page.evaluate(HEIGHT_JS)
        box = page.locator(".snb-explorer").first
        ready_explorer(page, box)
        img = box.locator("img.snb-explorer-picture")
        page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle())
        before = img.evaluate("i => i.clientWidth")
        natural = img.evaluate("i => i.naturalWidth")
        hint = box.locator(".snb-explorer-zoom-hint").is_visible()
        img.click()
        after = img.evaluate("i => i.clientWidth")
        overflow = page.evaluate(OVERFLOW_JS)
        img.click()
        again = img.evaluate("i => i.clientWidth")
    finally:
        context.close()
    assert fresh == relaid, f"{rel}: {fresh} px tall loaded at 390 px, {relaid} px laid out again"
    assert hint, "a phone reader is told the picture can be enlarged"
    assert before <= WIDTHS["phone"] < natural, (before, natural)
    assert after == natural and again == before, (before, after, again)
    assert overflow <= 1


def test_the_page_check_reports_what_it_looks_for(browser, tmp_path):
    """check_page itself can fail: on a small page with a picture without alt text (axe:
    critical), a missing stylesheet (404) and a request to another host, it names all three;
    and what its `then` step causes counts too (an error thrown after the checks)."""
    if not AXE.is_file():
        pytest.skip("axe-core is missing (make browser-deps)")
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>bad</title>'
        '<link rel="stylesheet" href="missing.css"></head><body><main>'
        '<h1>A bad page</h1><img src="https://example.org/x.png"><img src="pixel.gif"></main>'
        "</body></html>", encoding="utf-8")
    (tmp_path / "pixel.gif").write_bytes(
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
        b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
    server, base = TOOL.serve(tmp_path)
    context = browser.new_context()

    def then(page):
        page.evaluate("() => { setTimeout(() => { throw new Error('late trouble'); }, 0); }")
        page.wait_for_timeout(200)
        return "done"

    try:
        result = TOOL.check_page(context, base, "bad.html", AXE.read_text(encoding="utf-8"), None,
                                 then=then)
    finally:
        context.close()
        server.shutdown()
    problems = "\n".join(result["problems"])
    assert "axe critical image-alt" in problems, problems
    assert "HTTP 404" in problems and "missing.css" in problems, problems
    assert "external request blocked: https://example.org/x.png" in problems, problems
    assert result["then"] == "done" and "JS error: late trouble" in problems, problems


@pytest.mark.xdist_group(PAGES[0] if PAGES else "none")  # the worker that visits that page
def test_screenshots_are_kept_for_both_widths(browser, site):
    """The artefacts a person looks at: the first page's screenshots at 1280 and 390 px."""
    if skip_reason():
        pytest.skip(skip_reason())
    rel = PAGES[0]
    visit(browser, site, rel)
    for name in (TOOL.shot_name(rel) + ".jpg", TOOL.shot_name(rel, "__390") + ".jpg"):
        assert (SHOTS / name).stat().st_size > 5000, name
