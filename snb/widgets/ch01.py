"""Chapter 1 explorers: cascades on six topologies, three ways of adapting.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import ipywidgets as w
import networkx as nx
import numpy as np

from snb import draw
from snb.datasets import TOPOLOGIES, communication_network
from snb.models import POLICIES, Policy, cascade_sizes, choose_seeds, compare_policies, independent_cascade
from snb.widgets.base import Explorer, control_style, seed_box
from snb.widgets.params import MAX_SEED, OneOf, Real, Whole, settings


# ---------------------------------------------------------- cascade explorer
@functools.lru_cache(maxsize=64)
def _network_and_layout(topology: str, n: int, seed: int) -> tuple[nx.Graph, dict]:
    """Build a network and its layout once per setting (layouts are the slow part)."""
    G = communication_network(topology, n, seed=seed)
    return G, draw.layout(G, seed=seed)


@settings(lambda v: None if v["budget"] <= v["n"] else
          f"Starters ({v['budget']}) cannot be more than people ({v['n']}).",
          topology=OneOf(TOPOLOGIES, "Topology"), n=Whole(20, 2000, "People"),
          p=Real(0, 1, "Pass-on probability"), seeding=OneOf(("broadcast", "peer"), "Seeding"),
          budget=Whole(1, 2000, "Starters"), seed=Whole(0, MAX_SEED, "Random seed"),
          runs=Whole(1, 10_000, "Runs"))
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
                 highlight={"starters": seeds, "reached": told}, legend="key")
    # One filled outline instead of a patch per bar, no legend, fixed title heights (no
    # search for clashing titles) and fewer tick labels: a third less time per update.
    bins = np.arange(0, G.number_of_nodes() + 2, max(1, G.number_of_nodes() // 30))
    counts, edges = np.histogram(sizes, bins=bins)
    ax_hist.stairs(counts, edges, fill=True, color=draw.PALETTE["blue"])
    ax_hist.axvline(sizes.mean(), color=draw.PALETTE["vermillion"], lw=2)
    ax_hist.text(sizes.mean(), 1.0, f" mean {sizes.mean():.1f}", transform=ax_hist.get_xaxis_transform(),
                 ha="left", va="top", color=draw.PALETTE["vermillion"], fontsize=10)
    ax_hist.set(xlabel="people reached", ylabel="runs", xlim=(edges[0], edges[-1]))
    ax_hist.set_ylim(0, max(1, counts.max()) * 1.08)
    # few tick labels: each text costs about 1 to 2 ms to draw
    ax_hist.yaxis.get_major_locator().set_params(integer=True, nbins=3)
    ax_hist.xaxis.get_major_locator().set_params(nbins=4)
    ax_hist.set_title(f"Reach in {runs} runs", y=1.0)
    ax_net.set_title(ax_net.get_title(), y=1.0, fontsize=12)
    reached = len(told) + len(seeds)
    alt = (f"{title}. Left: network of {G.number_of_nodes()} people; {len(seeds)} starters reached "
           f"{reached} people in {len(rounds) - 1} rounds. Right: histogram of reach over {runs} runs, "
           f"mean {sizes.mean():.1f}, 10th to 90th percentile {np.percentile(sizes, 10):.0f} "
           f"to {np.percentile(sizes, 90):.0f}.")
    return draw.Picture.from_figure(fig, alt)


def cascade_explorer(topology: str = "media + peers", n: int = 80, p: float = 0.15,
                     seeding: str = "broadcast", budget: int = 3, seed: int = 1) -> Explorer:
    """Pick topology, size, pass-on probability and seeding; watch one cascade and the spread.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    topology : str, default "media + peers"
        The network's shape, one of :data:`snb.datasets.TOPOLOGIES`.
    n : int, default 80
        People.
    p : float, default 0.15
        Pass-on probability along a tie.
    seeding : {"broadcast", "peer"}, default "broadcast"
        Who starts the message.
    budget : int, default 3
        Starters.
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
    ...     explorer = cascade_explorer(p=0.3)
    >>> explorer.values()
    {'topology': 'media + peers', 'n': 80, 'p': 0.3, 'seeding': 'broadcast', 'budget': 3, 'seed': 1}
    >>> explorer.title
    'Cascade explorer'
    """
    controls = {
        "topology": w.Dropdown(options=list(TOPOLOGIES), value=topology, **control_style("Topology")),
        "n": w.IntSlider(value=n, min=20, max=300, step=10, continuous_update=False, **control_style("People")),
        "p": w.FloatSlider(value=p, min=0.0, max=0.6, step=0.01, continuous_update=False,
                           **control_style("Pass-on probability")),
        "seeding": w.ToggleButtons(options=["broadcast", "peer"], value=seeding, **control_style("Seeding")),
        "budget": w.IntSlider(value=budget, min=1, max=10, continuous_update=False, **control_style("Starters")),
        "seed": seed_box(seed),
    }
    return Explorer(controls, render_cascade, "Cascade explorer")


# ------------------------------------------------------- adaptation explorer
#: The lesson's settings (page "Ways of adapting"), shared by the explorer's first picture.
ADAPTATION_DEFAULTS = {"n": 200, "runs": 100, "seed": 2, "network_seed": 1}


@settings(topology=OneOf(TOPOLOGIES, "Topology"), p_dialogue=Real(0, 1, "Dialogue pass-on"),
          success=Real(0, 1, "Transformation success"), periods=Whole(1, 100, "Periods"),
          n=Whole(20, 2000, "People"), runs=Whole(1, 2000, "Runs"), seed=Whole(0, MAX_SEED, "Random seed"),
          network_seed=Whole(0, MAX_SEED, "Network seed"))
def render_adaptation(topology: str = "media + peers", p_dialogue: float = 0.25,
                      success: float = 0.6, periods: int = 12, n: int = ADAPTATION_DEFAULTS["n"],
                      runs: int = ADAPTATION_DEFAULTS["runs"], seed: int = ADAPTATION_DEFAULTS["seed"],
                      network_seed: int = ADAPTATION_DEFAULTS["network_seed"]) -> draw.Picture:
    """Value of the three ways of adapting over ``runs`` seeded runs (reward and risk).

    The defaults are the lesson's: the same 200-person market (network random seed 1)
    and the same 100 runs from random seed 2, so the first picture matches the page.
    """
    policies = [POLICIES["wait and see"], POLICIES["step by step"],
                replace(POLICIES["transformation"], success_probability=float(success))]
    outcomes = {policy.name: _policy_values(policy, topology, int(n), int(network_seed),
                                            float(p_dialogue) if _talks(policy) else None,
                                            int(periods), int(runs), int(seed))
                for policy in policies}
    return draw.outcome_plot(outcomes, xlabel="value (customer-periods minus cost)", fast=True,
                             title=f"{topology} · dialogue pass-on {p_dialogue:.2f}\n"
                                   f"transformation succeeds {success:.0%} · {runs} runs")


def _talks(policy: Policy) -> bool:
    """Whether a policy ever has dialogue capability (else ``p_dialogue`` cannot matter:
    with capability 0 peers pass a message on with ``p_one_way`` whatever it is)."""
    return policy.start_capability > 0 or policy.learning_step > 0 or policy.jump_to is not None


@functools.lru_cache(maxsize=96)
def _policy_values(policy: Policy, topology: str, n: int, network_seed: int, p_dialogue: float | None,
                   periods: int, runs: int, seed: int) -> np.ndarray:
    """One policy's values over ``runs`` runs, simulated once per setting it depends on:
    every policy starts from the same random seed (as in ``compare_policies``), so moving
    the transformation's success chance re-runs the transformation alone, and moving
    ``p_dialogue`` (``None`` for a policy that never talks) leaves wait and see alone."""
    G = _network(topology, n, network_seed)
    kwargs = {} if p_dialogue is None else {"p_dialogue": p_dialogue}
    values = compare_policies(G, [policy], runs=runs, seed=seed, periods=periods, **kwargs)
    values = values[policy.name]
    values.flags.writeable = False  # shared by every later picture of this setting
    return values


@functools.lru_cache(maxsize=16)
def _network(topology: str, n: int, seed: int) -> nx.Graph:
    """The explorer's network, built once per setting (no layout needed)."""
    return communication_network(topology, n, seed=seed)


def adaptation_explorer(topology: str = "media + peers", p_dialogue: float = 0.25,
                        success: float = 0.6, periods: int = 12) -> Explorer:
    """Compare wait and see, step by step and transformation as the market changes.

    The explorer draws its first picture at once, with the settings given; each
    change of a control redraws it.

    Parameters
    ----------
    topology : str, default "media + peers"
        The market's shape, one of :data:`snb.datasets.TOPOLOGIES`.
    p_dialogue : float, default 0.25
        Pass-on between peers when the firm is in dialogue.
    success : float, default 0.6
        Chance that a transformation works.
    periods : int, default 12
        Campaigns simulated.

    Returns
    -------
    Explorer
        Displays as the controls above the picture; ``values()`` gives the current
        settings.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):  # outside Jupyter, widget output prints
    ...     explorer = adaptation_explorer(success=0.4)
    >>> explorer.values()
    {'topology': 'media + peers', 'p_dialogue': 0.25, 'success': 0.4, 'periods': 12}
    >>> explorer.title
    'Ways of adapting'
    """
    controls = {
        "topology": w.Dropdown(options=list(TOPOLOGIES), value=topology, **control_style("Topology")),
        "p_dialogue": w.FloatSlider(value=p_dialogue, min=0.02, max=0.5, step=0.02, continuous_update=False,
                                    **control_style("Dialogue pass-on")),
        "success": w.FloatSlider(value=success, min=0.0, max=1.0, step=0.05, continuous_update=False,
                                 **control_style("Transformation success")),
        "periods": w.IntSlider(value=periods, min=4, max=24, continuous_update=False, **control_style("Periods")),
    }
    return Explorer(controls, render_adaptation, "Ways of adapting")
