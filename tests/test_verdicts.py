"""The verdict registry's machinery: labels, replications, permutation tests, the CLI,
the stored results, and that pages, quizzes and guides agree with what is stored."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

from snb import permutation, quiz, verdicts
from snb.verdicts import __main__ as cli
from snb.verdicts import core

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ labels
def test_compare_labels_follow_the_interval_and_the_margin():
    rng = np.random.default_rng(0)
    a = rng.normal(1.0, 0.1, 40)
    assert verdicts.compare(a, a - 0.5, names=("A", "B"), margin=0.1).kind == "beats"
    assert verdicts.compare(a - 0.5, a, names=("A", "B"), margin=0.1).label == "B beats A"
    noise = rng.normal(0, 0.01, 40)
    same = verdicts.compare(a, a + noise, names=("A", "B"), margin=0.1)
    assert same.kind == "equivalent" and "within ±0.1" in same.label
    wide = verdicts.compare(a, a + rng.normal(0, 1.0, 40), names=("A", "B"), margin=0.05)
    assert wide.kind == "cannot tell" and "at this precision (±0.05)" in wide.label


def test_compare_for_a_cost_swaps_the_winner():
    a, b = np.full(20, 3.0) + np.arange(20) * 1e-3, np.full(20, 1.0)
    r = verdicts.compare(a, b, names=("A", "B"), margin=0.1, higher="worse")
    assert (r.kind, r.label) == ("beaten", "B beats A")


def test_compare_notes_a_win_smaller_than_the_margin():
    a = np.linspace(0.0, 0.001, 30) + 0.01
    r = verdicts.compare(a, np.zeros(30), names=("A", "B"), margin=1.0)
    assert r.kind == "beats" and "by less than the ±1 that matters" in r.label


def test_compare_refuses_fewer_than_twenty_runs():
    with pytest.raises(ValueError, match="at least 20"):
        verdicts.compare(np.ones(19), np.zeros(19), margin=1)


def test_replicate_stops_at_the_margin_or_the_cap():
    calls = []

    def noisy(seed):
        calls.append(seed)
        return (np.random.default_rng(seed).normal(), 0.0)

    rows = verdicts.replicate(noisy, 0, margin=10.0)
    assert rows.shape == (20, 2) and calls == list(range(20))
    rows = verdicts.replicate(noisy, 3, margin=1e-6, cap=60)
    assert rows.shape == (60, 2) and calls[20] == 300_000
    # a margin reached part way: batches of 20 after the first 20
    rows = verdicts.replicate(lambda s: np.random.default_rng(s).normal(), 0, margin=0.35)
    assert rows.shape[0] in (40, 60) and verdicts.compare(rows[:, 0], margin=1).n == rows.shape[0]


def test_settled_needs_the_interval_to_clear_zero_by_its_half_width():
    clear, narrow = [0.5, 0.6] * 10, [-0.05, 0.15] * 10  # the second clears zero, but only just
    assert verdicts.compare(narrow, margin=1).kind == "beats"
    assert verdicts.settled(clear) and not verdicts.settled(narrow)
    assert verdicts.settled([0.0] * 20) and verdicts.settled([-0.3] * 20)
    # or, given a margin, the 90 % interval lies inside it: too small to matter
    assert verdicts.settled(narrow, within=0.1) and not verdicts.settled(narrow, within=0.05)


def test_swept_value_counts_only_when_settled():
    narrow = [-0.05, 0.15] * 10
    assert verdicts.swept(narrow, margin=0.1).kind == "equivalent"
    assert "too close to zero" in verdicts.swept(narrow, margin=0.1).label
    assert verdicts.swept(narrow, margin=0.01).kind == "cannot tell"
    assert verdicts.swept([0.5, 0.6] * 10, margin=0.1).kind == "beats"
    assert verdicts.swept([-0.5, -0.6] * 10, margin=0.1).kind == "beaten"
    # negligible: a clear difference inside the margin is "equivalent" (too small to matter)
    small = [0.04, 0.06] * 10
    assert verdicts.swept(small, margin=0.1).kind == "beats"
    assert verdicts.swept(small, margin=0.1, negligible=True).kind == "equivalent"
    assert verdicts.compare(small, margin=0.1, negligible=True).kind == "equivalent"
    assert verdicts.compare(small, margin=0.01, negligible=True).kind == "beats"


def test_sweep_adds_runs_at_an_edge_and_its_label_holds_at_other_bases():
    # three swept values: clearly above zero, a small lead (0.15 standard deviations), none
    def measure(seed):
        e = np.random.default_rng(seed).normal(size=3)
        return (1.0 + e[0], 0.15 + e[1], e[2])

    kinds = []
    for base in range(8):
        results = verdicts.sweep(measure, base, margin=0.5, cap=2000)
        kinds.append(tuple(r.kind for r in results))
        # the small lead needs far more than 20 runs before its sign is beyond doubt
        assert results[1].n > 200 and results[0].n == results[1].n
    # with the usual bar alone, 20 runs of the small lead flip between bases
    plain = {verdicts.compare([measure(verdicts.seed_for(b, i))[1] for i in range(20)],
                              margin=0.5).kind for b in range(8)}
    assert kinds == [("beats", "beats", "equivalent")] * 8 and len(plain) > 1


def test_region_names_where_a_verdict_holds():
    beats = core.Result("beats", "x", 1.0, 0.5, 1.5, 20)
    tell = core.Result("cannot tell", "y", 0.0, -1.0, 1.0, 20)
    r = verdicts.region([0.1, 0.2, 0.3, 0.4], [tell, beats, beats, tell], name="peer seeding")
    assert r.kind == "region" and r.label.startswith("peer seeding holds from 0.2 to 0.3")
    assert r.signature == "region [0.2, 0.3]"
    assert verdicts.region([1, 2], [beats, beats], name="").kind == "everywhere"
    assert verdicts.region([1, 2], [tell, tell], name="").kind == "nowhere"


def test_permutation_p_values_count_the_observed_value():
    null = np.arange(1000, dtype=float)
    assert permutation.p_value(999.0, null) == pytest.approx(2 / 1001)
    assert permutation.p_value(-1.0, null, "less") == pytest.approx(1 / 1001)
    assert permutation.p_value(499.5, null, "two-sided") == 1.0
    r = verdicts.permutation(2000.0, null, name="reciprocity")
    assert r.kind == "beats chance" and r.details["p"] == pytest.approx(1 / 1001)
    assert sum(r.details["histogram"]["counts"]) == 1000
    assert verdicts.permutation(500.0, null).kind == "chance"
    with pytest.raises(ValueError, match="1,000"):
        verdicts.permutation(1.0, np.arange(999))


def test_qap_keeps_structure_and_finds_a_planted_match():
    rng = np.random.default_rng(1)
    x = (rng.random((20, 20)) < 0.3).astype(float)
    np.fill_diagonal(x, 0)
    noisy = np.where(rng.random((20, 20)) < 0.1, 1 - x, x)
    observed, null = permutation.qap_correlation(x, noisy, n=1000, seed=2)
    assert observed > 0.6 and permutation.p_value(observed, null) < 0.01
    # the null relabels people: each null network has the same ties, in other places
    other = (rng.random((20, 20)) < 0.3).astype(float)
    observed, null = permutation.qap_correlation(x, other, n=1000, seed=2)
    assert permutation.p_value(observed, null, "two-sided") > 0.05
    assert permutation.matrix_correlation(x, x, "spearman") == pytest.approx(1.0)


# ------------------------------------------------------------------ registry and CLI
@pytest.fixture
def toy_registry(monkeypatch, tmp_path):
    """Two toy verdicts in chapter 99: one steady, one that flips with the base."""
    verdicts.registry()  # load the chapters first: a module imported while the toys are in is not re-imported
    saved = dict(verdicts._REGISTRY)

    @verdicts.register("99-steady", chapter="99", question="Does A beat B?", margin=0.5)
    def steady(seed_base):
        rows = verdicts.replicate(
            lambda s: (1 + np.random.default_rng(s).normal(0, 0.1), 0.0), seed_base, margin=0.5)
        return verdicts.compare(rows[:, 0], rows[:, 1], names=("A", "B"), margin=0.5)

    @verdicts.register("99-flipper", chapter="99", question="Does the base matter?")
    def flipper(seed_base):
        return verdicts.exact(seed_base, label="odd" if seed_base % 2 else "even",
                              kind="exact" if seed_base % 2 else "nowhere")

    store = tmp_path / "verdicts.json"
    store.write_text(json.dumps({"seed_base": 0, "verdicts": {}}))
    monkeypatch.setattr(verdicts, "store_path", lambda: store)
    yield store
    verdicts._REGISTRY.clear()
    verdicts._REGISTRY.update(saved)


def test_cli_stores_checks_and_compares(toy_registry, capsys):
    assert cli.main(["--only", "99", "--store", "--jobs", "1"]) == 0
    stored = json.loads(toy_registry.read_text())["verdicts"]
    assert set(stored) == {"99-steady", "99-flipper"}
    assert verdicts.stored("99-steady").label == "A beats B"
    assert "Verdict: A beats B." in repr(verdicts.show("99-steady"))
    assert cli.main(["--only", "99", "--check-stored", "--jobs", "1"]) == 0
    # a changed stored result is caught
    data = json.loads(toy_registry.read_text())
    data["verdicts"]["99-steady"]["estimate"] += 1
    toy_registry.write_text(json.dumps(data))
    assert cli.main(["--only", "99", "--check-stored", "--jobs", "1"]) == 1
    assert "STALE 99-steady" in capsys.readouterr().out
    # so is a stale detail a page prints (a mean, a count), with the headline unchanged
    assert cli.main(["--only", "99", "--store", "--jobs", "1"]) == 0
    data = json.loads(toy_registry.read_text())
    assert data["verdicts"]["99-steady"]["details"], "the toy has details to go stale"
    key = next(iter(data["verdicts"]["99-steady"]["details"]))
    data["verdicts"]["99-steady"]["details"][key] = "stale"
    toy_registry.write_text(json.dumps(data))
    assert cli.main(["--only", "99", "--check-stored", "--jobs", "1"]) == 1
    assert "STALE 99-steady" in capsys.readouterr().out
    # an unmarked flip between bases fails; the steady one does not flip
    assert cli.main(["--only", "99", "--compare", "0", "1", "--jobs", "1"]) == 1
    out = capsys.readouterr().out
    assert "99-flipper" in out and "UNMARKED FLIP" in out and "99-steady" not in out.split("\n")[0]


def test_cli_accepts_a_flip_marked_fragile(toy_registry, capsys):
    entry = verdicts._REGISTRY["99-flipper"]
    verdicts._REGISTRY["99-flipper"] = verdicts.Entry(**{**entry.__dict__, "fragile": "it depends"})
    assert cli.main(["--only", "99", "--compare", "0", "1", "--jobs", "1"]) == 0
    assert "(marked fragile)" in capsys.readouterr().out


def test_cli_table_and_json(toy_registry, capsys):
    assert cli.main(["--only", "99", "--seed-base", "3", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "99-steady" in out and "2 verdicts at seed base 3" in out
    assert cli.main(["--only", "99", "--json", "--jobs", "1"]) == 0
    data = json.loads(capsys.readouterr().out.split("\n2 verdicts")[0])
    assert data["99-steady"]["kind"] == "beats" and data["99-steady"]["n"] == 20


def test_register_refuses_an_id_outside_its_chapter():
    with pytest.raises(ValueError, match="must start"):
        verdicts.register("03-x", chapter="04", question="q")


def test_null_histogram_is_a_picture_with_alt_text():
    v = verdicts.Verdict(**{k: getattr(verdicts.permutation(3.0, np.arange(1000) / 500), k)
                            for k in core.Result.__dataclass_fields__},
                         id="99-x", chapter="99", question="Is it beyond chance?")
    picture = verdicts.null_histogram(v)
    assert picture.png.startswith(b"\x89PNG") and "observed value 3.00" in picture.alt


# ------------------------------------------------------------------ what readers see
def _stored():
    return verdicts.stored_all()


def test_every_stored_verdict_is_registered_and_every_registered_one_stored():
    registered, stored = set(verdicts.registry()), set(_stored())
    assert registered - stored == set(), "run `python -m snb.verdicts --store`"
    assert stored - registered == set(), "stored verdicts no longer registered"


def _notebooks():
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))


SHOW = re.compile(r"""verdicts\.(?:show|stored)\(\s*["']([0-9]{2}-[\w-]+)["']""")


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.name)
def test_pages_name_only_stored_verdicts_and_agree_with_their_kind(path):
    nb = nbformat.read(path, as_version=4)
    stored = _stored()
    for cell in nb.cells:
        for id in SHOW.findall(cell.source):
            assert id in stored, f"{path.name} shows verdict {id}, which is not stored"
        meta = cell.metadata.get("snb", {})
        if "verdict" in meta:
            id, expects = meta["verdict"], meta.get("expects")
            assert id in stored, f"{path.name}: a cell interprets unknown verdict {id}"
            assert stored[id].kind == expects, (
                f"{path.name}: the prose reads verdict {id} as {expects!r}, "
                f"but it is {stored[id].kind!r}: {stored[id].label}")


@pytest.mark.parametrize("path", sorted((ROOT / "snb" / "data").glob("quiz-*.json")),
                         ids=lambda p: p.name)
def test_quiz_answers_agree_with_their_verdicts(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    stored = _stored()
    for q in data["questions"]:
        question = quiz._question(q)
        if question.verdict:
            assert question.verdict in stored, f"{path.name}: unknown verdict {question.verdict}"
            assert stored[question.verdict].kind == question.expects, (
                f"{path.name}: {question.prompt[:60]!r} rests on {question.verdict}, which is "
                f"{stored[question.verdict].kind!r}, not {question.expects!r}")


ROLE = re.compile(r"\{verdict\}`([0-9]{2}-[\w-]+)(?::\w+)?`")


def test_guides_name_only_stored_verdicts():
    stored = _stored()
    for path in sorted((ROOT / "book").rglob("*.md")):
        for id in ROLE.findall(path.read_text(encoding="utf-8")):
            assert id in stored, f"{path.relative_to(ROOT)} prints unknown verdict {id}"
