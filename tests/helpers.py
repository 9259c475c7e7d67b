"""Assertions shared by the test modules (imported as `from helpers import ...`)."""

import matplotlib.pyplot as plt
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
