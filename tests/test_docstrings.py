"""Every snb function or class a notebook calls has a numpydoc docstring with a doctested example.

The list comes from the notebooks themselves (tools/notebook_api.py reads their code cells with
ast and imports what they call), so a new call in a lesson brings its function under this test.
The examples run as doctests in ``make unit`` (``pytest --doctest-modules snb``).
"""

from __future__ import annotations

import doctest
import inspect
import re

import pytest
from helpers import load_tool

notebook_api = load_tool("notebook_api")
CALLED = notebook_api.called_objects()

#: Objects whose docstring may leave out the Examples section, each with its reason. Kept short:
#: an example is possible for nearly everything, and each entry here must say why not.
NO_EXAMPLES: dict[str, str] = {}


def sections(doc: str) -> dict[str, str]:
    """numpydoc sections of ``doc``: heading -> body (a heading is a line underlined with dashes)."""
    parts = re.split(r"^(\w[\w ]*)\n-{3,}\n", doc, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def documented_names(body: str) -> set[str]:
    """Parameter names in a Parameters section: ``name : type`` or ``a, b : type`` lines at the margin."""
    names = set()
    for line in body.splitlines():
        if line and not line[0].isspace():
            for name in line.split(":")[0].split(","):
                names.add(name.strip().lstrip("*"))
    return names


def signature_names(obj) -> list[str]:
    """The parameters a caller can pass (``self`` and ``cls`` left out)."""
    try:
        params = inspect.signature(obj).parameters
    except (TypeError, ValueError):
        return []
    return [name for name in params if name not in ("self", "cls")]


def test_the_notebooks_call_many_snb_functions():
    # the tool found the calls (a broken resolver would list nothing and pass every test below)
    assert len(CALLED) > 150
    assert "snb.draw.network" in CALLED and "snb.models.diffusion.independent_cascade" in CALLED


def test_allow_list_names_only_called_objects():
    assert set(NO_EXAMPLES) <= set(CALLED), set(NO_EXAMPLES) - set(CALLED)
    assert all(reason.strip() for reason in NO_EXAMPLES.values())


def problems_of(obj, examples: bool = True) -> list[str]:
    """What ``obj``'s docstring lacks of a numpydoc docstring with a doctested example."""
    doc = inspect.getdoc(obj) or ""
    found = sections(doc)
    problems = []
    lines = doc.strip().splitlines()
    if not lines or lines[0].startswith(("Parameters", "---")) or (len(lines) > 1 and lines[1].strip()):
        problems.append("no one-line summary")
    params = signature_names(obj)
    if params:
        if "Parameters" not in found:
            problems.append("no Parameters section")
        else:
            missing = set(params) - documented_names(found["Parameters"])
            if missing:
                problems.append(f"Parameters does not describe {sorted(missing)}")
    if not inspect.isclass(obj) and not ({"Returns", "Yields"} & set(found)):
        problems.append("no Returns or Yields section")
    if examples:
        if "Examples" not in found:
            problems.append("no Examples section")
        elif not any(ex.want.strip() for ex in doctest.DocTestParser().get_examples(found["Examples"])):
            problems.append("Examples has no doctest with an expected output")
    elif "Examples" in found:
        problems.append("has Examples: take it off the allow-list")
    return problems


def test_the_checker_finds_what_is_missing():
    def complete(G, k=1):
        """Count.

        Parameters
        ----------
        G : networkx.Graph
            The network.
        k : int, default 1
            Steps.

        Returns
        -------
        int
            A count.

        Examples
        --------
        >>> complete(None)
        1
        """

    def no_example(G):
        """Count.

        Parameters
        ----------
        G : networkx.Graph
            The network.

        Returns
        -------
        int
            A count.

        Examples
        --------
        >>> no_example(None)
        """

    def half(G, k):
        """Count the ties
        of a network.

        Parameters
        ----------
        G : networkx.Graph
            The network.
        """

    assert problems_of(complete) == []
    assert problems_of(no_example) == ["Examples has no doctest with an expected output"]
    assert problems_of(half) == ["no one-line summary", "Parameters does not describe ['k']",
                                 "no Returns or Yields section", "no Examples section"]
    assert problems_of(complete, examples=False) == ["has Examples: take it off the allow-list"]


@pytest.mark.parametrize("name", sorted(CALLED))
def test_numpydoc_docstring(name):
    obj, where = CALLED[name]
    problems = problems_of(obj, examples=name not in NO_EXAMPLES)
    assert not problems, f"{name} (called in {where[0]}): {'; '.join(problems)}"
