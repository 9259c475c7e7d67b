"""Shared set-up for the snb tests: a headless matplotlib backend."""

import matplotlib

matplotlib.use("Agg")


def pytest_configure(config):
    # tests/test_workshop_wheelhouse.py: builds and installs a wheelhouse (minutes, not seconds)
    config.addinivalue_line("markers", "slow: takes minutes (still part of make test; -m 'not slow' skips it)")
