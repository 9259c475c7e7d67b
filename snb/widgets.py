"""Interactive explorers and the network-builder exercise.

An :class:`Explorer` pairs ipywidgets controls with a *pure* render function
(control values in, :class:`~snb.draw.Picture` out), wired with
``ipywidgets.interactive_output``. Keeping the render function pure means the
benchmark can time exactly what a slider move costs, and tests can call it
without a browser.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, replace
from typing import Any, Callable, Hashable, Iterable

import ipywidgets as w
import networkx as nx
import numpy as np
from IPython.display import display

from snb import draw
from snb.checks import Feedback
from snb.datasets import TOPOLOGIES, communication_network
from snb.measures import top_share
from snb.models import (POLICIES, cascade_sizes, choose_seeds, compare_policies, degrees_at, growth_edges,
                        independent_cascade)

__all__ = ["Explorer", "cascade_explorer", "render_cascade", "adaptation_explorer",
           "render_adaptation", "NetworkBuilder", "parse_edge_list", "growth_explorer", "render_growth",
           "GROWTH_SIZES", "CheckInNetworkBuilder"]


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


# ---------------------------------------------------------- cascade explorer
@functools.lru_cache(maxsize=64)
def _network_and_layout(topology: str, n: int, seed: int) -> tuple[nx.Graph, dict]:
    """Build a network and its layout once per setting (layouts are the slow part)."""
    G = communication_network(topology, n, seed=seed)
    return G, draw.layout(G, seed=seed)


def render_cascade(topology: str = "media + peers", n: int = 80, p: float = 0.15,
                   seeding: str = "broadcast", budget: int = 3, seed: int = 1,
                   runs: int = 100) -> draw.Picture:
    """One seeded cascade drawn on the network, beside the spread of reach over many runs."""
    G, pos = _network_and_layout(topology, int(n), int(seed))
    seeds = choose_seeds(G, int(budget), seeding, seed=seed)
    rounds = independent_cascade(G, seeds, p, seed=seed)
    sizes = cascade_sizes(G, seeds, p, runs=runs, seed=seed)
    fig, (ax_net, ax_hist) = draw.new_figure(10, 4.2, 2, fast=True)
    told = [v for r in rounds[1:] for v in r]
    title = f"{topology}: one run, {seeding} seeding, p = {p:.2f}"
    draw.network(G, ax=ax_net, pos=pos, title=title, labels=False,
                 highlight={"seeds": seeds, "reached": told})
    bins = np.arange(0, G.number_of_nodes() + 2, max(1, G.number_of_nodes() // 30))
    ax_hist.hist(sizes, bins=bins, color=draw.PALETTE["blue"], edgecolor="white")
    ax_hist.axvline(sizes.mean(), color=draw.PALETTE["vermillion"], lw=2, label=f"mean {sizes.mean():.1f}")
    ax_hist.set(title=f"Reach in {runs} runs", xlabel="people reached", ylabel="runs")
    ax_hist.yaxis.get_major_locator().set_params(integer=True)
    ax_hist.legend(frameon=False)
    reached = len(told) + len(seeds)
    alt = (f"{title}. Left: network of {G.number_of_nodes()} people; {len(seeds)} seeds reached "
           f"{reached} people in {len(rounds) - 1} rounds. Right: histogram of reach over {runs} runs, "
           f"mean {sizes.mean():.1f}, 10th to 90th percentile {np.percentile(sizes, 10):.0f} "
           f"to {np.percentile(sizes, 90):.0f}.")
    return draw.Picture.from_figure(fig, alt)


def cascade_explorer(topology: str = "media + peers", n: int = 80, p: float = 0.15,
                     seeding: str = "broadcast", budget: int = 3, seed: int = 1) -> Explorer:
    """Pick topology, size, pass-on probability and seeding; watch one cascade and the spread."""
    controls = {
        "topology": w.Dropdown(options=list(TOPOLOGIES), value=topology, **_style("Topology")),
        "n": w.IntSlider(value=n, min=20, max=300, step=10, continuous_update=False, **_style("People")),
        "p": w.FloatSlider(value=p, min=0.0, max=0.6, step=0.01, continuous_update=False,
                           **_style("Pass-on probability")),
        "seeding": w.ToggleButtons(options=["broadcast", "peer"], value=seeding, **_style("Seeding")),
        "budget": w.IntSlider(value=budget, min=1, max=10, continuous_update=False, **_style("Seeds")),
        "seed": w.IntText(value=seed, layout=w.Layout(width="9em"), **_style("Random seed")),
    }
    return Explorer(controls, render_cascade, "Cascade explorer")


# ------------------------------------------------------- adaptation explorer
def render_adaptation(topology: str = "media + peers", p_dialogue: float = 0.25,
                      success: float = 0.6, periods: int = 12, n: int = 150, runs: int = 40,
                      seed: int = 1) -> draw.Picture:
    """Value of the three ways of adapting over ``runs`` seeded runs (reward and risk)."""
    G, _ = _network_and_layout(topology, int(n), int(seed))
    policies = [POLICIES["wait and see"], POLICIES["step by step"],
                replace(POLICIES["transformation"], success_probability=float(success))]
    outcomes = compare_policies(G, policies, runs=runs, seed=seed, periods=periods, p_dialogue=p_dialogue)
    return draw.outcome_plot(outcomes, xlabel="value (customer-periods minus cost)", fast=True,
                             title=f"{topology} · dialogue pass-on {p_dialogue:.2f} · "
                                   f"transformation succeeds {success:.0%}")


def adaptation_explorer(topology: str = "media + peers", p_dialogue: float = 0.25,
                        success: float = 0.6, periods: int = 12) -> Explorer:
    """Compare wait and see, step by step and transformation as the market changes."""
    controls = {
        "topology": w.Dropdown(options=list(TOPOLOGIES), value=topology, **_style("Topology")),
        "p_dialogue": w.FloatSlider(value=p_dialogue, min=0.02, max=0.5, step=0.02, continuous_update=False,
                                    **_style("Dialogue pass-on")),
        "success": w.FloatSlider(value=success, min=0.0, max=1.0, step=0.05, continuous_update=False,
                                 **_style("Transformation success")),
        "periods": w.IntSlider(value=periods, min=4, max=24, continuous_update=False, **_style("Periods")),
    }
    return Explorer(controls, render_adaptation, "Ways of adapting")


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


# =====================================================================
# Chapter 2: grow a market
# =====================================================================
#: Market sizes offered by the growth explorer's size slider.
GROWTH_SIZES: tuple[int, ...] = (100, 200, 500, 1000, 2000, 5000, 10000)


@functools.lru_cache(maxsize=64)
def _grown(n: int, m: int, alpha: float, seed: int) -> np.ndarray:
    """Edges of one grown market, built once per setting."""
    return growth_edges(n, m, alpha, seed=seed)


def render_growth(alpha: float = 1.0, n: int = 500, m: int = 2, seed: int = 1) -> draw.Picture:
    """Grow a market with attachment strength ``alpha``: the market drawn in arrival
    order, and its degree distribution against uniform (alpha 0) and linear
    (alpha 1) attachment grown with the same seed, each labelled with the share
    of ties its top 10 % hold."""
    n, m, alpha, seed = int(n), int(m), round(float(alpha), 3), int(seed)
    edges = _grown(n, m, alpha, seed)
    degree = degrees_at(edges)
    share = top_share(degree, 0.10)
    fig, (ax_net, ax_deg) = draw.new_figure(10.5, 4.4, 2, fast=True)
    fig.subplots_adjust(left=0.01, right=0.98, bottom=0.13, top=0.88, wspace=0.12)
    draw.grown_network(edges, ax=ax_net, title=f"alpha = {alpha:g}: top 10 % hold {share:.0%} of ties")
    references = {a: degrees_at(_grown(n, m, a, seed)) for a in (0.0, 1.0) if a != alpha}
    series = {f"alpha = {alpha:g}: top 10 % hold {share:.0%}": degree}
    series.update({f"alpha = {a:g} (for reference): {top_share(d, 0.10):.0%}": d for a, d in references.items()})
    draw.degree_distribution(series, title=f"Degree distribution, {n:,} businesses", ax=ax_deg)
    for ax in (ax_net, ax_deg):  # a fixed title height spares matplotlib a slow search for clashes
        ax.set_title(ax.get_title(), y=1.0, fontsize=11)
    leader = int(np.argmax(degree))
    alt = (f"Grown market, alpha = {alpha:g}, {n:,} businesses, {m} ties per newcomer, seed {seed}. "
           f"Left: the market in arrival order{' (core only)' if n > 2000 else ''}; the best connected is "
           f"arrival {leader} with {int(degree[leader])} ties, and the top 10 % hold {share:.0%} of all ties. "
           f"Right: log-log degree distribution, degrees from {int(degree.min())} to {int(degree.max())}"
           + "".join(f"; with alpha = {a:g} the top 10 % would hold {top_share(d, 0.10):.0%}"
                     for a, d in references.items()) + ".")
    return draw.Picture.from_figure(fig, alt)


def growth_explorer(alpha: float = 1.0, n: int = 500, m: int = 2, seed: int = 1) -> Explorer:
    """Grow a market: attachment strength, size, ties per newcomer and seed."""
    controls = {
        "alpha": w.FloatSlider(value=alpha, min=0.0, max=2.0, step=0.1, continuous_update=False,
                               **_style("Attachment strength (alpha)")),
        "n": w.SelectionSlider(options=list(GROWTH_SIZES), value=n, continuous_update=False,
                               **_style("Businesses")),
        "m": w.IntSlider(value=m, min=1, max=5, continuous_update=False, **_style("Ties per newcomer")),
        "seed": w.IntText(value=seed, layout=w.Layout(width="9em"), **_style("Random seed")),
    }
    return Explorer(controls, render_growth, "Grow a market")


# =====================================================================
# Chapter 2: build a check-in network (customers and venues)
# =====================================================================
class CheckInNetworkBuilder(NetworkBuilder):
    """A :class:`NetworkBuilder` for two-mode check-in networks.

    Each visit ties a customer (``bipartite=0``, ``kind="customer"``) to a venue
    (``bipartite=1``, ``kind="venue"``); a repeat visit raises the tie's
    ``visits`` count. Add visits one at a time, or type the whole table (one
    ``customer - venue`` line per visit) and replace. Every action is also a
    method (``add_visit``, ``remove_visit``, ``set_visits``...).
    """

    def __init__(self, check: Callable[[nx.Graph], Feedback] | None = None,
                 title: str = "Check-in network builder") -> None:
        self.customer = w.Combobox(placeholder="customer", **_style("Customer"))
        self.venue = w.Combobox(placeholder="venue", **_style("Venue"))
        super().__init__(check=check, title=title)
        self.edges.description = "Visits, one per line"
        self.edges.placeholder = "Ana - Corner Café\nAna - Corner Café\nBen - Iron Gym"
        self.edges.rows = 8

    def _actions(self) -> dict[str, Callable[[Any], Any]]:
        return {
            "Add visit": lambda _: self.add_visit(self.customer.value, self.venue.value),
            "Remove visit": lambda _: self.remove_visit(self.customer.value, self.venue.value),
            "Use this list": lambda _: self.set_visits(self.edges.value),
            "Clear": lambda _: self.clear(),
            "Check": lambda _: self.check(),
        }

    def _control_rows(self, b: dict[str, w.Button]) -> list[w.Widget]:
        return [w.HBox([self.customer, self.venue, b["Add visit"], b["Remove visit"]]), self._list_row(b)]

    def _side_of(self, name: str) -> str | None:
        return self.graph.nodes[name].get("kind") if name in self.graph else None

    # ---- actions
    def add_visit(self, customer: Any, venue: Any) -> str:
        """Record one visit of ``customer`` to ``venue`` (both join the network if new)."""
        customer, venue = str(customer or "").strip(), str(venue or "").strip()
        if not customer or not venue:
            return self._say("Type a customer and a venue.", ok=False)
        if customer == venue:
            return self._say("A customer and a venue need different names.", ok=False)
        if self._side_of(customer) == "venue":
            return self._say(f"{customer} is a venue here, not a customer.", ok=False)
        if self._side_of(venue) == "customer":
            return self._say(f"{venue} is a customer here, not a venue.", ok=False)
        count = self._record(customer, venue)
        self._refresh()
        if count > 1:
            return self._say(f"{customer} has now visited {venue} {count} times.")
        return self._say(f"Added a visit: {customer} at {venue}.")

    def _record(self, customer: str, venue: str) -> int:
        """Add one visit to the graph (no checks, no redraw); returns the pair's visit count."""
        if self.graph.has_edge(customer, venue):
            self.graph[customer][venue]["visits"] += 1
        else:
            self.graph.add_node(customer, bipartite=0, kind="customer")
            self.graph.add_node(venue, bipartite=1, kind="venue")
            self.graph.add_edge(customer, venue, visits=1)
        return self.graph[customer][venue]["visits"]

    def remove_visit(self, customer: Any, venue: Any) -> str:
        """Take back one visit; a customer or venue left without visits leaves the network."""
        customer, venue = str(customer or "").strip(), str(venue or "").strip()
        if not self.graph.has_edge(customer, venue):
            return self._say(f"There is no visit by {customer or 'nobody'} to {venue or 'nowhere'}.", ok=False)
        data = self.graph[customer][venue]
        data["visits"] -= 1
        if data["visits"] == 0:
            self.graph.remove_edge(customer, venue)
            self.graph.remove_nodes_from([v for v in (customer, venue) if self.graph.degree(v) == 0])
        self._refresh()
        return self._say(f"Removed one visit by {customer} to {venue}.")

    def set_visits(self, text: str) -> str:
        """Replace every visit with a table typed one visit per line: ``customer - venue``."""
        rows, problems = parse_edge_list(text)
        customers = {c for c, _ in rows}
        both = [v for _, v in rows if v in customers]
        if both:
            problems.append(f"{both[0]} appears as a customer and as a venue")
        if problems:
            return self._say("Nothing changed. " + "; ".join(problems[:3]), ok=False)
        self.graph.clear()
        for customer, venue in rows:
            self._record(customer, venue)
        self.edges.value = "\n".join(f"{c} - {v}" for c, v in rows)
        self._refresh()
        return self._say(f"The network now has {len(rows)} visits by {len(customers)} customers.")

    # the generic actions of NetworkBuilder, in check-in terms
    def add_person(self, name: Any) -> str:
        """Customers and venues join with their first visit: use :meth:`add_visit`."""
        return self._say("Customers and venues join with their first visit: add a visit instead.", ok=False)

    def add_tie(self, a: Any, b: Any) -> str:
        """A tie here is a visit: same as :meth:`add_visit`."""
        return self.add_visit(a, b)

    def remove_tie(self, a: Any, b: Any) -> str:
        """Same as :meth:`remove_visit`."""
        return self.remove_visit(a, b)

    def set_edges(self, text: str) -> str:
        """Same as :meth:`set_visits`."""
        return self.set_visits(text)

    # ---- view
    def summary(self) -> dict[str, Any]:
        """The numbers shown beside the drawing."""
        G = self.graph
        venues = [v for v, k in G.nodes(data="kind") if k == "venue"]
        busiest = max(venues, key=lambda v: (G.degree(v), -venues.index(v)), default="none")
        return {
            "customers": sum(1 for _, k in G.nodes(data="kind") if k == "customer"),
            "venues": len(venues),
            "visits": sum(d for *_, d in G.edges(data="visits", default=1)),
            "customer-venue pairs": G.number_of_edges(),
            "most customers": busiest,
        }

    def _refresh(self) -> None:
        if not hasattr(self, "customer"):
            return
        self.customer.options = [v for v, k in self.graph.nodes(data="kind") if k == "customer"]
        self.venue.options = [v for v, k in self.graph.nodes(data="kind") if k == "venue"]
        rows = "".join(f"<tr><td>{k}</td><td>{html.escape(str(v))}</td></tr>" for k, v in self.summary().items())
        self.metrics.value = f"<table><caption>Your check-ins</caption>{rows}</table>"
        self.picture.clear_output(wait=True)
        if self.graph.number_of_nodes():
            with self.picture:
                display(draw.bipartite(self.graph, title="Your check-in network", size=(5.0, 3.8)).html())
