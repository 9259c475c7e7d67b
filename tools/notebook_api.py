"""List every ``snb`` function and class that a notebook calls (lessons, solutions, exercises).

Reads the code cells of ``notebooks/*.ipynb``, ``solutions/*.ipynb`` and ``exercises/*.ipynb``
with :mod:`ast` (IPython lines starting with ``%`` or ``!`` are dropped first), follows the
imports of ``snb`` (``from snb import x``, ``from snb.x import y``, ``import snb.x as z``) and
resolves each called name or attribute chain (``models.diffusion.independent_cascade(...)``,
``draw.network(...)``) to the real object by importing it. A class counts when it is called
(``widgets.CascadeExplorer(...)``) and so does a method called on the class itself
(``tables.Table.from_rows(...)``); methods called on returned values cannot be resolved
without running the notebook and are not listed.

``python tools/notebook_api.py`` prints one line per object: its qualified name and the
notebooks that call it. ``tests/test_docstrings.py`` uses :func:`called_objects`.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import sys
from pathlib import Path
from typing import Any

import nbformat

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("notebooks", "solutions", "exercises")


def notebook_paths(root: Path = ROOT) -> list[Path]:
    """The lesson, solution and exercise notebooks, in a stable order."""
    return sorted(p for folder in FOLDERS for p in (root / folder).glob("*.ipynb"))


def code_of(path: Path) -> str:
    """The notebook's code cells as one Python source (IPython magics and shell lines dropped)."""
    nb = nbformat.read(path, as_version=4)
    cells = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        lines = [line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))]
        cells.append("\n".join(lines))
    return "\n\n".join(cells)


def _imports(tree: ast.AST) -> dict[str, str]:
    """Local name -> dotted path under ``snb`` for every import of snb in ``tree``."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and (
                node.module == "snb" or node.module.startswith("snb.")):
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "snb" or alias.name.startswith("snb."):
                    if alias.asname:
                        names[alias.asname] = alias.name
                    else:
                        names["snb"] = "snb"
    return names


def _chain(node: ast.AST) -> list[str] | None:
    """``a.b.c`` as ``["a", "b", "c"]``; None when the chain does not start at a plain name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *reversed(parts)]


def resolve(dotted: str) -> Any:
    """The object that ``dotted`` (``snb.models.diffusion.independent_cascade``) names."""
    parts = dotted.split(".")
    obj: Any = importlib.import_module(parts[0])
    for i, part in enumerate(parts[1:], start=1):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            obj = importlib.import_module(".".join(parts[: i + 1]))
    return obj


def qualified_name(obj: Any) -> str:
    """``module.QualName`` of a function or class, where it is defined."""
    return f"{obj.__module__}.{obj.__qualname__}"


def calls_in(source: str) -> set[str]:
    """Dotted paths under ``snb`` of every call in ``source`` whose callee is reached from an snb import."""
    tree = ast.parse(source)
    imported = _imports(tree)
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        parts = _chain(node.func)
        if parts and parts[0] in imported:
            found.add(".".join([imported[parts[0]], *parts[1:]]))
    return found


def called_objects(root: Path = ROOT) -> dict[str, tuple[Any, list[str]]]:
    """Qualified name -> (function or class, the notebooks calling it), for every snb callee.

    A dotted path that does not resolve raises (a notebook calling a name snb lacks is a bug
    the notebook tests catch first; here it would hide a function from the docstring test).
    """
    result: dict[str, tuple[Any, list[str]]] = {}
    for path in notebook_paths(root):
        for dotted in calls_in(code_of(path)):
            obj = resolve(dotted)
            obj = getattr(obj, "__func__", obj)  # a classmethod reached from its class
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if not getattr(obj, "__module__", "").startswith("snb"):
                continue
            name = qualified_name(obj)
            where = result.setdefault(name, (obj, []))[1]
            rel = path.relative_to(root).as_posix()
            if rel not in where:
                where.append(rel)
    return dict(sorted(result.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", action="store_true", help="qualified names only, one a line")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    objects = called_objects()
    for name, (_, where) in objects.items():
        more = " ..." if len(where) > 3 else ""
        print(name if args.names else f"{name}  ({len(where)}: {', '.join(where[:3])}{more})")
    if not args.names:
        print(f"{len(objects)} snb functions and classes called from {len(notebook_paths())} notebooks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
