"""Summary numbers for a network, the same everywhere in the course."""

from __future__ import annotations

import networkx as nx

__all__ = ["profile"]


def profile(G: nx.Graph) -> dict[str, float]:
    """People, ties, density, degree, centralisation, path length, clustering, components.

    - ``centralisation``: the best-connected person's share of all the others
      (1 for a star's centre, small when ties are spread evenly);
    - ``mean path``: average number of steps between two people, within the
      largest connected group (on a directed graph, the largest weakly connected
      group, treated as undirected).
    """
    U = G.to_undirected(as_view=True) if G.is_directed() else G
    n = U.number_of_nodes()
    if n == 0:
        raise ValueError("the network has no nodes")
    degrees = [d for _, d in U.degree()]
    largest = U.subgraph(max(nx.connected_components(U), key=len))
    return {
        "people": n,
        "ties": G.number_of_edges(),
        "density": nx.density(G),
        "mean degree": sum(degrees) / n,
        "centralisation": max(degrees) / (n - 1) if n > 1 else 0.0,
        "mean path": nx.average_shortest_path_length(largest) if largest.number_of_nodes() > 1 else 0.0,
        "clustering": nx.average_clustering(U),
        "components": nx.number_connected_components(U),
    }
