"""Helper package for the course *Social Networks for Business*.

One purpose per module:

- :mod:`snb.datasets`  real networks with provenance, and seeded synthetic ones
- :mod:`snb.measures`  summary numbers: profile, concentration, two-mode projections
- :mod:`snb.models`    reach, cascades, adaptation strategies, growing markets, outreach
- :mod:`snb.draw`      one consistent, colour-blind-safe way to draw a network
- :mod:`snb.widgets`   interactive explorers and the network-builder exercise
- :mod:`snb.checks`    exercise checks that explain what is wrong
- :mod:`snb.exercisegen` learner notebooks generated from worked solutions
"""

__version__ = "0.1.0"
