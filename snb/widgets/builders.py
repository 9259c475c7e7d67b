"""The network-builder exercise widget: add people and ties, or type an edge list.
"""

from __future__ import annotations

import html
import re
from typing import Any, Callable, Iterable

import ipywidgets as w
import networkx as nx
from IPython.display import display

from snb import draw
from snb.feedback import Feedback
from snb.widgets.base import _style


# ------------------------------------------------------------ network builder
_SEPARATOR = re.compile(r"\s*(?:--|->|-|,|;|\t)\s*")


def parse_edge_list(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Read ties written one per line as ``Ana - Ben`` (or ``Ana, Ben``).

    Returns the ties and a list of problems, one per bad line; never raises and
    never evaluates the text. Blank lines and lines starting with ``#`` are skipped.
    """
    ties: list[tuple[str, str]] = []
    problems: list[str] = []
    for number, line in enumerate(str(text).splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [part for part in _SEPARATOR.split(line) if part]
        if len(parts) != 2:
            problems.append(f"line {number}: '{line}' should name two people, like 'Ana - Ben'")
        elif parts[0] == parts[1]:
            problems.append(f"line {number}: a tie needs two different people, not {parts[0]} twice")
        else:
            ties.append((parts[0], parts[1]))
    return ties, problems


class NetworkBuilder:
    """Build a small undirected network with buttons, see it drawn and measured, press Check.

    Every action is also a method (``add_person``, ``add_tie``, ``set_edges``...),
    so a worked solution can fill the builder in code. ``graph`` is the network.
    """

    def __init__(self, check: Callable[[nx.Graph], Feedback] | None = None,
                 people: Iterable[str] = (), title: str = "Network builder") -> None:
        self.graph = nx.Graph()
        self.graph.add_nodes_from(people)
        self._check = check
        self.name = w.Text(placeholder="name", **_style("Person"))
        self.a = w.Dropdown(**_style("Tie from"))
        self.b = w.Dropdown(**_style("to"))
        self.edges = w.Textarea(placeholder="Ana - Ben\nBen - Chloe", rows=5,
                                layout=w.Layout(width="22em"), **_style("Ties, one per line"))
        self.status = w.HTML()
        self.picture = w.Output()
        self.metrics = w.HTML()
        self._buttons = self._make_buttons(self._actions())
        self.ui = w.VBox([
            w.HTML(f"<strong>{html.escape(title)}</strong>"),
            *self._control_rows(self._buttons),
            self.status,
            w.HBox([self.picture, self.metrics]),
        ])
        self._refresh()

    def _actions(self) -> dict[str, Callable[[Any], Any]]:
        """The buttons' labels and what each does."""
        return {
            "Add person": lambda _: self.add_person(self.name.value),
            "Remove person": lambda _: self.remove_person(self.name.value),
            "Add tie": lambda _: self.add_tie(self.a.value, self.b.value),
            "Remove tie": lambda _: self.remove_tie(self.a.value, self.b.value),
            "Use this list": lambda _: self.set_edges(self.edges.value),
            "Clear": lambda _: self.clear(),
            "Check": lambda _: self.check(),
        }

    def _control_rows(self, b: dict[str, w.Button]) -> list[w.Widget]:
        """The rows of inputs and buttons above the status line."""
        return [
            w.HBox([self.name, b["Add person"], b["Remove person"]]),
            w.HBox([self.a, self.b, b["Add tie"], b["Remove tie"]]),
            self._list_row(b),
        ]

    def _list_row(self, b: dict[str, w.Button]) -> w.Widget:
        """The edge-list box with its buttons."""
        return w.HBox([self.edges, w.VBox([b["Use this list"], b["Clear"], b["Check"]])])

    @staticmethod
    def _make_buttons(actions: dict[str, Callable[[Any], Any]]) -> dict[str, w.Button]:
        """One button per labelled action; *Check* is the highlighted one."""
        buttons = {}
        for label, action in actions.items():
            button = w.Button(description=label, tooltip=label,
                              button_style="primary" if label == "Check" else "")
            button.on_click(action)
            buttons[label] = button
        return buttons

    # ---- actions (return a short message; also shown in the status line)
    def _say(self, message: str, ok: bool = True) -> str:
        colour = "#009E73" if ok else "#D55E00"
        self.status.value = f'<span role="status" style="color:{colour}">{html.escape(message)}</span>'
        return message

    def add_person(self, name: Any) -> str:
        """Add a person by name."""
        name = str(name or "").strip()
        if not name:
            return self._say("Type a name first.", ok=False)
        if name in self.graph:
            return self._say(f"{name} is already in the network.", ok=False)
        self.graph.add_node(name)
        self._refresh()
        return self._say(f"Added {name}.")

    def remove_person(self, name: Any) -> str:
        """Remove a person and their ties."""
        name = str(name or "").strip()
        if name not in self.graph:
            return self._say(f"There is no {name or 'one'} to remove.", ok=False)
        self.graph.remove_node(name)
        self._refresh()
        return self._say(f"Removed {name} and their ties.")

    def add_tie(self, a: Any, b: Any) -> str:
        """Tie two people together, adding them if they are new."""
        a, b = str(a or "").strip(), str(b or "").strip()
        if not a or not b:
            return self._say("Choose two people for the tie.", ok=False)
        if a == b:
            return self._say("A tie needs two different people.", ok=False)
        if self.graph.has_edge(a, b):
            return self._say(f"{a} and {b} are already tied.", ok=False)
        self.graph.add_edge(a, b)
        self._refresh()
        return self._say(f"Tied {a} and {b}.")

    def remove_tie(self, a: Any, b: Any) -> str:
        """Remove the tie between two people (both stay in the network)."""
        if not self.graph.has_edge(a, b):
            return self._say(f"There is no tie between {a} and {b}.", ok=False)
        self.graph.remove_edge(a, b)
        self._refresh()
        return self._say(f"Removed the tie between {a} and {b}.")

    def set_edges(self, text: str) -> str:
        """Replace all ties with those in an edge list (people without ties are kept)."""
        ties, problems = parse_edge_list(text)
        if problems:
            return self._say("Nothing changed. " + "; ".join(problems[:3]), ok=False)
        self.graph.remove_edges_from(list(self.graph.edges))
        self.graph.add_edges_from(ties)
        self.edges.value = "\n".join(f"{a} - {b}" for a, b in self.graph.edges)
        self._refresh()
        return self._say(f"The network now has {self.graph.number_of_edges()} ties.")

    def clear(self) -> str:
        """Start again with an empty network."""
        self.graph.clear()
        self._refresh()
        return self._say("Cleared.")

    def check(self) -> Feedback | None:
        """Run the exercise's check on the current network and show the feedback."""
        if self._check is None:
            self._say("This builder has no check attached.", ok=False)
            return None
        feedback = self._check(self.graph)
        self.status.value = feedback._repr_html_()
        return feedback

    # ---- view
    def summary(self) -> dict[str, Any]:
        """The numbers shown beside the drawing."""
        G = self.graph
        n = G.number_of_nodes()
        degrees = dict(G.degree())
        return {
            "people": n,
            "ties": G.number_of_edges(),
            "density": round(nx.density(G), 3) if n > 1 else 0.0,
            "components": nx.number_connected_components(G) if n else 0,
            "most ties": max(degrees.values(), default=0),
        }

    def _refresh(self) -> None:
        names = sorted(self.graph, key=str)
        for dropdown in (self.a, self.b):
            keep = dropdown.value
            dropdown.options = names
            dropdown.value = keep if keep in names else None
        rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in self.summary().items())
        self.metrics.value = f"<table><caption>Your network</caption>{rows}</table>"
        self.picture.clear_output(wait=True)
        if self.graph.number_of_nodes():
            with self.picture:
                display(draw.network(self.graph, title="Your network", size=(4.5, 3.4)).html())

    def _ipython_display_(self) -> None:
        display(self.ui)
