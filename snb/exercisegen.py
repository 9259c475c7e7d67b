"""Generate learner notebooks (``exercises/``) from worked solutions (``solutions/``).

The solution notebook is the one source. It is a book page: each exercise is a
gated sphinx-exercise block, and its worked answer a collapsed solution::

    ```{exercise-start} Two-step reach        <- markdown cell, prompt follows
    :label: ex-01-reach
    ```
    ... code cells the learner is given ...
    ```{exercise-end}
    ```
    ```{solution-start} ex-01-reach
    :class: dropdown
    ```
    # BEGIN SOLUTION                            <- code cell
    reach = ...worked code...
    # END SOLUTION
    check_two_step_reach(reach)
    ```{solution-end}
    ```

The learner copy turns each ``exercise-start`` cell into a numbered heading,
drops the directive-only cells and any markdown inside a solution, cells tagged
``solution-only``, and all outputs, and replaces each ``BEGIN/END SOLUTION``
block with a placeholder: ``name = ...`` for every name the block assigns,
``def f(...): return ...`` for every function it defines. Check calls stay,
so an untouched workbook runs top to bottom and says "not answered yet".

Run ``python -m snb.exercisegen`` to regenerate, ``--check`` to fail when stale.
"""

from __future__ import annotations

import argparse
import ast
import copy
import re
import sys
import textwrap
from pathlib import Path

import nbformat

from snb.fences import FENCE
from snb.files import write_text

__all__ = ["placeholder_for", "strip_solutions", "make_exercise_notebook", "render", "main"]

BEGIN, END = "# BEGIN SOLUTION", "# END SOLUTION"
_GATES = {"exercise-start", "exercise-end", "solution-start", "solution-end"}
_PROMPT = "  # <- replace ... with your answer"


def placeholder_for(block: str, used_after: str | None = None) -> str:
    """The learner's placeholder for one solution block (dedented Python source).

    When ``used_after`` (the rest of the cell) is given and mentions some of the
    names the block assigns, only those get a placeholder: helper variables of
    the worked answer stay out of the learner's way.
    """
    tree = ast.parse(block)
    assigned: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name) and name.id not in assigned:
                        assigned.append(name.id)
    if used_after is not None:
        used = [n for n in assigned if re.search(rf"\b{re.escape(n)}\b", used_after)]
        assigned = used or assigned
    lines = [f"{name} = ..." for name in assigned]
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stub = copy.deepcopy(node)
            doc = ast.get_docstring(node)
            stub.body = ([ast.Expr(ast.Constant(doc))] if doc else []) + [ast.Return(ast.Constant(...))]
            lines.extend(ast.unparse(stub).splitlines())
    if not lines:
        return "# your code here"
    lines[0] += _PROMPT
    return "\n".join(lines)


def strip_solutions(source: str) -> str:
    """Replace every ``BEGIN SOLUTION`` ... ``END SOLUTION`` block in a code cell."""
    out: list[str] = []
    lines = source.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() != BEGIN:
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        try:
            j = next(k for k in range(i + 1, len(lines)) if lines[k].strip() == END)
        except StopIteration:
            raise ValueError(f"'{BEGIN}' without '{END}' in:\n{source}") from None
        block = textwrap.dedent("\n".join(lines[i + 1: j]))
        rest = "\n".join(lines[j + 1:])
        out.extend(indent + p for p in placeholder_for(block, rest).splitlines())
        i = j + 1
    return "\n".join(out)


_LABEL = re.compile(r"^:label:\s*(\S+)", re.MULTILINE)


def _pieces(cell_source: str) -> list[tuple[str, str, str, str]]:
    """Split a markdown cell into text and gated directives, in order.

    Returns ``("text", text, "", "")`` and ``("gate", name, argument, label)`` items.
    """
    pieces: list[tuple[str, str, str, str]] = []
    at = 0
    for m in FENCE.finditer(cell_source):
        if m["name"] not in _GATES:
            continue
        pieces.append(("text", cell_source[at: m.start()], "", ""))
        label = _LABEL.search(m["body"])
        pieces.append(("gate", m["name"], m["arg"].strip(), label.group(1) if label else ""))
        at = m.end()
    pieces.append(("text", cell_source[at:], "", ""))
    return [p for p in pieces if p[0] == "gate" or p[1].strip()]


def make_exercise_notebook(nb: nbformat.NotebookNode, chapter: int, source_name: str) -> nbformat.NotebookNode:
    """The learner copy of a solution notebook (a new object; ``nb`` is untouched)."""
    out = copy.deepcopy(nb)
    cells = []
    in_solution = False
    number = 0
    exercise = ""  # the label of the exercise the cells belong to (workbook merges use it)
    for cell in out.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if "solution-only" in tags:
            continue
        if cell.cell_type == "markdown":
            kept: list[str] = []
            for kind, value, argument, label in _pieces(cell.source):
                if kind == "text":
                    if not in_solution:
                        kept.append(value.strip())
                elif value == "exercise-start":
                    number += 1
                    exercise = label or f"ex-{chapter:02d}-{number}"
                    cell.metadata["snb"] = {"exercise": exercise, "role": "prompt"}
                    kept.append(f"### Exercise {chapter}.{number}" + (f": {argument}" if argument else ""))
                elif value in ("solution-start", "solution-end"):
                    in_solution = value == "solution-start"
            if not kept:
                continue
            cell.source = "\n\n".join(kept)
        elif cell.cell_type == "code":
            if exercise:
                role = "answer" if BEGIN in cell.source else "given"
                cell.metadata["snb"] = {"exercise": exercise, "role": role}
            cell.source = strip_solutions(cell.source)
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        cells.append(cell)
    intro = nbformat.v4.new_markdown_cell(
        "**Your workbook.** Replace each `...` with your answer and run the cell: the check "
        "below it says whether the answer is right, and gives a hint when it is not. "
        f"Worked solutions are in `{source_name}` and, collapsed, in the book."
    )
    intro.id = "workbook-intro"
    # after the title (the first markdown cell; an install cell may come before it)
    title = next((i for i, c in enumerate(cells) if c.cell_type == "markdown"), 0) + 1
    out.cells = cells[:title] + [intro] + cells[title:]
    out.metadata.pop("widgets", None)  # saved widget state belongs to the executed solutions
    out.metadata["snb"] = {"generated_from": source_name,
                           "do_not_edit": "edit the solution notebook, then run `make exercises`"}
    return out


def render(solution_path: Path) -> str:
    """The exact text of the learner notebook for ``solution_path``."""
    nb = nbformat.read(solution_path, as_version=4)
    chapter = int(solution_path.name.split("-", 1)[0])
    learner = make_exercise_notebook(nb, chapter, f"solutions/{solution_path.name}")
    return nbformat.writes(learner) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Regenerate ``exercises/`` from ``solutions/`` (or only check with ``--check``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the course folder")
    parser.add_argument("--check", action="store_true", help="exit 1 if any exercise notebook is stale")
    args = parser.parse_args(argv)
    stale = []
    for solution in sorted((args.root / "solutions").glob("[0-9][0-9]-*.ipynb")):
        target = args.root / "exercises" / solution.name
        text = render(solution)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(target)
        if not args.check:
            target.parent.mkdir(exist_ok=True)
            write_text(target, text)  # whole or not at all, never through a link
            print(f"wrote {target.relative_to(args.root)}")
    if args.check and stale:
        names = ", ".join(str(t.relative_to(args.root)) for t in stale)
        print(f"stale exercise notebooks: {names}\nrun `make exercises` to regenerate them "
              "(learners: answer in my-work/workbooks/, not in exercises/; `make workspace`).")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
