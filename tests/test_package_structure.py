"""The package's shape: no import cycle, no private names across modules, one way to each model.

The import graph is read from the source (``ast``), with every import of an ``snb``
module counted wherever it stands (top of the file or inside a function), so an
import moved into a function cannot hide a cycle. A name imported from a package
(``from snb.models import market_edges``) counts as an import of the module that
defines it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import snb
from snb import models

PACKAGE = Path(snb.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, tuple[Path, ast.Module]]:
    return {_module_name(p): (p, ast.parse(p.read_text(encoding="utf-8"), str(p)))
            for p in sorted(PACKAGE.rglob("*.py"))}


SOURCES = _sources()


def _defined_at_top(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


DEFINED = {name: _defined_at_top(tree) for name, (_, tree) in SOURCES.items()}


def _target(package: str, name: str) -> str:
    """The module that ``from package import name`` loads."""
    if f"{package}.{name}" in SOURCES:
        return f"{package}.{name}"
    owners = [m for m in SOURCES if m.startswith(package + ".") and m.count(".") == package.count(".") + 1
              and name in DEFINED[m]]
    return owners[0] if len(owners) == 1 else package


def _imports(module: str) -> list[tuple[ast.stmt, str, list[str]]]:
    """(statement, imported module, names) for every import of an snb module in ``module``."""
    return _imports_in(SOURCES[module][1])


def _imports_in(tree: ast.Module) -> list[tuple[ast.stmt, str, list[str]]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node, a.name, []) for a in node.names if a.name.split(".")[0] == "snb"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "snb":
            found.append((node, node.module, [a.name for a in node.names]))
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the snb modules it imports (anywhere in its source)."""
    graph: dict[str, set[str]] = {m: set() for m in SOURCES}
    for module in SOURCES:
        for _, target, names in _imports(module):
            if not names:
                graph[module].add(target)
            for name in names:
                graph[module].add(_target(target, name))
        graph[module].discard(module)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of ``graph`` as a path of modules, or ``[]`` when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_cycle_finder_finds_a_cycle_and_accepts_a_tree():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_the_graph_sees_imports_inside_functions_and_names_from_packages():
    graph = import_graph()
    assert "snb.models.growth" in graph["snb.draw"]          # from snb.models.growth import market_edges
    assert "snb.tables" in graph["snb.assumptions"]
    assert _target("snb.models", "market_edges") == "snb.models.growth"
    assert _target("snb.models", "brokerage") == "snb.models.brokerage"


def test_the_package_has_no_import_cycle():
    assert find_cycle(import_graph()) == []


def test_an_import_inside_a_function_counts_in_the_graph():
    """An import moved into a function to dodge a cycle still closes the cycle here (imports
    inside functions are allowed only for their cost, e.g. scipy, and never hide a cycle)."""
    tree = ast.parse("import os\n\ndef f():\n    from snb.draw import Picture\n    import snb.stats\n")
    assert [(target, names) for _, target, names in _imports_in(tree)] == [("snb.draw", ["Picture"]),
                                                                          ("snb.stats", [])]


def test_no_module_imports_another_modules_private_name():
    private = []
    for module, (path, tree) in SOURCES.items():
        for node, target, names in _imports(module):
            private += [f"{module}:{node.lineno} {target}.{n}" for n in names if n.startswith("_")
                        and not n.startswith("__")]
        # module._name, where module is an snb module imported under that name
        aliases = {a.asname or a.name.split(".")[-1] for node, target, names in _imports(module)
                   for a in node.names if f"{target}.{a.name}" in SOURCES or isinstance(node, ast.Import)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                    and node.attr.startswith("_") and not node.attr.startswith("__")):
                private.append(f"{module}:{node.lineno} {node.value.id}.{node.attr}")
    assert private == [], private


#: Every model module; ``outreach`` is reached as ``snb.models.outreach`` only by ``import``: the
#: name ``models.outreach`` is its main function, which the lessons call.
MODEL_MODULES = sorted(m.rsplit(".", 1)[1] for m in SOURCES
                       if m.startswith("snb.models.") and m != "snb.models.outreach")


@pytest.mark.slow  # a fresh interpreter per model module: make slow-test, not make unit
def test_every_model_module_is_reached_one_way_in_a_fresh_interpreter():
    """``from snb.models import X`` works first thing in a new process, and ``models.X`` is that module."""
    code = ("import importlib, sys\n"
            "names = sys.argv[1:]\n"
            "for name in names:\n"
            "    exec(f'from snb.models import {name} as found')\n"
            "    assert found is importlib.import_module(f'snb.models.{name}'), name\n"
            "print(len(names))\n")
    for name in MODEL_MODULES:  # each one first, in a process of its own
        done = subprocess.run([sys.executable, "-c", code, name], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert "reference" in MODEL_MODULES


@pytest.mark.parametrize("name", ["brokerage", "knowledge_value", "diffusion", "reference"])
def test_a_model_module_is_an_attribute_of_models_without_importing_it_first(name):
    code = f"from snb import models; import types; assert isinstance(models.{name}, types.ModuleType)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_models_lists_every_model_module():
    assert set(MODEL_MODULES) <= set(dir(models))


def test_importing_snb_gives_blas_one_thread_unless_told_otherwise():
    """snb sets each BLAS_THREADS variable to 1 before numpy loads its BLAS, and keeps a
    value the user set."""
    import os

    code = "import os, snb; print([os.environ[v] for v in snb.BLAS_THREADS])"
    env = {k: v for k, v in os.environ.items() if k not in snb.BLAS_THREADS}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(["1"] * len(snb.BLAS_THREADS))
    env["OPENBLAS_NUM_THREADS"] = "2"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.stdout.strip().startswith("['2', '1'"), done.stderr
    assert snb.BLAS_THREADS[0] == "OPENBLAS_NUM_THREADS"


#: Standard-library modules added after Python 3.10, the oldest Python the README promises
#: (pyproject.toml: requires-python >= 3.10). 3.11 added tomllib; 3.12 and 3.13 added none.
NEWER_THAN_310 = {"tomllib"}


def _unguarded_imports(tree: ast.Module) -> set[str]:
    """Top-level modules imported outside a ``try`` that catches ImportError or
    ModuleNotFoundError (a fallback such as ``import tomli as tomllib``)."""
    guarded: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                for h in node.handlers):
            guarded |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in guarded:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")) + sorted((PACKAGE.parent / "tools").glob("*.py"))
                         + sorted((PACKAGE.parent / "book" / "_ext").glob("*.py")),
                         ids=lambda p: p.relative_to(PACKAGE.parent).as_posix())
def test_code_runs_on_python_3_10(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path), feature_version=(3, 10))
    newer = _unguarded_imports(tree) & NEWER_THAN_310
    assert not newer, f"{sorted(newer)} is not in Python 3.10: import it with a fallback"


def test_the_python_3_10_check_finds_an_unguarded_import():
    plain = ast.parse("import tomllib\n")
    guarded = ast.parse("try:\n    import tomllib\nexcept ModuleNotFoundError:\n    import tomli as tomllib\n")
    assert _unguarded_imports(plain) == {"tomllib"}
    assert _unguarded_imports(guarded) == {"tomli"}
