"""Shared set-up for the snb tests: a headless matplotlib backend."""

import matplotlib

matplotlib.use("Agg")
