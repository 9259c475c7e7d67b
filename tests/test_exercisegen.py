"""The learner notebooks are generated from the worked solutions, and must be current."""

from pathlib import Path

import nbformat
import pytest

from snb import exercisegen

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]-*.ipynb"))


def test_there_are_solution_notebooks():
    assert SOLUTIONS, "no solutions/NN-*.ipynb found"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_exercise_notebook_is_current(solution):
    target = ROOT / "exercises" / solution.name
    assert target.exists(), f"{target.name} missing: run `make exercises`"
    assert target.read_text(encoding="utf-8") == exercisegen.render(solution), (
        f"exercises/{solution.name} differs from what solutions/{solution.name} generates. "
        "Learners: exercises/ holds the course's templates; answer in your own copy in "
        "my-work/workbooks/ (`make workspace` copies your answers there; then "
        "`git checkout exercises/`). Authors: run `make exercises`.")


def test_check_mode_reports_stale_files(tmp_path, capsys):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "exercises").mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"),
                                         nbformat.v4.new_code_cell("# BEGIN SOLUTION\nx = 1\n# END SOLUTION\nx")])
    nbformat.write(nb, tmp_path / "solutions" / "01-t.ipynb")
    assert exercisegen.main(["--root", str(tmp_path), "--check"]) == 1
    assert "stale" in capsys.readouterr().out
    assert exercisegen.main(["--root", str(tmp_path)]) == 0
    assert exercisegen.main(["--root", str(tmp_path), "--check"]) == 0


@pytest.mark.parametrize("block, used_after, expected", [
    ("x = 1", None, "x = ...  # <- replace ... with your answer"),
    ("a, b = 1, 2", "", "a = ...  # <- replace ... with your answer\nb = ..."),
    ("tmp = 3\nanswer = tmp * 2", "check(answer)", "answer = ...  # <- replace ... with your answer"),
    ("total: int = 0\ntotal += 1", None, "total = ...  # <- replace ... with your answer"),
    ("print('hi')", None, "# your code here"),
])
def test_placeholder_for_assignments(block, used_after, expected):
    assert exercisegen.placeholder_for(block, used_after) == expected


def test_placeholder_for_function_keeps_signature_and_docstring():
    block = 'def share(G, k=2):\n    """Share reached."""\n    return len(G) / k'
    stub = exercisegen.placeholder_for(block)
    assert stub.splitlines()[0] == "def share(G, k=2):  # <- replace ... with your answer"
    assert "Share reached." in stub and stub.rstrip().endswith("return ...")
    namespace = {}
    exec(compile(stub, "<stub>", "exec"), namespace)  # the stub itself is the author's code
    assert namespace["share"](None) is ...


def test_strip_solutions_keeps_indentation_and_check_calls():
    src = "def f():\n    # BEGIN SOLUTION\n    y = 2\n    # END SOLUTION\n    return y\ncheck(f())"
    out = exercisegen.strip_solutions(src)
    assert out == "def f():\n    y = ...  # <- replace ... with your answer\n    return y\ncheck(f())"


def test_strip_solutions_rejects_unclosed_block():
    with pytest.raises(ValueError, match="without"):
        exercisegen.strip_solutions("# BEGIN SOLUTION\nx = 1")


def _solution_notebook():
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    return nbformat.v4.new_notebook(cells=[
        md("# Exercises"),
        code("import math"),
        md("```{exercise-start} First one\n:label: ex-a\n```\n\nPrompt A."),
        code("given = 1"),
        md("```{exercise-end}\n```\n\n```{solution-start} ex-a\n:class: dropdown\n```\n\nWhy it works."),
        code("# BEGIN SOLUTION\nanswer = given + 1\n# END SOLUTION\ncheck(answer)", outputs=[]),
        md("Discussion inside the solution."),
        code("show(answer)", metadata={"tags": ["solution-only"]}),
        md("```{solution-end}\n```\n\n```{exercise-start}\n:label: ex-b\n```\nPrompt B."),
        md("```{exercise-end}\n```"),
        md("## To discuss"),
    ])


def test_learner_notebook_structure():
    nb = _solution_notebook()
    nb.cells[5].outputs = [nbformat.v4.new_output("stream", text="secret answer 2")]
    nb.cells[5].execution_count = 3
    learner = exercisegen.make_exercise_notebook(nb, chapter=7, source_name="solutions/07-x.ipynb")
    sources = [c.source for c in learner.cells]
    assert sources[0] == "# Exercises"
    assert "workbook" in sources[1].lower() and "replace each `...`" in sources[1].lower()
    assert "### Exercise 7.1: First one\n\nPrompt A." in sources
    assert "### Exercise 7.2\n\nPrompt B." in sources
    assert "answer = ...  # <- replace ... with your answer\ncheck(answer)" in sources
    joined = "\n".join(sources)
    for leaked in ("Why it works", "Discussion inside", "show(answer)", "given + 1", "{exercise", "{solution"):
        assert leaked not in joined
    assert "## To discuss" in sources
    code = [c for c in learner.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert learner.metadata["snb"]["generated_from"] == "solutions/07-x.ipynb"
    assert nb.cells[5].outputs, "the source notebook must not be modified"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.name)
def test_real_exercise_notebooks_hide_every_answer(solution):
    learner = nbformat.read(ROOT / "exercises" / solution.name, as_version=4)
    text = "\n".join(c.source for c in learner.cells)
    assert "BEGIN SOLUTION" not in text and "{solution" not in text
    assert text.count("### Exercise") >= 3
    assert all(not c.get("outputs") for c in learner.cells if c.cell_type == "code")
