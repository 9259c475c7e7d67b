"""The maintenance scripts in tools/ stay in step with the package."""

import inspect
from pathlib import Path

import nbformat
import pytest
from helpers import load_tool

ROOT = Path(__file__).resolve().parents[1]


load = load_tool


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
    cell = nbformat.v4.new_code_cell("draw()", metadata={
        "execution": {"iopub.status.busy": "2026-01-01T00:00:00Z"}, "mystnb": {"image": {"alt": "old"}}})
    meta = {"image/png": {"alt": alt}} if alt else {}
    cell.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "AAAA"}, metadata=meta)]
    nb = nbformat.v4.new_notebook(cells=[cell])
    execute.tidy(nb)
    assert "execution" not in cell.metadata
    if alt:
        assert cell.metadata["mystnb"]["image"]["alt"] == alt
    else:
        assert "mystnb" not in cell.metadata, "stale alt text must not survive a picture without one"


def test_execute_tidy_joins_a_stream_split_by_timing():
    execute = load("execute_notebooks")
    out = nbformat.v4.new_output
    cell = nbformat.v4.new_code_cell("print(1); print(2)")
    cell.outputs = [out("stream", name="stdout", text="1\n"), out("stream", name="stdout", text="2\n"),
                    out("stream", name="stderr", text="warning\n"), out("stream", name="stdout", text="3\n"),
                    out("display_data", data={"text/plain": "x"}), out("stream", name="stdout", text="4\n")]
    execute.tidy(nbformat.v4.new_notebook(cells=[cell]))
    assert [(o.output_type, o.get("name"), o.get("text")) for o in cell.outputs] == [
        ("stream", "stdout", "1\n2\n"), ("stream", "stderr", "warning\n"), ("stream", "stdout", "3\n"),
        ("display_data", None, None), ("stream", "stdout", "4\n")]


def _widget_notebook(ids: list[str], stale: str) -> nbformat.NotebookNode:
    """A notebook showing one VBox (ids[0]) holding a slider (ids[1]) with a layout (ids[2])."""
    def model(name, **state):
        return {"model_module": "@jupyter-widgets/controls", "model_name": name, "state": state}

    vbox, slider, layout = ids
    state = {vbox: model("VBoxModel", children=[f"IPY_MODEL_{slider}"]),
             slider: model("FloatSliderModel", layout=f"IPY_MODEL_{layout}", value=0.5),
             layout: model("LayoutModel", width="100%"),
             stale: model("LayoutModel", width="1px")}
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("explorer", id="explorer-cell")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": vbox, "version_major": 2}})]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": state}}
    return nb


def test_saved_widget_state_is_stable_and_drops_stale_models():
    execute = load("execute_notebooks")
    runs = []
    for seed in ("a", "b"):
        ids = [(seed * 32)[:31] + str(i) for i in range(4)]
        nb = _widget_notebook(ids[:3], ids[3])
        execute.stabilise_widgets(nb, "01-x.ipynb")
        runs.append(nbformat.writes(nb))
    assert runs[0] == runs[1], "two runs with different random ids must store the same notebook"
    nb = nbformat.reads(runs[0], as_version=4)
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert len(state) == 3, "the model no widget uses is dropped"
    root = nb.cells[0].outputs[0]["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
    assert state[root]["model_name"] == "VBoxModel"
    slider = state[root]["state"]["children"][0].removeprefix("IPY_MODEL_")
    assert state[slider]["state"]["layout"].removeprefix("IPY_MODEL_") in state


def test_book_build_reads_notebooks_without_the_slow_optional_import(tmp_path):
    """rfc3987-syntax compiles 38 grammars when imported (1.5 s a process); the build
    leaves it out, and nbformat still validates: a broken notebook is still refused."""
    import subprocess
    import sys

    good, bad = tmp_path / "good.ipynb", tmp_path / "bad.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), good)
    bad.write_text('{"cells": [{"cell_type": "code"}], "nbformat": 4, "nbformat_minor": 5, "metadata": {}}')
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import book_build, nbformat\n"
        "assert sys.modules['rfc3987_syntax'] is None\n"
        "nbformat.validate(nbformat.read(sys.argv[2], as_version=4))\n"
        "try:\n    nbformat.validate(nbformat.read(sys.argv[3], as_version=4))\n"
        "except nbformat.ValidationError:\n    print('refused')\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(ROOT / "tools"), str(good), str(bad)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "refused"


def test_book_build_starts_jupyter_book_in_this_python():
    import subprocess
    import sys

    command = load("book_build").JUPYTER_BOOK
    run = subprocess.run([sys.executable, "-c", command, "--version"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Jupyter Book" in run.stdout and "1." in run.stdout


def test_benchmark_page_verdict_uses_the_median_of_the_runs(monkeypatch, capsys):
    import argparse

    benchmark = load("benchmark")
    page = ROOT / "notebooks" / "01-network-society.ipynb"
    runs = iter([(3.0, 1.5), (9.0, 4.0), (3.5, 1.8)])  # one slow spell among three runs
    monkeypatch.setattr(benchmark, "book_pages", lambda: [page])
    monkeypatch.setattr(benchmark.Path, "glob", lambda self, pattern: iter(()))
    monkeypatch.setattr(benchmark, "time_notebook", lambda path: next(runs))
    monkeypatch.setattr(benchmark.subprocess, "run", lambda *a, **k: None)
    benchmark.time_pages(argparse.Namespace(repeat=3, no_build=True, tests=False, only=None))
    line = next(x for x in capsys.readouterr().out.splitlines() if "01-network-society" in x)
    assert "cells  1.80 s (1.50-4.00)" in line and "kernel start   3.5 s" in line
    assert "within budget" in line


def test_benchmark_pages_can_be_limited_to_some_chapters(monkeypatch, capsys):
    import argparse

    benchmark = load("benchmark")
    pages = [ROOT / "notebooks" / "01-network-society.ipynb", ROOT / "notebooks" / "02-2-newcomers.ipynb",
             ROOT / "notebooks" / "03-value-networks.ipynb"]
    timed = []
    monkeypatch.setattr(benchmark, "book_pages", lambda: pages)
    monkeypatch.setattr(benchmark.Path, "glob", lambda self, pattern: iter(()))
    monkeypatch.setattr(benchmark, "time_notebook", lambda path: timed.append(path.name) or (2.0, 1.0))
    monkeypatch.setattr(benchmark.subprocess, "run", lambda *a, **k: None)
    benchmark.time_pages(argparse.Namespace(repeat=1, no_build=True, tests=False, only=["02", "03"]))
    assert timed == ["02-2-newcomers.ipynb", "03-value-networks.ipynb"]
    assert "01-network-society" not in capsys.readouterr().out
