"""Intervals and verdicts: the rules every comparison in the course follows."""

import numpy as np
import pytest
from scipy import stats as st

from snb import assumptions, draw, stats


def test_mean_interval_matches_scipy_t_interval():
    x = np.array([3.0, 5.0, 4.0, 6.0, 2.0, 5.5, 4.5])
    iv = stats.mean_interval(x)
    low, high = st.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=st.sem(x))
    assert iv.mean == pytest.approx(x.mean())
    assert (iv.low, iv.high) == pytest.approx((low, high))
    assert iv.n == 7 and iv.excludes_zero


def test_paired_difference_uses_the_differences():
    a = np.arange(20, dtype=float)
    b = a - 1 + 0.1 * np.sin(a)  # a beats b by about 1 in every replication
    diff = stats.difference(a, b)
    assert diff.mean == pytest.approx(np.mean(a - b))
    assert diff.low > 0.9 and diff.high < 1.1
    assert stats.verdict(diff, "A", "B") == "A beats B"
    assert stats.verdict(stats.difference(b, a), "B", "A") == "A beats B"


def test_unpaired_difference_is_welch():
    rng = np.random.default_rng(0)
    a, b = rng.normal(0, 1, 30), rng.normal(0.2, 2, 25)
    diff = stats.difference(a, b, paired=False)
    res = st.ttest_ind(a, b, equal_var=False)
    ci = res.confidence_interval(0.95)
    assert (diff.low, diff.high) == pytest.approx((ci.low, ci.high))


def test_indistinguishable_when_the_interval_crosses_zero():
    rng = np.random.default_rng(1)
    a = rng.normal(0, 1, 25)
    diff = stats.difference(a, a[::-1])
    assert not diff.excludes_zero
    assert stats.verdict(diff, "A", "B") == "A and B are indistinguishable"


def test_a_verdict_needs_twenty_replications():
    diff = stats.difference([2.0, 3.0, 4.0], [1.0, 1.0, 1.0])
    with pytest.raises(ValueError, match="at least 20"):
        stats.verdict(diff, "A", "B")


@pytest.mark.parametrize("bad", [[], [1.0], [1.0, float("nan")]])
def test_bad_input_is_refused(bad):
    with pytest.raises(ValueError):
        stats.mean_interval(bad)


def test_paired_needs_equal_lengths():
    with pytest.raises(ValueError, match="equal numbers"):
        stats.difference([1.0, 2.0], [1.0, 2.0, 3.0])


def test_across_seeds_calls_once_per_seed():
    assert stats.across_seeds(lambda s: s * 2.0).tolist() == [2.0 * s for s in range(20)]


def test_interval_text():
    iv = stats.Interval(862.4, 846.1, 878.9, 20)
    assert str(iv) == "862 (95 % CI 846 to 879)"
    assert stats.Interval(0.1234, 0.1, 0.15, 20).format(3) == "0.123 (95 % CI 0.100 to 0.150)"


def test_parameters_need_a_source_and_render_as_a_table():
    rows = [assumptions.Parameter("p", 0.2, "pass-on probability"),
            assumptions.Parameter("n", 200, "people", "Goel, Watts and Goldstein 2012")]
    text = repr(assumptions.table(rows))
    assert "assumption" in text and "Goel, Watts and Goldstein 2012" in text and "0.2" in text
    with pytest.raises(ValueError):
        assumptions.Parameter("q", 1, "meaning", "")
    changed = assumptions.with_values(rows, p=0.3)
    assert changed[0].value == 0.3 and rows[0].value == 0.2
    with pytest.raises(KeyError):
        assumptions.with_values(rows, nope=1)


def test_fixed_style_per_network_type():
    assert draw.style("scale-free", 0) == draw.style("scale-free", 5)
    assert draw.style("scale-free, broadcast", 3) == draw.style("scale-free", 0)
    assert draw.style("step by step") != draw.style("wait and see")
    assert draw.style("something else", 0) != draw.style("something else", 1)
    colours = [draw.STYLE[k] for k in ("broadcast star", "hierarchy tree", "peer mesh", "small world",
                                       "scale-free", "media + peers", "ring lattice")]
    assert len(set(colours)) == len(colours)


def test_interval_and_sweep_plots_carry_alt_text():
    ivs = {"wait and see": stats.Interval(1, 0, 2, 20), "step by step": stats.Interval(3, 2, 4, 20)}
    pic = draw.interval_plot(ivs, title="T", xlabel="value", zero=True)
    assert pic.png.startswith(b"\x89PNG") and "step by step: 3.00" in pic.alt
    sweep = draw.sweep_plot([0.1, 0.2], {"A minus B": [stats.Interval(-1, -2, -0.5, 20),
                                                      stats.Interval(1, -0.5, 2, 20)]},
                            title="S", xlabel="p", ylabel="difference")
    assert "0.1 -" in sweep.alt and "0.2 0" in sweep.alt


def test_t_quantile_is_scipys():
    """snb.stats takes Student's t quantile from scipy (scipy.stats.t.ppf's own function)."""
    import numpy as np
    from scipy.stats import t

    for dof in list(range(1, 60)) + list(np.linspace(1.5, 400, 300)):
        for p in (0.75, 0.95, 0.975, 0.995):
            assert stats.t_quantile(float(dof), p) == pytest.approx(float(t.ppf(p, dof)), rel=1e-14)
    assert stats.mean_interval([1.0, 2.0, 3.0]).high == pytest.approx(2 + t.ppf(0.975, 2) / np.sqrt(3))