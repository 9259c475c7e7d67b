"""Interactive explorers and builders; import them from here (``from snb import widgets``).

- :mod:`snb.widgets.base`: :class:`Explorer`, controls wired to a pure render function;
- :mod:`snb.widgets.builders`: :class:`NetworkBuilder`, the build-a-network exercise;
- ``snb/widgets/chNN.py``: each chapter's explorers (and builders of its own).
"""

from snb.widgets.base import Explorer
from snb.widgets.builders import NetworkBuilder, parse_edge_list
from snb.widgets.ch01 import adaptation_explorer, cascade_explorer, render_adaptation, render_cascade
from snb.widgets.ch02 import GROWTH_SIZES, CheckInNetworkBuilder, growth_explorer, render_growth
from snb.widgets.ch03 import (COMMUNITY_NETWORKS, community_explorer, render_communities, render_renewal,
                              render_wisdom, renewal_explorer, wisdom_explorer)
from snb.widgets.ch05 import (CENTRALITY_NETWORKS, ScorecardBuilder, centrality_explorer, give_take_explorer,
                              render_centrality, render_give_take, render_scorecard, scorecard_table)

__all__ = ["Explorer", "cascade_explorer", "render_cascade", "adaptation_explorer",
           "render_adaptation", "NetworkBuilder", "parse_edge_list", "growth_explorer", "render_growth",
           "GROWTH_SIZES", "CheckInNetworkBuilder",
           "community_explorer", "render_communities", "COMMUNITY_NETWORKS", "render_renewal", "renewal_explorer",
           "render_wisdom", "wisdom_explorer",
           "CENTRALITY_NETWORKS", "centrality_explorer", "render_centrality", "render_scorecard",
           "scorecard_table", "ScorecardBuilder", "render_give_take", "give_take_explorer"]

# Chapter 4: the org chart beside the informal network, and the org explorer.
from snb.widgets.ch04 import formal_and_informal, org_explorer, render_org  # noqa: E402

__all__ += ["formal_and_informal", "org_explorer", "render_org"]
