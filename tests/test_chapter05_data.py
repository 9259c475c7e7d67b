"""Chapter 5's real data: Sampson's monastery as published, and the Florentine families.

Published counts, and where each is published:
- 18 novices (Sampson 1968; ergm's samplk help page);
- SAMPLK1 55, SAMPLK2 57, SAMPLK3 56, SAMPDLK 47 arcs: UCINET's SAMPSON.DAT as shipped
  (the number of non-zero entries of each matrix);
- 88 arcs in the time-aggregated liking network: ergm's ``samplike``, printed as
  ``total edges= 88`` by ergm's tutorial;
- Table D13 of Sampson (1968), p. 469: the column totals of the liking (+) and disliking (-)
  ranks at T4, printed under the table (transcribed in leonhardtLudwig/NDS_Project, load_sampson.m).
"""

import hashlib

import networkx as nx
import numpy as np
import pytest

from snb import datasets

# Table D13's printed column totals, in Sampson's order (datasets.SAMPSON_NOVICES)
D13_LIKING_TOTALS = [12, 13, 7, 12, 10, 3, 6, 6, 5, 0, 4, 9, 4, 3, 3, 2, 4, 8]
D13_DISLIKING_TOTALS = [3, 17, 13, 18, 0, 9, 5, 10, 0, 3, 0, 1, 4, 2, 0, 1, 7, 1]


def test_the_shipped_file_is_the_published_copy():
    data = datasets.path_to(datasets.SAMPSON_FILE).read_bytes()
    assert len(data) == 7110
    assert hashlib.md5(data).hexdigest() == "1dbcb40e262cd87969da40bbe7fafb2c"
    assert (datasets.path_to("sampson/README.md")).is_file()


@pytest.mark.parametrize("relation, wave, arcs", [("liking", 1, 55), ("liking", 2, 57), ("liking", 3, 56),
                                                   ("disliking", 3, 47)])
def test_published_counts(relation, wave, arcs):
    D = datasets.load_sampson(relation, wave)
    assert D.is_directed()
    assert D.number_of_nodes() == 18
    assert D.number_of_edges() == arcs
    assert nx.number_of_selfloops(D) == 0
    assert sorted(D) == sorted(datasets.SAMPSON_NOVICES)


def test_time_aggregated_liking_has_88_arcs_as_in_ergm():
    arcs = set()
    for wave in (1, 2, 3):
        arcs |= set(datasets.load_sampson("liking", wave).edges)
    assert len(arcs) == 88


def test_order_of_novices_matches_sampsons_table_d13():
    """The liking matrices are stored in Sampson's order, the disliking one by the file's
    labels; the loader must put both in Sampson's order (see the data README)."""
    m = datasets.sampson_matrices()
    assert m["SAMPLK3"].sum(axis=0).tolist() == D13_LIKING_TOTALS
    assert m["SAMPDLK"].sum(axis=0).tolist() == D13_DISLIKING_TOTALS
    like = datasets.load_sampson("liking", 3)
    assert [int(like.in_degree(v, weight="rank")) for v in datasets.SAMPSON_NOVICES] == D13_LIKING_TOTALS


def test_each_novice_ranks_his_choices():
    for name, matrix in datasets.sampson_matrices().items():
        assert set(np.unique(matrix)) <= {0, 1, 2, 3}, name
        assert (np.diag(matrix) == 0).all(), name
        assert ((matrix > 0).sum(axis=1) <= 4).all(), name


def test_groups_cover_everyone_once():
    members = [v for group in datasets.SAMPSON_GROUPS.values() for v in group]
    assert sorted(members) == sorted(datasets.SAMPSON_NOVICES)
    assert datasets.load_sampson().nodes["Gregory"]["group"] == "Young Turks"


@pytest.mark.parametrize("relation, wave", [("liking", 4), ("disliking", 1), ("esteem", 3), ("liking", "3")])
def test_unknown_relations_are_refused(relation, wave):
    with pytest.raises(ValueError, match="relation and wave"):
        datasets.load_sampson(relation, wave)


def test_florentine_families_as_networkx_ships_them():
    G = datasets.load_florentine_families()
    assert (G.number_of_nodes(), G.number_of_edges()) == (15, 20)
