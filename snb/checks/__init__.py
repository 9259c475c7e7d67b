"""Exercise checks that teach, one module per chapter; import them from here.

The shared machinery (:class:`~snb.feedback.Feedback`, :func:`~snb.feedback.teaching_check`,
the validators and the answers :func:`~snb.feedback.correct`, :func:`~snb.feedback.wrong`,
:func:`~snb.feedback.invalid`, :func:`~snb.feedback.unanswered`) lives in :mod:`snb.feedback`;
each chapter's checks and exercise settings in ``snb/checks/chNN.py``.

Every name a chapter module lists in its ``__all__`` is exported from here: a new chapter
only adds its module (``chNN.py`` with an ``__all__``), and no list here needs editing.
"""

import importlib as _importlib
import pkgutil as _pkgutil

from snb.feedback import Feedback, graph_problem, node_set_problem, number_problem, teaching_check

__all__ = ["Feedback", "graph_problem", "node_set_problem", "number_problem", "teaching_check"]

for _info in sorted(_pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _info.name.startswith("ch") and _info.name[2:].isdigit():
        _module = _importlib.import_module(f"{__name__}.{_info.name}")
        for _name in _module.__all__:
            if _name in globals() and globals()[_name] is not getattr(_module, _name):
                raise ImportError(f"snb.checks: {_name} is exported by two chapters")
            globals()[_name] = getattr(_module, _name)
            __all__.append(_name)
del _info, _module, _name
