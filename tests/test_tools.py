"""The maintenance scripts in tools/ stay in step with the package."""

import importlib.util
import inspect
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]


def load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_settings_are_arguments_of_the_render_functions():
    benchmark = load("benchmark")
    assert benchmark.EXPLORERS
    for name, (render, settings) in benchmark.EXPLORERS.items():
        accepted = set(inspect.signature(render).parameters)
        for kwargs in settings:
            assert set(kwargs) <= accepted, f"{name}: {set(kwargs) - accepted} not accepted by {render.__name__}"


def test_benchmark_lists_every_book_page_notebook():
    pages = {p.relative_to(ROOT).as_posix() for p in load("benchmark").book_pages()}
    assert {"notebooks/01-network-society.ipynb", "notebooks/01-2-reach-and-cascades.ipynb",
            "notebooks/01-3-ways-of-adapting.ipynb", "notebooks/01-4-when-adapting-pays.ipynb",
            "solutions/01-network-society.ipynb"} <= pages


@pytest.mark.parametrize("alt", ["a drawing", None])
def test_execute_tidy_copies_alt_text_and_drops_timings(alt):
    execute = load("execute_notebooks")
    cell = nbformat.v4.new_code_cell("draw()", metadata={"execution": {"iopub.status.busy": "2026-01-01T00:00:00Z"}, "mystnb": {"image": {"alt": "old"}}})
    meta = {"image/png": {"alt": alt}} if alt else {}
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "AAAA"}, metadata=meta)]
    nb = nbformat.v4.new_notebook(cells=[cell])
    execute.tidy(nb)
    assert "execution" not in cell.metadata
    if alt:
        assert cell.metadata["mystnb"]["image"]["alt"] == alt
    else:
        assert "mystnb" not in cell.metadata, "stale alt text must not survive a picture without one"
