"""The explorer: ipywidgets controls wired to a *pure* render function.

An :class:`Explorer` pairs controls with a render function (control values in,
:class:`~snb.draw.Picture` out), wired with ``ipywidgets.interactive_output``. Keeping
the render function pure means the benchmark can time exactly what a slider move
costs, and tests can call it without a browser.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Callable

import ipywidgets as w
from IPython.display import display

from snb import draw


@dataclass
class Explorer:
    """Controls plus a pure render function; displays as the controls above the picture."""

    controls: dict[str, w.ValueWidget]
    render: Callable[..., Any]
    title: str = ""

    def __post_init__(self) -> None:
        self.output = w.interactive_output(self._show, self.controls)
        header = [w.HTML(f"<strong>{html.escape(self.title)}</strong>")] if self.title else []
        self.ui = w.VBox(header + [w.HBox(list(self.controls.values()),
                                          layout=w.Layout(flex_flow="row wrap")), self.output])

    def _show(self, **values: Any) -> None:
        picture = self.render(**values)
        display(picture.html() if isinstance(picture, draw.Picture) else picture)

    def values(self) -> dict[str, Any]:
        """Current value of every control, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def _ipython_display_(self) -> None:
        display(self.ui)


def _style(description: str, **kw: Any) -> dict[str, Any]:
    return {"description": description, "style": {"description_width": "initial"}, **kw}
