"""Chapter 3 explorers: the community explorer."""

from __future__ import annotations

import functools

import ipywidgets as w
import networkx as nx
import numpy as np
from matplotlib.collections import LineCollection

from snb import draw
from snb.datasets import load_karate_club
from snb.models import communities, opinion, renewal
from snb.models.opinion import WISDOM_NETWORKS as WISDOM_NETWORK_KINDS
from snb.widgets.base import Explorer, control_style
from snb.widgets.params import MAX_SEED, OneOf, Real, Whole, settings

__all__ = ["COMMUNITY_NETWORKS", "render_communities", "community_explorer", "render_renewal", "renewal_explorer",
           "WISDOM_PATHS", "render_wisdom", "wisdom_explorer"]

#: The networks of the community explorer and the known groups each is compared with.
COMMUNITY_NETWORKS: tuple[str, ...] = ("karate club", "ring of 30 cliques")
_MARKERS = "osD^vPXph*"


def _ring_layout(cliques: int, size: int) -> dict[int, np.ndarray]:
    """Cliques evenly around a circle, each clique's members on a small circle of their own."""
    pos = {}
    for k in range(cliques):
        centre = 2 * np.pi * k / cliques
        for i in range(size):
            turn = centre + 2 * np.pi * i / size
            pos[k * size + i] = np.array([np.cos(centre) + 0.08 * np.cos(turn),
                                          np.sin(centre) + 0.08 * np.sin(turn)])
    return pos


@functools.lru_cache(maxsize=8)
def _network(name: str) -> tuple[nx.Graph, list[set], str, dict]:
    """The network, its known groups, what they are called, and a fixed layout."""
    if name == "karate club":
        G = load_karate_club()
        known, what = communities.factions(G), "recorded factions"
        pos = nx.spring_layout(G, seed=7, iterations=100)
    elif name == "ring of 30 cliques":
        G, known, _ = communities.ring_of_cliques_partitions(30, 5)
        what = "cliques"
        pos = _ring_layout(30, 5)
    else:
        raise ValueError(f"network must be one of {COMMUNITY_NETWORKS}, got {name!r}")
    return G, known, what, {v: np.asarray(p) for v, p in pos.items()}


@settings(method=OneOf(communities.METHODS, "Method"), resolution=Real(0.05, 10, "Resolution"),
          seed=Whole(0, MAX_SEED, "Random seed"), network=OneOf(COMMUNITY_NETWORKS, "Network"))
def render_communities(method: str = "Louvain", resolution: float = 1.0, seed: int = 1,
                       network: str = "karate club") -> draw.Picture:
    """The network coloured by detected community (marker: known group), with the scores.

    The title and alt text give the modularity and the agreement (ARI, NMI) between the
    communities and the known groups.

    Parameters
    ----------
    method : str, default "Louvain"
        One of :data:`snb.models.communities.METHODS`.
    resolution : float, default 1.0
        Above 1 favours smaller communities.
    seed : int, default 1
        Random seed.
    network : str, default "karate club"
        One of :data:`COMMUNITY_NETWORKS`.

    Returns
    -------
    snb.draw.Picture
        The drawing and its alt text.

    Examples
    --------
    >>> picture = render_communities(network="ring of 30 cliques")
    >>> picture.alt.split(": ")[2].split(";")[0]  # Louvain merges a few of the 30 cliques
    '18 communities of sizes 10, 10, 10, 10, 10, 10, 10, 10 and more'
    """
    G, known, what, pos = _network(network)
    found = communities.detect(G, method, seed=int(seed), resolution=float(resolution))
    q = communities.modularity(G, found)
    agree = communities.agreement(G, found, known)
    fig, (ax,) = draw.new_figure(6.4, 4.6, fast=True)
    fig.subplots_adjust(left=0.02, right=0.78, bottom=0.02, top=0.82)
    xy = np.array([pos[v] for v in G])
    index = {v: i for i, v in enumerate(G)}
    ends = np.array([(index[u], index[v]) for u, v in G.edges()])
    ax.add_collection(LineCollection(xy[ends], colors=draw.PALETTE["grey"], linewidths=0.8, alpha=0.6,
                                     zorder=1))
    group_of = {v: g for g, part in enumerate(known) for v in part}
    community_of = {v: c for c, part in enumerate(found) for v in part}
    ring = network != "karate club"
    # on the ring, colours follow the ring's order, so neighbouring communities differ
    rank = sorted(range(len(found)), key=lambda c: min(found[c])) if ring else list(range(len(found)))
    colours = [""] * len(found)
    for i, c in enumerate(rank):
        colours[c] = draw.style(f"community {i + 1}", i)[0]  # six colours, repeated on the ring
    few = len(known) <= len(_MARKERS)
    for g in range(len(known) if few else 1):
        members = [v for v in G if not few or group_of[v] == g]
        ax.scatter(*xy[[index[v] for v in members]].T, s=130 if G.number_of_nodes() <= 40 else 40,
                   c=[colours[community_of[v]] for v in members], marker=_MARKERS[g] if few else "o",
                   edgecolors="black", linewidths=0.6, zorder=2)
    for c in range(0 if ring else min(len(found), 6)):
        ax.scatter([], [], c=colours[c], edgecolors="black", label=f"community {c + 1}")
    if network == "karate club":
        for g, part in enumerate(known):
            ax.scatter([], [], marker=_MARKERS[g], c="white", edgecolors="black",
                       label=f"faction {G.nodes[next(iter(part))]['club']}")
    ax.autoscale_view()
    if not ring:
        draw.key(ax, "upper left", at=(1.0, 1.0))  # right of the network
    title = f"{network}: {method}" + (f", resolution {resolution:g}" if method != "label propagation" else "")
    title += f", seed {int(seed)}" if method != "greedy modularity" else ""
    fig.suptitle(f"{title}\n{len(found)} communities, modularity {q:.2f}\nagreement with the {what}: "
                 f"ARI {agree['ARI']:.2f}, NMI {agree['NMI']:.2f}", x=0.02, ha="left", fontsize=10)
    ax.set_axis_off()
    sizes = ", ".join(str(len(p)) for p in found[:8]) + (" and more" if len(found) > 8 else "")
    alt = (f"{title}. Drawing of {G.number_of_nodes()} people and {G.number_of_edges()} ties coloured by "
           f"detected community: {len(found)} communities of sizes {sizes}; modularity {q:.2f}. Agreement "
           f"with the {len(known)} {what}: adjusted Rand index {agree['ARI']:.2f}, normalised mutual "
           f"information {agree['NMI']:.2f}.")
    return draw.Picture.from_figure(fig, alt)


def community_explorer(method: str = "Louvain", resolution: float = 1.0, seed: int = 1,
                       network: str = "karate club") -> Explorer:
    """Pick a network, a method, the resolution and a random seed; see the communities.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    method : str, default "Louvain"
        One of :data:`snb.models.communities.METHODS`.
    resolution : float, default 1.0
        Above 1 favours smaller communities.
    seed : int, default 1
        Random seed.
    network : str, default "karate club"
        One of :data:`COMMUNITY_NETWORKS`.

    Returns
    -------
    Explorer
        Displays as the controls above the picture; ``values()`` gives the current
        settings.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):  # outside Jupyter, widget output prints
    ...     explorer = community_explorer(resolution=1.5)
    >>> explorer.values()
    {'network': 'karate club', 'method': 'Louvain', 'resolution': 1.5, 'seed': 1}
    >>> explorer.title
    'Find the communities'
    """
    controls = {
        "network": w.Dropdown(options=list(COMMUNITY_NETWORKS), value=network, **control_style("Network")),
        "method": w.Dropdown(options=list(communities.METHODS), value=method, **control_style("Method")),
        "resolution": w.FloatSlider(value=resolution, min=0.5, max=2.0, step=0.1, continuous_update=False,
                                    **control_style("Resolution")),
        "seed": w.IntText(value=seed, layout=w.Layout(width="9em"), **control_style("Random seed")),
    }
    return Explorer(controls, render_communities, "Find the communities")


# ---------------------------------------------------------- renewal explorer
@settings(homophily=Real(0, 1, "Homophily"), turnover=Real(0, 1, "Turnover a round"),
          departures=OneOf(("random", "targeted"), "Who leaves"), seed=Whole(0, MAX_SEED, "Random seed"))
def render_renewal(homophily: float = 0.7, turnover: float = 0.05, departures: str = "random",
                   seed: int = 1) -> draw.Picture:
    """The community after 60 rounds of turnover beside the share of members holding a fresh idea.

    Left: the members on a circle, newcomers from outside in colour. Right: the share
    holding an idea less than 10 rounds old, round by round, against a fully open
    community (no homophily).

    Parameters
    ----------
    homophily : float, default 0.7
        How strongly members tie to the like-minded.
    turnover : float, default 0.05
        Share of members replaced each round.
    departures : {"random", "targeted"}, default "random"
        Who leaves.
    seed : int, default 1
        Random seed.

    Returns
    -------
    snb.draw.Picture
        The two panels and their alt text.

    Examples
    --------
    >>> render_renewal().alt.split("averaging ")[1]  # homophily keeps fresh ideas out
    '0.34 after the warm-up, against 0.78 with no homophily.'
    """
    # runs are simulated once per setting (the open community does not depend on homophily)
    run = renewal.simulate_renewal(homophily=homophily, turnover=turnover, departures=departures, seed=int(seed))
    open_run = renewal.simulate_renewal(homophily=0.0, turnover=turnover, departures=departures, seed=int(seed))
    fig, (ax_net, ax_line) = draw.new_figure(10, 4.2, 2, fast=True)
    outside, members = run.from_outside, run.from_outside.size
    angle = 2 * np.pi * np.arange(members) / members
    xy = np.column_stack([np.cos(angle), np.sin(angle)])  # members 0..n-1 around a circle
    ax_net.add_collection(LineCollection(xy[run.ties], colors=draw.PALETTE["grey"], linewidths=0.6, alpha=0.6))
    for mask, colour, label in ((~outside, "light", "others"), (outside, "vermillion", "joined from outside")):
        ax_net.scatter(*xy[mask].T, s=60, c=draw.PALETTE[colour], edgecolors="black", linewidths=0.5,
                       label=label, zorder=2)
    ax_net.set(xlim=(-1.15, 1.15), ylim=(-1.15, 1.15), aspect="equal")
    ax_net.set_axis_off()
    # titles at a fixed height (y=1.0): no search for tick labels they could clash with
    ax_net.set_title("The community after 60 rounds", fontsize=11, y=1.0)
    draw.key(ax_net, "upper left", at=(0.05, 0.0), ncols=2)  # below the circle
    rounds = np.arange(len(run.fresh_share))
    ax_line.plot(rounds, open_run.fresh_share, color=draw.PALETTE["grey"], label="no homophily")
    ax_line.plot(rounds, run.fresh_share, color=draw.PALETTE["vermillion"], label=f"homophily {homophily:g}")
    ax_line.axvspan(0, run.warmup, color=draw.PALETTE["light"], alpha=0.5, label="warm-up")
    ax_line.set(ylim=(0, 1), xlim=(0, rounds.size), xlabel="round", ylabel="share of members with a fresh idea")
    ax_line.set_title(f"turnover {turnover:g} a round, {departures} departures", y=1.0)
    draw.key(ax_line, "upper right")
    # few fixed ticks: each label costs drawing time (about 2 ms a text here)
    ax_line.set_yticks([0, 0.5, 1], ["0", "0.5", "1"])
    ax_line.set_xticks(np.arange(0, rounds.size + 1, 20))
    ax_line.grid(alpha=0.3)
    alt = (f"Renewal, homophily {homophily:g}, turnover {turnover:g}, {departures} departures, seed {int(seed)}. "
           f"Left: circle of {members} members, {int(outside.sum())} of whom joined from outside. "
           f"Right: share of members holding an idea less than 10 rounds old, averaging {run.renewal:.2f} "
           f"after the warm-up, against {open_run.renewal:.2f} with no homophily.")
    return draw.Picture.from_figure(fig, alt)


def renewal_explorer(homophily: float = 0.7, turnover: float = 0.05, departures: str = "random",
                     seed: int = 1) -> Explorer:
    """Homophily, turnover, random or targeted departures: see who joined and the new ideas.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    homophily : float, default 0.7
        How strongly members tie to the like-minded.
    turnover : float, default 0.05
        Share of members replaced each round.
    departures : {"random", "targeted"}, default "random"
        Who leaves.
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
    ...     explorer = renewal_explorer(departures="targeted")
    >>> explorer.values()
    {'homophily': 0.7, 'turnover': 0.05, 'departures': 'targeted', 'seed': 1}
    >>> explorer.title
    'Does the community renew?'
    """
    controls = {
        "homophily": w.FloatSlider(value=homophily, min=0.0, max=0.95, step=0.05, continuous_update=False,
                                   **control_style("Homophily")),
        "turnover": w.FloatSlider(value=turnover, min=0.0, max=0.2, step=0.01, continuous_update=False,
                                  **control_style("Turnover a round")),
        "departures": w.Dropdown(options=["random", "targeted"], value=departures, **control_style("Who leaves")),
        "seed": w.IntText(value=seed, layout=w.Layout(width="9em"), **control_style("Random seed")),
    }
    return Explorer(controls, render_renewal, "Does the community renew?")


# ---------------------------------------------------------- wisdom explorer
#: Most estimate paths drawn; a larger network shows this many people, evenly spread over it.
WISDOM_PATHS = 400


@settings(network=OneOf(WISDOM_NETWORK_KINDS, "Network"), people=Whole(20, 10_000, "People"),
          seed=Whole(0, MAX_SEED, "Random seed"))
def render_wisdom(network: str = "small world", people: int = 100, seed: int = 1) -> draw.Picture:
    """Everyone's estimate, round by round, as the network averages them (DeGroot 1974).

    With the truth, the consensus and the plain mean of the starting estimates. Above
    :data:`WISDOM_PATHS` people, the paths of that many people spread evenly over the
    network are drawn.

    Parameters
    ----------
    network : str, default "small world"
        One of :data:`WISDOM_NETWORK_KINDS`.
    people : int, default 100
        Members.
    seed : int, default 1
        Random seed of the network and of the starting estimates.

    Returns
    -------
    snb.draw.Picture
        The paths and their alt text.

    Examples
    --------
    >>> render_wisdom(people=20).alt.split("; ")[-1]
    'the most influential member carries 5.7% of the weight.'
    """
    G = opinion.wisdom_network(network, int(people), seed=int(seed))
    n = G.number_of_nodes()
    start = np.random.default_rng(int(seed)).standard_normal(n)
    path = opinion.degroot(G, start, 20)
    weights = opinion.influence(G)
    consensus, crowd = float(weights @ start), float(start.mean())
    fig, (ax,) = draw.new_figure(7.0, 4.0, fast=True)
    fig.subplots_adjust(left=0.1, right=0.97, bottom=0.13, top=0.88)
    shown = np.unique(np.linspace(0, n - 1, min(n, WISDOM_PATHS)).round().astype(int))
    rounds = np.arange(path.shape[0])
    ax.add_collection(LineCollection(np.stack([np.broadcast_to(rounds, (shown.size, rounds.size)),
                                               path[:, shown].T], axis=-1),
                                     colors=draw.PALETTE["sky"], linewidths=0.6, alpha=0.5))
    for y, colour, label in ((0.0, "black", "truth"), (crowd, "green", f"mean of the starting estimates {crowd:+.2f}"),
                             (consensus, "vermillion", f"consensus {consensus:+.2f}")):
        ax.axhline(y, color=draw.PALETTE[colour], lw=1.6, ls="--" if label == "truth" else "-", label=label)
    ax.set(xlim=(0, 20), ylim=(-3, 3), xlabel="round", ylabel="estimate")
    # few fixed ticks and a title at a fixed height: each text costs drawing time
    ax.set_xticks([0, 5, 10, 15, 20])
    ax.set_yticks([-2, 0, 2], ["\u22122", "0", "2"])  # a true minus sign, as matplotlib writes
    drawn = "" if shown.size == n else f" ({shown.size} drawn)"
    ax.set_title(f"{network}, {n:,} people{drawn}, seed {int(seed)}: largest influence "
                 f"{weights.max():.1%}", fontsize=10, y=1.0)
    draw.key(ax, "lower right", fontsize=8)
    spread = path[-1].max() - path[-1].min()
    whose = "every estimate," if shown.size == n else f"the estimates of {shown.size} of them, evenly spread,"
    alt = (f"Averaging opinions on the {network} network of {n:,} people, seed {int(seed)}: {whose} "
           f"round by round, for 20 rounds; after 20 rounds they lie within {spread:.2f} of each other. "
           f"Consensus {consensus:+.2f} against a truth of 0 and a plain mean of {crowd:+.2f}; the most "
           f"influential member carries {weights.max():.1%} of the weight.")
    return draw.Picture.from_figure(fig, alt)


def wisdom_explorer(network: str = "small world", people: int = 100, seed: int = 1) -> Explorer:
    """Network type, size and seed: watch the estimates converge and where they end.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    network : str, default "small world"
        One of :data:`snb.models.opinion.WISDOM_NETWORKS`.
    people : int, default 100
        Members (20 to 400 on the slider).
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
    ...     explorer = wisdom_explorer(network="one voice")
    >>> explorer.values()
    {'network': 'one voice', 'people': 100, 'seed': 1}
    >>> explorer.title
    'Is the crowd wise?'
    """
    controls = {
        "network": w.Dropdown(options=list(opinion.WISDOM_NETWORKS), value=network, **control_style("Network")),
        "people": w.IntSlider(value=people, min=20, max=400, step=20, continuous_update=False,
                              **control_style("People")),
        "seed": w.IntText(value=seed, layout=w.Layout(width="9em"), **control_style("Random seed")),
    }
    return Explorer(controls, render_wisdom, "Is the crowd wise?")
