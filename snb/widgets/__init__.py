"""Interactive explorers and builders; import them from here (``from snb import widgets``).

- :mod:`snb.widgets.base`: :class:`Explorer`, controls wired to a pure render function;
- :mod:`snb.widgets.builders`: :class:`NetworkBuilder`, the build-a-network exercise;
- ``snb/widgets/chNN.py``: each chapter's explorers (and builders of its own).

The names below are loaded on first use (PEP 562): a page with chapter 1's explorer
does not pay for importing chapter 5's.
"""

from __future__ import annotations

from snb._lazy import lazy_exports

#: Each module's names that ``snb.widgets`` offers, by module.
_EXPORTS: dict[str, tuple[str, ...]] = {
    "base": ("Explorer",),
    "builders": ("NetworkBuilder", "parse_edge_list"),
    "ch01": ("cascade_explorer", "render_cascade", "adaptation_explorer", "render_adaptation"),
    "ch02": ("growth_explorer", "render_growth", "GROWTH_SIZES", "CheckInNetworkBuilder"),
    "ch03": ("community_explorer", "render_communities", "COMMUNITY_NETWORKS", "render_renewal",
             "renewal_explorer", "render_wisdom", "wisdom_explorer"),
    # Chapter 4: the org chart beside the informal network, and the org explorer.
    "ch04": ("formal_and_informal", "org_explorer", "render_org"),
    "ch05": ("CENTRALITY_NETWORKS", "centrality_explorer", "render_centrality", "render_scorecard",
             "scorecard_table", "ScorecardBuilder", "render_give_take", "give_take_explorer"),
    # Chapter 7: pictures only (its tool writes reports).
    "ch07": ("overlap_curves",),
}
__all__, _WHERE, __getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
