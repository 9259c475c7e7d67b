"""Carry a learner's answers into a new version of their workbook.

When the course changes a workbook (a ``git pull`` brings a new ``exercises/NN-*.ipynb``),
the learner's copy in ``my-work/workbooks/`` still holds their answers. :func:`merge`
builds the new workbook with those answers carried into every exercise whose question did
not change, and the new version of the others. Exercises are matched by their id (cell
metadata ``snb.exercise``, written by :mod:`snb.exercisegen`), or, for copies made before
ids existed, by the exercise's title.

An exercise's *question* is its prompt (markdown cells) and the code it gives (cells with
role ``given``); the learner's answer cells and any cells they added are theirs. When the
question is unchanged, the learner's cells of that exercise are kept as they are (under
the new heading, whose number may have moved); otherwise the new exercise comes fresh,
and the learner's old cells stay in the backup the caller keeps.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

import nbformat

__all__ = ["Merge", "segments", "merge"]

_HEADING = re.compile(r"^#{2,4}\s+Exercise\s+\d+\.\d+(?::\s*(?P<title>.*))?$", re.MULTILINE)


@dataclass
class Merge:
    """The merged workbook and what happened to each exercise (by its heading)."""

    notebook: nbformat.NotebookNode
    carried: list[str] = field(default_factory=list)
    fresh: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _key(cell: nbformat.NotebookNode) -> str | None:
    """The exercise a heading cell starts (its id, else its title), or None."""
    if cell.cell_type != "markdown":
        return None
    meta = cell.get("metadata", {}).get("snb", {})
    if isinstance(meta, dict) and meta.get("role") == "prompt" and meta.get("exercise"):
        return str(meta["exercise"])
    found = _HEADING.search(cell.source)
    return f"title:{(found.group('title') or '').strip()}" if found else None


def _title(cell: nbformat.NotebookNode) -> str:
    found = _HEADING.search(cell.source)
    return found.group(0).lstrip("#").strip() if found else cell.source.splitlines()[0]


def segments(nb: nbformat.NotebookNode) -> tuple[list, list[tuple[str, str, list]]]:
    """(cells before the first exercise, [(key, title, cells of the exercise)])."""
    intro: list = []
    parts: list[tuple[str, str, list]] = []
    for cell in nb.cells:
        key = _key(cell)
        if key is not None:
            parts.append((key, _title(cell), [cell]))
        elif parts:
            parts[-1][2].append(cell)
        else:
            intro.append(cell)
    return intro, parts


def _unchanged(old: list, new: list) -> bool:
    """True when the course asks the same in ``new`` as in the learner's ``old`` cells.

    The heading's words (not its number) and every cell the course gives, that is each
    prompt cell and each cell of given code of ``new``, must be in ``old`` with the same
    text (cells are matched by their id, which the course keeps from version to version).
    Cells the learner added, and their answers, do not count.
    """
    strip = lambda cell: _HEADING.sub("", cell.source).strip()  # noqa: E731
    if strip(old[0]) != strip(new[0]):
        return False
    mine = {c.get("id"): c for c in old[1:] if c.get("id")}
    for cell in new[1:]:
        role = cell.get("metadata", {}).get("snb", {}).get("role")
        if role == "answer":
            continue
        if cell.cell_type == "code" and role != "given":
            continue
        theirs = mine.get(cell.get("id"))
        if theirs is None or theirs.source.strip() != cell.source.strip():
            return False
    return True


def merge(learner: nbformat.NotebookNode, course: nbformat.NotebookNode) -> Merge:
    """The course's new workbook with the learner's answers where the question is unchanged."""
    _, mine = segments(learner)
    intro, theirs = segments(course)
    by_key = {key: (title, cells) for key, title, cells in mine}
    by_title = {title.split(":", 1)[-1].strip(): (title, cells) for _, title, cells in mine}
    out = copy.deepcopy(course)
    cells = [copy.deepcopy(c) for c in intro]
    result = Merge(out)
    used: set[str] = set()
    for key, title, new_cells in theirs:
        found = by_key.get(key) or by_title.get(title.split(":", 1)[-1].strip())
        if found is None:
            cells += [copy.deepcopy(c) for c in new_cells]
            result.new.append(title)
            continue
        used.add(found[0])
        if _unchanged(found[1], new_cells):
            # the new heading (its number may have moved), then the learner's own cells
            cells += [copy.deepcopy(new_cells[0])] + [copy.deepcopy(c) for c in found[1][1:]]
            result.carried.append(title)
        else:
            cells += [copy.deepcopy(c) for c in new_cells]
            result.fresh.append(title)
    result.dropped = [t for _, t, _ in mine if t not in used]
    out.cells = cells
    return result
