"""Tables of numbers that show as HTML in a notebook and as aligned text elsewhere.

:class:`Table` lives in its own module so that :mod:`snb.assumptions` (parameter
tables) needs nothing from :mod:`snb.draw`; ``draw.Table`` is the same class.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Mapping

import numpy as np

__all__ = ["Table"]


@dataclass
class Table:
    """Rows of numbers shown as an HTML table in notebooks and as aligned text elsewhere.

    Whole numbers are printed with thousands separators, other numbers with ``digits``
    decimals, anything else as text; a cell a row lacks is left blank.

    Parameters
    ----------
    rows : mapping of str to mapping of str to value
        Row name -> {column name: value}; the columns are the union of the rows' keys,
        in order of first appearance.
    title : str, default ""
        A caption above the table.
    digits : int, default 2
        Decimals of non-whole numbers.

    Examples
    --------
    >>> Table({"Ana": {"ties": 3, "share": 0.5}, "Ben": {"ties": 2, "share": 0.25}}, title="Team")
    Team
         ties  share
    Ana     3   0.50
    Ben     2   0.25
    >>> "<caption>Team</caption>" in Table({"Ana": {"ties": 3}}, title="Team")._repr_html_()
    True
    """

    rows: Mapping[str, Mapping[str, float]]
    title: str = ""
    digits: int = 2

    def _cell(self, value: object) -> str:
        if isinstance(value, (int, np.integer)):
            return f"{value:,}"
        if isinstance(value, (float, np.floating)):
            return f"{value:,.{self.digits}f}"
        return str(value)

    def _columns(self) -> list[str]:
        return list(dict.fromkeys(c for row in self.rows.values() for c in row))

    def __repr__(self) -> str:
        cols = self._columns()
        grid = [[""] + cols] + [[name] + [self._cell(r.get(c, "")) for c in cols] for name, r in self.rows.items()]
        widths = [max(len(row[i]) for row in grid) for i in range(len(grid[0]))]
        lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
                 for row in grid]
        return "\n".join(([self.title] if self.title else []) + lines)

    def _repr_html_(self) -> str:
        cols = self._columns()
        head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in cols)
        body = "".join(
            f'<tr><th scope="row">{html.escape(str(name))}</th>'
            + "".join(f"<td>{self._cell(r.get(c, ''))}</td>" for c in cols) + "</tr>"
            for name, r in self.rows.items())
        caption = f"<caption>{html.escape(self.title)}</caption>" if self.title else ""
        # a focusable box that scrolls sideways on a narrow screen (keyboard users can scroll it)
        label = html.escape(self.title or "table", quote=True)
        return (f'<div class="snb-table" role="region" tabindex="0" aria-label="{label}">'
                f"<table>{caption}<thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table></div>")
