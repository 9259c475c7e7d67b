"""The explorer: ipywidgets controls wired to a *pure* render function.

An :class:`Explorer` pairs controls with a render function (control values in,
:class:`~snb.draw.Picture` out), wired with ``ipywidgets.interactive_output``. Keeping
the render function pure means the benchmark can time exactly what a slider move
costs, and tests can call it without a browser.

Layout: from a 390 px phone to a 1600 px screen. Every control's description
column fits its text, its body (a slider's track, a box's digits) keeps the room it
needs, and the controls wrap onto as many rows as the window needs (see :func:`_fit`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Callable

import ipywidgets as w
from IPython.display import display

from snb import draw

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
                            **_style(description))


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
    :func:`seed_box`), whoever built the explorer.
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
            from IPython.display import HTML

            display(HTML(f'<p role="status">These settings cannot be drawn ({html.escape(type(exc).__name__)}: '
                         f"{html.escape(str(exc)[:200])}). Change one of them and try again.</p>"))
            return
        display(picture.html() if isinstance(picture, draw.Picture) else picture)

    def values(self) -> dict[str, Any]:
        """Current value of every control, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def _ipython_display_(self) -> None:
        display(self.ui)


def _style(description: str, width: str = "initial", **kw: Any) -> dict[str, Any]:
    """Keyword arguments for a control: its description and the width of the description."""
    return {"description": description, "style": {"description_width": width}, **kw}
