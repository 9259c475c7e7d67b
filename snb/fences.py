r"""MyST directive fences in a markdown cell (``:::{exercise-start} ...``, ```` ```{admonition} ````).

One pattern, shared by :mod:`snb.exercisegen` (which splits solutions into exercises) and
:mod:`snb.progress` (which lists a chapter's exercises), in a module of its own so that
recording a check does not import the notebook machinery.

Examples
--------
>>> m = FENCE.search(":::{exercise-start} Team basics\n:label: ex-01-1\n:::\n")
>>> m["name"], m["arg"].strip(), m["body"]
('exercise-start', 'Team basics', ':label: ex-01-1\n')
"""

from __future__ import annotations

import re

__all__ = ["FENCE"]

#: A fence: ``name`` (the directive), ``arg`` (the rest of its first line) and ``body``.
FENCE = re.compile(r"^(`{3,}|:{3,})\{(?P<name>[a-z-]+)\}(?P<arg>[^\n]*)\n(?P<body>.*?)^\1[ \t]*$\n?",
                   re.MULTILINE | re.DOTALL)
