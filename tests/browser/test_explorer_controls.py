"""Explorers of the static book keep every control where the reader puts it (issue 24).

In the built book (no kernel) each explorer shows precomputed pictures; some have only
part of the grid of settings (tools/frames.py, snb.widgets.base.frame_plan). For every
explorer of every page, in Debian's Chromium via playwright, two controls are moved in
turn (each pair of neighbours, and the last with the first), starting from the lesson's
settings. Checked: the first control keeps its value and no other moves; the picture
shown is the exact setting, or else the nearest computed one with the control just moved
at the reader's value and a visible note naming every setting the picture shows instead
and how to run the chapter; the picture or the note changes with the second move; the
picture file loads; no console error (test_in_browser.py's offline test counts those).
The moves are made on the page's one visit (`browsing.visit`). Screenshots (1280 px and
390 px) land in `_build/screenshots/` as test artefacts. Skips without a built book,
playwright or Chromium (never `playwright install`).
"""

from __future__ import annotations

import pytest
from browsing import (
    EXPLORER_PAGES,
    OVERFLOW_JS,
    SHOTS,
    TWO_MOVES_JS,
    WIDTHS,
    explorer_pairs,
    page_params,
    ready_explorer,
    visit,
)


def _key(src: str | None) -> list[int] | None:
    """The frame key (each control's index) of a picture file ``.../<key>.png``."""
    if src is None:
        return None
    return [int(j) for j in src.rsplit("/", 1)[1].removesuffix(".png").split("-")]


def check_two_moves(data: dict, pair: tuple[int, int], out: dict) -> list[str]:
    """What is wrong with what an explorer showed after moving controls ``pair`` in turn."""
    a, b = pair
    controls = data["controls"]
    name = f"{controls[a]['label']!r} then {controls[b]['label']!r}"
    wrong = []
    defaults = [g["default"] for g in controls]
    want = list(defaults)
    want[a], want[b] = out["first"], out["second"]
    if out["afterSecond"]["values"] != want:
        wrong.append(f"{name}: the controls read {out['afterSecond']['values']}, the reader set {want}")
    first_only = list(defaults)
    first_only[a] = out["first"]
    for label, state, expected in (("first", out["afterFirst"], first_only), ("second", out["afterSecond"], want)):
        if not state["loaded"]:
            wrong.append(f"{name}: after the {label} move the picture did not load")
        shown = _key(state["src"])
        if shown is None:  # a setting the model cannot take: its sentence, no picture
            if not state["status"]:
                wrong.append(f"{name}: after the {label} move neither a picture nor a sentence")
            continue
        if shown == expected:
            if state["note"]:
                wrong.append(f"{name}: the exact picture is shown, yet the note says {state['note']!r}")
            continue
        if label == "first":
            wrong.append(f"{name}: one control off the lesson's setting has no picture of its own ({shown})")
        moved = a if label == "first" else b
        if shown[moved] != expected[moved]:
            wrong.append(f"{name}: the picture shows another value of the control just moved")
        if not state["noteShown"]:
            wrong.append(f"{name}: picture {shown} is not the setting {expected}, and no note says so")
            continue
        for i, (j, k) in enumerate(zip(shown, expected)):
            if j != k:
                g = controls[i]
                said = f"{g['label']} {g['labels'][j]} (you chose {g['labels'][k]})"
                if said not in state["note"]:
                    wrong.append(f"{name}: the note does not say {said!r}: {state['note']!r}")
        if "make lab" not in state["note"] or "launch button" not in state["note"]:
            wrong.append(f"{name}: the note does not say how to run the chapter: {state['note']!r}")
        if "`" in state["note"]:  # plain text: Markdown would show its backticks
            wrong.append(f"{name}: the note shows Markdown backticks: {state['note']!r}")
    before, after = out["afterFirst"], out["afterSecond"]
    if (before["src"], before["note"], before["status"]) == (after["src"], after["note"], after["status"]):
        wrong.append(f"{name}: the second move changed neither the picture nor the note")
    return wrong


def _open(browser, site: str, rel: str, width: int):
    """A page of the book at ``width`` px, offline, with its console errors collected."""
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(site) or
               r.request.url.startswith(("data:", "blob:")) else r.abort())
    page.on("pageerror", lambda exc: errors.append(f"JS error: {exc}"))
    page.on("console", lambda msg: errors.append(f"console error: {msg.text}") if msg.type == "error" else None)
    page.goto(site + rel, wait_until="load")
    return context, page, errors


@pytest.mark.parametrize("rel", page_params(EXPLORER_PAGES, "(no page with an explorer)"))
def test_moving_two_controls_in_turn_keeps_the_first(browser, site, rel):
    if not EXPLORER_PAGES:
        pytest.skip("no built page has an explorer")
    wrong, tried = [], 0
    for n, found in enumerate(visit(browser, site, rel)["then"]["explorers"]):
        if "puts the others back" in found["grid_note"]:
            wrong.append(f"explorer {n + 1}: its note still says moving a control puts others back")
        for pair, out in found["two_moves"]:
            wrong += [f"explorer {n + 1}: {w}" for w in check_two_moves(found["data"], pair, out)]
            tried += 1
    assert tried, f"{rel}: no explorer with two controls to move"
    assert not wrong, f"{rel}: " + "; ".join(wrong[:6])


def test_the_nearest_picture_note_fits_a_phone(browser, site):
    """At 390 px, on the first page whose explorer lacks a combination, the note is shown
    above the picture, the page does not scroll sideways, and a screenshot is kept."""
    if not EXPLORER_PAGES:
        pytest.skip("no built page has an explorer")
    found = None
    context = None
    try:
        for rel in EXPLORER_PAGES:
            context, page, errors = _open(browser, site, rel, WIDTHS["phone"])
            box = page.locator(".snb-explorer").first
            data = ready_explorer(page, box)
            pairs = explorer_pairs(data)
            if data["mode"] != "product" and pairs:
                out = box.evaluate(TWO_MOVES_JS, list(pairs[0]))
                if out["afterSecond"]["noteShown"]:
                    found = rel
                    break
            context.close()
            context = None
        if found is None:
            pytest.skip("every explorer has the full grid of its settings")
        note = box.locator(".snb-explorer-nearest")
        img = box.locator("img.snb-explorer-picture")
        note_box, img_box = note.bounding_box(), img.bounding_box()
        overflow = page.evaluate(OVERFLOW_JS)
        SHOTS.mkdir(parents=True, exist_ok=True)
        box.screenshot(path=str(SHOTS / f"explorer-controls__{found.replace('/', '__')[:-5]}__390.png"))
    finally:
        if context is not None:
            context.close()
    assert note_box["y"] + note_box["height"] <= img_box["y"] + 1, (note_box, img_box)
    assert note_box["x"] + note_box["width"] <= WIDTHS["phone"], note_box
    assert overflow <= 1, f"{found}: the page is {overflow} px wider than a 390 px screen"
    assert not errors, "; ".join(errors[:3])
