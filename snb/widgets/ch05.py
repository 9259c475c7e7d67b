"""Chapter 5 explorers: the centrality explorer, the scorecard builder (and the give-and-take explorer)."""

from __future__ import annotations

import functools
import html

import ipywidgets as w
import networkx as nx
import numpy as np
from IPython.display import display
from matplotlib.collections import LineCollection

from snb import draw
from snb.datasets import load_florentine_families, load_sampson
from snb.feedback import bounded_items, describe, is_collection, plural
from snb.models import ego, influence, reciprocity
from snb.models.reciprocity import GIVE_TAKE_NETWORKS as GIVE_TAKE_NETWORK_KINDS
from snb.widgets.base import Explorer, StaticHTML, control_style, needs_kernel_html, row, static_book
from snb.widgets.builders import draw_plain
from snb.widgets.params import MAX_SEED, OneOf, Real, SettingError, Whole, settings

__all__ = ["CENTRALITY_NETWORKS", "render_centrality", "centrality_explorer", "render_scorecard",
           "scorecard_table", "ScorecardBuilder", "render_give_take", "give_take_explorer"]

#: The networks of the centrality explorer.
CENTRALITY_NETWORKS: tuple[str, ...] = ("Florentine marriages", "monastery liking, wave 1",
                                        "monastery liking, wave 2", "monastery liking, wave 3")


@functools.lru_cache(maxsize=8)
def _centrality_network(name: str) -> tuple[nx.Graph, dict, dict]:
    """The network, a fixed layout, and every measure's scores."""
    if name == "Florentine marriages":
        G = load_florentine_families()
        weight = None
    elif name.startswith("monastery liking, wave "):
        G = load_sampson("liking", int(name[-1]))
        weight = None
    else:
        raise ValueError(f"network must be one of {CENTRALITY_NETWORKS}, got {name!r}")
    U = G.to_undirected() if G.is_directed() else G
    pos = {v: np.asarray(p) for v, p in nx.spring_layout(U, seed=3, iterations=100).items()}
    return G, pos, influence.centralities(G, weight=weight)


@settings(network=OneOf(CENTRALITY_NETWORKS, "Network"), measure=OneOf(influence.MEASURES, "Measure"))
def render_centrality(network: str = "Florentine marriages", measure: str = "betweenness") -> draw.Picture:
    """The network with each node's size showing its score; the top three named and coloured.

    Parameters
    ----------
    network : str, default "Florentine marriages"
        One of :data:`CENTRALITY_NETWORKS`.
    measure : str, default "betweenness"
        One of :data:`snb.models.influence.MEASURES`.

    Returns
    -------
    snb.draw.Picture
        The drawing, with alt text naming the highest and the lowest.

    Raises
    ------
    ValueError
        For an unknown measure.

    Examples
    --------
    >>> picture = render_centrality("monastery liking, wave 3", "degree")
    >>> picture.alt.split(". ")[1]
    'Drawing of a directed network of 18 nodes and 56 ties, each node sized by its degree score'
    """
    G, pos, table = _centrality_network(network)
    if measure not in table:
        raise ValueError(f"measure must be one of {list(table)}, got {measure!r}")
    scores = table[measure]
    top = influence.ranking(scores, 3)
    fig, (ax,) = draw.new_figure(6.4, 4.8, fast=True)
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.02, top=0.86)
    xy = np.array([pos[v] for v in G])
    index = {v: i for i, v in enumerate(G)}
    ends = np.array([(index[u], index[v]) for u, v in G.edges()])
    ax.add_collection(LineCollection(xy[ends], colors=draw.PALETTE["grey"], linewidths=1.0, alpha=0.7, zorder=1))
    values = np.array([scores[v] for v in G])
    sizes = 60 + 1400 * values / max(values.max(), 1e-12)
    colours = [draw.PALETTE["vermillion"] if v in top else draw.PALETTE["sky"] for v in G]
    ax.scatter(*xy.T, s=sizes, c=colours, edgecolors="black", linewidths=0.6, zorder=2)
    for v in G:
        ax.annotate(str(v), pos[v], xytext=(0, 9), textcoords="offset points", ha="center", fontsize=8,
                    path_effects=draw.HALO, zorder=3)
    ax.autoscale_view()
    ax.margins(0.1)
    ax.set_axis_off()
    named = ", ".join(f"{v} {scores[v]:.2f}" for v in top)
    title = f"{network}: {measure}"
    fig.suptitle(f"{title}\ntop three (red): {named}", x=0.02, ha="left", fontsize=10)
    kind = "directed network" if G.is_directed() else "network"
    alt = (f"{title}. Drawing of a {kind} of {G.number_of_nodes()} nodes and {G.number_of_edges()} ties, each "
           f"node sized by its {measure} score. Highest: {named}. Lowest: {influence.ranking(scores)[-1]}.")
    return draw.Picture.from_figure(fig, alt)


def centrality_explorer(network: str = "Florentine marriages", measure: str = "betweenness") -> Explorer:
    """Pick a network and a centrality; see who comes out on top.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    network : str, default "Florentine marriages"
        One of :data:`CENTRALITY_NETWORKS`.
    measure : str, default "betweenness"
        One of :data:`snb.models.influence.MEASURES`.

    Returns
    -------
    Explorer
        Displays as the controls above the picture; ``values()`` gives the current
        settings.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):  # outside Jupyter, widget output prints
    ...     explorer = centrality_explorer(measure="PageRank")
    >>> explorer.values()
    {'network': 'Florentine marriages', 'measure': 'PageRank'}
    >>> explorer.title
    'Who is central, by which measure?'
    """
    controls = {
        "network": w.Dropdown(options=list(CENTRALITY_NETWORKS), value=network, **control_style("Network")),
        "measure": w.Dropdown(options=list(influence.MEASURES), value=measure, **control_style("Measure")),
    }
    return Explorer(controls, render_centrality, "Who is central, by which measure?")


# ------------------------------------------------------------ the scorecard
def _scorecard_text(card: dict) -> list[str]:
    lines = []
    for name, entry in card.items():
        value = entry["value"]
        shown = f"{value:,}" if isinstance(value, int) else ("-" if value != value else f"{value:.2f}")
        lines.append(f"{name}: {shown}")
    return lines


#: Most contacts a scorecard draws.
MAX_CONTACTS = 500


def render_scorecard(contacts: tuple = (), need: str = "") -> draw.Picture:
    """Your ego network: you in the middle, contacts on a circle, ties among contacts drawn.

    Contacts are coloured by industry and sized by trust. The alt text carries the whole
    scorecard.

    Parameters
    ----------
    contacts : tuple of Contact, default ()
        Rows made with :func:`snb.models.ego.make_contact` or
        :func:`snb.models.ego.parse_contacts_csv`.
    need : str, default ""
        Industries or places you need, separated by commas.

    Returns
    -------
    snb.draw.Picture
        The drawing and the scorecard as alt text.

    Raises
    ------
    SettingError
        When the contacts are not such rows, or the need is not text.

    Examples
    --------
    >>> from snb.models.ego import parse_contacts_csv
    >>> contacts, _ = parse_contacts_csv("name,industry,place,trust" + chr(10) + "Ana,retail,Leeds,4")
    >>> render_scorecard(tuple(contacts), need="retail").alt.split("Scorecard: ")[1][:32]
    'contacts: 1; quality: 0.00; char'
    """
    if not isinstance(need, str):
        raise SettingError(f"The need must be text, e.g. 'logistics, Berlin', not {describe(need)}.")
    contacts = bounded_items(contacts, limit=MAX_CONTACTS) if is_collection(contacts) else None
    if contacts is None or not all(isinstance(c, ego.Contact) for c in contacts):
        raise SettingError(f"Contacts must be a list of at most {MAX_CONTACTS} contacts made with "
                           "ego.make_contact or ego.parse_contacts_csv.")
    fig, (ax,) = draw.new_figure(5.6, 4.4, fast=True)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.9)
    ax.set_axis_off()
    if not contacts:
        ax.set_title("Your network: no contacts yet", fontsize=10)
        return draw.Picture.from_figure(fig, "Your network: no contacts yet; the scorecard appears when you add "
                                             "contacts.")
    G = ego.ego_network(contacts)
    angles = np.linspace(0, 2 * np.pi, len(contacts), endpoint=False)
    pos = {ego.EGO: np.zeros(2)} | {c.name: np.array([np.cos(a), np.sin(a)]) for c, a in zip(contacts, angles)}
    segments = [(pos[u], pos[v]) for u, v in G.edges]
    widths = [1.8 if ego.EGO in (u, v) else 0.9 for u, v in G.edges]
    ax.add_collection(LineCollection(segments, colors=draw.PALETTE["grey"], linewidths=widths, zorder=1))
    industries = list(dict.fromkeys(c.industry.lower() for c in contacts))
    colour = {ind: draw.style(ind, i + 1)[0] if i < 6 else draw.PALETTE["light"] for i, ind in enumerate(industries)}
    xy = np.array([pos[c.name] for c in contacts])
    ax.scatter(*xy.T, s=[60 + 40 * c.trust for c in contacts], c=[colour[c.industry.lower()] for c in contacts],
               edgecolors="black", linewidths=0.6, zorder=2)
    ax.scatter([0], [0], s=200, marker="s", color=draw.PALETTE["black"], zorder=3)
    ax.text(0, -0.14, "you", ha="center", va="top", fontsize=9)
    for c in contacts[:40]:
        x, y = pos[c.name] * 1.22
        # names and industries are the learner's text: drawn as typed, never as $maths$
        ax.text(x, y, f"{c.name[:12]}\n{c.industry[:12]}", ha="center", va="center", fontsize=7,
                parse_math=False)
    ax.set_xlim(-1.5, 1.5)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.set_title(f"Your network: {plural(len(contacts), 'contact')}, "
                 f"{plural(len(industries), 'industry', 'industries')}"
                 "\ncolour: industry; size: trust", fontsize=9)
    lines = _scorecard_text(ego.scorecard(contacts, [s for s in need.split(",") if s.strip()]))
    alt = (f"Your network: you in the middle and {plural(len(contacts), 'contact')} around you, coloured by "
           f"industry ({', '.join(industries[:6])}), with {plural(G.number_of_edges() - len(contacts), 'tie')} "
           "among them. Scorecard: " + "; ".join(lines) + ".")
    return draw.Picture.from_figure(fig, alt)


def scorecard_table(contacts: tuple = (), need: str = "") -> draw.Table:
    """The scorecard as a table (value and meaning of each measure).

    Parameters
    ----------
    contacts : tuple of Contact, default ()
        The contacts.
    need : str, default ""
        Industries or places you need, separated by commas.

    Returns
    -------
    snb.draw.Table
        One row per measure of :func:`snb.models.ego.scorecard`.

    Examples
    --------
    >>> from snb.models.ego import parse_contacts_csv
    >>> contacts, _ = parse_contacts_csv("name,industry,place,trust" + chr(10) + "Ana,retail,Leeds,4")
    >>> table = scorecard_table(tuple(contacts), need="retail")
    >>> table.rows["relevance"]["value"], table.title
    (1.0, "Your network's scorecard")
    """
    card = ego.scorecard(list(contacts), [s for s in need.split(",") if s.strip()])
    return draw.Table(card, title="Your network's scorecard")


class ScorecardBuilder:
    """Enter your contacts and see your ego network and its scorecard.

    Contacts come from a form, a pasted CSV or an uploaded CSV file. Every action is also
    a method (``add``, ``remove``, ``load_csv``, ``set_need``), so a worked example can
    fill it in code; each returns the problems (empty when it worked). A wrong entry gets
    a message and changes nothing: what was already entered stays.

    Parameters
    ----------
    csv_text : str, default ""
        Text to start the CSV box with.
    need : str, default ""
        Industries or places you need contacts in, separated by commas.
    title : str, default "Your network's scorecard"
        The builder's heading.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):  # outside Jupyter, widget output prints
    ...     builder = ScorecardBuilder()
    ...     loaded = builder.load_csv("name,industry,place,trust" + chr(10) + "Ana,retail,Leeds,4")
    ...     refused = builder.add(name="Cy", industry="retail", place="York", trust="9")
    >>> loaded, [c.name for c in builder.contacts]
    ([], ['Ana'])
    >>> refused
    ['trust 9 is out of range: give a whole number from 1 to 5.']
    """

    def __init__(self, csv_text: str = "", need: str = "", title: str = "Your network's scorecard") -> None:
        self._ego = ego
        self.title = title
        self.contacts: list = []
        self.need = need
        narrow = {"width": "auto", "flex": "1 1 14em", "min_width": "0", "max_width": "20em"}
        self.form = {
            "name": w.Text(placeholder="e.g. Ana", layout=w.Layout(**narrow), **control_style("Name", "6em")),
            "industry": w.Text(placeholder="e.g. retail", layout=w.Layout(**narrow),
                               **control_style("Industry", "6em")),
            "place": w.Text(placeholder="e.g. Lyon", layout=w.Layout(**narrow), **control_style("Place", "6em")),
            "trust": w.Text(placeholder="1 to 5", layout=w.Layout(**narrow), **control_style("Trust", "6em")),
            "helps_you": w.Text(value="0", layout=w.Layout(**narrow), **control_style("Helps you", "6em"),
                                tooltip="times a year this contact helps you"),
            "you_help": w.Text(value="0", layout=w.Layout(**narrow), **control_style("You help", "6em"),
                               tooltip="times a year you help this contact"),
            "contacts": w.Text(value="0", layout=w.Layout(**narrow), **control_style("Knows (n)", "6em"),
                               tooltip="roughly how many people this contact knows"),
            "knows": w.Text(placeholder="Ben; Chloe", layout=w.Layout(**narrow), **control_style("Knows who", "6em"),
                            tooltip="which of your other contacts this one knows, separated by ;"),
        }
        self.need_box = w.Text(value=need, placeholder="e.g. logistics, Berlin",
                               layout=w.Layout(width="auto", flex="1 1 24em", max_width="36em"),
                               **control_style("I need contacts in", "10em"))
        self.csv_box = w.Textarea(value=csv_text, rows=4, placeholder=",".join(ego.FIELDS),
                                  layout=w.Layout(width="auto", flex="1 1 24em", min_width="0", max_width="40em"),
                                  **control_style("CSV", "3em"))
        self.upload = w.FileUpload(accept=".csv,text/csv", multiple=False, description="Upload CSV")
        self.remove_choice = w.Dropdown(options=[], layout=w.Layout(width="auto", max_width="16em"),
                                        **control_style("Contact", "5em"))
        buttons = {"Add contact": lambda _: self.add(**{k: c.value for k, c in self.form.items()}),
                   "Load CSV": lambda _: self.load_csv(self.csv_box.value),
                   "Remove": lambda _: self.remove(self.remove_choice.value),
                   "Use this need": lambda _: self.set_need(self.need_box.value)}
        self.buttons = {label: w.Button(description=label, layout=w.Layout(width="9em")) for label in buttons}
        for label, action in buttons.items():
            self.buttons[label].on_click(action)
        self.upload.observe(self._uploaded, names="value")
        self.status = w.HTML(layout=w.Layout(max_width="100%"))
        self.picture = w.Output(layout=w.Layout(max_width="100%"))
        self.ui = w.VBox([
            w.HTML(f"<strong>{html.escape(title)}</strong>"),
            row(list(self.form.values()) + [self.buttons["Add contact"]]),
            row([self.csv_box, self.buttons["Load CSV"], self.upload]),
            row([self.need_box, self.buttons["Use this need"], self.remove_choice, self.buttons["Remove"]]),
            self.status,
            self.picture,
        ], layout=w.Layout(width="100%", max_width="100%"))
        self._refresh()

    # ---------------------------------------------------------------- actions
    def add(self, **values) -> list[str]:
        """Add one contact from form values; returns the problems (empty when it was added)."""
        contact, problems = self._ego.make_contact(values, [c.name for c in self.contacts])
        if problems:
            return self._say(problems, "Not added")
        self.contacts.append(contact)
        for name, control in self.form.items():
            control.value = "0" if name in ("helps_you", "you_help", "contacts") else ""
        return self._refresh(f"Added {contact.name}.")

    def load_csv(self, text: str) -> list[str]:
        """Add every contact of a CSV text, or none of them if any line is wrong."""
        new, problems = self._ego.parse_contacts_csv(text, [c.name for c in self.contacts])
        if problems:
            return self._say(problems, "Nothing loaded; your list is unchanged")
        self.contacts.extend(new)
        return self._refresh(f"Loaded {plural(len(new), 'contact')}.")

    def remove(self, name: str | None) -> list[str]:
        """Remove one contact by name."""
        if name not in {c.name for c in self.contacts}:
            return self._say(["choose a contact in the list to remove."], "Nothing removed")
        self.contacts = [c for c in self.contacts if c.name != name]
        return self._refresh(f"Removed {name}.")

    def set_need(self, text: str) -> list[str]:
        """The industries or places you need, separated by commas (relevance is measured against them)."""
        self.need = str(text or "")
        return self._refresh("Need updated.")

    def _uploaded(self, change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        try:
            text = bytes(item["content"]).decode("utf-8-sig")
        except UnicodeDecodeError:
            self._say(["the file is not UTF-8 text; save it as CSV (UTF-8) and upload it again."],
                      "Nothing loaded; your list is unchanged")
            return
        self.csv_box.value = text
        self.load_csv(text)

    # ---------------------------------------------------------------- display
    def _say(self, problems: list[str], headline: str) -> list[str]:
        items = "".join(f"<li>{html.escape(p)}</li>" for p in problems[:12])
        more = f"<li>... and {len(problems) - 12} more</li>" if len(problems) > 12 else ""
        self.status.value = f'<div role="status"><strong>{html.escape(headline)}:</strong><ul>{items}{more}</ul></div>'
        return problems

    def _refresh(self, message: str = "") -> list[str]:
        self.status.value = f'<div role="status">{html.escape(message)}</div>' if message else ""
        self.remove_choice.options = [c.name for c in self.contacts]
        self.picture.clear_output(wait=True)
        with self.picture:
            # a drawing that still fails is a sentence, and the form keeps working
            picture = draw_plain(lambda: render_scorecard(tuple(self.contacts), self.need))
            display(picture.html() if isinstance(picture, draw.Picture) else picture)
            if self.contacts:
                display(scorecard_table(tuple(self.contacts), self.need))
        return []

    def scorecard(self) -> dict:
        """The current scorecard (see :func:`snb.models.ego.scorecard`)."""
        return self._ego.scorecard(self.contacts, [s for s in self.need.split(",") if s.strip()])

    def _ipython_display_(self) -> None:
        if static_book():  # no kernel in the static book: a notice and the current scorecard, no dead form
            display(StaticHTML(needs_kernel_html(self.title, "This form"), f"{self.title}: needs Python running"))
            # what the form holds: the contacts entered, else the CSV it was opened with
            contacts = tuple(self.contacts) or tuple(self._ego.parse_contacts_csv(self.csv_box.value)[0])
            display(render_scorecard(contacts, self.need))
            if contacts:
                display(scorecard_table(contacts, self.need))
            return
        display(self.ui)


# ------------------------------------------------------ give-and-take explorer
def _amount(x: float) -> str:
    return "nothing (none are left)" if not np.isfinite(x) else f"{x:.1f}"


@settings(takers=Real(0, 1, "Takers at start"), benefit_cost=Real(0, 100, "Benefit / cost"),
          network=OneOf(GIVE_TAKE_NETWORK_KINDS, "Network"), seed=Whole(0, MAX_SEED, "Random seed"))
def render_give_take(takers: float = 0.5, benefit_cost: float = 5.0, network: str = "random regular",
                     seed: int = 1) -> draw.Picture:
    """One run of the give-and-take model: contributors and payoffs, round by round.

    200 people with 4 contacts each on average; the lines are the share of contributors
    and the payoffs of a contributor and of a taker.

    Parameters
    ----------
    takers : float, default 0.5
        Share of people who never give, at the start.
    benefit_cost : float, default 5.0
        What a contact receives per unit a contributor pays.
    network : str, default "random regular"
        One of :data:`GIVE_TAKE_NETWORK_KINDS`.
    seed : int, default 1
        Random seed.

    Returns
    -------
    snb.draw.Picture
        The lines, with alt text giving the verdict and the payoffs.

    Examples
    --------
    >>> render_give_take().alt.split(": ")[1].split(".")[0]
    'contributors thrive'
    """
    k = 4
    run = reciprocity.simulate(network, k=k, benefit_cost=float(benefit_cost), takers=float(takers),
                               seeds=(int(seed),))
    share, payoff = run["contributors"][0], run["payoff"][0]
    best = (benefit_cost - 1) * k
    fig, (ax,) = draw.new_figure(7.2, 3.6, fast=True)
    fig.subplots_adjust(left=0.1, right=0.7, bottom=0.14, top=0.8)
    rounds = np.arange(len(share))
    ax.plot(rounds, share, color=draw.PALETTE["blue"], label="share of contributors", linewidth=2)
    scale = max(best, 1.0)
    ax.plot(rounds, run["payoff of contributors"][0] / scale, color=draw.PALETTE["green"], linestyle="--",
            label="payoff of a contributor")
    ax.plot(rounds, run["payoff of takers"][0] / scale, color=draw.PALETTE["vermillion"], linestyle=":",
            label="payoff of a taker")
    takers_drawn = run["payoff of takers"][0][np.isfinite(run["payoff of takers"][0])] / scale
    givers_drawn = run["payoff of contributors"][0][np.isfinite(run["payoff of contributors"][0])] / scale
    top = max(1.05, takers_drawn.max(initial=0) + 0.05)
    ax.set(ylim=(min(-0.05, givers_drawn.min(initial=0) - 0.05), top), xlabel="round",
           ylabel=f"share; payoff / {scale:g}")
    ax.set_xticks(np.linspace(0, rounds[-1], 5).round())  # few fixed ticks: a much faster redraw
    ax.set_yticks([0, 0.5, 1])
    draw.key(ax, "upper left", at=(1.02, 1.0), fontsize=8)  # right of the plot
    verdict = ("contributors thrive" if share[-1] > share[0] + 0.05 else
               "takers drain the network" if share[-1] < share[0] - 0.05 else "no clear change")
    title = (f"{network}, b/c {benefit_cost:g}, takers at the start {takers:.0%}, seed {int(seed)}: "
             f"{verdict}\ncontributors {share[0]:.2f} -> {share[-1]:.2f}, mean payoff {payoff[0]:.1f} -> "
             f"{payoff[-1]:.1f} (k = {k})")
    fig.suptitle(title, x=0.02, ha="left", fontsize=9)
    alt = (f"Give and take on a {network} network, benefit to cost ratio {benefit_cost:g}, {takers:.0%} takers at "
           f"the start, seed {int(seed)}: {verdict}. Lines over {len(share) - 1} rounds: the share of "
           f"contributors goes from {share[0]:.2f} to {share[-1]:.2f}; the mean payoff per person from "
           f"{payoff[0]:.1f} to {payoff[-1]:.1f} (everyone giving would give {best:g}). "
           f"Payoffs are drawn divided by {scale:g}: at the end a contributor "
           f"earns {_amount(run['payoff of contributors'][0][-1])}, a taker {_amount(run['payoff of takers'][0][-1])}.")
    return draw.Picture.from_figure(fig, alt)


def give_take_explorer(takers: float = 0.5, benefit_cost: float = 5.0, network: str = "random regular",
                       seed: int = 1) -> Explorer:
    """Pick the share of takers, the benefit-to-cost ratio, the network and a seed.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    takers : float, default 0.5
        Share of people who never give, at the start.
    benefit_cost : float, default 5.0
        What a contact receives per unit a contributor pays.
    network : str, default "random regular"
        One of :data:`snb.models.reciprocity.GIVE_TAKE_NETWORKS`.
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
    ...     explorer = give_take_explorer(takers=0.2)
    >>> explorer.values()
    {'takers': 0.2, 'benefit_cost': 5.0, 'network': 'random regular', 'seed': 1}
    >>> explorer.title
    'Give and take'
    """
    controls = {
        "takers": w.FloatSlider(value=takers, min=0.0, max=1.0, step=0.05, continuous_update=False,
                                readout_format=".0%", **control_style("Takers at start")),
        "benefit_cost": w.FloatSlider(value=benefit_cost, min=0.0, max=12.0, step=0.5, continuous_update=False,
                                      **control_style("Benefit / cost")),
        "network": w.Dropdown(options=list(reciprocity.GIVE_TAKE_NETWORKS), value=network, **control_style("Network")),
        "seed": w.IntText(value=seed, **control_style("Random seed")),
    }
    return Explorer(controls, render_give_take, "Give and take")
