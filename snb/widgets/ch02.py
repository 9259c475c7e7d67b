"""Chapter 2 widgets: the growth explorer (customers choosing businesses) and the check-in
network builder.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import ipywidgets as w
import networkx as nx
import numpy as np
from matplotlib.ticker import LogLocator

from snb import draw
from snb.feedback import Feedback, plural
from snb.measures import top_share
from snb.models import customers_per_business
from snb.widgets.base import MAX_SEED, Explorer, control_style, row
from snb.widgets.builders import NetworkBuilder, shorten
from snb.widgets.params import Real, Whole, settings

#: Numbers of customers offered by the growth explorer (a business opens per 10 customers).
GROWTH_SIZES: tuple[int, ...] = (1000, 2000, 5000, 10000, 20000)

#: Customers per business in the growth explorer, as in the chapter's market.
CUSTOMERS_PER_BUSINESS = 10


@functools.lru_cache(maxsize=64)
def _customers(n: int, alpha: float, seed: int) -> np.ndarray:
    """Final customers per business of one market, computed once per setting."""
    return customers_per_business(n, n // CUSTOMERS_PER_BUSINESS, alpha, seeds=[seed])[0]


def _draw_market(ax: Any, customers: np.ndarray, title: str) -> None:
    """Businesses in opening order (first in the middle, spiralling outwards), dot area by
    customers, the top 10 % in vermillion; businesses without customers as small grey dots."""
    pos = draw.arrival_layout(customers.size)
    k = max(1, int(np.ceil(0.1 * customers.size)))
    top = np.zeros(customers.size, dtype=bool)
    top[np.argsort(-customers, kind="stable")[:k]] = True
    sizes = np.clip(customers * (2500.0 / max(customers.sum(), 1)), 3, 900)
    for mask, colour, label in ((~top, draw.PALETTE["sky"], "others"),
                                (top, draw.PALETTE["vermillion"], "top 10 % by customers")):
        ax.scatter(pos[mask, 0], pos[mask, 1], s=sizes[mask], c=colour, edgecolors="black", linewidths=0.3,
                   label=label)
    ax.set_xlim(-1.08, 1.08)
    ax.set_ylim(-1.08, 1.08)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title, y=1.0, fontsize=11)
    draw.key(ax, "upper left", at=(0.0, 0.0), ncols=2, marker_area=40)  # below the market


@settings(alpha=Real(0, 3, "Attachment (alpha)"), n=Whole(100, max(GROWTH_SIZES), "Customers"),
          seed=Whole(0, MAX_SEED, "Random seed"))
def render_growth(alpha: float = 1.0, n: int = 2000, seed: int = 1) -> draw.Picture:
    """Grow a market of ``n`` customers choosing among ``n // 10`` businesses with
    attachment strength ``alpha``: the businesses in opening order, sized by customers,
    and the distribution of customers per business against uniform (alpha 0) and
    linear (alpha 1) choice with the same seed, each labelled with the share of
    customers its top 10 % of businesses hold."""
    n, alpha, seed = int(n), round(float(alpha), 3), int(seed)
    customers = _customers(n, alpha, seed)
    share = top_share(customers, 0.10)
    fig, (ax_net, ax_deg) = draw.new_figure(10.5, 4.4, 2, fast=True)
    fig.subplots_adjust(left=0.01, right=0.98, bottom=0.13, top=0.88, wspace=0.12)
    _draw_market(ax_net, customers, f"alpha = {alpha:g}: top 10 % hold {share:.0%} of customers")
    references = {a: _customers(n, a, seed) for a in (0.0, 1.0) if a != alpha}
    series = {f"alpha = {alpha:g} (this market): top 10 % hold {share:.0%}": customers}
    series.update({f"alpha = {a:g} (for reference): {top_share(d, 0.10):.0%}": d for a, d in references.items()})
    draw.degree_distribution(series, title=f"Customers per business, {n // CUSTOMERS_PER_BUSINESS:,} businesses",
                             ax=ax_deg, unit="customers", holders="businesses", legend=False)
    ax_deg.set_title(ax_deg.get_title(), y=1.0, fontsize=11)
    # a fixed place for the legend (no search for the emptiest corner): a share of at least k
    # falls as k grows, so no curve passes low on the left
    draw.key(ax_deg, "lower left")
    # shares labelled at powers of ten only (3 labels instead of up to 8): each costs drawing time
    ax_deg.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0,)))
    leader = int(np.argmax(customers))
    idle = int(np.sum(customers == 0))
    alt = (f"Grown market, alpha = {alpha:g}, {n:,} customers choosing among {customers.size:,} businesses, "
           f"seed {seed}. Left: businesses in opening order, dot size by customers; the largest is business "
           f"{leader} (opened {ordinal(leader + 1)}) with {int(customers[leader]):,} customers, the top 10 % hold "
           f"{share:.0%} of all customers and {plural(idle, 'business', 'businesses')} have none. "
           f"Right: log-log distribution of customers per business, from 1 to {int(customers.max()):,}"
           + "".join(f"; with alpha = {a:g} the top 10 % would hold {top_share(d, 0.10):.0%}"
                     for a, d in references.items()) + ".")
    return draw.Picture.from_figure(fig, alt)



def ordinal(k: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


def growth_explorer(alpha: float = 1.0, n: int = 2000, seed: int = 1) -> Explorer:
    """Grow a market: attachment strength, number of customers and random seed.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    alpha : float, default 1.0
        Attachment strength (0 to 2).
    n : int, default 2000
        Customers, one of :data:`GROWTH_SIZES`.
    seed : int, default 1
        Random seed.

    Returns
    -------
    Explorer
        Displays as the controls above the picture; ``values()`` gives the current
        settings.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):  # outside Jupyter, widget output prints
    ...     explorer = growth_explorer(alpha=1.5)
    >>> explorer.values()
    {'alpha': 1.5, 'n': 2000, 'seed': 1}
    >>> explorer.title
    'Grow a market: customers choosing businesses'
    """
    controls = {
        "alpha": w.FloatSlider(value=alpha, min=0.0, max=2.0, step=0.1, continuous_update=False,
                               readout_format=".1f", description="Attachment (alpha)"),
        "n": w.SelectionSlider(options=list(GROWTH_SIZES), value=n, continuous_update=False,
                               description="Customers"),
        "seed": w.BoundedIntText(value=min(max(int(seed), 0), MAX_SEED), min=0, max=MAX_SEED,
                                 description="Random seed"),
    }
    # the explorer gives every control a width that fits from 390 px to 1600 px
    return Explorer(controls, render_growth, "Grow a market: customers choosing businesses")


# =====================================================================
# Chapter 2: build a check-in network (customers and venues)
# =====================================================================
class CheckInNetworkBuilder(NetworkBuilder):
    """A :class:`NetworkBuilder` for two-mode check-in networks.

    Each visit ties a customer (``bipartite=0``, ``kind="customer"``) to a venue
    (``bipartite=1``, ``kind="venue"``); a repeat visit raises the tie's ``visits``
    count. Add visits one at a time, or type the whole table (one ``customer - venue``
    line per visit) and replace. Every action is also a method (``add_visit``,
    ``remove_visit``, ``set_visits``...).

    Parameters
    ----------
    check : callable, optional
        The exercise's check, called with the network when *Check* is pressed.
    title : str, default "Check-in network builder"
        The builder's heading.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):  # outside Jupyter, widget output prints
    ...     builder = CheckInNetworkBuilder()
    ...     first = builder.add_visit("Ana", "Corner Café")
    ...     again = builder.add_visit("Ana", "Corner Café")
    >>> again, builder.graph.edges["Ana", "Corner Café"]["visits"]
    ('Ana has now visited Corner Café 2 times.', 2)
    >>> builder.graph.nodes["Corner Café"]["kind"]
    'venue'
    """

    def __init__(self, check: Callable[[nx.Graph], Feedback] | None = None,
                 title: str = "Check-in network builder") -> None:
        self.customer = w.Combobox(placeholder="customer", layout=w.Layout(width="100%", max_width="22em"),
                                   **control_style("Customer", "5em"))
        self.venue = w.Combobox(placeholder="venue", layout=w.Layout(width="100%", max_width="22em"),
                                **control_style("Venue", "5em"))
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
        return [row([self.customer, self.venue, b["Add visit"], b["Remove visit"]]), self._list_row(b)]

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
        problem = self._name_problem(customer, venue)
        if problem:
            return self._say(problem, ok=False)
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
            return self._say(f"There is no visit by {shorten(customer) or 'nobody'} to "
                             f"{shorten(venue) or 'nowhere'}.", ok=False)
        data = self.graph[customer][venue]
        data["visits"] -= 1
        if data["visits"] == 0:
            self.graph.remove_edge(customer, venue)
            self.graph.remove_nodes_from([v for v in (customer, venue) if self.graph.degree(v) == 0])
        self._refresh()
        return self._say(f"Removed one visit by {customer} to {venue}.")

    def set_visits(self, text: str) -> str:
        """Replace every visit with a table typed one visit per line: ``customer - venue``."""
        rows, problem = self._parse_list(text)
        if problem:
            return self._say(problem, ok=False)
        customers = {c for c, _ in rows}
        both = [v for _, v in rows if v in customers]
        if both:
            return self._say(f"Nothing changed. {both[0]} appears as a customer and as a venue", ok=False)
        self.graph.clear()
        for customer, venue in rows:
            self._record(customer, venue)
        self.edges.value = "\n".join(f"{c} - {v}" for c, v in rows)
        self._refresh()
        return self._say(f"The network now has {plural(len(rows), 'visit')} by "
                         f"{plural(len(customers), 'customer')}.")

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

    caption = "Your check-ins"

    def _update_choices(self) -> None:
        if not hasattr(self, "customer"):  # the base class refreshes before these exist
            return
        self.customer.options = [v for v, k in self.graph.nodes(data="kind") if k == "customer"]
        self.venue.options = [v for v, k in self.graph.nodes(data="kind") if k == "venue"]

    def _drawing(self) -> draw.Picture:
        return draw.bipartite(self.graph, title="Your check-in network", size=(5.0, 3.8))
