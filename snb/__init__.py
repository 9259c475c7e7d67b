"""Helper package for the course *Social Networks for Business*.

One purpose per module:

- :mod:`snb.datasets`  real networks with provenance, and seeded synthetic ones
- :mod:`snb.measures`  summary numbers: profile, concentration, two-mode projections
- :mod:`snb.models`    one module per topic model: diffusion, adaptation, growth, outreach;
                       :mod:`snb.models.reference` has each model as a plain loop to read
- :mod:`snb.stats`     results across random seeds: means with 95 % intervals, differences
- :mod:`snb.verdicts`  the registry of every verdict the course states (``make verdicts``)
- :mod:`snb.permutation` permutation tests and QAP: observed values against chance
- :mod:`snb.draw`      one consistent, colour-blind-safe way to draw a network
- :mod:`snb.tables`    tables of numbers (HTML in a notebook, aligned text elsewhere)
- :mod:`snb.widgets`   explorer and builder base classes, and each chapter's widgets
- :mod:`snb.feedback`  the shared machinery of checks: Feedback and validators
- :mod:`snb.checks`    each chapter's exercise checks and settings (``checks/chNN.py``)
- :mod:`snb.exercisegen` learner notebooks generated from worked solutions
"""

import os as _os

__version__ = "0.1.0"

#: Environment variables that give numpy's and scipy's BLAS one thread, unless set already.
#: The course's matrix products are small (at most a few hundred rows), where a second
#: BLAS thread costs more than it saves; and on a shared machine (a class's hub, a CI
#: runner, a laptop with other work) threads that wait for each other by spinning made
#: chapter 1's network profiles take ten times the CPU. BLAS reads them when numpy is
#: first imported, so they apply when ``snb`` is imported before numpy, as on every page.
BLAS_THREADS: tuple[str, ...] = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")

for _name in BLAS_THREADS:
    _os.environ.setdefault(_name, "1")
del _name
