"""The network-builder exercise widget: add people and ties, or type an edge list.

Names are plain text everywhere: ``$\\alpha$`` is drawn as typed, never as maths,
and no name can break the drawing. Lists and names have size limits (stated in
the message that refuses them) so that every action answers within a second.
"""

from __future__ import annotations

import html
import re
from typing import Any, Callable, Iterable

import ipywidgets as w
import matplotlib
import networkx as nx
from IPython.display import display

from snb import draw
from snb.feedback import Feedback, plural
from snb.widgets.base import StaticHTML, control_style, needs_kernel_html, row, static_book

#: Longest name (characters) a builder accepts.
MAX_NAME = 60
#: Most lines *Use this list* reads, and most people a builder's network may have:
#: at these sizes every action (redraw included) takes well under a second.
MAX_LINES = 300
MAX_PEOPLE = 200
#: Longest text *Use this list* reads (characters).
MAX_TEXT = MAX_LINES * (2 * MAX_NAME + 8)

# A tie's two names are split by a dash with a space on at least one side
# ("Jean-Paul - Ana"), an en or em dash, an arrow, "--", a comma, a semicolon or a tab.
# A hyphen inside a name ("Jean-Paul") is part of the name.
# Each alternative starts at a separator character (never at a run of spaces), so a split
# takes time linear in the line's length; the spaces around a name are stripped afterwards.
_SEPARATOR = re.compile(r"->|→|--|–|—|,|;|\t|(?<=\s)-|-(?=\s)")


def plain_text_html(text: str, colour: str | None = None) -> str:
    """``text`` as HTML that MathJax and the browser leave exactly as typed."""
    style = f' style="color:{colour}"' if colour else ""
    return f'<span class="tex2jax_ignore mathjax_ignore"{style}>{html.escape(str(text))}</span>'


def _split(line: str) -> list[str]:
    parts = [part.strip() for part in _SEPARATOR.split(line) if part.strip()]
    if len(parts) == 1 and line.count("-") == 1:  # "Ana-Ben": one hyphen and no spaces
        parts = [part.strip() for part in line.split("-") if part.strip()]
    return parts


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def parse_edge_list(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Read ties written one per line as ``Ana - Ben`` (or ``Ana, Ben``, ``Ana – Ben``).

    Returns the ties and a list of problems, one per bad line; never raises and
    never evaluates the text. Blank lines and lines starting with ``#`` are skipped.
    Names may contain hyphens (``Jean-Paul - Ana``); names longer than
    :data:`MAX_NAME` characters are a problem.
    """
    ties: list[tuple[str, str]] = []
    problems: list[str] = []
    for number, line in enumerate(str(text).splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = _split(line)
        if len(parts) != 2:
            problems.append(f"line {number}: '{shorten(line)}' should name two people, like 'Ana - Ben'")
        elif max(len(parts[0]), len(parts[1])) > MAX_NAME:
            problems.append(f"line {number}: a name is longer than {MAX_NAME} characters")
        elif parts[0] == parts[1]:
            problems.append(f"line {number}: a tie needs two different people, not {parts[0]} twice")
        else:
            ties.append((parts[0], parts[1]))
    return ties, problems


def list_too_big(text: str) -> str | None:
    """Why an edge list is too big for a builder (the limits stated), or None."""
    text = str(text)
    lines = text.count("\n") + 1
    if len(text) > MAX_TEXT or lines > MAX_LINES:
        return (f"Nothing changed: the list has {plural(lines, 'line')} and {len(text):,} characters; "
                f"the builder takes at most {MAX_LINES} lines ({MAX_TEXT:,} characters) and {MAX_PEOPLE} people. "
                "Build bigger networks in code, e.g. nx.Graph(ties).")
    return None


class NetworkBuilder:
    """Build a small undirected network with buttons, see it drawn and measured, press Check.

    Every action is also a method (``add_person``, ``add_tie``, ``set_edges``...), so a
    worked solution can fill the builder in code; each returns the sentence the builder
    shows. ``graph`` is the network.

    Parameters
    ----------
    check : callable, optional
        The exercise's check, called with the network when *Check* is pressed.
    people : iterable of str, default ()
        People who must be in the network (e.g. "Brand"): *Clear* and *Use this list*
        keep them.
    title : str, default "Network builder"
        The builder's heading.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):  # outside Jupyter, widget output prints
    ...     builder = NetworkBuilder(people=["Brand"])
    ...     added = builder.add_tie("Brand", "Ana")
    ...     listed = builder.set_edges("Brand - Ana" + chr(10) + "Ana - Ben")
    ...     cleared = builder.clear()
    >>> added, listed
    ('Tied Brand and Ana.', 'The network now has 3 people and 2 ties.')
    >>> cleared, list(builder.graph)  # the required person stays
    ('Cleared: Brand stays.', ['Brand'])
    """

    caption = "Your network"

    def __init__(self, check: Callable[[nx.Graph], Feedback] | None = None,
                 people: Iterable[str] = (), title: str = "Network builder") -> None:
        self.title = title
        self.graph = nx.Graph()
        self.required = tuple(dict.fromkeys(str(p) for p in people))
        self.graph.add_nodes_from(self.required)
        self._check = check
        wide = {"width": "100%", "max_width": "22em"}  # each widget gets its own Layout
        self.name = w.Text(placeholder="name", layout=w.Layout(**wide), **control_style("Person", "5em"))
        self.a = w.Dropdown(layout=w.Layout(**wide), **control_style("Tie from", "5em"))
        self.b = w.Dropdown(layout=w.Layout(**wide), **control_style("to", "5em"))
        # the box takes the room its label leaves; its buttons sit beside it, or below when narrow
        self.edges = w.Textarea(placeholder="Ana - Ben\nBen - Chloe", rows=5,
                                layout=w.Layout(width="auto", flex="1 1 24em", min_width="0", max_width="36em"),
                                **control_style("Ties, one per line"))
        self.status = w.HTML(layout=w.Layout(max_width="100%"))
        self.picture = w.Output(layout=w.Layout(max_width="100%", min_width="0", flex="0 1 auto"))
        self.metrics = w.HTML(layout=w.Layout(min_width="12em"))
        self._buttons = self._make_buttons(self._actions())
        self.ui = w.VBox([
            w.HTML(f"<strong>{html.escape(title)}</strong>"),
            *self._control_rows(self._buttons),
            self.status,
            row([self.picture, self.metrics]),
        ], layout=w.Layout(width="100%", max_width="100%"))
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
        """The rows of inputs and buttons above the status line (each row wraps when narrow)."""
        return [
            row([self.name, b["Add person"], b["Remove person"]]),
            row([self.a, self.b, b["Add tie"], b["Remove tie"]]),
            self._list_row(b),
        ]

    def _list_row(self, b: dict[str, w.Button]) -> w.Widget:
        """The edge-list box with its buttons (below the box when the window is narrow)."""
        return row([self.edges, w.VBox([b["Use this list"], b["Clear"], b["Check"]],
                                       layout=w.Layout(flex="0 0 auto"))])

    @staticmethod
    def _make_buttons(actions: dict[str, Callable[[Any], Any]]) -> dict[str, w.Button]:
        """One button per labelled action; *Check* is the highlighted one."""
        buttons = {}
        for label, action in actions.items():
            button = w.Button(description=label, tooltip=label,
                              button_style="primary" if label == "Check" else "",
                              layout=w.Layout(width="auto", min_width="7.5em"))
            button.on_click(action)
            buttons[label] = button
        return buttons

    # ---- actions (return a short message; also shown in the status line)
    def _say(self, message: str, ok: bool = True) -> str:
        self.status.value = f'<div role="status">{plain_text_html(message, "#009E73" if ok else "#D55E00")}</div>'
        return message

    def _name_problem(self, *names: str) -> str | None:
        """Why these names cannot be used (too long, or one person too many), or None."""
        if any(len(name) > MAX_NAME for name in names):
            return f"Names can have at most {MAX_NAME} characters."
        new = len({name for name in names if name not in self.graph})
        if self.graph.number_of_nodes() + new > MAX_PEOPLE:
            return f"The builder holds at most {MAX_PEOPLE} people; build bigger networks in code."
        return None

    def add_person(self, name: Any) -> str:
        """Add a person by name."""
        name = str(name or "").strip()
        if not name:
            return self._say("Type a name first.", ok=False)
        if name in self.graph:
            return self._say(f"{name} is already in the network.", ok=False)
        problem = self._name_problem(name)
        if problem:
            return self._say(problem, ok=False)
        self.graph.add_node(name)
        self._refresh()
        return self._say(f"Added {name}.")

    def remove_person(self, name: Any) -> str:
        """Remove a person and their ties."""
        name = str(name or "").strip()
        if name not in self.graph:
            return self._say(f"There is no {shorten(name) or 'one'} to remove.", ok=False)
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
        problem = self._name_problem(a, b)
        if problem:
            return self._say(problem, ok=False)
        self.graph.add_edge(a, b)
        self._refresh()
        return self._say(f"Tied {a} and {b}.")

    def remove_tie(self, a: Any, b: Any) -> str:
        """Remove the tie between two people (both stay in the network)."""
        if not self.graph.has_edge(a, b):
            return self._say(f"There is no tie between {shorten(str(a))} and {shorten(str(b))}.", ok=False)
        self.graph.remove_edge(a, b)
        self._refresh()
        return self._say(f"Removed the tie between {a} and {b}.")

    def _parse_list(self, text: str) -> tuple[list[tuple[str, str]], str | None]:
        """The ties of an edge list, or the message that refuses it (size, bad lines, too many people)."""
        too_big = list_too_big(text)
        if too_big:
            return [], too_big
        ties, problems = parse_edge_list(text)
        if problems:
            more = len(problems) - 3
            return [], "Nothing changed. " + "; ".join(problems[:3]) + (
                f" (and {plural(more, 'more problem')})" if more > 0 else "")
        people = set(self.required) | {v for tie in ties for v in tie}
        if len(people) > MAX_PEOPLE:
            return [], (f"Nothing changed: the list names {len(people):,} people; the builder holds at most "
                        f"{MAX_PEOPLE}. Build bigger networks in code, e.g. nx.Graph(ties).")
        return ties, None

    def set_edges(self, text: str) -> str:
        """Replace the network with the ties of an edge list.

        The people are those the list names, plus the required ones (e.g. Brand).
        """
        ties, problem = self._parse_list(text)
        if problem:
            return self._say(problem, ok=False)
        self.graph.clear()
        self.graph.add_nodes_from(self.required)
        self.graph.add_edges_from(ties)
        self.edges.value = "\n".join(f"{a} - {b}" for a, b in self.graph.edges)
        self._refresh()
        return self._say(f"The network now has {plural(self.graph.number_of_nodes(), 'person', 'people')} "
                         f"and {plural(self.graph.number_of_edges(), 'tie')}.")

    def clear(self) -> str:
        """Start again: only the required people stay, and the list box is emptied."""
        self.graph.clear()
        self.graph.add_nodes_from(self.required)
        self.edges.value = ""
        self._refresh()
        kept = f": {', '.join(self.required)} stays" if len(self.required) == 1 else (
            f": {', '.join(self.required)} stay" if self.required else "")
        return self._say(f"Cleared{kept}.")

    def check(self) -> Feedback | None:
        """Run the exercise's check on the current network and show the feedback."""
        if self._check is None:
            self._say("This builder has no check attached.", ok=False)
            return None
        feedback = self._check(self.graph)
        self.status.value = f'<div class="tex2jax_ignore mathjax_ignore">{feedback._repr_html_()}</div>'
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

    def _update_choices(self) -> None:
        """The people offered by the tie dropdowns."""
        names = sorted(self.graph, key=str)
        for dropdown in (self.a, self.b):
            keep = dropdown.value
            dropdown.options = names
            dropdown.value = keep if keep in names else None

    def _drawing(self) -> draw.Picture:
        return draw.network(self.graph, title="Your network", size=(4.5, 3.4))

    def _refresh(self) -> None:
        self._update_choices()
        rows = "".join(f"<tr><td>{k}</td><td>{html.escape(str(v))}</td></tr>" for k, v in self.summary().items())
        self.metrics.value = (f'<table class="tex2jax_ignore mathjax_ignore"><caption>{self.caption}</caption>'
                              f"{rows}</table>")
        self.picture.clear_output(wait=True)
        if self.graph.number_of_nodes():
            picture = draw_plain(self._drawing)
            with self.picture:
                display(picture.html() if isinstance(picture, draw.Picture) else picture)

    def _ipython_display_(self) -> None:
        if static_book():  # the static book has no kernel: a notice, not dead buttons
            display(StaticHTML(needs_kernel_html(self.title, "This builder"),
                                f"{self.title}: needs Python running"))
            return
        display(self.ui)


def draw_plain(make: Callable[[], Any]) -> Any:
    """Call a drawing function with every text drawn as typed (no ``$...$`` maths).

    A name such as ``$x^$`` would otherwise make matplotlib raise on every later
    redraw; should a drawing still fail, the learner gets a sentence, not a traceback.
    """
    from IPython.display import HTML

    try:
        with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
            return make()
    except Exception as exc:  # the picture is a view: never let it break the builder
        return HTML(plain_text_html(f"The drawing failed ({type(exc).__name__}); the network itself is "
                                    "unchanged and Check still works."))
