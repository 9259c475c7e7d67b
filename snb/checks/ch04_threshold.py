"""Chapter 4's threshold exercise: roll a tool out from brokers or from a clustered team."""

from __future__ import annotations

import functools
from typing import Any, Mapping

from snb.feedback import Feedback, number_problem, teaching_check
from snb.models import firm, threshold

__all__ = ["ROLLOUT_EXERCISE", "check_threshold_rollout", "threshold_answer"]

#: Exercise 4.5: the firm (chapter 4's model with these settings), the rollout's budget and the
#: two thresholds to compare (a share of one's contacts).
ROLLOUT_EXERCISE: dict[str, Any] = {"seed": 3, **threshold.ROLLOUT_FIRM, "budget": 6, "thetas": (0.25, 0.4)}

_TOLERANCE = 0.005  # shares are compared to half a percentage point


@functools.lru_cache(maxsize=1)
def threshold_answer() -> dict[float, dict[str, float]]:
    """The worked answer: share of staff reached by each seeding at each threshold."""
    e = ROLLOUT_EXERCISE
    F = firm.synthetic_firm(e["people"], e["departments"], brokers=e["brokers"], within_degree=e["within_degree"],
                            cross_rate=e["cross_rate"], seed=e["seed"])
    return {t: threshold.rollout(F.informal, e["budget"], theta=t) for t in e["thetas"]}


def _say(status: str, message: str, hint: str = "") -> Feedback:
    return Feedback(status, message, hint)


def _shares(answer: Any, theta: float) -> tuple[dict[str, float] | None, Feedback | None]:
    if answer is ...:
        return None, _say("unanswered", "replace the `...` with your dictionary of shares, then run this "
                                        "cell again.")
    if not isinstance(answer, Mapping):
        return None, _say("invalid", f"expected a dictionary such as {{'brokers': 0.5, 'clustered': 0.2}}, got "
                                     f"a {type(answer).__name__}.",
                          "store the two shares under the keys 'brokers' and 'clustered'.")
    keys = {str(k).strip().lower(): k for k in list(answer)[:10]}
    missing = [name for name in threshold.SEEDINGS if name not in keys]
    if missing:
        return None, _say("invalid", f"the dictionary for threshold {theta:g} has no key {missing[0]!r}.",
                          "use exactly the keys 'brokers' and 'clustered'.")
    out = {}
    for name in threshold.SEEDINGS:
        value, problem = number_problem(answer[keys[name]], what=f"the share reached by {name} seeding")
        if problem:
            return None, problem
        if 1 < value <= 100:
            value /= 100  # a percentage
        if not 0 <= value <= 1:
            return None, _say("invalid", f"{value:g} is not a share of the staff.",
                              "a share is between 0 and 1 (or a percentage between 0 and 100).")
        out[name] = value
    return out, None


@teaching_check
def check_threshold_rollout(low: Any, high: Any, advice: Any) -> Feedback:
    """Exercise 4.5: the shares reached at the low and the high threshold, and the advice.

    Parameters
    ----------
    low, high : dict
        The shares reached (shares or percentages) at the exercise's two thresholds, as
        ``{"brokers": share, "clustered": share}``.
    advice : str
        ``"brokers"``, ``"clustered"`` or ``"it depends"``.

    Returns
    -------
    Feedback
        ``correct``; ``incorrect``, with a hint that does not give the answer away;
        ``unanswered`` while an answer is still ``...``; or ``invalid`` for an answer of the
        wrong kind. The check never raises.

    Examples
    --------
    >>> check_threshold_rollout(..., ..., ...).status
    'unanswered'
    >>> check_threshold_rollout({"brokers": 0.5}, {"brokers": 0.5}, "brokers")
    ! Cannot check this answer: the dictionary for threshold 0.25 has no key 'clustered'.
      Hint: use exactly the keys 'brokers' and 'clustered'.
    """
    want = threshold_answer()
    thetas = ROLLOUT_EXERCISE["thetas"]
    for theta, answer in zip(thetas, (low, high)):
        got, problem = _shares(answer, theta)
        if problem:
            return problem
        for name in threshold.SEEDINGS:
            if abs(got[name] - want[theta][name]) > _TOLERANCE:
                other = "clustered" if name == "brokers" else "brokers"
                if abs(got[name] - want[theta][other]) <= _TOLERANCE:
                    return _say("incorrect", f"at threshold {theta:g}, your {name} share is the other seeding's.",
                                "check which seed set you passed for each key.")
                return _say("incorrect", f"at threshold {theta:g}, the share reached by {name} seeding differs "
                                         f"from the simulation's.",
                            "use threshold.rollout on the firm's informal network with the exercise's budget, "
                            "and theta (a share of contacts), not k.")
    if advice is ...:
        return _say("unanswered", "the shares are right; now replace the `...` in `advice` with your advice.")
    text = str(advice).strip().lower() if isinstance(advice, str) else None
    if text not in ("brokers", "clustered", "it depends"):
        return _say("invalid", "advice must be 'brokers', 'clustered' or 'it depends'.",
                    "store one of the three as text.")
    if text != "it depends":
        return _say("incorrect", f"your own numbers show that {text} seeding loses at one of the two thresholds.",
                    "which seeding wins at the low threshold, and which at the high one?")
    return _say("correct", "the shares are right, and so is the advice: which first users to train depends on how "
                           "many colleagues someone needs to see using the tool, which a pilot can measure.")
