"""The book's index of exercises (book/exercises.md) is generated from the solutions and current."""

import importlib.util
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("exercise_index", ROOT / "tools" / "exercise_index.py")
exercise_index = importlib.util.module_from_spec(spec)
spec.loader.exec_module(exercise_index)


def test_the_index_is_current():
    assert exercise_index.PAGE.read_text(encoding="utf-8") == exercise_index.page(), \
        "book/exercises.md is stale: run `python tools/exercise_index.py` (make exercises does)"


def test_every_solution_exercise_is_listed_with_a_label_and_a_kind():
    for path in sorted((ROOT / "solutions").glob("[0-9]*.ipynb")):
        found = exercise_index.exercises(path)
        assert found, f"{path.name}: no exercises found"
        chapter = int(path.name[:2])
        assert [e["number"] for e in found] == [f"{chapter}.{k}" for k in range(1, len(found) + 1)]
        for e in found:
            assert e["label"] and e["title"] and e["kind"] in exercise_index.KINDS, e
        assert {e["kind"] for e in found} == set(exercise_index.KINDS), f"{path.name}: every kind once at least"


def test_kinds_follow_the_exercise():
    assert exercise_index.kind("Build a check-in network", "x = 1") == "build"
    assert exercise_index.kind("Design it", "") == "build"
    assert exercise_index.kind("Anything", "widgets.NetworkBuilder(check=c)") == "build"
    assert exercise_index.kind("Advise", "for l, t in checks.MERGE_OPTIONS.items(): ...") == "interpret"
    assert exercise_index.kind("Density", "density = nx.density(G)") == "analyse"


def test_the_index_is_in_the_reference_part():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    reference = next(p for p in toc["parts"] if p["caption"] == "Reference")
    assert {"file": "book/exercises"} in reference["chapters"]
