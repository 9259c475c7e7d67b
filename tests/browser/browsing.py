"""What the browser tests share: the built site, Debian's Chromium, and one visit per page.

Each page of the built book is opened ONCE (`visit`), at 1280 px, in the same tab as the
page before it (a reader going from page to page), and everything the tests check is
measured on that load, in this order:

1. `tools/browser_check.check_page`: JavaScript and console errors, requests leaving the
   site, failed local requests, widgets drawn, axe-core's serious and critical
   violations, and a full-page screenshot;
2. the same page laid out at 390 px (its width changed, as a phone turned or a window
   narrowed does): does the page scroll sideways, and a screenshot;
3. back at 1280 px: the self-check quiz answered once, the "needs Python" notice read,
   each explorer's controls moved (how fast the picture follows, and two controls in turn).

Loading a page costs more than any of these checks (about 1 s of a core in Chromium), so
one load per page instead of one per check saves about 90 loads in `make test`. The tests
then read what their own part measured; errors caused by any step count against the page.
Tests of one page run on one pytest-xdist worker (`page_params`: an `xdist_group` per
page), so each page is visited once per run. Screenshots land in `_build/screenshots/`.

Skips with a one-line reason when the book is not built, playwright is missing, or no
Chromium is installed (`apt-get install -y chromium`; never `playwright install`).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
SHOTS = ROOT / "_build" / "screenshots"
AXE = ROOT / ".venv" / "axe-core" / "axe.min.js"   # `make browser-deps` fetches it from npm
WIDTHS = {"desktop": 1280, "phone": 390}
VIEWPORTS = {"desktop": {"width": 1280, "height": 1000}, "phone": {"width": 390, "height": 844}}

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")


def _tool():
    spec = importlib.util.spec_from_file_location("browser_check", ROOT / "tools" / "browser_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
PAGES = sorted(
    p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html")
    if not p.relative_to(SITE).parts[0].startswith("_") and p.name not in ("genindex.html", "search.html")
) if (SITE / "index.html").is_file() else []


_HTML = {rel: (SITE / rel).read_text(encoding="utf-8") for rel in PAGES}


def pages_with(css_class: str) -> list[str]:
    """The built pages whose HTML has an element of class ``css_class``."""
    return [rel for rel in PAGES if f'class="{css_class}"' in _HTML[rel]]


QUIZ_PAGES = pages_with("snb-quiz")
EXPLORER_PAGES = pages_with("snb-explorer")
NOTICE_PAGES = pages_with("snb-needs-kernel")


def page_params(pages: list[str], none: str) -> list:
    """``pages`` as pytest parameters, each in the xdist group of its page (one visit per
    page and run); ``[none]`` when there are none, so the test can skip saying why."""
    return [pytest.param(rel, marks=pytest.mark.xdist_group(rel)) for rel in pages] or [none]


#: Set by CI (.ci/run) while apt installs Chromium in the background: the file that will
#: hold apt's exit code (its output: the same name + ".log").
INSTALL_ENV = "SNB_CHROMIUM_INSTALL"
#: The longest wait for that install, in seconds.
INSTALL_WAIT = 900


def wait_for_chromium_install(env: dict[str, str] | None = None, poll: float = 1.0) -> None:
    """Where CI installs Chromium while the first tests run (``SNB_CHROMIUM_INSTALL``), wait
    until apt has finished; fail, with the end of apt's log, if it failed or took too long.
    Does nothing elsewhere: a machine without Chromium then skips, saying so."""
    import time

    status = (os.environ if env is None else env).get(INSTALL_ENV)
    if not status:
        return
    path, deadline = Path(status), time.monotonic() + INSTALL_WAIT
    while not path.is_file():
        if time.monotonic() > deadline:
            pytest.fail(f"Chromium was still installing after {INSTALL_WAIT} s ({path}.log)")
        time.sleep(poll)
    code = path.read_text(encoding="utf-8").strip()
    if code != "0":
        log = Path(f"{status}.log")
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.is_file() else ""
        pytest.fail(f"apt-get could not install chromium (exit {code}):\n{tail}")


def missing_browser() -> str | None:
    """Why no headless browser can run here (shared with the other browser tests), or None."""
    if importlib.util.find_spec("playwright") is None:
        return "the Python package playwright is not installed (make setup installs it)"
    wait_for_chromium_install()
    if TOOL.find_chromium(None) is None:
        return "no Chromium on this machine (apt-get install -y chromium)"
    return None


def skip_reason() -> str | None:
    """Why the book's pages cannot be tested in a browser here, or None."""
    if not PAGES:
        return "the book is not built (run make book-build first)"
    return missing_browser()


#: Resolves once the page's maths is typeset (MathJax 3's startup promise, where the page
#: has MathJax) and its web fonts are loaded, and two frames have been laid out with them:
#: the page's size is then final (this replaces fixed pauses of 200-300 ms). At most 10 s: a
#: page that never settles is then measured as it is.
SETTLED_JS = """
async () => {
  const settled = async () => {
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  };
  await Promise.race([settled(), new Promise((done) => setTimeout(done, 10000))]);
}
"""


def settle(page) -> None:
    """Wait until ``page`` is laid out for good (SETTLED_JS). A page that forwards the reader
    at once (the book's index.html: a refresh to book/intro.html) is followed first, so what
    is measured is the page a reader ends up on."""
    from playwright.sync_api import Error

    for _ in range(3):
        try:
            if page.locator('meta[http-equiv="refresh" i]').count():
                before = page.url
                page.wait_for_url(lambda url: url != before, timeout=10000)
                page.wait_for_load_state("load")
            page.evaluate(SETTLED_JS)
            return
        except Error as exc:  # a navigation started while we looked: look again at the new page
            if "context was destroyed" not in str(exc):
                raise
            page.wait_for_load_state("load")
    page.evaluate(SETTLED_JS)


def launched_chromium():
    """Headless Debian Chromium through playwright, closed when the generator ends."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=TOOL.find_chromium(None), headless=True,
                                      args=TOOL.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


OVERFLOW_JS = "() => document.documentElement.scrollWidth - window.innerWidth"
HEIGHT_JS = "() => document.documentElement.scrollHeight"

# Moves each control of an explorer in turn to another value, until the picture changes;
# returns the milliseconds from the input event to the new picture being loaded.
MOVE_JS = r"""
async (box) => {
  const img = box.querySelector("img.snb-explorer-picture");
  const controls = box.querySelectorAll("input[type=range], select");
  const loaded = (want) => new Promise((done) => {
    const check = () => (img.complete && img.naturalWidth > 0 && img.src === want) ? done() : setTimeout(check, 2);
    check();
  });
  for (const control of controls) {
    const count = control.tagName === "SELECT" ? control.options.length : Number(control.max) + 1;
    for (let step = 1; step < count; step++) {
      const before = img.src;
      const t0 = performance.now();
      control.value = String((Number(control.value) + 1) % count);
      control.dispatchEvent(new Event("input", {bubbles: true}));
      if (img.src !== before && !img.hidden) {
        await loaded(img.src);
        return {ms: performance.now() - t0, before: before, after: img.src, label: control.id};
      }
    }
  }
  return {ms: null, before: img.src, after: img.src, label: null};
}
"""

# Puts every control of an explorer back to the lesson's setting, then moves control
# `a` one step and control `b` one step, firing "input" then "change" as a browser does
# for a slider; after each move, waits for the picture and returns what the box shows.
TWO_MOVES_JS = r"""
async (box, pair) => {
  const [a, b] = pair;
  const data = window.snbExplorers[box.id];
  const ctl = (i) => box.querySelector('[data-control="' + i + '"]');
  const img = box.querySelector("img.snb-explorer-picture");
  const note = box.querySelector(".snb-explorer-nearest");
  const status = box.querySelector(".snb-explorer-status");
  const fire = (c) => {
    c.dispatchEvent(new Event("input", {bubbles: true}));
    c.dispatchEvent(new Event("change", {bubbles: true}));
  };
  const values = () => data.controls.map((g, i) => ctl(i).dataset.fixed !== undefined ? 0 : Number(ctl(i).value));
  const settled = () => new Promise((done) => {
    const t0 = performance.now();
    const check = () => (img.hidden || (img.complete && img.naturalWidth > 0) || performance.now() - t0 > 5000)
      ? done() : setTimeout(check, 5);
    check();
  });
  const state = () => ({
    values: values(),
    src: img.hidden ? null : img.getAttribute("src"),
    loaded: img.hidden || (img.complete && img.naturalWidth > 0),
    note: note ? note.textContent : null,
    noteShown: !!note && note.textContent !== "" && note.getClientRects().length > 0,
    status: status.textContent,
  });
  data.controls.forEach((g, i) => {
    const c = ctl(i);
    if (c.dataset.fixed === undefined && Number(c.value) !== g["default"]) {
      c.value = String(g["default"]);
      fire(c);
    }
  });
  await settled();
  const step = (i) => {
    const c = ctl(i);
    const v = Number(c.value);
    c.value = String(v + 1 < data.controls[i].values.length ? v + 1 : v - 1);
    fire(c);
    return Number(c.value);
  };
  const start = state();
  const first = step(a);
  await settled();
  const afterFirst = state();
  const second = step(b);
  await settled();
  return {first: first, second: second, start: start, afterFirst: afterFirst, afterSecond: state()};
}
"""


def explorer_pairs(data: dict) -> list[tuple[int, int]]:
    """Each movable control with the next one, and the last with the first."""
    movable = [i for i, g in enumerate(data["controls"]) if g["kind"] != "fixed" and len(g["values"]) > 1]
    if len(movable) < 2:
        return []
    return list(zip(movable, movable[1:])) + ([(movable[-1], movable[0])] if len(movable) > 2 else [])


def ready_explorer(page, box) -> dict:
    """Wait for an explorer's script to set it up; its manifest."""
    box.scroll_into_view_if_needed()
    page.wait_for_function("b => b.classList.contains('snb-explorer-ready')", arg=box.element_handle())
    return box.evaluate("b => window.snbExplorers[b.id]")


def _phone(page, rel: str) -> dict:
    page.set_viewport_size(VIEWPORTS["phone"])
    settle(page)
    overflow = page.evaluate(OVERFLOW_JS)
    height = page.evaluate(HEIGHT_JS)
    page.screenshot(path=str(SHOTS / (TOOL.shot_name(rel, "__390") + ".jpg")), **TOOL.SCREENSHOT)
    page.set_viewport_size(VIEWPORTS["desktop"])
    settle(page)
    return {"overflow": overflow, "height": height}


def _quiz(page) -> dict:
    option = page.locator(".snb-quiz details.snb-quiz-option").first
    feedback = option.locator(".snb-quiz-feedback")
    hidden_before = not feedback.is_visible()
    option.locator("summary").click()
    feedback.wait_for(state="visible", timeout=2000)
    return {"hidden_before": hidden_before, "text": feedback.inner_text()}


def _notice(page) -> dict:
    notice = page.locator(".snb-needs-kernel").first
    notice.scroll_into_view_if_needed()
    return {"visible": notice.is_visible(), "text": notice.inner_text(),
            "buttons": page.locator(".cell_output button:not(.copybtn), .cell_output .jupyter-button").count()}


def _explorers(page, rel: str) -> list[dict]:
    found = []
    boxes = page.locator(".snb-explorer")
    for n in range(boxes.count()):
        box = boxes.nth(n)
        data = ready_explorer(page, box)
        moves = [box.evaluate(MOVE_JS) for _ in range(3)]
        grid_note = box.locator(".snb-explorer-note").inner_text()
        shot = SHOTS / f"explorer-controls__{TOOL.shot_name(rel)}__{n + 1}__1280.png"
        shot.unlink(missing_ok=True)
        two_moves = []
        for pair in explorer_pairs(data):
            out = box.evaluate(TWO_MOVES_JS, list(pair))
            two_moves.append((pair, out))
            if out["afterSecond"]["noteShown"] and not shot.exists():  # the note, for a person to see
                box.screenshot(path=str(shot))
        if not shot.exists():
            box.screenshot(path=str(shot))
        found.append({"data": data, "moves": moves, "grid_note": grid_note, "two_moves": two_moves})
    page.wait_for_timeout(100)  # a late error of the last move is still counted
    return found


def _measure(page, rel: str) -> dict:
    out = {"phone": _phone(page, rel)}
    if rel in QUIZ_PAGES:
        out["quiz"] = _quiz(page)
    if rel in NOTICE_PAGES:
        out["notice"] = _notice(page)
    if rel in EXPLORER_PAGES:
        out["explorers"] = _explorers(page, rel)
    return out


_VISITS: dict[str, dict | Exception] = {}
#: This process's tab for the visits (browser_check.PageCheck) and axe-core's script, made
#: and read at the first visit.
_TAB: dict[str, object] = {}


def visit(browser, site: str, rel: str) -> dict:
    """Everything the tests measure on page ``rel``, from one load (module docstring).

    Returns check_page's result with ``"then"``: ``{"phone": ..., "quiz": ..., "notice":
    ..., "explorers": [...]}`` (the last three only where the page has them). The first
    call per page and process measures; later ones return the same result, or raise the
    same error. The pages are visited in one tab, one after another, as a reader goes
    from page to page; a visit that fails closes the tab, and the next visit opens another.
    """
    if rel not in _VISITS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        if "tab" not in _TAB:
            _TAB["tab"] = TOOL.PageCheck(browser.new_context(viewport=VIEWPORTS["desktop"]), site)
            _TAB["axe"] = AXE.read_text(encoding="utf-8") if AXE.is_file() else None
        tab = _TAB["tab"]
        try:
            _VISITS[rel] = tab.check(rel, _TAB["axe"], SHOTS, then=lambda page: _measure(page, rel))
        except Exception as exc:  # noqa: BLE001 - each test of the page reports it
            _VISITS[rel] = exc
            _TAB.pop("tab").page.context.close()
    found = _VISITS[rel]
    if isinstance(found, Exception):
        raise RuntimeError(f"{rel}: the visit failed: {found}") from found
    return found
