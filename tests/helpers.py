"""Assertions shared by the test modules (imported as `from helpers import ...`)."""

from snb import checks


def assert_feedback(feedback, status, *fragments):
    """The status is right and every fragment appears in the message or hint."""
    assert isinstance(feedback, checks.Feedback)
    assert feedback.status == status, str(feedback)
    text = f"{feedback.message} {feedback.hint}"
    for fragment in fragments:
        assert fragment in text, f"{fragment!r} not in {text!r}"
