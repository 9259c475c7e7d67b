"""The explorer: ipywidgets controls wired to a *pure* render function.

An :class:`Explorer` pairs controls with a render function (control values in,
:class:`~snb.draw.Picture` out), wired with ``ipywidgets.interactive_output``. Keeping
the render function pure means the benchmark can time exactly what a slider move
costs, and tests can call it without a browser.

In the static book (no kernel) an explorer is stored by ``make execute`` as plain HTML
controls over pictures precomputed for a grid of control values (see "the static book"
below and ``book/_static/snb-explorer.js``); in JupyterLab it stays live Python.

Layout: from a 390 px phone to a 1600 px screen. Every control's description
column fits its text, its body (a slider's track, a box's digits) keeps the room it
needs, and the controls wrap onto as many rows as the window needs (see :func:`_fit`).
"""

from __future__ import annotations

import hashlib
import html
import importlib
import io
import itertools
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import ipywidgets as w
import numpy as np
from IPython.display import HTML, display

from snb import draw
from snb.widgets.params import SettingError

#: Largest random seed numpy accepts (2**32 - 1).
MAX_SEED = 2**32 - 1
#: Room for a control's body beside its description, in em (a slider's track and
#: readout, a box's digits, a dropdown's longest choice); a control never gets less.
BODY_EM = {w.IntSlider: 16.0, w.FloatSlider: 16.0, w.SelectionSlider: 16.0, w.IntText: 9.0,
           w.BoundedIntText: 9.0, w.Dropdown: 12.0, w.Text: 12.0}
#: Characters of a description per em, generously, and the label's own padding (em).
EM_PER_CHAR = 0.62
LABEL_PADDING_EM = 1.2
#: Width of each button of a row of toggle buttons.
TOGGLE_BUTTON_EM = 7.0


def setting_message(exc: Exception) -> str:
    """What an explorer shows when its render function refuses the settings: the render
    function's own sentence for a :class:`~snb.widgets.params.SettingError` (the same one a
    direct call raises), else the error named in a few words."""
    if isinstance(exc, SettingError):
        return f"These settings cannot be drawn: {exc} Change it and try again."
    return (f"These settings cannot be drawn ({type(exc).__name__}: {str(exc)[:200]}). "
            "Change one of them and try again.")


def description_em(description: str) -> float:
    """Width in em that shows ``description`` in full (measured in Chromium: JupyterLab and the book)."""
    return round(min(len(description) * EM_PER_CHAR + LABEL_PADDING_EM, 15.0), 1)


def row(children: list[w.Widget], **layout: Any) -> w.HBox:
    """A row of widgets that wraps onto more lines when the window is narrow."""
    return w.HBox(children, layout=w.Layout(flex_flow="row wrap", align_items="center",
                                            max_width="100%", **layout))


def seed_box(value: int = 1, description: str = "Random seed") -> w.BoundedIntText:
    """A random-seed input that only takes the seeds numpy accepts (0 to 2**32 - 1)."""
    value = min(max(int(value), 0), MAX_SEED)
    return w.BoundedIntText(value=value, min=0, max=MAX_SEED, tooltip=f"a whole number from 0 to {MAX_SEED:,}",
                            **control_style(description))


def _bounded(control: w.ValueWidget) -> w.ValueWidget:
    """An unbounded integer box becomes a :func:`seed_box` (an explorer's seed)."""
    if isinstance(control, w.IntText) and not isinstance(control, w.BoundedIntText):
        return seed_box(control.value, control.description or "Random seed")
    return control


def _fit(control: w.Widget) -> w.Widget:
    """Give a control a width that works from 390 px to 1600 px.

    The description column fits its text; the control starts at its description
    plus the room its body needs (:data:`BODY_EM`), grows up to 12 em more, and
    takes a row of its own when the window is narrower than that.
    """
    desc = description_em(getattr(control, "description", "") or "")
    if isinstance(control, w.ToggleButtons):
        control.style.button_width = f"{TOGGLE_BUTTON_EM:g}em"
        body = (TOGGLE_BUTTON_EM + 0.5) * max(len(control.options), 1)
    else:
        body = next((em for kind, em in BODY_EM.items() if type(control) is kind), 12.0)
    control.layout.width = "auto"
    control.layout.flex = f"1 1 {desc + body:g}em"
    control.layout.min_width = "0"
    control.layout.max_width = f"{desc + body + 12:g}em"
    if hasattr(control, "style") and hasattr(control.style, "description_width"):
        control.style.description_width = f"{desc:g}em"
    return control


@dataclass
class Explorer:
    """Controls plus a pure render function; displays as the controls above the picture.

    Integer boxes named ``seed`` accept only 0 to 2**32 - 1 (they become a
    :func:`seed_box`), whoever built the explorer. Run for the static book
    (:func:`static_book`), it displays :func:`static_html` and stores :func:`explorer_spec`.
    """

    controls: dict[str, w.ValueWidget]
    render: Callable[..., Any]
    title: str = ""

    def __post_init__(self) -> None:
        self.controls = {name: _fit(_bounded(c) if name == "seed" else c) for name, c in self.controls.items()}
        self.output = w.interactive_output(self._show, self.controls)
        self.output.layout = w.Layout(max_width="100%")
        header = [w.HTML(f"<strong>{html.escape(self.title)}</strong>")] if self.title else []
        self.ui = w.VBox(header + [row(list(self.controls.values()), width="100%"), self.output],
                         layout=w.Layout(width="100%", max_width="100%"))

    def _show(self, **values: Any) -> None:
        try:
            picture = self.render(**values)
        except Exception as exc:  # a setting the model cannot take: a sentence, not a traceback
            display(HTML(f'<p role="status">{html.escape(setting_message(exc))}</p>'))
            return
        display(picture.html() if isinstance(picture, draw.Picture) else picture)

    def values(self) -> dict[str, Any]:
        """Current value of every control, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def _ipython_display_(self) -> None:
        if static_book():  # run for the static book: plain HTML over precomputed pictures
            spec = explorer_spec(self)
            _, first = render_frame(self.render, spec, default_key(spec))
            display(StaticHTML(static_html(spec, first), f"{self.title or 'Explorer'}: "
                               f"{len(spec['keys'])} precomputed settings", {SPEC_KEY: spec}))
            return
        display(self.ui)


def control_style(description: str, width: str = "initial", **kw: Any) -> dict[str, Any]:
    """Keyword arguments for a control: its description and the width of the description."""
    return {"description": description, "style": {"description_width": width}, **kw}


# ===================================================================== the static book
# In the published book there is no kernel: `make execute` (tools/execute_notebooks.py)
# runs each notebook with SNB_STATIC_BOOK set. An explorer then stores plain HTML controls,
# its first picture's alt text and size, and its spec (explorer_spec: the render function
# and the grid of settings) in the output's metadata; the book build (tools/frames.py)
# renders every frame of the grid into book/_static/frames/<id>/ (not tracked by git), and
# book/_static/snb-explorer.js switches between them as a control moves. A widget that
# needs Python (a builder) shows a notice instead. In JupyterLab nothing changes.

#: Environment variable set (to any non-empty value) while a notebook runs for the static book.
STATIC_ENV = "SNB_STATIC_BOOK"
#: The grid of an explorer: a slider keeps at most PRODUCT_STEPS of its steps when every
#: combination of every control is computed (at most MAX_FRAMES pictures); with more
#: combinations one control at a time varies from the lesson's settings, a slider over
#: at most STAR_STEPS of its steps. A seed box offers SEEDS seeds from its own.
PRODUCT_STEPS = 6
STAR_STEPS = 13
MAX_FRAMES = 128
#: At most this many pictures when every combination of the option controls gets a star.
MAX_OPTION_FRAMES = 300
SEEDS = 3
#: Colours kept in a frame (64 is indistinguishable at these sizes; a quarter of the bytes).
FRAME_COLOURS = 64


def static_book() -> str | None:
    """The variable's value when the notebook runs for the static book, else None."""
    return os.environ.get(STATIC_ENV) or None


def _thin(values: list, default_index: int, steps: int) -> list[int]:
    """At most ``steps`` evenly spread indices of ``values`` (ends included), plus the default."""
    m = len(values)
    if m <= steps:
        return list(range(m))
    picks = {round(i * (m - 1) / (steps - 1)) for i in range(steps)} | {default_index}
    return sorted(picks)


def _readout(control: w.ValueWidget, value: Any) -> str:
    fmt = getattr(control, "readout_format", None)
    if isinstance(value, float) and fmt:
        try:
            return format(value, fmt)
        except ValueError:
            pass
    return f"{value:g}" if isinstance(value, float) else str(value)


#: Controls that choose among ``options``.
SELECTIONS = (w.Dropdown, w.ToggleButtons, w.RadioButtons, w.Select, w.SelectionSlider)


def options(control: w.ValueWidget) -> list[tuple[str, Any]]:
    """A selection control's choices as (label, value) pairs, read from its public ``options``
    the way ipywidgets reads them: pairs when every option is a (label, value) pair, else
    each option labelled by its ``str``.

    Examples
    --------
    >>> import ipywidgets as w
    >>> options(w.Dropdown(options=[("one", 1), ("two", 2)]))
    [('one', 1), ('two', 2)]
    >>> options(w.Dropdown(options=[0.5, 1.0]))
    [('0.5', 0.5), ('1.0', 1.0)]
    """
    items = list(control.options.items() if isinstance(control.options, Mapping) else control.options)
    if items and all(isinstance(i, (list, tuple)) and len(i) == 2 for i in items):
        return [(str(label), value) for label, value in items]
    return [(str(i), i) for i in items]


def control_grid(name: str, control: w.ValueWidget, steps: int) -> dict[str, Any]:
    """The values a control takes in the static book: kind, values, their labels, default index."""
    description = getattr(control, "description", "") or name
    if isinstance(control, SELECTIONS):
        labels, values = map(list, zip(*options(control))) if control.options else ([], [])
        kind = "range" if isinstance(control, w.SelectionSlider) else "select"
        return {"name": name, "label": description, "kind": kind, "values": values, "labels": labels,
                "default": values.index(control.value)}
    if isinstance(control, (w.Checkbox, w.ToggleButton)):
        return {"name": name, "label": description, "kind": "select", "values": [False, True],
                "labels": ["no", "yes"], "default": int(bool(control.value))}
    if isinstance(control, (w.IntSlider, w.FloatSlider)):
        step = control.step or 1
        count = int(round((control.max - control.min) / step)) + 1
        full = [control.min + i * step for i in range(count)]
        if isinstance(control, w.FloatSlider):
            digits = max(0, -int(np.floor(np.log10(step)))) + 2 if step < 1 else 2
            full = [round(float(x), digits) for x in full]
        value = round(float(control.value), 10) if isinstance(control, w.FloatSlider) else control.value
        if not any(abs(x - value) < 1e-9 for x in full):  # a default between two steps is kept as is
            full = sorted(full + [value])
        default = int(np.argmin([abs(x - value) for x in full]))
        keep = _thin(full, default, steps)
        values = [full[i] for i in keep]
        return {"name": name, "label": description, "kind": "range", "values": values,
                "labels": [_readout(control, x) for x in values], "default": keep.index(default)}
    if name == "seed" or (isinstance(control, w.BoundedIntText) and control.max == MAX_SEED):
        values = [int(control.value) + i for i in range(SEEDS) if int(control.value) + i <= control.max]
        return {"name": name, "label": description, "kind": "select", "values": values,
                "labels": [str(x) for x in values], "default": 0}
    return {"name": name, "label": description, "kind": "fixed", "values": [control.value],
            "labels": [str(control.value)], "default": 0}


def categorical(controls: dict[str, w.ValueWidget]) -> list[int]:
    """Positions of the controls that choose among named options (not sliders, not seeds)."""
    return [i for i, (name, c) in enumerate(controls.items())
            if (isinstance(c, SELECTIONS) and not isinstance(c, w.SelectionSlider))
            or isinstance(c, (w.Checkbox, w.ToggleButton))]


def _star(grids: list[dict[str, Any]], base: tuple[int, ...], fixed: set[int]) -> list[tuple[int, ...]]:
    """``base`` and every setting of one control (not in ``fixed``) with the others at ``base``."""
    keys = [base]
    for i, g in enumerate(grids):
        if i not in fixed:
            keys += [base[:i] + (j,) + base[i + 1:] for j in range(len(g["values"])) if j != base[i]]
    return keys


def frame_plan(controls: dict[str, w.ValueWidget]) -> tuple[str, list[dict[str, Any]], list[tuple[int, ...]]]:
    """How an explorer is precomputed: (mode, each control's grid, frame keys).

    "product": every combination (at most MAX_FRAMES). "options": for every combination of
    the option controls (:func:`categorical`: topology, seeding...), the lesson's settings
    of the others and every setting of one of them, sliders thinned to as many steps as
    keep it within MAX_OPTION_FRAMES. "star": the lesson's settings and every setting of
    one control with the others at the lesson's.
    """
    grids = [control_grid(name, c, PRODUCT_STEPS) for name, c in controls.items()]
    if int(np.prod([len(g["values"]) for g in grids])) <= MAX_FRAMES:
        return "product", grids, list(itertools.product(*(range(len(g["values"])) for g in grids)))
    kept = set(categorical(controls))
    if kept:
        for steps in (STAR_STEPS, 9, 7, 5):
            grids = [control_grid(name, c, steps) for name, c in controls.items()]
            default = tuple(g["default"] for g in grids)
            keys = []
            for combo in itertools.product(*(range(len(grids[i]["values"])) for i in sorted(kept))):
                base = list(default)
                for i, j in zip(sorted(kept), combo):
                    base[i] = j
                keys += _star(grids, tuple(base), kept)
            if len(keys) <= MAX_OPTION_FRAMES:
                return "options", grids, keys
    grids = [control_grid(name, c, STAR_STEPS) for name, c in controls.items()]
    return "star", grids, _star(grids, tuple(g["default"] for g in grids), set())


def frame_png(picture: draw.Picture) -> bytes:
    """A picture as a small PNG for the static book (FRAME_COLOURS colours, deterministic).

    zlib level 6: a third of the time of Pillow's ``optimize`` (level 9) for files about
    8 % larger (16.8 KB instead of 15.5 KB on average).
    """
    from PIL import Image

    image = Image.open(io.BytesIO(picture.png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(FRAME_COLOURS, method=Image.Quantize.FASTOCTREE).save(out, "PNG", compress_level=6)
    return out.getvalue()


#: Output metadata key under which the static book stores an explorer's spec: what the
#: book build (tools/frames.py) needs to render every frame, without the notebook's kernel.
SPEC_KEY = "snb-explorer"


def explorer_spec(explorer: "Explorer") -> dict[str, Any]:
    """Everything the frames of ``explorer`` are made from, as JSON data.

    The render function (``module:qualname``, importable), the title, the grid of every
    control (:func:`frame_plan`) and the frame keys (``"i-j-..."``: each control's index).
    Its hash names the explorer's frames folder (:func:`spec_uid`).
    """
    render = f"{explorer.render.__module__}:{explorer.render.__qualname__}"
    if "<" in render:
        raise TypeError(f"the static book needs a module-level render function, not {render}")
    mode, grids, keys = frame_plan(explorer.controls)
    kept = categorical(explorer.controls) if mode == "options" else []
    spec = {"title": explorer.title, "render": render, "mode": mode, "kept": kept, "controls": grids,
            "keys": ["-".join(map(str, key)) for key in keys]}
    return json.loads(json.dumps(spec))  # the values as the build reads them back


def spec_uid(spec: dict[str, Any]) -> str:
    """The explorer's id in the page and the name of its frames folder (a hash of its spec)."""
    data = json.dumps(spec, separators=(",", ":"), sort_keys=True)
    return "snb-x-" + hashlib.sha256(data.encode()).hexdigest()[:12]


def default_key(spec: dict[str, Any]) -> str:
    """The key of the lesson's settings (every control at its default).

    Examples
    --------
    >>> spec = {"controls": [{"name": "p", "values": [0.1, 0.2, 0.3], "default": 1},
    ...                      {"name": "seed", "values": [1, 2, 3], "default": 0}]}
    >>> default_key(spec)
    '1-0'
    """
    return "-".join(str(g["default"]) for g in spec["controls"])


def frame_values(spec: dict[str, Any], key: str) -> dict[str, Any]:
    """The render function's keyword arguments for frame ``key``.

    Examples
    --------
    >>> spec = {"controls": [{"name": "p", "values": [0.1, 0.2, 0.3], "default": 1},
    ...                      {"name": "seed", "values": [1, 2, 3], "default": 0}]}
    >>> frame_values(spec, "2-1")
    {'p': 0.3, 'seed': 2}
    """
    return {g["name"]: g["values"][int(j)] for g, j in zip(spec["controls"], key.split("-"))}


def resolve_render(spec: dict[str, Any]) -> Callable[..., Any]:
    """The render function a spec names (``module:qualname``)."""
    module, qualname = spec["render"].split(":")
    target: Any = importlib.import_module(module)
    for part in qualname.split("."):
        target = getattr(target, part)
    return target


def render_frame(render: Callable[..., Any], spec: dict[str, Any], key: str) -> tuple[bytes | None, dict[str, Any]]:
    """(PNG bytes or None, manifest entry) of frame ``key``: its file, alt text and size, or
    the sentence a setting the model cannot take shows instead."""
    try:
        picture = render(**frame_values(spec, key))
        if not isinstance(picture, draw.Picture):
            raise TypeError(f"the render function returned {type(picture).__name__}, not a Picture")
    except Exception as exc:  # a setting the model cannot take: a sentence in the page
        return None, {"error": _cannot_draw(exc)}
    from PIL import Image

    png = frame_png(picture)
    width, height = Image.open(io.BytesIO(png)).size
    return png, {"src": f"frames/{spec_uid(spec)}/{key}.png", "alt": picture.alt, "width": width,
                 "height": height}


def render_frames(spec: dict[str, Any], folder: Path, keys: list[str] | None = None) -> dict[str, Any]:
    """Render frames ``keys`` (default: all) of an explorer into ``folder`` (``<key>.png``);
    their manifest entries, by key. ``tools/frames.py`` runs this in parallel, in a
    temporary folder it swaps in whole."""
    render = resolve_render(spec)
    folder.mkdir(parents=True, exist_ok=True)
    entries = {}
    for key in spec["keys"] if keys is None else keys:
        png, entry = render_frame(render, spec, key)
        if png is not None:
            (folder / f"{key}.png").write_bytes(png)
        entries[key] = entry
    return entries


#: The file in an explorer's frames folder that lists its frames (a script: see write_manifest).
MANIFEST_FILE = "manifest.js"
#: How a manifest script starts: it registers the explorer's frames under its id.
MANIFEST_PREFIX = "(window.snbExplorers=window.snbExplorers||{})["


def write_manifest(spec: dict[str, Any], frames: dict[str, Any], folder: Path) -> Path:
    """Write the manifest script the page loads (``data-manifest``) for ``frames``.

    The frames' list is a script of its own, loaded by the page on demand (the HTML stays
    light; a ``<script src>`` also works from file://, where fetching a JSON file does not).
    """
    manifest = {key: value for key, value in spec.items() if key != "keys"}
    manifest["frames"] = {key: frames[key] for key in spec["keys"]}
    data = json.dumps(manifest, separators=(",", ":"), sort_keys=True)
    path = folder / MANIFEST_FILE
    path.write_text(f"{MANIFEST_PREFIX}{json.dumps(spec_uid(spec))}]={data};\n", encoding="utf-8")
    return path


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest a manifest script (written by :func:`write_manifest`) registers."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith(MANIFEST_PREFIX):
        raise ValueError(f"{path} is not an explorer manifest")
    return json.loads(text[len(MANIFEST_PREFIX):].split("]=", 1)[1].rstrip().removesuffix(";"))


def _cannot_draw(exc: Exception) -> str:
    return (f"These settings cannot be drawn ({type(exc).__name__}: {str(exc)[:200]}). "
            "Change one of them and try again.")


STATIC_NOTE = ("No Python runs in this book: the pictures for {count} settings were computed in "
               "advance.{star} To try any setting, run the chapter: see “Ways to run the course” in "
               "the introduction.")
STAR_NOTE = (" Here one setting at a time changes from the lesson's. Your controls stay where you "
             "put them; for a combination that was not computed, the nearest picture is shown "
             "and a note above it says which setting it shows.")
OPTIONS_NOTE = (" For every choice of {kept}, one other setting at a time changes from the lesson's. "
                "Your controls stay where you put them; for a combination that was not computed, "
                "the nearest picture is shown and a note above it says which setting it shows.")
OFFLINE_NOTE = "Run this cell (in JupyterLab) to use the explorer."


def static_html(spec: dict[str, Any], first: dict[str, Any]) -> str:
    """The explorer as plain HTML controls and its first picture (``first``: the manifest
    entry of the lesson's settings); snb-explorer.js loads its manifest script
    (``data-manifest``, written by the build) and switches the pictures."""
    manifest = spec
    rows = []
    for i, g in enumerate(manifest["controls"]):
        ident = f"{{uid}}-{i}"
        label = html.escape(g["label"])
        if g["kind"] == "range":
            d = g["default"]
            rows.append(f'<div class="snb-control"><label for="{ident}">{label}</label>'
                        f'<input type="range" id="{ident}" data-control="{i}" min="0" '
                        f'max="{len(g["values"]) - 1}" step="1" value="{d}" '
                        f'aria-valuetext="{html.escape(g["labels"][d])}">'
                        f'<output for="{ident}">{html.escape(g["labels"][d])}</output></div>')
        elif g["kind"] == "select":
            options = "".join(f'<option value="{j}"{" selected" if j == g["default"] else ""}>'
                              f"{html.escape(text)}</option>" for j, text in enumerate(g["labels"]))
            rows.append(f'<div class="snb-control"><label for="{ident}">{label}</label>'
                        f'<select id="{ident}" data-control="{i}">{options}</select></div>')
        else:
            rows.append(f'<div class="snb-control"><span>{label}</span> '
                        f'<span data-control="{i}" data-fixed="0">{html.escape(g["labels"][0])}</span></div>')
    if "src" in first:
        picture = (f'<img class="snb-explorer-picture" data-src="{first["src"]}" alt="{html.escape(first["alt"])}" '
                   f'width="{first["width"]}" height="{first["height"]}" loading="lazy">')
    else:
        picture = '<img class="snb-explorer-picture" alt="" hidden>'
    error = html.escape(first.get("error", ""))
    kept = [manifest["controls"][i]["label"] for i in manifest.get("kept", [])]
    star = {"star": STAR_NOTE, "options": OPTIONS_NOTE.format(kept=" and ".join(kept))}.get(manifest["mode"], "")
    note = STATIC_NOTE.format(count=len(manifest["keys"]), star=star)
    uid = spec_uid(spec)
    title = f'<p class="snb-explorer-title"><strong>{html.escape(manifest["title"])}</strong></p>' \
        if manifest["title"] else ""
    body = (f'<div class="snb-explorer" id="{uid}" data-manifest="frames/{uid}/{MANIFEST_FILE}">{title}'
            f'<div class="snb-explorer-controls">{"".join(rows)}</div>'
            f'<p class="snb-explorer-offline">{OFFLINE_NOTE}</p>'
            f'<p class="snb-explorer-note" hidden>{html.escape(note)}</p>'
            f'<p class="snb-explorer-status" role="status" aria-live="polite">{error}</p>'
            f'<div class="snb-explorer-frame">{picture}</div></div>')
    return body.replace("{uid}", uid)


def needs_kernel_html(title: str, what: str = "This exercise") -> str:
    """A notice for the static book in place of a widget that needs Python running."""
    return (f'<div class="snb-needs-kernel" role="note"><p><strong>{html.escape(title)}</strong></p>'
            f"<p>{html.escape(what)} needs Python running, which this web page does not have. "
            "Run the chapter to use it: open this page on Binder, a JupyterHub or Colab with the "
            "launch button (the rocket at the top of the page), or download the notebook "
            "(the download button) and run it on your own computer; the introduction’s "
            "“Ways to run the course” explains each.</p></div>")


class StaticHTML:
    """An output that is only HTML (plus a plain-text line), for the static book."""

    def __init__(self, body: str, text: str, metadata: dict[str, Any] | None = None) -> None:
        self.body, self.text, self.metadata = body, text, metadata or {}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.body, "text/plain": self.text}, self.metadata
