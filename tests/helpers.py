"""Assertions shared by the test modules (imported as `from helpers import ...`)."""

import importlib.util
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pytest

from snb import checks


@pytest.fixture
def no_pyplot_figures_left():
    """Drawing goes through matplotlib.figure.Figure: no pyplot figure may be left open.

    Modules that draw use it with ``pytestmark = pytest.mark.usefixtures(...)``."""
    plt.close("all")
    yield
    assert plt.get_fignums() == []


def assert_feedback(feedback, status, *fragments):
    """The status is right and every fragment appears in the message or hint."""
    assert isinstance(feedback, checks.Feedback)
    assert feedback.status == status, str(feedback)
    text = f"{feedback.message} {feedback.hint}"
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in {text!r}"


#: Inputs no check may accept or raise on: wrong types, None, empty and directed graphs, strings.
ODD_INPUTS = [None, "", "text", 3, 2.5, float("nan"), [], {}, set(), (1, 2), {"a": 1}, nx.Graph(),
              nx.DiGraph([(0, 1)]), nx.MultiGraph([(0, 1)]), np.array([1, 2]), object(), [[1, 2], [3]],
              [{"x"}], True]


def assert_odd_inputs_rejected(check, args, odd_inputs=ODD_INPUTS):
    """``check(*args(odd))`` gives Feedback, never a traceback, and never accepts an odd input."""
    for odd in odd_inputs:
        feedback = check(*args(odd))
        assert isinstance(feedback, checks.Feedback)
        assert not feedback.correct, (check.__name__, odd)


def load_tool(name: str):
    """A script of tools/ as a module (tools/ is not a package)."""
    path = Path(__file__).resolve().parents[1] / "tools" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
